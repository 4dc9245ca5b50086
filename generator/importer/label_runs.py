"""A header table that pdftotext printed column by column, paired back into rows.

A two-column header table comes out of pdftotext as its label column first and its value
column after it:

    Zaaknr.            Z/24/118342
    Datum advies   ->  12 november 2024      (what the table says)
    Portefeuille       J. de Vries

    Zaaknr.
    Datum advies                              (what pdftotext prints)
    Portefeuille
    Z/24/118342
    12 november 2024
    J. de Vries

A run of N short label lines followed by N value lines is paired back, by order, into
table rows ("label<TAB>value"), when at least two of the labels are ones the kind knows and
every value of a known label has that field's shape (a date for a date, an option of a keuze
field, an e-mail address, a telephone number, a kenmerk with a digit). Anything else is left
as it was: the structure pass then keeps what it cannot place, marked. Anywhere in the document,
a decision recorded in a small table comes out the same way ("Datum collegevergadering",
"Besluit", "Agendapunt", then "3 december 2024", "Conform advies", "B.4"): paired when the date
label's value is a date and the label after it holds an outcome.
"""

from __future__ import annotations

import re

from generator.importer.besluitvak import decision_record, record_label
from generator.importer.guess import is_label
from generator.importer.header import Labels
from generator.importer.label_columns import by_columns, pairs_fit
from generator.importer.regel import Regel
from generator.importer.shapes import shape_fits

MIN_RUN = 3
_MAX_RUN = 40  # a header or a decision record has no more rows: the scan stays linear in the document
_HEADER_LINES = 120  # a header table stands near the top


def paired(regels: list[Regel], labels: Labels) -> list[Regel]:
    """The lines, with every label run and its value run made table rows."""
    regels = unbroken(regels, labels)
    lines = [k for k, r in enumerate(regels) if r.soort == "tekst"]
    rows: dict[int, Regel] = {}  # index of a label line -> the row that replaces it
    gone: set[int] = set()  # indices of value lines taken into a row
    i, pairwise = 0, 0
    while i < len(lines):
        n = _run(regels, lines, i, labels, header=pairwise < 2)
        pairwise += not n and i + 1 < len(lines) and _strong_pair(regels, lines[i], lines[i + 1], labels)
        grid = None if n or pairwise >= 2 or lines[i] >= _HEADER_LINES else _grid(regels, lines, i, labels)
        if grid is not None:
            rows.update(grid[0])
            gone |= grid[1]
            lines = [k for k in lines if k not in gone]  # the values taken are paired with no other label
            i += len(grid[0])
        elif n:
            for label_at, value_at in zip(lines[i : i + n], lines[i + n : i + 2 * n]):
                rows[label_at] = Regel(
                    f"{regels[label_at].tekst}\t{regels[value_at].tekst}", "rij", regels[label_at].number
                )
                gone.add(value_at)
            i += 2 * n
        else:
            i += 1
    if not rows:
        return regels
    return [rows.get(k, r) for k, r in enumerate(regels) if k not in gone]


def _grid(regels: list[Regel], lines: list[int], i: int, labels: Labels) -> tuple[dict[int, Regel], set[int]] | None:
    """A grid of labels over values printed labels first, values column by column (label_columns.py)."""
    if labels.of(regels[lines[i]].tekst) is None:
        return None
    longest, n, known = 0, 0, 0
    while i + longest < len(lines) and longest < _MAX_RUN and is_label(regels[lines[i + longest]].tekst):
        longest += 1
        if labels.of(regels[lines[i + longest - 1]].tekst, answers=True) is not None:
            n, known = longest, known + 1  # the run ends at its last label nota knows
    if n < 4 or known * 3 < n * 2:
        return None
    return by_columns(regels, lines[i : i + n], lines[i + n : i + 3 * n + 8], labels)


def unbroken(regels: list[Regel], labels: Labels) -> list[Regel]:
    """A label a narrow cell broke inside a word, over two lines ("Zaaknum" / "mer", "Portefeuill"
    / "ehouder"), made one line when the two make a label the kind knows and the first is none."""
    out = list(regels)
    for k in range(min(len(out), _HEADER_LINES) - 1):
        a, b = out[k], out[k + 1]
        if (
            a.soort == b.soort == "tekst"
            and len(a.tekst.split()) == 1
            and re.fullmatch(r"[a-zà-ÿ][\w'’]*:?", b.tekst)
            and labels.of(a.tekst) is None
            and labels.of(a.tekst + b.tekst) is not None
        ):
            out[k], out[k + 1] = Regel(a.tekst + b.tekst, "tekst", a.number, a.size), Regel("", "leeg", b.number)
    return out


def _strong_pair(regels: list[Regel], at: int, under: int, labels: Labels) -> bool:
    """A known label of a date or a kenmerk right above a value of that shape ("Datum" over "3 maart
    2024"): the header is printed pair by pair. Two of them, and no label run is read after them
    (a row of "J. Jansen", "Afdeling", "Ruimte" would pair the wrong lines)."""
    hit = labels.of(regels[at].tekst)
    if hit is None or hit[0] is None or hit[1] is not None:
        return False
    strong = hit[0]["type"] == "datum" or hit[0]["sleutel"] == "kenmerk"
    return strong and shape_fits(hit[0], None, regels[under].tekst) and labels.of(regels[under].tekst) is None


def _run(regels: list[Regel], lines: list[int], i: int, labels: Labels, header: bool = True) -> int:
    """The number of label lines starting at lines[i] that the value lines after them pair with
    (0: none), the longest that fits; past a header printed pair by pair (`header` False) only a
    decision record."""
    if (lines[i] >= _HEADER_LINES or not header) and not record_label(regels[lines[i]].tekst):
        return 0  # past the header only a decision record is paired back: it opens with its date label
    longest = 0
    while i + longest < len(lines) and longest < _MAX_RUN and is_label(regels[lines[i + longest]].tekst):
        longest += 1
    for n in range(min(longest, (len(lines) - i) // 2), MIN_RUN - 1, -1):
        names = [regels[k].tekst for k in lines[i : i + n]]
        values = [regels[k].tekst for k in lines[i + n : i + 2 * n]]
        if header and lines[i] < _HEADER_LINES and pairs_fit(names, values, labels) or decision_record(names, values):
            return n
    return 0
