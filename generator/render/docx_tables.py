"""HTML tables as real Word tables: header row repeated, rows kept whole,
amounts right-aligned, subtotal and total rows bold."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

BOLD_ROWS = {"subtotaal", "totaal"}


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def _rows(table_el):
    return [tr for tr in table_el.iter("tr")]


def tabel(writer, el) -> None:
    """Write HTML table `el` into the document of `schrijver` (an HtmlNaarDocx)."""
    doc = writer.doc
    caption = el.find("caption")
    if caption is not None:
        p = writer.paragraph(caption, "Normal")
        p.paragraph_format.keep_with_next = True
        for r in p.runs:
            r.bold = True
    rijen = _rows(el)
    if not rijen:
        return
    kolommen = max(len(tr.findall("th") + tr.findall("td")) for tr in rijen)
    financial = el.find("thead") is not None
    t = doc.add_table(rows=0, cols=kolommen)
    if financial:
        t.style = doc.styles["Table Grid"]
    for tr in rijen:
        _row(writer, t, tr, kop=tr.getparent().tag == "thead")
    if financial:
        _widths(t, rijen[0])
    doc.add_paragraph()


def side_by_side(writer, el) -> None:
    """A block whose children sit side by side: a borderless one-row table,
    each child written into its own cell (an address beside the reference
    data of a letter, two signatures)."""
    parts = [k for k in el if isinstance(k.tag, str)]
    if not parts:
        return
    t = writer.doc.add_table(rows=1, cols=len(parts))
    t.autofit = False
    for column in t.columns:
        column.width = Mm(165 / len(parts))
    for cell, part in zip(t.rows[0].cells, parts):
        cell.width = Mm(165 / len(parts))
        type(writer)(cell, writer.numbering).block(part)
        if len(cell.paragraphs) > 1 and not cell.paragraphs[0].text:
            cell._tc.remove(cell.paragraphs[0]._p)  # the empty paragraph a new cell starts with
    writer.doc.add_paragraph()


def _widths(t, header_row) -> None:
    """Amount columns narrow, the text columns share the rest of the 165 mm."""
    soorten = [_classes(c) for c in header_row if c.tag in ("th", "td")]
    narrow = sum(1 for k in soorten if "bedrag" in k)
    wide = max(1, len(soorten) - narrow)
    widths = [Mm(24) if "bedrag" in k else Mm((165 - 24 * narrow) / wide) for k in soorten]
    t.autofit = False
    for column, width in zip(t.columns, widths):
        column.width = width  # the table grid, which LibreOffice reads
    for row in t.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _row(writer, t, tr, kop: bool) -> None:
    cells = [c for c in tr if c.tag in ("th", "td")]
    row = t.add_row()
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if kop:
        trpr.append(OxmlElement("w:tblHeader"))
    bold = kop or bool(_classes(tr) & BOLD_ROWS)
    for cell, html_cell in zip(row.cells, cells):
        _cell(writer, cell, html_cell, bold or html_cell.tag == "th")


def _cell(writer, cell, html_cell, bold: bool) -> None:
    p = cell.paragraphs[0]
    writer.runs(p, html_cell, bold=bold, italic=False)
    for r in p.runs:
        r.bold = bold or r.bold
        r.font.size = Pt(9)
    if "bedrag" in _classes(html_cell):
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if bold and html_cell.getparent().getparent().tag == "thead":
        _shading(cell, "EEF2F6")


def _shading(cell, kleur: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), kleur)
    cell._tc.get_or_add_tcPr().append(shd)
