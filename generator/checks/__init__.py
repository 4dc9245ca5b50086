"""Checks beyond the schema: what a controller or reviewer would catch.

`check_file` is the library's entry point for checking: load, validate, then
run every registered check. The families below register themselves with
generator.checks.registry on import; their order is the order of the meldingen
at one position.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.checks import besluit, money, termijn, totals, writing  # noqa: F401  (registration)
from generator.checks.registry import CHECKS
from generator.errors import Melding, NotaFout
from generator.proposal.validate import Voorstel, load_voorstel


def run_checks(voorstel: Voorstel) -> list[Melding]:
    """Every consistency melding of one validated proposal, in file order."""
    meldingen = [m for functie in CHECKS for m in functie(voorstel)]
    return sorted(meldingen, key=lambda m: (m.regel or 0, m.column or 0))


def check_file(path: Path, search_path, strict: bool = False) -> tuple[Voorstel | None, list[Melding]]:
    """(proposal or None, meldingen) for one file; never raises for bad input.

    With `strict`, warnings count as errors."""
    try:
        voorstel = load_voorstel(path, search_path)
    except NotaFout as e:
        return None, e.meldingen
    meldingen = run_checks(voorstel)
    if strict:
        meldingen = [replace(m, niveau="fout") for m in meldingen]
    return voorstel, meldingen
