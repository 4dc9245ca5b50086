"""The new proposal as a Word document whose changes against the old are tracked
changes (w:ins / w:del with author and date): Word's review pane walks through them."""
from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import formatting as fmt
from .diff import Tekst, Vergelijking
from .output import atomisch

_ID = itertools.count(1)


class Redline:
    def __init__(self, doc, auteur: str, moment: dt.datetime):
        self.doc, self.auteur, self.moment = doc, auteur, moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def wijziging(self, soort: str, tekst: str):
        el = OxmlElement(f"w:{soort}")
        el.set(qn("w:id"), str(next(_ID)))
        el.set(qn("w:author"), self.auteur)
        el.set(qn("w:date"), self.moment)
        el.append(_run(tekst, verwijderd=soort == "del"))
        return el

    def alinea(self, diff: Tekst, stijl: str = "Normal"):
        p = self.doc.add_paragraph(style=stijl)
        for op, stuk in diff.stukken:
            if op == "=":
                p._p.append(_run(stuk))
            else:
                p._p.append(self.wijziging("del" if op == "-" else "ins", stuk))
        return p

    def alineas(self, diff: Tekst) -> None:
        """Split a text diff on blank lines into paragraphs."""
        huidig: list[tuple[str, str]] = []
        for op, stuk in diff.stukken:
            delen = stuk.split("\n\n")
            for i, deel in enumerate(delen):
                if i:
                    self.alinea(Tekst(huidig))
                    huidig = []
                if deel:
                    huidig.append((op, deel))
        if huidig:
            self.alinea(Tekst(huidig))


def _run(tekst: str, verwijderd: bool = False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if verwijderd else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = tekst
    r.append(t)
    return r


def schrijf(v: Vergelijking, nieuw, doel: Path, auteur: str = "nota diff") -> None:
    from docxtpl import DocxTemplate
    tpl = DocxTemplate(str(nieuw.soort.docx))
    tpl.init_docx()
    inhoud = tpl.new_subdoc()
    red = Redline(inhoud, auteur, dt.datetime.now(dt.timezone.utc))
    inhoud.add_paragraph(str(getattr(nieuw.data, "onderwerp", "") or nieuw.pad.stem), style="Title")
    _velden(red, v)
    _punten(red, v)
    for s in v.secties:
        inhoud.add_paragraph(s.titel, style="Heading 1")
        red.alineas(s.tekst)
    for t in v.tabellen:
        _tabel(red, t)
    tpl.render({"inhoud": inhoud, "kopregel": f"Vergelijking · {nieuw.soort.titel}",
                "voetregel": str(nieuw.pad.name), "concept": False}, autoescape=True)
    tpl.docx.core_properties.title = f"Wijzigingen: {getattr(nieuw.data, 'onderwerp', '')}"
    with atomisch(doel) as tijdelijk:
        tpl.save(str(tijdelijk))


def _velden(red: Redline, v: Vergelijking) -> None:
    if not v.velden:
        return
    red.doc.add_paragraph("Kopgegevens", style="Heading 1")
    for f in v.velden:
        red.alinea(Tekst([("=", f"{f.label}: "), ("-", f.oud), ("+", f.nieuw)]))


def _punten(red: Redline, v: Vergelijking) -> None:
    red.doc.add_paragraph("Beslispunten", style="Heading 1")
    for p in v.punten:
        red.alinea(p.tekst, "List Number")


def _tabel(red: Redline, t) -> None:
    red.doc.add_paragraph(t.titel, style="Heading 2")
    tabel = red.doc.add_table(rows=1, cols=1 + len(t.kolommen))
    tabel.style = red.doc.styles["Table Grid"]
    for cel, kop in zip(tabel.rows[0].cells, ["Post"] + t.kolommen):
        cel.text = kop
    for r in t.rijen:
        cellen = tabel.add_row().cells
        _cel(red, cellen[0], Tekst([("=", r.label)]) if r.status == "gelijk" else
             Tekst([(_op(r.status), r.label)]) if r.status != "gewijzigd" else
             Tekst([("-", r.oud_label), ("+", r.label)]) if r.oud_label else Tekst([("=", r.label)]))
        for i, cel in enumerate(cellen[1:]):
            oud, nieuw = fmt.bedrag(r.oud[i]), fmt.bedrag(r.nieuw[i])
            _cel(red, cel, Tekst([("=", nieuw)]) if oud == nieuw else Tekst([("-", oud), ("+", nieuw)]))
            cel.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _op(status: str) -> str:
    return {"nieuw": "+", "vervallen": "-"}.get(status, "=")


def _cel(red: Redline, cel, diff: Tekst) -> None:
    p = cel.paragraphs[0]
    for op, stuk in diff.stukken:
        if stuk:
            p._p.append(_run(stuk) if op == "=" else red.wijziging("del" if op == "-" else "ins", stuk))
