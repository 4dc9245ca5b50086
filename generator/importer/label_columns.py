"""A header grid (rows of labels over rows of values) that pdftotext printed labels first, values
column after column, paired back.

    Onderwerp    | Kenmerk     | Datum              Onderwerp, Kenmerk, Datum, Wethouder,
    Speeltuin    | Z/24/1      | 3 maart 2024  ->   Afdeling, Steller, then Speeltuin,
    Wethouder    | Afdeling    | Steller            J. Jansen, Z/24/1, Ruimte, 3 maart 2024,
    J. Jansen    | Ruimte      | A. Booms           A. Booms  (what pdftotext prints)

A run of N label lines (N = W columns x R rows) is followed by its values column by column: the
value of the label in row r, column c is the r-th value of column c. A further row of the grid
with fewer labels prints its label and value inside a column; such lines are skipped (kept as
they are, for the structure pass to place or mark) where the column's first value does not have
the shape of its label's field. The pairing holds only when two labels at least are known and
every value under a known label has that field's shape; anything else is left as it was.
"""

from __future__ import annotations

import re
from itertools import product

from generator.importer.header import Labels
from generator.importer.points import point
from generator.importer.regel import Regel
from generator.importer.shapes import shape_fits

_WIDTHS = (3, 2, 4)
_NUMBERED = re.compile(r"^\d{1,2}(\.\d{1,2})*\.\s+[A-ZÀ-Þ]|^\d{1,2}(\.\d{1,2})+\s+[A-ZÀ-Þ]")  # "1. Inleiding", "1.1 …"
_INITIALS = re.compile(r"^([A-Z]\.\s?){1,4}\s*\S")  # "J. Jansen": a value, never a label
_MAX_SKIP = 3  # lines of a shorter grid row a column may hold before its values
_SHAPED = re.compile(r"@|^\+?[\d\s()-]{8,18}$")  # an e-mail address or a telephone number: a value of its own
_JOINS = re.compile(r"\b(de|het|een|en|of|van|over|voor|met|bij|in|op|aan|te|tot|naar|uit|om)$")


def by_columns(
    regels: list[Regel], names: list[int], after: list[int], labels: Labels
) -> tuple[dict[int, Regel], set[int]] | None:
    """(label line index -> its row, the value lines taken) for the labels at `names` and the value
    lines `after` them; None when no grid of 2 to 4 columns pairs them with every known label's
    value of its field's shape."""
    values = _unwrapped(regels, after)
    for width in _WIDTHS:
        if len(names) % width or len(names) // width < 2:
            continue
        pairs = _search(regels, names, values, width, labels)
        if pairs is not None:
            rows = {
                name: Regel(f"{regels[name].tekst}\t{value}", "rij", regels[name].number) for name, (value, _) in pairs
            }
            return rows, {k for _, (_, lines) in pairs for k in lines}
    return None


def _unwrapped(regels: list[Regel], after: list[int]) -> list[tuple[str, list[int]]]:
    """(value, its line indices): a line that opens in lower case, or follows one ending in a
    little word ("over de"), continues the line before it."""
    out: list[tuple[str, list[int]]] = []
    for k in after:
        tekst = regels[k].tekst.strip()
        if out and (tekst[:1].islower() or _JOINS.search(out[-1][0])) and not _SHAPED.search(tekst):
            out[-1] = (out[-1][0] + " " + tekst, out[-1][1] + [k])
        else:
            out.append((tekst, [k]))
    return out


def _search(
    regels: list[Regel], names: list[int], values: list[tuple[str, list[int]]], width: int, labels: Labels
) -> list[tuple[int, tuple[str, list[int]]]] | None:
    height = len(names) // width
    for skips in sorted(product(range(_MAX_SKIP + 1), repeat=width), key=sum):
        pairs, at = [], 0
        for column, skip in enumerate(skips):
            at += skip
            if at + height > len(values):
                break
            pairs += [(names[row * width + column], values[at + row]) for row in range(height)]
            at += height
        if len(pairs) == len(names) and pairs_fit(
            [regels[n].tekst for n, _ in pairs], [v for _, (v, _) in pairs], labels
        ):
            return pairs
    return None


def pairs_fit(names: list[str], values: list[str], labels: Labels) -> bool:
    """Labels paired with values line up: no label or point among the values, no name among
    the labels, every known label's value of its field's shape, and at least two known."""
    known = 0
    for name, value in zip(names, values):
        if labels.opens(value) or value.rstrip().endswith(":"):
            return False  # a label among the values ("Programma:"): the columns do not line up
        if _INITIALS.match(name) or point(value) is not None or _NUMBERED.match(value):
            return False  # a name among the labels, a point or a numbered heading among the values
        hit = labels.of(name, answers=True)
        if hit is None:
            continue
        if not shape_fits(hit[0], hit[1], value):
            return False
        known += 1
    return known >= 2
