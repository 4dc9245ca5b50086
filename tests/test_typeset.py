"""Issue 25: what a typesetter and a screen-reader user check, without LibreOffice:
no-break spaces, the PDF's identification (PDF/UA-1 beside PDF/A), one structure element
per section, list and table, DOCX fields with a cached result, keep-with-next in Word,
and the besluitenlijst as secretariats write it."""

from __future__ import annotations

import io
import shutil

import pikepdf
import pytest
from click.testing import CliRunner
from conftest import PROPOSALS, pdftotext
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from lxml import html as lxml_html
from pikepdf import Array, Dictionary, Name

NBSP = "\u00a0"
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}


def nota(*args):
    from generator.cli import main

    r = CliRunner().invoke(main, [str(a) for a in args], prog_name="nota", catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r


def copy(kind: str, folder):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.yaml"
    shutil.copy(next(PROPOSALS.glob(f"{kind}-*.yaml")), path)
    return path


def html_of(path) -> str:
    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel
    from generator.render import context
    from generator.render.html import render_html

    voorstel = load_voorstel(path, search_path())
    return render_html(voorstel, context.build(voorstel))


@pytest.fixture(scope="module")
def raadsvoorstel(tmp_path_factory):
    """The raadsvoorstel's concept (PDF and DOCX), its final PDF, and its HTML."""
    base = tmp_path_factory.mktemp("rv")
    path = copy("raadsvoorstel", base)
    nota("render", path, "-o", base / "concept")
    html = html_of(path)
    nota("decide", path, "--orgaan", "college", "--datum", "2022-01-10", "--uitkomst", "conform")
    nota("render", path, "-o", base / "definitief", "--formaat", "pdf")
    return {
        "pdf": next((base / "concept").glob("*.pdf")),
        "docx": next((base / "concept").glob("*.docx")),
        "definitief": next((base / "definitief").glob("*.pdf")),
        "html": html,
    }


def test_geen_regelafbreking_binnen_bedrag_datum_en_artikel():
    from generator.render.typography import keep_together

    assert keep_together("op 31 december 2021, in maart 2020, artikel 3 lid 2, € 1.000 en bijlage 2") == (
        f"op 31{NBSP}december{NBSP}2021, in maart{NBSP}2020, artikel{NBSP}3 lid{NBSP}2, €{NBSP}1.000 en bijlage{NBSP}2"
    )
    assert keep_together("sinds 1 januari\n2021") == f"sinds 1{NBSP}januari{NBSP}2021"  # a line break in the source
    assert keep_together("10 jaar, artikelen 3 en 4, <p>mei</p>") == "10 jaar, artikelen 3 en 4, <p>mei</p>"


def test_datums_en_bedragen_in_pdf_en_docx_onbreekbaar(raadsvoorstel):
    html = raadsvoorstel["html"]
    assert f"3{NBSP}maart{NBSP}2020" in html and "3 maart 2020" not in html
    assert f"€{NBSP}460.000" in html and "€ 460" not in html
    teksten = [p.text for p in Document(raadsvoorstel["docx"]).paragraphs]
    assert f"Den Helder, 3{NBSP}maart{NBSP}2020" in teksten


def _xmp(doc):
    return etree.fromstring(doc.Root.Metadata.read_bytes())


def _value(xmp, name: str) -> str | None:
    prefix, local = name.split(":")
    for description in xmp.iter(f"{{{NS['rdf']}}}Description"):
        if f"{{{NS[prefix]}}}{local}" in description.attrib:
            return description.get(f"{{{NS[prefix]}}}{local}")
        found = description.find(f"{{{NS[prefix]}}}{local}")
        if found is not None:
            return found.text
    return None


@pytest.mark.parametrize("stage", ("pdf", "definitief"))
def test_pdf_ua_titel_en_taal_in_elke_pdf(raadsvoorstel, stage):
    with pikepdf.open(raadsvoorstel[stage]) as doc:
        xmp = _xmp(doc)
        titel = xmp.findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=NS)
        assert titel == str(doc.docinfo.Title) and titel.startswith("Raadsvoorstel: Voorstel tot het beschikbaar")
        assert _value(xmp, "pdfuaid:part") == "1"
        assert str(doc.Root.Lang) == "nl-NL"
        assert doc.Root.ViewerPreferences.DisplayDocTitle is True
        schemas = [e.text for e in xmp.iter(f"{{{NS['pdfaSchema']}}}namespaceURI")]
        if stage == "definitief":  # PDF/A-2a, with pdfuaid declared as an extension schema
            assert _value(xmp, "pdfaid:part") == "2" and _value(xmp, "pdfaid:conformance") == "A"
            assert NS["pdfuaid"] in schemas
        else:
            assert _value(xmp, "pdfaid:part") is None and schemas == []


def _elements(doc):
    from generator.render.pdf_tags import structure_elements

    return list(structure_elements(doc.Root.StructTreeRoot))


def test_een_structuurelement_per_sectie_lijst_en_tabel(raadsvoorstel):
    html = lxml_html.fromstring(raadsvoorstel["html"])
    with pikepdf.open(raadsvoorstel["pdf"]) as doc:
        assert len(doc.pages) >= 5  # sections, a list and tables run over page breaks
        alle = _elements(doc)
        soorten = [str(e.S) for e in alle]
        assert soorten.count("/Sect") == len(html.xpath("//body//section")) == 15
        assert soorten.count("/L") == len(html.xpath("//body//ol|//body//ul"))
        assert soorten.count("/Table") == len(html.xpath("//body//table"))
        assert soorten.count("/THead") == len(html.xpath("//body//thead"))
        assert not any(Name("/NotaBron") in e for e in alle)  # the private key is gone
        leeg = [
            str(e.S)
            for e in alle
            if e.S not in (Name.TD, Name.TH)
            and not (list(e.K) if isinstance(e.get(Name.K), Array) else [e.get(Name.K)] if Name.K in e else [])
        ]
        assert leeg == []
        for element in alle:  # a bare MCID belongs to the element's page; else a reference names its page
            kids = element.K if isinstance(element.get(Name.K), Array) else [element.get(Name.K)]
            for kid in kids:
                if isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.MCR:
                    assert Name.Pg in kid


def test_herhaalde_tabelkop_is_artefact(tmp_path):
    """A table over two pages: one /Table, one header row in the tree, the header row
    on the second page an artifact (its text is there, its tag is not)."""
    from weasyprint import HTML

    from generator.render import pdf  # noqa: F401  (installs the fragment marking)
    from generator.render.pdf_tags import complete_tags

    rijen = "".join(f"<tr><td>Post {i}</td><td>{i}</td></tr>" for i in range(80))
    bron = (
        f"<html lang='nl-NL'><head><title>T</title></head><body><table><thead><tr><th>Post</th><th>Bedrag</th>"
        f"</tr></thead><tbody>{rijen}</tbody></table></body></html>"
    )
    data = complete_tags(HTML(string=bron).write_pdf(pdf_tags=True))
    (tmp_path / "t.pdf").write_bytes(data)
    with pikepdf.open(io.BytesIO(data)) as doc:
        assert len(doc.pages) == 2
        soorten = [str(e.S) for e in _elements(doc)]
        assert soorten.count("/Table") == 1 and soorten.count("/THead") == 1 and soorten.count("/TH") == 2
        assert soorten.count("/TR") == 81
        tweede = doc.pages[1].obj.Contents.read_bytes()
        assert b"/Artifact <</Type /Pagination>> BDC" in tweede
    assert pdftotext(tmp_path / "t.pdf").count("Bedrag") == 2  # printed on both pages


def test_docx_paginanummers_met_opgeslagen_resultaat(raadsvoorstel):
    doc = Document(raadsvoorstel["docx"])
    footer = doc.sections[0].footer._element
    begins = footer.findall(".//" + qn("w:fldChar") + "[@" + qn("w:fldCharType") + "='begin']")
    assert len(begins) == 2 and all(b.get(qn("w:dirty")) == "true" for b in begins)
    assert len(footer.findall(".//" + qn("w:fldChar") + "[@" + qn("w:fldCharType") + "='separate']")) == 2
    assert doc.sections[0].footer.paragraphs[0].text.endswith("pagina 1 van 1")  # the cached results


def test_docx_houdt_inleiding_totaal_en_ondertekening_bij_elkaar(raadsvoorstel):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(raadsvoorstel["docx"])
    body = doc.element.body
    paragraphs = {p.text: p for p in doc.paragraphs}
    assert paragraphs["Het volgende overzicht geeft de financiële consequenties weer."].paragraph_format.keep_with_next
    assert paragraphs["Benodigd volgens het uitvoeringsplan"].paragraph_format.keep_with_next
    assert paragraphs[f"Den Helder, 3{NBSP}maart{NBSP}2020"].paragraph_format.keep_with_next
    assert paragraphs["Burgemeester en Wethouders van Den Helder,"].paragraph_format.keep_with_next
    tabellen = [Table(t, doc) for t in body.iter(qn("w:tbl"))]
    kosten = next(t for t in tabellen if t.rows[0].cells[0].text == "Kosten")
    houdt = [
        all(Paragraph(p, None).paragraph_format.keep_with_next for p in r._tr.iter(qn("w:p"))) for r in kosten.rows
    ]
    assert houdt == [True] * (len(kosten.rows) - 1) + [False]  # a short table: whole on one page
    ondertekening = next(t for t in tabellen if t.rows[0].cells[0].text.startswith("burgemeester"))
    assert ondertekening.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_lange_tabel_in_word_houdt_alleen_totaal_bij_voorgaande_regel():
    from docx import Document as New

    from generator.render.docx_tables import keep_rows_together

    doc = New()
    t = doc.add_table(rows=30, cols=2)
    keep_rows_together(t, whole=False, before_total=[29])
    houdt = [bool(r.cells[0].paragraphs[0].paragraph_format.keep_with_next) for r in t.rows]
    assert houdt == [False] * 28 + [True, False]


def test_besluitenlijst_zoals_secretariaten_hem_schrijven(tmp_path):
    map_ = tmp_path / "vergadering"
    for kind in ("collegenota", "raadsvoorstel"):
        path = copy(kind, map_)
        nota(
            "decide",
            path,
            "--orgaan",
            "college",
            "--datum",
            "2022-01-10",
            "--uitkomst",
            "conform",
            "--besluitnummer",
            f"B 2022/{kind[:4]}",
        )
    nota(
        "besluitenlijst",
        map_,
        "--datum",
        "2022-01-10",
        "-o",
        tmp_path / "uit",
        "--aanwezig",
        "burgemeester Jansen-de Vries, wethouders De Vries en Bakker",
        "--afwezig",
        "wethouder Pietersen",
        "--vastgesteld",
        "2022-01-17",
    )
    pdf = tmp_path / "uit" / "besluitenlijst-college-2022-01-10.pdf"
    tekst = " ".join(pdftotext(pdf).split())
    assert "Aanwezig: burgemeester Jansen-de Vries, wethouders De Vries en Bakker Afwezig: wethouder Pietersen" in tekst
    assert (
        "Aldus vastgesteld in de vergadering van het college van burgemeester en wethouders van "
        "17 januari 2022. De secretaris,"
    ) in tekst and "De burgemeester," in tekst
    assert "Besluitnummer: B 2022/coll" in tekst and "Besluitnummer: B 2022/raad" in tekst
    doc = Document(tmp_path / "uit" / "besluitenlijst-college-2022-01-10.docx")
    sectie = doc.sections[0]
    kop = sectie.header.paragraphs[0].text
    assert kop.startswith(f"Gemeente Maastricht · Besluitenlijst 10{NBSP}januari{NBSP}2022")
    assert sectie.footer.paragraphs[0].text.startswith(f"Besluitenlijst B&W · 10{NBSP}januari{NBSP}2022")
    rij = [c.text for c in doc.tables[0].rows[2].cells]
    assert rij[3].startswith(f"Conform. Besluitnummer: B 2022/raad\n€{NBSP}460.000 beschikbaar")
    assert rij[2] == "Tjitske Biersteker-Giljou"
    assert doc.tables[0].rows[2].cells[2]._tc.find(".//" + qn("w:noBreakHyphen")) is not None
    xml = "".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))
    assert "€ " not in xml and f"€{NBSP}" in xml


def test_besluitenlijst_zonder_vaststelling_laat_een_regel_open(tmp_path):
    path = copy("collegenota", tmp_path / "v")
    nota("decide", path, "--orgaan", "college", "--datum", "2021-02-09", "--uitkomst", "conform")
    nota("besluitenlijst", path, "--datum", "2021-02-09", "-o", tmp_path / "uit")
    doc = Document(tmp_path / "uit" / "besluitenlijst-college-2021-02-09.docx")
    assert ("Aldus vastgesteld in de vergadering van het college van burgemeester en wethouders van " + "_" * 28) in [
        p.text for p in doc.paragraphs
    ]
    assert not [p.text for p in doc.paragraphs if p.text.startswith(("Aanwezig", "Afwezig"))]


def test_e_mailadres_in_de_kop_is_een_link(raadsvoorstel):
    with pikepdf.open(raadsvoorstel["pdf"]) as doc:
        links = [str(a.A.URI) for a in doc.pages[0].obj.get(Name.Annots, []) if a.get(Name.A) is not None]
        assert "mailto:a.bakker@example.nl" in links
        assert all(int(a.F) & 4 for a in doc.pages[0].obj.Annots)  # printed, as PDF/UA asks


def test_docx_overal_nederlands(raadsvoorstel):
    import re
    import zipfile

    with zipfile.ZipFile(raadsvoorstel["docx"]) as z:
        talen = {
            naam: set(re.findall(rb'<w:lang w:val="([^"]+)"', z.read(naam)))
            for naam in z.namelist()
            if naam.endswith(".xml")
        }
    assert set().union(*talen.values()) == {b"nl-NL"}
    assert talen["word/stylesWithEffects.xml"] == {b"nl-NL"}  # the template's legacy part too


def test_redline_scheidt_geschrapt_en_nieuw_bedrag(tmp_path):
    """Deleted and inserted text never touch ("€ 474.788€ 411.358"): in a table cell the
    old amount stands above the new one, in a paragraph a gap follows the deleted word."""
    from conftest import DATA

    nota(
        "diff",
        DATA / "diff" / "sociale-teams-2020.yaml",
        PROPOSALS / "collegenota-sociale-teams-2021.yaml",
        "--docx",
        tmp_path / "red.docx",
    )
    body = Document(tmp_path / "red.docx").element.body
    paren = [
        (d, d.getnext()) for d in body.iter(qn("w:del")) if d.getnext() is not None and d.getnext().tag == qn("w:ins")
    ]
    in_cel = [(d, i) for d, i in paren if any(a.tag == qn("w:tc") for a in d.iterancestors())]
    bedragen = [
        ("".join(t.text for t in d.iter(qn("w:delText"))), "".join(t.text for t in i.iter(qn("w:t"))))
        for d, i in in_cel
    ]
    assert (f"€{NBSP}396.358", f"€{NBSP}411.358") in bedragen
    assert all(d[-1][-1].tag == qn("w:br") for d, _ in in_cel)
    tekst = [(d, i) for d, i in paren if (d, i) not in in_cel]
    assert tekst and all(d[-1].find(qn("w:rPr") + "/" + qn("w:spacing")) is not None for d, _ in tekst)
