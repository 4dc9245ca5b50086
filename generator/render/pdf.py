"""The PDF: the HTML rendition laid out by WeasyPrint, fetching only allowed files.

WeasyPrint is imported here and nowhere else, so `nota check` never pays
for it. The fetcher reads nothing from the network and no file outside the
kind's template folders and the proposal's own folder.
"""

from __future__ import annotations

import html as html_module
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from generator.errors import Melding, NotaFout
from generator.proposal.references import is_outside, outside_message, position
from generator.render.output import write_bytes
from generator.render.pdf_fragments import install
from generator.render.pdf_tags import complete_tags

install()  # structure elements name their HTML element, so page fragments can be joined


class ConfinedFetcher(URLFetcher):
    """Fetches file:// URLs below the allowed folders; refuses and records all else."""

    def __init__(self, allowed: list[Path]):
        super().__init__(allowed_protocols={"file", "data"}, timeout=2)
        self.allowed = [p.resolve() for p in allowed]
        self.refused: list[str] = []
        self.not_regular: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not self._allowed(url):
            self.refused.append(url)
            raise ValueError(f"nota haalt dit niet op: {url}")
        found = Path(unquote(urlsplit(url).path))
        if found.exists() and not found.is_file():  # a FIFO or device would block or never end
            self.not_regular.append(url)
            raise ValueError(f"nota leest dit niet: {url}")
        return super().fetch(url, headers)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme != "file":
            return False
        path = Path(unquote(parts.path)).resolve()
        return any(path.is_relative_to(root) for root in self.allowed)


def html_document(voorstel, html: str, fetcher: ConfinedFetcher):
    base = voorstel.path.resolve().parent
    return HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)


HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"')


def check_links(voorstel, html: str) -> None:
    """Refuse links that would publish a local path: `file:` URLs, and relative links
    that point outside the proposal's folder (the rule `nota check` applies too)."""
    folder = voorstel.path.resolve().parent
    meldingen = []
    for href in dict.fromkeys(html_module.unescape(h) for h in HREF.findall(html)):
        if not is_outside(folder, href):
            continue
        line, column = position(voorstel.bron.tekst, href)
        meldingen.append(Melding(outside_message("link", href), voorstel.path, line, column))
    if meldingen:
        raise NotaFout(meldingen)


def render_pdf(voorstel, html: str, target: Path, bron: bool = False, meldingen: list | None = None, **opties) -> None:
    """Lay out `html` and write the PDF to `target` atomically.

    A decided proposal gives its final form (final.py): PDF/A, fixed bytes;
    an existing final PDF is protected where the set is installed
    (output.install_set). Warnings (a bijlage that is not PDF/A) are added
    to `meldingen`.
    """
    from generator.decisions.final import finish, is_final

    check_links(voorstel, html)
    inhoud = complete_tags(_layout(voorstel, html, bron, opties), links_base=voorstel.path.resolve().parent)
    if is_final(voorstel):
        inhoud = finish(voorstel, inhoud, meldingen)
    write_bytes(target, inhoud)


def _layout(voorstel, html: str, bron: bool, opties: dict) -> bytes:
    """WeasyPrint's PDF of `html`; its layout is freed before the PDF is post-processed."""
    from generator.decisions.final import pdf_options

    fetcher = ConfinedFetcher(voorstel.soort.template_dirs() + [voorstel.path.resolve().parent])
    document = html_document(voorstel, html, fetcher).render()
    if fetcher.refused:
        outside = ", ".join(unquote(u) for u in fetcher.refused)
        raise NotaFout(Melding(outside_message("afbeelding", outside), voorstel.path))
    if fetcher.not_regular:
        namen = ", ".join(Path(unquote(urlsplit(u).path)).name for u in fetcher.not_regular)
        raise NotaFout(
            Melding(
                f"de afbeelding {namen} is geen gewoon bestand (maar bijvoorbeeld een pijp of "
                "een apparaat); zet er een PNG- of JPEG-bestand neer",
                voorstel.path,
            )
        )
    return document.write_pdf(**{"pdf_tags": True, **pdf_options(voorstel, bron), **opties})
