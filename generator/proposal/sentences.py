"""Sentences of a text: the one splitter, used by `nota diff` and the writing checks."""

from __future__ import annotations

import re
from functools import lru_cache

ENDS = ".!?:;"  # a sentence (or clause the diff treats as one) ends here, before white space
FULL_STOPS = ".!?"  # the end of a sentence as a reader counts it (the writing checks)
_STARTS = "A-Z0-9À-Ý\"'‘“("  # what the next sentence begins with, when a capital is asked for


@lru_cache(maxsize=8)
def _boundary(ends: str, capital_next: bool) -> re.Pattern[str]:
    after = rf"(?=[{_STARTS}])" if capital_next else ""
    return re.compile(rf"(?<=[{re.escape(ends)}])\s+{after}|\n\s*")


def sentences(tekst: str, ends: str = ENDS, capital_next: bool = False) -> list[str]:
    """`tekst` cut after each sentence (an end character of `ends` and white space, or a
    line break; with `capital_next` only where a capital, digit or quote follows); each
    part keeps its trailing white space, so the parts joined give `tekst` back."""
    out, pos = [], 0
    for m in _boundary(ends, capital_next).finditer(tekst):
        if m.end() > pos:
            out.append(tekst[pos : m.end()])
            pos = m.end()
    if pos < len(tekst):
        out.append(tekst[pos:])
    return out
