"""Writers for the house-style corpus: blocks (tests/import_styles.py) as Word (python-docx,
with Dutch style ids, numbering through styles, real footnotes, a watermark in the page
header and a landscape section) and as HTML for an independent PDF engine (WeasyPrint).
"""

from __future__ import annotations

import html
from copy import deepcopy

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DUTCH_IDS = {"Heading1": "Kop1", "Title": "Titel", "ListParagraph": "Lijstalinea"}
_NUMBERING = (
    f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
)
_FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
    '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:rPr>'
    '<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
    "{tekst}</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def _num(doc, num_id: str) -> str:
    """A fresh decimal list (its own w:num), so every list starts at 1."""
    from lxml import etree

    root = doc.part.numbering_part.element
    if root.find(f"{{{W}}}abstractNum[@{{{W}}}abstractNumId='90']") is None:
        first_num = root.find(f"{{{W}}}num")
        abstract = etree.fromstring(_NUMBERING)
        (first_num.addprevious(abstract) if first_num is not None else root.append(abstract))
    root.append(
        etree.fromstring(
            f'<w:num xmlns:w="{W}" w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return num_id


def _numbered(element, num_id: str) -> None:
    from docx.oxml import parse_xml

    ppr = element.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _footnote(doc, paragraph, tekst: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        _FOOTNOTES.replace("{tekst}", html.escape(tekst)).encode("utf-8"),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(
        parse_xml(
            f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
        )
    )


def write_docx(blocks: list[tuple], style: dict, path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Pt, RGBColor

    doc = Document()
    kop1 = doc.styles["Heading 1"]
    kop1.font.all_caps = style["caps"]
    if style["numbered_style"]:
        _numbered(kop1.element, _num(doc, "91"))
    if style["watermark"]:
        run = doc.sections[0].header.paragraphs[0].add_run(style["watermark"])
        run.font.size, run.font.color.rgb = Pt(28), RGBColor(0xC0, 0xC0, 0xC0)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.add_run(f"Gemeente Zuidwoude · {blocks[0][1]}")
    lists = 92
    for block in blocks:
        soort = block[0]
        if soort == "titel":
            doc.add_paragraph(block[1], style="Title")
        elif soort == "kop":
            table = doc.add_table(rows=0, cols=2)
            for label, waarde in block[1]:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label, waarde
            doc.add_paragraph()
        elif soort == "h":
            if block[2] or not style["numbered_style"]:
                doc.add_paragraph(block[1], style="Heading 1")
            else:
                doc.add_paragraph().add_run(block[1]).bold = True
        elif soort == "p":
            p = doc.add_paragraph(block[1])
            if block[2]:
                _footnote(doc, p, block[2])
        elif soort == "ol":
            num_id = _num(doc, str(lists))
            lists += 1
            for item in block[1]:
                _numbered(doc.add_paragraph(item, style="List Paragraph")._p, num_id)
        elif soort == "box":
            for regel in block[1]:
                doc.add_paragraph(regel)
        elif soort == "page":
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            landscape = block[1] == "landscape"
            section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
            width, height = sorted((section.page_width, section.page_height), reverse=landscape)
            section.page_width, section.page_height = width, height
        elif soort == "break":
            doc.add_page_break()
        elif soort == "table":
            _docx_table(doc, block)
    _dutch_ids(doc)
    doc.save(str(path))


def _docx_table(doc, block: tuple) -> None:
    _, titel, note, rows = block
    doc.add_paragraph().add_run(titel).bold = True
    if note:
        doc.add_paragraph(note).runs[0].italic = True
    table = doc.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for cell, tekst in zip(cells, row):
            cell.text = tekst
    doc.add_paragraph()


def _dutch_ids(doc) -> None:
    """The style ids Dutch Word writes (Kop1, Titel, Lijstalinea); names stay as Word's."""
    for el in doc.styles.element.iter(f"{{{W}}}style"):
        old = el.get(f"{{{W}}}styleId")
        if old in DUTCH_IDS:
            el.set(f"{{{W}}}styleId", DUTCH_IDS[old])
    for el in doc.styles.element.iter(f"{{{W}}}basedOn"):
        if el.get(f"{{{W}}}val") in DUTCH_IDS:
            el.set(f"{{{W}}}val", DUTCH_IDS[el.get(f"{{{W}}}val")])
    for el in doc.element.body.iter(f"{{{W}}}pStyle"):
        if el.get(f"{{{W}}}val") in DUTCH_IDS:
            el.set(f"{{{W}}}val", DUTCH_IDS[el.get(f"{{{W}}}val")])


CSS = """
@page { size: A4; margin: 22mm 20mm; @bottom-center { content: "Pagina " counter(page) " van " counter(pages); }
        @bottom-left { content: "Gemeente Zuidwoude · {titel}"; } }
@page wide { size: A4 landscape; }
body { font: 10.5pt "DejaVu Sans", sans-serif; }
h1.titel { font-size: 18pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; }
h2.caps { text-transform: uppercase; } table.kop td:first-child { font-weight: bold; width: 45mm; }
td { padding: 2pt 8pt; vertical-align: top; } td.num { text-align: right; }
.voetnoot { float: footnote; font-size: 8pt; }
.watermerk { position: fixed; top: 110mm; left: 30mm; font-size: 60pt; color: #ddd; transform: rotate(-40deg); }
section.wide { page: wide; }
"""


def write_html(blocks: list[tuple], style: dict) -> str:
    e = html.escape
    out, number = [], 0
    if style["watermark"]:
        out.append(f"<div class='watermerk'>{e(style['watermark'])}</div>")
    for block in blocks:
        soort = block[0]
        if soort == "titel":
            out.append(f"<h1 class='titel'>{e(block[1])}</h1>")
        elif soort == "kop":
            out.append(
                "<table class='kop'>"
                + "".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td></tr>" for a, b in block[1])
                + "</table>"
            )
        elif soort == "h":
            number += 1 if block[2] else 0
            label = f"{number}. " if block[2] and (style["numbered_style"] or style["caps"]) else ""
            out.append(f"<h2 class='{'caps' if style['caps'] else ''}'>{e(label + block[1])}</h2>")
        elif soort == "p":
            note = f"<span class='voetnoot'>{e(block[2])}</span>" if block[2] else ""
            out.append(f"<p>{e(block[1])}{note}</p>")
        elif soort == "ol":
            out.append("<ol>" + "".join(f"<li>{e(i)}</li>" for i in block[1]) + "</ol>")
        elif soort == "box":
            out.append("".join(f"<p>{e(r)}</p>" for r in block[1]))
        elif soort == "page" and block[1] == "landscape":
            out.append("<section class='wide'>")
        elif soort == "page":
            out.append("</section>")
        elif soort == "break":
            out.append("<div style='break-before: page'></div>")
        elif soort == "table":
            out.append(_html_table(block))
    css = CSS.replace("{titel}", e(blocks[0][1]))
    return f"<html lang='nl'><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(out)}</body></html>"


def _html_table(block: tuple) -> str:
    e = html.escape
    _, titel, note, rows = block
    head = f"<p><b>{e(titel)}</b></p>" + (f"<p><i>{e(note)}</i></p>" if note else "")
    body = "".join(
        "<tr>" + "".join(f"<td class='{'num' if j else ''}'>{e(c)}</td>" for j, c in enumerate(r)) + "</tr>"
        for r in deepcopy(rows)
    )
    return head + f"<table>{body}</table>"


def make_style_corpus(root, styles=None) -> None:
    """tests/data/import/<style>/: per document .docx, .pdf (LibreOffice), .weasy.pdf (WeasyPrint)
    and .txt (pdftotext of the LibreOffice PDF), and truth.json."""
    import json
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from import_content import DOCUMENTS, truth
    from import_styles import STYLES, blocks
    from weasyprint import HTML

    for naam, style in STYLES.items():
        if styles and naam not in styles:
            continue
        out = Path(root) / naam
        out.mkdir(parents=True, exist_ok=True)
        waarheid = {}
        for stem, doc in DOCUMENTS.items():
            b = blocks(doc, style, stem.capitalize())
            write_docx(b, style, out / f"{stem}.docx")
            HTML(string=write_html(b, style)).write_pdf(str(out / f"{stem}.weasy.pdf"))
            with tempfile.TemporaryDirectory() as profiel:
                subprocess.run(
                    [
                        "soffice",
                        f"-env:UserInstallation=file://{profiel}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(out),
                        str(out / f"{stem}.docx"),
                    ],
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
        shutil.rmtree(out / "__pycache__", ignore_errors=True)
