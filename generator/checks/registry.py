"""The list of checks and what every check family shares.

Each check is a function `(voorstel) -> iterable of Melding`, registered with
@check. The families (one module each) import this module; generator.checks
imports the families, so registering never needs an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.errors import WARNING, Melding
from generator.proposal.model import Tabel
from generator.proposal.validate import Voorstel

CHECKS: list[Callable[[Voorstel], Iterable[Melding]]] = []


def check(functie):
    CHECKS.append(functie)
    return functie


def tabellen(voorstel: Voorstel) -> Iterable[tuple[tuple, Tabel]]:
    """Every table in the sections, with its data path."""
    for sleutel, inhoud in voorstel.data.sections().items():
        if isinstance(inhoud, list):
            for i, part in enumerate(inhoud):
                if isinstance(part, Tabel):
                    yield ("secties", sleutel, i), part


def warning(voorstel: Voorstel, path: tuple, message: str) -> Melding:
    return voorstel.bron.melding(path, message, level=WARNING)
