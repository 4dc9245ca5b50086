"""Reading old documents into lines: .txt as is, .docx paragraphs and tables, .pdf text.

Every reader gives a list of `Regel`s: the text, and whether it is a heading,
a list item or a table row (cells separated by tabs), so the structure pass
can work the same on all three.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import Melding, NotaFout
from generator.importer import furniture, guard
from generator.importer.regel import Regel
from generator.importer.tables import label_and_amount


def read_once(path: Path) -> bytes:
    """The document's bytes, read once (every reader parses these): a known type, a regular
    file within the size limit."""
    if path.suffix.lower() not in _readers():
        raise NotaFout(Melding("nota importeert .docx, .pdf en .txt; dit bestandstype niet", path))
    guard.regular_file(path)
    try:
        return path.read_bytes()
    except OSError as e:
        raise NotaFout(Melding(f"niet te lezen: {e.strerror or e}", path)) from None


def read(path: Path, data: bytes | None = None) -> list[Regel]:
    """The document as lines; `data`: its bytes when already read (read_once)."""
    data = read_once(path) if data is None else data
    return _readers()[path.suffix.lower()](path, data)


def _readers() -> dict:
    from generator.importer.docx_reader import read_docx
    from generator.importer.pdf_reader import read_pdf

    return {".txt": read_text, ".docx": read_docx, ".pdf": read_pdf}


def read_text(path: Path, data: bytes) -> list[Regel]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Word's "Unicode text" is UTF-16
        try:
            return lines_from_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    if b"\0" in data[:65536] or _control_share(data[:65536]) > 0.05:
        raise NotaFout(
            Melding(
                "is geen tekstbestand: de inhoud is binair",
                path,
                hint="importeer het oorspronkelijke .docx- of .pdf-bestand",
            )
        )
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = data.decode("cp1252", errors="replace")
    return lines_from_pdf_text(tekst) if _laid_out(tekst) else lines_from_text(tekst)


def _laid_out(tekst: str) -> bool:
    """Text copied with its layout (pdftotext -layout): table columns as runs of spaces."""
    regels = tekst.splitlines()
    columns = sum(1 for r in regels if "\t" not in r and re.search(r"\S {3,}(€ ?)?\d", r.strip()))
    return columns >= 3 and columns >= 0.02 * len(regels)


def _control_share(data: bytes) -> float:
    control = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return control / max(len(data), 1)


def lines_from_text(tekst: str) -> list[Regel]:
    """Text lines; hard-wrapped text copied out of a PDF joined into paragraphs first."""
    from generator.importer.copied import (
        columns_as_rows,
        tables_from_cells,
        unglued,
        without_furniture,
    )
    from generator.importer.points import marks_joined
    from generator.importer.wrapped import dates_joined, hyphen_joined, join_cut_addresses, unwrap

    repeated = furniture.running(tekst.split("\f")) if "\f" in tekst.rstrip("\f") else set()
    out = furniture.lines(sorted(repeated))
    regels = [
        r if r.strip() not in repeated and not furniture.PAGE_LINE.search(r) else ""
        for r in tekst.replace("\f", "\n").splitlines()
    ]  # before lines are joined into paragraphs
    if "\f" in tekst:  # copied out of a PDF: tables may come column by column
        regels = columns_as_rows(unglued(regels))
    unwrapped = unwrap(join_cut_addresses(dates_joined(hyphen_joined(regels))))
    for (i, _), r in zip(unwrapped, marks_joined([r for _, r in unwrapped])):
        r = r.rstrip()
        if "\t" in r and r.replace("\t", "").strip():
            out.append(Regel(r, "rij", i))
        else:
            out.append(Regel(r.strip(), "tekst" if r.strip() else "leeg", i))
    return tables_from_cells(without_furniture(out))


def source_from_pdf(path: Path, data: bytes) -> tuple[str | None, str | None]:
    """(source YAML, None) from a final nota PDF's attachment (relationship Source), or
    (None, why not) when there is one that cannot be used: too large, not UTF-8."""
    import io

    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for naam, bijlage in pdf.attachments.items():
                if naam.lower().endswith((".yaml", ".yml")) and bijlage.obj.get("/AFRelationship") == "/Source":
                    stream = bijlage.obj.get("/EF", {}).get("/F")  # type: ignore[call-overload]
                    inhoud = None if stream is None else guard.capped_stream(stream, path)
                    if inhoud is None:
                        return None, (
                            f"de ingesloten bron '{naam}' is groter dan {guard.MAX_BRON // 2**20} MB "
                            "of niet te lezen; de zichtbare tekst is geïmporteerd"
                        )
                    try:
                        return inhoud.decode("utf-8"), None
                    except UnicodeDecodeError as e:
                        return None, (
                            f"de ingesloten bron '{naam}' is geen UTF-8 (byte {e.start + 1}); "
                            "de zichtbare tekst is geïmporteerd"
                        )
    except pikepdf.PasswordError:
        raise NotaFout(Melding("is met een wachtwoord beveiligd; nota kan het niet lezen", path)) from None
    except (pikepdf.PdfError, ValueError, OSError) as e:
        raise guard.unreadable_pdf(e, path) from None
    return None, None


def lines_from_pdf_text(tekst: str) -> list[Regel]:
    """PDF text: page headers/footers dropped, columns of 2+ spaces as table cells."""
    pages = tekst.split("\f")
    repeated = furniture.running(pages)
    out = furniture.lines(sorted(repeated))
    for i, r in enumerate(_join_split_rows(tekst.replace("\f", "\n").splitlines()), 1):
        clean = r.strip()
        if furniture.PAGE_LINE.search(clean) or clean in repeated:
            continue
        if len(clean) == 1:  # a letter of the diagonal CONCEPT mark
            continue
        cells = [c for c in re.split(r"\s{2,}", clean) if c]
        if len(cells) == 1 and out and out[-1].soort == "rij" and label_and_amount(clean):
            cells = list(label_and_amount(clean) or ())  # "Bijdrage provincie -/- 50" under a row: a row
        if len(cells) > 1:
            out.append(Regel("\t".join(cells), "rij", i))
        else:
            out.append(Regel(" ".join(clean.split()), "tekst" if clean else "leeg", i))
    return out


def _join_split_rows(regels: list[str]) -> list[str]:
    """A table row split over two lines (label, then amounts far to the right) made one."""
    out: list[str] = []
    for r in regels:
        previous = out[-1] if out else ""
        if (
            re.match(r"^\s{12,}\S", r)
            and re.search(r"\d", r)
            and previous.strip()
            and len(re.split(r"\s{2,}", previous.strip())) == 1
            and previous.startswith(" ")
        ):
            out[-1] = previous.rstrip() + "  " + r.strip()
        else:
            out.append(r)
    return out
