"""A header label nota does not know, mapped by the shape of its value and by its likeness.

"Documentnummer | Z/24/118342", "Status | Openbaar", "Mail | p.bakker@…": the label is in no
synonym list, but the value says what it is (an e-mail address, a telephone number, one of a
keuze field's options, a date, a kenmerk, a person's name), or the label is close to some
label the kind knows (rapidfuzz token_set_ratio over every synonym of every field). Every
guess is placed AND marked (`# NOTA IMPORT, GERADEN`), with the reason: a guess is never a
silent value. A field already filled is never overwritten; such a pair stays unplaced.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from generator.importer.dates import datum_from
from generator.importer.header import SKIP, Labels

THRESHOLD = 85
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_PHONE = re.compile(r"^\+?[\d\s()-]{8,18}$")
_KENMERK = re.compile(r"^(?=.*\d)[A-Z0-9][A-Za-z0-9]*([/.\-][A-Za-z0-9]+)+$|^\d{5,}$")
_NAAM = re.compile(r"^([A-ZÀ-Þ]\.\s?)+([a-zß-ÿ]+\s)*[A-ZÀ-Þ][\wà-ÿ'-]+$")
_LABEL = re.compile(r"^[A-ZÀ-Þ][\wÀ-ÿ/&'’. -]{1,38}(\s?\([\wÀ-ÿ/&. -]{1,15}\))?:?$")  # "Telefoon (direct)"
PERSON_KEYS = ("portefeuillehouder", "steller", "adviseur", "contactpersoon", "behandelaar")


def is_label(tekst: str) -> bool:
    """Short, capitalised, no digits, at most four words: "Documentnummer", "Datum raadsvergadering",
    an abbreviation ("Tel.nr.", "Zaaknr.")."""
    return bool(_LABEL.match(tekst.strip())) and len(tekst.split()) <= 4 and not re.search(r"\d", tekst)


class Guesser:
    """Guesses for one kind; `filled` is the fields the document already gave."""

    def __init__(self, soort, labels: Labels) -> None:
        self.velden = [v for v in soort.velden if v["type"] not in SKIP]
        self.kop = [k if isinstance(k, str) else k.get("veld", "") for k in soort.kop]
        self.names = list(labels.by_label)
        self.owners = [labels.by_label[n] for n in self.names]

    def guess(self, label: str, waarde: str, filled: dict, persoon: str | None):
        """(veld, part, reason) or None. `persoon`: the person field named last."""
        label, waarde = " ".join(label.strip().rstrip(":").split()), " ".join(waarde.split())
        if not is_label(label) or not waarde or len(waarde) > 120:
            return None
        for step in (self._contact, self._option, self._by_label, self._by_value, self._onderwerp, self._by_position):
            found = step(label, waarde, filled, persoon)
            if found is not None:
                return found
        return None

    def _contact(self, label, waarde, filled, persoon):
        if persoon is None:
            return None
        part = "email" if _EMAIL.match(waarde) else "telefoon" if _PHONE.match(waarde) else None
        if part is None or isinstance(filled.get(persoon), dict) and part in filled[persoon]:
            return None
        soort = "een e-mailadres" if part == "email" else "een telefoonnummer"
        return None, part, f"de waarde is {soort}: gelezen als {part} van {persoon}"

    def _option(self, label, waarde, filled, persoon):
        for veld in self.velden:
            if (
                veld["type"] == "keuze"
                and veld["sleutel"] not in filled
                and waarde.lower() in [str(o).lower() for o in veld.get("opties", [])]
            ):
                return veld, None, f"'{waarde}' is een keuze van {veld['sleutel']}"
        return None

    def _by_label(self, label, waarde, filled, persoon):
        found = process.extractOne(label.lower(), self.names, scorer=fuzz.token_set_ratio, score_cutoff=THRESHOLD)
        if found is None:
            return None
        veld, part = self.owners[found[2]]
        if veld is None or veld["sleutel"] in filled or part is not None or not _fits(veld, waarde):
            return None
        return veld, None, f"het label lijkt op '{found[0]}' ({round(found[1])}%): gelezen als {veld['sleutel']}"

    def _by_value(self, label, waarde, filled, persoon):
        open_velden = [v for v in self._in_kop_order() if v["sleutel"] not in filled]
        if datum_from(waarde) and len(waarde) < 30:
            kandidaten, soort = [v for v in open_velden if v["type"] == "datum"], "een datum"
        elif _KENMERK.match(waarde):
            kandidaten, soort = [v for v in open_velden if v["sleutel"] == "kenmerk"], "een kenmerk"
        elif _NAAM.match(waarde):
            kandidaten = [v for v in open_velden if v["type"] == "persoon" or v["sleutel"] in PERSON_KEYS]
            soort = "een naam"
        else:
            return None
        if not kandidaten:
            return None
        veld = kandidaten[0]
        return veld, None, f"'{label}' is geen bekend label; de waarde is {soort}: gelezen als {veld['sleutel']}"

    def _onderwerp(self, label, waarde, filled, persoon):
        """Several words of text under an unknown label while there is no onderwerp yet: the
        first row of many header tables ("Betreft", "Titel", "Inzake")."""
        veld = next((v for v in self.velden if v["sleutel"] == "onderwerp"), None)
        if veld is None or "onderwerp" in filled or len(waarde.split()) < 3:
            return None
        return veld, None, f"'{label}' is geen bekend label; de eerste tekst van de kop gelezen als onderwerp"

    def _by_position(self, label, waarde, filled, persoon):
        """A short text without digits: the first text field of the header still empty, in the
        kind's order ("Organisatieonderdeel | Openbare Ruimte" after the portefeuillehouder)."""
        if len(waarde.split()) > 6 or re.search(r"\d", waarde):
            return None
        veld = next(
            (
                v
                for v in self._in_kop_order()
                if v["sleutel"] not in filled and v["type"] == "tekst" and v["sleutel"] in self.kop
            ),
            None,
        )
        if veld is None:
            return None
        return (
            veld,
            None,
            (f"'{label}' is geen bekend label; gelezen als het eerste lege veld van de kop, {veld['sleutel']}"),
        )

    def _in_kop_order(self) -> list[dict]:
        order = {k: i for i, k in enumerate(self.kop)}
        return sorted(self.velden, key=lambda v: order.get(v["sleutel"], len(order)))


def _fits(veld: dict, waarde: str) -> bool:
    """A date for a date field, and no date for another."""
    return (veld["type"] == "datum") == bool(datum_from(waarde))
