"""`nota render`: proposals to DOCX and PDF in the output folder."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import click

from ..cli import meldt_fouten, templates_optie
from ..errors import Melding, NotaFout

HELP = """Maak Word (.docx) en PDF van voorstellen (bestanden of mappen).

Een voorstel met fouten wordt overgeslagen; er komt dan niets van in de uitvoermap."""

FORMATEN = {"docx": ("docx",), "pdf": ("pdf",), "beide": ("docx", "pdf")}
BRON = "pdf-met-bron"  # the PDF of a decided proposal as PDF/A-3a with its YAML embedded


@dataclass
class Resultaat:
    bron: Path
    geschreven: list[Path] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)

    @property
    def gelukt(self) -> bool:
        return not any(m.is_fout for m in self.meldingen)


def render_een(pad: Path, zoekpad, uitmap: Path, formaten) -> Resultaat:
    """Check, then render one proposal; bad input gives meldingen, never partial files."""
    from .check import controleer_bestand
    voorstel, meldingen = controleer_bestand(pad, zoekpad)
    resultaat = Resultaat(pad, meldingen=list(meldingen))
    if voorstel is None or not resultaat.gelukt:
        return resultaat
    try:
        resultaat.geschreven = schrijf(voorstel, uitmap, formaten)
    except NotaFout as e:
        resultaat.meldingen += e.meldingen
    return resultaat


def schrijf(voorstel, uitmap: Path, formaten) -> list[Path]:
    from .. import context
    from ..output import basisnaam
    ctx = context.bouw(voorstel)
    naam = basisnaam(voorstel)
    geschreven = []
    if "docx" in formaten:
        from ..render_docx import render_docx
        render_docx(voorstel, ctx, uitmap / f"{naam}.docx")
        geschreven.append(uitmap / f"{naam}.docx")
    if "pdf" in formaten or BRON in formaten:
        from ..render_html import render_html
        from ..render_pdf import render_pdf
        render_pdf(voorstel, render_html(voorstel, ctx), uitmap / f"{naam}.pdf", bron=BRON in formaten)
        geschreven.append(uitmap / f"{naam}.pdf")
    return geschreven


@click.command(help=HELP)
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--uitvoer", "uitmap", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Map voor de documenten.")
@click.option("--formaat", type=click.Choice(list(FORMATEN)), default="beide", show_default=True,
              help="Welke documenten: docx, pdf of beide.")
@click.option("--bron", is_flag=True, help="Besloten voorstellen: PDF/A-3a met de YAML-bron als "
                                            "bijlage (voor 'nota import').")
@templates_optie
@meldt_fouten
def render(paden, uitmap, formaat, bron, templates):
    from ..files import verzamel
    from ..kinds import zoekpad
    from ..report import meld_alle, telwoord
    pad = zoekpad(templates)
    bestanden = verzamel(paden)
    if not bestanden:
        raise click.UsageError("geen .yaml-bestanden gevonden in " + ", ".join(map(str, paden)))
    from ..opstart import afsluiten
    from ..parallel import met_voortgang, renderpool, resultaten
    mislukt = 0
    formaten = tuple(BRON if bron and f == "pdf" else f for f in FORMATEN[formaat])
    with renderpool(bestanden, pad, uitmap, formaten) as taken:
        for resultaat in met_voortgang(taken, resultaten(bestanden, taken)):
            meld_alle(resultaat.meldingen)
            mislukt += not resultaat.gelukt
            for doel in resultaat.geschreven:
                click.echo(f"geschreven: {doel}")
    click.echo(f"{telwoord(len(bestanden) - mislukt, 'voorstel', 'voorstellen')} gemaakt"
               + (f", {mislukt} overgeslagen wegens fouten" if mislukt else ""), err=True)
    afsluiten(1 if mislukt else 0)
