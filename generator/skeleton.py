"""`nota new`: a complete skeleton of a kind, or next year's proposal from this year's."""
from __future__ import annotations

import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

VOORBEELD = {
    "tekst": "", "markdown": LiteralScalarString("Schrijf hier de tekst (markdown).\n"),
    "datum": None, "janee": False, "getal": 0, "bedrag": 0, "lijst": [], "beslispunten": ["..."],
    "bijlagen": [], "personen": [], "ondertekenaars": [], "vragen": [], "aspecten": [],
}
UITLEG = {
    "tekst": "tekst", "markdown": "markdown: alinea's, **vet**, lijsten, ### tussenkopjes",
    "datum": "datum als JJJJ-MM-DD", "janee": "true of false", "bedrag": "bedrag: 371358 of \"€ 371.358,50\"",
    "persoon": "{naam: ..., email: ..., telefoon: ...}", "beslispunten": "één beslispunt per regel",
    "bijlagen": "- {titel: ..., bestand: naam.pdf}", "vragen": "- {vraag: ..., antwoord: ...}",
    "aspecten": "- {aspect: Scope, status: op koers|aandacht|risico, toelichting: ...}",
    "ondertekening": "{plaats: ..., burgemeester: ..., secretaris: ...}",
}


def _waarde(veld: dict):
    if veld["type"] == "keuze":
        return veld.get("standaard") or veld["opties"][0]
    if veld["type"] == "persoon":
        return CommentedMap(naam="", email="", telefoon="")
    if veld["type"] == "ondertekening":
        return CommentedMap(plaats="", burgemeester="", secretaris="")
    waarde = VOORBEELD.get(veld["type"], "")
    return CommentedSeq(waarde) if isinstance(waarde, list) else waarde


def skelet(soort) -> CommentedMap:
    doc = CommentedMap()
    doc["soort"] = soort.naam
    for veld in soort.velden:
        doc[veld["sleutel"]] = _waarde(veld)
        uitleg = UITLEG.get(veld["type"], veld["type"])
        if veld["type"] == "keuze":
            uitleg = " | ".join(veld["opties"])
        verplicht = " (verplicht)" if veld.get("verplicht") else ""
        doc.yaml_set_comment_before_after_key(veld["sleutel"], before=f"{veld.get('label', '')}{verplicht}: {uitleg}")
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
        uitleg = s["titel"] + (" (verplicht)" if verplicht else "; 'nvt' als niet van toepassing")
        if s.get("uit_beslispunten"):
            uitleg += "; leeg laten herhaalt de beslispunten"
        secties.yaml_set_comment_before_after_key(s["sleutel"], before=uitleg, indent=2)
    return secties


def dump(data, kop: str | None = None, breedte: int = 100) -> str:
    import io
    yaml = YAML(typ="rt")
    yaml.width = breedte
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return (kop or "") + buf.getvalue()


def schema_kop(soort) -> str:
    return f"# yaml-language-server: $schema=../schema/{soort.naam}.schema.json\n"


_JAAR = re.compile(r"\b(19|20)\d{2}\b")


def volgend_jaar(tekst: str) -> str:
    """Every year in `tekst` one on: "sociale teams 2021" -> "sociale teams 2022"."""
    return _JAAR.sub(lambda m: str(int(m.group(0)) + 1), tekst)


def van_vorig_jaar(tekst: str) -> str:
    """Last year's proposal as this year's: no decisions, years moved on, kenmerk and
    datum to fill in; comments and layout kept (ruamel.yaml round-trip)."""
    import io
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(tekst)
    if "onderwerp" in data:
        data["onderwerp"] = volgend_jaar(str(data["onderwerp"]))
    for sleutel in ("kenmerk", "datum"):
        if sleutel in data:
            data[sleutel] = "" if sleutel == "kenmerk" else None
            data.yaml_add_eol_comment("invullen", sleutel)
    _tabellen_verder(data.get("secties") or {})
    if "besluiten" in data:
        data["besluiten"] = CommentedSeq()
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


def _tabellen_verder(secties) -> None:
    for inhoud in secties.values():
        for deel in inhoud if isinstance(inhoud, list) else []:
            if isinstance(deel, dict) and "tabel" in deel:
                deel["tabel"] = volgend_jaar(str(deel["tabel"]))
                if "kolommen" in deel:
                    deel["kolommen"] = CommentedSeq(
                        int(k) + 1 if isinstance(k, int) and 1900 < k < 2200 else k for k in deel["kolommen"])
                    deel["kolommen"].fa.set_flow_style()
