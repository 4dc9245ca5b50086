"""Where output goes and how it is written: names from kenmerk and onderwerp,
every file written to a temporary name and moved into place, under the
user's umask, and the documents of one proposal installed as one set."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import zipfile
from contextlib import contextmanager
from pathlib import Path

from generator.errors import Melding, NotaFout


def slug(tekst: str, max_len: int = 60) -> str:
    """'Continuering sociale teams 2021' -> 'continuering-sociale-teams-2021'."""
    ascii_ = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return words[:max_len].rstrip("-") or "voorstel"


def base_name(voorstel) -> str:
    """`<kenmerk>-<slug>`, or the proposal's file name when it has no kenmerk."""
    v = voorstel.data
    kenmerk = v.field("kenmerk")
    parts = [
        re.sub(r"[^A-Za-z0-9._-]+", "-", str(kenmerk)).strip("-") if kenmerk else None,
        slug(v.title) if v.title else None,
    ]
    naam = "-".join(d for d in parts if d)
    return naam or voorstel.path.stem


def umask() -> int:
    """The process's umask (read without changing it where /proc tells it)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode a new file gets from open(): 0666 less the umask (0600 under umask 077)."""
    return 0o666 & ~umask()


@contextmanager
def atomic(target: Path):
    """Yields a temporary path beside `target`; moves it into place only on success.

    The file gets the mode any new file of the user gets (mkstemp's 0600 is
    widened to what the umask allows, never further)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(temporary)
        os.chmod(temporary, new_file_mode())
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def write_bytes(target: Path, inhoud: bytes) -> None:
    with atomic(target) as temporary:
        temporary.write_bytes(inhoud)


def same_document(a: Path, b: Path) -> bool:
    """Do two documents hold the same content? Byte for byte, or for a Word file
    (a zip) the same parts with the same bytes: the zip's own timestamps do not count."""
    one, other = a.read_bytes(), b.read_bytes()
    if one == other:
        return True
    if not (one.startswith(b"PK") and other.startswith(b"PK")):
        return False
    try:
        with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
            names = za.namelist()
            return names == zb.namelist() and all(za.read(n) == zb.read(n) for n in names)
    except (zipfile.BadZipFile, OSError):
        return False


FINAL_EXISTS = (
    "er staat al een definitief document met een andere inhoud; nota overschrijft een "
    "definitief document niet: verplaats het oude bestand eerst als de wijziging klopt"
)


def install_set(staged: list[Path], out_dir: Path, final: bool) -> list[Path]:
    """Move the staged documents of one proposal into `out_dir`, all or none.

    A final document (of a decided proposal) is never replaced by other
    content: when any target holds a different final document, nothing moves
    and NotaFout names every such file. A target with the same content is
    left as it is. Returns the paths in `out_dir`, in the order staged."""
    targets = [out_dir / p.name for p in staged]
    if final:
        refused = [t for p, t in zip(staged, targets) if t.exists() and not same_document(t, p)]
        if refused:
            raise NotaFout([Melding(FINAL_EXISTS, t) for t in refused])
    out_dir.mkdir(parents=True, exist_ok=True)
    for p, t in zip(staged, targets):
        if final and t.exists():
            continue  # same content: the final document stays as it was
        try:
            os.chmod(p, t.stat().st_mode & 0o7777)  # a document made again keeps the mode it was given
        except FileNotFoundError:
            pass
        os.replace(p, t)
    return targets
