"""Proposals as far as their content goes: what `nota diff` and the editor's compare
page read, so a draft that does not pass every check yet can be compared."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.errors import WARNING, Melding, NotaFout


def load_draft(path: Path, search_path):
    """(proposal, warnings): the proposal as far as its content goes. Consistency (totals,
    amounts in the beslispunten) is not checked, and fields still to be filled in are taken
    as they are; a part that does not fit the kind is left out, with a warning that says so.
    NotaFout for a file that cannot be read as a proposal: YAML that does not parse, a
    value that cannot be read (a date that does not exist, a duplicate key), an unknown kind."""
    from generator.proposal.load import load_file
    from generator.proposal.validate import partial, validate_all

    bron = load_file(path)
    voorstel, meldingen = validate_all(bron, search_path)
    if voorstel is not None:
        return voorstel, []
    errors = [m for m in meldingen if m.is_error]
    unreadable = [m for m in bron.meldingen if m.is_error]
    voorstel = None if unreadable else partial(bron, search_path)
    if voorstel is None:
        raise NotaFout(errors or [Melding("kan niet als voorstel worden gelezen", path)])
    blank = _blank_meldingen(bron, search_path)
    return voorstel, [
        replace(m, message=f"{m.message}; dit deel is niet vergeleken", level=WARNING) for m in errors if m not in blank
    ]


def load_pair(oud: Path, nieuw: Path, search_path, exit_code: int = 1) -> tuple[list, list[Melding]]:
    """([old, new], warnings): both drafts, or one NotaFout with the errors of both files,
    carrying `exit_code` (`nota diff --exit-code` calls an unreadable file trouble, 2)."""
    voorstellen, fouten, warnings = [], [], []
    for bestand in (oud, nieuw):
        try:
            voorstel, found = load_draft(bestand, search_path)
        except NotaFout as e:
            fouten += e.meldingen
        else:
            voorstellen.append(voorstel)
            warnings += found
    if fouten:
        raise NotaFout(fouten, exit_code)
    return voorstellen, warnings


def _blank_meldingen(bron, search_path) -> set[Melding]:
    """The meldingen for fields that are still blank or hold the skeleton's text."""
    from generator.proposal import placeholders
    from generator.proposal.kinds import find_soort, known_soorten

    naam = bron.entry("soort")
    if not isinstance(naam, str) or naam not in known_soorten(search_path):
        return set()
    return {bron.melding(pad, tekst) for pad, tekst in placeholders.blanks(bron.data, find_soort(naam, search_path))}
