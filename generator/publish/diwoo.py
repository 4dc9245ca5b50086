"""One `diwoo:Document` (DiWoo metadata 0.9.8) per published document.

The element is written on its own (`<naam>.diwoo.xml`) and inside the
sitemap's `<url>`. Every document is checked against the official schema
(`xsd/`, package data) before anything reaches the publication folder. The
schema imports MDTO from the Nationaal Archief's site; nota never fetches it:
that import, and the MDTO alternative of `DocumentType`, are left out of the
copy it compiles (nota writes `diwoo:DiWoo`, never MDTO).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from lxml import etree

from generator.errors import Melding, NotaFout
from generator.publish import waardelijsten as wl
from generator.publish.documents import ORGAAN_NAAM, Publicatie

NS = "https://standaarden.overheid.nl/diwoo/metadata/"
XS = "http://www.w3.org/2001/XMLSchema"
MDTO = "https://www.nationaalarchief.nl/mdto"
XSD = Path(__file__).resolve().parent / "xsd"
TIJDZONE = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Uitgever:
    """The publishing organisation: its TOOI URI and name (nota.toml [organisatie])."""

    uri: str
    naam: str


def _el(parent, naam: str, tekst: str | None = None, resource: str | None = None):
    el = etree.SubElement(parent, f"{{{NS}}}{naam}")
    if resource is not None:
        el.set("resource", resource)
    if tekst is not None:
        el.text = tekst
    return el


def _waarde(parent, naam: str, waarde: wl.Waarde):
    return _el(parent, naam, waarde.label, waarde.uri)


def moment(datum: str) -> str:
    """The start of a meeting day in Dutch time, as xs:dateTime."""
    return dt.datetime.combine(dt.date.fromisoformat(datum), dt.time(), TIJDZONE).isoformat()


def document(p: Publicatie, uitgever: Uitgever, basis_url: str, reden: bool = False):
    """The `diwoo:Document` element of `p`; `reden`: it replaces a version published before."""
    root = etree.Element(f"{{{NS}}}Document", nsmap={"diwoo": NS})
    d = _el(root, "DiWoo")
    if p.kenmerk:
        _el(_el(d, "identifiers"), "identifier", p.kenmerk)
    _el(d, "publisher", uitgever.naam, uitgever.uri)
    _el(d, "verantwoordelijke", uitgever.naam, uitgever.uri)
    _el(_el(d, "titelcollectie"), "officieleTitel", p.titel)
    klassen = _el(d, "classificatiecollectie")
    _waarde(_el(klassen, "informatiecategorieen"), "informatiecategorie", wl.INFORMATIECATEGORIEEN[p.categorie])
    if p.documentsoort:
        _waarde(_el(klassen, "documentsoorten"), "documentsoort", wl.BESLUITENLIJST_SOORT)
    _el(d, "creatiedatum", p.creatiedatum)
    _waarde(d, "language", wl.NEDERLANDS)
    _waarde(d, "format", wl.PDF)
    _parts(d, p, basis_url)
    handelingen = _el(d, "documenthandelingen")
    for datum, orgaan in p.handelingen:
        h = _el(handelingen, "documenthandeling")
        _waarde(h, "soortHandeling", wl.VASTSTELLING)
        _el(h, "atTime", moment(datum))
        _el(h, "wasAssociatedWith", f"{ORGAAN_NAAM[orgaan]} ({uitgever.naam})", uitgever.uri)
    if p.bijlagen:
        relaties = _el(d, "documentrelaties")
        for i, bijlage in enumerate(p.bijlagen, 1):
            r = _el(relaties, "documentrelatie")
            _waarde(r, "role", wl.HEEFT_BIJLAGE)
            _el(r, "relation", f"Bijlage {i}: {bijlage}")
    if reden:
        _waarde(d, "redenVerwijderingVervanging", wl.CORRECTIE_PROCEDURELE_FOUT)
    return root


def _parts(d, p: Publicatie, basis_url: str) -> None:
    """isPartOf: the besluitenlijst a document is on; hasParts: a proposal's bijlagen
    (appended to its PDF), or the documents a besluitenlijst lists."""
    if p.vergadering:
        orgaan, datum = p.vergadering.split("|")
        from generator.publish.meetings import list_name, list_title

        _el(d, "isPartOf", list_title(orgaan, datum), url(basis_url, list_name(orgaan, datum)))
    delen: list[tuple[str, str | None]] = [(f"Bijlage {i}: {t}", None) for i, t in enumerate(p.bijlagen, 1)]
    delen += [(titel, url(basis_url, naam)) for naam, titel in p.delen]
    if delen:
        has = _el(d, "hasParts")
        for label, resource in delen:
            _el(has, "hasPart", label, resource)


def url(basis_url: str, naam: str, extensie: str = ".pdf") -> str:
    from urllib.parse import quote

    return f"{basis_url.rstrip('/')}/{quote(naam)}{extensie}"


def to_bytes(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The DiWoo schema without its MDTO import (see the module's text)."""
    tree = etree.parse(str(XSD / "diwoo-metadata.xsd"), etree.XMLParser(no_network=True))
    for el in tree.iter(f"{{{XS}}}import", f"{{{XS}}}element"):
        if el.get("namespace") == MDTO or (el.get("ref") or "").startswith("mdto:"):
            el.getparent().remove(el)
    return etree.XMLSchema(tree)


def check(element, naam: str) -> None:
    """Raise when `element` is not valid DiWoo (a fault in nota or in nota.toml)."""
    if not schema().validate(element):
        fout = schema().error_log.last_error
        raise NotaFout(
            Melding(
                f"de DiWoo-metadata van {naam} is niet geldig volgens DiWoo 0.9.8 (regel {fout.line}: {fout.message})",
                hint="controleer [organisatie] in nota.toml",
            )
        )


@lru_cache(maxsize=1)
def organisaties() -> frozenset[str]:
    """Every TOOI organisation URI of the schema's value lists."""
    tree = etree.parse(str(XSD / "diwoo-metadata-lijsten.xsd"), etree.XMLParser(no_network=True))
    return frozenset(tree.xpath("//xs:enumeration/@value[starts-with(., $p)]", namespaces={"xs": XS}, p=wl.TOOI_ID))


def uitgever(organisatie, toml: Path | None) -> Uitgever:
    """The publisher from nota.toml's [organisatie]; its TOOI code must be in the list."""
    uri = wl.organisatie_uri(organisatie.tooi)
    if uri is None or uri not in organisaties():
        raise NotaFout(
            Melding(
                f'[organisatie] tooi = "{organisatie.tooi}" is geen organisatie uit de TOOI-lijst van DiWoo 0.9.8',
                toml,
                hint='bijvoorbeeld tooi = "gm0935" voor gemeente Maastricht',
            )
        )
    return Uitgever(uri, organisatie.naam)
