"""Build the house-style docxtpl template of every built-in kind.

    python3 tools/build_docx_templates.py

Each kind gets the same house style (A4, Open Sans, heading styles, a header
with the municipality and the kind, a footer with "pagina X van Y"); only the
placeholders below are filled by nota, so a municipality can restyle the
result in Word and keep them:

    {{ kopregel }}   header text, e.g. "Gemeente Maastricht · Collegenota"
    {{ voetregel }}  footer text, e.g. "Collegenota · 2021.01234"
    {% if concept %}CONCEPT{% endif %}   the mark of an undecided document
    {{p inhoud }}    the whole document body (headings, lists, tables)
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from ruamel.yaml import YAML
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
STIJLEN = {  # style: (size pt, bold, italic, colour, space before pt, space after pt)
    "Normal": (10, False, False, None, 0, 6),
    "Title": (18, True, False, None, 12, 12),
    "Heading 1": (13, True, False, ACCENT, 16, 4),
    "Heading 2": (10.5, True, False, None, 10, 2),
    "Heading 3": (10, True, True, None, 8, 2),
    "List Number": (10, False, False, None, 0, 3),
    "List Bullet": (10, False, False, None, 0, 3),
}


def _stijl(doc, naam, maat, bold, italic, kleur, before_, after):
    style_ = doc.styles[naam]
    style_.font.name = "Open Sans"
    style_.element.rPr.rFonts.set(qn("w:ascii"), "Open Sans")
    style_.element.rPr.rFonts.set(qn("w:hAnsi"), "Open Sans")
    for thema in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        style_.element.rPr.rFonts.attrib.pop(qn(thema), None)
    style_.font.size = Pt(maat)
    style_.font.bold, style_.font.italic = bold, italic
    style_.font.color.rgb = kleur or RGBColor(0x1A, 0x1A, 0x1A)
    style_.paragraph_format.space_before, style_.paragraph_format.space_after = Pt(before_), Pt(after)
    if naam.startswith("Heading") or naam == "Title":
        style_.paragraph_format.keep_with_next = True


def _field(run, instructie: str) -> None:
    for soort, tekst in (("begin", None), (None, instructie), ("end", None)):
        if soort:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), soort)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = tekst
        run._r.append(el)


def _header_and_footer(doc, sectie) -> None:
    for naam in ("Header", "Footer"):
        doc.styles[naam].paragraph_format.tab_stops.clear_all()
    kop = sectie.header.paragraphs[0]
    kop.text = "{{ kopregel }}"
    kop.paragraph_format.tab_stops.add_tab_stop(Mm(165), WD_TAB_ALIGNMENT.RIGHT)
    merk = kop.add_run("\t{% if concept %}CONCEPT{% endif %}")
    merk.bold, merk.font.color.rgb = True, RGBColor(0xBE, 0x1E, 0x1E)
    footer = sectie.footer.paragraphs[0]
    footer.text = "{{ voetregel }}\tpagina "
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(165), WD_TAB_ALIGNMENT.RIGHT)
    _field(footer.add_run(), "PAGE")
    footer.add_run(" van ")
    _field(footer.add_run(), "NUMPAGES")
    for p in (kop, footer):
        for r in p.runs:
            r.font.size = Pt(7.5)


def build(target: Path) -> None:
    doc = Document()
    for naam, values in STIJLEN.items():
        _stijl(doc, naam, *values)
    sectie = doc.sections[0]
    sectie.page_width, sectie.page_height = Mm(210), Mm(297)
    sectie.top_margin, sectie.bottom_margin = Mm(24), Mm(22)
    sectie.left_margin, sectie.right_margin = Mm(25), Mm(20)
    _header_and_footer(doc, sectie)
    doc.add_paragraph("{{p inhoud }}")
    doc.core_properties.author = "nota"
    doc.core_properties.title = "Huisstijlsjabloon"
    doc.save(target)


def main(argv) -> None:
    mappen = [Path(a) for a in argv] or sorted(p.parent for p in (ROOT / "templates").glob("*/kind.yaml"))
    mappen += [] if argv else [ROOT / "templates" / "_besluitenlijst"]
    for map_ in mappen:
        kind = map_ / "kind.yaml"
        raw = YAML(typ="safe").load(kind.read_text(encoding="utf-8")) if kind.is_file() else {}
        naam = ((raw or {}).get("sjablonen") or {}).get("docx", f"{map_.name.strip('_')}.docx")
        build(map_ / naam)
        print(f"geschreven: {map_ / naam}")


if __name__ == "__main__":
    main(sys.argv[1:])
