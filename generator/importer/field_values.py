"""Setting a header field's value from what the structure pass read: a date, an option of a
keuze field, a person and its parts, a yes/no answer to an option ("Vertrouwelijk: Nee"), and a
classification stamp above the title ("OPENBAAR": an option alone, no label)."""

from __future__ import annotations

from typing import Any

from generator.importer.header import persoon
from generator.importer.shapes import ANSWER, answer, option_by_answer, shape_fits
from generator.importer.dates import datum_from


class FieldValues:
    """Mixin of the Recognizer (structure.py): the header fields it fills."""

    out: Any
    soort: Any
    labels: Any
    last_persoon: str | None
    target: str | None
    next_regel: Any
    pending_part: Any

    def set_field(self, veld: dict, tekst: str) -> None:
        misfit = _misfit(veld, tekst, self.labels)
        if misfit:  # never silently wrong: a value without its field's shape is kept, marked
            self.out.unplaced.setdefault(veld["sleutel"], []).append(
                f"{veld.get('label') or veld['sleutel']}: {tekst} ({misfit})"
            )
            return
        waarde: object = tekst
        if veld["type"] == "datum":
            waarde = datum_from(tekst) or tekst
        elif veld["type"] == "keuze":
            waarde = next((o for o in veld["opties"] if o.lower() == tekst.lower()), tekst)
        elif veld["type"] == "janee":
            waarde = tekst.strip().lower() in ("ja", "yes", "true")
        elif veld["type"] == "persoon":
            waarde = persoon(tekst)
            self.last_persoon = veld["sleutel"]
        elif veld["type"] == "tekst":
            waarde = " ".join(tekst.split())
        self.out.velden.setdefault(veld["sleutel"], waarde)

    def put(self, veld: dict | None, part: str | None, waarde: str) -> None:
        """A value for a field, or for a part of one (adviseur.email; None: the person named last)."""
        sleutel = veld["sleutel"] if veld is not None else self.last_persoon
        if part and part.startswith(ANSWER) and veld is not None:
            self.answered(veld, part.removeprefix(ANSWER), waarde)
        elif part is None and veld is not None:
            self.set_field(veld, waarde)
        elif sleutel is not None:
            target = self.out.velden.setdefault(sleutel, {})
            if isinstance(target, dict):
                target.setdefault(
                    part, ("" if part == "email" else " ").join(waarde.split())
                )  # a cell wraps an address
            if veld is not None and veld["type"] == "persoon":
                self.last_persoon = sleutel
        else:  # "Telefoon" with no person named before it: kept, marked
            self.out.unplaced.setdefault(self.target or "", []).append(f"{part}: {waarde}")

    def answered(self, veld: dict, optie: str, waarde: str) -> None:
        """ "Vertrouwelijk: Nee": the option the answer picks; marked when it leaves a choice."""
        if answer(waarde) is None and shape_fits(veld, None, waarde):
            self.set_field(veld, waarde)  # "Openbaarheid: Openbaar": an option, no yes or no
            return
        found = option_by_answer(veld, optie, waarde)
        if found is None:
            self.out.unplaced.setdefault(veld["sleutel"], []).append(f"{optie.capitalize()}: {waarde}")
            return
        self.set_field(veld, found[0])
        if not found[1]:
            self.out.guessed.setdefault(veld["sleutel"], []).append(
                f"{optie.capitalize()}: {waarde} (gelezen als {found[0]}; het kan ook een andere keuze zijn)"
            )

    def classification_stamp(self, tekst: str) -> bool:
        """In the header (above the title, or among the fields before any section or summary): a
        line that is one option of a keuze field and nothing else ("OPENBAAR", "Vertrouwelijk") is
        that field's stamp, not a heading; a PDF may print a right-aligned stamp after the title."""
        if self.target is not None or self.pending_part is not None:  # a label above awaits its value
            return False
        asked = self.next_regel is not None and answer(self.next_regel.tekst) is not None
        bare = tekst.strip().strip("*").rstrip(".").strip().lower()
        for veld in self.soort.velden:
            if veld["type"] == "keuze" and bare in (o.lower() for o in veld["opties"]):
                if veld["sleutel"] in self.out.velden:
                    return False
                if asked:  # "Vertrouwelijk" over "Nee": a yes/no label, its answer on the next line
                    self.pending_part = (veld, ANSWER + bare)
                    return True
                self.set_field(veld, bare)
                return True
        return False


def _misfit(veld: dict, tekst: str, labels: Any) -> str | None:
    """Why the value cannot be the field's (a label, no date for a date, no option of a choice, no
    yes or no), else None: a label paired with the line after it by position must not take it."""
    soort = veld["type"]
    if soort in ("markdown", "beslispunten", "bijlagen", "lijst"):
        return None
    if labels.of(tekst) is not None:
        return f"'{tekst}' is zelf een label, geen waarde"
    if soort == "datum" and datum_from(tekst) is None:
        return "geen datum"
    if soort == "keuze" and not (veld.get("opties") and shape_fits(veld, None, tekst)):
        return "geen van de keuzes " + ", ".join(str(o) for o in veld.get("opties", []))
    if soort == "janee" and answer(tekst) is None:
        return "geen ja of nee"
    return None
