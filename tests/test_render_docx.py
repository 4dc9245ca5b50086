"""The collegenota's DOCX: Word headings, lists, tables, properties, CONCEPT mark."""

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from conftest import PROPOSALS, write
from test_render_pdf import SECTIES


def _render(path, tmp_path):
    from generator.render import context
    from generator.proposal.kinds import search_path
    from generator.render.docx import render_docx
    from generator.proposal.validate import load_voorstel

    voorstel = load_voorstel(path, search_path())
    target = tmp_path / "nota.docx"
    render_docx(voorstel, context.build(voorstel), target)
    return Document(target)


@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    return _render(PROPOSALS / "collegenota-sociale-teams-2021.yaml", tmp_path_factory.mktemp("docx"))


def _alineas(doc):
    return [(p.style.name, p.text) for p in doc.paragraphs]


def test_koppen_zijn_word_kopstijlen(doc):
    koppen = [t for s, t in _alineas(doc) if s == "Heading 1"]
    assert koppen == ["Samenvatting", "Beslispunten", *SECTIES]
    assert ("Title", "Continuering sociale teams 2021") in _alineas(doc)
    assert ("Heading 2", "Uitvoering") in _alineas(doc)


def test_nvt_en_beslispunten_als_genummerde_lijst(doc):
    paragraphs = _alineas(doc)
    i = paragraphs.index(("Heading 1", "5. Effect op de openbare ruimte"))
    assert paragraphs[i + 1] == ("Normal", "Niet van toepassing")
    punten = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert [p.text[:30] for p in punten] == ["Een besluit tot continuering v", "In te stemmen met een budget v"] * 2
    num_ids = [p._p.pPr.numPr.numId.val for p in punten]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]  # each list restarts at 1


def test_opsomming_is_word_lijst(doc):
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets][0] == "inwoners die een maatwerkvoorziening of arrangement gebruiken;"
    assert all(p._p.pPr.numPr is not None for p in bullets)


def test_tabellen_met_rechts_uitgelijnde_bedragen(doc):
    kosten, dekking = doc.tables[1], doc.tables[2]
    rijen = [[c.text for c in r.cells] for r in kosten.rows]
    assert rijen[0] == ["Kosten", "Bedrag", "BTW"]
    assert rijen[3] == ["Subtotaal", "€\u00a0411.358", ""]
    assert rijen[-1] == ["Totaal", "€\u00a0436.358", ""]
    assert all(r.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for r in kosten.rows)
    assert all(run.bold for run in kosten.rows[-1].cells[1].paragraphs[0].runs)
    assert [c.text for c in dekking.rows[-1].cells] == ["Totaal", "€\u00a0436.358"]
    assert (
        kosten.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )


def test_eigenschappen_en_conceptmerk(doc):
    assert doc.core_properties.title == "Collegenota: Continuering sociale teams 2021"
    assert doc.core_properties.author == "A. Jansen"
    assert doc.core_properties.subject == "Continuering sociale teams 2021"
    kop = doc.sections[0].header.paragraphs[0].text
    assert kop == "Gemeente Maastricht · Collegenota\tCONCEPT"
    assert "pagina" in doc.sections[0].footer.paragraphs[0].text


def test_besloten_nota_heeft_besluitregel_en_geen_concept(tmp_path):
    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("besluiten: []", "besluiten:\n  - {orgaan: college, datum: 2021-02-09, uitkomst: conform}")
    doc = _render(write(tmp_path, "besloten.yaml", tekst), tmp_path)
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("Besluit Burgemeester en Wethouders d.d.\u00a09\u00a0februari\u00a02021:")
    assert texts[i + 1] == "Conform."
    assert "CONCEPT" not in doc.sections[0].header.paragraphs[0].text


def test_sjabloontaal_in_voorsteltekst_blijft_letterlijk(tmp_path):
    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace(
        "  openbare_ruimte: nvt", '  openbare_ruimte: "{{ 7*7 }} {% if x %}ja{% endif %} <b>vet</b> & co"'
    )
    doc = _render(write(tmp_path, "sjabloon.yaml", tekst), tmp_path)
    assert "{{ 7*7 }} {% if x %}ja{% endif %} <b>vet</b> & co" in [p.text for p in doc.paragraphs]


def test_link_is_echte_hyperlink(tmp_path):
    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("  openbare_ruimte: nvt", "  openbare_ruimte: Zie [de site](https://example.nl/a).")
    doc = _render(write(tmp_path, "link.yaml", tekst), tmp_path)
    links = doc.element.body.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink")
    assert len(links) == 2  # the link, and the e-mail address in the header block (issue 25)
    rels = sorted(r.target_ref for r in doc.part.rels.values() if r.reltype.endswith("/hyperlink"))
    assert rels == ["https://example.nl/a", "mailto:a.jansen@example.nl"]


@pytest.mark.parametrize(
    "preview, koppen, tekst",
    [
        (
            "raadsvoorstel-*.yaml",
            [
                "Publiekssamenvatting",
                "Geadviseerd besluit",
                "Aanleiding en context",
                "Financiële consequenties",
                "Raadsbesluit",
            ],
            ["De raad van de gemeente Den Helder;", "besluit:"],
        ),
        ("beantwoording-*.yaml", [], ["Geachte mevrouw Schut en heer Vrehen,", "Vraag 1"]),
        ("voortgangsrapportage-*.yaml", ["Basisinformatie project", "Voortgang per aspect"], ["Op koers"]),
    ],
)
def test_elke_soort_als_word(tmp_path, preview, koppen, tekst):
    doc = _render(next(PROPOSALS.glob(preview)), tmp_path)
    everything = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    kopteksten = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    for kop in koppen:
        assert kop in kopteksten, (kop, kopteksten)
    for chunk in tekst:
        assert any(chunk in t for t in everything), chunk
    assert doc.core_properties.title


@pytest.mark.slow  # renders the DOCX
def test_raadsbesluit_begint_op_nieuwe_pagina(tmp_path):
    doc = _render(next(PROPOSALS.glob("raadsvoorstel-*.yaml")), tmp_path)
    kop = next(p for p in doc.paragraphs if p.text == "Raadsbesluit")
    assert kop.paragraph_format.page_break_before
    tabel = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text.startswith("Kosten") or "2020" in [c.text for c in t.rows[0].cells]
    )
    assert [c.text for c in tabel.rows[0].cells][1:4] == ["2020", "2021", "2022"]
