"""The new proposal as a Word document whose changes against the old are tracked
changes (w:ins / w:del with author and date): Word's review pane walks through them."""
from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.render import formatting as fmt
from generator.diff.compare import TextDiff, Comparison
from generator.render.output import atomic

_ID = itertools.count(1)


class Redline:
    def __init__(self, doc, auteur: str, moment: dt.datetime):
        self.doc, self.auteur, self.moment = doc, auteur, moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def change(self, soort: str, tekst: str):
        el = OxmlElement(f"w:{soort}")
        el.set(qn("w:id"), str(next(_ID)))
        el.set(qn("w:author"), self.auteur)
        el.set(qn("w:date"), self.moment)
        el.append(_run(tekst, removed=soort == "del"))
        return el

    def paragraph(self, diff: TextDiff, style_: str = "Normal"):
        p = self.doc.add_paragraph(style=style_)
        for op, chunk in diff.pieces:
            if op == "=":
                p._p.append(_run(chunk))
            else:
                p._p.append(self.change("del" if op == "-" else "ins", chunk))
        return p

    def paragraphs(self, diff: TextDiff) -> None:
        """Split a text diff on blank lines into paragraphs."""
        current: list[tuple[str, str]] = []
        for op, chunk in diff.pieces:
            parts = chunk.split("\n\n")
            for i, part in enumerate(parts):
                if i:
                    self.paragraph(TextDiff(current))
                    current = []
                if part:
                    current.append((op, part))
        if current:
            self.paragraph(TextDiff(current))


def _run(tekst: str, removed: bool = False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if removed else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = tekst
    r.append(t)
    return r


def write(v: Comparison, nieuw, target: Path, auteur: str = "nota diff") -> None:
    from docxtpl import DocxTemplate
    tpl = DocxTemplate(str(nieuw.soort.docx))
    tpl.init_docx()
    inhoud = tpl.new_subdoc()
    red = Redline(inhoud, auteur, dt.datetime.now(dt.timezone.utc))
    inhoud.add_paragraph(str(getattr(nieuw.data, "onderwerp", "") or nieuw.path.stem), style="Title")
    _fields(red, v)
    _items(red, v)
    for s in v.secties:
        inhoud.add_paragraph(s.titel, style="Heading 1")
        red.paragraphs(s.tekst)
    for t in v.tabellen:
        _tabel(red, t)
    tpl.render({"inhoud": inhoud, "kopregel": f"Vergelijking · {nieuw.soort.titel}",
                "voetregel": str(nieuw.path.name), "concept": False}, autoescape=True)
    tpl.docx.core_properties.title = f"Wijzigingen: {getattr(nieuw.data, 'onderwerp', '')}"
    with atomic(target) as temporary:
        tpl.save(str(temporary))


def _fields(red: Redline, v: Comparison) -> None:
    if not v.velden:
        return
    red.doc.add_paragraph("Kopgegevens", style="Heading 1")
    for f in v.velden:
        red.paragraph(TextDiff([("=", f"{f.label}: "), ("-", f.oud), ("+", f.nieuw)]))


def _items(red: Redline, v: Comparison) -> None:
    red.doc.add_paragraph("Beslispunten", style="Heading 1")
    for p in v.punten:
        red.paragraph(p.tekst, "List Number")


def _tabel(red: Redline, t) -> None:
    red.doc.add_paragraph(t.titel, style="Heading 2")
    tabel = red.doc.add_table(rows=1, cols=1 + len(t.kolommen))
    tabel.style = red.doc.styles["Table Grid"]
    for cell, kop in zip(tabel.rows[0].cells, ["Post"] + t.kolommen):
        cell.text = kop
    for r in t.rijen:
        cells = tabel.add_row().cells
        _cell(red, cells[0], TextDiff([("=", r.label)]) if r.status == "gelijk" else
             TextDiff([(_at(r.status), r.label)]) if r.status != "gewijzigd" else
             TextDiff([("-", r.oud_label), ("+", r.label)]) if r.oud_label else TextDiff([("=", r.label)]))
        for i, cell in enumerate(cells[1:]):
            oud, nieuw = fmt.bedrag(r.oud[i]), fmt.bedrag(r.nieuw[i])
            _cell(red, cell, TextDiff([("=", nieuw)]) if oud == nieuw else TextDiff([("-", oud), ("+", nieuw)]))
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _at(status: str) -> str:
    return {"nieuw": "+", "vervallen": "-"}.get(status, "=")


def _cell(red: Redline, cell, diff: TextDiff) -> None:
    p = cell.paragraphs[0]
    for op, chunk in diff.pieces:
        if chunk:
            p._p.append(_run(chunk) if op == "=" else red.change("del" if op == "-" else "ins", chunk))
