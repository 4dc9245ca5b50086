"""The preview's HTTP server: one page, its document, its events and downloads.

A Starlette app served by uvicorn with the limits of generator.web.runner, on
127.0.0.1 only, refusing other Host headers; rebuilds the document when the
proposal or its kind's templates change (watchfiles, in one thread).
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import click
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from generator.errors import Melding, NotaFout
from generator.web import runner
from generator.web.events import change_events
from generator.web.preview import FORMATS, error_page, shell
from generator.web.security import document_headers, exception_handlers, nonce, secured, served_file

TOO_MANY = "te veel open vensters met dit voorbeeld; sluit er een en laad de pagina opnieuw"


class PreviewServer:
    """The bound socket and the app of one preview."""

    def __init__(self, preview, sock):
        self.preview, self.sock = preview, sock
        self.app = preview_app(preview)


def serve(server: PreviewServer, preview, on_rebuild, open_browser: bool) -> None:
    """Serve until Ctrl+C or SIGTERM; `on_rebuild(state)` after every rebuild."""
    _in_background(_load_engines)
    _in_background(_watch, preview, on_rebuild)
    if open_browser:
        _open_browser(address(server))
    try:
        runner.run(server.app, server.sock)
    finally:
        preview.stop()
        server.sock.close()


def address(server: PreviewServer) -> str:
    return runner.address(server.sock)


def make_server(preview, port: int) -> PreviewServer:
    return PreviewServer(preview, runner.bind(port))


def preview_app(preview, streams: runner.Slots | None = None) -> Starlette:
    """The page, the document, its events, its files and downloads (GET only)."""
    streams = streams or runner.Slots()

    async def page(request):
        return HTMLResponse(shell(preview, nonce(request)), headers=NO_STORE)

    async def document(request):
        return HTMLResponse(preview.state.html, headers=document_headers())

    async def events(request):
        return change_events(
            streams,
            lambda: preview.state.samenvatting(),
            stopped=lambda: preview.stopped,
            in_thread=False,
            too_many=TOO_MANY,
        )

    async def download(request):
        return await run_in_threadpool(download_response, preview, request.path_params["format_"])

    async def file(request):
        found = preview.bestand(request.url.path)
        if found is None:
            return PlainTextResponse(
                "niet gevonden (het voorbeeld toont alleen bestanden uit de "
                "sjabloonmappen en afbeeldingen naast het voorstel)",
                404,
            )
        from generator.proposal.files import read_regular

        media_type, headers = served_file(request.url.path, found.name)
        return Response(await run_in_threadpool(read_regular, found), media_type=media_type, headers=headers)

    return Starlette(
        routes=[
            Route("/", page),
            Route("/document", document),
            Route("/gebeurtenissen", events),
            Route("/document.{format_:str}", download),
            Route("/{pad:path}", file),
        ],
        middleware=secured(),
        exception_handlers=exception_handlers(),
    )


NO_STORE = {"Cache-Control": "no-store"}


def download_response(preview, format_: str) -> Response:
    if format_ not in FORMATS:
        return PlainTextResponse("niet gevonden", 404)
    try:
        naam, inhoud = preview.document(format_)
    except NotaFout as e:
        return HTMLResponse(error_page(e.meldingen), 409)
    except Exception:  # a bug must not stop the preview; the traceback to the log only
        import logging

        logging.getLogger("nota.web").exception("interne fout bij het maken van de %s", format_.upper())
        melding = Melding(
            f"interne fout bij het maken van de {format_.upper()}; de melding staat in het "
            "venster waarin de server draait: meld die aan de beheerder van nota"
        )
        return HTMLResponse(error_page([melding]), 500)
    return Response(
        inhoud,
        media_type=FORMATS[format_],
        headers={**NO_STORE, "Content-Disposition": f"attachment; filename*=UTF-8''{quote(naam)}"},
    )


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
        click.echo(
            f"fout: wijzigingen worden niet meer gevolgd ({type(e).__name__}: {e}); herstart nota preview", err=True
        )


def _track_changes(preview, on_rebuild) -> None:
    from watchfiles import watch

    target = preview.path.resolve()
    for changes in watch(
        *preview.watched_dirs(),
        recursive=False,
        step=50,
        debounce=400,
        stop_event=_Stop(preview),
        raise_interrupt=False,
        watch_filter=lambda _, path: _counts(Path(path), target),
    ):
        if any(Path(p).suffix == ".yaml" and Path(p) != target for _, p in changes):
            _clear_soort_caches()
        on_rebuild(preview.build())


def _counts(path: Path, target: Path) -> bool:
    """The proposal itself, or a template, stylesheet, kind.yaml or house style of its kind."""
    return path == target or path.name in ("kind.yaml", "huisstijl.yaml") or path.suffix in (".j2", ".css", ".html")


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
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return
    import webbrowser

    try:
        webbrowser.open(address)
    except webbrowser.Error:
        pass
