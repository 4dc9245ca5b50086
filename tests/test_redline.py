"""`nota diff --docx` (issue 13 item 9): the new document exactly as `nota render` makes it,
with the changes since the old one as tracked changes inside it."""

import pytest
from docx import Document

from conftest import DATA, PROPOSALS

pytestmark = pytest.mark.slow  # renders and compares Word documents with tracked changes

OUD = DATA / "diff" / "sociale-teams-2020.yaml"
NIEUW = PROPOSALS / "collegenota-sociale-teams-2021.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def documenten(tmp_path_factory):
    from click.testing import CliRunner
    from generator.cli import main

    tmp = tmp_path_factory.mktemp("redline")
    run = CliRunner().invoke
    r = run(main, ["diff", str(OUD), str(NIEUW), "--docx", str(tmp / "red.docx")], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    for path, out in ((NIEUW, "nieuw"), (OUD, "oud")):
        r = run(main, ["render", str(path), "-o", str(tmp / out), "--formaat", "docx"], catch_exceptions=False)
        assert r.exit_code == 0, r.output
    return (
        Document(tmp / "red.docx"),
        Document(next((tmp / "nieuw").glob("*.docx"))),
        Document(next((tmp / "oud").glob("*.docx"))),
    )


def _version(doc, accept: bool) -> list[tuple[str, str]]:
    """The body's paragraphs (style, text) with every change accepted, or every change rejected."""
    weg = f"{W}del" if accept else f"{W}ins"
    tags = (f"{W}t",) if accept else (f"{W}t", f"{W}delText")
    out = []
    for p in doc.element.body.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr/{weg}")
        if mark is not None:
            continue  # the whole paragraph is gone in this version
        parts = [t.text or "" for t in p.iter(*tags) if not any(a.tag == weg for a in t.iterancestors())]
        style_ = p.find(f"{W}pPr/{W}pStyle")
        out.append((style_.get(f"{W}val") if style_ is not None else "", "".join(parts)))
    return out


def test_alle_wijzigingen_aanvaard_is_het_nieuwe_document(documenten):
    red, nieuw, _ = documenten
    assert _version(red, accept=True) == _version(nieuw, accept=True)


def test_alle_wijzigingen_verworpen_geeft_de_tekst_van_het_oude(documenten):
    red, _, oud = documenten
    koppen = [t for s, t in _version(red, accept=False) if s == "Heading1"]
    assert koppen == [t for s, t in _version(oud, accept=True) if s == "Heading1"]
    punten = [t for s, t in _version(red, accept=False) if s == "ListNumber"]
    assert punten == [t for s, t in _version(oud, accept=True) if s == "ListNumber"]
    assert "De evaluatie van de sociale teams uit te stellen tot 2021." in punten


def test_koppen_nummers_lijsten_en_tabellen_staan_op_hun_plek(documenten):
    red, nieuw, _ = documenten
    body = [("t" if el.tag == f"{W}tbl" else "p", el) for el in red.element.body if el.tag in (f"{W}p", f"{W}tbl")]
    koppen = [
        (i, "".join(t.text for t in el.iter(f"{W}t")))
        for i, (k, el) in enumerate(body)
        if k == "p"
        and el.find(f"{W}pPr/{W}pStyle") is not None
        and el.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
    ]
    namen = [n for _, n in koppen]
    assert namen[:3] == ["Samenvatting", "Beslispunten", "1. Aanleiding"]
    assert "12. Uitvoering, evaluatie en vervolg" in namen
    financien = next(i for i, n in koppen if n == "8. Financiën")
    aanbesteding = next(i for i, n in koppen if n == "9. Aanbestedingen")
    assert sum(1 for k, _ in body[financien:aanbesteding] if k == "t") == 2  # both tables in section 8
    stijlen = {p.style.name for p in red.paragraphs}
    assert {"List Bullet", "List Number", "Heading 2"} <= stijlen


def test_wijzigingen_met_auteur_datum_en_per_woord(documenten):
    red, _, _ = documenten
    body = red.element.body
    ins = ["".join(t.text for t in e.iter(f"{W}t")) for e in body.iter(f"{W}ins")]
    dels = ["".join(t.text for t in e.iter(f"{W}delText")) for e in body.iter(f"{W}del")]
    assert "2021." in ins and "2020." in dels  # a word, not the whole paragraph
    assert "€\u00a0436.358" in ins and "€\u00a0431.358" in dels  # an amount as a whole
    ids = [e.get(f"{W}id") for e in body.iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))
    first = next(body.iter(f"{W}ins"))
    assert first.get(f"{W}author") == "nota diff" and first.get(f"{W}date").endswith("Z")
    verdwenen = next(
        r
        for r in red.tables[1].rows
        if "Training positieve gezondheid" in "".join(t.text for t in r._tr.iter(f"{W}delText"))
    )
    assert verdwenen._tr.find(f"{W}trPr/{W}del") is not None  # the row itself is deleted
