"""The PDF: the HTML rendition laid out by WeasyPrint, fetching only allowed files.

WeasyPrint is imported here and nowhere else, so `nota check` never pays
for it. The fetcher reads nothing from the network and no file outside the
kind's template folders and the proposal's own folder.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from generator.errors import Melding, NotaFout
from generator.render.output import atomic, write_bytes


class ConfinedFetcher(URLFetcher):
    """Fetches file:// URLs below the allowed folders; refuses and records all else."""

    def __init__(self, allowed: list[Path]):
        super().__init__(allowed_protocols={"file", "data"}, timeout=2)
        self.allowed = [p.resolve() for p in allowed]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not self._allowed(url):
            self.refused.append(url)
            raise ValueError(f"nota haalt dit niet op: {url}")
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


def render_pdf(voorstel, html: str, target: Path, bron: bool = False, **opties) -> None:
    """Lay out `html` and write the PDF to `doel` atomically.

    A decided proposal gives its final form (final.py): PDF/A, fixed bytes,
    and an existing final PDF with other content is refused.
    """
    from generator.decisions.final import watch, is_final, pdf_options, append_bijlagen
    fetcher = ConfinedFetcher(voorstel.soort.template_dirs() + [voorstel.path.resolve().parent])
    document = html_document(voorstel, html, fetcher).render()
    if fetcher.refused:
        outside = ", ".join(unquote(u) for u in fetcher.refused)
        raise NotaFout(Melding(
            f"het document verwijst naar een bestand buiten de map van het voorstel: {outside}; "
            "zet afbeeldingen en bijlagen naast het voorstel", voorstel.path))
    opties = {"pdf_tags": True, **pdf_options(voorstel, bron), **opties}
    if is_final(voorstel):
        inhoud = append_bijlagen(voorstel, document.write_pdf(**opties))
        if watch(target, inhoud):
            write_bytes(target, inhoud)
        return
    with atomic(target) as temporary:
        document.write_pdf(temporary, **opties)
