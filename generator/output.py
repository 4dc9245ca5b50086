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
    woorden = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return woorden[:max_len].rstrip("-") or "voorstel"


def basisnaam(voorstel) -> str:
    """`<kenmerk>-<slug>`, or the proposal's file name when it has no kenmerk."""
    v = voorstel.data
    kenmerk = getattr(v, "kenmerk", None)
    onderwerp = getattr(v, "onderwerp", None) or getattr(v, "project", None)
    delen = [re.sub(r"[^A-Za-z0-9._-]+", "-", str(kenmerk)).strip("-") if kenmerk else None,
             slug(str(onderwerp)) if onderwerp else None]
    naam = "-".join(d for d in delen if d)
    return naam or voorstel.pad.stem


@contextmanager
def atomisch(doel: Path):
    """Yields a temporary path beside `doel`; moves it into place only on success."""
    doel = Path(doel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
    os.close(fd)
    try:
        yield Path(tijdelijk)
        os.chmod(tijdelijk, 0o644)
        os.replace(tijdelijk, doel)
    finally:
        if os.path.exists(tijdelijk):
            os.unlink(tijdelijk)


def schrijf_bytes(doel: Path, inhoud: bytes) -> None:
    with atomisch(doel) as tijdelijk:
        tijdelijk.write_bytes(inhoud)
