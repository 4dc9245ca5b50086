"""The preview's HTTP server: one page, its document, its events and downloads.

Serves on 127.0.0.1 only and refuses other Host headers; rebuilds the document
when the proposal or its kind's templates change (watchfiles).
"""
from __future__ import annotations

import errno
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

import click

from generator.errors import Melding, NotaFout
from generator.web.preview import FORMATS, HOST, error_page, shell

PING_SECONDS = 15


def serve(server, preview, on_rebuild, open_browser: bool) -> None:
    """Serve until Ctrl+C or SIGTERM; `on_rebuild(state)` after every rebuild."""
    _in_background(_load_engines)
    _in_background(_watch, preview, on_rebuild)
    if open_browser:
        _open_browser(address(server))
    _stop_on_sigterm()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        preview.stop()
        server.server_close()


def address(server) -> str:
    return f"http://{server.server_address[0]}:{server.server_address[1]}/"


def make_server(preview, port: int) -> ThreadingHTTPServer:

    class Handler(PreviewHandler):
        pass
    Handler.preview = preview
    try:
        server = ThreadingHTTPServer((HOST, port), Handler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            raise NotaFout(Melding(f"poort {port} is al in gebruik; kies een andere met "
                                   "--port (0 kiest een vrije poort)")) from None
        raise NotaFout(Melding(f"de voorbeeldserver kan niet starten op poort {port}: "
                               f"{e.strerror}")) from None
    server.daemon_threads = True
    return server


def _stop_on_sigterm() -> None:
    """SIGTERM stops the preview as Ctrl+C does (possible from the main thread only)."""
    import signal

    def stop(*_):
        raise KeyboardInterrupt
    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:
        pass


def _in_background(functie, *args) -> None:
    threading.Thread(target=functie, args=args, daemon=True).start()


def _load_engines() -> None:
    """Import the PDF and Word engines now, so the first download is quick."""
    from generator.render.engines import load_engines
    try:
        load_engines(("pdf", "docx"))
    except Exception:  # a missing engine shows up as a melding at download time
        pass


def _watch(preview, on_rebuild) -> None:
    """Rebuild after every change to the proposal or its kind's templates."""
    try:
        _track_changes(preview, on_rebuild)
    except Exception as e:  # e.g. no inotify watches left: say so, keep serving
        click.echo(f"fout: wijzigingen worden niet meer gevolgd ({type(e).__name__}: {e}); "
                   "herstart nota preview", err=True)


def _track_changes(preview, on_rebuild) -> None:
    from watchfiles import watch
    target = preview.path.resolve()
    for changes in watch(*preview.watched_dirs(), recursive=False, step=50,
                             debounce=400, stop_event=_Stop(preview), raise_interrupt=False,
                             watch_filter=lambda _, path: _counts(Path(path), target)):
        if any(Path(p).suffix == ".yaml" and Path(p) != target for _, p in changes):
            _clear_soort_caches()
        on_rebuild(preview.build())


def _counts(path: Path, target: Path) -> bool:
    """The proposal itself, or a template, stylesheet or kind.yaml of its kind."""
    return path == target or path.name == "kind.yaml" or path.suffix in (".j2", ".css", ".html")


def _clear_soort_caches() -> None:
    """A kind.yaml changed: forget the parsed kinds and the models built from them."""
    from generator.proposal import kinds, validate
    from generator.render import templating
    kinds._load.cache_clear()
    validate.model_of.cache_clear()
    templating.html_env.cache_clear()


class _Stop:
    """watchfiles' stop_event: set once the preview stops."""

    def __init__(self, preview):
        self.preview = preview

    def is_set(self) -> bool:
        return self.preview.stopped


def _open_browser(address: str) -> None:
    """Open the page, but only where a graphical browser can be there."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        return
    import webbrowser
    try:
        webbrowser.open(address)
    except webbrowser.Error:
        pass


class PreviewHandler(BaseHTTPRequestHandler):
    """GET only: the page, the document, its events, its files and downloads."""

    preview = None
    server_version = "nota-voorbeeld"

    def do_GET(self):
        if not self._own_host():
            return self._text(403, "alleen te bekijken via 127.0.0.1")
        path = urlsplit(self.path).path
        routes = {"/": self._shell, "/document": self._document,
                  "/gebeurtenissen": self._events,
                  "/document.pdf": lambda: self._download("pdf"),
                  "/document.docx": lambda: self._download("docx")}
        route = routes.get(path)
        return route() if route else self._file(path)

    def _own_host(self) -> bool:
        """Refuses other host names (DNS rebinding): only 127.0.0.1 and localhost."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in ("127.0.0.1", "localhost")

    def _shell(self):
        self._send(200, "text/html; charset=utf-8", shell(self.preview).encode())

    def _document(self):
        self._send(200, "text/html; charset=utf-8", self.preview.state.html.encode())

    def _events(self):
        import json
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        state = self.preview.state
        try:
            self._event(json.dumps(state.samenvatting()))
            while not self.preview.stopped:
                nieuw = self.preview.waiting(state.version, PING_SECONDS)
                if nieuw.version != state.version:
                    self._event(json.dumps(nieuw.samenvatting()))
                else:
                    self.wfile.write(b": nog hier\n\n")
                    self.wfile.flush()
                state = nieuw
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _event(self, data: str) -> None:
        self.wfile.write(f"data: {data}\n\n".encode())
        self.wfile.flush()

    def _download(self, format_: str):
        try:
            naam, inhoud = self.preview.document(format_)
        except NotaFout as e:
            return self._send(409, "text/html; charset=utf-8", error_page(e.meldingen).encode())
        except Exception as e:  # a bug must not stop the preview; show it where the document was
            melding = Melding(f"interne fout bij het maken van de {format_.upper()} "
                              f"({type(e).__name__}: {e})", self.preview.path)
            click.echo(str(melding), err=True)
            return self._send(500, "text/html; charset=utf-8", error_page([melding]).encode())
        self._send(200, FORMATS[format_], inhoud,
                    {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(naam)}"})

    def _file(self, path: str):
        import mimetypes
        bestand = self.preview.bestand(path)
        if bestand is None:
            return self._text(404, "niet gevonden (het voorbeeld toont alleen bestanden uit de "
                                    "sjabloonmappen en afbeeldingen naast het voorstel)")
        soort = mimetypes.guess_type(bestand.name)[0] or "application/octet-stream"
        self._send(200, soort, bestand.read_bytes())

    def _text(self, status: int, tekst: str):
        self._send(status, "text/plain; charset=utf-8", tekst.encode())

    def _send(self, status: int, soort: str, inhoud: bytes, kop: dict | None = None):
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
