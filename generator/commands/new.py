"""`nota new`: start a proposal from a complete skeleton, or from last year's."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, soort_argument, templates_option
from generator.errors import Melding, NotaFout

HELP = """Begin een nieuw voorstel.

\b
  nota new collegenota -o mijn-nota.yaml   elk veld en elke sectie, met uitleg
  nota new --van 2021.yaml -o 2022.yaml    vorig jaar als begin

Het skelet zet 'invullen', '...' en 'Schrijf hier de tekst (markdown).' waar nog iets
moet komen; nota check meldt elk daarvan tot het is ingevuld.

Met --van: zonder besluiten, elk herkenbaar jaartal een jaar verder (in onderwerp,
teksten, beslispunten, tabellen en planning; niet in bedragen, kenmerken en
bestandsnamen), kenmerk en datum opnieuw in te vullen, commentaar blijft staan. nota
noemt elke wijziging met de regel in het oude bestand."""


@click.command(help=HELP)
@click.argument("soort", required=False)
@click.option(
    "--van",
    "van",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Het voorstel van vorig jaar om mee te beginnen.",
)
@click.option(
    "-o",
    "--uitvoer",
    "doel",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Een bestand, geen map: de YAML die nota schrijft (standaard: het scherm).",
)
@click.option("--overschrijf", is_flag=True, help="Een bestaand bestand vervangen.")
@templates_option
@reports_errors
def new(soort, van, doel, overschrijf, templates):
    from generator.proposal.kinds import search_path
    from generator.proposal.next_year import start, start_from
    from generator.render.output import write_bytes

    if (soort is None) == (van is None):
        raise click.UsageError("geef een soort (nota new collegenota) of --van VORIG.yaml")
    if doel is not None and doel.exists() and not overschrijf:
        raise NotaFout(Melding("bestaat al; kies een andere naam of gebruik --overschrijf", doel))
    path = search_path(templates)
    begun = start_from(van, doel, path) if van is not None else start(soort_argument(soort, path), doel)
    if begun.schema_hint:
        click.echo(f"let op: {begun.schema_hint}", err=True)
    if van is not None:
        _list_changes(van, begun.changes)
    if doel is None:
        click.echo(begun.tekst, nl=False)
        return
    write_bytes(doel, begun.tekst.encode("utf-8"))
    click.echo(f"geschreven: {doel}", err=True)


def _list_changes(van: Path, changes: list) -> None:
    """Every change on stderr, with its line in `van`."""
    click.echo(
        f"overgenomen uit {van}, met {len(changes)} {'wijziging' if len(changes) == 1 else 'wijzigingen'}:", err=True
    )
    for c in changes:
        click.echo(f"  {van}:{c.line}: {c.waar}: {c.tekst}", err=True)
