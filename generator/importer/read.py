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

from generator.errors import Melding, NotaFout

_PAGE = re.compile(r"^\s*(pagina|page)\s+\d+(\s+van\s+\d+)?\s*$", re.IGNORECASE)


@dataclass
class Regel:
    tekst: str
    soort: str = "tekst"  # tekst | kop | titel | lijst | genummerd | rij | leeg
    number: int = 0  # the source line (1-based), for messages


def read(path: Path) -> list[Regel]:
    reader = {".txt": read_text, ".docx": read_docx, ".pdf": read_pdf}.get(path.suffix.lower())
    if reader is None:
        raise NotaFout(Melding("nota importeert .docx, .pdf en .txt; dit bestandstype niet", path))
    return reader(path)


def read_text(path: Path) -> list[Regel]:
    try:
        tekst = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        tekst = path.read_text(encoding="cp1252")
    return lines_from_text(tekst)


def lines_from_text(tekst: str) -> list[Regel]:
    out = []
    for i, r in enumerate(tekst.splitlines(), 1):
        r = r.rstrip()
        if "\t" in r and r.replace("\t", "").strip():
            out.append(Regel(r, "rij", i))
        else:
            out.append(Regel(r.strip(), "tekst" if r.strip() else "leeg", i))
    return out


def read_docx(path: Path) -> list[Regel]:
    from docx import Document
    from docx.oxml.ns import qn
    doc = Document(str(path))
    out: list[Regel] = []
    counters: dict[str, int] = {}
    for i, el in enumerate(doc.element.body.iterchildren(), 1):
        if el.tag == qn("w:p"):
            out += _docx_paragraph(doc, el, i, counters)
        elif el.tag == qn("w:tbl"):
            out += _docx_table(el, i)
    return out


def _docx_paragraph(doc, el, i: int, counters: dict) -> list[Regel]:
    from docx.text.paragraph import Paragraph
    p = Paragraph(el, doc)
    tekst, style_ = p.text.strip(), (p.style.name if p.style is not None else "")
    if not tekst:
        return [Regel("", "leeg", i)]
    if style_ == "Title":
        return [Regel(tekst, "titel", i)]
    if style_.startswith("Heading"):
        counters.clear()
        return [Regel(tekst, "kop" if style_ == "Heading 1" else "subkop", i)]
    num = p._p.pPr.numPr if p._p.pPr is not None else None
    if style_ == "List Number" or (num is not None and "Number" in style_):
        sleutel = str(num.numId.val) if num is not None and num.numId is not None else "x"
        counters[sleutel] = counters.get(sleutel, 0) + 1
        return [Regel(f"{counters[sleutel]}. {tekst}", "genummerd", i)]
    if style_ == "List Bullet" or num is not None:
        return [Regel(f"- {tekst}", "lijst", i)]
    return [Regel(tekst, "tekst", i), Regel("", "leeg", i)]


def _docx_table(el, i: int) -> list[Regel]:
    from docx.oxml.ns import qn
    out = []
    for tr in el.iter(qn("w:tr")):
        cells = ["".join(t.text or "" for t in tc.iter(qn("w:t"))).strip() for tc in tr.iter(qn("w:tc"))]
        out.append(Regel("\t".join(cells), "rij", i))
    return out + [Regel("", "leeg", i)]


def source_from_pdf(path: Path) -> bytes | None:
    """The source YAML a final nota PDF carries as attachment (relationship Source)."""
    import pikepdf
    with pikepdf.open(path) as pdf:
        for naam, bijlage in pdf.attachments.items():
            if naam.lower().endswith((".yaml", ".yml")) and bijlage.obj.get("/AFRelationship") == "/Source":
                return bijlage.get_file().read_bytes()
    return None


def read_pdf(path: Path) -> list[Regel]:
    if shutil.which("pdftotext") is None:
        raise NotaFout(Melding("pdftotext ontbreekt: installeer poppler-utils om PDF's te importeren", path))
    tekst = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True,
                           capture_output=True, text=True).stdout
    return lines_from_pdf_text(tekst)


def lines_from_pdf_text(tekst: str) -> list[Regel]:
    """PDF text: page headers/footers dropped, columns of 2+ spaces as table cells."""
    pages = tekst.split("\f")
    repeated = _header_and_footer(pages)
    out = []
    for i, r in enumerate(_join_split_rows(tekst.replace("\f", "\n").splitlines()), 1):
        clean = r.strip()
        if _PAGE.search(clean) or re.search(r"pagina\s+\d+\s+van\s+\d+\s*$", clean) or clean in repeated:
            continue
        if len(clean) == 1:  # a letter of the diagonal CONCEPT mark
            continue
        cells = [c for c in re.split(r"\s{2,}", clean) if c]
        if len(cells) > 1:
            out.append(Regel("\t".join(cells), "rij", i))
        else:
            out.append(Regel(" ".join(clean.split()), "tekst" if clean else "leeg", i))
    return out


def _join_split_rows(regels: list[str]) -> list[str]:
    """A table row split over two lines (label, then amounts far to the right) made one."""
    out: list[str] = []
    for r in regels:
        previous = out[-1] if out else ""
        if re.match(r"^\s{12,}\S", r) and re.search(r"\d", r) and previous.strip() \
                and len(re.split(r"\s{2,}", previous.strip())) == 1 and previous.startswith(" "):
            out[-1] = previous.rstrip() + "  " + r.strip()
        else:
            out.append(r)
    return out


def _header_and_footer(pages: list[str]) -> set[str]:
    """Lines that open or close most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    count: dict[str, int] = {}
    for p in pages:
        regels = [r.strip() for r in p.splitlines() if r.strip()]
        for r in set(regels[:1] + regels[-1:]):
            count[r] = count.get(r, 0) + 1
    return {r for r, n in count.items() if n >= len(pages) - 1}
