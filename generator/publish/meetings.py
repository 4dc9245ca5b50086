"""The besluitenlijst of each meeting, holding only what is published.

A meeting is an orgaan and a date on which a decision in force was taken. Its
list names the published proposals and counts the decided ones that are not
public (as `nota besluitenlijst` does); it is made with
generator.decisions.besluitenlijst, from the items kept per proposal in the
publication state, so an unchanged meeting needs no proposal loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from generator.publish import waardelijsten as wl
from generator.publish.documents import Publicatie, in_force, vergadering


def list_name(orgaan: str, datum: str) -> str:
    from generator.decisions.besluitenlijst import name

    return name(dt.date.fromisoformat(datum), orgaan)


def list_title(orgaan: str, datum: str) -> str:
    from generator.decisions.besluitenlijst import title

    return title(dt.date.fromisoformat(datum), orgaan)


def items(voorstel, openbaar: bool) -> dict[str, dict | None]:
    """Per meeting of a decision in force: the proposal's line on its list (None for
    a proposal that is only counted)."""
    from generator.decisions.besluitenlijst import collect

    out: dict[str, dict | None] = {}
    for b in in_force(voorstel):
        punten, _, gemeente = collect([voorstel], b.datum, b.orgaan)
        out[vergadering(b.orgaan, b.datum)] = (
            {**asdict(punten[0]), "gemeente": gemeente} if openbaar and punten else None
        )
    return out


def html(sleutel: str, regels: list[dict | None]) -> str:
    """The list's HTML from the lines of its proposals (None: counted, not named)."""
    from generator.decisions import besluitenlijst as bl

    orgaan, datum = sleutel.split("|")
    named = [r for r in regels if r is not None]
    gemeente = next((r["gemeente"] for r in named if r["gemeente"]), "")
    punten = [bl.Item(**{k: v for k, v in r.items() if k != "gemeente"}) for r in named]
    return bl.html(punten, len(regels) - len(named), gemeente, dt.date.fromisoformat(datum), orgaan)


def publicatie(sleutel: str, regels: list[tuple[str, dict | None]]) -> Publicatie:
    """The DiWoo description of a meeting's list; `regels` are (document name, line)."""
    orgaan, datum = sleutel.split("|")
    return Publicatie(
        naam=list_name(orgaan, datum),
        titel=list_title(orgaan, datum),
        categorie=wl.BESLUITENLIJST_CATEGORIE[orgaan].label,
        creatiedatum=datum,
        handelingen=[[datum, orgaan]],
        documentsoort=wl.BESLUITENLIJST_SOORT.label,
        delen=[[naam, r["onderwerp"]] for naam, r in regels if r is not None],
    )


def write_pdf(tekst: str, target) -> None:
    from generator.decisions.besluitenlijst import write_pdf as write

    write(tekst, target)
