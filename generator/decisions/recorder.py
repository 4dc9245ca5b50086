"""Who records a decision (`vastgelegd_door`) when nobody is logged in: a person's name,
never an account like root. nota.toml's `[secretariaat] naam`, else the operating system
user's full name (GECOS), else "secretariaat"."""

from __future__ import annotations

import os
from pathlib import Path

FALLBACK = "secretariaat"
SYSTEM_ACCOUNTS = {"root", "nobody", "daemon", "www-data", "nota"}


def default_recorder(folder: Path | None = None) -> str:
    return configured_name(folder) or system_name() or FALLBACK


def configured_name(folder: Path | None) -> str | None:
    from generator.errors import NotaFout
    from generator.proposal.settings import read_settings

    try:
        return read_settings(folder).secretariaat_naam
    except NotaFout:
        return None


def system_name() -> str | None:
    """The full name of the user running nota (not an account name like root)."""
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError):
        return None
    if entry.pw_name in SYSTEM_ACCOUNTS or entry.pw_uid == 0:
        return None
    full = entry.pw_gecos.split(",")[0].strip()
    return full if full and full.lower() not in SYSTEM_ACCOUNTS else None
