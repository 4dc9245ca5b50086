"""`nota import`: an existing document (.docx, .txt, .pdf) as a proposal YAML."""
from __future__ import annotations

from pathlib import Path

import click

from ..cli import meldt_fouten, templates_optie
from ..errors import Melding, NotaFout

HELP = """Zet een bestaand document (.docx, .txt of .pdf) om in een voorstel (YAML).

Herkent de soort, kopgegevens, samenvatting, beslispunten, secties, tabellen en de
besluitregel. Wat niet te plaatsen is, staat als gemarkeerd commentaar in de YAML;
nota noemt wat aandacht nodig heeft en controleert het resultaat."""


@click.command("import", help=HELP)
@click.argument("bron", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--uitvoer", "doel", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Bestand om te schrijven (standaard: <bron>.yaml).")
@click.option("--soort", default=None, help="De soort, als nota die niet zelf moet herkennen.")
@click.option("--overschrijf", is_flag=True, help="Een bestaand bestand vervangen.")
@templates_optie
@meldt_fouten
def importeer(bron, doel, soort, overschrijf, templates):
    from ..importer import importeer as doe
    from ..kinds import zoekpad
    from ..output import schrijf_bytes
    from ..report import meld_alle
    from .check import controleer_bestand
    doel = doel or bron.with_suffix(".yaml")
    if doel.exists() and not overschrijf:
        raise NotaFout(Melding("bestaat al; kies een andere naam (-o) of gebruik --overschrijf", doel))
    pad = zoekpad(templates)
    resultaat = doe(bron, pad, soort)
    schrijf_bytes(doel, resultaat.yaml.encode("utf-8"))
    herkomst = "exact uit de ingesloten bron" if resultaat.exact else f"als {resultaat.soort}"
    click.echo(f"geschreven: {doel} ({herkomst})", err=True)
    for punt in resultaat.aandacht:
        click.echo(f"aandacht: {punt}", err=True)
    _, meldingen = controleer_bestand(doel, pad)
    meld_alle(meldingen)
    if any(m.is_fout for m in meldingen):
        raise SystemExit(1)
