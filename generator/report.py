"""Printing meldingen and summaries for the user (stderr, Dutch)."""
from __future__ import annotations

import click

from .errors import Melding

_KLEUR = {"fout": "red", "waarschuwing": "yellow"}


def meld(melding: Melding) -> None:
    tekst = str(melding)
    niveau = f"{melding.niveau}:"
    gekleurd = tekst.replace(niveau, click.style(niveau, fg=_KLEUR.get(melding.niveau), bold=True), 1)
    click.echo(gekleurd, err=True)


def meld_alle(meldingen) -> None:
    for m in meldingen:
        meld(m)


def telwoord(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"
