"""Rendering one proposal: check it, then write all its documents or none.

`render_file` is the library's entry point for rendering; the command, the
pool's workers and the preview all call it (or `write`, for a proposal that is
already checked).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.checks import check_file
from generator.errors import Melding
from generator.render.engines import load_engines

WITH_SOURCE = "pdf-met-bron"  # the PDF of a decided proposal as PDF/A-3a with its YAML embedded


@dataclass
class Result:
    bron: Path
    written: list[Path] = field(default_factory=list)
    meldingen: list[Melding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(m.is_error for m in self.meldingen)


def write(voorstel, out_dir: Path, formats) -> list[Path]:
    from generator.render import context
    from generator.render.output import base_name
    ctx = context.build(voorstel)
    naam = base_name(voorstel)
    written = []
    if "docx" in formats:
        from generator.render.docx import render_docx
        render_docx(voorstel, ctx, out_dir / f"{naam}.docx")
        written.append(out_dir / f"{naam}.docx")
    if "pdf" in formats or WITH_SOURCE in formats:
        from generator.render.html import render_html
        from generator.render.pdf import render_pdf
        render_pdf(voorstel, render_html(voorstel, ctx), out_dir / f"{naam}.pdf", bron=WITH_SOURCE in formats)
        written.append(out_dir / f"{naam}.pdf")
    return written


def render_one(path: Path, search_path, out_dir: Path, formats, docx_separately: bool = False):
    """Check one proposal, then write all its documents or none of them.

    Each format is written on its own, so when one fails the others' files are
    known and removed: bad input never leaves half the documents. With
    `docx_apart` the DOCX is made in a forked child while this process makes
    the PDF: one proposal on both cores.
    """
    voorstel, meldingen = check_file(path, search_path)
    result = Result(path, meldingen=list(meldingen))
    if voorstel is None or not result.ok:
        return result
    before_ = _existing(out_dir)
    if docx_separately and "docx" in formats and len(formats) > 1 and _can_fork():
        kind = _Child("het Word-document", _write_or_report, voorstel, out_dir, ("docx",))
        others = tuple(f for f in formats if f != "docx")
        load_engines(others)  # while the child imports the Word engine
        own = _write_or_report(voorstel, out_dir, others)
        parts = [kind.uitkomst(), own]  # the DOCX first, as `formaten` lists it
    else:
        load_engines(formats)
        parts = [_write_or_report(voorstel, out_dir, (f,)) for f in formats]
    for written, errors in parts:
        result.written += written
        result.meldingen += errors
    if not result.ok:
        _clean_up(result.written, before_)
        result.written = []
    return result


def _existing(map_: Path) -> dict[str, tuple[int, int]]:
    """Name -> (inode, mtime) of every file already in `map_`."""
    try:
        return {e.name: (e.inode(), e.stat().st_mtime_ns) for e in os.scandir(map_) if e.is_file()}
    except FileNotFoundError:
        return {}


def _clean_up(written: list[Path], before_: dict[str, tuple[int, int]]) -> None:
    """Remove what this run wrote. A file that was there already and was left as it
    was (a final PDF with the same content is not written again) stays."""
    for target in written:
        try:
            state = target.stat()
        except FileNotFoundError:
            continue
        if before_.get(target.name) != (state.st_ino, state.st_mtime_ns):
            target.unlink()


def _write_or_report(voorstel, out_dir: Path, formats) -> tuple[list[Path], list]:
    from generator.errors import NotaFout
    try:
        return write(voorstel, out_dir, formats), []
    except NotaFout as e:
        return [], e.meldingen


class _Child:
    """Runs `functie(*args)` (making `wat`) in a forked child; `uitkomst()` waits for it."""

    def __init__(self, what: str, functie, *args):
        import multiprocessing
        self.what = what
        ctx = multiprocessing.get_context("fork")
        self._receiver, sender = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_in_child, args=(sender, functie, args), daemon=True)
        self._process.start()
        sender.close()

    def uitkomst(self):
        from generator.errors import Melding
        try:
            ok, waarde = self._receiver.recv()
        except EOFError:
            ok, waarde = False, "het hulpproces stopte onverwacht"
        self._process.join()
        if ok:
            return waarde
        return [], [Melding(f"{self.what} kon niet worden gemaakt: {waarde}")]


def _in_child(sender, functie, args) -> None:
    try:
        sender.send((True, functie(*args)))
    except Exception as e:  # reported by the parent as a melding; nothing escapes a child
        sender.send((False, f"{type(e).__name__}: {e}"))
    finally:
        sender.close()


def _can_fork() -> bool:
    import multiprocessing
    return "fork" in multiprocessing.get_all_start_methods()


