"""Word as a first-class output (issue 13, items 1-8 and 10; issue 16 item 5): Dutch proofing,
images with alt text, widths from content, € never alone, clean properties, embedded
fonts, described layout tables, a byte-stable final DOCX and a fast table writer."""

import io
import os
import re
import shutil
import time
import zipfile

import pytest
from docx import Document
from docx.shared import Mm

from conftest import HANG, PROPOSALS, ROOT, pdftotext

pytestmark = pytest.mark.slow  # renders Word documents, some big

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COLLEGENOTA = PROPOSALS / "collegenota-sociale-teams-2021.yaml"
RAADSVOORSTEL = PROPOSALS / "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml"


def _render(cli, path, out, *args):
    r = cli("render", path, "-o", out, *args)
    assert r.exit_code == 0, r.output
    return sorted(out.glob("*.docx"))[0]


@pytest.fixture(scope="module")
def collegenota_docx(tmp_path_factory):
    from click.testing import CliRunner
    from generator.cli import main

    out = tmp_path_factory.mktemp("woord")
    r = CliRunner().invoke(main, ["render", str(COLLEGENOTA), "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return sorted(out.glob("*.docx"))[0]


def _part(docx, naam: str) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read(naam).decode("utf-8")


# 13.1 ------------------------------------------------------------------------------
@pytest.mark.parametrize("docx", [*sorted((ROOT / "templates").glob("*/*.docx")), "gemaakt"])
def test_spellingcontrole_is_nederlands(docx, collegenota_docx):
    docx = collegenota_docx if docx == "gemaakt" else docx
    styles, settings = _part(docx, "word/styles.xml"), _part(docx, "word/settings.xml")
    talen = re.findall(r'<w:lang w:val="([^"]+)"', styles)
    assert talen and set(talen) == {"nl-NL"}
    assert "en-US" not in styles and "en-US" not in settings
    assert '<w:themeFontLang w:val="nl-NL"/>' in settings


# 13.2 ------------------------------------------------------------------------------
def _met_afbeelding(tmp_path, markdown: str):
    tekst = COLLEGENOTA.read_text(encoding="utf-8").replace(
        "samenvatting: |\n", f"samenvatting: |\n  {markdown}\n\n", 1
    )
    path = tmp_path / "nota.yaml"
    path.write_text(tekst, encoding="utf-8")
    return path


def test_afbeelding_met_alt_tekst_op_tekstbreedte(cli, tmp_path):
    from PIL import Image

    Image.new("RGB", (3000, 1500), "navy").save(tmp_path / "organogram.png", dpi=(96, 96))
    docx = _render(
        cli,
        _met_afbeelding(tmp_path, "Zie ![Organogram](organogram.png) en de tekst."),
        tmp_path / "uit",
        "--formaat",
        "docx",
    )
    with zipfile.ZipFile(docx) as z:
        assert [n for n in z.namelist() if n.startswith("word/media/")] == ["word/media/image1.png"]
    doc = Document(docx)
    shape = doc.inline_shapes[0]
    assert shape._inline.docPr.get("descr") == "Organogram"
    assert shape.width <= Mm(165) and abs(shape.width / shape.height - 2) < 0.01
    tekst = next(p.text for p in doc.paragraphs if p.text.startswith("Zie "))
    assert tekst == "Zie en de tekst."  # the picture sits between the words


def test_een_fifo_als_afbeelding_hangt_niet(cli, tmp_path):
    os.mkfifo(tmp_path / "organogram.png")
    begin = time.monotonic()
    docx = _render(
        cli, _met_afbeelding(tmp_path, "![Organogram](organogram.png)"), tmp_path / "uit", "--formaat", "docx"
    )
    assert time.monotonic() - begin < HANG  # a FIFO would block for ever
    assert "[Organogram]" in [p.text for p in Document(docx).paragraphs]


# 13.4 ------------------------------------------------------------------------------
def _grid(table) -> list[float]:
    return [int(c.get(f"{W}w")) / 1440 * 25.4 for c in table._tbl.tblGrid.findall(f"{W}gridCol")]


def test_kolombreedtes_naar_inhoud(cli, tmp_path):
    doc = Document(_render(cli, RAADSVOORSTEL, tmp_path, "--formaat", "docx"))
    kop = doc.tables[0]
    breedtes = _grid(kop)
    assert [c.text for c in kop.rows[3].cells][0] == "Begrotingswijziging"
    assert breedtes[0] >= len("Begrotingswijziging") * 1.9 + 4  # the label in one line
    assert breedtes[3] >= len("a.bakker@example.nl") * 1.9 + 4
    assert abs(sum(breedtes) - 165) < 0.5
    for table in doc.tables:  # an amount never wraps: its column is at least as wide as it
        for row in table.rows:
            for cell, breedte in zip(row.cells, _grid(table)):
                if re.fullmatch(r"€\u00a0-?[\d.]+", cell.text):
                    assert breedte >= len(cell.text) * 1.9 + 4, cell.text
    totaal = next(t for t in doc.tables if t.rows[-1].cells[-1].text == "€\u00a01.690.000")
    assert _grid(totaal)[-1] >= len("€ 1.690.000") * 1.9 + 4


def test_besluitenlijst_nummerkolom_smal(cli, tmp_path):
    path = tmp_path / "nota.yaml"
    shutil.copy(COLLEGENOTA, path)
    assert cli("decide", path, "--orgaan", "college", "--datum", "2021-02-09", "--uitkomst", "conform").exit_code == 0
    r = cli("besluitenlijst", path, "--datum", "2021-02-09", "-o", tmp_path / "bl")
    assert r.exit_code == 0, r.output
    docx = next((tmp_path / "bl").glob("*.docx"))
    doc = Document(docx)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Nr.")
    nr, onderwerp = _grid(table)[:2]
    assert nr < 15 and onderwerp > 3 * nr
    props = doc.core_properties
    assert props.language == "nl-NL" and props.author.endswith("Maastricht")  # the gemeente, not "nota"
    assert _part(docx, "docProps/core.xml").count("keywords") == 2  # one element: open and close


# 13.5 ------------------------------------------------------------------------------
def test_euro_nooit_los_van_het_bedrag(collegenota_docx, tmp_path):
    doc = Document(collegenota_docx)
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert not [t for t in texts if re.search(r"€ ", t)]
    assert any("jaren €\u00a025.000" in t for t in texts)
    pdf = next(collegenota_docx.parent.glob("*.pdf"))
    assert not [r for r in pdftotext(pdf).splitlines() if r.rstrip().endswith("€")]


def test_euro_met_harde_spatie_in_html():
    from generator.proposal.formatting import keep_euro_together

    assert (
        keep_euro_together("jaren € 25.000, &nbsp;€&nbsp;-3 en €\n4 maar € x")
        == "jaren €\u00a025.000, &nbsp;€\u00a0-3 en €\u00a04 maar € x"
    )


# 13.6 ------------------------------------------------------------------------------
def test_schone_eigenschappen(collegenota_docx):
    core, app = _part(collegenota_docx, "docProps/core.xml"), _part(collegenota_docx, "docProps/app.xml")
    assert re.findall(r"<(?:\w+:)?keywords[^>]*>", core) == ["<cp:keywords>"]
    assert "custom-properties" not in core and "2013-12-23" not in core
    assert "Microsoft" not in app and re.search(r"<Application>nota \S+</Application>", app)
    props = Document(collegenota_docx).core_properties
    assert props.author == "A. Jansen" and props.language == "nl-NL"
    assert "<cp:lastModifiedBy>A. Jansen</cp:lastModifiedBy>" in core
    assert "<cp:keywords>collegenota, 2021.01234</cp:keywords>" in core
    assert props.created.date().isoformat() == "2021-01-26"  # the proposal's datum
    with zipfile.ZipFile(collegenota_docx) as z:
        assert "docProps/thumbnail.jpeg" not in z.namelist()


# 13.7 ------------------------------------------------------------------------------
def test_open_sans_ingebed(collegenota_docx):
    from generator.render.docx_style import obfuscate

    fonts = _part(collegenota_docx, "word/fontTable.xml")
    font = re.search(r'<w:font w:name="Open Sans">(.*?)</w:font>', fonts).group(1)
    embeds = re.findall(r'<w:(embed\w+) r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]+\})"/>', font)
    assert [e[0] for e in embeds] == ["embedRegular", "embedBold", "embedItalic", "embedBoldItalic"]
    assert '<w:family w:val="swiss"/>' in font
    rels = _part(collegenota_docx, "word/_rels/fontTable.xml.rels")
    target = re.search(rf'Id="{embeds[0][1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{embeds[0][1]}"', rels)
    naam = "word/" + (target.group(1) or target.group(2))
    with zipfile.ZipFile(collegenota_docx) as z:
        data = z.read(naam)
    assert obfuscate(data, embeds[0][2]) == (ROOT / "templates/_gedeeld/fonts/OpenSans-Regular.ttf").read_bytes()
    assert data[:32] != (ROOT / "templates/_gedeeld/fonts/OpenSans-Regular.ttf").read_bytes()[:32]
    assert "<w:embedTrueTypeFonts/>" in _part(collegenota_docx, "word/settings.xml")
    doc = Document(collegenota_docx)
    assert all(doc.styles[n].paragraph_format.keep_with_next for n in ("Title", "Heading 1", "Heading 2"))


# 13.8 ------------------------------------------------------------------------------
def _beschrijving(table) -> tuple[str, str]:
    tblpr = table._tbl.tblPr
    return tuple(tblpr.find(f"{W}{tag}").get(f"{W}val") for tag in ("tblCaption", "tblDescription"))


def test_opmaaktabellen_beschreven_zonder_kopregel(cli, tmp_path):
    doc = Document(_render(cli, RAADSVOORSTEL, tmp_path, "--formaat", "docx"))
    titels = [_beschrijving(t)[0] for t in doc.tables]
    assert titels[0] == "Kopgegevens" and "Ondertekening" in titels
    for t in doc.tables:
        assert all(_beschrijving(t))
        if _beschrijving(t)[0] in ("Kopgegevens", "Ondertekening"):
            assert not list(t._tbl.iter(f"{W}tblHeader"))
    financieel = next(t for t in doc.tables if t.rows[0].cells[0].text == "Kosten")
    assert _beschrijving(financieel) == ("Kosten", "Tabel met Kosten, 2020, 2021, 2022.") or _beschrijving(financieel)[
        1
    ].startswith("Tabel met Kosten, 2020, 2021, 2022")
    assert list(financieel.rows[0]._tr.iter(f"{W}tblHeader"))


# 13.10 -----------------------------------------------------------------------------
def test_definitieve_docx_is_byte_voor_byte_gelijk(cli, tmp_path):
    path = tmp_path / "nota.yaml"
    shutil.copy(COLLEGENOTA, path)
    assert cli("decide", path, "--orgaan", "college", "--datum", "2021-02-09", "--uitkomst", "conform").exit_code == 0
    eerste = _render(cli, path, tmp_path / "a", "--formaat", "docx").read_bytes()
    time.sleep(2.1)  # a zip time stamp has a resolution of two seconds
    tweede = _render(cli, path, tmp_path / "b", "--formaat", "docx").read_bytes()
    assert eerste == tweede
    props = Document(io.BytesIO(eerste)).core_properties
    assert props.created == props.modified  # the moment the decision was recorded, in the YAML
    assert str(props.created.date()) in path.read_text(encoding="utf-8").split("besluiten:")[1]
    with zipfile.ZipFile(io.BytesIO(eerste)) as z:
        stamp = props.created.timetuple()[:6]
        assert {i.date_time for i in z.infolist()} == {(*stamp[:5], stamp[5] // 2 * 2)}  # DOS time: 2 s


# 16.5 ------------------------------------------------------------------------------
def test_tabel_van_tienduizend_regels(  # its time: bench/run
    cli, tmp_path
):
    regels = "\n".join(f"        - {{post: Post {i}, bedrag: {1000 + i}}}" for i in range(10_000))
    tekst = COLLEGENOTA.read_text(encoding="utf-8").replace(
        "  aanbestedingen: nvt\n",
        f"  aanbestedingen:\n    - tabel: Groot\n      rol: overig\n      regels:\n{regels}\n",
        1,
    )
    path = tmp_path / "groot.yaml"
    path.write_text(tekst, encoding="utf-8")
    docx = _render(cli, path, tmp_path / "uit", "--formaat", "docx")
    groot = next(t for t in Document(docx).tables if len(t.rows) > 10_000)
    assert len(groot.rows) == 10_002 and groot.rows[5].cells[1].text == "€\u00a01.004"
