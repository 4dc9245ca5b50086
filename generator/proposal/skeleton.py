"""`nota new`: a complete skeleton of a kind, or next year's proposal from this year's."""
from __future__ import annotations

import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

EXAMPLE = {
    "tekst": "", "markdown": LiteralScalarString("Schrijf hier de tekst (markdown).\n"),
    "datum": None, "janee": False, "getal": 0, "bedrag": 0, "lijst": [], "beslispunten": ["..."],
    "bijlagen": [], "personen": [], "ondertekenaars": [], "vragen": [], "aspecten": [],
}
EXPLANATION = {
    "tekst": "tekst", "markdown": "markdown: alinea's, **vet**, lijsten, ### tussenkopjes",
    "datum": "datum als JJJJ-MM-DD", "janee": "true of false", "bedrag": "bedrag: 371358 of \"€ 371.358,50\"",
    "persoon": "{naam: ..., email: ..., telefoon: ...}", "beslispunten": "één beslispunt per regel",
    "bijlagen": "- {titel: ..., bestand: naam.pdf}", "vragen": "- {vraag: ..., antwoord: ...}",
    "aspecten": "- {aspect: Scope, status: op koers|aandacht|risico, toelichting: ...}",
    "ondertekening": "{plaats: ..., burgemeester: ..., secretaris: ...}",
}


def _value(veld: dict):
    if veld["type"] == "keuze":
        return veld.get("standaard") or veld["opties"][0]
    if veld["type"] == "persoon":
        return CommentedMap(naam="", email="", telefoon="")
    if veld["type"] == "ondertekening":
        return CommentedMap(plaats="", burgemeester="", secretaris="")
    waarde = EXAMPLE.get(veld["type"], "")
    return CommentedSeq(waarde) if isinstance(waarde, list) else waarde


def skeleton(soort) -> CommentedMap:
    doc = CommentedMap()
    doc["soort"] = soort.naam
    for veld in soort.velden:
        doc[veld["sleutel"]] = _value(veld)
        explanation = EXPLANATION.get(veld["type"], veld["type"])
        if veld["type"] == "keuze":
            explanation = " | ".join(veld["opties"])
        verplicht = " (verplicht)" if veld.get("verplicht") else ""
        doc.yaml_set_comment_before_after_key(veld["sleutel"], before=f"{veld.get('label', '')}{verplicht}: {explanation}")
    if soort.secties:
        doc["secties"] = _secties(soort)
    doc["besluiten"] = CommentedSeq()
    doc.yaml_set_comment_before_after_key("besluiten", before="vult 'nota decide' in; niet met de hand")
    return doc


def _secties(soort) -> CommentedMap:
    secties = CommentedMap()
    for s in soort.secties:
        verplicht = s.get("verplicht")
        secties[s["sleutel"]] = LiteralScalarString("...\n") if verplicht else (None if s.get("uit_beslispunten") else "nvt")
        explanation = s["titel"] + (" (verplicht)" if verplicht else "; 'nvt' als niet van toepassing")
        if s.get("uit_beslispunten"):
            explanation += "; leeg laten herhaalt de beslispunten"
        secties.yaml_set_comment_before_after_key(s["sleutel"], before=explanation, indent=2)
    return secties


def dump(data, kop: str | None = None, width: int = 100) -> str:
    import io
    yaml = YAML(typ="rt")
    yaml.width = width
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return (kop or "") + buf.getvalue()


def schema_header(soort) -> str:
    return f"# yaml-language-server: $schema=../schema/{soort.naam}.schema.json\n"


_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def next_year(tekst: str) -> str:
    """Every year in `tekst` one on: "sociale teams 2021" -> "sociale teams 2022"."""
    return _YEAR.sub(lambda m: str(int(m.group(0)) + 1), tekst)


def from_last_year(tekst: str) -> str:
    """Last year's proposal as this year's: no decisions, years moved on, kenmerk and
    datum to fill in; comments and layout kept (ruamel.yaml round-trip)."""
    import io
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(tekst)
    if "onderwerp" in data:
        data["onderwerp"] = next_year(str(data["onderwerp"]))
    for sleutel in ("kenmerk", "datum"):
        if sleutel in data:
            data[sleutel] = "" if sleutel == "kenmerk" else None
            data.yaml_add_eol_comment("invullen", sleutel)
    _tabellen_continue(data.get("secties") or {})
    if "besluiten" in data:
        data["besluiten"] = CommentedSeq()
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


def _tabellen_continue(secties) -> None:
    for inhoud in secties.values():
        for part in inhoud if isinstance(inhoud, list) else []:
            if isinstance(part, dict) and "tabel" in part:
                part["tabel"] = next_year(str(part["tabel"]))
                if "kolommen" in part:
                    part["kolommen"] = CommentedSeq(
                        int(k) + 1 if isinstance(k, int) and 1900 < k < 2200 else k for k in part["kolommen"])
                    part["kolommen"].fa.set_flow_style()
