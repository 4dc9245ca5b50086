"""Validate loaded YAML against its kind's model; pydantic errors become Dutch meldingen."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from generator.proposal import kinds, messages, model, placeholders
from generator.errors import Melding, NotaFout
from generator.proposal.load import INVALID, Source, load_file


@dataclass
class Voorstel:
    """A validated proposal: its source, its kind and its model."""

    bron: Source
    soort: kinds.Soort
    data: model.VoorstelBasis  # the kind's model, built from its kind.yaml
    partial: bool = False  # only the valid part of an invalid proposal (see `partial`)

    @property
    def path(self) -> Path:
        return self.bron.path


@lru_cache(maxsize=64)
def model_of(soort: kinds.Soort, lenient: bool = False) -> type[model.VoorstelBasis]:
    return model.build_model(soort, lenient)


def load_voorstel(path: Path | str, search_path: tuple[Path, ...]) -> Voorstel:
    """Load and validate one proposal file; raises NotaFout with every error."""
    return validate(load_file(path), search_path)


def validate(bron: Source, search_path: tuple[Path, ...]) -> Voorstel:
    """The valid proposal, or NotaFout with every problem of loading and validating."""
    voorstel, meldingen = validate_all(bron, search_path)
    if voorstel is None or any(m.is_error for m in meldingen):
        raise NotaFout(meldingen)
    return voorstel


def validate_all(bron: Source, search_path) -> tuple[Voorstel | None, list[Melding]]:
    """(proposal or None, every melding): the loader's, the blanks and the schema's."""
    try:
        soort = _soort(bron, search_path)
    except NotaFout as e:
        return None, bron.meldingen + e.meldingen
    blank = [(path, bron.melding(path, tekst)) for path, tekst in placeholders.blanks(bron.data, soort)]
    skip = bron.invalid | {path for path, _ in blank}
    try:
        data = model_of(soort).model_validate(bron.data)
    except ValidationError as e:
        found = messages.meldingen(e, bron, soort, skip)
    else:
        found = []
    found = sorted(found + [m for _, m in blank], key=lambda m: (m.line or 0, m.column or 0))
    meldingen = bron.meldingen + found
    if any(m.is_error for m in meldingen):
        return None, meldingen
    return Voorstel(bron, soort, data), meldingen


def partial(bron: Source, search_path) -> Voorstel | None:
    """The valid part of an invalid proposal (every field optional, wrong parts left
    out), for the consistency checks; None when even that does not validate."""
    try:
        soort = _soort(bron, search_path)
    except NotaFout:
        return None
    lenient = model_of(soort, lenient=True)
    data = copy.deepcopy(bron.data)
    for path in sorted(bron.invalid, key=len, reverse=True):
        _leave_out(data, path)
    for _ in range(3):
        try:
            return Voorstel(bron, soort, lenient.model_validate(data), partial=True)
        except ValidationError as e:
            paths = {messages.data_path(f["loc"], data) for f in e.errors() if f["type"] != "missing"}
            deepest = {p for p in paths if not any(q[: len(p)] == p and q != p for q in paths)}
            if not deepest or () in deepest:
                return None
            for path in sorted(deepest, key=len, reverse=True):
                _leave_out(data, path)
    return None


def _leave_out(data: dict, path: tuple) -> None:
    """Remove the part of `data` that holds `path`: a section part, a section, a field."""
    secties = data.get("secties")
    if (
        path[:1] == ("secties",)
        and len(path) >= 3
        and isinstance(secties, dict)
        and isinstance(secties.get(path[1]), list)
        and isinstance(path[2], int)
    ):
        secties[path[1]][path[2]] = ""  # keeps the place of the other parts
    elif path[:1] == ("secties",) and len(path) >= 2 and isinstance(secties, dict):
        secties.pop(path[1], None)
    elif path:
        data.pop(path[0], None)


def _soort(bron: Source, search_path) -> kinds.Soort:
    naam = bron.entry("soort")
    if naam is None:
        known = ", ".join(kinds.known_soorten(search_path))
        raise NotaFout(
            bron.melding(
                (),
                f"'soort' ontbreekt; begin het bestand met bijvoorbeeld "
                f"'soort: collegenota' (bekende soorten: {known})",
            )
        )
    if naam is INVALID:
        raise NotaFout([])
    try:
        return kinds.find_soort(str(naam), search_path)
    except NotaFout as e:
        raise NotaFout(bron.melding(("soort",), e.meldingen[0].message)) from None
