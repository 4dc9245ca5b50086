"""`nota new`: start a proposal from a complete skeleton, or from last year's."""
from __future__ import annotations

from pathlib import Path

import click

from generator.cli import reports_errors, templates_option
from generator.errors import Melding, NotaFout

HELP = """Begin een nieuw voorstel.

  nota new collegenota -o mijn-nota.yaml       elk veld en elke sectie, met uitleg

  nota new --van 2021.yaml -o 2022.yaml        vorig jaar als begin: zonder besluiten,
                                               jaartallen een jaar verder"""


@click.command(help=HELP)
@click.argument("soort", required=False)
@click.option("--van", "van", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Het voorstel van vorig jaar om mee te beginnen.")
@click.option("-o", "--uitvoer", "doel", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Bestand om te schrijven (standaard: het scherm).")
@click.option("--overschrijf", is_flag=True, help="Een bestaand bestand vervangen.")
@templates_option
@reports_errors
def new(soort, van, doel, overschrijf, templates):
    from generator.proposal.kinds import find_soort, search_path
    from generator.render.output import write_bytes
    from generator.proposal.skeleton import dump, schema_header, skeleton, from_last_year
    if (soort is None) == (van is None):
        raise click.UsageError("geef een soort (nota new collegenota) of --van VORIG.yaml")
    if doel is not None and doel.exists() and not overschrijf:
        raise NotaFout(Melding("bestaat al; kies een andere naam of gebruik --overschrijf", doel))
    if van is not None:
        tekst = from_last_year(van.read_text(encoding="utf-8"))
    else:
        s = find_soort(soort, search_path(templates))
        tekst = dump(skeleton(s), schema_header(s))
    if doel is None:
        click.echo(tekst, nl=False)
        return
    write_bytes(doel, tekst.encode("utf-8"))
    click.echo(f"geschreven: {doel}", err=True)
