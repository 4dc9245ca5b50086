"""Reading old documents into lines: .txt as is, .docx paragraphs and tables, .pdf text.

Every reader gives a list of `Regel`s: the text, and whether it is a heading,
a list item or a table row (cells separated by tabs), so the structure pass
can work the same on all three.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import Melding, NotaFout

_PAGINA = re.compile(r"^\s*(pagina|page)\s+\d+(\s+van\s+\d+)?\s*$", re.IGNORECASE)


@dataclass
class Regel:
    tekst: str
    soort: str = "tekst"  # tekst | kop | titel | lijst | genummerd | rij | leeg
    nummer: int = 0  # the source line (1-based), for messages


def lees(pad: Path) -> list[Regel]:
    lezer = {".txt": lees_tekst, ".docx": lees_docx, ".pdf": lees_pdf}.get(pad.suffix.lower())
    if lezer is None:
        raise NotaFout(Melding("nota importeert .docx, .pdf en .txt; dit bestandstype niet", pad))
    return lezer(pad)


def lees_tekst(pad: Path) -> list[Regel]:
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        tekst = pad.read_text(encoding="cp1252")
    return regels_uit_tekst(tekst)


def regels_uit_tekst(tekst: str) -> list[Regel]:
    uit = []
    for i, r in enumerate(tekst.splitlines(), 1):
        r = r.rstrip()
        if "\t" in r and r.replace("\t", "").strip():
            uit.append(Regel(r, "rij", i))
        else:
            uit.append(Regel(r.strip(), "tekst" if r.strip() else "leeg", i))
    return uit


def lees_docx(pad: Path) -> list[Regel]:
    from docx import Document
    from docx.oxml.ns import qn
    doc = Document(str(pad))
    uit: list[Regel] = []
    tellers: dict[str, int] = {}
    for i, el in enumerate(doc.element.body.iterchildren(), 1):
        if el.tag == qn("w:p"):
            uit += _docx_alinea(doc, el, i, tellers)
        elif el.tag == qn("w:tbl"):
            uit += _docx_tabel(el, i)
    return uit


def _docx_alinea(doc, el, i: int, tellers: dict) -> list[Regel]:
    from docx.text.paragraph import Paragraph
    p = Paragraph(el, doc)
    tekst, stijl = p.text.strip(), (p.style.name if p.style is not None else "")
    if not tekst:
        return [Regel("", "leeg", i)]
    if stijl == "Title":
        return [Regel(tekst, "titel", i)]
    if stijl.startswith("Heading"):
        tellers.clear()
        return [Regel(tekst, "kop" if stijl == "Heading 1" else "subkop", i)]
    num = p._p.pPr.numPr if p._p.pPr is not None else None
    if stijl == "List Number" or (num is not None and "Number" in stijl):
        sleutel = str(num.numId.val) if num is not None and num.numId is not None else "x"
        tellers[sleutel] = tellers.get(sleutel, 0) + 1
        return [Regel(f"{tellers[sleutel]}. {tekst}", "genummerd", i)]
    if stijl == "List Bullet" or num is not None:
        return [Regel(f"- {tekst}", "lijst", i)]
    return [Regel(tekst, "tekst", i), Regel("", "leeg", i)]


def _docx_tabel(el, i: int) -> list[Regel]:
    from docx.oxml.ns import qn
    uit = []
    for tr in el.iter(qn("w:tr")):
        cellen = ["".join(t.text or "" for t in tc.iter(qn("w:t"))).strip() for tc in tr.iter(qn("w:tc"))]
        uit.append(Regel("\t".join(cellen), "rij", i))
    return uit + [Regel("", "leeg", i)]


def bron_uit_pdf(pad: Path) -> bytes | None:
    """The source YAML a final nota PDF carries as attachment (relationship Source)."""
    import pikepdf
    with pikepdf.open(pad) as pdf:
        for naam, bijlage in pdf.attachments.items():
            if naam.lower().endswith((".yaml", ".yml")) and bijlage.obj.get("/AFRelationship") == "/Source":
                return bijlage.get_file().read_bytes()
    return None


def lees_pdf(pad: Path) -> list[Regel]:
    if shutil.which("pdftotext") is None:
        raise NotaFout(Melding("pdftotext ontbreekt: installeer poppler-utils om PDF's te importeren", pad))
    tekst = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pad), "-"], check=True,
                           capture_output=True, text=True).stdout
    return regels_uit_pdftekst(tekst)


def regels_uit_pdftekst(tekst: str) -> list[Regel]:
    """PDF text: page headers/footers dropped, columns of 2+ spaces as table cells."""
    paginas = tekst.split("\f")
    herhaald = _kop_en_voet(paginas)
    uit = []
    for i, r in enumerate(_voeg_gesplitste_rijen(tekst.replace("\f", "\n").splitlines()), 1):
        schoon = r.strip()
        if _PAGINA.search(schoon) or re.search(r"pagina\s+\d+\s+van\s+\d+\s*$", schoon) or schoon in herhaald:
            continue
        if len(schoon) == 1:  # a letter of the diagonal CONCEPT mark
            continue
        cellen = [c for c in re.split(r"\s{2,}", schoon) if c]
        if len(cellen) > 1:
            uit.append(Regel("\t".join(cellen), "rij", i))
        else:
            uit.append(Regel(" ".join(schoon.split()), "tekst" if schoon else "leeg", i))
    return uit


def _voeg_gesplitste_rijen(regels: list[str]) -> list[str]:
    """A table row split over two lines (label, then amounts far to the right) made one."""
    uit: list[str] = []
    for r in regels:
        vorige = uit[-1] if uit else ""
        if re.match(r"^\s{12,}\S", r) and re.search(r"\d", r) and vorige.strip() \
                and len(re.split(r"\s{2,}", vorige.strip())) == 1 and vorige.startswith(" "):
            uit[-1] = vorige.rstrip() + "  " + r.strip()
        else:
            uit.append(r)
    return uit


def _kop_en_voet(paginas: list[str]) -> set[str]:
    """Lines that open or close most pages: running headers and footers."""
    if len(paginas) < 3:
        return set()
    tellen: dict[str, int] = {}
    for p in paginas:
        regels = [r.strip() for r in p.splitlines() if r.strip()]
        for r in set(regels[:1] + regels[-1:]):
            tellen[r] = tellen.get(r, 0) + 1
    return {r for r, n in tellen.items() if n >= len(paginas) - 1}
