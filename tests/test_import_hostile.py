"""`nota import` of hostile and heavy input (issue 16): a Dutch message and exit 1, within
a time bound, nothing left behind. Every input is made here, small."""

from __future__ import annotations

import os
import time
import zipfile
import zlib

import pikepdf
from conftest import HANG
import pytest


def _importeer(cli, bron, tmp_path):
    before = set(tmp_path.iterdir())
    start = time.monotonic()
    r = cli("import", bron, "-o", tmp_path / "uit.yaml")
    return r, time.monotonic() - start, set(tmp_path.iterdir()) - before


def _refused(cli, bron, tmp_path, message: str, seconds: float = HANG) -> None:
    r, duur, nieuw = _importeer(cli, bron, tmp_path)
    assert r.exit_code == 1, r.output
    assert f"{bron}: fout: {message}" in r.stderr
    assert "Traceback" not in r.output
    assert duur < seconds
    assert nieuw == set()


def test_docx_die_geen_zip_is(cli, tmp_path):
    bron = tmp_path / "oud.docx"
    bron.write_bytes(b"Dit is gewoon tekst met de verkeerde extensie.\n")
    _refused(
        cli,
        bron,
        tmp_path,
        "is geen Word-bestand (.docx): de inhoud is geen zip-pakket (open het in Word en sla het op als .docx)",
    )


def test_docx_met_kapotte_inhoud(cli, tmp_path):
    bron = tmp_path / "oud.docx"
    with zipfile.ZipFile(bron, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
    _refused(cli, bron, tmp_path, "is geen leesbaar Word-bestand (.docx)")


def test_pdf_die_geen_pdf_is(cli, tmp_path):
    bron = tmp_path / "oud.pdf"
    bron.write_bytes(b"<html>geen pdf</html>")
    _refused(cli, bron, tmp_path, "is geen leesbare PDF")


def test_binaire_txt(cli, tmp_path):
    bron = tmp_path / "oud.txt"
    bron.write_bytes(bytes(range(256)) * 40)
    _refused(
        cli,
        bron,
        tmp_path,
        "is geen tekstbestand: de inhoud is binair (importeer het oorspronkelijke .docx- of .pdf-bestand)",
    )


def test_zip_bom_docx_wordt_geweigerd_voor_het_uitpakken(cli, tmp_path):
    bron = tmp_path / "bom.docx"
    with zipfile.ZipFile(bron, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * 2**20
            for _ in range(70):
                part.write(chunk)
    assert bron.stat().st_size < 200_000
    _refused(
        cli,
        bron,
        tmp_path,
        "deel 'word/document.xml' is uitgepakt 70 MB; de grens is 64 MB (een zip-bom of een beschadigd bestand)",
    )


def _pdf_with_source(path, stream_data: bytes, filter_: str | None = "/FlateDecode") -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    spec = pikepdf.AttachedFileSpec(pdf, b"x", filename="bron.yaml")
    spec.obj.AFRelationship = pikepdf.Name.Source
    pdf.attachments["bron.yaml"] = spec
    stream = pdf.attachments["bron.yaml"].obj.EF.F
    stream.write(stream_data, filter=pikepdf.Name(filter_) if filter_ else None)
    pdf.save(path)


def _two_gib_of_zeros() -> bytes:
    """A Flate stream that inflates to 2 GiB: fully flushed 1 MiB blocks, each the same bytes."""
    c = zlib.compressobj(9)
    first = c.compress(b"\0" * 2**20) + c.flush(zlib.Z_FULL_FLUSH)  # with the zlib header
    block = c.compress(b"\0" * 2**20) + c.flush(zlib.Z_FULL_FLUSH)
    return first + block * 2047


def test_pdf_met_bijlage_van_2_gib_leest_de_zichtbare_tekst(cli, tmp_path):
    bron = tmp_path / "bom.pdf"
    _pdf_with_source(bron, _two_gib_of_zeros())
    assert bron.stat().st_size < 5_000_000
    r, duur, nieuw = _importeer(cli, bron, tmp_path)
    assert "Traceback" not in r.output and duur < HANG
    assert (
        "aandacht: de ingesloten bron 'bron.yaml' is groter dan 4 MB of niet te lezen; "
        "de zichtbare tekst is geïmporteerd" in r.stderr
    )
    assert (tmp_path / "uit.yaml").stat().st_size < 10_000
    assert "exact uit de ingesloten bron" not in r.stderr


def test_pdf_met_latin1_bron(cli, tmp_path):
    bron = tmp_path / "latin.pdf"
    _pdf_with_source(bron, "soort: collegenota\nonderwerp: Café\n".encode("latin-1"), filter_=None)
    r, _, _ = _importeer(cli, bron, tmp_path)
    assert "Traceback" not in r.output
    assert (
        "aandacht: de ingesloten bron 'bron.yaml' is geen UTF-8 (byte 34); de zichtbare tekst is "
        "geïmporteerd" in r.stderr
    )


def test_50_mb_wordt_op_grootte_geweigerd(cli, tmp_path):
    bron = tmp_path / "groot.txt"
    with bron.open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: nothing is written to disk
    _refused(
        cli,
        bron,
        tmp_path,
        "is te groot om te importeren (50 MB; de grens is 32 MB) "
        "(splits het document of sla het op zonder afbeeldingen)",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="geen named pipes op dit platform")
def test_fifo_wordt_niet_gelezen(cli, tmp_path):
    bron = tmp_path / "pijp.txt"
    os.mkfifo(bron)
    _refused(cli, bron, tmp_path, "is geen gewoon bestand (een map, pipe of apparaat); nota leest alleen bestanden")


def _mebibyte_of_text() -> str:
    """1 MiB of distinct short lines (the heading matcher compares each with every title)."""
    delen = ["Samenvatting\n\nDe teams helpen.\n\n", "Beslispunten\n\n1. Iets te besluiten.\n\n"]
    n, size = 0, 60
    while size < 2**20:
        n += 1
        deel = (
            f"{n % 12 + 1}. Aanleiding\n\n"
            if n % 500 == 0
            else f"Regel {n} over de gewenste situatie in wijk {n % 97}\n\n"
            if n % 3
            else f"De sociale teams helpen bewoners {n} keer met vragen over zorg, werk en geld.\n\n"
        )
        delen.append(deel)
        size += len(deel)
    return "".join(delen)


@pytest.mark.slow  # a 1 MiB input
def test_tekst_van_1_mib(  # its time: bench/run
    cli, tmp_path
):
    bron = tmp_path / "groot.txt"
    bron.write_text(_mebibyte_of_text(), encoding="utf-8")
    r, duur, nieuw = _importeer(cli, bron, tmp_path)
    assert "Traceback" not in r.output
    assert nieuw - {tmp_path / "schema"} == {tmp_path / "uit.yaml"}  # and the kind's schema beside it


def test_pdf_met_pagina_van_2_gib_wordt_geweigerd(cli, tmp_path):
    bron = tmp_path / "pagina.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    inhoud = pikepdf.Stream(pdf, b"")
    inhoud.write(_two_gib_of_zeros(), filter=pikepdf.Name.FlateDecode)
    pdf.pages[0].obj.Contents = inhoud
    pdf.save(bron)
    _refused(
        cli,
        bron,
        tmp_path,
        "pagina 1 is uitgepakt groter dan 64 MB of beschadigd; nota leest deze PDF "
        "niet (een PDF-bom of een beschadigd bestand)",
    )
