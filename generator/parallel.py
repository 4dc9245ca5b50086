"""Rendering many proposals at once: a pool of warm worker processes.

Each worker loads the PDF and Word engines once (its initializer) and then
renders proposal after proposal, reusing what the process caches: parsed
kinds, pydantic models, Jinja environments, rendered markdown. Results come
back in input order, whatever order the workers finish in.
"""
from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path

from .opstart import laad_engines, zonder_gc


def aantal_werkers(n_bestanden: int) -> int:
    """One worker per core, never more than there are files."""
    try:
        kernen = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        kernen = os.cpu_count() or 1
    return max(1, min(n_bestanden, kernen))


@contextmanager
def renderpool(bestanden: Sequence[Path], zoekpad, uitmap: Path, formaten) -> Iterator[list[Future]]:
    """Start rendering every file; yields one Future per file, in input order.

    One file is rendered in this process (a pool would only add start-up);
    more go to a pool of warm workers, one per core. The workers exist before
    this returns, so a progress bar started afterwards is never forked along.
    Bad input never raises: it comes back as the Resultaat's meldingen.
    """
    formaten = tuple(formaten)
    if len(bestanden) == 1:
        taak: Future = Future()
        try:
            with zonder_gc():
                taak.set_result(maak_een(bestanden[0], zoekpad, uitmap, formaten, docx_apart=True))
        except Exception as e:  # reported like a worker's crash, by resultaten()
            taak.set_exception(e)
        yield [taak]
        return
    from concurrent.futures import ProcessPoolExecutor
    pool = ProcessPoolExecutor(aantal_werkers(len(bestanden)), mp_context=_context(),
                               initializer=_start_werker, initargs=(formaten,))
    try:
        yield [pool.submit(_in_werker, b, zoekpad, uitmap, formaten) for b in bestanden]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_werker(formaten) -> None:
    """A worker's start-up: the engines, then everything imported so far set aside
    for good (gc.freeze), so the collector only ever looks at one document's objects."""
    laad_engines(formaten)
    gc.freeze()
    gc.disable()


def _in_werker(pad: Path, zoekpad, uitmap: Path, formaten):
    """maak_een in a worker, then one collection: memory stays flat over many files."""
    import generator.parallel as hier  # looked up per call, so a test can stand in for it
    try:
        return hier.maak_een(pad, zoekpad, uitmap, formaten)
    finally:
        gc.collect()


def resultaten(bestanden: Sequence[Path], taken: list[Future]) -> Iterator:
    """Each file's Resultaat in input order; a crash in a worker becomes that file's melding."""
    from concurrent.futures.process import BrokenProcessPool

    from .commands.render import Resultaat
    from .errors import Melding
    for bestand, taak in zip(bestanden, taken, strict=True):
        try:
            yield taak.result()
        except BrokenProcessPool:
            yield Resultaat(bestand, meldingen=[Melding(
                "het werkproces dat dit voorstel maakte, stopte onverwacht", bestand)])
        except Exception as e:  # a bug for one proposal must not cost the others theirs
            yield Resultaat(bestand, meldingen=[Melding(
                f"interne fout bij het maken ({type(e).__name__}: {e}); meld dit aan de beheerder "
                "van nota", bestand)])


def met_voortgang(taken: list[Future], uitkomsten: Iterator) -> Iterator:
    """`uitkomsten` as they come; on a terminal, a rich progress bar first.

    While the bar runs nothing else is printed (lines would tear it); the
    results follow, still in input order, once every file is done.
    """
    if len(taken) < 2 or not sys.stderr.isatty():
        yield from uitkomsten
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    balk = Progress(TextColumn("Documenten maken"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=Console(stderr=True), transient=True,
                    redirect_stdout=False, redirect_stderr=False)
    with balk:
        stap = balk.add_task("maken", total=len(taken))
        for taak in taken:
            taak.add_done_callback(lambda _: balk.advance(stap))
        alle = list(uitkomsten)
    yield from alle


def maak_een(pad: Path, zoekpad, uitmap: Path, formaten, docx_apart: bool = False):
    """Check one proposal, then write all its documents or none of them.

    Each format is written on its own, so when one fails the others' files are
    known and removed: bad input never leaves half the documents. With
    `docx_apart` the DOCX is made in a forked child while this process makes
    the PDF: one proposal on both cores.
    """
    from .commands.check import controleer_bestand
    from .commands.render import Resultaat
    voorstel, meldingen = controleer_bestand(pad, zoekpad)
    resultaat = Resultaat(pad, meldingen=list(meldingen))
    if voorstel is None or not resultaat.gelukt:
        return resultaat
    voor = _bestaande(uitmap)
    if docx_apart and "docx" in formaten and len(formaten) > 1 and _kan_forken():
        kind = _Kind("het Word-document", _schrijf_of_meld, voorstel, uitmap, ("docx",))
        overige = tuple(f for f in formaten if f != "docx")
        laad_engines(overige)  # while the child imports the Word engine
        eigen = _schrijf_of_meld(voorstel, uitmap, overige)
        delen = [kind.uitkomst(), eigen]  # the DOCX first, as `formaten` lists it
    else:
        laad_engines(formaten)
        delen = [_schrijf_of_meld(voorstel, uitmap, (f,)) for f in formaten]
    for geschreven, fouten in delen:
        resultaat.geschreven += geschreven
        resultaat.meldingen += fouten
    if not resultaat.gelukt:
        _ruim_op(resultaat.geschreven, voor)
        resultaat.geschreven = []
    return resultaat


def _bestaande(map_: Path) -> dict[str, tuple[int, int]]:
    """Name -> (inode, mtime) of every file already in `map_`."""
    try:
        return {e.name: (e.inode(), e.stat().st_mtime_ns) for e in os.scandir(map_) if e.is_file()}
    except FileNotFoundError:
        return {}


def _ruim_op(geschreven: list[Path], voor: dict[str, tuple[int, int]]) -> None:
    """Remove what this run wrote. A file that was there already and was left as it
    was (a final PDF with the same content is not written again) stays."""
    for doel in geschreven:
        try:
            stand = doel.stat()
        except FileNotFoundError:
            continue
        if voor.get(doel.name) != (stand.st_ino, stand.st_mtime_ns):
            doel.unlink()


def _schrijf_of_meld(voorstel, uitmap: Path, formaten) -> tuple[list[Path], list]:
    from .commands.render import schrijf
    from .errors import NotaFout
    try:
        return schrijf(voorstel, uitmap, formaten), []
    except NotaFout as e:
        return [], e.meldingen


class _Kind:
    """Runs `functie(*args)` (making `wat`) in a forked child; `uitkomst()` waits for it."""

    def __init__(self, wat: str, functie, *args):
        import multiprocessing
        self.wat = wat
        ctx = multiprocessing.get_context("fork")
        self._ontvanger, zender = ctx.Pipe(duplex=False)
        self._proces = ctx.Process(target=_in_kind, args=(zender, functie, args), daemon=True)
        self._proces.start()
        zender.close()

    def uitkomst(self):
        from .errors import Melding
        try:
            ok, waarde = self._ontvanger.recv()
        except EOFError:
            ok, waarde = False, "het hulpproces stopte onverwacht"
        self._proces.join()
        if ok:
            return waarde
        return [], [Melding(f"{self.wat} kon niet worden gemaakt: {waarde}")]


def _in_kind(zender, functie, args) -> None:
    try:
        zender.send((True, functie(*args)))
    except Exception as e:  # reported by the parent as a melding; nothing escapes a child
        zender.send((False, f"{type(e).__name__}: {e}"))
    finally:
        zender.close()


def _kan_forken() -> bool:
    import multiprocessing
    return "fork" in multiprocessing.get_all_start_methods()


def _context():
    """Fork where it exists: workers start with everything already imported."""
    import multiprocessing
    methoden = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methoden else None)
