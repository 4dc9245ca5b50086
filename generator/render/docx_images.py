"""Images of the HTML rendition as Word pictures: with their alt text, sized to the text width.

An image is read only when it is a regular file in the proposal's folder or
the kind's template folders (the same rule as the PDF), no bigger than
MAX_BYTES; a missing or unreadable image leaves its alt text in the document.
"""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import unquote, urlsplit

from docx.shared import Mm

from generator.proposal.references import outside_message
from generator.errors import Melding, NotaFout

MAX_BYTES = 20 * 1024 * 1024
TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")


def picture(writer, p, el) -> None:
    """Image element `el` as a picture in paragraph `p` of `writer` (an HtmlToDocx)."""
    alt = " ".join((el.get("alt") or "").split())
    data = _read(writer.folders, el.get("src") or "", writer.bron)
    if data is None:
        if alt:
            p.add_run(f"[{alt}]").italic = True
        return
    width = Mm(writer.huisstijl.logo_breedte) if "logo" in (el.get("class") or "").split() else None
    try:
        shape = p.add_run().add_picture(io.BytesIO(data), width=width)
    except Exception:  # not an image python-docx can read: keep the words
        if alt:
            p.add_run(f"[{alt}]").italic = True
        return
    _fit(shape, Mm(writer.huisstijl.tekstbreedte))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt)
    if alt:
        doc_pr.set("title", alt)


def _fit(shape, breedte) -> None:
    """Scale a picture wider than the text column down to it, keeping its proportions."""
    if shape.width > breedte:
        shape.height = int(shape.height * breedte / shape.width)
        shape.width = breedte


def _read(folders: list[Path], src: str, bron) -> bytes | None:
    path = _path(folders, src)
    if path is None:
        return None
    roots = [f.resolve() for f in folders]
    if not any(path.is_relative_to(r) for r in roots):
        raise NotaFout(Melding(outside_message("afbeelding", str(path)), bron))
    if path.suffix.lower() not in TYPES or not path.is_file():  # is_file: no FIFO, device or folder
        return None
    with path.open("rb") as f:
        if path.stat().st_size > MAX_BYTES:
            return None
        return f.read(MAX_BYTES + 1)[:MAX_BYTES]


def _path(folders: list[Path], src: str) -> Path | None:
    parts = urlsplit(src)
    if parts.scheme == "file":
        return Path(unquote(parts.path)).resolve()
    if parts.scheme or not src or not folders:  # data:, http(s): never fetched
        return None
    return (folders[0] / unquote(parts.path)).resolve()
