"""`nota publiceer`: publish what was decided (Woo), with DiWoo metadata, sitemaps and open data."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option

HELP = """Publiceer wat besloten is: voor de Wet open overheid en als open data.

Neemt elk voorstel in MAP dat besloten is, waarvan 'nota verify' het besluit
goedkeurt en met 'classificatie: openbaar', en schrijft in de uitvoermap: de
definitieve PDF/A met DiWoo-metadata (<naam>.diwoo.xml), de besluitenlijst van
elke vergadering, sitemap.xml voor open.overheid.nl, en besluiten.csv en
besluiten.json (met JSON Schema).

Vertrouwelijke, geheime en nog niet besloten voorstellen worden overgeslagen
(met de reden). Een voorstel dat na het besluit veranderde of niet te laden is,
stopt de publicatie: er komt dan niets in de uitvoermap. Opnieuw publiceren
maakt alleen wat veranderde; wat niet veranderde blijft byte voor byte gelijk.

Vraagt [organisatie] in nota.toml (tooi en naam)."""


def _web_address(ctx, param, waarde: str | None) -> str | None:
    if waarde is not None and not waarde.startswith(("https://", "http://")):
        raise click.BadParameter(f"'{waarde}' is geen webadres; begin met https://")
    return waarde


@click.command(help=HELP)
@click.argument("map_", metavar="MAP", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--uitvoer",
    "uitmap",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="De publicatiemap: nota schrijft de documenten, metadata en open data daarin.",
)
@click.option(
    "--basis-url",
    "basis_url",
    default=None,
    callback=_web_address,
    help="Het webadres waar de publicatiemap te zien is, bijvoorbeeld "
    "https://www.gemeente.nl/publicaties (standaard: basis_url in [publicatie] van nota.toml).",
)
@templates_option
@reports_errors
def publiceer(map_, uitmap, basis_url, templates):
    from generator.commands.shared import count_noun, report_all
    from generator.proposal.kinds import search_path
    from generator.publish.publication import publish, publisher_settings

    uitgever, basis_url = publisher_settings(basis_url, Path.cwd())
    if basis_url is None:
        raise click.UsageError(
            "geef --basis-url (het webadres van de publicatiemap), of zet basis_url onder [publicatie] in nota.toml"
        )
    report = publish(map_, uitmap, basis_url, uitgever, search_path(templates))
    report_all(report.meldingen)
    for skipped in report.skipped:
        click.echo(f"overgeslagen: {skipped.path}: {skipped.reden}")
    for path in report.written:
        click.echo(f"geschreven: {path}")
    for path in report.removed:
        click.echo(f"verwijderd (niet meer gepubliceerd): {path}")
    click.echo(
        f"{count_noun(len(report.published), 'document', 'documenten')} gepubliceerd in {uitmap}, "
        f"{len(report.skipped)} overgeslagen; {len(report.written)} bestanden geschreven, "
        f"{report.unchanged} ongewijzigd",
        err=True,
    )
