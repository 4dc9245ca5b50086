"""`nota verify`: does the proposal still say what was decided?"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli import reports_errors, templates_option

HELP = """Controleer of de inhoud van een besloten voorstel nog overeenkomt met het besluit.

Exitcode 0: ongewijzigd; 1: gewijzigd na het besluit, of nog geen besluit."""


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@templates_option
@reports_errors
def verify(bestand, templates):
    from generator.render import formatting as fmt
    from generator.proposal.kinds import search_path
    from generator.decisions.seal import in_force, content_hash
    from generator.proposal.validate import load_voorstel
    voorstel = load_voorstel(bestand, search_path(templates))
    besluiten = in_force(voorstel.data.besluiten)
    if not besluiten:
        click.echo(f"{bestand}: nog geen besluit vastgelegd", err=True)
        sys.exit(1)
    current, good = content_hash(voorstel), True
    for orgaan, (_, b) in besluiten.items():
        matches = b.inhoud_sha256 == current
        good &= matches
        state_ = "inhoud ongewijzigd" if matches else "GEWIJZIGD na het besluit"
        click.echo(f"{bestand}: besluit {orgaan} {fmt.datum(b.datum)} ({b.uitkomst}): {state_}")
    sys.exit(0 if good else 1)
