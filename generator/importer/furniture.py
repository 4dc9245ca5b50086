"""Page furniture, recognised in one place: page numbers, running heads and footers, a
watermark, and what they still tell (the gemeente in "Gemeente Zuidwoude · Raadsvoorstel").

Each reader finds the furniture of its format with these rules and hands it on as lines
of soort "meubilair" (never as content); the structure pass takes only the gemeente from
them. Footnotes are no furniture: a Word footnote follows its paragraph (docx_reader), a
PDF's stays where the page prints it.
"""

from __future__ import annotations

import re

from generator.importer.regel import Regel

# a line that is only a page number: "Pagina 3 van 4", "page 2", "- 3 -", "3/12"
PAGE_NUMBER = re.compile(
    r"(pagina|page|blad)\s+\d+(\s+(van|of|/)\s+\d+)?\s*$|^\s*-?\s*\d+\s*(/\s*\d+)?\s*-?\s*$", re.IGNORECASE
)
# in running text only the spelled-out kind counts (a bare number may be an amount)
PAGE_LINE = re.compile(r"^\s*(pagina|page)\s+\d+(\s+(van|of)\s+\d+)?\s*$|pagina\s+\d+\s+van\s+\d+\s*$", re.IGNORECASE)
_GEMEENTE = re.compile(r"^Gemeente\s+([A-Z][\w'-]+(?:[ -](?:[A-Z][\w'-]+|aan|op|en|de))*)")


def shape(tekst: str) -> str:
    """A line with its numbers as #: "Pagina 3 van 4" and "Pagina 4 van 4" are one shape."""
    return re.sub(r"\d+", "#", tekst.strip().lower())


def running(pages: list[str]) -> set[str]:
    """Lines that open or close most pages of a text: running heads and footers, page
    numbers aside ("Raadsvoorstel 2020-010358 Pagina 3 van 5" on every page). A footer that
    stands at a page's edge once and on most pages elsewhere (pdftotext prints it where it
    reads it: between the columns of a table) is one too, when it is no short word."""
    pages = [p for p in pages if p.strip()]
    if len(pages) < 2:
        return set()
    count: dict[str, int] = {}
    anywhere: dict[str, int] = {}
    edges: list[str] = []
    everywhere: list[str] = []
    for p in pages:
        regels = [r.strip() for r in p.splitlines() if r.strip()]
        edges += regels[:1] + regels[-1:]
        everywhere += regels
        for s in {shape(r) for r in regels[:1] + regels[-1:]}:
            count[s] = count.get(s, 0) + 1
        for s in {shape(r) for r in regels}:
            anywhere[s] = anywhere.get(s, 0) + 1
    most = max(2, len(pages) - 1)
    found = {r for r in edges if count[shape(r)] >= most}
    return found | {r for r in everywhere if shape(r) in count and len(r) >= 12 and anywhere[shape(r)] >= most}


def level(char: dict) -> bool:
    """An upright, unturned character of a PDF; a diagonal watermark's letters are not."""
    matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    return bool(char.get("upright", True)) and abs(matrix[1]) < 0.01 and abs(matrix[2]) < 0.01


def lines(texts) -> list[Regel]:
    """Furniture handed on, once per text, in order."""
    return [Regel(t, "meubilair", 0) for t in dict.fromkeys(texts) if t.strip()]


def gemeente(tekst: str) -> str | None:
    """The gemeente a running head or logo line names: "Gemeente Den Helder · …" -> "Den Helder"."""
    hit = _GEMEENTE.match(tekst.strip())
    return hit.group(1) if hit else None
