"""Final documents of decided proposals: PDF/A, fixed timestamps, never overwritten.

A decided proposal's PDF is PDF/A-2a (archival, tagged). Every timestamp comes
from the decision and the PDF identifier from the sealed content, so the same
decided proposal always gives the same bytes; an existing final PDF with other
content is refused, never silently replaced.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.decisions.seal import content_hash

PDF_A = "pdf/a-2a"
PDF_A_WITH_SOURCE = "pdf/a-3a"


def is_final(voorstel) -> bool:
    return bool(voorstel.data.besluiten)


def pdf_options(voorstel, bron: bool = False) -> dict:
    """WeasyPrint options for the PDF of `voorstel` (empty for a concept).

    With `bron`, the PDF is PDF/A-3a and carries the proposal's YAML as an
    attachment with relationship Source, so `nota import` can take it exactly.
    """
    if not is_final(voorstel):
        return {}
    sleutel = (content_hash(voorstel) + repr(voorstel.data.besluiten)).encode("utf-8")
    opties = {"pdf_variant": PDF_A, "pdf_identifier": hashlib.md5(sleutel).hexdigest().encode()}
    if bron:
        opties.update(pdf_variant=PDF_A_WITH_SOURCE, attachments=[source_attachment(voorstel)])
    return opties


def source_attachment(voorstel):
    from weasyprint import Attachment
    moment = voorstel.data.besluiten[-1].vastgelegd_op
    return Attachment(string=voorstel.bron.tekst, name=voorstel.path.name, relationship="Source",
                      description="Bron van dit document (nota-voorstel, YAML)",
                      created=moment, modified=moment)


def watch(target: Path, inhoud: bytes) -> bool:
    """True when `inhoud` must be written; raises when a different final exists."""
    if not target.exists():
        return True
    if target.read_bytes() == inhoud:
        return False
    raise NotaFout(Melding(
        "er staat al een definitief document met een andere inhoud; nota overschrijft een "
        "definitief document niet: verplaats het oude bestand eerst als de wijziging klopt", target))


def bijlage_pdfs(voorstel) -> list[tuple[str, Path]]:
    """(title, path) of each bijlage that names a PDF file in the proposal's folder."""
    map_ = voorstel.path.resolve().parent
    out = []
    for i, b in enumerate(getattr(voorstel.data, "bijlagen", None) or []):
        bestand = getattr(b, "bestand", None)
        if not bestand or not bestand.lower().endswith(".pdf"):
            continue
        path = (map_ / bestand).resolve()
        if not path.is_relative_to(map_) or not path.is_file():
            raise NotaFout(voorstel.bron.melding(("bijlagen", i, "bestand"), (
                f"bijlage '{bestand}' staat niet in de map van het voorstel ({map_}); "
                "zet het bestand naast het voorstel")))
        out.append((b.titel, path))
    return out


def append_bijlagen(voorstel, pdf: bytes) -> bytes:
    """Append the PDF bijlagen after the document, each with a bookmark."""
    bijlagen = bijlage_pdfs(voorstel)
    if not bijlagen:
        return pdf
    import io

    import pikepdf
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        with doc.open_outline() as outline:
            for number, (titel, path) in enumerate(bijlagen, 1):
                first = len(doc.pages)
                with pikepdf.open(path) as bijlage:
                    doc.pages.extend(bijlage.pages)
                outline.root.append(pikepdf.OutlineItem(f"Bijlage {number}: {titel}", first))
        doc.save(out, deterministic_id=True)
    return out.getvalue()
