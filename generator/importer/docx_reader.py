"""Word (.docx) into lines: headings, numbering from numbering.xml, tables with their cells.

Numbering is Word's own: a paragraph is numbered when it (or its style) has a
numPr whose level is not a bullet, whatever the style is called ("List
Paragraph", "Body Text", "List Number"). Bold and italic runs are kept as
markdown; a short paragraph that is bold throughout is a heading. Cells keep
their paragraphs apart (newline), merged cells keep their column.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.importer import guard
from generator.importer.regel import Regel


def read_docx(path: Path, data: bytes) -> list[Regel]:
    import io

    from docx import Document
    from docx.oxml.ns import qn

    guard.docx_parts(path, data)
    try:
        doc = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise NotaFout(Melding(f"is geen leesbaar Word-bestand (.docx): {e}", path)) from None
    except Exception as e:  # python-docx and lxml raise their own kinds for broken parts
        raise NotaFout(Melding(f"is geen leesbaar Word-bestand (.docx): {type(e).__name__}", path)) from None
    numbering = Numbering(doc)
    top = sections_level([lv for para in doc.paragraphs if (lv := _heading_level(para)) is not None])
    out: list[Regel] = _furniture(doc)
    notes = _footnotes(doc)
    for i, el in enumerate(doc.element.body.iterchildren(), 1):
        if el.tag == qn("w:p"):
            out += _paragraph(doc, el, i, numbering, top)
            out += [Regel(f"Voetnoot {n}: {notes[n]}", "tekst", i) for n in _references(el) if n in notes]
        elif el.tag == qn("w:tbl"):
            out += _table(el, i)
    return out


def _furniture(doc) -> list[Regel]:
    """The page headers and footers (running heads, a watermark's text) as furniture lines."""
    texts: dict[str, None] = {}
    for section in doc.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:  # none of its own
                continue
            for p in part.paragraphs:
                if _plain(p.text):
                    texts[_plain(p.text)] = None
    return [Regel(t, "meubilair", 0) for t in texts]


def _footnotes(doc) -> dict[str, str]:
    """Footnote id -> its text, from the footnotes part (none: {})."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    rel = next((r for r in doc.part.rels.values() if r.reltype == RT.FOOTNOTES and not r.is_external), None)
    if rel is None:
        return {}
    root = parse_xml(rel.target_part.blob)
    return {
        n.get(qn("w:id")): _plain("".join(t.text or "" for t in n.iter(qn("w:t"))))
        for n in root.iter(qn("w:footnote"))
        if n.get(qn("w:type")) in (None, "normal")
    }


def _references(el) -> list[str]:
    from docx.oxml.ns import qn

    return [r.get(qn("w:id")) for r in el.iter(qn("w:footnoteReference"))]


class Numbering:
    """numId -> level -> (format, start) from numbering.xml, and a counter per list."""

    def __init__(self, doc):
        from docx.oxml.ns import qn

        self.formats: dict[tuple[str, int], tuple[str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for a in root.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in a.iter(qn("w:lvl")):
                fmt, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), 0))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    int(start.get(qn("w:val"), 1)) if start is not None else 1,
                )
            abstract[a.get(qn("w:abstractNumId"))] = levels
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            for ilvl, value in abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}).items():
                self.formats[(num.get(qn("w:numId")), ilvl)] = value

    def label(self, num_id: str, ilvl: int) -> str | None:
        """ "3." for the next item of a numbered list, None for a bullet (or no list)."""
        fmt, start = self.formats.get((num_id, ilvl), ("bullet", 1))
        if fmt in ("bullet", "none") or num_id == "0":
            return None
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(self.formats.get((num_id, len(counters)), ("decimal", 1))[1] - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]
        return f"{counters[ilvl]}."


def _num_pr(p):
    """(numId, ilvl) of a paragraph, directly or through its style chain."""
    from docx.oxml.ns import qn

    pPr = p._p.pPr
    num = pPr.numPr if pPr is not None else None
    style_ = p.style
    while num is None and style_ is not None:
        spPr = style_.element.pPr
        num = spPr.numPr if spPr is not None else None
        style_ = style_.base_style
    if num is None or num.numId is None:
        return None
    ilvl = num.find(qn("w:ilvl"))
    return str(num.numId.val), int(ilvl.get(qn("w:val"), 0)) if ilvl is not None else 0


def sections_level(levels: list[int]) -> int:
    """The heading level of the sections, from the levels of the body's headings in order: the
    highest level used ("Kop 2" throughout: 2), unless that level only heads the document (one or
    two headings, the title and the onderwerp, before any deeper one): then the next level."""
    if not levels:
        return 1
    top = min(levels)
    deeper = [lv for lv in levels if lv > top]
    first_deeper = next((i for i, lv in enumerate(levels) if lv > top), None)
    if first_deeper is not None and levels.count(top) <= 2 and top not in levels[first_deeper:]:
        return min(deeper)
    return top


def _heading_level(p) -> int | None:
    """The level of a heading style ("Heading 2", Dutch "Kop 2" or style id "Kop2"), else None."""
    hit = re.fullmatch(r"(?:Heading|Kop)\s*(\d)", p.style.name if p.style is not None else "", re.IGNORECASE)
    return int(hit.group(1)) if hit and p.text.strip() else None


def _paragraph(doc, el, i: int, numbering: Numbering, top: int = 1) -> list[Regel]:
    from docx.text.paragraph import Paragraph

    p = Paragraph(el, doc)
    tekst, style_ = _plain(p.text), (p.style.name if p.style is not None else "")
    if not tekst:
        return [Regel("", "leeg", i)]
    if style_ == "Title":
        return [Regel(tekst, "titel", i)]
    if style_.startswith(("Heading", "Kop")):
        num = _num_pr(p)  # numbering through the heading style: the number as the reader sees it
        label = numbering.label(*num) if num is not None else None
        level = _heading_level(p)
        soort = "kop" if level is None or level <= top else "subkop"  # see sections_level
        return [Regel(f"{label} {tekst}" if label else tekst, soort, i)]
    num = _num_pr(p)
    if num is not None:
        label = numbering.label(*num)
        return [Regel(f"{label} {marked(p)}", "genummerd", i) if label else Regel(f"- {marked(p)}", "lijst", i)]
    if style_.startswith("List Bullet"):
        return [Regel(f"- {marked(p)}", "lijst", i)]
    if _all_bold(p) and len(tekst) <= 90 and not tekst.endswith((".", ",")):
        return [Regel(tekst, "kop", i), Regel("", "leeg", i)]
    return [Regel(marked(p), "tekst", i), Regel("", "leeg", i)]


def _all_bold(p) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def marked(p) -> str:
    """The paragraph's text with bold as **…** and italic as *…* (runs merged first)."""
    pieces: list[list] = []
    for r in p.runs:
        key = (bool(r.bold), bool(r.italic))
        if pieces and pieces[-1][0] == key:
            pieces[-1][1] += r.text
        else:
            pieces.append([key, r.text])
    if "".join(t for _, t in pieces) != p.text:  # hyperlinks, fields: text outside plain runs
        return _plain(p.text)
    if not pieces or len(pieces) == 1 and pieces[0][0] == (True, False):
        return _plain(p.text)  # bold throughout: the paragraph's style, not emphasis
    out = []
    for (bold, italic), t in pieces:
        core = t.strip()
        if not core or not (bold or italic):
            out.append(t)
            continue
        mark = "**" if bold and not italic else "*" if italic and not bold else "***"
        lead, trail = t[: len(t) - len(t.lstrip())], t[len(t.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return _plain("".join(out)) or _plain(p.text)


def _plain(tekst: str) -> str:
    """Word's non-breaking spaces (after €, in dates) as the plain spaces a YAML source has."""
    return tekst.replace("\u00a0", " ").replace("\u202f", " ").strip()


def _table(el, i: int) -> list[Regel]:
    from docx.oxml.ns import qn

    out = []
    for tr in el.iter(qn("w:tr")):
        cells = []
        for tc in tr.iterchildren(qn("w:tc")):
            tcPr = tc.find(qn("w:tcPr"))
            span = tcPr.find(qn("w:gridSpan")) if tcPr is not None else None
            merge = tcPr.find(qn("w:vMerge")) if tcPr is not None else None
            continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            paragraphs = [line for p in tc.iter(qn("w:p")) for line in _cell_lines(p)]
            cells.append("" if continued else "\n".join(x for x in paragraphs if x))
            cells += [""] * (int(span.get(qn("w:val"), 1)) - 1 if span is not None else 0)
        out.append(Regel("\t".join(cells), "rij", i))
    return out + [Regel("", "leeg", i)]


def _cell_lines(p) -> list[str]:
    """A paragraph of a table cell as its lines: a line break typed in it (Shift+Enter, as under a
    signature: "de secretaris," / "J. Smits") ends a line as a new paragraph does."""
    from docx.oxml.ns import qn

    text, br, t = "", qn("w:br"), qn("w:t")
    for node in p.iter(t, br, qn("w:cr")):
        if node.tag == t:
            text += node.text or ""
        elif node.get(qn("w:type")) in (None, "textWrapping"):
            text += "\n"
    return [_plain(line) for line in text.split("\n")]
