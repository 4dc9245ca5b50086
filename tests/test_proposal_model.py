"""Issue 20, item 3: the proposal's typed accessors, the one way code reads a proposal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import PROPOSALS, write

COLLEGENOTA = PROPOSALS / "collegenota-sociale-teams-2021.yaml"
RAADSVOORSTEL = PROPOSALS / "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml"
RAPPORTAGE = PROPOSALS / "voortgangsrapportage-doorontwikkeling-sociale-teams.yaml"


def _load(path: Path):
    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel

    return load_voorstel(path, search_path()).data


def test_header_fields_as_text():
    v = _load(COLLEGENOTA)
    assert v.field("kenmerk") == "2021.01234"
    assert v.field("gemeente") == "Maastricht"
    assert v.field("classificatie") == "openbaar"
    assert v.field("raad") is None  # not a field of a collegenota
    assert v.field("secties") is None and v.field("besluiten") is None  # not header fields
    assert v.value("datum") == dt.date(2021, 1, 26) == v.proposal_date()
    assert v.value("steller").naam == "A. Jansen"


def test_decision_points_tables_and_no_signing_of_a_collegenota():
    v = _load(COLLEGENOTA)
    assert [p[:40] for p in v.decision_points()] == [
        "Een besluit tot continuering van de huid",
        "In te stemmen met een budget van € 436.3",
    ]
    assert [t.tabel for t in v.tables("financien")] == ["Begroting 2021", "Dekking 2021"]
    assert v.tables("aanleiding") == [] and v.tables("geen_sectie") == []
    assert v.council_signing() is None and v.aspects() == []


def test_attachments_signing_of_a_raadsvoorstel():
    v = _load(RAADSVOORSTEL)
    assert [(b.titel, b.bestand) for b in v.attachments()] == [
        ("Uitvoeringsplan omgekeerd werken", "uitvoeringsplan-omgekeerd-werken.docx"),
        ("Uitvoeringsplan sociale wijkteams", "uitvoeringsplan-sociale-wijkteams.docx"),
    ]
    signing = v.signing()
    assert signing is not None and (signing.plaats, signing.burgemeester) == ("Den Helder", "Jeroen Nobel")
    assert v.council_signing() is None  # left out: the raadsbesluit leaves lines to sign on
    assert v.keys_of_type("beslispunten") == ["beslispunten"]


def test_a_kind_without_datum_or_beslispunten():
    v = _load(RAPPORTAGE)
    assert v.proposal_date() is None and v.decision_points() == [] and v.attachments() == []
    assert [a.status for a in v.aspects()][:1] == ["op koers"]
    assert v.field("project") == "Toegangen – doorontwikkeling sociale teams"


def test_a_bare_bijlage_title_becomes_a_bijlage_without_file(tmp_path):
    tekst = RAADSVOORSTEL.read_text(encoding="utf-8").replace(
        "  - {titel: Uitvoeringsplan omgekeerd werken, bestand: uitvoeringsplan-omgekeerd-werken.docx}\n",
        "  - Alleen een titel\n",
    )
    v = _load(write(tmp_path, "raad.yaml", tekst))
    assert [(b.titel, b.bestand) for b in v.attachments()][0] == ("Alleen een titel", None)


@pytest.mark.parametrize("orgaan, expected", [(None, "2021-02-02"), ("college", "2021-02-02"), ("raad", None)])
def test_the_decision_in_force_is_the_latest(tmp_path, orgaan, expected):
    tekst = COLLEGENOTA.read_text(encoding="utf-8").replace(
        "besluiten: []",
        "besluiten:\n"
        "  - {orgaan: college, datum: 2021-01-26, uitkomst: aangehouden}\n"
        "  - {orgaan: college, datum: 2021-02-02, uitkomst: conform}\n",
    )
    v = _load(write(tmp_path, "nota.yaml", tekst))
    besluit = v.decision_in_force(orgaan)
    assert (besluit.datum.isoformat() if besluit else None) == expected
    assert besluit is None or besluit.uitkomst == "conform"
