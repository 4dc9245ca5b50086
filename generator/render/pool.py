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

from generator.render.engines import load_engines, without_gc
from generator.render.pipeline import Result, render_one


def worker_count(n_files: int) -> int:
    """One worker per core, never more than there are files."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return max(1, min(n_files, cores))


@contextmanager
def render_pool(bestanden: Sequence[Path], search_path, out_dir: Path, formats) -> Iterator[list[Future]]:
    """Start rendering every file; yields one Future per file, in input order.

    One file is rendered in this process (a pool would only add start-up);
    more go to a pool of warm workers, one per core. The workers exist before
    this returns, so a progress bar started afterwards is never forked along.
    Bad input never raises: it comes back as the Resultaat's meldingen.
    """
    formats = tuple(formats)
    if not bestanden:  # everything unchanged or refused: no engines, no pool
        yield []
        return
    if len(bestanden) == 1:
        task: Future = Future()
        try:
            with without_gc():
                task.set_result(render_one(bestanden[0], search_path, out_dir, formats, docx_separately=True))
        except Exception as e:  # reported like a worker's crash, by resultaten()
            task.set_exception(e)
        yield [task]
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        worker_count(len(bestanden)), mp_context=_context(), initializer=_start_worker, initargs=(formats,)
    )
    try:
        yield [pool.submit(_in_worker, b, search_path, out_dir, formats) for b in bestanden]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(formats) -> None:
    """A worker's start-up: the engines, then everything imported so far set aside
    for good (gc.freeze), so the collector only ever looks at one document's objects."""
    load_engines(formats)
    gc.freeze()
    gc.disable()


def _in_worker(path: Path, search_path, out_dir: Path, formats):
    """maak_een in a worker, then one collection: memory stays flat over many files."""
    import generator.render.pool as here  # looked up per call, so a test can stand in for it

    try:
        return here.render_one(path, search_path, out_dir, formats)
    finally:
        gc.collect()


def results(bestanden: Sequence[Path], tasks: list[Future]) -> Iterator:
    """Each file's Resultaat in input order; a crash in a worker becomes that file's melding."""
    from concurrent.futures.process import BrokenProcessPool

    from generator.errors import Melding

    for bestand, task in zip(bestanden, tasks, strict=True):
        try:
            yield task.result()
        except BrokenProcessPool:
            yield Result(
                bestand, meldingen=[Melding("het werkproces dat dit voorstel maakte, stopte onverwacht", bestand)]
            )
        except Exception as e:  # a bug for one proposal must not cost the others theirs
            yield Result(
                bestand,
                meldingen=[
                    Melding(
                        f"interne fout bij het maken ({type(e).__name__}: {e}); meld dit aan de beheerder van nota",
                        bestand,
                    )
                ],
            )


def with_progress(tasks: list[Future], uitkomsten: Iterator) -> Iterator:
    """`uitkomsten` as they come; on a terminal, a rich progress bar first.

    While the bar runs nothing else is printed (lines would tear it); the
    results follow, still in input order, once every file is done.
    """
    if len(tasks) < 2 or not sys.stderr.isatty():
        yield from uitkomsten
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("Documenten maken"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with bar:
        step = bar.add_task("maken", total=len(tasks))
        for task in tasks:
            task.add_done_callback(lambda _: bar.advance(step))
        everything = list(uitkomsten)
    yield from everything


def _context():
    """Fork where it exists: workers start with everything already imported."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)
