"""`nota import`: old documents (.docx, .txt, .pdf) into proposal YAML.

read (lines) -> structure (kind, fields, sections, tables, decisions, using
the kinds' own data) -> emit (YAML with marked comments). A final nota PDF
that carries its source YAML is imported exactly from that attachment.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..kinds import bekende_soorten, vind_soort
from .emit import yaml_tekst
from .read import bron_uit_pdf, lees
from .structure import Herkenner, kies_soort


@dataclass
class Resultaat:
    yaml: str
    soort: str
    aandacht: list[str] = field(default_factory=list)
    exact: bool = False  # taken from an embedded source


def importeer(pad: Path, zoekpad, soort: str | None = None) -> Resultaat:
    if pad.suffix.lower() == ".pdf":
        bron = bron_uit_pdf(pad)
        if bron is not None:
            return Resultaat(bron.decode("utf-8"), soort or "", exact=True)
    regels = lees(pad)
    soorten = [vind_soort(soort, zoekpad)] if soort else [vind_soort(n, zoekpad) for n in bekende_soorten(zoekpad)]
    gekozen = kies_soort(regels, soorten)
    opbouw = Herkenner(gekozen).verwerk(regels)
    for veld in gekozen.velden:
        if veld.get("verplicht") and veld["sleutel"] not in opbouw.velden and veld["sleutel"] not in opbouw.markdown \
                and not (veld["type"] == "beslispunten" and opbouw.beslispunten):
            opbouw.aandacht.append(f"'{veld['sleutel']}' ({veld.get('label', '')}) niet gevonden: vul het in")
    return Resultaat(yaml_tekst(gekozen, opbouw), gekozen.naam, opbouw.aandacht)
