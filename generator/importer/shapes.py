"""The shape of a header value, per field: a date for a date field, an option of a keuze
field, an e-mail address, a telephone number, a kenmerk with a digit. Used where a value is
paired with its label by position (label_runs.py) or without a colon ("Kenmerk 2024-12")."""

from __future__ import annotations

import re

from generator.importer.dates import datum_from

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_PHONE = re.compile(r"^\+?[\d\s()-]{8,18}$")
_CODE = re.compile(r"^(?=\S*\d)[\w]{0,4}[/.-]?\d[\w/.-]*$")  # "Z/24/118402", "2020-010358": a kenmerk
ANSWER = "="  # the part of a label that is one of a keuze field's options ("Vertrouwelijk"): a yes or a no


def shape_fits(veld: dict | None, part: str | None, waarde: str) -> bool:
    """Does the value have the shape of the field (or of a person's e-mail or telephone)?"""
    if part == "email":
        return bool(_EMAIL.match(waarde))
    if part == "telefoon":
        return bool(_PHONE.match(waarde))
    if part and part.startswith(ANSWER):  # "Vertrouwelijkheid": a yes or a no, or an option ("Openbaar")
        opties = [str(o).lower() for o in (veld or {}).get("opties", [])]
        return answer(waarde) is not None or waarde.lower() in opties
    if veld is None:
        return True
    soort = veld["type"]
    if soort == "datum":
        return datum_from(waarde) is not None
    if soort == "keuze":
        return waarde.lower() in [str(o).lower() for o in veld.get("opties", [])]
    if soort == "janee":
        return waarde.lower() in ("ja", "nee", "yes", "no")
    if veld["sleutel"] == "kenmerk":
        return bool(re.search(r"\d", waarde)) and len(waarde.split()) <= 3
    if soort in ("persoon", "tekst"):  # a name or a text, no date, address or code ("Z/24/118")
        return datum_from(waarde) is None and not _EMAIL.match(waarde) and not _CODE.match(waarde)
    return True


def answer(waarde: str) -> bool | None:
    """Ja/Nee (yes/no, j/n) as a bool, else None."""
    return {"ja": True, "yes": True, "j": True, "nee": False, "no": False, "n": False}.get(waarde.strip().lower())


def option_by_answer(veld: dict, option: str, waarde: str) -> tuple[str, bool] | None:
    """The option of a keuze field that a yes or a no under a label naming one of its options picks,
    and whether that is certain: "Vertrouwelijk: Nee" -> (openbaar, True), the field's standaard when
    the label is the option next to it; "Geheim: Nee" or "Openbaar: Nee" leave a choice (not certain)."""
    ja = answer(waarde)
    opties = [str(o) for o in veld.get("opties", [])]
    if ja is None or option not in opties:
        return None
    if ja:
        return option, True
    standaard = str(veld.get("standaard") or opties[0])
    if option != standaard:
        return standaard, abs(opties.index(option) - opties.index(standaard)) == 1
    rest = [o for o in opties if o != option]
    return rest[0], len(rest) == 1
