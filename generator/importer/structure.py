"""Recognise a document's structure from its lines, using the kinds' own data.

Which kind, which header field, which section: all of it is matched against
the labels and section titles in each kind.yaml, so a municipality's own kind
imports too. What cannot be placed is kept, marked, for the user to place.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from generator.importer.read import Regel
from generator.importer.tables import bedrag, tabel

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]
_DATE_RE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_BESLUIT = re.compile(r"^Besluit\s+(Burgemeester en Wethouders|B&W|college)\s+d\.d\.\s+"
                      r"(\d{1,2}\s+\w+\s+\d{4}|\d{1,2}-\d{1,2}-\d{4}):?\s*(.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(.*)$")
UITKOMST = {"conform": "conform", "gewijzigd": "gewijzigd", "aangehouden": "aangehouden",
            "afgewezen": "afgewezen", "aangenomen": "aangenomen", "verworpen": "verworpen"}


def datum_from(tekst: str) -> dt.date | None:
    t = _DATE_RE.search(tekst or "")
    if t:
        return dt.date(int(t.group(3)), MONTHS.index(t.group(2).lower()) + 1, int(t.group(1)))
    t = re.search(r"(\d{1,2})-(\d{1,2})-(\d{4})", tekst or "")
    return dt.date(int(t.group(3)), int(t.group(2)), int(t.group(1))) if t else None


def _normalise(tekst: str) -> str:
    tekst = re.sub(r"^\d{1,2}[.)]\s+", "", tekst.strip()).rstrip(":").strip().lower()
    return re.sub(r"\s*\(.*?\)\s*", " ", tekst).strip()


def looks_like(regel: str, titel: str) -> bool:
    a, b = _normalise(regel), _normalise(titel)
    if not a or len(a) > 90:
        return False
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.88


@dataclass
class Structure:
    """What the structure pass found."""

    velden: dict = field(default_factory=dict)
    markdown: dict = field(default_factory=dict)  # field or section key -> list of blocks
    beslispunten: list = field(default_factory=list)
    besluiten: list = field(default_factory=list)
    unplaced: dict = field(default_factory=dict)  # key -> list of texts
    attention: list = field(default_factory=list)


def choose_soort(regels: list[Regel], soorten) -> object:
    """The kind whose section titles and field labels the document matches most."""
    def score(soort) -> int:
        titles = [s["titel"] for s in soort.secties] + [v.get("label", "") for v in soort.velden]
        return sum(any(looks_like(r.tekst, t) or r.tekst.lower().startswith(t.lower() + ":") for r in regels
                       if r.soort != "rij") for t in titles if t)
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
        besluit = _BESLUIT.match(tekst)
        if besluit:
            self.close_paragraph()
            self.besluit_pending = {"orgaan": "college", "datum": datum_from(besluit.group(2))}
            if besluit.group(3):
                self.besluit_uitkomst(besluit.group(3))
            return True
        if r.soort == "titel" or (self.pending_onderwerp and "onderwerp" not in self.out.velden):
            self.out.velden.setdefault("onderwerp", tekst)
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
        if self.pending_label is not None:
            self.set_field(self.pending_label, tekst)
            self.pending_label = None
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
            parts = [d.strip() for d in waarde.split(",")]
            waarde = {"naam": parts[0], **{("email" if "@" in d else "telefoon"): d for d in parts[1:]}}
        self.out.velden.setdefault(veld["sleutel"], waarde)

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
        record["uitkomst"] = next((v for k, v in UITKOMST.items() if word.startswith(k)), None)
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
        if self.target is None or not self.target.startswith("secties."):
            veld = self._field_label(cells[0])
            if veld is not None and len(cells) > 1 and veld["type"] not in ("markdown", "beslispunten"):
                self.set_field(veld, next((c for c in cells[1:] if c.strip()), ""))
                return
            if self.label_cells(cells):
                return
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
        if found is None or self.target is None or not self.target.startswith("secties."):
            self.out.unplaced.setdefault(self.target or "", []).extend("\t".join(r) for r in rijen)
            return
        previous = next((b for b in reversed(self.out.markdown.get(self.target, [])) if isinstance(b, dict)), None)
        if previous is not None:
            _take_columns(previous, found)
        self.out.markdown.setdefault(self.target, []).append(found)

    def _title_from_paragraph(self) -> str | None:
        blocks = self.out.markdown.get(self.target or "", [])
        if blocks and isinstance(blocks[-1], str) and len(blocks[-1].split()) <= 6 \
                and not blocks[-1].endswith((".", ":")):
            return blocks.pop().removeprefix("### ")
        return None


def _take_columns(previous: dict, tabel: dict) -> None:
    """A continuation table without header row takes the columns of the table above it."""
    n_previous = len(previous["kolommen"]) + (1 if previous.get("rijtotaal") else 0)
    if any(k != "Bedrag" for k in tabel["kolommen"]) or len(tabel["kolommen"]) != n_previous:
        return
    tabel["kolommen"] = list(previous["kolommen"])
    if previous.get("rijtotaal"):
        tabel["rijtotaal"] = True
        n = len(tabel["kolommen"])
        for regel in tabel["regels"]:
            if isinstance(regel.get("bedrag"), list):
                regel["bedrag"] = regel["bedrag"][:n]
        if isinstance(tabel.get("totaal"), list):
            tabel["totaal"] = tabel["totaal"][:n]


def _was_total(cells: list[str]) -> bool:
    return bool(cells) and cells[0].strip().lower().startswith("totaal")
