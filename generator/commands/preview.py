"""`nota preview`: serve a proposal's document on 127.0.0.1, rebuilt on every save."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option

HELP = """Toon een voorstel als document in de browser, bijgewerkt bij elke keer opslaan.

De pagina staat alleen op deze computer (127.0.0.1). Fouten verschijnen in de
pagina met bestand:regel:kolom; via de knoppen haalt u de PDF en het Word-document op."""

DEFAULT_PORT = 8765


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--port",
    "poort",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Poort op 127.0.0.1; 0 kiest een vrije poort.",
)
@click.option("--geen-browser", is_flag=True, help="Open geen browser.")
@templates_option
@reports_errors
def preview(bestand, poort, geen_browser, templates):
    from generator.proposal.kinds import search_path
    from generator.web.preview import Preview
    from generator.web.server import address, make_server, serve

    preview = Preview(bestand, search_path(templates))
    _report_state(preview.build(), bestand)
    server = make_server(preview, poort)
    click.echo(f"Voorbeeld van {bestand} op {address(server)} (stoppen met Ctrl+C)", err=True)
    try:
        serve(server, preview, lambda state: _report_state(state, bestand), not geen_browser)
    except KeyboardInterrupt:
        pass
    click.echo("voorbeeld gestopt", err=True)


def _report_state(state, bestand) -> None:
    from generator.commands.shared import report_all

    report_all(state.meldingen)
    if state.ok:
        click.echo(f"bijgewerkt: {bestand} ({state.time_:%H:%M:%S})", err=True)
