"""Rendering one proposal: check it, then write all its documents or none.

`render_one` is the library's entry point for rendering; the pool's workers
call it, the preview calls `write` for a proposal that is already checked. The
documents are made in a staging folder and installed as one set
(output.install_set), so a failure or a refused final document changes nothing
in the output folder.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
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
    final: bool = False  # a decided proposal's documents: never replaced by other content

    @property
    def ok(self) -> bool:
        return not any(m.is_error for m in self.meldingen)


def write(voorstel, out_dir: Path, formats, meldingen: list | None = None) -> list[Path]:
    """Write the documents of a checked proposal; the context and the HTML rendition
    are made once and feed both the DOCX and the PDF."""
    from generator.render.output import base_name

    ctx, html = _rendition(voorstel)
    naam = base_name(voorstel)
    written = []
    if "docx" in formats:
        from generator.render.docx import render_docx

        render_docx(voorstel, ctx, out_dir / f"{naam}.docx", html=html)
        written.append(out_dir / f"{naam}.docx")
    if "pdf" in formats or WITH_SOURCE in formats:
        from generator.render.pdf import render_pdf

        render_pdf(voorstel, html, out_dir / f"{naam}.pdf", bron=WITH_SOURCE in formats, meldingen=meldingen)
        written.append(out_dir / f"{naam}.pdf")
    return written


_last_rendition: tuple = (None, None)


def _rendition(voorstel) -> tuple[dict, str]:
    """The context and HTML of `voorstel`, made once even when its formats are written
    one call at a time (the pool writes the DOCX, then the PDF, of the same proposal)."""
    global _last_rendition
    if _last_rendition[0] is not voorstel:
        from generator.render import context
        from generator.render.html import render_html

        ctx = context.build(voorstel)
        _last_rendition = (voorstel, (ctx, render_html(voorstel, ctx)))
    return _last_rendition[1]


def render_one(path: Path, search_path, out_dir: Path, formats, docx_separately: bool = False):
    """Check one proposal, then write all its documents or none of them.

    The documents are made in a staging folder inside `out_dir` and then
    moved into place as one set (output.install_set): bad input, a failing
    engine or a refused final document leaves `out_dir` as it was. With
    `docx_separately` the DOCX is made in a forked child while this process
    makes the PDF: one proposal on both cores.
    """
    voorstel, meldingen = check_file(path, search_path)
    result = Result(path, meldingen=list(meldingen))
    if voorstel is None or not result.ok:
        return result
    from generator.decisions.final import is_final

    result.final = is_final(voorstel)
    before_ = _existing(out_dir)
    with _staging(out_dir) as staging:
        staged = _make(voorstel, staging, formats, docx_separately, result)
        if result.ok:
            _install(staged, staging, out_dir, result)
        if not result.ok:
            _clean_up(staged, before_)
    return result


def _make(voorstel, staging: Path, formats, docx_separately: bool, result) -> list[Path]:
    if docx_separately and "docx" in formats and len(formats) > 1 and _can_fork():
        kind = _Child("het Word-document", _write_or_report, voorstel, staging, ("docx",))
        others = tuple(f for f in formats if f != "docx")
        load_engines(others)  # while the child imports the Word engine
        own = _write_or_report(voorstel, staging, others)
        parts = [kind.uitkomst(), own]  # the DOCX first, as `formats` lists it
    else:
        load_engines(formats)
        parts = [_write_or_report(voorstel, staging, (f,)) for f in formats]
    staged = []
    for written, errors in parts:
        staged += written
        result.meldingen += errors
    return staged


def _install(staged: list[Path], staging: Path, out_dir: Path, result) -> None:
    from generator.errors import NotaFout
    from generator.render.output import install_set

    mine = [p for p in staged if p.parent == staging]
    try:
        result.written = install_set(mine, out_dir, result.final)
    except NotaFout as e:
        result.meldingen += e.meldingen
        return
    result.written += [p for p in staged if p.parent != staging]


@contextmanager
def _staging(out_dir: Path):
    """A hidden folder inside `out_dir` (same file system: moving out is atomic), removed
    afterwards; `out_dir` itself is removed again when this run created it and left it empty."""
    import shutil
    import tempfile

    missing = [d for d in (out_dir, *out_dir.parents) if not d.exists()]
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".nota-", dir=out_dir))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in missing:  # innermost first; only what this run created and left empty
            if any(folder.iterdir()):
                break
            folder.rmdir()


def _existing(map_: Path) -> dict[str, tuple[int, int]]:
    """Name -> (inode, mtime) of every file already in `map_`."""
    try:
        return {e.name: (e.inode(), e.stat().st_mtime_ns) for e in os.scandir(map_) if e.is_file()}
    except FileNotFoundError:
        return {}


def _clean_up(written: list[Path], before_: dict[str, tuple[int, int]]) -> None:
    """Remove what this run wrote outside its staging folder (a stand-in `write` may do
    so). A file that was there already and was left as it was stays."""
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
        warnings: list = []  # e.g. a PDF bijlage that is not PDF/A
        return write(voorstel, out_dir, formats, warnings), warnings
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
    """Fork only a process with one thread: a child forked while another thread holds a lock
    (lxml's, the import lock, logging's) waits for it forever. `nota render` has one thread
    here; a host with threads (a test runner, a server) makes its DOCX in this process."""
    import multiprocessing
    import threading

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
