"""Word content from the HTML rendition, so the DOCX and the PDF never disagree.

The kind's HTML template (the same one WeasyPrint lays out) is walked and
each element becomes real Word structure in a python-docx document: headings
in Word heading styles, paragraphs with bold/italic runs and hyperlinks,
numbered and bulleted Word lists, and Word tables with right-aligned amounts.
Nothing here knows a kind: only HTML elements and a few shared class names.
"""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml import html as lxml_html

from generator.render import housestyle
from generator.render.docx_images import picture
from generator.render.docx_lists import Numbering

HEADING_STYLE = {
    "h1": "Title",
    "h2": "Heading 1",
    "h3": "Heading 2",
    "h4": "Heading 3",
    "h5": "Heading 3",
    "h6": "Heading 3",
}
SKIP = {"lopende-kop", "lopende-voet", "conceptmerk", "teken"}
NEW_PAGE = {"nieuwe-pagina", "raadsbesluit"}
FORMATTING: dict[str, dict] = {  # shared class names of the HTML templates -> run formatting
    "gemeente": {"bold": True, "size": 14, "kleur": "accent"},  # colours: names of the house style
    "documentsoort": {"size": 8, "kleur": "gedempt", "caps": True},
    "intro": {"bold": True},
    "besluitkop": {"bold": True},
    "besluit-woord": {"bold": True},
    "veldlabel": {"size": 7, "kleur": "gedempt", "caps": True},
}
HEADING_CLASS = {"raadsbesluit-kop": "Heading 1"}  # a title inside the document: in the navigation pane
KEEP_WITH_NEXT = {"intro", "besluitkop", "besluit-woord", "veldlabel"}  # never alone at a page foot
KEEP_BLOCKS = {"ondertekening", "afsluiting"}  # their paragraphs stay with the signatures below
SPACING = {"veldlabel": (None, 0), "veldwaarde": (None, 3), "aldus": (12, None)}  # (before, after) in pt
BLOCKS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "div",
    "section",
    "header",
    "blockquote",
    "pre",
    "hr",
    "footer",
    "article",
    "main",
    "dl",
}
SIDE_BY_SIDE = "kolommen"  # a block whose children sit side by side (letterhead, signatures)
FILL_IN = {"tekenlijn", "invulveld"}  # an empty place to sign or fill in: a line
FILL_IN_LINE = "_" * 28
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def classes(el) -> set[str]:
    return set((el.get("class") or "").split())


class HtmlToDocx:
    """Writes the body of an HTML document into a python-docx (sub)document."""

    def __init__(self, doc, numbering: Numbering, huisstijl=None, folders: list | None = None, bron=None):
        self.doc = doc
        self.numbering = numbering
        self.huisstijl = huisstijl or housestyle.load_shared()
        self.folders = folders or []  # where images may be read from (docx_images)
        self.bron = bron  # the proposal's file, named in a refusal
        self.page_break = False
        self.keep = False  # inside a block whose paragraphs keep with the next

    def child(self, doc) -> "HtmlToDocx":
        """A writer for a cell of a table, sharing lists, house style and folders."""
        return type(self)(doc, self.numbering, self.huisstijl, self.folders, self.bron)

    def write(self, html: str) -> None:
        body = lxml_html.fromstring(html).find(".//body")
        self.blocks(body)

    def blocks(self, el) -> None:
        for child in el:
            if not isinstance(child.tag, str) or classes(child) & SKIP:
                continue
            self.block(child)

    def block(self, el) -> None:
        if classes(el) & NEW_PAGE:
            self.page_break = True
        tag = el.tag
        if classes(el) & KEEP_BLOCKS and not self.keep:
            self.keep = True
            try:
                return self.block(el)
            finally:
                self.keep = False
        if tag in HEADING_STYLE:
            heading = next((HEADING_CLASS[c] for c in classes(el) if c in HEADING_CLASS), HEADING_STYLE[tag])
            self.paragraph(el, heading)
        elif tag == "p":
            self.paragraph(el, "Normal")
        elif tag in ("ul", "ol"):
            self.list_(el, 0)
        elif tag == "table":
            from generator.render.docx_tables import tabel

            tabel(self, el)
        elif SIDE_BY_SIDE in classes(el):
            from generator.render.docx_tables import side_by_side

            side_by_side(self, el)
        elif tag == "dl":
            self.definitions(el)
        elif tag == "pre":
            self.paragraph(el, "Normal", code=True)
        elif tag == "img" or (tag == "figure" and el.find(".//img") is not None):
            p = self.paragraph(el, "Normal")
            if "logo" in classes(el):  # as in the PDF: at the right, above the letterhead
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif tag == "hr":
            self.doc.add_paragraph()
        elif has_blocks(el):
            self.blocks(el)
        elif (el.text_content() or "").strip():
            self.paragraph(el, "Normal")

    def paragraph(self, el, style_: str, code: bool = False):
        p = self.doc.add_paragraph(style=style_)
        if self.page_break:
            p.paragraph_format.page_break_before = True
            self.page_break = False
        self.runs(p, el, bold=False, italic=False, code=code)
        for name in classes(el) & FORMATTING.keys():
            _formatting(p, FORMATTING[name], self.huisstijl)
        if self.keep or classes(el) & KEEP_WITH_NEXT:
            p.paragraph_format.keep_with_next = True
        for name in classes(el) & SPACING.keys():
            before, after = SPACING[name]
            if before is not None:
                p.paragraph_format.space_before = Pt(before)
            if after is not None:
                p.paragraph_format.space_after = Pt(after)
        return p

    def runs(self, p, el, bold: bool, italic: bool, code: bool = False, link: str | None = None):
        """Inline content of `el` as runs of paragraph `p`."""
        bold = bold or el.tag in ("strong", "b")
        italic = italic or el.tag in ("em", "i") or "nvt" in classes(el)
        if el.tag == "a" and el.get("href"):
            link = el.get("href")
        if el.tag == "br":
            p.add_run().add_break(WD_BREAK.LINE)
        elif el.tag == "img":
            picture(self, p, el)
        elif "teken" in classes(el):
            self.status_mark(p, el)
        elif classes(el) & FILL_IN:
            self.fill_in_line(p, el)
        elif "heel" in classes(el) and el.text and not len(el):
            self.unbroken(p, el.text, bold, italic)
        elif el.text:
            self.run(p, el.text, bold, italic, code, link)
        for child in el:
            if isinstance(child.tag, str) and not (classes(child) & (SKIP - {"teken"})):
                self.runs(p, child, bold, italic, code, link)
            if child.tail:
                self.run(p, child.tail, bold, italic, code, link if child.tag != "a" else None)

    def run(self, p, text: str, bold: bool, italic: bool, code: bool, link: str | None):
        if not code:
            text = _SPACES.sub(" ", text)  # not \s: the no-break space after "€" stays
            if not p.text or p.text.endswith(" "):
                text = text.lstrip()
        if not text:
            return
        if link:
            return hyperlink(p, link, text, self.huisstijl.kleur("accent"))
        r = p.add_run(text)
        r.bold, r.italic = bold or None, italic or None
        if code:
            r.font.name = "DejaVu Sans Mono"

    def unbroken(self, p, text: str, bold: bool, italic: bool) -> None:
        """A hyphenated word with Word's no-break hyphens, so it never breaks at the hyphen."""
        r = p.add_run()
        r.bold, r.italic = bold or None, italic or None
        for i, part in enumerate(text.split("-")):
            if i:
                r._r.append(OxmlElement("w:noBreakHyphen"))
            if part:
                t = OxmlElement("w:t")
                t.text = part
                t.set(qn("xml:space"), "preserve")
                r._r.append(t)

    def holds_blocks(self, el) -> bool:
        """Whether `el` holds paragraphs, lists or other blocks (a table cell)."""
        return has_blocks(el)

    def cell_blocks(self, cell, el, bold: bool) -> None:
        """The content of a table cell holding blocks into python-docx `cell`: each
        block its own paragraph (a list as list paragraphs), and the text and
        inline elements between blocks a paragraph of their own."""
        writer, loose = self.child(cell), None  # loose: the paragraph for text between blocks
        parts = [(None, el.text)] + [(child, child.tail) for child in el]
        for child, text in parts:
            if child is not None and isinstance(child.tag, str) and child.tag in BLOCKS:
                if not classes(child) & SKIP:
                    writer.block(child)
                loose = None
            elif child is not None and isinstance(child.tag, str):
                loose = loose or cell.add_paragraph()
                self.runs(loose, child, bold=bold, italic=False)
            if text and text.strip():
                loose = loose or cell.add_paragraph()
                self.run(loose, text, bold, False, False, None)

    def status_mark(self, p, el):
        colour = el.get("data-kleur") or (el.getparent().get("data-kleur") if el.getparent() is not None else None)
        r = p.add_run(f"{el.get('data-teken') or '●'} ")
        if colour:
            r.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())

    def fill_in_line(self, p, el) -> None:
        """A line to sign on (with room above it) or a blank to fill in."""
        p.add_run(FILL_IN_LINE)
        if "tekenlijn" in classes(el):
            p.paragraph_format.space_before = Pt(24)

    def definitions(self, el) -> None:
        """<dl>: each term as a small label, its description as a paragraph below it."""
        for child in el:
            if child.tag == "dt":
                label = self.paragraph(child, "Normal")
                _formatting(label, {"size": 7, "kleur": "gedempt", "caps": True}, self.huisstijl)
                label.paragraph_format.space_after = Pt(0)
            elif child.tag == "dd":
                self.paragraph(child, "Normal").paragraph_format.space_after = Pt(3)

    def list_(self, el, level: int) -> None:
        ordered = el.tag == "ol"
        num_id = self.numbering.new_list(ordered, int(el.get("start", "1") or 1))
        for li in el.findall("li"):
            p = self.doc.add_paragraph(style="List Number" if ordered else "List Bullet")
            self.numbering.pair(p, num_id, level)
            self.li_content(p, li, level)

    def li_content(self, p, li, level: int) -> None:
        if li.text and li.text.strip():
            self.run(p, li.text, False, False, False, None)
        for child in li:
            if child.tag in ("ul", "ol"):
                self.list_(child, level + 1)
            elif child.tag == "p":
                self.runs(p, child, False, False)
            elif isinstance(child.tag, str):
                self.runs(p, child, False, False)
            if child.tail and child.tail.strip():
                self.run(p, child.tail, False, False, False, None)


def _formatting(p, formatting: dict, huisstijl) -> None:
    for r in p.runs:
        r.bold = formatting.get("bold", r.bold)
        r.font.all_caps = formatting.get("caps")
        if "size" in formatting:
            r.font.size = Pt(formatting["size"])
        if "kleur" in formatting:
            r.font.color.rgb = RGBColor.from_string(huisstijl.kleur(formatting["kleur"]))


def has_blocks(el) -> bool:
    return any(isinstance(k.tag, str) and k.tag in BLOCKS for k in el)


def hyperlink(p, url: str, text: str, colour: str) -> None:
    """A real w:hyperlink to `url` (an external relationship of the document part)."""
    r_id = p.part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style_ = OxmlElement("w:color")
    style_.set(qn("w:val"), colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.extend([style_, underline])
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.extend([rpr, text_element])
    link.append(run)
    p._p.append(link)
