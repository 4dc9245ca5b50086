"""The decisions as open data: `besluiten.csv`, `besluiten.json` and its JSON Schema.

One row per beslispunt of each decision in force of each published proposal,
sorted by decision date, kenmerk and number. Amounts are exact decimal strings
with a point ("396358.00"), as the proposal's tables add them up; '' where a
proposal has no such table. The CSV is RFC 4180 (comma, CRLF, UTF-8).
"""

from __future__ import annotations

import csv
import io
import json

SCHEMA_NAAM = "besluiten.schema.json"

KOLOMMEN = {
    "kenmerk": "het kenmerk van het voorstel",
    "onderwerp": "het onderwerp van het voorstel",
    "soort": "de soort document (collegenota, raadsvoorstel, ...)",
    "orgaan": "wie besloot: college of raad",
    "datum_besluit": "de datum van het besluit (JJJJ-MM-DD)",
    "uitkomst": "conform, gewijzigd, afgewezen, aangenomen, geamendeerd, verworpen of aangehouden",
    "besluitnummer": "het nummer van het besluit, als het er een heeft",
    "beslispunt_nummer": "het nummer van het beslispunt (vanaf 1); leeg als het voorstel er geen heeft",
    "beslispunt": "de tekst van het beslispunt",
    "totaal_kosten": "de som van de totalen van de kostentabellen, in euro's; leeg zonder zo'n tabel",
    "totaal_dekking": "de som van de totalen van de dekkingstabellen, in euro's; leeg zonder zo'n tabel",
    "document": "het adres van het gepubliceerde document (PDF)",
}
BEDRAG = {"type": "string", "pattern": r"^(-?[0-9]+\.[0-9]{2})?$"}


def ordered(rows: list[dict]) -> list[dict]:
    def key(r: dict):
        return (r["datum_besluit"], r["orgaan"], r["kenmerk"], r["document"], int(r["beslispunt_nummer"] or 0))

    return sorted(rows, key=key)


def to_csv(rows: list[dict]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(KOLOMMEN), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def to_json(rows: list[dict], organisatie: str) -> bytes:
    data = {
        "$schema": f"./{SCHEMA_NAAM}",
        "organisatie": organisatie,
        "besluiten": [{k: r[k] for k in KOLOMMEN} for r in rows],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def json_schema() -> bytes:
    properties: dict[str, dict] = {
        k: {**(BEDRAG if k.startswith("totaal_") else {"type": "string"}), "description": d}
        for k, d in KOLOMMEN.items()
    }
    properties["orgaan"]["enum"] = ["college", "raad"]
    properties["datum_besluit"]["format"] = "date"
    row = {"type": "object", "additionalProperties": False, "required": list(KOLOMMEN), "properties": properties}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Besluiten (nota publiceer)",
        "description": "Eén regel per beslispunt van elk besluit van een gepubliceerd voorstel.",
        "type": "object",
        "additionalProperties": False,
        "required": ["organisatie", "besluiten"],
        "properties": {
            "$schema": {"type": "string"},
            "organisatie": {"type": "string", "description": "de publicerende organisatie"},
            "besluiten": {"type": "array", "items": row},
        },
    }
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
