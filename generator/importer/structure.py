"""Recognise a document's structure from its lines, using the kinds' own data.

Which kind, which header field, which section: all of it is matched against
the labels and section titles in each kind.yaml, so a municipality's own kind
imports too. What cannot be placed is kept, marked, for the user to place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


from generator.importer import furniture
from generator.importer.besluitvak import BESLUIT_LINE, Besluitvak, uitkomst
from generator.importer.closing import Closing
from generator.importer.dates import datum_from
from generator.importer.field_values import FieldValues
from generator.importer.guess import Guesser
from generator.importer.header import Labels, label_like
from generator.importer.headings import SECTION_NUMBER, Headings, headingish, plain_heading, top_number
from generator.importer.regel import Regel
from generator.importer.table_rows import TableRows
from generator.importer.vocabulary import (
    Vocabulary,
    is_intro,
    looks_like,
)
from generator.proposal.vocabulary import COLLEGE, is_nvt

__all__ = ["Recognizer", "Structure"]


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
    guessed: dict = field(default_factory=dict)  # key -> reasons of values placed by a guess (guess.py)
    unsealed: list = field(default_factory=list)  # decisions imported without a seal (sealing.py)


class Recognizer(FieldValues, TableRows, Headings):
    def __init__(self, soort):
        self.soort, self.out = soort, Structure()
        self.target: str | None = None  # key of the field or section being filled
        self.pending_label: dict | None = None
        self.paragraph: list[str] = []
        self.rijen: list[list[str]] = []
        self.besluit_pending: dict | None = None
        self.pending_onderwerp = False
        self.onderwerp_open = False  # the onderwerp was the last line: a wrapped next line continues it
        self.continues_onderwerp = False
        self.labels, self.closing = Labels(soort), Closing(soort)
        self.vocabulary, self.besluitvak = Vocabulary(soort), Besluitvak(soort)
        self.unknown: list[tuple[str, str]] = []  # (target, heading) of headings that are no section
        self.bulleted: list[bool] = []  # per beslispunt: a bullet (headings.py)
        self.last_persoon: str | None = None
        self.pending_part: tuple[dict | None, str | None] | None = None
        self.guesser, self.held_label, self.prev_label = Guesser(soort, self.labels), None, None
        self.next_regel: Regel | None = None
        self.section_size = 0.0  # the font size of the first section heading of a PDF
        self.section_number: str | None = None  # the number of the heading that opened the section

    # --- helpers over the kind's data
    def _sectie(self, tekst: str, own_only: bool = False):
        return self.vocabulary.sectie(tekst, own_only)

    def _field_label(self, tekst: str):
        return self.vocabulary.own_label(tekst) or self.vocabulary.veld(tekst)

    def _is_beslispunten_heading(self, tekst: str) -> bool:
        intro = self.soort.beslispunten_intro
        in_sectie = self.target is not None and self.target.startswith("secties.")
        return (
            looks_like(tekst, "Beslispunten")
            or bool(
                intro and not in_sectie and not self.out.beslispunten and looks_like(tekst, intro) and len(tekst) < 40
            )
            or not self.out.beslispunten
            and self.target != "beslispunten"
            and is_intro(tekst)
        )

    # --- the walk
    def process(self, regels: list[Regel]) -> Structure:
        for i, r in enumerate(regels):
            self.next_regel = next((n for n in regels[i + 1 : i + 4] if n.soort not in ("leeg", "meubilair")), None)
            self.regel(r)
        self.close_paragraph()
        self.close_table()
        self.mark_unknown_headings()
        self.besluitvak.finish(self)
        return self.out

    def regel(self, r: Regel) -> None:
        self.continues_onderwerp, self.onderwerp_open = self.onderwerp_open, False
        if r.soort == "meubilair":  # running heads, page numbers, a watermark: only the gemeente counts
            if furniture.gemeente(r.tekst):
                self.out.velden.setdefault("gemeente", furniture.gemeente(r.tekst))
            return
        if r.soort == "rij":
            self.close_paragraph()
            self.row(r)
            return
        if r.soort == "tekst" and self.target is None and (parts := self.labels.inline(r.tekst)) != [r.tekst]:
            for part in parts:  # "Onderwerp: X Kenmerk: Y": one header field per label
                self.regel(Regel(part, r.soort, r.number, r.size))
            return
        if r.soort == "leeg":
            self.close_paragraph()
            return
        self.prev_label, self.held_label = self.held_label, None
        if self.rijen and re.fullmatch(r"[-—_\s]+", r.tekst):
            return
        self.close_table()
        if self.besluit_pending is not None:
            self.besluit_uitkomst(r.tekst)
        elif not self.kop(r):
            self.inhoud(r)

    def kop(self, r: Regel) -> bool:
        tekst = r.tekst
        if self.value_of_unknown_label(tekst):
            return True
        if self.pending_label is not None and self.pending_label["sleutel"] in self.out.velden:
            self.pending_label = None  # filled meanwhile (the line under the kind's title)
        if self.pending_label is not None and self._field_label(tekst) is None and self.labels.of(tekst) is None:
            self.set_field(self.pending_label, tekst)  # "Afdeling", then its value: never a heading
            self.onderwerp_open = self.pending_label["sleutel"] == "onderwerp"
            self.pending_label = None
            return True
        if (
            self.continues_onderwerp
            and r.soort == "tekst"
            and self._field_label(tekst) is None
            and not self.labels.opens(tekst)
            and isinstance(self.out.velden.get("onderwerp"), str)
        ):
            self.out.velden["onderwerp"] += " " + tekst  # a title wrapped over two lines
            self.onderwerp_open = True
            return True
        if self.classification_stamp(tekst):
            return True
        besluit = BESLUIT_LINE.match(tekst)
        if besluit:
            self.close_paragraph()
            self.besluit_pending = {"orgaan": COLLEGE, "datum": datum_from(besluit.group(2))}
            if besluit.group(3):
                self.besluit_uitkomst(besluit.group(3))
            return True
        if self.closing.line(self, tekst) or self.besluitvak.line(self, tekst):
            return True
        titled = self.vocabulary.title_with_onderwerp(tekst)  # "Raadsvoorstel: X": the onderwerp in the title line
        if self.vocabulary.is_title(tekst) or titled:  # "Raadsvoorstel": the onderwerp follows, unless it is known
            self.pending_onderwerp = "onderwerp" not in self.out.velden
            if titled and self.pending_onderwerp:
                self.out.velden["onderwerp"], self.onderwerp_open, self.pending_onderwerp = titled, True, False
            return True
        addressee = len(tekst) < 40 and re.match(r"^aan\s+(de|het)\s", tekst, re.IGNORECASE)
        if addressee and self.target is None and "onderwerp" not in self.out.velden:
            return True  # "Aan de gemeenteraad": the kind's template says it
        if r.soort == "titel" or (
            self.pending_onderwerp
            and "onderwerp" not in self.out.velden
            and self.labels.of(tekst) is None
            and not addressee
            and self._field_label(tekst) is None
            and self._sectie(tekst) is None
            and self.labels.prefix_key(tekst) in (None, "onderwerp")  # "Datum: 3 maart 2024" is no onderwerp
        ):
            waarde = re.sub(r"^onderwerp\s*:\s*", "", tekst, flags=re.IGNORECASE)
            self.out.velden.setdefault("onderwerp", waarde)
            self.onderwerp_open = self.pending_onderwerp and r.soort == "tekst"
            if len(tekst.split()) == 1 and self.pending_onderwerp and r.soort == "tekst":
                return self.label_of_onderwerp(tekst)  # "Betreft": a label nota does not know
            if waarde == tekst and (len(tekst.split()) == 1 or self.pending_onderwerp and label_like(tekst)):
                self.out.unplaced.setdefault("onderwerp", []).append(
                    f"het onderwerp '{tekst}' is kort als een label: controleer of het niet het label van het "
                    "onderwerp is"
                )
            self.pending_onderwerp = False
            return True
        if tekst.lower() == self.soort.titel.lower() and "onderwerp" not in self.out.velden:
            self.pending_onderwerp = True
            return True
        gemeente = furniture.gemeente(tekst) if len(tekst) < 40 else None
        if gemeente and self.out.velden.setdefault("gemeente", gemeente) == gemeente:
            return True
        return self.section_heading(r) or self.field_line(tekst)

    def section_heading(self, r: Regel) -> bool:
        tekst = r.tekst
        if self._is_beslispunten_heading(tekst) and r.soort != "genummerd":
            self.close_paragraph()
            self.target = "beslispunten"
            return True
        if self.intro_above_points(r):
            return True
        in_punten = r.soort == "genummerd" and self.target == "beslispunten"
        sectie = None if in_punten else self._sectie(tekst, r.soort == "subkop")
        if sectie is not None and self.one_word_under_a_section(r, sectie):
            return True
        if sectie is not None:
            self.close_paragraph()
            self.target, self.section_number = "secties." + sectie["sleutel"], top_number(tekst)
            self.section_size = self.section_size or r.size
            return True
        veld = self._field_label(tekst)
        if (
            veld is not None
            and veld["type"] == "markdown"
            and (len(tekst) < len(veld["label"]) + 4 or self.vocabulary.veld(tekst) is veld)
        ):
            self.close_paragraph()
            self.target = veld["sleutel"]
            self.section_size = self.section_size or r.size  # "Samenvatting": as large as the sections
            return True
        return False

    def field_line(self, tekst: str) -> bool:
        if self.pending_part is not None:  # "Telefoon", then the number on the next line
            self.put(*self.pending_part, tekst)
            self.pending_part = None
            return True
        hit = self.labels.of(tekst)  # a label alone ("Datum", "E-mail"): the value is on the next line
        alias = self.labels.is_alias(tekst) or self.labels.asks(tekst)
        if hit is not None and alias and (hit[0] is not None or self.last_persoon):
            self.pending_part = hit
            return True
        if self.pending_label is not None:
            self.set_field(self.pending_label, tekst)
            self.pending_label = None
            return True
        prefixed = self.labels.prefixed(tekst) or (self.labels.spaced(tekst) if self.target is None else None)
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
        if self.target == "beslispunten" and r.soort == "kop":  # a heading nota does not know ends them
            self.heading_in_the_open(tekst)
            return
        if self.target == "beslispunten":
            self.beslispunt(r)
        elif (
            r.soort == "kop" and self.heading_not_title(tekst) and (self.section_level(r) or self.numbered_under(tekst))
        ):
            self.unknown_heading(tekst)
        elif self.target is None:
            self.header_line(tekst)
        elif (
            SECTION_NUMBER.match(tekst)
            and r.soort == "tekst"
            and headingish(tekst, 12 if self.numbered_under(tekst) else 7)
        ):
            self.unknown_heading(tekst)
        elif r.soort == "subkop" or (
            r.soort in ("tekst", "kop") and tekst.endswith(":") and len(tekst.split()) <= 5 and not self.paragraph
        ):
            self.close_paragraph()
            self.block(f"### {tekst.rstrip(':')}")
        elif r.soort in ("lijst", "genummerd") or re.match(r"^[-•*]\s+", tekst):
            self.close_paragraph()
            self.block(re.sub(r"^[•*]\s+", "- ", tekst), list_=True)
        elif r.soort == "tekst" and plain_heading(tekst, self.text_before()) and self.heading_not_title(tekst):
            self.unknown_heading(tekst)  # plain text without styles: a short line after a full stop
        else:
            self.paragraph.append(tekst)

    def besluit_uitkomst(self, tekst: str) -> None:
        record = self.besluit_pending or {}
        self.besluit_pending = None
        record["uitkomst"] = uitkomst(tekst)
        if record["uitkomst"] is None or record["datum"] is None:
            self.out.attention.append(f"besluitregel niet te lezen: '{tekst}'")
            return
        rest = tekst.strip().split(None, 1)[1:] if len(tekst.split()) > 1 else []
        if rest:
            record["toelichting"] = rest[0]
        self.out.besluiten.append(record)

    def heading_not_title(self, tekst: str) -> bool:
        """Not a table's title (a table follows), nor "Niet van toepassing", nor a label."""
        return (
            not tekst.endswith(":")
            and not is_nvt(tekst)
            and (self.next_regel is None or self.next_regel.soort != "rij")
        )

    def section_level(self, r: Regel) -> bool:
        """A heading as large as the sections' (a PDF's bold subheading is smaller); outside a
        section, or in a format with styles, every heading is. The first one sets the size."""
        if self.target is None or not self.target.startswith("secties.") or not self.section_size:
            self.section_size = self.section_size or r.size
            return True
        return not r.size or bool(self.section_size) and r.size >= self.section_size - 0.3

    def text_before(self) -> str:
        """The line before this one in the section: of the open paragraph, else its last block (a
        table ends what stands before it, as a full stop does)."""
        blocks = self.out.markdown.get(self.target, [])
        last = blocks[-1] if blocks else ""
        return self.paragraph[-1] if self.paragraph else last if isinstance(last, str) else "."

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
