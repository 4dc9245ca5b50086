"""`nota schema`: the JSON Schema of a kind, for editor completion."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, soort_argument, templates_option

HELP = """Toon het JSON Schema van een soort (standaard: collegenota).

Met --alle MAP schrijft nota het schema van elke soort naar MAP/<soort>.schema.json;
een editor met de YAML-extensie geeft dan aanvulling en controle tijdens het typen."""


@click.command(help=HELP)
@click.argument("soort", required=False, default="collegenota")
@click.option(
    "--alle",
    "map_",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Schrijf het schema van elke soort naar deze map.",
)
@templates_option
@reports_errors
def schema(soort, map_, templates):
    from generator.proposal.kinds import known_soorten, find_soort, search_path
    from generator.render.output import write_bytes
    from generator.proposal.schema import as_text

    path = search_path(templates)
    if map_ is None:
        click.echo(as_text(soort_argument(soort, path)), nl=False)
        return
    for naam in known_soorten(path):
        target = map_ / f"{naam}.schema.json"
        write_bytes(target, as_text(find_soort(naam, path)).encode("utf-8"))
        click.echo(f"geschreven: {target}")
