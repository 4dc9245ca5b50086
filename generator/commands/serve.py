"""`nota serve`: the editor in the browser over the proposals in a folder."""
from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option

HELP = """Bewerk de voorstellen in een map in de browser, met voorbeeld en controle.

De startpagina toont elk voorstel; het formulier volgt de soort (kind.yaml).
Opslaan verandert alleen wat u wijzigde: commentaar en opmaak blijven staan.
Het secretariaat legt besluiten vast en haalt de besluitenlijst op. De pagina
staat alleen op deze computer (127.0.0.1)."""

DEFAULT_PORT = 8766


def _host(ctx, param, waarde):
    if waarde not in ("127.0.0.1", "localhost"):
        raise click.BadParameter(f"nota serve luistert alleen op 127.0.0.1 (deze computer), niet op "
                                 f"'{waarde}': de editor heeft nog geen aanmelding, dus anderen op het "
                                 "netwerk mogen er niet bij")
    return waarde


@click.command(help=HELP)
@click.argument("map_", metavar="[MAP]", required=False, default=".",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--port", "poort", type=click.IntRange(0, 65535), default=DEFAULT_PORT,
              show_default=True, help="Poort op 127.0.0.1; 0 kiest een vrije poort.")
@click.option("--host", default="127.0.0.1", show_default=True, callback=_host,
              help="Alleen 127.0.0.1 (of localhost) is toegestaan.")
@click.option("--geen-browser", is_flag=True, help="Open geen browser.")
@templates_option
@reports_errors
def serve(map_, poort, host, geen_browser, templates):
    from generator.proposal.kinds import search_path
    from generator.web import runner
    from generator.web.app import make_app
    from generator.web.server import _in_background, _load_engines, _open_browser
    from generator.web.workspace import Workspace
    workspace = Workspace(map_, search_path(templates))
    sock = runner.bind(poort, "de editor")
    adres = runner.address(sock)
    click.echo(f"Editor voor {workspace.root} op {adres} (stoppen met Ctrl+C)", err=True)
    _in_background(_load_engines)
    workspace.warm()
    if not geen_browser:
        _open_browser(adres)
    try:
        runner.run(make_app(workspace), sock)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    click.echo("editor gestopt", err=True)
