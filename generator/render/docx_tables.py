"""HTML tables as real Word tables: header row repeated, rows kept whole,
amounts right-aligned and never wrapped, subtotal and total rows bold,
column widths from the content, and a table description for every table.

Rows are built as WordprocessingML with lxml directly: python-docx's add_row
and its cell objects cost seconds per thousand rows. Only a cell with markup
(bold words, a link, a marker) goes through the HtmlToDocx writer, and a cell
with blocks (paragraphs, lists) becomes a paragraph per block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

BOLD_ROWS = {"subtotaal", "totaal"}
CHAR_MM = {9: 1.9, 10: 2.1}  # average width of a character of Open Sans, bold included
PADDING_MM = 4.0  # Word's default cell margins, left and right
CELL_SIZE = 9  # pt
TWIPS_PER_MM = 1440 / 25.4
_AMOUNT = re.compile(r"^[-−]?\s*€?\s*[-−]?[\d.,]+[-]?$")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
LAYOUT = {  # class of a layout table or block -> (title, description) for assistive technology
    "kopblok": ("Kopgegevens", "Gegevens van het document: per regel een label en een waarde."),
    "afwijkingen": ("Afwijkingen", "Afwijkingen van het project: per regel een label en een waarde."),
    "handtekeningen": ("Ondertekening", "Opmaaktabel: de ondertekenaars naast elkaar."),
    "ondertekenaars": ("Ondertekening", "Opmaaktabel: de ondertekenaars naast elkaar."),
    "briefkop": ("Briefhoofd", "Opmaaktabel: het adres naast de kenmerken van de brief."),
}


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def _cells(tr) -> list:
    return [c for c in tr if c.tag in ("th", "td")]


def _text(el) -> str:
    return _SPACES.sub(" ", el.text_content() or "").strip()


def tabel(writer, el) -> None:
    """Write HTML table `el` into the document of `writer` (an HtmlToDocx)."""
    _keep_previous(writer)
    caption = el.find("caption")
    if caption is not None:
        p = writer.paragraph(caption, "Normal")
        p.paragraph_format.keep_with_next = True
        for r in p.runs:
            r.bold = True
    rijen = [tr for tr in el.iter("tr")]
    if not rijen:
        return
    kolommen = max(len(_cells(tr)) for tr in rijen)
    financial = el.find("thead") is not None
    t = writer.doc.add_table(rows=0, cols=kolommen)
    if financial:
        t.style = "Table Grid"  # by name: `writer.doc` may be a cell, for a table inside a table
    widths = column_widths(rijen, kolommen, writer.huisstijl.tekstbreedte)
    _set_widths(t, widths)
    for tr in rijen:
        t._tbl.append(_row(writer, t, tr, widths, kop=tr.getparent().tag == "thead"))
    if financial:
        describe(
            t,
            _text(caption) if caption is not None else "Tabel",
            "Tabel met " + ", ".join(_text(c) or "lege kop" for c in _cells(rijen[0])) + ".",
        )
    else:
        describe(t, *_layout(el))
    keep_rows_together(
        t,
        whole="kort" in _classes(el) or not financial,
        before_total=[i for i, tr in enumerate(rijen) if "totaal" in _classes(tr)],
    )
    writer.doc.add_paragraph()


def _keep_previous(writer) -> None:
    """The paragraph right before a table (its intro line, its caption) stays with it."""
    container = getattr(writer.doc, "_body", writer.doc)._element
    last = container[-1] if len(container) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is not None and last.tag == qn("w:p") and "".join(last.itertext()).strip():
        Paragraph(last, None).paragraph_format.keep_with_next = True  # type: ignore[arg-type]  # no story part needed


def keep_rows_together(t, whole: bool, before_total: Sequence[int] = ()) -> None:
    """Word's way to keep rows on one page: every paragraph of a row "keep with next".
    A `whole` table (a short one, a layout table) keeps all its rows together; a
    total row never starts a page alone (the row before it keeps with it)."""
    rows = t._tbl.findall(qn("w:tr"))
    keep = set(range(len(rows) - 1)) if whole else {i - 1 for i in before_total if i > 0}
    for i in sorted(keep):
        for p in rows[i].iter(qn("w:p")):
            Paragraph(p, None).paragraph_format.keep_with_next = True  # type: ignore[arg-type]  # no story part needed


def side_by_side(writer, el) -> None:
    """A block whose children sit side by side: a borderless one-row layout table,
    each child written into its own cell (an address beside the reference data
    of a letter, two signatures)."""
    parts = [k for k in el if isinstance(k.tag, str)]
    if not parts:
        return
    breedte = writer.huisstijl.tekstbreedte / len(parts)
    t = writer.doc.add_table(rows=1, cols=len(parts))
    _set_widths(t, [breedte] * len(parts))
    for cell, part in zip(t.rows[0].cells, parts):
        cell.width = Mm(breedte)
        writer.child(cell).block(part)
        if len(cell.paragraphs) > 1 and not cell.paragraphs[0].text:
            cell._tc.remove(cell.paragraphs[0]._p)  # the empty paragraph a new cell starts with
    describe(t, *_layout(el))
    _keep_previous_block(writer, t)
    for tr in t._tbl.findall(qn("w:tr")):
        tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a signature row never splits
    writer.doc.add_paragraph()


def _keep_previous_block(writer, t) -> None:
    """The paragraph before a side-by-side block (the place and date above the
    signatures) stays on the page of the block."""
    previous = t._tbl.getprevious()
    if previous is not None and previous.tag == qn("w:p") and "".join(previous.itertext()).strip():
        Paragraph(previous, None).paragraph_format.keep_with_next = True  # type: ignore[arg-type]  # no story part needed


def _layout(el) -> tuple[str, str]:
    for naam in _classes(el):
        if naam in LAYOUT:
            return LAYOUT[naam]
    return "Opmaaktabel", "Opmaaktabel zonder kopregel."


def describe(t, titel: str, beschrijving: str) -> None:
    """tblCaption and tblDescription: the table's alternative text in Word."""
    tblpr = t._tbl.tblPr
    for tag, waarde in (("w:tblCaption", titel), ("w:tblDescription", beschrijving)):
        el = tblpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            tblpr.append(el)  # the last children of w:tblPr, after w:tblLook
        el.set(qn("w:val"), waarde[:255])


def column_widths(rijen, kolommen: int, total: float) -> list[float]:
    """Widths in mm from the content, as a browser lays out an automatic table:
    every column at least its longest word (an amount counts as one word), and
    the room left shared in proportion to how much more each column would like."""
    least, most = [PADDING_MM] * kolommen, [PADDING_MM] * kolommen
    for tr in rijen:
        for i, cell in enumerate(_cells(tr)[:kolommen]):
            tekst = _text(cell)
            char = CHAR_MM[CELL_SIZE]
            whole = "bedrag" in _classes(cell) or bool(_AMOUNT.match(tekst))
            longest = len(tekst) if whole else max((len(w) for w in tekst.split(" ")), default=0)
            least[i] = max(least[i], longest * char + PADDING_MM)
            most[i] = max(most[i], len(tekst) * char + PADDING_MM)
    if sum(most) <= total:  # everything fits on one line: share the rest by content
        return [w * total / sum(most) for w in most]
    if sum(least) >= total:
        return [w * total / sum(least) for w in least]
    room, wish = total - sum(least), sum(most) - sum(least)
    return [lo + (hi - lo) * room / wish for lo, hi in zip(least, most)]


def _set_widths(t, widths: list[float]) -> None:
    t.autofit = False
    for column, width in zip(t.columns, widths):
        column.width = Mm(width)  # the table grid, which LibreOffice reads


def _row(writer, t, tr, widths: list[float], kop: bool):
    row = OxmlElement("w:tr")
    trpr = OxmlElement("w:trPr")
    trpr.append(OxmlElement("w:cantSplit"))
    if kop:
        trpr.append(OxmlElement("w:tblHeader"))
    row.append(trpr)
    bold = kop or bool(_classes(tr) & BOLD_ROWS)
    cells = _cells(tr)
    for i, width in enumerate(widths):
        html_cell = cells[i] if i < len(cells) else None
        row.append(
            _cell(writer, t, html_cell, width, bold or (html_cell is not None and html_cell.tag == "th"), shaded=kop)
        )
    return row


def _cell(writer, t, html_cell, width: float, bold: bool, shaded: bool):
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(round(width * TWIPS_PER_MM)))
    tcw.set(qn("w:type"), "dxa")
    tcpr.append(tcw)
    if shaded:
        tcpr.append(_shading(writer.huisstijl.kleur("zacht")))
    tc.append(tcpr)
    if html_cell is not None and writer.holds_blocks(html_cell):  # paragraphs, lists: one paragraph each
        cell = _Cell(tc, t)
        writer.cell_blocks(cell, html_cell, bold)
        _cell_formatting(cell, bold, right="bedrag" in _classes(html_cell))
        return tc
    p = OxmlElement("w:p")
    tc.append(p)
    if html_cell is None:
        return tc
    if "bedrag" in _classes(html_cell):
        p.append(_right())
    if len(html_cell) == 0:  # text only: the fast path
        tekst = _text(html_cell)
        if tekst:
            p.append(_run(tekst, bold))
        return tc
    cell = _Cell(tc, t)
    writer.runs(cell.paragraphs[0], html_cell, bold=bold, italic=False)
    _cell_formatting(cell, bold, right=False)
    return tc


def _cell_formatting(cell, bold: bool, right: bool) -> None:
    """Every paragraph of a cell in the cell's size, bold in a bold row."""
    for paragraph in cell.paragraphs:
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for r in paragraph.runs:
            r.bold = bold or r.bold
            r.font.size = Pt(CELL_SIZE)
    if not cell.paragraphs:  # a w:tc holds at least one paragraph
        cell._tc.append(OxmlElement("w:p"))


def _right():
    ppr = OxmlElement("w:pPr")
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "right")
    ppr.append(jc)
    return ppr


def _run(tekst: str, bold: bool):
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if bold:
        rpr.append(OxmlElement("w:b"))
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(CELL_SIZE * 2))
    rpr.append(size)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = tekst
    r.append(t)
    return r


def _shading(kleur: str):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), kleur)
    return shd
