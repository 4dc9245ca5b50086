"""HTML tables as real Word tables: header row repeated, rows kept whole,
amounts right-aligned, subtotal and total rows bold."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

VET_RIJEN = {"subtotaal", "totaal"}


def _klassen(el) -> set[str]:
    return set((el.get("class") or "").split())


def _rijen(tabel_el):
    return [tr for tr in tabel_el.iter("tr")]


def tabel(schrijver, el) -> None:
    """Write HTML table `el` into the document of `schrijver` (an HtmlNaarDocx)."""
    doc = schrijver.doc
    bijschrift = el.find("caption")
    if bijschrift is not None:
        p = schrijver.alinea(bijschrift, "Normal")
        p.paragraph_format.keep_with_next = True
        for r in p.runs:
            r.bold = True
    rijen = _rijen(el)
    if not rijen:
        return
    kolommen = max(len(tr.findall("th") + tr.findall("td")) for tr in rijen)
    financieel = el.find("thead") is not None
    t = doc.add_table(rows=0, cols=kolommen)
    if financieel:
        t.style = doc.styles["Table Grid"]
    for tr in rijen:
        _rij(schrijver, t, tr, kop=tr.getparent().tag == "thead")
    if financieel:
        _breedtes(t, rijen[0])
    doc.add_paragraph()


def naast_elkaar(schrijver, el) -> None:
    """A block whose children sit side by side: a borderless one-row table,
    each child written into its own cell (an address beside the reference
    data of a letter, two signatures)."""
    delen = [k for k in el if isinstance(k.tag, str)]
    if not delen:
        return
    t = schrijver.doc.add_table(rows=1, cols=len(delen))
    t.autofit = False
    for kolom in t.columns:
        kolom.width = Mm(165 / len(delen))
    for cel, deel in zip(t.rows[0].cells, delen):
        cel.width = Mm(165 / len(delen))
        type(schrijver)(cel, schrijver.nummering).blok(deel)
        if len(cel.paragraphs) > 1 and not cel.paragraphs[0].text:
            cel._tc.remove(cel.paragraphs[0]._p)  # the empty paragraph a new cell starts with
    schrijver.doc.add_paragraph()


def _breedtes(t, koprij) -> None:
    """Amount columns narrow, the text columns share the rest of the 165 mm."""
    soorten = [_klassen(c) for c in koprij if c.tag in ("th", "td")]
    smal = sum(1 for k in soorten if "bedrag" in k)
    breed = max(1, len(soorten) - smal)
    breedtes = [Mm(24) if "bedrag" in k else Mm((165 - 24 * smal) / breed) for k in soorten]
    t.autofit = False
    for kolom, breedte in zip(t.columns, breedtes):
        kolom.width = breedte  # the table grid, which LibreOffice reads
    for rij in t.rows:
        for cel, breedte in zip(rij.cells, breedtes):
            cel.width = breedte


def _rij(schrijver, t, tr, kop: bool) -> None:
    cellen = [c for c in tr if c.tag in ("th", "td")]
    rij = t.add_row()
    trpr = rij._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if kop:
        trpr.append(OxmlElement("w:tblHeader"))
    vet = kop or bool(_klassen(tr) & VET_RIJEN)
    for cel, html_cel in zip(rij.cells, cellen):
        _cel(schrijver, cel, html_cel, vet or html_cel.tag == "th")


def _cel(schrijver, cel, html_cel, vet: bool) -> None:
    p = cel.paragraphs[0]
    schrijver.runs(p, html_cel, vet=vet, cursief=False)
    for r in p.runs:
        r.bold = vet or r.bold
        r.font.size = Pt(9)
    if "bedrag" in _klassen(html_cel):
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if vet and html_cel.getparent().getparent().tag == "thead":
        _schaduw(cel, "EEF2F6")


def _schaduw(cel, kleur: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), kleur)
    cel._tc.get_or_add_tcPr().append(shd)
