"""Which files nota reads from a proposal's folder, and how: in one place for CLI and server.

Only regular files are read. A folder is walked for its *.yaml/*.yml; a symlink
in it that leads out of the folder is refused with a melding (its content is
not the folder's to show), a FIFO, socket or device is skipped with a melding
(reading one would block, or never end). Every read is bounded in size and
opened with O_NONBLOCK after an fstat, so no file in the folder can hang or
exhaust nota.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from generator.errors import Melding, NotaFout

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 256 * 1024 * 1024  # an annex or image beside a proposal; more is not a document
CHUNK = 1024 * 1024


def collect(paths, skipped: list[Melding] | None = None) -> list[Path]:
    """Files as given; a folder means every *.yaml/*.yml in it, sorted by name.

    What a folder holds that is not read (a FIFO or device, a symlink out of
    the folder) is left out, with a melding in `skipped`. A file given by name
    is kept: the loader refuses anything but a regular file, with a melding."""
    out: list[Path] = []
    meldingen = skipped if skipped is not None else []
    for path in map(Path, paths):
        if path.is_dir():
            files, refused = walk(path)
            out += files
            meldingen += refused
        else:
            out.append(path)  # given by name: the loader reads only a regular file, and says why not
    return list(dict.fromkeys(out))


_NOT_REGULAR = (
    "overgeslagen: dit is geen gewoon bestand (maar bijvoorbeeld een pijp of een "
    "apparaat); nota leest alleen gewone bestanden"
)


def walk(folder: Path) -> tuple[list[Path], list[Melding]]:
    """The proposals in `folder` (sorted), and a melding for each entry left out."""
    folder = Path(folder)
    root = folder.resolve()
    files, meldingen = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in YAML_SUFFIXES or path.name.startswith("."):
            continue
        kind = _kind(path)
        if kind == "dir":
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            meldingen.append(
                Melding(
                    "overgeslagen: deze koppeling (symlink) wijst naar een bestand "
                    "buiten de map; zet het voorstel zelf in de map",
                    path,
                )
            )
        elif kind != "regular":
            meldingen.append(Melding(_NOT_REGULAR, path))
        else:
            files.append(path)
    return files, meldingen


def _kind(path: Path) -> str:
    """'regular', 'dir', 'other' (FIFO, socket, device) or '' (missing), following symlinks."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return "regular"
    return "dir" if stat.S_ISDIR(mode) else "other"


def inside(folder: Path, naam: str) -> Path | None:
    """`naam` in `folder` as a real path, or None when it leads out of the folder."""
    root = Path(folder).resolve()
    path = (root / naam).resolve()
    return path if path.is_relative_to(root) else None


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; NotaFout (Dutch) for anything else.

    Opened without blocking and checked with fstat before a byte is read, so a
    FIFO or /dev/zero is refused instead of read."""
    with _open_regular(path, limit) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise NotaFout(Melding(_too_big(limit), path))
    return data


def file_digest(folder: Path, naam: str) -> str | None:
    """SHA-256 of `naam` in `folder`; None when it is missing, outside, or not a regular file."""
    path = inside(folder, naam)
    if path is None:
        return None
    try:
        with _open_regular(path, MAX_FILE_BYTES) as f:
            h = hashlib.sha256()
            while block := f.read(CHUNK):
                h.update(block)
            return h.hexdigest()
    except (NotaFout, OSError):
        return None


def _open_regular(path: Path, limit: int):
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise NotaFout(Melding("bestand bestaat niet", path)) from None
    except OSError as e:
        raise NotaFout(Melding(f"bestand kan niet worden gelezen ({e.strerror})", path)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise NotaFout(
            Melding(
                "dit is geen gewoon bestand (maar bijvoorbeeld een map, een pijp of "
                "een apparaat); nota leest alleen gewone bestanden",
                path,
            )
        )
    if info.st_size > limit:
        os.close(fd)
        raise NotaFout(Melding(_too_big(limit), path))
    return os.fdopen(fd, "rb")


def _too_big(limit: int) -> str:
    return f"bestand is te groot: nota leest hoogstens {limit // (1024 * 1024)} MiB"
