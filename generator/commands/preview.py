"""`nota preview`: serve a proposal's document on 127.0.0.1, rebuilt on every save."""
from __future__ import annotations

import errno
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import click

from ..cli import meldt_fouten, templates_optie
from ..errors import Melding, NotaFout

HELP = """Toon een voorstel als document in de browser, bijgewerkt bij elke keer opslaan.

De pagina staat alleen op deze computer (127.0.0.1). Fouten verschijnen in de
pagina met bestand:regel:kolom; via de knoppen haalt u de PDF en het Word-document op."""

STANDAARDPOORT = 8765
PING_SECONDEN = 15


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--port", "poort", type=click.IntRange(0, 65535), default=STANDAARDPOORT,
              show_default=True, help="Poort op 127.0.0.1; 0 kiest een vrije poort.")
@click.option("--geen-browser", is_flag=True, help="Open geen browser.")
@templates_optie
@meldt_fouten
def preview(bestand, poort, geen_browser, templates):
    from ..kinds import zoekpad
    from ..preview import Voorbeeld
    voorbeeld = Voorbeeld(bestand, zoekpad(templates))
    _meld_stand(voorbeeld.bouw(), bestand)
    server = _server(voorbeeld, poort)
    adres = f"http://{server.server_address[0]}:{server.server_address[1]}/"
    click.echo(f"Voorbeeld van {bestand} op {adres} (stoppen met Ctrl+C)", err=True)
    _achtergrond(_laad_engines)
    _achtergrond(_bewaak, voorbeeld)
    if not geen_browser:
        _open_browser(adres)
    _stop_bij_sigterm()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        click.echo("voorbeeld gestopt", err=True)
    finally:
        voorbeeld.stop()
        server.server_close()


def _server(voorbeeld, poort: int) -> ThreadingHTTPServer:
    from ..preview import HOST

    class Handler(VoorbeeldHandler):
        pass
    Handler.voorbeeld = voorbeeld
    try:
        server = ThreadingHTTPServer((HOST, poort), Handler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise NotaFout(Melding(f"poort {poort} is al in gebruik; kies een andere met "
                                   "--port (0 kiest een vrije poort)")) from None
        raise NotaFout(Melding(f"de voorbeeldserver kan niet starten op poort {poort}: "
                               f"{e.strerror}")) from None
    server.daemon_threads = True
    return server


def _stop_bij_sigterm() -> None:
    """SIGTERM stops the preview as Ctrl+C does (possible from the main thread only)."""
    import signal

    def stop(*_):
        raise KeyboardInterrupt
    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:
        pass


def _achtergrond(functie, *args) -> None:
    threading.Thread(target=functie, args=args, daemon=True).start()


def _laad_engines() -> None:
    """Import the PDF and Word engines now, so the first download is quick."""
    from ..opstart import laad_engines
    try:
        laad_engines(("pdf", "docx"))
    except Exception:  # a missing engine shows up as a melding at download time
        pass


def _bewaak(voorbeeld) -> None:
    """Rebuild after every change to the proposal or its kind's templates."""
    try:
        _volg_wijzigingen(voorbeeld)
    except Exception as e:  # e.g. no inotify watches left: say so, keep serving
        click.echo(f"fout: wijzigingen worden niet meer gevolgd ({type(e).__name__}: {e}); "
                   "herstart nota preview", err=True)


def _volg_wijzigingen(voorbeeld) -> None:
    from watchfiles import watch
    doel = voorbeeld.pad.resolve()
    for wijzigingen in watch(*voorbeeld.bewaakte_mappen(), recursive=False, step=50,
                             debounce=400, stop_event=_Stop(voorbeeld), raise_interrupt=False,
                             watch_filter=lambda _, pad: _telt(Path(pad), doel)):
        if any(Path(p).suffix == ".yaml" and Path(p) != doel for _, p in wijzigingen):
            _wis_soortcaches()
        _meld_stand(voorbeeld.bouw(), voorbeeld.pad)


def _telt(pad: Path, doel: Path) -> bool:
    """The proposal itself, or a template, stylesheet or kind.yaml of its kind."""
    return pad == doel or pad.name == "kind.yaml" or pad.suffix in (".j2", ".css", ".html")


def _wis_soortcaches() -> None:
    """A kind.yaml changed: forget the parsed kinds and the models built from them."""
    from .. import kinds, templating, validate
    kinds._laad.cache_clear()
    validate.model_van.cache_clear()
    templating.html_env.cache_clear()


class _Stop:
    """watchfiles' stop_event: set once the preview stops."""

    def __init__(self, voorbeeld):
        self.voorbeeld = voorbeeld

    def is_set(self) -> bool:
        return self.voorbeeld.gestopt


def _meld_stand(stand, bestand) -> None:
    from ..report import meld_alle
    meld_alle(stand.meldingen)
    if stand.ok:
        click.echo(f"bijgewerkt: {bestand} ({stand.tijd:%H:%M:%S})", err=True)


def _open_browser(adres: str) -> None:
    """Open the page, but only where a graphical browser can be there."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        return
    import webbrowser
    try:
        webbrowser.open(adres)
    except webbrowser.Error:
        pass


class VoorbeeldHandler(BaseHTTPRequestHandler):
    """GET only: the page, the document, its events, its files and downloads."""

    voorbeeld = None
    server_version = "nota-voorbeeld"

    def do_GET(self):
        if not self._eigen_host():
            return self._tekst(403, "alleen te bekijken via 127.0.0.1")
        pad = urlsplit(self.path).path
        routes = {"/": self._schil, "/document": self._document,
                  "/gebeurtenissen": self._gebeurtenissen,
                  "/document.pdf": lambda: self._download("pdf"),
                  "/document.docx": lambda: self._download("docx")}
        route = routes.get(pad)
        return route() if route else self._bestand(pad)

    def _eigen_host(self) -> bool:
        """Refuses other host names (DNS rebinding): only 127.0.0.1 and localhost."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in ("127.0.0.1", "localhost")

    def _schil(self):
        from ..preview import schil
        self._stuur(200, "text/html; charset=utf-8", schil(self.voorbeeld).encode())

    def _document(self):
        self._stuur(200, "text/html; charset=utf-8", self.voorbeeld.stand.html.encode())

    def _gebeurtenissen(self):
        import json
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        stand = self.voorbeeld.stand
        try:
            self._gebeurtenis(json.dumps(stand.samenvatting()))
            while not self.voorbeeld.gestopt:
                nieuw = self.voorbeeld.wacht(stand.versie, PING_SECONDEN)
                if nieuw.versie != stand.versie:
                    self._gebeurtenis(json.dumps(nieuw.samenvatting()))
                else:
                    self.wfile.write(b": nog hier\n\n")
                    self.wfile.flush()
                stand = nieuw
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _gebeurtenis(self, data: str) -> None:
        self.wfile.write(f"data: {data}\n\n".encode())
        self.wfile.flush()

    def _download(self, formaat: str):
        from ..preview import FORMATEN, foutpagina
        try:
            naam, inhoud = self.voorbeeld.document(formaat)
        except NotaFout as e:
            return self._stuur(409, "text/html; charset=utf-8", foutpagina(e.meldingen).encode())
        except Exception as e:  # a bug must not stop the preview; show it where the document was
            melding = Melding(f"interne fout bij het maken van de {formaat.upper()} "
                              f"({type(e).__name__}: {e})", self.voorbeeld.pad)
            click.echo(str(melding), err=True)
            return self._stuur(500, "text/html; charset=utf-8", foutpagina([melding]).encode())
        self._stuur(200, FORMATEN[formaat], inhoud,
                    {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(naam)}"})

    def _bestand(self, pad: str):
        import mimetypes
        bestand = self.voorbeeld.bestand(pad)
        if bestand is None:
            return self._tekst(404, "niet gevonden (het voorbeeld toont alleen bestanden uit de "
                                    "sjabloonmappen en afbeeldingen naast het voorstel)")
        soort = mimetypes.guess_type(bestand.name)[0] or "application/octet-stream"
        self._stuur(200, soort, bestand.read_bytes())

    def _tekst(self, status: int, tekst: str):
        self._stuur(status, "text/plain; charset=utf-8", tekst.encode())

    def _stuur(self, status: int, soort: str, inhoud: bytes, kop: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", soort)
        self.send_header("Content-Length", str(len(inhoud)))
        self.send_header("Cache-Control", "no-store")
        for naam, waarde in (kop or {}).items():
            self.send_header(naam, waarde)
        self.end_headers()
        try:
            self.wfile.write(inhoud)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass  # requests are not news; rebuilds and meldingen are printed instead
