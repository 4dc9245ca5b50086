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

from .errors import Melding, NotaFout
from .output import atomisch, schrijf_bytes


class BeperkteFetcher(URLFetcher):
    """Fetches file:// URLs below the allowed folders; refuses and records all else."""

    def __init__(self, toegestaan: list[Path]):
        super().__init__(allowed_protocols={"file", "data"}, timeout=2)
        self.toegestaan = [p.resolve() for p in toegestaan]
        self.geweigerd: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not self._mag(url):
            self.geweigerd.append(url)
            raise ValueError(f"nota haalt dit niet op: {url}")
        return super().fetch(url, headers)

    def _mag(self, url: str) -> bool:
        delen = urlsplit(url)
        if delen.scheme != "file":
            return False
        pad = Path(unquote(delen.path)).resolve()
        return any(pad.is_relative_to(root) for root in self.toegestaan)


def html_document(voorstel, html: str, fetcher: BeperkteFetcher):
    basis = voorstel.pad.resolve().parent
    return HTML(string=html, base_url=basis.as_uri() + "/", url_fetcher=fetcher)


def render_pdf(voorstel, html: str, doel: Path, bron: bool = False, **opties) -> None:
    """Lay out `html` and write the PDF to `doel` atomically.

    A decided proposal gives its final form (final.py): PDF/A, fixed bytes,
    and an existing final PDF with other content is refused.
    """
    from .final import bewaak, is_definitief, pdf_opties, voeg_bijlagen_toe
    fetcher = BeperkteFetcher(voorstel.soort.template_dirs() + [voorstel.pad.resolve().parent])
    document = html_document(voorstel, html, fetcher).render()
    if fetcher.geweigerd:
        buiten = ", ".join(unquote(u) for u in fetcher.geweigerd)
        raise NotaFout(Melding(
            f"het document verwijst naar een bestand buiten de map van het voorstel: {buiten}; "
            "zet afbeeldingen en bijlagen naast het voorstel", voorstel.pad))
    opties = {"pdf_tags": True, **pdf_opties(voorstel, bron), **opties}
    if is_definitief(voorstel):
        inhoud = voeg_bijlagen_toe(voorstel, document.write_pdf(**opties))
        if bewaak(doel, inhoud):
            schrijf_bytes(doel, inhoud)
        return
    with atomisch(doel) as tijdelijk:
        document.write_pdf(tijdelijk, **opties)
