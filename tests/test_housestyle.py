"""One house style, one source, two outputs (issue 13 item 3): huisstijl.yaml and a kind's
`huisstijl:` block steer the PDF (CSS custom properties) and the DOCX (styles, margins, logo)."""

import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.shared import Mm

from conftest import PROPOSALS, ROOT, pdftotext, require_tool

pytestmark = pytest.mark.slow  # renders both formats per house style

COLLEGENOTA = PROPOSALS / "collegenota-sociale-teams-2021.yaml"
GROEN = "#007A3D"


def _eigen_templates(tmp_path, huisstijl: str) -> object:
    templates = tmp_path / "huisstijl"
    (templates / "_gedeeld").mkdir(parents=True)
    (templates / "_gedeeld" / "huisstijl.yaml").write_text(huisstijl, encoding="utf-8")
    return templates


def _render(cli, tmp_path, templates, path=COLLEGENOTA):
    out = tmp_path / "uit"
    r = cli("render", path, "-o", out, "--templates", templates)
    assert r.exit_code == 0, r.output
    return next(out.glob("*.docx")), next(out.glob("*.pdf"))


def _html(templates, path=COLLEGENOTA) -> str:
    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel
    from generator.render import context, templating
    from generator.render.html import render_html

    templating.html_env.cache_clear()
    voorstel = load_voorstel(path, search_path(templates))
    return render_html(voorstel, context.build(voorstel))


def test_een_kleur_op_een_plek_geldt_voor_pdf_en_docx(cli, tmp_path):
    templates = _eigen_templates(tmp_path, f'kleuren: {{accent: "{GROEN}"}}\n')
    assert f"--accent:{GROEN};" in _html(templates)
    docx, pdf = _render(cli, tmp_path, templates)
    doc = Document(docx)
    assert str(doc.styles["Heading 1"].font.color.rgb) == GROEN[1:]
    gemeente = next(p for p in doc.paragraphs if p.text == "Gemeente Maastricht")
    assert {str(r.font.color.rgb) for r in gemeente.runs} == {GROEN[1:]}
    links = re.findall(r'<w:hyperlink[^>]*>.*?<w:color w:val="([0-9A-F]+)"', _part(docx, "word/document.xml"))
    assert set(links) <= {GROEN[1:]}
    assert _pdf_has_colour(pdf, (0x00, 0x7A, 0x3D))


def _part(docx, naam):
    with zipfile.ZipFile(docx) as z:
        return z.read(naam).decode("utf-8")


def _pdf_has_colour(pdf, rgb) -> bool:
    """The heading colour as a fill colour operator in the PDF's page content."""
    import pikepdf

    with pikepdf.open(pdf) as doc:
        inhoud = b"".join(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(p)) for p in doc.pages)
    waarden = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)", inhoud)
    return any(all(abs(float(a) - c / 255) < 0.01 for a, c in zip(w, rgb)) for w in waarden)


def test_de_soort_overschrijft_de_gedeelde_huisstijl(cli, tmp_path):
    templates = _eigen_templates(tmp_path, "marges: {links: 30}\n")
    shutil.copytree(ROOT / "templates" / "collegenota", templates / "collegenota")
    kind = templates / "collegenota" / "kind.yaml"
    kind.write_text(kind.read_text(encoding="utf-8") + "huisstijl:\n  marges: {rechts: 15}\n", encoding="utf-8")
    html = _html(templates)
    assert "@page{margin:24.0mm 15.0mm 22.0mm 30.0mm;}" in html
    docx, pdf = _render(cli, tmp_path, templates)
    sectie = Document(docx).sections[0]
    marges = (sectie.left_margin, sectie.right_margin, sectie.top_margin)
    assert all(abs(a - b) < Mm(0.1) for a, b in zip(marges, (Mm(30), Mm(15), Mm(24))))


def test_logo_in_de_sjabloonmap_komt_in_beide(cli, tmp_path):
    from PIL import Image

    templates = _eigen_templates(tmp_path, "logo_breedte: 30\n")
    Image.new("RGB", (400, 200), "darkgreen").save(templates / "_gedeeld" / "logo.png")
    assert '<img class="logo" src="file://' in _html(templates)
    docx, pdf = _render(cli, tmp_path, templates)
    doc = Document(docx)
    logo = doc.inline_shapes[0]
    assert logo._inline.docPr.get("descr") == "Logo gemeente Maastricht"
    assert abs(logo.width - Mm(30)) < Mm(0.1)
    afbeeldingen = subprocess.run([require_tool("pdfimages"), "-list", str(pdf)], capture_output=True, text=True).stdout
    assert len(afbeeldingen.splitlines()) == 3  # two header lines and the logo


def test_een_onjuiste_kleur_zegt_waar(cli, tmp_path):
    templates = _eigen_templates(tmp_path, "kleuren:\n  accent: groen\n")
    r = cli("render", COLLEGENOTA, "-o", tmp_path / "uit", "--templates", templates)
    assert r.exit_code == 1
    bestand = templates / "_gedeeld" / "huisstijl.yaml"
    assert f"{bestand}:2:3: fout: kleur accent: 'groen' is geen kleur; schrijf bijvoorbeeld \"#336699\"" in r.stderr
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").iterdir())


def test_een_onbekende_sleutel_krijgt_een_suggestie(cli, tmp_path):
    templates = _eigen_templates(tmp_path, "kleuren: {accent: '#000000'}\nmarge: {links: 20}\n")
    r = cli("render", COLLEGENOTA, "-o", tmp_path / "uit", "--templates", templates)
    assert r.exit_code == 1
    assert (
        f"{templates / '_gedeeld' / 'huisstijl.yaml'}:2:1: fout: onbekende sleutel 'marge' in huisstijl; "
        "bekend: kleuren, lettertype, marges, logo, logo_breedte; bedoelde u 'marges'?"
    ) in r.stderr


def test_geen_huisstijlkleur_in_python():
    for path in (ROOT / "generator").rglob("*.py"):
        assert not re.search(r"1F4E79|1f4e79", path.read_text(encoding="utf-8")), path
    assert "1F4E79" not in (ROOT / "tools" / "build_docx_templates.py").read_text(encoding="utf-8")


def test_pdf_tekst_ongewijzigd_met_huisstijl(cli, tmp_path):
    templates = _eigen_templates(tmp_path, "lettertype: {terugval: [DejaVu Sans, sans-serif]}\n")
    docx, pdf = _render(cli, tmp_path, templates)
    assert "Continuering sociale teams 2021" in pdftotext(pdf)
    assert '--lettertype:"Open Sans", "DejaVu Sans", sans-serif;' in _html(templates)
