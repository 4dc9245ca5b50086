"""`nota schema`: the JSON Schema of a kind, for editor completion."""
from __future__ import annotations

from pathlib import Path

import click

from ..cli import meldt_fouten, templates_optie

HELP = """Toon het JSON Schema van een soort (standaard: collegenota).

Met --alle MAP schrijft nota het schema van elke soort naar MAP/<soort>.schema.json;
een editor met de YAML-extensie geeft dan aanvulling en controle tijdens het typen."""


@click.command(help=HELP)
@click.argument("soort", required=False, default="collegenota")
@click.option("--alle", "map_", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Schrijf het schema van elke soort naar deze map.")
@templates_optie
@meldt_fouten
def schema(soort, map_, templates):
    from ..kinds import bekende_soorten, vind_soort, zoekpad
    from ..output import schrijf_bytes
    from ..schema import als_tekst
    pad = zoekpad(templates)
    if map_ is None:
        click.echo(als_tekst(vind_soort(soort, pad)), nl=False)
        return
    for naam in bekende_soorten(pad):
        doel = map_ / f"{naam}.schema.json"
        schrijf_bytes(doel, als_tekst(vind_soort(naam, pad)).encode("utf-8"))
        click.echo(f"geschreven: {doel}")
