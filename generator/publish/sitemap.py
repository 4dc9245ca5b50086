"""`sitemap.xml` (a sitemap index) and the sitemaps it points to, per the DiWoo
sitemap guide: each `<url>` has the document's `loc` under the base URL, its
`lastmod` and its `diwoo:Document`. The sitemaps are plain sitemaps.org 0.9.
"""

from __future__ import annotations

from lxml import etree

from generator.publish.diwoo import NS as DIWOO
from generator.publish.diwoo import to_bytes

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
PER_SITEMAP = 1000  # the protocol allows 50,000; smaller files are harvested in smaller steps
INDEX = "sitemap.xml"


def part_name(n: int) -> str:
    return f"sitemap-{n}.xml"


def _sm(parent, naam: str, tekst: str | None = None):
    el = etree.SubElement(parent, f"{{{SM}}}{naam}")
    el.text = tekst
    return el


def sitemaps(entries: list[tuple[str, str, object]], basis_url: str) -> dict[str, bytes]:
    """File name -> content: the index and its parts. `entries` are (loc, lastmod,
    diwoo:Document element), in the order they are listed."""
    files: dict[str, bytes] = {}
    index = etree.Element(f"{{{SM}}}sitemapindex", nsmap={None: SM})
    parts = [entries[i : i + PER_SITEMAP] for i in range(0, len(entries), PER_SITEMAP)] or [[]]
    for n, part in enumerate(parts, 1):
        urlset = etree.Element(f"{{{SM}}}urlset", nsmap={None: SM, "diwoo": DIWOO})
        for loc, lastmod, document in part:
            url = _sm(urlset, "url")
            _sm(url, "loc", loc)
            _sm(url, "lastmod", lastmod)
            url.append(document)
        files[part_name(n)] = to_bytes(urlset)
        entry = _sm(index, "sitemap")
        _sm(entry, "loc", f"{basis_url.rstrip('/')}/{part_name(n)}")
        if part:
            _sm(entry, "lastmod", max(lastmod for _, lastmod, _ in part))
    files[INDEX] = to_bytes(index)
    return files
