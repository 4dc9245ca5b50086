"""Blocks in a Word table cell as separate paragraphs; `nota import`'s $schema line
pointing from the real output file to a schema that exists."""

import shutil
from pathlib import Path

import pytest
from docx import Document

from conftest import DATA, PROPOSALS, ROOT, write

NOTA = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
BRON = DATA / "import" / "foreign" / "collegenota-koppen.txt"


def _paragraphs(cell) -> list[tuple[str, str, bool]]:
    """(style, text, is a list paragraph) of every paragraph of a python-docx cell."""

    def listed(p) -> bool:
        return p._p.pPr is not None and p._p.pPr.numPr is not None

    return [(p.style.name, p.text, listed(p)) for p in cell.paragraphs]


@pytest.mark.slow  # renders a besluitenlijst
def test_besluitenlijst_besluit_als_alinea_s_en_lijst(cli, tmp_path):
    map_ = tmp_path / "vergadering"
    map_.mkdir()
    path = write(map_, "a.yaml", NOTA)
    assert (
        cli(
            "decide",
            path,
            "--orgaan",
            "college",
            "--datum",
            "2021-02-09",
            "--uitkomst",
            "gewijzigd",
            "--toelichting",
            "Het budget is verlaagd.",
            "--besluitnummer",
            "2021/17",
        ).exit_code
        == 0
    )
    r = cli("besluitenlijst", map_, "--datum", "2021-02-09", "-o", tmp_path / "uit")
    assert r.exit_code == 0, r.output
    doc = Document(tmp_path / "uit" / "besluitenlijst-college-2021-02-09.docx")
    besluit = doc.tables[0].rows[1].cells[3]
    assert _paragraphs(besluit) == [
        ("Normal", "Gewijzigd vastgesteld. Besluitnummer: 2021/17", False),
        (
            "List Number",
            "Een besluit tot continuering van de huidige werkwijze van de sociale teams tot "
            "uiterlijk 31\u00a0december\u00a02021.",
            True,
        ),  # a date never splits (issue 25)
        (
            "List Number",
            "In te stemmen met een budget van €\u00a0436.358 voor de sociale teams in 2021, gedekt "
            "uit de bestaande begroting.",
            True,
        ),
        ("Normal", "Het budget is verlaagd.", False),
    ]
    assert besluit.paragraphs[0].runs[0].bold and besluit.paragraphs[0].runs[0].text == "Gewijzigd vastgesteld."
    assert all(r.font.size.pt == 9 for p in besluit.paragraphs for r in p.runs)
    onderwerp = doc.tables[0].rows[1].cells[1]  # inline content with a <br>: still one paragraph
    assert _paragraphs(onderwerp) == [("Normal", "Continuering sociale teams 2021\nKenmerk: 2021.01234", False)]


def test_blokken_in_elke_tabelcel(tmp_path):
    from generator.render.docx_lists import Numbering
    from generator.render.html_to_docx import HtmlToDocx

    doc = Document()
    HtmlToDocx(doc, Numbering(doc, doc.styles)).write(
        "<html><body><table><thead><tr><th>Post</th><th>Toelichting</th><th>Bedrag</th></tr></thead><tbody>"
        "<tr><td>Huur</td><td>los <em>begin</em><p>Eerste alinea.</p><p>Tweede alinea.</p>"
        "<ul><li>punt een</li><li>punt twee</li></ul>staart</td><td class='bedrag'><p>€ 10</p><p>€ 20</p></td></tr>"
        "<tr class='totaal'><td>Totaal</td><td><p>Samen</p></td><td class='bedrag'>€ 30</td></tr>"
        "</tbody></table></body></html>"
    )
    rijen = doc.tables[0].rows
    assert _paragraphs(rijen[1].cells[0]) == [("Normal", "Huur", False)]  # text only: the fast path
    assert _paragraphs(rijen[1].cells[1]) == [
        ("Normal", "los begin", False),
        ("Normal", "Eerste alinea.", False),
        ("Normal", "Tweede alinea.", False),
        ("List Bullet", "punt een", True),
        ("List Bullet", "punt twee", True),
        ("Normal", "staart", False),
    ]
    bedragen = rijen[1].cells[2].paragraphs
    assert [p.text for p in bedragen] == ["€ 10", "€ 20"]
    assert all(p.alignment == 2 for p in bedragen)  # WD_ALIGN_PARAGRAPH.RIGHT
    assert [r.bold for p in rijen[2].cells[1].paragraphs for r in p.runs] == [True]  # a total row stays bold


def test_tabel_met_kop_in_een_tabelcel(tmp_path):
    from generator.render.docx_lists import Numbering
    from generator.render.html_to_docx import HtmlToDocx

    doc = Document()
    HtmlToDocx(doc, Numbering(doc, doc.styles)).write(
        "<html><body><table><tr><td><p>Boven</p><table><thead><tr><th>Post</th></tr></thead>"
        "<tbody><tr><td><p>x</p><p>y</p></td></tr></tbody></table></td></tr></table></body></html>"
    )
    cell = doc.tables[0].rows[0].cells[0]
    assert cell.paragraphs[0].text == "Boven"
    binnen = cell.tables[0]
    assert binnen.style.name == "Table Grid"
    assert [[_paragraphs(c) for c in r.cells] for r in binnen.rows] == [
        [[("Normal", "Post", False)]],
        [[("Normal", "x", False), ("Normal", "y", False)]],
    ]


def _schema_regel(target: Path) -> str:
    return target.read_text(encoding="utf-8").splitlines()[0]


def test_import_schrijft_het_schema_naast_het_doel(cli, tmp_path):
    target = tmp_path / "sub" / "x.yaml"
    target.parent.mkdir()
    r = cli("import", BRON, "-o", target)
    assert "geschreven:" in r.stderr, r.output
    assert _schema_regel(target) == "# yaml-language-server: $schema=schema/collegenota.schema.json"
    schema = target.parent / "schema" / "collegenota.schema.json"
    assert schema.read_text(encoding="utf-8") == cli("schema", "collegenota").stdout


def test_import_schema_regel_naar_schema_map_in_de_buurt(cli, tmp_path):
    (tmp_path / "schema").mkdir()
    assert cli("schema", "--alle", tmp_path / "schema").exit_code == 0
    target = tmp_path / "sub" / "x.yaml"
    target.parent.mkdir()
    cli("import", BRON, "-o", target)
    assert _schema_regel(target) == "# yaml-language-server: $schema=../schema/collegenota.schema.json"


def test_import_eigen_soort_krijgt_zijn_eigen_schema(cli, tmp_path):
    shutil.copytree(ROOT / "templates" / "collegenota", tmp_path / "huisstijl" / "mijnnota")
    target = tmp_path / "sub" / "x.yaml"
    target.parent.mkdir()
    r = cli("import", BRON, "--soort", "mijnnota", "--templates", tmp_path / "huisstijl", "-o", target)
    assert _schema_regel(target) == "# yaml-language-server: $schema=schema/mijnnota.schema.json", r.output
    assert (target.parent / "schema" / "mijnnota.schema.json").is_file() and "let op" not in r.stderr


def test_import_telt_een_subtotaal_vanaf_het_vorige_subtotaal():
    """A second subtotal adds up the rows since the first, as `nota check` does; the
    importer used to add up from the top and raised a false alarm on a correct table."""
    from generator.importer.table_check import problems

    tabel = {
        "kolommen": ["Bedrag"],
        "regels": [
            {"post": "a", "bedrag": 100},
            {"post": "b", "bedrag": 200},
            {"subtotaal": "Subtotaal"},
            {"post": "c", "bedrag": 50},
            {"subtotaal": "Subtotaal"},
        ],
        "totaal": 350,
    }
    assert problems(tabel, [(2, [300]), (4, [50])], [], [], []) == []
    assert problems(tabel, [(4, [60])], [], [], []) == [
        "subtotaal Bedrag: de bron zegt € 60, de regels erboven tellen op tot € 50"
    ]


def test_de_vergelijkpagina_van_de_editor_leest_concepten_zoals_nota_diff(tmp_path, search_path):
    """A field still to fill in: `nota diff` compares such a draft, and so does the editor's
    compare page (it used the strict loader, which refuses the draft)."""
    from types import SimpleNamespace

    from conftest import PROPOSALS
    from generator.web.meeting import _report

    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    assert "afdeling: Sociaal Domein\n" in tekst
    (tmp_path / "oud.yaml").write_text(tekst, encoding="utf-8")
    (tmp_path / "nieuw.yaml").write_text(
        tekst.replace("afdeling: Sociaal Domein\n", "afdeling: invullen\n", 1), encoding="utf-8"
    )
    html = _report(
        SimpleNamespace(root=tmp_path, search_path=search_path), tmp_path / "oud.yaml", tmp_path / "nieuw.yaml"
    )
    assert "oud.yaml" in html and "Sociaal Domein" in html and "invullen" in html
