"""Limits before any work: only regular files, sizes checked before reading.

A document to import is foreign input. Before a byte is parsed nota checks
that it is a regular file of a sane size; a .docx's parts are measured by the
sizes its zip directory declares (python's zipfile never inflates past them),
and a PDF's embedded source is inflated with a cap, so a zip bomb or a 2 GiB
attachment is refused in milliseconds instead of filling memory or disk.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from pathlib import Path

from generator.errors import Melding, NotaFout

MAX_BESTAND = 32 * 1024 * 1024  # the document itself
MAX_DEEL = 64 * 1024 * 1024  # one part of a .docx, unpacked
MAX_UITGEPAKT = 256 * 1024 * 1024  # all parts of a .docx together, unpacked
MAX_DELEN = 5000  # parts in a .docx
MAX_BRON = 4 * 1024 * 1024  # the source YAML a nota PDF carries
MAX_PAGINAS = 500


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def regular_file(path: Path) -> int:
    """The size of `path`, refused unless it is a regular file within the limit."""
    try:
        info = path.stat()
    except OSError as e:
        raise NotaFout(Melding(f"niet te lezen: {e.strerror or e}", path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise NotaFout(Melding("is geen gewoon bestand (een map, pipe of apparaat); nota leest alleen bestanden", path))
    if info.st_size > MAX_BESTAND:
        raise NotaFout(
            Melding(
                f"is te groot om te importeren ({_mb(info.st_size)}; de grens is {_mb(MAX_BESTAND)})",
                path,
                hint="splits het document of sla het op zonder afbeeldingen",
            )
        )
    return info.st_size


def docx_parts(path: Path, data: bytes) -> None:
    """A .docx is a zip whose parts, unpacked, stay within the limits."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotaFout(
            Melding(
                "is geen Word-bestand (.docx): de inhoud is geen zip-pakket",
                path,
                hint="open het in Word en sla het op als .docx",
            )
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as pakket:
            delen = pakket.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise NotaFout(Melding(f"is geen leesbaar Word-bestand (.docx): {e}", path)) from None
    if len(delen) > MAX_DELEN:
        raise NotaFout(Melding(f"heeft {len(delen)} delen; meer dan {MAX_DELEN} leest nota niet", path))
    groot = next((d for d in delen if d.file_size > MAX_DEEL), None)
    if groot is not None:
        raise NotaFout(
            Melding(
                f"deel '{groot.filename}' is uitgepakt {_mb(groot.file_size)}; de grens is "
                f"{_mb(MAX_DEEL)} (een zip-bom of een beschadigd bestand)",
                path,
            )
        )
    totaal = sum(d.file_size for d in delen)
    if totaal > MAX_UITGEPAKT:
        raise NotaFout(Melding(f"is uitgepakt {_mb(totaal)}; de grens is {_mb(MAX_UITGEPAKT)}", path))


def capped_stream(stream, path: Path, limit: int = MAX_BRON) -> bytes | None:
    """The decoded bytes of a PDF stream, or None when it would exceed `limit`.

    Only unfiltered and Flate streams are read (the ones nota writes); the
    declared size is checked first, then inflation stops at the cap.
    """
    filters = _filters(stream)
    if filters is None:
        return None
    raw = stream.read_raw_bytes()
    if len(raw) > MAX_BESTAND:
        return None
    if not filters:
        return raw if len(raw) <= limit else None
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(raw, limit + 1)
    except zlib.error:
        return None
    return data if len(data) <= limit else None


def pdf_pages(n: int, path: Path) -> None:
    if n > MAX_PAGINAS:
        raise NotaFout(Melding(f"heeft {n} pagina's; meer dan {MAX_PAGINAS} importeert nota niet", path))


def pdf_contents(path: Path, data: bytes) -> None:
    """Each page's content streams inflate to at most MAX_DEEL together, checked with a cap
    before the layout reader inflates them whole (a 2 GiB page is refused in a second)."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            pdf_pages(len(pdf.pages), path)
            for number, page in enumerate(pdf.pages, 1):
                contents = page.obj.get("/Contents")
                streams = (
                    [] if contents is None else (list(contents) if isinstance(contents, pikepdf.Array) else [contents])
                )
                total = 0
                for stream in streams:
                    if not isinstance(stream, pikepdf.Stream) or not _inflatable(stream):
                        continue
                    inflated = capped_stream(stream, path, MAX_DEEL - total)
                    if inflated is None:
                        raise NotaFout(
                            Melding(
                                f"pagina {number} is uitgepakt groter dan {_mb(MAX_DEEL)} of "
                                "beschadigd; nota leest deze PDF niet",
                                path,
                                hint="een PDF-bom of een beschadigd bestand",
                            )
                        )
                    total += len(inflated)
    except (pikepdf.PdfError, ValueError, OSError) as e:
        raise unreadable_pdf(e, path) from None


def _inflatable(stream) -> bool:
    """Only a Flate or unfiltered stream is checked; other filters are left to the reader."""
    return hasattr(stream, "get") and _filters(stream) is not None


def _filters(stream) -> list[str] | None:
    """[] (none) or ["/FlateDecode"]; None for any other filter or with decode parameters."""
    import pikepdf

    found = stream.get("/Filter")
    found = [] if found is None else ([found] if isinstance(found, pikepdf.Name) else list(found))
    names = [str(f) for f in found]
    return names if names in ([], ["/FlateDecode"]) and stream.get("/DecodeParms") is None else None


def unreadable_pdf(error: Exception, path) -> NotaFout:
    """The one message for a PDF that pikepdf cannot open."""
    return NotaFout(
        Melding(
            f"is geen leesbare PDF: {str(error).splitlines()[0][:120]}",
            path,
            hint="open het en sla het opnieuw op als PDF",
        )
    )
