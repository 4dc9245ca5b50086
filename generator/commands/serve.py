"""`nota serve`: the editor in the browser over the proposals in a folder."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option

HELP = """Bewerk de voorstellen in een map in de browser, met voorbeeld en controle.

De startpagina toont elk voorstel; het formulier volgt de soort (kind.yaml).
Opslaan verandert alleen wat u wijzigde: commentaar en opmaak blijven staan.
Het secretariaat legt besluiten vast en haalt de besluitenlijst op. Zonder
[login] in nota.toml staat de pagina alleen op deze computer (127.0.0.1); met
[login] meldt iedereen zich aan bij de gemeente (OpenID Connect), bepaalt de
groep de rol (lezer, steller, secretariaat) en is elke wijziging een git-commit
op naam van wie haar maakte."""

DEFAULT_PORT = 8766
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command(help=HELP)
@click.argument(
    "map_", metavar="[MAP]", required=False, default=".", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--port",
    "poort",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Poort; 0 kiest een vrije poort.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adres waarop de editor luistert; een ander dan 127.0.0.1 alleen met [login] in nota.toml.",
)
@click.option(
    "--servernaam",
    "servernamen",
    multiple=True,
    metavar="NAAM",
    help="Hostnaam waarmee gebruikers de editor openen, zoals nota.gemeente.nl (herhaalbaar).",
)
@click.option(
    "--proxy-headers",
    is_flag=True,
    help="Achter een reverse proxy: neem schema en adres over uit X-Forwarded-Proto/-For.",
)
@click.option(
    "--forwarded-allow-ips",
    default="127.0.0.1",
    show_default=True,
    metavar="ADRESSEN",
    help="Met --proxy-headers: de adressen van de proxy (komma's ertussen, * voor alle).",
)
@click.option("--geen-browser", is_flag=True, help="Open geen browser.")
@templates_option
@reports_errors
def serve(map_, poort, host, servernamen, proxy_headers, forwarded_allow_ips, geen_browser, templates):
    from generator.proposal.kinds import search_path
    from generator.proposal.settings import read_settings
    from generator.web import runner
    from generator.web.app import make_app
    from generator.web.auth import team_for
    from generator.web.server import _in_background, _load_engines, _open_browser
    from generator.web.workspace import Workspace

    login = read_settings(map_).login or read_settings().login
    _check_host(host, login is not None)
    team = team_for(map_, login, servernamen) if login is not None else None
    if team is not None and not servernamen and host not in LOOPBACK:
        click.echo(
            f"waarschuwing: zonder --servernaam neemt nota alleen verzoeken aan die 127.0.0.1 "
            f"als adres noemen, ook al luistert het op {host}; geef de naam die gebruikers "
            "intypen, zoals --servernaam nota.gemeente.nl",
            err=True,
        )
    if team is not None and team.secret is None:
        click.echo(
            "waarschuwing: NOTA_OIDC_SECRET is niet gezet; nota meldt zich bij de aanmeldserver "
            "als publieke client (alleen PKCE, zonder geheim)",
            err=True,
        )
    workspace = Workspace(map_, search_path(templates))
    sock = runner.bind(poort, "de editor", host)
    adres = runner.address(sock)
    soort = "voor een team (aanmelden verplicht; elke wijziging een git-commit)" if team else "voor"
    click.echo(f"Editor {soort} {workspace.root} op {adres} (stoppen met Ctrl+C)", err=True)
    _in_background(_load_engines)
    workspace.warm()
    if not geen_browser and team is None:
        _open_browser(adres)
    try:
        runner.run(make_app(workspace, team=team), sock, forwarded_allow_ips if proxy_headers else None)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    click.echo("editor gestopt", err=True)


def _check_host(host: str, login: bool) -> None:
    """Another address than loopback only with a login: without one, anyone on the network
    could read and change every proposal."""
    if login or host in LOOPBACK:
        return
    try:
        if ipaddress.ip_address(host.strip("[]")).is_loopback:
            return
    except ValueError:
        pass
    raise click.BadParameter(
        f"nota serve luistert alleen op 127.0.0.1 (deze computer), niet op '{host}': "
        "zonder aanmelding kan iedereen op het netwerk erbij; zet een [login]-tabel in "
        "nota.toml (issuer, client_id; zie docs/deploy.md) om de editor voor een team "
        "te openen",
        param_hint="'--host'",
    )
