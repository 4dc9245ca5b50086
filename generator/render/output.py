"""Where output goes and how it is written: names from kenmerk and onderwerp,
every file written to a temporary name and moved into place."""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from pathlib import Path


def slug(tekst: str, max_len: int = 60) -> str:
    """'Continuering sociale teams 2021' -> 'continuering-sociale-teams-2021'."""
    ascii_ = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return words[:max_len].rstrip("-") or "voorstel"


def base_name(voorstel) -> str:
    """`<kenmerk>-<slug>`, or the proposal's file name when it has no kenmerk."""
    v = voorstel.data
    kenmerk = getattr(v, "kenmerk", None)
    onderwerp = getattr(v, "onderwerp", None) or getattr(v, "project", None)
    parts = [re.sub(r"[^A-Za-z0-9._-]+", "-", str(kenmerk)).strip("-") if kenmerk else None,
             slug(str(onderwerp)) if onderwerp else None]
    naam = "-".join(d for d in parts if d)
    return naam or voorstel.path.stem


@contextmanager
def atomic(target: Path):
    """Yields a temporary path beside `doel`; moves it into place only on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def write_bytes(target: Path, inhoud: bytes) -> None:
    with atomic(target) as temporary:
        temporary.write_bytes(inhoud)
