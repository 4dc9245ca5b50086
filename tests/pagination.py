"""Page breaks measured, not looked at: from a PDF's text per page (pdftotext) and the
HTML rendition it was made from, the pages that end with a heading or a table's intro
line, and the pages that start with a table's total row alone.

Used by test_page_breaks.py and to measure the documents before and after a change.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

from lxml import html as lxml_html

PAGE_NUMBER = re.compile(r"pagina \d+ van \d+")
HEADINGS = "//h1|//h2|//h3|//h4|//h5|//h6|//caption|//p[contains(@class,'intro')]|//p[contains(@class,'besluitkop')]"


def norm(tekst: str) -> str:
    return " ".join((tekst or "").split())  # str.split() takes no-break spaces as spaces too


def pages(pdf: Path) -> list[list[str]]:
    """The non-empty lines of each page, running heads, feet and page numbers left out."""
    tekst = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    raw = [[norm(regel) for regel in page.splitlines() if norm(regel)] for page in tekst.split("\f")]
    raw = [page for page in raw if page]
    edges = Counter(regel for page in raw for regel in set(page[:2] + page[-2:]))
    furniture = {regel for regel, n in edges.items() if n > 1 and len(raw) > 1}
    return [[r for r in page if r not in furniture and not PAGE_NUMBER.search(r)] for page in raw]


def _texts(document, xpath: str) -> set[str]:
    return {norm(el.text_content()) for el in document.xpath(xpath) if norm(el.text_content())}


def intro_lines(document) -> set[str]:
    """The paragraph right before each table: the line that introduces it."""
    out = set()
    for table in document.xpath("//table[thead]"):
        previous = table.getprevious()
        while previous is not None and previous.tag not in ("p",) and len(previous):
            previous = previous[-1]
        if previous is not None and previous.tag == "p":
            out.add(norm(previous.text_content()))
    return out - {""}


def _ends_with(page: list[str], texts: set[str]) -> str | None:
    for k in range(1, 5):
        joined = " ".join(page[-k:])
        if joined in texts:
            return joined
    return None


def faults(pdf: Path, html: str) -> list[str]:
    """What a typesetter would send back, one line per fault (Dutch, with the page)."""
    document = lxml_html.fromstring(html)
    headings, intros = _texts(document, HEADINGS), intro_lines(document)
    totals = _totals(document)
    out = []
    lijst = pages(pdf)
    for number, page in enumerate(lijst, 1):
        if number < len(lijst):
            if (kop := _ends_with(page, headings)) is not None:
                out.append(f"pagina {number} eindigt met de kop '{kop}'")
            elif (intro := _ends_with(page, intros)) is not None:
                out.append(f"pagina {number} eindigt met de inleidende regel '{intro}'")
        out += [
            f"pagina {number} begint met de totaalregel '{label}' alleen"
            for label, rows in totals.items()
            if _lone(page, label, rows)
        ]
    return out


def _totals(document) -> dict[str, set[str]]:
    """Label of each total row -> the labels of the other body rows of its tables."""
    out: dict[str, set[str]] = {}
    for table in document.xpath("//table[thead]"):
        rows = [norm(tr[0].text_content()) for tr in table.xpath("./tbody/tr") if len(tr)]
        for tr in table.xpath("./tbody/tr[contains(@class,'totaal')]"):
            label = norm(tr[0].text_content())
            out.setdefault(label, set()).update(r for r in rows if r != label)
    return out


def _lone(page: list[str], label: str, rows: set[str]) -> bool:
    if label not in page:
        return False
    before = page[: page.index(label)]
    return not any(r in rows for r in before)
