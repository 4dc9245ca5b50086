"""A header table laid out as a grid of small labels over their values, paired back cell by cell.

Some house styles print the header as a strip of several pairs per row, each row of labels
above a row of values:

    Onderwerp          | Zaaknummer  | Datum
    Speeltuin Dorpsweg | Z/24/118402 | 26 november 2024
    Wethouder          | Afdeling    | Steller
    L. Hendriks        | Ruimte      | S. Yilmaz

A table row whose cells are all labels (one of them at least a label nota knows, or the grid
already under way), followed by a row of the same width with no label among its cells and
every value under a known label of that field's shape, becomes one row per pair ("Onderwerp
<TAB> Speeltuin Dorpsweg"). Anything else is left as it was: a label row whose next row does
not fit stays a row, kept and marked by the structure pass.
"""

from __future__ import annotations

import re

from generator.importer.guess import is_label
from generator.importer.header import Labels
from generator.importer.regel import Regel
from generator.importer.shapes import shape_fits

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_HEADER_LINES = 120  # a header table stands near the top


def gridded(regels: list[Regel], labels: Labels) -> list[Regel]:
    """The lines, with every row of labels over a row of values made one row per pair."""
    out: list[Regel] = []
    k, in_grid = 0, False
    while k < len(regels):
        r = regels[k]
        under = _next_row(regels, k)
        if k < _HEADER_LINES and under is not None and _label_row(r, labels, in_grid):
            names, values = r.tekst.split("\t"), regels[under].tekst.split("\t")
            split = None if _value_row(names, values, labels) else _split_row(names, values, labels)
            if split is not None:  # the values and the next row's labels read as one row
                values = split[0]
                regels = [
                    *regels[:under],
                    Regel("\t".join(split[1]), "rij", regels[under].number),
                    *regels[under + 1 :],
                ]
            if len(names) == len(values) and _value_row(names, values, labels):
                out += _pairs(names, values, r.number)
                k, in_grid = under + (split is None), True
                continue
        in_grid = in_grid and r.soort in ("rij", "leeg")
        out.append(r)
        k += 1
    return out


def _next_row(regels: list[Regel], k: int) -> int | None:
    """The index of the table row right under line k (blank lines between them aside), else None."""
    if regels[k].soort != "rij":
        return None
    j = k + 1
    while j < len(regels) and regels[j].soort == "leeg":
        j += 1
    return j if j < len(regels) and regels[j].soort == "rij" else None


def _label_row(r: Regel, labels: Labels, in_grid: bool) -> bool:
    cells = [c.strip() for c in r.tekst.split("\t") if c.strip()]
    if not cells or any(c.endswith(":") for c in cells):
        return False  # "Kenmerk: | 2024-12": a label and its value side by side, no grid
    if not all(is_label(c) or labels.of(c, answers=True) is not None for c in cells):
        return False
    known = sum(1 for c in cells if labels.of(c, answers=True) is not None)
    return in_grid or (known >= 1 and len(r.tekst.split("\t")) >= 2 and known >= len(cells) / 2)


def _value_row(names: list[str], values: list[str], labels: Labels) -> bool:
    """No label among the values, each value under a label nota knows of its field's shape."""
    if not any(v.strip() for v in values):
        return False
    for name, value in zip(names, values):
        value = _cell(value)
        if not value:
            continue
        if labels.opens(value):
            return False  # a label ("Zaaknummer", "Datum: 3 maart") among the values: no row of values
        hit = labels.of(name.strip(), answers=True) if name.strip() else None
        if hit is not None and not shape_fits(hit[0], hit[1], value):
            return False
    return True


def _split_row(names: list[str], values: list[str], labels: Labels) -> tuple[list[str], list[str]] | None:
    """A PDF reader put a row of values and the row of labels under it on one line ("a@b.nl
    Programma | Openbaar Raadsvergadering | Ja"): (values, labels) when every cell under a known
    label either has its field's shape or ends in a label after a value of that shape, one at least."""
    if len(names) != len(values):
        return None
    kept, under = [], []
    for name, value in zip(names, values):
        hit = labels.of(name.strip(), answers=True) if name.strip() else None
        words = value.split()
        if hit is None or not words or shape_fits(hit[0], hit[1], " ".join(words)):
            kept.append(value)
            under.append("")
            continue
        cut = next((n for n in (1, 2) if len(words) > n and _splits(hit, words, n)), None)
        if cut is None:
            return None
        kept.append(" ".join(words[:-cut]))
        under.append(" ".join(words[-cut:]))
    return (kept, under) if any(under) else None


def _splits(hit: tuple, words: list[str], n: int) -> bool:
    return is_label(" ".join(words[-n:])) and shape_fits(hit[0], hit[1], " ".join(words[:-n]))


def _cell(value: str) -> str:
    """A cell's text on one line; an e-mail address a narrow cell wrapped ("a.booms@examp le.nl") whole."""
    joined = "".join(value.split())
    return joined if "@" in joined and _EMAIL.match(joined) else " ".join(value.split())


def _pairs(names: list[str], values: list[str], number: int) -> list[Regel]:
    """One row per label with a value; a value without a label stays a row of its own (marked later)."""
    out = []
    for name, value in zip(names, values):
        name, value = name.strip(), _cell(value)
        if value:
            out.append(Regel(f"{name}\t{value}" if name else value, "rij", number))
    return out
