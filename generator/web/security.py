"""The guards in front of every page of `nota serve` and `nota preview`.

Composed as Starlette middleware (see `secured`), outermost first:

- `BodyLimit`: counts a request's body as it arrives (chunked included) and
  answers 413 past `MAX_BODY`, before the app holds more than that;
- `TrustedHost`: Starlette's TrustedHostMiddleware (own host only: DNS
  rebinding shows up as a foreign Host header), answering in Dutch;
- `SecurityHeaders`: a Content-Security-Policy with a fresh nonce per request
  (no inline script without it), no framing by other pages, nosniff, a
  same-origin referrer;
- `Guard`: no NUL in a path, and a token on every POST (a web page in another
  tab can make the browser send requests to 127.0.0.1, but cannot read the
  token that nota's own pages carry).

Files from a proposal's folder are never served as active content:
`folder_file_headers` makes a PNG/JPEG/GIF/WebP an image, an SVG an image in a
sandbox without scripts, and anything else a download.
"""

from __future__ import annotations

import hmac
import json
import secrets

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from generator.errors import Melding, NotaFout

LOCAL_HOSTS = ("127.0.0.1", "localhost")
TOKEN_HEADER = "x-nota-token"
SAFE_METHODS = ("GET", "HEAD")
MAX_BODY = 2 * 1024 * 1024
NONCE_KEY = "nota.nonce"

PAGE_CSP = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The rendered document in the editor's and the preview's frame: no script at all, its own
# opaque origin (so nothing in it can read the editor's token), framed only by nota's page.
DOCUMENT_CSP = (
    "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "font-src 'self' data:; frame-ancestors 'self'"
)
SVG_CSP = "sandbox; default-src 'none'"
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
FONTS = (".ttf", ".otf", ".woff", ".woff2")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def nonce(request) -> str:
    """The CSP nonce of this request, for a `<script nonce=...>` in the page."""
    return request.scope.get(NONCE_KEY, "")


def document_headers() -> dict[str, str]:
    """Headers for the rendered document shown in nota's own frame."""
    return {"Content-Security-Policy": DOCUMENT_CSP, "X-Frame-Options": "SAMEORIGIN", "Cache-Control": "no-store"}


def folder_file_headers(name: str) -> tuple[str, dict[str, str]]:
    """(media type, headers) for a file from a proposal's folder: an image or a download."""
    from urllib.parse import quote

    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    if suffix in IMAGE_TYPES:
        return IMAGE_TYPES[suffix], {**headers, "Content-Security-Policy": SVG_CSP}
    if suffix == ".svg":  # shown as an image; opened on its own it runs nothing
        return "image/svg+xml", {**headers, "Content-Security-Policy": SVG_CSP}
    return "application/octet-stream", {
        **headers,
        "Content-Security-Policy": SVG_CSP,
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
    }


def served_file(url_path: str, name: str) -> tuple[str, dict[str, str]]:
    """(media type, headers) for a file the document uses: from the proposal's folder (`/map/`)
    an image or a download; from the kind's template folders (`/bestand/`) its own type."""
    import mimetypes

    if url_path.lstrip("/").startswith("map/"):
        return folder_file_headers(name)
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    if name.lower().endswith(FONTS):  # the sandboxed document has its own origin: fonts need CORS
        headers["Access-Control-Allow-Origin"] = "*"
    return media_type, {**headers, "Content-Security-Policy": SVG_CSP} if media_type == "image/svg+xml" else headers


def secured(token: str | None = None, hosts: tuple[str, ...] = LOCAL_HOSTS) -> list[Middleware]:
    """The middleware of every nota server, outermost first; `hosts` are the names it answers to."""
    return [
        Middleware(BodyLimit),
        Middleware(TrustedHost, hosts=hosts),
        Middleware(SecurityHeaders),
        Middleware(Guard, token=token, hosts=hosts),
    ]


def wrap(app, middleware: list[Middleware]):
    """`app` inside `middleware` (outermost first), for an app that is more than one Starlette."""
    for m in reversed(middleware):
        app = m.cls(app, *m.args, **m.kwargs)
    return app


class BodyLimit:
    """413 for a body past `limit` bytes, counted as they arrive (Content-Length or chunked)."""

    def __init__(self, app, limit: int = MAX_BODY):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.limit:
            return await _plain(send, 413, self._message())
        state = {"total": 0, "over": False, "answered": False}

        async def counted():
            message = await receive()
            if message["type"] == "http.request" and not state["over"]:
                state["total"] += len(message.get("body", b""))
                if state["total"] > self.limit:
                    state["over"] = True
                    return {"type": "http.disconnect"}  # the app stops reading here
            return message

        async def answer(message):
            if not state["over"]:
                return await send(message)
            if not state["answered"]:
                state["answered"] = True
                await _plain(send, 413, self._message())

        try:
            await self.app(scope, counted, answer)
        except Exception:
            if not state["over"]:
                raise
        if state["over"] and not state["answered"]:
            state["answered"] = True
            await _plain(send, 413, self._message())

    def _message(self) -> str:
        return f"het verzoek is te groot: hoogstens {self.limit // (1024 * 1024)} MiB"


class TrustedHost:
    """Starlette's TrustedHostMiddleware for 127.0.0.1 and localhost, refusing in Dutch."""

    def __init__(self, app, hosts: tuple[str, ...] = LOCAL_HOSTS):
        self.app = app
        extra = [h for h in hosts if h not in LOCAL_HOSTS]
        self.refusal = "alleen te bekijken via 127.0.0.1" + "".join(f" of {h}" for h in extra)
        self.check = TrustedHostMiddleware(self._trusted, allowed_hosts=list(hosts), www_redirect=False)

    async def _trusted(self, scope, receive, send):
        scope["nota.host"] = True
        await self.app(scope, receive, send)

    async def __call__(self, scope, receive, send):
        async def refuse(message):
            if scope.get("nota.host"):
                return await send(message)
            if message["type"] == "http.response.start":
                await _plain(send, 403, self.refusal)

        await self.check(scope, receive, refuse)


class SecurityHeaders:
    """CSP with a nonce, no framing, nosniff, same-origin referrer: on every response.
    A response that sets its own CSP or X-Frame-Options (the document, a folder file) keeps it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        scope[NONCE_KEY] = secrets.token_urlsafe(18)
        csp = PAGE_CSP.format(nonce=scope[NONCE_KEY]).encode()

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [
                    (b"content-security-policy", csp),
                    (b"x-frame-options", b"DENY"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                ]
                message = {
                    **message,
                    "headers": list(message.get("headers", [])) + [(k, v) for k, v in extra if k not in present],
                }
            await send(message)

        await self.app(scope, receive, with_headers)


class Guard:
    """ASGI middleware: refuses what no page of nota would send."""

    def __init__(self, app, token: str | None = None, hosts: tuple[str, ...] = LOCAL_HOSTS):
        self.app, self.token, self.hosts = app, token, hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            return await _plain(send, *refusal)
        return await self.app(scope, receive, send)

    def _refusal(self, scope, headers: dict) -> tuple[int, str] | None:
        query = scope.get("query_string", b"").decode("latin-1")
        if "\x00" in scope["path"] or "\x00" in query or "%00" in query:
            return 400, "ongeldig adres: het bevat een nul-teken (%00)"
        if scope["method"] in SAFE_METHODS or self.token is None:
            return None
        given = headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return 403, ("verzoek geweigerd: het beveiligingskenmerk ontbreekt of klopt niet; laad de pagina opnieuw")
        origin = headers.get("origin")
        if origin and _host(origin.split("://", 1)[-1]) not in self.hosts:
            return 403, "verzoek geweigerd: het komt van een andere website"
        return None


def _host(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    return value.rsplit(":", 1)[0] if ":" in value else value


async def _plain(send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def body(request) -> dict:
    """The JSON object a page posted; NotaFout for anything else (BodyLimit caps its size)."""
    try:
        data = json.loads(await request.body())
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise NotaFout(Melding("het verzoek is geen geldige JSON"))
    return data


async def internal_error(request, exc: Exception):
    """A bug: the exception and its traceback to the server log, a Dutch line to the browser
    (no exception text, no paths)."""
    import logging

    from starlette.requests import ClientDisconnect
    from starlette.responses import PlainTextResponse

    if not isinstance(exc, ClientDisconnect):  # a body past the cap ends as a disconnect: no bug
        logging.getLogger("nota.web").error(
            "interne fout bij %s %s", request.method, request.url.path, exc_info=(type(exc), exc, exc.__traceback__)
        )
    return PlainTextResponse(
        "interne fout in nota; de melding staat in het venster waarin de server "
        "draait: meld die aan de beheerder van nota",
        500,
    )


async def http_error(request, exc):
    """Starlette's own 404, 405 ...: in Dutch; nota's own refusals (a Dutch detail) as they are."""
    from http import HTTPStatus

    from starlette.responses import PlainTextResponse

    if exc.detail and exc.detail != HTTPStatus(exc.status_code).phrase:
        return PlainTextResponse(exc.detail, exc.status_code, headers=exc.headers)
    texts = {
        404: "niet gevonden",
        405: "deze handeling kan hier niet",
        400: "ongeldig verzoek",
        413: "het verzoek is te groot",
    }
    return PlainTextResponse(
        texts.get(exc.status_code, f"het verzoek kan niet worden uitgevoerd (code {exc.status_code})"), exc.status_code
    )


def exception_handlers() -> dict:
    from starlette.exceptions import HTTPException

    return {HTTPException: http_error, Exception: internal_error}
