"""The one path by which nota changes a proposal file the user wrote.

`nota decide` and the editor's Opslaan both write through `rewrite`: under an
exclusive lock, into the file a symlink points to, with the file's own mode
(a 0600 `geheim` proposal stays 0600), atomically (a temporary file beside the
target, fsynced, then renamed over it), and only if the file still holds what
the caller read (`expected`), so an edit made elsewhere in the meantime is
never overwritten.
"""
from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import Melding, NotaFout


def target_of(path: Path) -> Path:
    """The file itself: a symlink is followed to the proposal it points to."""
    return Path(os.path.realpath(path))


@contextmanager
def locked(path: Path) -> Iterator[Path]:
    """Hold the proposal's lock; yields the real file.

    The lock file (`.<name>.lock` beside the real file) is never removed:
    removing it on release would let a second writer lock a new file while a
    first still holds the old one."""
    target = target_of(path)
    lock = target.with_name(f".{target.name}.lock")
    try:
        f = open(lock, "a")
    except OSError as e:
        raise NotaFout(Melding(f"het voorstel kan niet worden vergrendeld: {_reason(e)}", path)) from None
    with f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NotaFout(Melding("iemand anders schrijft op dit moment in dit bestand; "
                                   "probeer het zo opnieuw", path)) from None
        try:
            yield target
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def rewrite(path: Path, change: Callable[[bytes], bytes], expected: bytes | None = None) -> bytes:
    """Replace the proposal's bytes by `change(current)`; returns the new bytes.

    Refuses (NotaFout, nothing written) when `expected` is given and the file
    no longer holds it."""
    with locked(path) as target:
        current = target.read_bytes()
        if expected is not None and current != expected:
            raise NotaFout(Melding("het bestand is gewijzigd sinds het werd geopend (in een andere "
                                   "editor, of door git); laad het opnieuw en breng uw wijziging "
                                   "dan opnieuw aan", path))
        new = change(current)
        if new != current:
            replace_bytes(target, new, path)
        return new


def replace_bytes(target: Path, data: bytes, shown: Path | None = None) -> None:
    """Atomically put `data` in place of `target`, keeping its mode."""
    shown = shown or target
    mode = target.stat().st_mode & 0o7777
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise NotaFout(Melding(f"het voorstel kan niet worden bijgewerkt: {_reason(e)}", shown)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as e:
        raise NotaFout(Melding(f"het voorstel kan niet worden bijgewerkt: {_reason(e)}; "
                               "het bestand is ongewijzigd", shown)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _reason(e: OSError) -> str:
    import errno
    return {errno.EACCES: "geen schrijfrechten in deze map",
            errno.EPERM: "geen schrijfrechten in deze map",
            errno.EROFS: "de map is alleen-lezen",
            errno.ENOSPC: "de schijf is vol",
            errno.EDQUOT: "de schijfruimte (quota) is op"}.get(e.errno or 0, e.strerror or str(e))
