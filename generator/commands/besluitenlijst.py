"""`nota besluitenlijst`: the public list of decisions of one meeting."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import meldt_fouten, templates_optie
from .decide import _datum

HELP = """Maak de openbare besluitenlijst van een vergadering (PDF en Word).

Neemt elk voorstel in de mappen of bestanden met een besluit van het orgaan op die
datum; alleen voorstellen met 'classificatie: openbaar' staan er met naam op, de
andere worden geteld."""


@click.command(help=HELP)
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--datum", required=True, callback=_datum, help="Datum van de vergadering (JJJJ-MM-DD).")
@click.option("--orgaan", type=click.Choice(["college", "raad"]), default="college", show_default=True)
@click.option("-o", "--uitvoer", "uitmap", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Map voor de besluitenlijst.")
@templates_optie
@meldt_fouten
def besluitenlijst(paden, datum, orgaan, uitmap, templates):
    from .. import besluitenlijst as bl
    from ..files import verzamel
    from ..kinds import zoekpad
    from ..report import meld_alle
    from .check import controleer_bestand
    pad, voorstellen, fout = zoekpad(templates), [], False
    for bestand in verzamel(paden):
        voorstel, meldingen = controleer_bestand(bestand, pad)
        meld_alle([m for m in meldingen if m.is_fout])
        fout |= voorstel is None or any(m.is_fout for m in meldingen)
        if voorstel is not None:
            voorstellen.append(voorstel)
    punten, niet_openbaar, gemeente = bl.verzamel(voorstellen, datum, orgaan)
    tekst = bl.html(punten, niet_openbaar, gemeente, datum, orgaan)
    naam = f"besluitenlijst-{orgaan}-{datum.isoformat()}"
    bl.schrijf_pdf(tekst, uitmap / f"{naam}.pdf")
    bl.schrijf_docx(tekst, uitmap / f"{naam}.docx", f"Besluitenlijst {datum.isoformat()}")
    click.echo(f"geschreven: {uitmap / naam}.pdf en .docx ({len(punten)} openbaar, "
               f"{niet_openbaar} niet openbaar)")
    sys.exit(1 if fout else 0)
