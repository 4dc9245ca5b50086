"""The one path by which nota changes a proposal file the user wrote.

`nota decide` and the editor's Opslaan both write through `rewrite`: under an
exclusive lock, into the file a symlink points to, with the file's own mode
(a 0600 `geheim` proposal stays 0600), atomically (a temporary file beside the
target, fsynced, then renamed over it), and only if the file still holds what
the caller read (`expected`), so an edit made elsewhere in the meantime is
never overwritten. A read-only file (no write permission bit) is refused,
never replaced.

The lock is a `filelock` in nota's own lock folder (in the temporary folder,
per user), named after the SHA-256 of the real file's path: nothing is left
in the proposal's folder, and it works in a folder nota may not write to.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.proposal.files import read_regular
from generator.proposal.load import MAX_BYTES


def target_of(path: Path) -> Path:
    """The file itself: a symlink is followed to the proposal it points to."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    """The lock file of the proposal at `path` (the real file: a symlink shares its target's lock)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"nota-sloten-{uid}"
    folder.mkdir(mode=0o700, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid:  # in a shared /tmp: only our own folder
        raise NotaFout(
            Melding(
                f"de map voor de sloten van nota ({folder}) is niet van u; verwijder "
                "die map, dan maakt nota een nieuwe",
                path,
            )
        )
    key = hashlib.sha256(os.fsencode(target_of(path))).hexdigest()
    return folder / f"{key}.lock"


@contextmanager
def locked(path: Path) -> Iterator[Path]:
    """Hold the proposal's lock; yields the real file.

    The lock file is never removed: removing it on release would let a second
    writer lock a new file while a first still holds the old one."""
    from filelock import FileLock, Timeout

    target = target_of(path)
    try:
        lock = FileLock(lock_path(target), timeout=0, thread_local=False, is_singleton=False)
        lock.acquire()
    except Timeout:
        raise NotaFout(
            Melding("iemand anders schrijft op dit moment in dit bestand; probeer het zo opnieuw", path)
        ) from None
    except OSError as e:
        raise NotaFout(Melding(f"het voorstel kan niet worden vergrendeld: {_reason(e)}", path)) from None
    try:
        yield target
    finally:
        lock.release()


def rewrite(path: Path, change: Callable[[bytes], bytes], expected: bytes | None = None) -> bytes:
    """Replace the proposal's bytes by `change(current)`; returns the new bytes.

    Refuses (NotaFout, nothing written) when `expected` is given and the file
    no longer holds it."""
    with locked(path) as target:
        refuse_read_only(target, path)
        current = read_regular(target, MAX_BYTES)
        if expected is not None and current != expected:
            raise NotaFout(
                Melding(
                    "het bestand is gewijzigd sinds het werd geopend (in een andere "
                    "editor, of door git); laad het opnieuw en breng uw wijziging "
                    "dan opnieuw aan",
                    path,
                )
            )
        new = change(current)
        if new != current:
            replace_bytes(target, new, path)
        return new


def refuse_read_only(target: Path, shown: Path) -> None:
    """A file without any write permission is the owner's 'do not change': refused."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        raise NotaFout(Melding("bestand bestaat niet", shown)) from None
    if not stat.S_ISREG(mode):
        raise NotaFout(Melding("dit is geen gewoon bestand; nota schrijft alleen in gewone bestanden", shown))
    if not mode & 0o222:
        raise NotaFout(
            Melding(
                "het bestand is alleen-lezen; nota verandert het niet. Maak het eerst "
                "schrijfbaar (chmod u+w) als het mag worden gewijzigd",
                shown,
            )
        )


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
        raise NotaFout(
            Melding(f"het voorstel kan niet worden bijgewerkt: {_reason(e)}; het bestand is ongewijzigd", shown)
        ) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _reason(e: OSError) -> str:
    import errno

    return {
        errno.EACCES: "geen schrijfrechten in deze map",
        errno.EPERM: "geen schrijfrechten in deze map",
        errno.EROFS: "de map is alleen-lezen",
        errno.ENOSPC: "de schijf is vol",
        errno.EDQUOT: "de schijfruimte (quota) is op",
    }.get(e.errno or 0, e.strerror or str(e))
