"""The table rows of a document: header pairs, the closing part's rows, financial tables.

A mixin of the Recognizer (structure.py): a row is a header pair ("Kenmerk | 2021.00412"),
a row of the closing part, or a row of a financial table; a table is closed at the next
text line, takes its title and unit from the caption above it, and lands in its section.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from generator.importer import units
from generator.importer.guess import is_label
from generator.importer.points import mark_and_text
from generator.importer.regel import Regel
from generator.importer.table_check import headless
from generator.importer.tables import bedrag, tabel, take_columns
from generator.importer.vocabulary import _normalise


class TableRows:
    """Needs of the Recognizer it is mixed into (structure.py), declared for the type checker."""

    soort: Any
    out: Any
    target: str | None
    rijen: list[list[str]]
    labels: Any
    closing: Any
    guesser: Any
    vocabulary: Any
    last_persoon: str | None
    held_label: str | None
    prev_label: str | None
    next_regel: Any
    besluitvak: Any
    heading_in_the_open: Callable[[str], None]  # headings.py: annotated only, so the mixin's method is found
    regel: Callable[[Regel], None]  # structure.py: a line of the document

    def put(self, veld: dict | None, part: str | None, waarde: str) -> None:
        raise NotImplementedError

    def set_field(self, veld: dict, tekst: str) -> None:
        raise NotImplementedError

    def _field_label(self, tekst: str) -> dict | None:
        raise NotImplementedError

    def close_paragraph(self) -> None:
        raise NotImplementedError

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

    def guess(self, label: str, waarde: str) -> bool:
        """Place a pair nota's labels do not know by a guess (guess.py), marked; False: no guess."""
        found = self.guesser.guess(label, waarde, self.out.velden, self.last_persoon)
        if found is None:
            return False
        veld, part, reason = found
        self.put(veld, part, waarde)
        sleutel = veld["sleutel"] if veld is not None else self.last_persoon
        self.out.guessed.setdefault(sleutel, []).append(
            f"{label.strip().rstrip(':')}: {' '.join(waarde.split())} ({reason})"
        )
        return True

    def guessed_pair(self, cells: list[str]) -> bool:
        """A header row of two cells, label and value: "Documentnummer | Z/24/118342"."""
        filled = [c for c in cells if c.strip()]
        return len(filled) == 2 and self.guess(filled[0], filled[1])

    def rest_of_row(self, cells: list[str], pairs: list[tuple]) -> None:
        """The cells of a header row of several pairs (label | value | label | value) that no known
        label took: each pair placed by a guess (marked), else kept, marked; never dropped."""
        taken = {waarde for _, _, waarde in pairs}
        rest = [
            c.strip() for c in cells if c.strip() and c.strip() not in taken and self.labels.of(c, answers=True) is None
        ]
        for label, waarde in zip(rest[::2], rest[1::2]):
            if not self.guess(label, waarde):
                self.out.unplaced.setdefault(self.target or "", []).append(f"{label}: {waarde}")
        if len(rest) % 2:
            self.out.unplaced.setdefault(self.target or "", []).append(rest[-1])

    def header_line(self, tekst: str) -> None:
        """A line before any section: the value of the unknown label just above it, or kept, marked."""
        unplaced = self.out.unplaced.setdefault("", [])
        if (
            self.prev_label is not None
            and unplaced
            and unplaced[-1] == self.prev_label
            and self.guess(self.prev_label, tekst)
        ):
            unplaced.pop()
            return
        label, colon, waarde = tekst.partition(":")
        if colon and waarde.strip() and is_label(label) and self.guess(label, waarde.strip()):
            return  # "Archiefnummer: Z/24/1": a label nota does not know, placed by a guess (marked)
        if self.heading_above_text(tekst):
            self.heading_in_the_open(tekst)  # "Korte inhoud" over a paragraph: the summary, marked
            return
        unplaced.append(tekst)
        self.held_label = tekst if is_label(tekst) else None

    def heading_above_text(self, tekst: str) -> bool:
        """In text without styles, before the beslispunten: a short capitalised line without a colon,
        digits or closing punctuation, right above running text (a sentence of eight words or more)."""
        volgende = self.next_regel
        return (
            not self.out.beslispunten
            and 0 < len(tekst.split()) <= 4
            and tekst[:1].isupper()
            and not re.search(r"[\d:.,;!?€@]", tekst)
            and volgende is not None
            and volgende.soort == "tekst"
            and len(volgende.tekst.split()) >= 8
            and volgende.tekst[:1].isupper()
        )

    def value_of_unknown_label(self, tekst: str) -> bool:
        """Before the first section, the line under an unknown label is its value, not a heading
        (unless it is a section's own title): "Organisatieonderdeel", then "Openbare Ruimte"."""
        unplaced = self.out.unplaced.get("", [])
        if (
            self.prev_label is None
            or self.target is not None
            or not unplaced
            or unplaced[-1] != self.prev_label
            or self.vocabulary.sectie(tekst, own_only=True) is not None
            or self._field_label(tekst) is not None
            or self.labels.of(tekst) is not None
        ):
            return False
        self.header_line(tekst)
        self.held_label = None
        return True

    def label_of_onderwerp(self, tekst: str) -> bool:
        """One word right under the kind's title ("Betreft"): read as the onderwerp's label, the
        line under it as the onderwerp; the word is kept in the marker, so nothing is lost."""
        self.out.velden.pop("onderwerp", None)
        self.out.guessed.setdefault("onderwerp", []).append(
            f"'{tekst}' onder de titel gelezen als het label van het onderwerp; de regel eronder als het onderwerp"
        )
        return True

    def row(self, r: Regel) -> None:
        self.pending_onderwerp = False  # the onderwerp is the line right under the kind's title
        cells = r.tekst.split("\t")
        if all(re.fullmatch(r"[-—_\s]*", c) for c in cells):
            return
        if not self.rijen and (tekst := mark_and_text(cells)) is not None:
            self.regel(Regel(tekst, "tekst", r.number, r.size))  # "I. | De contracten …": a point
            return
        label = _normalise(cells[0])
        if self.closing.cells(self, cells) or self.besluitvak.cells(self, cells):
            return
        if self.target is None or not self.target.startswith("secties."):
            pairs = self.labels.pairs(cells)
            for veld, part, waarde in pairs:
                self.put(veld, part, waarde)
            if pairs:
                self.rest_of_row(cells, pairs)
                return
            if self.label_cells(cells) or self.guessed_pair(cells):
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
        schaal = self._caption_scale()
        titel = self._title_from_paragraph()
        found, attention = tabel(rijen, titel, schaal)
        self.out.attention += attention
        if found is None or self.target is None or not self.target.startswith("secties."):
            self.out.problemen += found.get("_import", []) if found is not None else []
            self.out.unplaced.setdefault(self.target or "", []).extend("\t".join(r) for r in rijen)
            return
        previous = next((b for b in reversed(self.out.markdown.get(self.target, [])) if isinstance(b, dict)), None)
        if previous is not None:
            take_columns(previous, found)
        if (probleem := headless(found)) is not None:
            found["_import"] = [probleem]
        self.out.problemen += found.get("_import", [])
        self.out.markdown.setdefault(self.target, []).append(found)

    def _caption_scale(self) -> tuple | None:
        """The unit a caption above the table states ("(bedragen x € 1.000)"), taken out of it."""
        blocks = self.out.markdown.get(self.target or "", [])
        for i in range(len(blocks) - 1, max(len(blocks) - 3, -1), -1):
            if not isinstance(blocks[i], str) or len(blocks[i].split()) > 14:
                break
            found = units.scale(blocks[i])
            if found:
                rest = units.without(blocks[i].removeprefix("### "))
                if rest:
                    blocks[i] = rest
                else:
                    del blocks[i]
                return found
        return None

    def _title_from_paragraph(self) -> str | None:
        blocks = self.out.markdown.get(self.target or "", [])
        if (
            blocks
            and isinstance(blocks[-1], str)
            and len(blocks[-1].split()) <= 6
            and not blocks[-1].endswith((".", ":"))
        ):
            return blocks.pop().removeprefix("### ")
        return None


def _was_total(cells: list[str]) -> bool:
    return bool(cells) and cells[0].strip().lower().startswith("totaal")
