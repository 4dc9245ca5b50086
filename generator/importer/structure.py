"""Recognise a document's structure from its lines, using the kinds' own data.

Which kind, which header field, which section: all of it is matched against
the labels and section titles in each kind.yaml, so a municipality's own kind
imports too. What cannot be placed is kept, marked, for the user to place.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
import re
from dataclasses import dataclass, field

from generator.importer.closing import Closing
from generator.importer.dates import datum_from
from generator.importer.header import Labels, persoon
from generator.importer.regel import Regel
from generator.proposal.vocabulary import ALLE_UITKOMSTEN, COLLEGE
from generator.importer.tables import bedrag, tabel, take_columns

_BESLUIT = re.compile(r"^Besluit\s+(Burgemeester en Wethouders|B&W|college)\s+d\.d\.\s+"
                      r"(\d{1,2}\s+\w+\s+\d{4}|\d{1,2}-\d{1,2}-\d{4}):?\s*(.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(.*)$")


@lru_cache(maxsize=65536)
def _normalise(tekst: str) -> str:
    tekst = re.sub(r"^\d{1,2}[.)]\s+", "", tekst.strip()).rstrip(":").strip().lower()
    return re.sub(r"\s*\(.*?\)\s*", " ", tekst).strip()


@lru_cache(maxsize=65536)
def looks_like(regel: str, titel: str) -> bool:
    """Is this line the heading or label `titel`? Exact after normalising, or close;
    the cheap length bound runs first, so a long document stays linear."""
    if len(regel) > 120:
        return False
    return _similar(_normalise(regel), _normalise(titel))


def _similar(a: str, b: str) -> bool:
    if not a or len(a) > 90:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < 0.78 * max(len(a), len(b)):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.88 and matcher.quick_ratio() >= 0.88 and matcher.ratio() >= 0.88


@dataclass
class Structure:
    """What the structure pass found."""

    velden: dict = field(default_factory=dict)
    markdown: dict = field(default_factory=dict)  # field or section key -> list of blocks
    beslispunten: list = field(default_factory=list)
    besluiten: list = field(default_factory=list)
    unplaced: dict = field(default_factory=dict)  # key -> list of texts
    attention: list = field(default_factory=list)
    problemen: list = field(default_factory=list)  # tables that do not add up: the import is not done


def choose_soort(regels: list[Regel], soorten) -> object:
    """The kind whose section titles and field labels the document matches most.

    Every line is normalised once; a title is looked up exactly, then compared
    only with lines of about its length, so a long document stays linear."""
    lines = {_normalise(r.tekst) for r in regels if r.soort != "rij" and len(r.tekst) <= 120}
    by_length: dict[int, list[str]] = {}
    for a in lines:
        by_length.setdefault(len(a), []).append(a)
    labels = {r.tekst.split(":", 1)[0].strip().lower() for r in regels if ":" in r.tekst[:60]}

    def present(titel: str) -> bool:
        b = _normalise(titel)
        if b in lines or titel.lower() in labels:
            return True
        near = range(int(0.78 * len(b)), int(len(b) / 0.78) + 2)
        return any(_similar(a, b) for n in near for a in by_length.get(n, ()))

    def score(soort) -> int:
        titles = [s["titel"] for s in soort.secties] + [v.get("label", "") for v in soort.velden]
        return sum(present(t) for t in titles if t)
    return max(soorten, key=score)


class Recognizer:
    def __init__(self, soort):
        self.soort, self.out = soort, Structure()
        self.target: str | None = None  # key of the field or section being filled
        self.pending_label: dict | None = None
        self.paragraph: list[str] = []
        self.rijen: list[list[str]] = []
        self.besluit_pending: dict | None = None
        self.pending_onderwerp = False
        self.labels, self.closing = Labels(soort), Closing(soort)
        self.last_persoon: str | None = None
        self.pending_part: tuple | None = None

    # --- helpers over the kind's data
    def _sectie(self, tekst: str):
        return next((s for s in self.soort.secties if looks_like(tekst, s["titel"])), None)

    def _field_label(self, tekst: str):
        return next((v for v in self.soort.velden if v.get("label") and looks_like(tekst, v["label"])), None)

    def _is_beslispunten_heading(self, tekst: str) -> bool:
        intro = self.soort.beslispunten_intro
        in_sectie = self.target is not None and self.target.startswith("secties.")
        return looks_like(tekst, "Beslispunten") or bool(
            intro and not in_sectie and not self.out.beslispunten and looks_like(tekst, intro) and len(tekst) < 40)

    # --- the walk
    def process(self, regels: list[Regel]) -> Structure:
        for r in regels:
            self.regel(r)
        self.close_paragraph()
        self.close_table()
        return self.out

    def regel(self, r: Regel) -> None:
        if r.soort == "rij":
            self.close_paragraph()
            self.row(r)
            return
        if r.soort == "leeg":
            self.close_paragraph()
            return
        if self.rijen and re.fullmatch(r"[-—_\s]+", r.tekst):
            return
        self.close_table()
        if self.besluit_pending is not None:
            self.besluit_uitkomst(r.tekst)
        elif not self.kop(r):
            self.inhoud(r)

    def kop(self, r: Regel) -> bool:
        tekst = r.tekst
        if self.pending_label is not None and self.pending_label["sleutel"] in self.out.velden:
            self.pending_label = None  # filled meanwhile (the line under the kind's title)
        besluit = _BESLUIT.match(tekst)
        if besluit:
            self.close_paragraph()
            self.besluit_pending = {"orgaan": COLLEGE, "datum": datum_from(besluit.group(2))}
            if besluit.group(3):
                self.besluit_uitkomst(besluit.group(3))
            return True
        if self.closing.line(self, tekst):
            return True
        addressee = len(tekst) < 40 and re.match(r"^aan\s+(de|het)\s", tekst, re.IGNORECASE)
        if r.soort == "titel" or (self.pending_onderwerp and "onderwerp" not in self.out.velden
                                  and self.labels.of(tekst) is None and not addressee):
            self.out.velden.setdefault("onderwerp", re.sub(r"^onderwerp\s*:\s*", "", tekst, flags=re.IGNORECASE))
            self.pending_onderwerp = False
            return True
        if tekst.lower() == self.soort.titel.lower() and "onderwerp" not in self.out.velden:
            self.pending_onderwerp = True
            return True
        if re.match(r"^Gemeente\s+\S", tekst) and "gemeente" not in self.out.velden and len(tekst) < 40:
            self.out.velden["gemeente"] = tekst.split(None, 1)[1]
            return True
        return self.section_heading(r) or self.field_line(tekst)

    def section_heading(self, r: Regel) -> bool:
        tekst = r.tekst
        if self._is_beslispunten_heading(tekst) and r.soort != "genummerd":
            self.close_paragraph()
            self.target = "beslispunten"
            return True
        sectie = self._sectie(tekst) if r.soort != "genummerd" or self.target != "beslispunten" else None
        if sectie is not None and len(tekst) < len(sectie["titel"]) + 12:
            self.close_paragraph()
            self.target = "secties." + sectie["sleutel"]
            return True
        veld = self._field_label(tekst)
        if veld is not None and veld["type"] == "markdown" and len(tekst) < len(veld["label"]) + 4:
            self.close_paragraph()
            self.target = veld["sleutel"]
            return True
        return False

    def field_line(self, tekst: str) -> bool:
        if self.pending_part is not None:  # "Telefoon", then the number on the next line
            self.put(*self.pending_part, tekst)
            self.pending_part = None
            return True
        hit = self.labels.of(tekst)  # a label alone ("Datum", "E-mail"): the value is on the next line
        if hit is not None and self.labels.is_alias(tekst) and (hit[0] is not None or self.last_persoon):
            self.pending_part = hit
            return True
        if self.pending_label is not None:
            self.set_field(self.pending_label, tekst)
            self.pending_label = None
            return True
        prefixed = self.labels.prefixed(tekst)
        if prefixed is not None and (prefixed[0] is None or prefixed[0]["type"] != "markdown"):
            self.put(*prefixed)
            return True
        label, _, waarde = tekst.partition(":")
        veld = self._field_label(label) if waarde.strip() or tekst.endswith(":") else self._field_label(tekst)
        if veld is None or veld["type"] in ("markdown", "beslispunten"):
            return False
        if veld["type"] in ("bijlagen", "lijst"):
            self.close_paragraph()
            self.target = "lijst:" + veld["sleutel"]
        elif waarde.strip():
            self.set_field(veld, waarde.strip())
        else:
            self.pending_label = veld
        return True

    def label_cells(self, cells: list[str]) -> bool:
        """Header rows like "Kenmerk: 2020-010358 Begrotingswijziging: Ja" (several per cell)."""
        labels = sorted((v["label"] for v in self.soort.velden if v.get("label")), key=len, reverse=True)
        pattern = re.compile(r"(" + "|".join(re.escape(lbl) for lbl in labels) + r"):\s*", re.IGNORECASE)
        found = False
        for cell in cells:
            parts = pattern.split(cell)
            for label, waarde in zip(parts[1::2], parts[2::2]):
                veld = self._field_label(label)
                if veld is not None and waarde.strip() and veld["type"] not in ("markdown", "beslispunten"):
                    self.set_field(veld, waarde.strip())
                    found = True
        return found

    def set_field(self, veld: dict, waarde: str) -> None:
        if veld["type"] == "datum":
            waarde = datum_from(waarde) or waarde
        elif veld["type"] == "keuze":
            waarde = next((o for o in veld["opties"] if o.lower() == waarde.lower()), waarde)
        elif veld["type"] == "janee":
            waarde = waarde.strip().lower() in ("ja", "yes", "true")
        elif veld["type"] == "persoon":
            waarde = persoon(waarde)
            self.last_persoon = veld["sleutel"]
        elif veld["type"] == "tekst":
            waarde = " ".join(waarde.split())
        self.out.velden.setdefault(veld["sleutel"], waarde)

    def put(self, veld: dict | None, part: str | None, waarde: str) -> None:
        """A value for a field, or for a part of one (adviseur.email; None: the person named last)."""
        sleutel = veld["sleutel"] if veld is not None else self.last_persoon
        if part is None and veld is not None:
            self.set_field(veld, waarde)
        elif sleutel is not None:
            target = self.out.velden.setdefault(sleutel, {})
            if isinstance(target, dict):
                target.setdefault(part, " ".join(waarde.split()))
            if veld is not None and veld["type"] == "persoon":
                self.last_persoon = sleutel

    def vraag_or_antwoord(self, tekst: str) -> bool:
        veld = next((v for v in self.soort.velden if v["type"] == "vragen"), None)
        hit = re.match(r"^(Vraag|Antwoord)\s*\d*\s*:?\s*$", tekst, re.IGNORECASE)
        if veld is None or not hit:
            return False
        self.close_paragraph()
        vragen = self.out.velden.setdefault(veld["sleutel"], [])
        if hit.group(1).lower() == "vraag":
            vragen.append({"vraag": "", "antwoord": ""})
        self.target = f"vraag:{len(vragen) - 1}:{hit.group(1).lower()}" if vragen else None
        return True

    def inhoud(self, r: Regel) -> None:
        tekst = r.tekst
        if self.vraag_or_antwoord(tekst):
            return
        if self.target and self.target.startswith("lijst:"):
            if re.match(r"^(\d{1,2}[.)]|[-•*])\s+", tekst) or r.soort in ("lijst", "genummerd"):
                item = re.sub(r"^(\d{1,2}[.)]|[-•*])\s+", "", tekst)
                self.out.velden.setdefault(self.target[6:], []).append(item)
                return
            self.target = None
        if self.target and self.target.startswith("vraag:"):
            _, i, part = self.target.split(":")
            vragen = self.out.velden[next(v["sleutel"] for v in self.soort.velden if v["type"] == "vragen")]
            vragen[int(i)][part] = (vragen[int(i)][part] + "\n\n" + tekst).strip()
            return
        if self.target == "beslispunten":
            self.beslispunt(r)
        elif self.target is None:
            self.out.unplaced.setdefault("", []).append(tekst)
        elif r.soort == "subkop" or (r.soort == "tekst" and tekst.endswith(":") and len(tekst.split()) <= 5
                                     and not self.paragraph):
            self.close_paragraph()
            self.block(f"### {tekst.rstrip(':')}")
        elif r.soort in ("lijst", "genummerd") or re.match(r"^[-•*]\s+", tekst):
            self.close_paragraph()
            self.block(re.sub(r"^[•*]\s+", "- ", tekst), list_=True)
        else:
            self.paragraph.append(tekst)

    def beslispunt(self, r: Regel) -> None:
        number = _NUMBERED.match(r.tekst)
        if number:
            self.out.beslispunten.append(number.group(2))
        elif self.soort.beslispunten_intro and looks_like(r.tekst, self.soort.beslispunten_intro):
            return
        elif self.out.beslispunten and r.soort == "tekst" and not r.tekst.endswith(":"):
            self.out.beslispunten[-1] += " " + r.tekst
        else:
            self.out.unplaced.setdefault("beslispunten", []).append(r.tekst)

    def besluit_uitkomst(self, tekst: str) -> None:
        word = tekst.strip().rstrip(".").split()[0].lower() if tekst.strip() else ""
        record = self.besluit_pending
        self.besluit_pending = None
        record["uitkomst"] = next((u for u in ALLE_UITKOMSTEN if word.startswith(u)), None)
        if record["uitkomst"] is None or record["datum"] is None:
            self.out.attention.append(f"besluitregel niet te lezen: '{tekst}'")
            return
        rest = tekst.strip().split(None, 1)[1:] if len(tekst.split()) > 1 else []
        if rest:
            record["toelichting"] = rest[0]
        self.out.besluiten.append(record)

    def block(self, tekst: str, list_: bool = False) -> None:
        blocks = self.out.markdown.setdefault(self.target, [])
        if list_ and blocks and isinstance(blocks[-1], list):
            blocks[-1].append(tekst)
        else:
            blocks.append([tekst] if list_ else tekst)

    def close_paragraph(self) -> None:
        if self.paragraph and self.target not in (None, "beslispunten"):
            self.block(" ".join(self.paragraph))
        elif self.paragraph:
            self.out.unplaced.setdefault(self.target or "", []).append(" ".join(self.paragraph))
        self.paragraph = []

    def row(self, r: Regel) -> None:
        cells = r.tekst.split("\t")
        if all(re.fullmatch(r"[-—_\s]*", c) for c in cells):
            return
        label = _normalise(cells[0])
        if self.closing.cells(self, cells):
            return
        if self.target is None or not self.target.startswith("secties."):
            pairs = self.labels.pairs(cells)
            for veld, part, waarde in pairs:
                self.put(veld, part, waarde)
            if pairs or self.label_cells(cells):
                return
        cells = [" ".join(c.split()) for c in cells]
        if self.rijen and cells == self.rijen[0]:
            return  # the header row repeated on the next page
        if self.rijen and _was_total(self.rijen[-1]) and not any(bedrag(c) for c in cells[1:]) and label:
            self.close_table()
        self.rijen.append(cells)

    def close_table(self) -> None:
        if not self.rijen:
            return
        rijen, self.rijen = self.rijen, []
        titel = self._title_from_paragraph()
        found, attention = tabel(rijen, titel)
        self.out.attention += attention
        if found is not None:
            self.out.problemen += found.get("_import", [])
        if found is None or self.target is None or not self.target.startswith("secties."):
            self.out.unplaced.setdefault(self.target or "", []).extend("\t".join(r) for r in rijen)
            return
        previous = next((b for b in reversed(self.out.markdown.get(self.target, [])) if isinstance(b, dict)), None)
        if previous is not None:
            take_columns(previous, found)
        self.out.markdown.setdefault(self.target, []).append(found)

    def _title_from_paragraph(self) -> str | None:
        blocks = self.out.markdown.get(self.target or "", [])
        if blocks and isinstance(blocks[-1], str) and len(blocks[-1].split()) <= 6 \
                and not blocks[-1].endswith((".", ":")):
            return blocks.pop().removeprefix("### ")
        return None


def _was_total(cells: list[str]) -> bool:
    return bool(cells) and cells[0].strip().lower().startswith("totaal")
