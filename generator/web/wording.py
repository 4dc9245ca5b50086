"""Messages for the editor's users: the CLI's meldingen without what only a command-line
user needs (the file's path, line:column, options like --toelichting, `nota check`)."""

from __future__ import annotations

import re

from generator.errors import Melding

_CLI = [
    (re.compile(r"\s*\((?:[^()]*?)--[a-z][^()]*\)"), ""),  # (--toelichting "...")
    (re.compile(r"controleer --([a-z]+)"), r"controleer de \1"),
    (re.compile(r"\s*\((?:nota [a-z]+)\)"), ""),  # (nota check)
    (re.compile(r"'?nota decide --vervang'?"), "een nieuw besluit"),
    (re.compile(r"'?nota (check|decide|render|new)'?"), "de controle"),
    (re.compile(r"\s*--[a-z][a-z-]*"), ""),
    (re.compile(r",\s*regel \d+(?:, kolom \d+)?(?=\))"), ""),  # (26 januari 2021, regel 8)
    (re.compile(r"\s*\(regel \d+(?:, kolom \d+)?\)"), ""),  # (regel 8)
    (re.compile(r"\s+([,;:.])"), r"\1"),
]


def for_user(melding: Melding) -> str:
    """The message as a sentence for the page: no path, no position, no command-line words."""
    tekst = melding.message + (f" ({melding.hint})" if melding.hint else "")
    for pattern, replacement in _CLI:
        tekst = pattern.sub(replacement, tekst)
    return tekst.strip()


def all_for_user(meldingen: list[Melding]) -> list[str]:
    return [for_user(m) for m in meldingen]
