"""The shape of a header value, per field: a date for a date field, an option of a keuze
field, an e-mail address, a telephone number, a kenmerk with a digit. Used where a value is
paired with its label by position (label_runs.py) or without a colon ("Kenmerk 2024-12")."""

from __future__ import annotations

import re

from generator.importer.dates import datum_from

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_PHONE = re.compile(r"^\+?[\d\s()-]{8,18}$")


def shape_fits(veld: dict | None, part: str | None, waarde: str) -> bool:
    """Does the value have the shape of the field (or of a person's e-mail or telephone)?"""
    if part == "email":
        return bool(_EMAIL.match(waarde))
    if part == "telefoon":
        return bool(_PHONE.match(waarde))
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
    if soort in ("persoon", "tekst"):
        return datum_from(waarde) is None and not _EMAIL.match(waarde)
    return True
