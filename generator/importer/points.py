"""How a point of a list is numbered, in every way municipalities type it, in one place.

"1. …", "1) …", "(1) …", "1: …" (typed, as Word users do without numbering), "a. …", "b) …", "(a) …",
"I. …", "IV) …", and bullets "-", "•", "*", "–", "▪". Used by the readers (a point starts a
new line, never continues the one before) and by the structure pass (the beslispunten).
"""

from __future__ import annotations

import re

BULLETS = "-•*–▪"
# mark, then the point's text; a bullet needs no separator, a number or letter one of . ) :
POINT = re.compile(
    r"^(?P<mark>\d{1,2}|[a-hA-H]|[IVX]{1,4}|[ivx]{1,4}|[-•*–▪])(?:(?<=[-•*–▪])|[.):])\s+(?P<tekst>\S.*)$"
)
# only the start of a point, for a reader deciding where a line begins (a capital and a full stop
# opening a line may be initials, "A. Jansen": not a point for the readers)
STARTS = re.compile(r"^\s*(\d{1,2}[.):]|[a-h][.)]|[A-H]\)|[IVX]{1,4}\)|\((\d{1,2}|[a-h])\)|[-•*–▪])\s")
_ENCLOSED = re.compile(r"^\((\d{1,2}|[a-hA-H]|[ivxIVX]{1,4})\)\s+")


def point(tekst: str) -> tuple[str, str] | None:
    """(mark, text) of a numbered, lettered or bulleted point; None for anything else. A letter
    or roman numeral before fewer than four words is initials ("A. Jansen", "I. de Vries")."""
    hit = POINT.match(_ENCLOSED.sub(r"\1) ", tekst.strip(), count=1))  # "(1) …", "(a) …" as "1) …"
    if hit is None:
        return None
    mark, rest = hit.group("mark"), hit.group("tekst")
    if mark.isalpha() and len(rest.split()) < 4:
        return None
    return mark, rest


def strip_mark(tekst: str) -> str:
    """The text of a point without its mark ("1: Een krediet …" -> "Een krediet …")."""
    found = point(tekst)
    return found[1] if found is not None else tekst


def is_first(mark: str) -> bool:
    """The mark that starts a list again: 1, a, A, I, i."""
    return mark in ("1", "a", "A", "I", "i")


# a point's mark and nothing else: what a reader prints on a line of its own when the mark was
# typed before a tab or hangs in the margin ("I." / "" / "De contracten …")
MARK_ALONE = re.compile(
    r"^\s*(\d{1,2}[.):]|[a-hA-H][.)]|[IVX]{1,4}[.):]|[ivx]{1,4}[.)]|\((\d{1,2}|[a-h]|[ivx]{1,4})\))\s*$"
)


def marks_joined(regels: list[str]) -> list[str]:
    """A mark alone on its line joined to the text under it (blank lines between aside); the
    text keeps its line, the mark's line and the blank ones stay as empty lines (line numbers
    keep their place)."""
    out = list(regels)
    for i, regel in enumerate(out):
        if not MARK_ALONE.match(regel):
            continue
        j = next((k for k in range(i + 1, min(i + 4, len(out))) if out[k].strip()), None)
        if j is None or MARK_ALONE.match(out[j]) or "\t" in out[j] or not out[j].strip()[:1].isalpha():
            continue
        out[j], out[i] = f"{regel.strip()} {out[j].strip()}", ""
    return out


def mark_and_text(cells: list[str]) -> str | None:
    """A row of two cells, a mark and a sentence ("I. | De contracten … te verlengen."): a point the
    reader printed as a row because of the tab after its mark; else None."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) != 2 or not MARK_ALONE.match(filled[0]) or len(filled[1].split()) < 4:
        return None
    return f"{filled[0]} {filled[1]}" if filled[1][:1].isalpha() else None
