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
