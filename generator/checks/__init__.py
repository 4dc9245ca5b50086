"""Checks beyond the schema: what a controller or reviewer would catch.

`check_file` is the library's entry point for checking: load, validate, then
run every registered check. The families below register themselves with
generator.checks.registry on import; their order is the order of the meldingen
at one position.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.checks import besluit, links, money, termijn, totals, writing  # noqa: F401  (registration)
from generator.checks.registry import CHECKS
from generator.errors import Melding, NotaFout
from generator.proposal.load import Source, load_file
from generator.proposal.validate import Voorstel, partial, validate_all


def run_checks(voorstel: Voorstel, skip=()) -> list[Melding]:
    """Every consistency melding of one validated proposal, in file order.

    On the valid part of an invalid proposal (`voorstel.partial`) the checks
    that need the whole proposal (the seal) are left out, as are those in `skip`."""
    meldingen = [
        m
        for functie in CHECKS
        if functie not in skip and not (voorstel.partial and getattr(functie, "whole", False))
        for m in functie(voorstel)
    ]
    return sorted(meldingen, key=lambda m: (m.line or 0, m.column or 0))


def check_file(path: Path, search_path, strict: bool = False) -> tuple[Voorstel | None, list[Melding]]:
    """(proposal or None, meldingen) for one file; never raises for bad input.

    Every problem at once: what the loader found while still parsing, the blanks,
    the schema's errors, and the consistency checks on whatever part is valid.
    Only a file that cannot be parsed at all stops early. With `strict`,
    warnings count as errors."""
    try:
        bron = load_file(path)
    except NotaFout as e:
        return None, e.meldingen
    voorstel, meldingen = check_source(bron, search_path)
    if strict:
        meldingen = [replace(m, level="fout") for m in meldingen]
    return voorstel, meldingen


def check_source(bron: Source, search_path, skip=()) -> tuple[Voorstel | None, list[Melding]]:
    """`check_file` for a proposal already read (`nota decide` checks the bytes it holds
    under its lock); the checks in `skip` are left out."""
    voorstel, meldingen = validate_all(bron, search_path)
    checked = voorstel or partial(bron, search_path)
    if checked is not None:
        eerst = meldingen[: len(bron.meldingen)]
        meldingen = eerst + sorted(
            meldingen[len(bron.meldingen) :] + run_checks(checked, skip), key=lambda m: (m.line or 0, m.column or 0)
        )
    return voorstel, meldingen
