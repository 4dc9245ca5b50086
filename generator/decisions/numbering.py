"""What an outcome means, and the besluitnummer of a new decision.

An `aangehouden` proposal is not decided: it goes back to concept for a later
meeting, with its history (the record) kept; it stays editable and does not
move on to the raad's agenda. `teruggetrokken` closes a proposal without a
decision. Every other outcome decides.

A besluitnummer is numbered per year and orgaan by default: `B&W 2026/014`,
`Raad 2026/003`; the next one follows the highest of that year and orgaan in
the folder, whatever else the numbers say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from generator.proposal.vocabulary import AFGESLOTEN as CLOSED
from generator.proposal.vocabulary import COLLEGE, RAAD, decides

PREFIX = {COLLEGE: "B&W", RAAD: "Raad"}
_NUMBER = re.compile(r"(\d{4})\s*/\s*(\d+)\s*$")


def decisive(besluiten: Iterable, orgaan: str | None = None) -> list:
    """The records that decided (or closed) the proposal, of `orgaan` if given."""
    return [b for b in besluiten if decides(b) and (orgaan is None or b.orgaan == orgaan)]


def is_decided(voorstel) -> bool:
    """Decided or closed: read-only from now on."""
    return bool(decisive(voorstel.data.besluiten))


def on_agenda(voorstel, orgaan: str) -> bool:
    """Whether `orgaan` still has to decide on the proposal: no decision of its own yet and,
    for the raad after the college, the college's decision taken (not aangehouden)."""
    organen = voorstel.soort.besluitorganen
    if orgaan not in organen:
        return False
    besluiten = voorstel.data.besluiten
    if any(b.uitkomst in CLOSED for b in besluiten) or decisive(besluiten, orgaan):
        return False
    earlier = organen[: list(organen).index(orgaan)]
    return all(decisive(besluiten, o) for o in earlier)


def format_number(orgaan: str, jaar: int, volgnummer: int) -> str:
    return f"{PREFIX[orgaan]} {jaar}/{volgnummer:03d}"


def parse_number(besluitnummer: str | None) -> tuple[int, int] | None:
    """(year, sequence) of a number like `B&W 2026/014`, or None."""
    match = _NUMBER.search(besluitnummer or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def next_number(voorstellen: Iterable, orgaan: str, datum: dt.date) -> str:
    """The next besluitnummer of `orgaan` in the year of `datum`, over all `voorstellen`."""
    highest = 0
    for voorstel in voorstellen:
        for b in voorstel.data.besluiten:
            parsed = parse_number(b.besluitnummer)
            if b.orgaan == orgaan and parsed is not None and parsed[0] == datum.year:
                highest = max(highest, parsed[1])
    return format_number(orgaan, datum.year, highest + 1)


def history(voorstel, orgaan: str | None = None) -> list[str]:
    """The records that did not decide, in words: `aangehouden op 9 februari 2021`."""
    from generator.proposal import formatting as fmt

    return [
        f"{b.uitkomst} op {fmt.datum(b.datum)}" + (f" ({b.toelichting})" if b.toelichting else "")
        for b in voorstel.data.besluiten
        if not decides(b) and (orgaan is None or b.orgaan == orgaan)
    ]


def next_number_in(folder, orgaan: str, datum: dt.date, search_path) -> str:
    """`next_number` over the proposals in `folder` that load (others are skipped)."""
    from generator.errors import NotaFout
    from generator.proposal.files import collect
    from generator.proposal.load import load_file
    from generator.proposal.validate import validate

    voorstellen = []
    for path in collect([folder]):
        try:
            voorstellen.append(validate(load_file(path), search_path))
        except NotaFout:
            continue
    return next_number(voorstellen, orgaan, datum)
