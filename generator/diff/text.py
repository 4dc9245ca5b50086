"""The difference between two texts, readable and in linear-ish time.

First sentence by sentence (a sentence ends at . ! ? : ; before white space, or at a line
break): unchanged sentences are passed over whole. Then, within each changed stretch,
word by word where few words changed, and the whole sentence out and in where most did
(word-by-word interleaving of a rewritten paragraph cannot be read). Both steps use
rapidfuzz's bit-parallel LCS (O(N·M/64) with no bad cases), so 20,000-word sections
take well under a second; difflib's matcher was quadratic on repeated words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from generator.proposal.sentences import sentences

WORD = re.compile(r"\s+|\S+\s*")
MOSTLY_SAME = 0.5  # share of words unchanged from which a sentence is shown word by word
WORD_PAIRS = 25_000_000  # old × new words of one changed stretch above which it is shown whole


@dataclass
class TextDiff:
    """A diff as (op, text) pieces, op '=' same, '-' removed, '+' added; a change shows
    its removed piece before its added one."""

    pieces: list[tuple[str, str]]

    @property
    def gelijk(self) -> bool:
        return all(op == "=" for op, _ in self.pieces)


def blocks(a: list[str], b: list[str]) -> list[tuple[bool, int, int, int, int]]:
    """(same, i1, i2, j1, j2) stretches of `a` and `b`, compared on their stripped text;
    the changed stretches are maximal (a removal next to an addition is one stretch)."""
    out: list[tuple[bool, int, int, int, int]] = []
    for op in Indel.opcodes([x.strip() for x in a], [y.strip() for y in b]):
        same = op.tag == "equal"
        if out and not same and not out[-1][0]:
            _, i1, _, j1, _ = out[-1]
            out[-1] = (False, i1, op.src_end, j1, op.dest_end)
        else:
            out.append((same, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return out


def text_diff(oud: str, nieuw: str) -> TextDiff:
    a, b = sentences(oud or ""), sentences(nieuw or "")
    pieces: list[tuple[str, str]] = []
    for same, i1, i2, j1, j2 in blocks(a, b):
        if same:
            pieces.append(("=", "".join(b[j1:j2])))
        elif i2 - i1 == j2 - j1:  # as many sentences out as in: each one against its counterpart
            for x, y in zip(a[i1:i2], b[j1:j2]):
                pieces += _changed(x, y)
        else:
            pieces += _changed("".join(a[i1:i2]), "".join(b[j1:j2]))
    return TextDiff(_merge(pieces))


def _changed(oud: str, nieuw: str) -> list[tuple[str, str]]:
    """A changed sentence (or stretch): word by word if most words stayed, else whole."""
    if not oud.strip() or not nieuw.strip():
        return [("-", oud), ("+", nieuw)]
    a, b = WORD.findall(oud), WORD.findall(nieuw)
    if len(a) * len(b) > WORD_PAIRS:  # thousands of sentences in a row changed: bound the work
        return _whole(oud, "-") + _whole(nieuw, "+")
    words = blocks(a, b)
    kept = sum(i2 - i1 for same, i1, i2, _, _ in words if same and a[i1].strip())
    if kept < MOSTLY_SAME * max(_count(a), _count(b)):
        return _whole(oud, "-") + _whole(nieuw, "+")
    pieces: list[tuple[str, str]] = []
    for same, i1, i2, j1, j2 in words:
        if same:
            pieces.append(("=", "".join(b[j1:j2])))
        else:
            pieces += _spaced("".join(a[i1:i2]), "".join(b[j1:j2]))
    return pieces


def _count(words: list[str]) -> int:
    return sum(1 for w in words if w.strip())


def _whole(tekst: str, op: str) -> list[tuple[str, str]]:
    """A whole sentence as removed or added; its trailing white space stays outside
    the change, so the next sentence still starts on its own."""
    kern = tekst.rstrip()
    return [(op, kern)] + ([("=", tekst[len(kern) :])] if op == "+" and len(kern) < len(tekst) else [])


def _spaced(oud: str, nieuw: str) -> list[tuple[str, str]]:
    """A word-level change; white space that both sides end in is kept outside it."""
    staart = ""
    if oud and nieuw:
        a, b = oud.rstrip(), nieuw.rstrip()
        if len(a) < len(oud) and len(b) < len(nieuw):
            staart, oud, nieuw = nieuw[len(b) :], a, b
    return [(op, t) for op, t in (("-", oud), ("+", nieuw)) if t] + ([("=", staart)] if staart else [])


def _merge(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent pieces of the same kind as one; removals before additions."""
    out: list[tuple[str, str]] = []
    for op, t in pieces:
        if not t:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + t)
        elif op == "-" and out and out[-1][0] == "+" and len(out) > 1 and out[-2][0] == "-":
            out[-2] = ("-", out[-2][1] + t)
        else:
            out.append((op, t))
    return out
