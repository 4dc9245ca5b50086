"""Errors as data: every problem a user reads is a `Melding` with a place.

Core code creates meldingen where it finds a fault; only the CLI prints them
and decides the exit code.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Melding:
    """One message for the user, in Dutch, with file:line:column (1-based)."""

    bericht: str
    bestand: Path | str | None = None
    regel: int | None = None
    kolom: int | None = None
    niveau: str = FOUT
    hint: str | None = None

    def __str__(self) -> str:
        plaats = _plaats(self.bestand, self.regel, self.kolom)
        tekst = f"{plaats}{self.niveau}: {self.bericht}"
        if self.hint:
            tekst += f" ({self.hint})"
        return tekst

    @property
    def is_fout(self) -> bool:
        return self.niveau == FOUT


def _plaats(bestand, regel, kolom) -> str:
    if bestand is None:
        return ""
    delen = [str(bestand)]
    if regel is not None:
        delen.append(str(regel))
        delen.append(str(kolom or 1))
    return ":".join(delen) + ": "


class NotaFout(Exception):
    """Raised with one or more meldingen when input cannot be used."""

    def __init__(self, meldingen: list[Melding] | Melding):
        if isinstance(meldingen, Melding):
            meldingen = [meldingen]
        self.meldingen: list[Melding] = list(meldingen)
        super().__init__("\n".join(str(m) for m in self.meldingen))


@dataclass
class Verzameling:
    """Collects meldingen while checking, so every fault is reported at once."""

    meldingen: list[Melding] = field(default_factory=list)

    def add(self, melding: Melding) -> None:
        self.meldingen.append(melding)

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self.meldingen if m.is_fout]

    @property
    def waarschuwingen(self) -> list[Melding]:
        return [m for m in self.meldingen if not m.is_fout]

    def raise_if_errors(self) -> None:
        if self.fouten:
            raise NotaFout(self.meldingen)
