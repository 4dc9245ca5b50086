"""Text copied out of a PDF: page furniture dropped, tables put back together.

Copying from a PDF viewer (or pdftotext without -layout) gives a running
header and "pagina 3 van 4" at every page break, and a table as one cell per
line. Page furniture: a page-number line, and the short lines around page
numbers that repeat (digits aside). A table: a run of short lines with amounts;
a row starts at a label (a line followed by an amount), the header has as many
cells as the longest row. A "Totaal" row ends a table. When cells were left out
(an empty year), the amounts shift; the table check then marks the table.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.importer import furniture
from generator.importer.regel import Regel
from generator.importer.tables import bedrag, label_and_amount

_HEADING = re.compile(r"^\d{1,2}\.\s+\S")


def without_furniture(regels: list[Regel]) -> list[Regel]:
    """Page numbers and the short lines that repeat around them dropped (as furniture). The
    furniture the reader found already ("meubilair", listed first) is no page break: the
    document's first lines are not "around" it."""
    pages = [i for i, r in enumerate(regels) if r.soort != "meubilair" and furniture.PAGE_LINE.search(r.tekst)]
    if not pages:
        return regels
    near: Counter[str] = Counter()
    for i in pages:
        lines = [r for r in regels[max(0, i - 3) : i + 4] if r.tekst.strip() and len(r.tekst) <= 80]
        near.update({furniture.shape(r.tekst) for r in lines})
    running = {s for s, n in near.items() if n >= 2 or len(pages) == 1 and n >= 1 and "·" in s}
    drop = set(pages) | {i for i, r in enumerate(regels) if r.soort != "rij" and furniture.shape(r.tekst) in running}
    return furniture.lines(regels[i].tekst for i in sorted(drop)) + [r for i, r in enumerate(regels) if i not in drop]


def _is_amount(tekst: str) -> bool:
    return bedrag(tekst) is not None and not re.fullmatch(r"(19|20)\d\d", tekst.strip())


def _cellish(r: Regel) -> bool:
    t = r.tekst.strip()
    return r.soort == "tekst" and 0 < len(t) <= 60 and not _HEADING.match(t)


def tables_from_cells(regels: list[Regel]) -> list[Regel]:
    """Runs of one-cell-a-line tables as rows ("rij"), the rest unchanged."""
    out: list[Regel] = []
    i = 0
    while i < len(regels):
        if not _cellish(regels[i]):
            out.append(regels[i])
            i += 1
            continue
        j = i
        while j < len(regels) and (_cellish(regels[j]) or regels[j].soort == "leeg"):
            j += 1
        found = _run(_split_joined([r for r in regels[i:j] if r.soort != "leeg"]))
        out += regels[i:j] if found is None else found
        i = j
    return out


def _split_joined(cells: list[Regel]) -> list[Regel]:
    """A row's label and amount that pdftotext printed on one line ("Bijdrage provincie -/- 50"),
    right after an amount (the row before it), as two cells."""
    out: list[Regel] = []
    for r in cells:
        hit = label_and_amount(r.tekst)
        if hit and out and _is_amount(out[-1].tekst):
            out += [Regel(hit[0], r.soort, r.number), Regel(hit[1], r.soort, r.number)]
        else:
            out.append(r)
    return out


def _run(cells: list[Regel]) -> list[Regel] | None:
    """Tables in one run of short lines (None: there is none); lines before and after a
    table stay text, the line right above it (its title) a paragraph of its own."""
    texts = [c.tekst.strip() for c in cells]
    first = next((k for k in range(1, len(texts)) if _is_amount(texts[k]) and not _is_amount(texts[k - 1])), None)
    if first is None or sum(map(_is_amount, texts)) < 2:
        return None
    rows, end = _rows(texts, first - 1)
    if len(rows) < 2:
        return None
    n = max(len(r) for r in rows)
    start = max(0, first - 1 - n)
    header = texts[start : first - 1]
    if len(header) != n or any(_is_amount(h) or h.endswith((".", ":")) or _capitals(h) for h in header):
        header, start = [], first - 1
    lead = cells[: start - 1] + [Regel("", "leeg", cells[start - 1].number), cells[start - 1]] if start else []
    table = [
        Regel("\t".join(r + [""] * (n - len(r))), "rij", cells[start].number)
        for r in ([header] if header else []) + rows
    ]
    rest = _run(cells[end:]) if end < len(cells) else []
    blank = Regel("", "leeg", cells[end - 1].number)
    return lead + [blank] + table + [blank] + (cells[end:] if rest is None else rest)


def _rows(texts: list[str], k: int) -> tuple[list[list[str]], int]:
    """Rows from the label at k on; and where the table ends."""
    rows: list[list[str]] = []
    while k < len(texts) and k + 1 < len(texts) and not _is_amount(texts[k]) and _is_amount(texts[k + 1]):
        row, k = [texts[k]], k + 1
        while k < len(texts) and _is_amount(texts[k]):
            row.append(texts[k])
            k += 1
        total = row[0].lower().startswith("totaal")
        while (
            not total
            and k < len(texts)
            and not _is_amount(texts[k])
            and not (k + 1 < len(texts) and _is_amount(texts[k + 1]))
            and not _capitals(texts[k])
        ):
            row.append(texts[k])
            k += 1
        rows.append(row)
        if total:
            break
    return rows, k


_GLUED = re.compile(r"(?<=,)\s*(?=€|-/-|EUR\b)")


def unglued(regels: list[str]) -> list[str]:
    """Amounts typed "€ 2.150.000,-", one per table cell: pdftotext takes the "-" that ends a line
    for a hyphen and glues the next cell on ("€ 2.150.000,€ 340.000,-/- € 60.000,-"). A line of
    nothing but such amounts is split into one amount a line again, each with its ",-"."""
    out: list[str] = []
    for r in regels:
        parts = _GLUED.split(r.strip())
        if len(parts) > 1 and all(p.endswith((",", ",-")) and bedrag(p.rstrip("-") + "-") is not None for p in parts):
            out += [p if p.endswith(",-") else p + "-" for p in parts]
        else:
            out.append(r)
    return out


def columns_as_rows(regels: list[str]) -> list[str]:
    """pdftotext (without -layout) gives a table column by column: a block of labels, then a
    block per column (its header, then its amounts), blank lines between. Where the blocks
    line up (as many lines each, the columns all amounts), the table becomes tab-separated
    rows; a label wrapped over two lines (the second starts in lower case) is joined first.
    A table whose columns come before its labels, each column split where a wrapped label made
    a row taller, is put back together as well (`_labels_after`). Blocks that do not line up
    stay text; a rebuild that is wrong does not add up, and the table check marks it."""
    blocks = _headed(_years_moved(_side_by_side(_blocks(regels))))
    out: list[str] = []
    i = 0
    while i < len(blocks):
        later = _labels_after(blocks, i)
        if later is not None:
            out += later[0]
            i = later[1]
            continue
        labels = _joined(blocks[i])
        columns, j = _totals_after(blocks, *_gather(blocks, i + 1, len(labels)), labels)
        k = len(columns[0]) if columns else 0
        if not columns or k < 2 or len(labels) < k or not all(map(_row_label, labels[len(labels) - k :])):
            out += blocks[i] + [""]
            i += 1
            continue
        out += _lead(labels[: len(labels) - k])
        out += ["\t".join(cells) for cells in zip(labels[len(labels) - k :], *columns)] + [""]
        i = j
    return out


def _year(block: list[str]) -> bool:
    return len(block) == 1 and re.fullmatch(r"(19|20)\d\d", block[0]) is not None


def _years_moved(blocks: list[list[str]]) -> list[list[str]]:
    """A column's header alone ("Rijksbijdrage"), then year cells ("2028", "2029"), then its
    amounts: the years are the next table's header row that pdftotext printed inside this column.
    A table ends where a new header row starts: the header goes back on its amounts, and the years
    join the next run of year cells (after this table's columns), in order."""
    out = list(blocks)
    i = 1
    while i < len(out):
        m = 0
        while i + m < len(out) and _year(out[i + m]):
            m += 1
        after = i + m
        if not m or after >= len(out) or not _lone_header(out[i - 1]) or not all(map(_is_amount, out[after])):
            i += 1
            continue
        years = out[i:after]
        del out[i:after]
        j = i + 1
        while j < len(out) and len(out[j]) >= 2 and not _is_amount(out[j][0]) and all(map(_is_amount, out[j][1:])):
            j += 1
        j = min(j + 1, len(out))  # past the next table's title and first header cell
        k = j
        while k < len(out) and _year(out[k]):
            k += 1
        out[j:k] = sorted(years + out[j:k])
        i += 1
    return out


def _lone_header(block: list[str]) -> bool:
    return len(block) == 1 and len(block[0]) <= 30 and not _is_amount(block[0]) and not _year(block)


def _totals_after(
    blocks: list[list[str]], columns: list[list[str]], j: int, labels: list[str]
) -> tuple[list[list[str]], int]:
    """Columns of amounts only under a block of labels ending in "Totaal", one label more than
    they have rows, then one block of a single amount per column: pdftotext printed the totals
    row as a block after the columns. Each total goes back under its column."""
    n = len(columns)
    if not n or not _is_amount(columns[0][0]) or not labels[-1].lower().startswith("totaal"):
        return columns, j
    if len(labels) < len(columns[0]) + 1 or j + n > len(blocks):
        return columns, j
    totals = blocks[j : j + n]
    if not all(len(b) == 1 and _is_amount(b[0]) for b in totals):
        return columns, j
    if j + n < len(blocks) and len(blocks[j + n]) == 1 and _is_amount(blocks[j + n][0]):
        return columns, j  # more single amounts than columns: the count does not match
    return [c + t for c, t in zip(columns, totals)], j + n


def _blocks(regels: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for r in regels:
        if r.strip():
            blocks[-1].append(r.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _side_by_side(blocks: list[list[str]]) -> list[list[str]]:
    """Two column headers side by side, the first wrapped taller: pdftotext prints both before the
    first column's amounts ("Budget" / "jeugdhulp", then "Rijksbijdrage" over Budget's amounts, then
    Rijksbijdrage's amounts). Under a block of row labels, each header is put back on its amounts."""
    out: list[list[str]] = []
    i = 0
    while i < len(blocks):
        if i + 2 < len(blocks) and out and _headers_apart(out[-1], *blocks[i : i + 3]):
            first, second, amounts = blocks[i : i + 3]
            out += [[" ".join(first), *second[1:]], [second[0], *amounts]]
            i += 3
            continue
        out.append(blocks[i])
        i += 1
    return out


def _headers_apart(labels: list[str], first: list[str], second: list[str], amounts: list[str]) -> bool:
    k = len(amounts)
    return (
        1 <= len(first) <= 2
        and len(" ".join(first)) <= 30
        and not any(map(_is_amount, first))
        and len(second) == k + 1
        and len(second[0]) <= 30
        and not _is_amount(second[0])
        and all(map(_is_amount, second[1:] + amounts))
        and k >= 2
        and len(labels) >= k
        and all(map(_row_label, labels[-k:]))
    )


def _headed(blocks: list[list[str]]) -> list[list[str]]:
    """A column's header as one line above its amounts: a header wrapped over two lines ("Budget" /
    "jeugdhulp") joined, and a header that pdftotext set apart by a blank line ("2025", a blank
    line, the amounts) put back on top of them."""
    out: list[list[str]] = []
    for block in blocks:
        lead = next((n for n, c in enumerate(block) if _is_amount(c)), len(block))
        amounts = 0 < lead < len(block) and all(_is_amount(c) for c in block[lead:])
        if amounts and lead == 2 and len(" ".join(block[:2])) <= 30:
            block = [" ".join(block[:2]), *block[lead:]]
        header = out[-1] if out else []
        if (
            lead == 0
            and len(header) == 1
            and len(header[0]) <= 30
            and not _is_amount(header[0])
            and all(map(_is_amount, block))
        ):
            out[-1] = out[-1] + block
            continue
        out.append(block)
    return out


def _joined(block: list[str]) -> list[str]:
    out: list[str] = []
    for r in block:
        if out and r[:1].islower() and len(out[-1]) <= 40 and not _is_amount(r):
            out[-1] += " " + r
        else:
            out.append(r)
    return out


def _column(block: list[str], n_labels: int) -> bool:
    """A column of a table: a short header, then only amounts, and no more lines than labels."""
    return 2 <= len(block) <= n_labels and len(block[0]) <= 30 and all(_is_amount(c) for c in block[1:])


def _labels_after(blocks: list[list[str]], i: int) -> tuple[list[str], int] | None:
    """A table printed columns first, its labels after: blocks of a header and amounts (one per
    column), then blocks of amounts only (the columns' further rows, in the same order), then
    the block ending in the header label and the row labels. (lines, index after) or None."""
    if not blocks[i] or _is_amount(blocks[i][0]):
        return None
    columns, j = _gather(blocks, i, 60)
    if not columns or j == i + len(columns) or j >= len(blocks):
        return None
    labels = _joined(blocks[j])
    k = len(columns[0])
    if len(labels) < k or not all(map(_row_label, labels[-k:])):
        return None
    rows = ["\t".join(cells) for cells in zip(labels[len(labels) - k :], *columns)]
    return _lead(labels[: len(labels) - k]) + rows + [""], j + 1


def _gather(blocks: list[list[str]], i: int, n_labels: int) -> tuple[list[list[str]], int]:
    """The columns from block i on, and the block after them: blocks of one length, each a column
    (`_column`); when they have a header ("2025"), the blocks of amounts only that follow are
    their further rows, column after column (a wrapped label made a row taller and pdftotext
    broke the columns there)."""
    columns: list[list[str]] = []
    j = i
    while j < len(blocks) and len(columns) < 12 and _column(blocks[j], n_labels):
        if columns and (len(blocks[j]) != len(columns[0]) or _is_amount(blocks[j][0]) != _is_amount(columns[0][0])):
            break
        columns.append(blocks[j])
        j += 1
    if not columns or _is_amount(columns[0][0]):
        return columns, j
    parts: list[list[str]] = []
    while j + len(parts) < len(blocks) and all(_is_amount(c) for c in blocks[j + len(parts)]):
        parts.append(blocks[j + len(parts)])
    if not parts or len(parts) % len(columns):
        return columns, j
    whole = [c + [x for p in parts[n :: len(columns)] for x in p] for n, c in enumerate(columns)]
    if any(len(c) != len(whole[0]) or len(c) > n_labels for c in whole):
        return columns, j
    return whole, j + len(parts)


def _capitals(tekst: str) -> bool:
    """A heading in capitals ("VERVOLGSTAPPEN", "RISICO'S"): never a text cell after a row's amounts."""
    letters = [c for c in tekst if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _row_label(tekst: str) -> bool:
    return len(tekst) <= 60 and not _is_amount(tekst) and not tekst.rstrip().endswith((".", ":", ";"))


def _lead(lines: list[str]) -> list[str]:
    """The lines above a rebuilt table: the short lines after the last sentence (its title, its
    unit: "Tabel 1. Kosten", "Bedragen in mln euro") each a paragraph of their own, so that
    they are read as the table's title and unit, not glued to the sentence before."""
    last = max((n for n, r in enumerate(lines) if r.rstrip().endswith((".", ":", "!", "?"))), default=-1)
    return lines[: last + 1] + [x for r in lines[last + 1 :] for x in ("", r)] + [""]
