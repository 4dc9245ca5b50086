"""Build the house-style docxtpl template of every built-in kind.

    python3 tools/build_docx_templates.py

Each kind gets the same house style: colours, font, margins from
templates/_gedeeld/huisstijl.yaml (the one source, which nota applies again
at every render), sizes and spacing of the heading styles below, a header
with the municipality and the kind, a footer with "pagina X van Y". Only the
placeholders below are filled by nota, so a municipality can restyle the
result in Word and keep them:

    {{ kopregel }}   header text, e.g. "Gemeente Maastricht · Collegenota"
    {{ voetregel }}  footer text, e.g. "Collegenota · 2021.01234"
    {% if concept %}CONCEPT{% endif %}   the mark of an undecided document
    {{p inhoud }}    the whole document body (headings, lists, tables)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from ruamel.yaml import YAML
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.render import docx_style, housestyle  # noqa: E402  (run as a script from a checkout)

STIJLEN = {  # style: (size pt, bold, italic, space before pt, space after pt); colours: huisstijl.yaml
    "Normal": (10, False, False, 0, 6),
    "Title": (18, True, False, 12, 12),
    "Heading 1": (13, True, False, 16, 4),
    "Heading 2": (10.5, True, False, 10, 2),
    "Heading 3": (10, True, True, 8, 2),
    "List Number": (10, False, False, 0, 3),
    "List Bullet": (10, False, False, 0, 3),
}


def _stijl(doc, naam, maat, bold, italic, before_, after):
    style_ = doc.styles[naam]
    style_.font.size = Pt(maat)
    style_.font.bold, style_.font.italic = bold, italic
    style_.paragraph_format.space_before, style_.paragraph_format.space_after = Pt(before_), Pt(after)


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
    merk.bold = True  # its colour: huisstijl.yaml's concept
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
    _header_and_footer(doc, doc.sections[0])
    docx_style.apply(doc, housestyle.load_shared((ROOT / "templates",)), fonts=False)
    doc.add_paragraph("{{p inhoud }}")
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # fixed: a rebuild changes no bytes
    docx_style.properties(
        doc, titel="Huisstijlsjabloon", onderwerp="", auteur="", trefwoorden="", created=moment, modified=moment
    )
    target.write_bytes(docx_style.stable_bytes(doc, moment))


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
