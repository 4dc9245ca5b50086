"""`nota check`: validate proposals and run the consistency checks."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import meldt_fouten, templates_optie
from ..errors import NotaFout

HELP = """Controleer voorstellen (bestanden of mappen) zonder iets te maken.

Meldt elke fout als bestand:regel:kolom. Exitcode 0: in orde; 1: fouten gevonden."""


def controleer_bestand(pad: Path, zoekpad, strikt: bool = False):
    """(voorstel or None, meldingen) for one file; never raises for bad input."""
    from ..checks import controleer
    from ..validate import laad_voorstel
    try:
        voorstel = laad_voorstel(pad, zoekpad)
    except NotaFout as e:
        return None, e.meldingen
    meldingen = controleer(voorstel)
    if strikt:
        meldingen = [_als_fout(m) for m in meldingen]
    return voorstel, meldingen


def _als_fout(m):
    from dataclasses import replace
    return replace(m, niveau="fout")


@click.command(help=HELP)
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--strikt", is_flag=True, help="Waarschuwingen tellen als fouten.")
@templates_optie
@meldt_fouten
def check(paden, strikt, templates):
    from ..files import verzamel
    from ..kinds import zoekpad
    from ..report import meld_alle, telwoord
    pad = zoekpad(templates)
    bestanden = verzamel(paden)
    if not bestanden:
        raise click.UsageError("geen .yaml-bestanden gevonden in " + ", ".join(map(str, paden)))
    fout = 0
    for bestand in bestanden:
        _, meldingen = controleer_bestand(bestand, pad, strikt)
        meld_alle(meldingen)
        fout += any(m.is_fout for m in meldingen)
    click.echo(f"{telwoord(len(bestanden), 'voorstel', 'voorstellen')} gecontroleerd: "
               f"{len(bestanden) - fout} in orde, {fout} met fouten", err=True)
    sys.exit(1 if fout else 0)
