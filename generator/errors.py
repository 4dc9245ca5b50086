"""Errors as data: every problem a user reads is a `Melding` with a place.

Core code creates meldingen where it finds a fault; only the CLI prints them
and decides the exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True)
class Melding:
    """One message for the user, in Dutch, with file:line:column (1-based)."""

    message: str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None
    level: str = ERROR
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{_place(self.file, self.line, self.column)}{self.level}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def _place(file: Path | str | None, line: int | None, column: int | None) -> str:
    if file is None:
        return ""
    parts = [str(file)]
    if line is not None:
        parts.append(str(line))
        parts.append(str(column or 1))
    return ":".join(parts) + ": "


class NotaFout(Exception):
    """Raised with one or more meldingen when input cannot be used.

    Carries the exit code (as mkdocs' exceptions do): 1, the input is wrong,
    unless the command says otherwise (`nota diff --exit-code`: 2)."""

    def __init__(self, meldingen: list[Melding] | Melding, exit_code: int = 1):
        if isinstance(meldingen, Melding):
            meldingen = [meldingen]
        self.meldingen: list[Melding] = list(meldingen)
        self.exit_code = exit_code
        super().__init__("\n".join(str(m) for m in self.meldingen))


class Exit(Exception):
    """End the command with `code`, everything the user must read said already.

    Library code and commands raise it; only cli.py ends the program."""

    def __init__(self, code: int):
        self.code = code
        super().__init__(f"exit code {code}")
