"""`nota check`: validate proposals and run the consistency checks."""

from __future__ import annotations

from pathlib import Path

import click

from generator.errors import Exit
from generator.commands.shared import reports_errors, templates_option

HELP = """Controleer voorstellen (bestanden of mappen) zonder iets te maken.

Meldt elke fout als bestand:regel:kolom. Exitcode 0: in orde; 1: fouten gevonden."""


@click.command(help=HELP)
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--strikt", is_flag=True, help="Waarschuwingen tellen als fouten.")
@templates_option
@reports_errors
def check(paden, strikt, templates):
    from generator.checks import check_file
    from generator.proposal.files import collect
    from generator.proposal.kinds import search_path
    from generator.commands.shared import report_all, count_noun

    path = search_path(templates)
    overgeslagen: list = []
    bestanden = collect(paden, overgeslagen)
    report_all(overgeslagen)
    if not bestanden and not overgeslagen:
        raise click.UsageError("geen .yaml-bestanden gevonden in " + ", ".join(map(str, paden)))
    if not bestanden:
        raise Exit(1)
    error = 0
    for bestand in bestanden:
        _, meldingen = check_file(bestand, path, strikt)
        report_all(meldingen)
        error += any(m.is_error for m in meldingen)
    click.echo(
        f"{count_noun(len(bestanden), 'voorstel', 'voorstellen')} gecontroleerd: "
        f"{len(bestanden) - error} in orde, {error} met fouten",
        err=True,
    )
    if error or overgeslagen:
        raise Exit(1)
