"""Sessions of `nota serve` for a team, on the server: the browser holds only a random id
(an HttpOnly, SameSite=Lax cookie, Secure behind https, with an expiry), so logging out
ends the session and a copied cookie stops working. A session that ends takes the
drafts it owns with it (`SessionStore.ended`).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable

COOKIE = "nota_sessie"
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 10_000
SESSION_KEY = "nota.sessie"  # the server-side session's id, for the drafts it owns
PRUNE_SECONDS = 60  # how often expired sessions (and their drafts) are looked for


class SessionStore:
    """Sessions in the server's memory, each with an absolute expiry. A session that ends
    (logout, expiry, pushed out) is told to every function in `ended`, with its id."""

    def __init__(self, seconds: int = SESSION_SECONDS, limit: int = MAX_SESSIONS):
        self.seconds, self.limit = seconds, limit
        self.ended: list[Callable[[str], None]] = []
        self._data: dict[str, tuple[float, dict]] = {}
        self._lock = threading.Lock()
        self._pruned = time.time()

    def load(self, sid: str | None) -> dict | None:
        gone: list[str] = []
        with self._lock:
            if time.time() - self._pruned > PRUNE_SECONDS:
                gone = self._expired()
            found = self._data.get(sid or "")
            if found is not None and found[0] < time.time():
                gone.append(self._end(sid or ""))
                found = None
        self._tell(gone)
        return dict(found[1]) if found is not None else None

    def create(self, data: dict) -> str:
        """A new session holding `data`; its id."""
        with self._lock:
            gone = self._make_room()
            sid = secrets.token_urlsafe(32)
            self._data[sid] = (time.time() + self.seconds, dict(data))
        self._tell(gone)
        return sid

    def update(self, sid: str, data: dict) -> None:
        """Keep `data` in the session `sid`, if it still exists (not ended meanwhile)."""
        with self._lock:
            if sid in self._data:
                self._data[sid] = (self._data[sid][0], dict(data))

    def delete(self, sid: str | None) -> None:
        with self._lock:
            gone = [self._end(sid)] if sid in self._data else []
        self._tell(gone)

    def _end(self, sid: str) -> str:
        del self._data[sid]
        return sid

    def _expired(self) -> list[str]:
        now = self._pruned = time.time()
        return [self._end(sid) for sid in [s for s, (exp, _) in self._data.items() if exp < now]]

    def _make_room(self) -> list[str]:
        gone = self._expired()
        if len(self._data) < self.limit:
            return gone
        anonymous = [s for s, (_, d) in self._data.items() if "gebruiker" not in d]
        for sid in (anonymous or list(self._data))[: len(self._data) - self.limit + 1]:
            gone.append(self._end(sid))  # half-done logins go first, then the oldest sessions
        return gone

    def _tell(self, gone: list[str]) -> None:
        for sid in gone:
            for ended in self.ended:
                ended(sid)


class Sessions:
    """ASGI middleware: `request.session` from the server's store by the cookie's id.

    A session is stored only once something is in it; an emptied session
    (logout) is deleted; `renew` (after login) gives it a new id."""

    def __init__(self, app, store: SessionStore):
        self.app, self.store = app, store

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        sid = _cookie(scope, COOKIE)
        data = self.store.load(sid)
        scope["session"] = data if data is not None else {}
        sid = sid if data is not None else None
        scope[SESSION_KEY] = sid

        async def send_with_cookie(message):
            if message["type"] == "http.response.start":
                cookie = self._commit(scope, sid)
                if cookie:
                    message.setdefault("headers", []).append((b"set-cookie", cookie.encode("latin-1")))
            await send(message)

        await self.app(scope, receive, send_with_cookie)

    def _commit(self, scope, sid: str | None) -> str | None:
        session = scope["session"]
        if not session:
            self.store.delete(sid)
            return _set_cookie(scope, "", 0) if sid else None
        if session.pop("_vernieuw", False) or sid is None:  # logged in: a new id
            self.store.delete(sid)
            return _set_cookie(scope, self.store.create(session), self.store.seconds)
        self.store.update(sid, session)  # a session ended by a logout meanwhile stays ended
        return None


def _cookie(scope, name: str) -> str | None:
    for key, value in scope["headers"]:
        if key == b"cookie":
            for part in value.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                if k == name:
                    return v
    return None


def _set_cookie(scope, value: str, seconds: int) -> str:
    secure = "; Secure" if scope.get("scheme") == "https" else ""
    return f"{COOKIE}={value}; Path=/; Max-Age={seconds}; HttpOnly; SameSite=Lax{secure}"
