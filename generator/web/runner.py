"""Serving on 127.0.0.1 with limits, for `nota preview` and `nota serve`.

uvicorn runs the Starlette app on one event loop: no thread per connection.
Its limits are set here: at most `MAX_CONNECTIONS` connections at a time
(more get 503), idle keep-alive connections closed after
`KEEP_ALIVE_SECONDS`, a request header of at most `MAX_HEADER_BYTES`, and a
request that has not arrived whole within `REQUEST_SECONDS` (a half-sent
request, slow-loris style) has its connection closed. Event streams are
capped by `Slots`. When file descriptors run out, asyncio pauses accepting
for a second instead of spinning. The size of a request's body is capped by
generator.web.security.BodyLimit (counted as it arrives, chunked included),
the Host by its TrustedHost.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from generator.errors import Melding, NotaFout

HOST = "127.0.0.1"
MAX_CONNECTIONS = 200
KEEP_ALIVE_SECONDS = 5
REQUEST_SECONDS = 10
MAX_HEADER_BYTES = 64 * 1024
MAX_EVENT_STREAMS = 32


MALFORMED = (  # ASCII: uvicorn writes this answer as such
    "Dit is geen geldig HTTP-verzoek; het is niet verwerkt. Laad de pagina opnieuw; "
    "gebeurt dit weer, meld het dan aan de beheerder van nota."
)


class LimitedH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request to arrive whole, and its
    answer to a malformed request in Dutch."""

    deadline_seconds = REQUEST_SECONDS
    _deadline: asyncio.TimerHandle | None = None

    def send_400_response(self, msg: str) -> None:
        super().send_400_response(MALFORMED)

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR):
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.deadline_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


class Slots:
    """A cap on something the server holds open, such as event streams."""

    def __init__(self, limit: int = MAX_EVENT_STREAMS):
        self.limit, self.taken = limit, 0

    def take(self) -> bool:
        if self.taken >= self.limit:
            return False
        self.taken += 1
        return True

    def release(self) -> None:
        self.taken -= 1


def bind(port: int, wie: str = "de voorbeeldserver", host: str = HOST) -> socket.socket:
    """A listening socket on `host` (127.0.0.1); a Dutch melding when the port cannot be had."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise NotaFout(
                Melding(f"poort {port} is al in gebruik; kies een andere met --port (0 kiest een vrije poort)")
            ) from None
        raise NotaFout(Melding(f"{wie} kan niet starten op poort {port}: {e.strerror}")) from None
    sock.set_inheritable(True)
    return sock


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def run(app, sock: socket.socket, forwarded_allow_ips: str | None = None) -> None:
    """Serve `app` on `sock` until Ctrl+C or SIGTERM; behind a reverse proxy, the
    X-Forwarded-Proto/-For headers of `forwarded_allow_ips` are believed."""
    import uvicorn

    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)  # nothing English on the user's screen
    config = uvicorn.Config(
        app,
        http=LimitedH11,
        ws="none",
        lifespan="off",
        log_config=None,
        access_log=False,
        limit_concurrency=MAX_CONNECTIONS,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        timeout_graceful_shutdown=1,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        server_header=False,
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips or HOST,
    )
    uvicorn.Server(config).run(sockets=[sock])
