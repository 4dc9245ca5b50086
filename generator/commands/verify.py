"""`nota verify`: does the proposal still say what was decided?"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import meldt_fouten, templates_optie

HELP = """Controleer of de inhoud van een besloten voorstel nog overeenkomt met het besluit.

Exitcode 0: ongewijzigd; 1: gewijzigd na het besluit, of nog geen besluit."""


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@templates_optie
@meldt_fouten
def verify(bestand, templates):
    from .. import formatting as fmt
    from ..kinds import zoekpad
    from ..seal import geldend, inhoud_hash
    from ..validate import laad_voorstel
    voorstel = laad_voorstel(bestand, zoekpad(templates))
    besluiten = geldend(voorstel.data.besluiten)
    if not besluiten:
        click.echo(f"{bestand}: nog geen besluit vastgelegd", err=True)
        sys.exit(1)
    huidig, goed = inhoud_hash(voorstel), True
    for orgaan, (_, b) in besluiten.items():
        klopt = b.inhoud_sha256 == huidig
        goed &= klopt
        staat = "inhoud ongewijzigd" if klopt else "GEWIJZIGD na het besluit"
        click.echo(f"{bestand}: besluit {orgaan} {fmt.datum(b.datum)} ({b.uitkomst}): {staat}")
    sys.exit(0 if goed else 1)
