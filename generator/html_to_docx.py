"""Word content from the HTML rendition, so the DOCX and the PDF never disagree.

The kind's HTML template (the same one WeasyPrint lays out) is walked and
each element becomes real Word structure in a python-docx document: headings
in Word heading styles, paragraphs with bold/italic runs and hyperlinks,
numbered and bulleted Word lists, and Word tables with right-aligned amounts.
Nothing here knows a kind: only HTML elements and a few shared class names.
"""
from __future__ import annotations

import re

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import html as lxml_html

from .docx_lists import Nummering

KOPSTIJL = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3",
            "h5": "Heading 3", "h6": "Heading 3"}
OVERSLAAN = {"lopende-kop", "lopende-voet", "conceptmerk", "teken"}
NIEUWE_PAGINA = {"nieuwe-pagina", "raadsbesluit"}
OPMAAK = {  # shared class names of the HTML templates -> run formatting
    "gemeente": {"bold": True, "size": 14, "kleur": "1F4E79"},
    "documentsoort": {"size": 8, "kleur": "555555", "caps": True},
    "intro": {"bold": True},
    "besluitkop": {"bold": True},
    "besluit-woord": {"bold": True},
}
BLOKKEN = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "div", "section",
           "header", "blockquote", "pre", "hr", "footer", "article", "main", "dl"}
NAAST_ELKAAR = "kolommen"  # a block whose children sit side by side (letterhead, signatures)
INVULLEN = {"tekenlijn", "invulveld"}  # an empty place to sign or fill in: a line
INVULLIJN = "_" * 28


def klassen(el) -> set[str]:
    return set((el.get("class") or "").split())


class HtmlNaarDocx:
    """Writes the body of an HTML document into a python-docx (sub)document."""

    def __init__(self, doc, nummering: Nummering):
        self.doc = doc
        self.nummering = nummering
        self.pagina_afbreken = False

    def schrijf(self, html: str) -> None:
        body = lxml_html.fromstring(html).find(".//body")
        self.blokken(body)

    def blokken(self, el) -> None:
        for kind in el:
            if not isinstance(kind.tag, str) or klassen(kind) & OVERSLAAN:
                continue
            self.blok(kind)

    def blok(self, el) -> None:
        if klassen(el) & NIEUWE_PAGINA:
            self.pagina_afbreken = True
        tag = el.tag
        if tag in KOPSTIJL:
            self.alinea(el, KOPSTIJL[tag])
        elif tag == "p":
            self.alinea(el, "Normal")
        elif tag in ("ul", "ol"):
            self.lijst(el, 0)
        elif tag == "table":
            from .docx_tables import tabel
            tabel(self, el)
        elif NAAST_ELKAAR in klassen(el):
            from .docx_tables import naast_elkaar
            naast_elkaar(self, el)
        elif tag == "dl":
            self.definities(el)
        elif tag == "pre":
            self.alinea(el, "Normal", code=True)
        elif tag == "hr":
            self.doc.add_paragraph()
        elif _heeft_blokken(el):
            self.blokken(el)
        elif (el.text_content() or "").strip():
            self.alinea(el, "Normal")

    def alinea(self, el, stijl: str, code: bool = False):
        p = self.doc.add_paragraph(style=stijl)
        if self.pagina_afbreken:
            p.paragraph_format.page_break_before = True
            self.pagina_afbreken = False
        self.runs(p, el, vet=False, cursief=False, code=code)
        for naam in klassen(el) & OPMAAK.keys():
            _opmaak(p, OPMAAK[naam])
        return p

    def runs(self, p, el, vet: bool, cursief: bool, code: bool = False, link: str | None = None):
        """Inline content of `el` as runs of paragraph `p`."""
        vet = vet or el.tag in ("strong", "b")
        cursief = cursief or el.tag in ("em", "i") or "nvt" in klassen(el)
        if el.tag == "a" and el.get("href"):
            link = el.get("href")
        if el.tag == "br":
            p.add_run().add_break(WD_BREAK.LINE)
        elif "teken" in klassen(el):
            self.statusteken(p, el)
        elif klassen(el) & INVULLEN:
            self.invullijn(p, el)
        elif el.text:
            self.run(p, el.text, vet, cursief, code, link)
        for kind in el:
            if isinstance(kind.tag, str) and not (klassen(kind) & (OVERSLAAN - {"teken"})):
                self.runs(p, kind, vet, cursief, code, link)
            if kind.tail:
                self.run(p, kind.tail, vet, cursief, code, link if kind.tag != "a" else None)

    def run(self, p, tekst: str, vet: bool, cursief: bool, code: bool, link: str | None):
        if not code:
            tekst = re.sub(r"\s+", " ", tekst)
            if not p.text or p.text.endswith(" "):
                tekst = tekst.lstrip()
        if not tekst:
            return
        if link:
            return hyperlink(p, link, tekst)
        r = p.add_run(tekst)
        r.bold, r.italic = vet or None, cursief or None
        if code:
            r.font.name = "DejaVu Sans Mono"

    def statusteken(self, p, el):
        kleur = el.get("data-kleur") or (el.getparent().get("data-kleur") if el.getparent() is not None else None)
        r = p.add_run(f"{el.get('data-teken') or '●'} ")
        if kleur:
            r.font.color.rgb = RGBColor.from_string(kleur.lstrip("#").upper())

    def invullijn(self, p, el) -> None:
        """A line to sign on (with room above it) or a blank to fill in."""
        p.add_run(INVULLIJN)
        if "tekenlijn" in klassen(el):
            p.paragraph_format.space_before = Pt(24)

    def definities(self, el) -> None:
        """<dl>: each term as a small label, its description as a paragraph below it."""
        for kind in el:
            if kind.tag == "dt":
                label = self.alinea(kind, "Normal")
                _opmaak(label, {"size": 7, "kleur": "555555", "caps": True})
                label.paragraph_format.space_after = Pt(0)
            elif kind.tag == "dd":
                self.alinea(kind, "Normal").paragraph_format.space_after = Pt(3)

    def lijst(self, el, niveau: int) -> None:
        geordend = el.tag == "ol"
        num_id = self.nummering.nieuwe_lijst(geordend, int(el.get("start", "1") or 1))
        for li in el.findall("li"):
            p = self.doc.add_paragraph(style="List Number" if geordend else "List Bullet")
            self.nummering.koppel(p, num_id, niveau)
            self.li_inhoud(p, li, niveau)

    def li_inhoud(self, p, li, niveau: int) -> None:
        if li.text and li.text.strip():
            self.run(p, li.text, False, False, False, None)
        for kind in li:
            if kind.tag in ("ul", "ol"):
                self.lijst(kind, niveau + 1)
            elif kind.tag == "p":
                self.runs(p, kind, False, False)
            elif isinstance(kind.tag, str):
                self.runs(p, kind, False, False)
            if kind.tail and kind.tail.strip():
                self.run(p, kind.tail, False, False, False, None)


def _opmaak(p, opmaak: dict) -> None:
    for r in p.runs:
        r.bold = opmaak.get("bold", r.bold)
        r.font.all_caps = opmaak.get("caps")
        if "size" in opmaak:
            r.font.size = Pt(opmaak["size"])
        if "kleur" in opmaak:
            r.font.color.rgb = RGBColor.from_string(opmaak["kleur"])


def _heeft_blokken(el) -> bool:
    return any(isinstance(k.tag, str) and k.tag in BLOKKEN for k in el)


def hyperlink(p, url: str, tekst: str) -> None:
    """A real w:hyperlink to `url` (an external relationship of the document part)."""
    r_id = p.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                            is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    stijl = OxmlElement("w:color")
    stijl.set(qn("w:val"), "1F4E79")
    onderstreept = OxmlElement("w:u")
    onderstreept.set(qn("w:val"), "single")
    rpr.extend([stijl, onderstreept])
    tekstelement = OxmlElement("w:t")
    tekstelement.text = tekst
    tekstelement.set(qn("xml:space"), "preserve")
    run.extend([rpr, tekstelement])
    link.append(run)
    p._p.append(link)

