"""`nota verify`: does the proposal still say what was decided, and is the decision intact?"""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option
from generator.errors import Exit

HELP = """Controleer of de inhoud van een besloten voorstel nog overeenkomt met het besluit.

Noemt elk deel dat sinds het besluit veranderde (veld, sectie of beslispunt, met
regel), elk bestand waarnaar het voorstel verwijst (bijlage, afbeelding) dat
sindsdien veranderde en, als git de versie van het besluit nog heeft, de oude en
nieuwe tekst. Controleert ook of de vastgelegde besluiten zelf niet zijn aangepast
en volledig verzegeld zijn.

Exitcode 0: ongewijzigd; 1: gewijzigd na het besluit, een besluit aangepast of niet
verzegeld, of nog geen besluit."""


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@templates_option
@reports_errors
def verify(bestand, templates):
    from rich.console import Console

    from generator.decisions.verify import verify as verify_voorstel
    from generator.diff.compare import compare
    from generator.diff.terminal import show
    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel

    voorstel = load_voorstel(bestand, search_path(templates))
    verslag = verify_voorstel(voorstel, bestand)
    for line in verslag.lines:
        click.echo(line, err=line.endswith(": nog geen besluit vastgelegd"))
    for oud, where in verslag.oud:
        show(compare(oud, voorstel), Console(highlight=False, soft_wrap=True), f"besloten ({where})", str(bestand))
    if not verslag.ok:
        raise Exit(1)  # said above, line by line
