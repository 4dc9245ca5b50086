"""Writers for the held-out styles (tests/import_styles_heldout.py): their blocks as Word
(python-docx: label lines with a tab, bold-run headings or Kop2 with typed numbers, typed
numbering of the points, header tables of four columns, a stamp table, page fields in the footer,
real footnotes) and as HTML for WeasyPrint. The house-style writers of tests/import_writers.py
are left as they are; their footnote helper is reused.
"""

from __future__ import annotations

import html

from import_writers import W, _footnote

DUTCH_IDS = {"Heading2": "Kop2", "TableGrid": "Tabelraster"}


def _field(paragraph, instr: str, shown: str) -> None:
    from docx.oxml import parse_xml

    paragraph._p.append(
        parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr="{instr}"><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>')
    )


def _furniture(doc, tekst: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    head = doc.sections[0].header.paragraphs[0]
    head.add_run(tekst).font.size = Pt(8)
    foot = doc.sections[0].footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run("Pagina ")
    _field(foot, "PAGE", "1")
    foot.add_run(" van ")
    _field(foot, "NUMPAGES", "1")


def _table(doc, rows: list[list[str]], grid: bool = True, bold_first_row: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=0, cols=len(rows[0]))
    if grid:
        table.style = "Table Grid"
    n = len(rows[0])
    widths = (
        [Cm(3.9), Cm(4.6)] * 2
        if n == 4 and not grid
        else [Cm(6.5 if n < 5 else 4.5)] + [Cm((9.5 if n < 5 else 11.5) / max(1, n - 1))] * (n - 1)
    )
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for j, (cell, tekst) in enumerate(zip(cells, row)):
            run = cell.paragraphs[0].add_run(tekst)
            cell.width = widths[j]
            run.bold = bold_first_row and i == 0
            if grid or n == 4:
                run.font.size = Pt(8 if n >= 4 else 9)
            if n == 4 and not grid:
                run.font.name = "Arial"
            if j and i and grid:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


HEADER_BLOCKS = ("rechts", "stempel", "titel", "onderwerp", "vier", "regels", "strook")


def strook_rows(pairs: list[tuple[str, str]], per: int = 3) -> list[list[str]]:
    """achtste's header: rows of labels, each over a row of their values, three fields a row."""
    out: list[list[str]] = []
    for i in range(0, len(pairs), per):
        chunk = list(pairs[i : i + per]) + [("", "")] * (per - len(pairs[i : i + per]))
        out += [[a for a, _ in chunk], [b for _, b in chunk]]
    return out


def _docx_strook(doc, pairs: list[tuple[str, str]]) -> None:
    from docx.shared import Cm, Pt, RGBColor

    rows = strook_rows(pairs)
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, tekst in zip(cells, row):
            cell.width = Cm(5.6)
            run = cell.paragraphs[0].add_run(tekst)
            run.font.size = Pt(7 if i % 2 == 0 else 9)
            if i % 2 == 0:
                run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    doc.add_paragraph()


def _docx_header(doc, block: tuple) -> None:
    """What stands above the summary: stamps, title, onderwerp, the header lines or table."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    soort = block[0]
    if soort == "rechts":
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run(block[1]).bold = True
    elif soort == "stempel":
        cell = _table(doc, [[block[1][0]]]).rows[0].cells[0]
        cell.add_paragraph(block[1][1])
        doc.add_paragraph()
    elif soort in ("titel", "onderwerp"):
        run = doc.add_paragraph().add_run(block[1])
        run.bold, run.font.size = True, Pt(16 if soort == "titel" else 13)
    elif soort == "vier":
        pairs = block[1]
        rows = [[*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", ""))] for i in range(0, len(pairs), 2)]
        table = _table(doc, rows, grid=False)
        for row in table.rows:
            for k in (0, 2):
                for run in row.cells[k].paragraphs[0].runs:
                    run.bold = True
        doc.add_paragraph()
    elif soort == "strook":
        _docx_strook(doc, block[1])
    elif soort == "regels":
        for label, waarde in block[1]:
            p = doc.add_paragraph()
            p.paragraph_format.tab_stops.add_tab_stop(Cm(5.5))
            p.paragraph_format.space_after = Pt(0)
            p.add_run(f"{label}:").bold = True
            p.add_run(f"\t{waarde}")
        doc.add_paragraph()


def _docx_block(doc, block: tuple, style: dict) -> None:
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    soort = block[0]
    if soort in HEADER_BLOCKS:
        _docx_header(doc, block)
    elif soort == "h":
        if style["koppen"] == "genummerd":
            doc.add_paragraph(f"{block[2]} {block[1]}" if block[2] else block[1], style="Heading 2")
        else:
            run = doc.add_paragraph().add_run(block[1])
            run.bold, run.font.size = True, Pt(12)
            run.underline = style["koppen"] == "onderstreept"  # negende: bold, underlined headings
    elif soort == "sub":
        run = doc.add_paragraph().add_run(block[1])
        run.bold, run.italic = True, True
    elif soort == "p":
        p = doc.add_paragraph(block[1])
        if block[2]:
            _footnote(doc, p, block[2])
    elif soort == "punt":
        p = doc.add_paragraph()
        p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Cm(1), Cm(-1)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(1))
        tab = style["nummers"] in ("romeins", "letters", "haakje")
        p.add_run(f"{block[1]}\t{block[2]}" if tab else f"{block[1]} {block[2]}")
    elif soort == "table":
        titel = doc.add_paragraph().add_run(block[1])
        titel.bold = style["koppen"] != "genummerd"
        titel.italic = style["koppen"] == "genummerd"
        _table(doc, block[2], bold_first_row=True)
        doc.add_paragraph()
    elif soort == "besluittabel":
        table = _table(doc, [list(r) for r in block[1]], bold_first_row=True)
        table.rows[0].cells[0].merge(table.rows[0].cells[1])
    elif soort == "handtekening":
        _table(doc, [[f"{a}\n\n{b}" for a, b in block[1]]], grid=False)
    elif soort == "break":
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def write_docx(blocks: list[tuple], style: dict, path, kop_tekst: str) -> None:
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]  # A4, as Dutch Word writes it (python-docx's default is Letter)
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = ("Arial", Pt(10)) if style["koppen"] == "vet" else ("Calibri", Pt(11))
    _furniture(doc, kop_tekst)
    for block in blocks:
        _docx_block(doc, block, style)
    _dutch_ids(doc)
    doc.save(str(path))


def _dutch_ids(doc) -> None:
    for el in doc.styles.element.iter(f"{{{W}}}style"):
        if el.get(f"{{{W}}}styleId") in DUTCH_IDS:
            el.set(f"{{{W}}}styleId", DUTCH_IDS[el.get(f"{{{W}}}styleId")])
    for tag in ("pStyle", "tblStyle"):
        for el in doc.element.body.iter(f"{{{W}}}{tag}"):
            if el.get(f"{{{W}}}val") in DUTCH_IDS:
                el.set(f"{{{W}}}val", DUTCH_IDS[el.get(f"{{{W}}}val")])


CSS = """
@page { size: A4; margin: 24mm 22mm;
        @top-left { content: "{kop}"; font-size: 8pt; color: #555; }
        @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font-size: 8pt; } }
body { font: 10pt {font}; }
p { margin: 0 0 6pt; } .titel { font-size: 16pt; font-weight: bold; } .onderwerp { font-size: 13pt; font-weight: bold; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; } .vet { font-weight: bold; font-size: 12pt; margin-top: 12pt; }
.sub { font-weight: bold; font-style: italic; } .rechts { text-align: right; font-weight: bold; }
table { border-collapse: collapse; margin-bottom: 8pt; } td { padding: 2pt 6pt; vertical-align: top; }
table.grid td { border: 0.5pt solid #000; } td.num { text-align: right; } tr.eerste td { font-weight: bold; }
table.kop { width: 100%; font-size: 9pt; } table.kop td:nth-child(odd) { font-weight: bold; }
table.regels td:first-child { font-weight: bold; width: 55mm; }
.punt { margin-left: 10mm; text-indent: -10mm; } .voetnoot { float: footnote; font-size: 8pt; }
table.strook { width: 100%; border-collapse: collapse; } table.strook td { border: 0.5pt solid #000; width: 33%; }
table.strook tr.label td { font-size: 7pt; color: #595959; border-bottom: none; padding-bottom: 0; }
table.strook tr.waarde td { font-size: 9pt; border-top: none; }
.stempel { border: 1pt solid #000; padding: 4pt 8pt; width: 70mm; margin-bottom: 10pt; }
"""


def _rows_html(rows: list[list[str]], cls: str, numbers: bool) -> str:
    e = html.escape
    body = "".join(
        f"<tr class='{'eerste' if i == 0 and numbers else ''}'>"
        + "".join(f"<td class='{'num' if j and i and numbers else ''}'>{e(c)}</td>" for j, c in enumerate(r))
        + "</tr>"
        for i, r in enumerate(rows)
    )
    return f"<table class='{cls}'>{body}</table>"


def _html_block(block: tuple, style: dict) -> str:
    e = html.escape
    soort = block[0]
    simple = {"rechts": "rechts", "titel": "titel", "onderwerp": "onderwerp", "sub": "sub"}
    if soort in simple:
        return f"<p class='{simple[soort]}'>{e(block[1])}</p>"
    if soort == "stempel":
        return "<div class='stempel'>" + "".join(f"<p>{e(r)}</p>" for r in block[1]) + "</div>"
    if soort == "vier":
        pairs = block[1]
        rows = [[*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", ""))] for i in range(0, len(pairs), 2)]
        return _rows_html(rows, "kop", False)
    if soort == "strook":
        rows = strook_rows(block[1])
        return (
            "<table class='strook'>"
            + "".join(
                f"<tr class='{'label' if i % 2 == 0 else 'waarde'}'>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>"
                for i, r in enumerate(rows)
            )
            + "</table><p></p>"
        )
    if soort == "regels":
        return _rows_html([[f"{a}:", b] for a, b in block[1]], "regels", False)
    if soort == "h" and style["koppen"] == "genummerd":
        return f"<h2>{e(f'{block[2]} {block[1]}' if block[2] else block[1])}</h2>"
    if soort == "h" and style["koppen"] == "onderstreept":
        return f"<p class='vet'><u>{e(block[1])}</u></p>"
    if soort == "h":
        return f"<p class='vet'>{e(block[1])}</p>"
    if soort == "p":
        note = f"<span class='voetnoot'>{e(block[2])}</span>" if block[2] else ""
        return f"<p>{e(block[1])}{note}</p>"
    if soort == "punt":
        return f"<p class='punt'>{e(block[1])}&#160;&#160;{e(block[2])}</p>"
    if soort == "table":
        tag = "i" if style["koppen"] == "genummerd" else "b"
        return f"<p><{tag}>{e(block[1])}</{tag}></p>" + _rows_html(block[2], "grid", True)
    if soort == "besluittabel":
        return _rows_html([list(r) for r in block[1]], "grid", True)
    if soort == "handtekening":
        cells = "".join(f"<td style='width:80mm'><p>{e(a)}</p><br/><p>{e(b)}</p></td>" for a, b in block[1])
        return f"<table><tr>{cells}</tr></table>"
    if soort == "break":
        return "<div style='break-before: page'></div>"
    raise ValueError(soort)


def write_html(blocks: list[tuple], style: dict, kop_tekst: str) -> str:
    font = '"Liberation Sans", Arial, sans-serif' if style["koppen"] == "vet" else '"DejaVu Sans", sans-serif'
    css = CSS.replace("{kop}", html.escape(kop_tekst).replace('"', "'")).replace("{font}", font)
    body = "".join(_html_block(b, style) for b in blocks)
    return f"<html lang='nl'><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


def make_heldout_corpus(root, styles=None) -> None:
    """tests/data/import/<zesde|zevende|achtste>/: per document .docx, .pdf (LibreOffice), .weasy.pdf
    (WeasyPrint), .txt (pdftotext of the LibreOffice PDF), and truth.json (the style's "content":
    content b unless it names another module, e.g. achtste's import_content_c)."""
    import importlib
    import json
    import subprocess
    import tempfile
    from pathlib import Path

    from import_styles_heldout import STYLES, blocks, running
    from weasyprint import HTML

    for naam, style in STYLES.items():
        if styles and naam not in styles:
            continue
        content = importlib.import_module(style.get("content", "import_content_b"))
        documents, truth = content.DOCUMENTS, content.truth
        out = Path(root) / naam
        out.mkdir(parents=True, exist_ok=True)
        waarheid = {}
        for stem, doc in documents.items():
            b, kop = blocks(doc, style), running(doc, style)
            write_docx(b, style, out / f"{stem}.docx", kop)
            HTML(string=write_html(b, style, kop)).write_pdf(str(out / f"{stem}.weasy.pdf"))
            with tempfile.TemporaryDirectory() as profiel:
                subprocess.run(
                    ["soffice", f"-env:UserInstallation=file://{profiel}", "--headless", "--convert-to", "pdf"]
                    + ["--outdir", str(out), str(out / f"{stem}.docx")],
                    check=True,
                    capture_output=True,
                    timeout=180,
                )
            tekst = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(out / f"{stem}.pdf"), "-"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            (out / f"{stem}.txt").write_text(tekst, encoding="utf-8")
            waarheid[stem] = truth(doc)
        (out / "truth.json").write_text(json.dumps(waarheid, ensure_ascii=False, indent=1), encoding="utf-8")
