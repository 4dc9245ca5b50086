"""The guard in front of every page: own host only, no NUL in a path, a token on every POST.

A web page in another tab can make the browser send requests to 127.0.0.1,
but it cannot read the token that nota's own pages carry, and DNS
rebinding shows up as a foreign Host header.
"""
from __future__ import annotations

import hmac
import json
import secrets

from generator.errors import Melding, NotaFout
from generator.web.runner import LOCAL_HOSTS

TOKEN_HEADER = "x-nota-token"
SAFE_METHODS = ("GET", "HEAD")
MAX_BODY = 2 * 1024 * 1024


def new_token() -> str:
    return secrets.token_urlsafe(32)


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
        if _host(headers.get("host", "")) not in self.hosts:
            extra = [h for h in self.hosts if h not in LOCAL_HOSTS]
            return 403, "alleen te bekijken via 127.0.0.1" + "".join(f" of {h}" for h in extra)
        query = scope.get("query_string", b"").decode("latin-1")
        if "\x00" in scope["path"] or "\x00" in query or "%00" in query:
            return 400, "ongeldig adres: het bevat een nul-teken (%00)"
        if scope["method"] in SAFE_METHODS or self.token is None:
            return None
        given = headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return 403, ("verzoek geweigerd: het beveiligingskenmerk ontbreekt of klopt niet; "
                         "laad de pagina opnieuw")
        origin = headers.get("origin")
        if origin and _host(origin.split("://", 1)[-1]) not in self.hosts:
            return 403, "verzoek geweigerd: het komt van een andere website"
        return None


def _host(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value.split("]", 1)[0] + "]"
    return value.rsplit(":", 1)[0] if ":" in value else value


async def _plain(send, status: int, tekst: str) -> None:
    body = tekst.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": body})


async def body(request) -> dict:
    """The JSON object a page posted; NotaFout for anything else."""
    if int(request.headers.get("content-length") or 0) > MAX_BODY:
        raise NotaFout(Melding("het verzoek is te groot"))
    try:
        data = json.loads(await request.body())
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise NotaFout(Melding("het verzoek is geen geldige JSON"))
    return data
