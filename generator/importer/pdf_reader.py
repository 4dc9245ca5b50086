"""PDF into lines with a layout reader (pdfplumber on pdfminer.six), not by guessing from spaces.

Words come with their positions. Per page: upright words only (a diagonal
CONCEPT mark is dropped), grouped into lines; a line splits into cells where
the gap between two words is wider than a space. Consecutive lines with cells
form a table whose columns come from the cells' x-ranges, so an empty cell
keeps its column ("aanvraag kadernota | | 280.000 | 140.000"). Text lines
become paragraphs by vertical spacing; a paragraph continues over a page
break. Lines repeated at the top or bottom of most pages (running headers,
"Pagina N van M") are page furniture and dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.importer import furniture, guard
from generator.importer.points import STARTS
from generator.importer.regel import Regel
from generator.importer.tables import bedrag


_SIGN_ONLY = re.compile(r"(^|\s)(€|eur|-/-)$", re.IGNORECASE)


@dataclass
class Cel:
    x0: float
    x1: float
    tekst: str


@dataclass
class Lijn:
    page: int
    top: float
    bottom: float
    size: float
    bold: bool
    cells: list[Cel]
    margin: float = 0.0  # the right edge of the page's text

    @property
    def right(self) -> float:
        return self.cells[-1].x1

    @property
    def tekst(self) -> str:
        return " ".join(c.tekst for c in self.cells)


def read_pdf(path: Path, data: bytes) -> list[Regel]:
    import io

    import pdfplumber

    guard.pdf_contents(path, data)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            guard.pdf_pages(len(pdf.pages), path)
            pages = [(i, p.height, _lines(p, i)) for i, p in enumerate(pdf.pages, 1)]
    except NotaFout:
        raise
    except Exception as e:  # pdfminer raises many kinds of its own for a broken file
        raise NotaFout(
            Melding(f"is geen leesbare PDF: {type(e).__name__}", path, hint="open het en sla het opnieuw op als PDF")
        ) from None
    lijnen = _without_furniture(pages)
    kept = {id(x) for x in lijnen}
    return furniture.lines(x.tekst for _, _, page in pages for x in page if id(x) not in kept) + _regels(lijnen)


def _lines(page, number: int) -> list[Lijn]:
    upright = page.filter(lambda o: o.get("object_type") != "char" or furniture.level(o))
    words = upright.extract_words(extra_attrs=["size", "fontname"], x_tolerance=1.5, y_tolerance=2.5)
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    rules = [(e["x0"], e["top"], e["bottom"]) for e in page.edges if e.get("orientation") == "v"]
    lijnen = [_line(sorted(r, key=lambda w: w["x0"]), number, rules) for r in rows]
    margin = max((x.right for x in lijnen), default=0.0)
    for x in lijnen:
        x.margin = margin
    return lijnen


def _line(words: list[dict], page: int, rules: list[tuple[float, float, float]] | tuple = ()) -> Lijn:
    size = Counter(round(w["size"], 1) for w in words).most_common(1)[0][0]
    groups: list[list[dict]] = []
    for w in words:
        if groups and w["x0"] - groups[-1][-1]["x1"] <= max(1.1 * size, 6) and not _ruled(groups[-1][-1], w, rules):
            groups[-1].append(w)
        else:
            groups.append([w])
    if len(groups) > 1:  # a table row: a bold label touching its value is a cell of its own
        groups = [part for g in groups for part in _split_at_weight(g)]
    cells = [Cel(g[0]["x0"], g[-1]["x1"], " ".join(w["text"] for w in g).replace("\u00a0", " ")) for g in groups]
    bold = all(_bold(w) for w in words)
    return Lijn(page, min(w["top"] for w in words), max(w["bottom"] for w in words), size, bold, cells)


def _ruled(a: dict, b: dict, rules) -> bool:
    """A table's vertical rule between two words: a cell border, whatever the gap."""
    return any(
        a["x1"] - 0.5 <= x <= b["x0"] + 0.5 and top <= b["top"] + 1 and bottom >= b["bottom"] - 1
        for x, top, bottom in rules
    )


def _bold(word: dict) -> bool:
    return "bold" in word["fontname"].lower()


def _split_at_weight(group: list[dict]) -> list[list[dict]]:
    k = next((i for i in range(1, len(group)) if _bold(group[i - 1]) and not _bold(group[i])), None)
    return [group] if k is None or not _bold(group[0]) else [group[:k], group[k:]]


def _without_furniture(pages) -> list[Lijn]:
    """Lines in the top or bottom band that repeat on most pages, and page numbers, dropped."""

    def band(height, lijn):
        return lijn.top < 0.12 * height or lijn.bottom > 0.88 * height

    seen = Counter(s for _, h, lijnen in pages for s in {furniture.shape(x.tekst) for x in lijnen if band(h, x)})
    body = {furniture.shape(x.tekst) for _, h, lijnen in pages for x in lijnen if not band(h, x)}  # table rows, say
    repeated = {s for s, n in seen.items() if len(pages) >= 2 and n >= max(2, (len(pages) + 1) // 2)} - body
    kept: list[Lijn] = []
    for _, h, lijnen in pages:
        dropped: Lijn | None = None
        for x in lijnen:
            furniture_line = band(h, x) and (
                furniture.shape(x.tekst) in repeated
                or bool(furniture.PAGE_NUMBER.search(x.tekst))
                or (dropped is not None and _wrapped_on(dropped, x))
            )
            dropped = x if furniture_line else None
            if not furniture_line:
                kept.append(x)
    return kept


def _wrapped_on(above: Lijn, x: Lijn) -> bool:
    """A footer wrapped over two lines ("Gemeente Zuidwoude · Pagina 1" / "Collegevoorstel van 2"):
    the next line, as large and right under it, is furniture as well."""
    return abs(above.size - x.size) <= 0.3 and 0 <= x.top - above.bottom <= 0.5 * above.size


def _regels(lijnen: list[Lijn]) -> list[Regel]:
    out: list[Regel] = []
    i = 0
    while i < len(lijnen):
        if len(lijnen[i].cells) > 1:
            j = i
            while j < len(lijnen) and _in_table(lijnen, i, j):
                j += 1
            for part in _split_by_columns(lijnen[i:j]):
                lead = next(k for k, x in enumerate(part) if len(x.cells) > 1)  # a caption above a table
                out += [r for x in part[:lead] for r in _paragraph([x])]
                out += _table(part[lead:]) + [Regel("", "leeg", part[-1].page)]
            i = j
        else:
            j = i + 1
            while j < len(lijnen) and _same_paragraph(lijnen[j - 1], lijnen[j]):
                j += 1
            out += _paragraph(lijnen[i:j])
            i = j
    return out


def _split_by_columns(block: list[Lijn]) -> list[list[Lijn]]:
    """Two tables one under the other (or a page apart) whose columns differ are two tables;
    a single line between them (a group heading) goes with the table below it."""
    parts: list[list[Lijn]] = []
    pending: list[Lijn] = []
    for x in block:
        if len(x.cells) == 1:
            pending.append(x)
            continue
        if parts and not pending and _compatible(parts[-1], x):
            parts[-1].append(x)
        elif (
            parts
            and pending
            and _compatible(parts[-1], x)
            and len(pending) == 1
            and not pending[0].tekst.rstrip().endswith(":")
        ):
            parts[-1] += pending + [x]
        else:
            parts.append(pending + [x])
        pending = []
    if pending:
        parts[-1] += pending
    return parts


def _compatible(part: list[Lijn], x: Lijn) -> bool:
    """Every cell of line x falls within one column of the table so far, no two in the same one,
    and vice versa."""
    columns = _columns(part)
    taken: set[int] = set()
    for c in x.cells:
        hits = [k for k, (a, b) in enumerate(columns) if min(c.x1, b) - max(c.x0, a) > 3]
        if len(hits) > 1 or taken & set(hits):
            return False  # a cell over two columns, or two cells in one: another table
        taken |= set(hits)
    merged = _columns(part + [x])
    return len(merged) >= len(columns) and len(merged) <= max(len(columns), len(x.cells))


def _in_table(lijnen: list[Lijn], start: int, j: int) -> bool:
    """Line j continues the table that starts at `start`: it has cells, or it is a
    single cell close below a line with cells (a wrapped label, a group heading)."""
    if j == start or len(lijnen[j].cells) > 1:
        return j == start or _close(lijnen[j - 1], lijnen[j], 2.2)
    x, previous = lijnen[j], lijnen[j - 1]
    wrapped = (
        x.page == previous.page
        and 0 <= x.top - previous.bottom <= 0.45 * previous.size
        and x.cells[0].x0 > lijnen[start].cells[0].x0 + 20
    )  # the next line of a cell right of the first column
    following = lijnen[j + 1] if j + 1 < len(lijnen) else None
    return wrapped or (
        _close(previous, x, 2.2) and following is not None and len(following.cells) > 1 and _close(x, following, 2.2)
    )


def _close(a: Lijn, b: Lijn, factor: float) -> bool:
    return b.page != a.page or -a.size <= b.top - a.bottom <= factor * a.size


def _same_paragraph(a: Lijn, b: Lijn) -> bool:
    if len(b.cells) > 1 or a.bold != b.bold or abs(a.size - b.size) > 0.6 or STARTS.match(b.tekst):
        return False
    if b.page != a.page:  # over a page break: only when the sentence is not finished
        return not a.tekst.rstrip().endswith((".", ":", "!", "?")) and b.tekst[:1].islower()
    full = a.right >= a.margin - 0.25 * max(a.margin - a.cells[0].x0, 1)  # a short line ends its paragraph
    next_word = (len(b.tekst.split()[0]) + 1) * 0.5 * b.size if b.tekst.split() else 0
    wrapped = a.right + next_word > a.margin  # a large title: the next word did not fit
    return (full or wrapped) and 0 <= b.top - a.bottom <= 0.75 * a.size


def _paragraph(lijnen: list[Lijn]) -> list[Regel]:
    tekst = re.sub(r"\s+([.,;:!?])(?=\s|$)", r"\1", " ".join(x.tekst for x in lijnen))
    if len(tekst) == 1:
        return []
    soort = "kop" if lijnen[0].bold and len(tekst) <= 90 else "tekst"
    return [Regel(tekst, soort, lijnen[0].page, lijnen[0].size), Regel("", "leeg", lijnen[0].page)]


def _columns(lijnen: list[Lijn]) -> list[tuple[float, float]]:
    """Column x-ranges: the union of overlapping cell ranges over the table's rows with cells."""
    spans = sorted((c.x0, c.x1) for x in lijnen if len(x.cells) > 1 for c in x.cells)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1] - 3:  # more than touching: the same column
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns]


def _table(lijnen: list[Lijn]) -> list[Regel]:
    columns = _columns(lijnen)
    rows: list[tuple[Lijn, list[str]]] = []
    for x in lijnen:
        cells = [""] * len(columns)
        for c in x.cells:
            k = _column_of(c, columns)
            cells[k] = (cells[k] + " " + c.tekst).strip()
        k = _column_of(x.cells[0], columns)
        if (
            rows
            and len(x.cells) == 1
            and x.page == rows[-1][0].page
            and x.top < rows[-1][0].bottom
            and not rows[-1][1][k]
        ):  # a row-merged cell, centred over its rows: the group's first row
            rows[-1][1][k] = x.tekst
            continue
        if rows and _continues_row(rows[-1], x, cells):
            rows[-1] = (x, _run_on(rows[-1][1], cells))
        else:
            rows.append((x, cells))
    return [Regel("\t".join(cells), "rij", x.page) for x, cells in rows]


def _run_on(before: list[str], cells: list[str]) -> list[str]:
    """A row and the line that continues it, cell by cell; a value that wrapped back to the left
    margin under its label ("Onderwerp:<tab>Renovatie … met een" / "beweegzaal") goes on the value."""
    filled = [k for k, c in enumerate(cells) if c]
    last = max((k for k, c in enumerate(before) if c), default=0)
    if len(filled) == 1 and filled[0] < last and before[filled[0]].rstrip().endswith(":"):
        return [(c + " " + cells[filled[0]]).strip() if k == last else c for k, c in enumerate(before)]
    return [(a + " " + b).strip() for a, b in zip(before, cells)]


def _column_of(cel: Cel, columns) -> int:
    overlap = [min(cel.x1, b) - max(cel.x0, a) for a, b in columns]
    return max(range(len(columns)), key=lambda k: overlap[k])


def _continues_row(previous: tuple[Lijn, list[str]], x: Lijn, cells: list[str]) -> bool:
    """A wrapped cell: a line right under the previous one (line spacing, no row gap),
    where not both lines carry amounts and not both fill every column (rows of a tight grid)."""
    lijn, before = previous
    tight = x.page == lijn.page and 0 <= x.top - lijn.bottom <= 0.45 * lijn.size
    amounts = [any(bedrag(c) is not None for c in r[1:]) for r in (before, cells)]
    # "€" / "-/- €" ending a cell with the number under it: an amount a narrow column wrapped
    cut = any(_SIGN_ONLY.search(a) and bedrag(b) is not None for a, b in zip(before, cells))
    return tight and (cut or not all(amounts) and not (all(before) and all(cells)))
