"""Sessions of `nota serve` for a team, on the server: the browser holds only a random id
(an HttpOnly, SameSite=Lax cookie, Secure behind https, with an expiry), so logging out
ends the session and a copied cookie stops working. A session that ends takes the
drafts it owns with it (`SessionStore.ended`).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

COOKIE = "nota_sessie"
SESSION_SECONDS = 8 * 3600
MAX_SESSIONS = 10_000
SESSION_KEY = "nota.sessie"  # the session's key (`key`), for the drafts it owns
PRUNE_SECONDS = 60  # how often expired sessions (and their drafts) are looked for


class SessionStore:
    """Sessions on the server, each with an absolute expiry, kept under the SHA-256 of their
    id (`key`): the id itself, the cookie's secret, is kept nowhere. With `path`, the logged-in
    sessions are also kept in that file (0600; put it outside the served work tree, as
    `.git/nota/sessies.json`), so they survive a restart; expired ones are left out. A session
    that ends (logout, expiry, pushed out) is told to every function in `ended`, by its key."""

    def __init__(self, seconds: int = SESSION_SECONDS, limit: int = MAX_SESSIONS, path: Path | None = None):
        self.seconds, self.limit, self.path = seconds, limit, path
        self.ended: list[Callable[[str], None]] = []
        self._data: dict[str, tuple[float, dict]] = {}
        self._lock = threading.Lock()
        self._pruned = time.time()
        if path is not None:
            self._data = _read(path, time.time())

    def load(self, sid: str | None) -> dict | None:
        gone: list[str] = []
        key_ = key(sid)
        with self._lock:
            if time.time() - self._pruned > PRUNE_SECONDS:
                gone = self._expired()
            found = self._data.get(key_)
            if found is not None and found[0] < time.time():
                gone.append(self._end(key_))
                found = None
            self._keep(gone)
        self._tell(gone)
        return dict(found[1]) if found is not None else None

    def create(self, data: dict) -> str:
        """A new session holding `data`; its id."""
        with self._lock:
            gone = self._make_room()
            sid = secrets.token_urlsafe(32)
            self._data[key(sid)] = (time.time() + self.seconds, dict(data))
            self._keep(gone + ([key(sid)] if "gebruiker" in data else []))
        self._tell(gone)
        return sid

    def update(self, sid: str, data: dict) -> None:
        """Keep `data` in the session `sid`, if it still exists (not ended meanwhile)."""
        key_ = key(sid)
        with self._lock:
            if key_ in self._data and self._data[key_][1] != data:
                self._data[key_] = (self._data[key_][0], dict(data))
                self._keep([key_] if "gebruiker" in data else [])

    def delete(self, sid: str | None) -> None:
        key_ = key(sid)
        with self._lock:
            gone = [self._end(key_)] if key_ in self._data else []
            self._keep(gone)
        self._tell(gone)

    def _end(self, key_: str) -> str:
        del self._data[key_]
        return key_

    def _expired(self) -> list[str]:
        now = self._pruned = time.time()
        return [self._end(k) for k in [k for k, (exp, _) in self._data.items() if exp < now]]

    def _make_room(self) -> list[str]:
        gone = self._expired()
        if len(self._data) < self.limit:
            return gone
        anonymous = [k for k, (_, d) in self._data.items() if "gebruiker" not in d]
        for key_ in (anonymous or list(self._data))[: len(self._data) - self.limit + 1]:
            gone.append(self._end(key_))  # half-done logins go first, then the oldest sessions
        return gone

    def _keep(self, changed: list[str]) -> None:
        """Write the logged-in sessions to `path` (under the lock), when something changed."""
        if self.path is None or not changed:
            return
        kept = {k: [exp, d] for k, (exp, d) in self._data.items() if "gebruiker" in d}
        _write(self.path, json.dumps(kept, ensure_ascii=False).encode("utf-8"))

    def _tell(self, gone: list[str]) -> None:
        for key_ in gone:
            for ended in self.ended:
                ended(key_)


def key(sid: str | None) -> str:
    """What a session is kept under: the SHA-256 of its id."""
    return hashlib.sha256((sid or "").encode("utf-8")).hexdigest() if sid else ""


def _read(path: Path, now: float) -> dict[str, tuple[float, dict]]:
    """The sessions a previous run kept, without the expired ones; none when the file is
    missing or unreadable (everybody logs in again)."""
    try:
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict):
        return {}
    return {
        k: (float(v[0]), v[1])
        for k, v in stored.items()
        if isinstance(v, list)
        and len(v) == 2
        and isinstance(v[0], (int, float))
        and v[0] >= now
        and isinstance(v[1], dict)
    }


def _write(path: Path, data: bytes) -> None:
    """Atomically, readable by the server's account only."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".sessies.", dir=path.parent)  # mkstemp: 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


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
        scope[SESSION_KEY] = key(sid)

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
