"""Start-up and exit of a short-lived nota process, the costs a user waits for.

The engines are imported once per process (a pool worker pays for them once),
WeasyPrint's search for its C libraries is answered from one listing, the
cycle collector pauses while one proposal is rendered, and the process ends
without the interpreter's clean-up.
"""

from __future__ import annotations

import gc
import importlib
import re
import subprocess
import sys
from collections.abc import Sequence
from contextlib import contextmanager
from pathlib import Path

ENGINES = {  # every other format is a variant of the PDF, such as render's pdf-met-bron
    "pdf": ("generator.render.html", "generator.render.pdf"),
    "docx": ("generator.render.docx",),
}
CHECK_MODULES = ("generator.checks", "generator.render.context", "generator.render.pipeline")


def load_engines(formats: Sequence[str]) -> None:
    """Import the modules that rendering `formaten` needs, so later calls are warm."""
    needed = CHECK_MODULES + sum((ENGINES.get(f) or ENGINES["pdf"] for f in formats), ())
    modules = [m for m in dict.fromkeys(needed) if m not in sys.modules]
    if modules:  # the look-up below costs a process start; skip it when all are there
        with fast_library_lookup():
            for module in modules:
                importlib.import_module(module)


@contextmanager
def fast_library_lookup():
    """Answer ctypes' library look-ups from one `ldconfig -p` listing.

    WeasyPrint tries up to six names for each C library it loads. For every
    name that does not exist, ctypes.util.find_library runs ldconfig, gcc and
    ld in turn: about 0.2 s in all, a third of WeasyPrint's import. A name not
    in the listing gets None at once; WeasyPrint then tries its next name, and
    names such as 'libpango-1.0.so.0' are loaded by dlopen directly, which
    still honours LD_LIBRARY_PATH. Only active while the engines are imported.
    """
    import ctypes.util

    list_ = _ldconfig() if sys.platform.startswith("linux") else None
    if list_ is None:
        yield
        return
    original = ctypes.util.find_library

    def find(name: str) -> str | None:
        found = re.search(rf"^\s+(lib{re.escape(name)}\.\S+)\s", list_, re.MULTILINE)
        return found.group(1) if found else None

    ctypes.util.find_library = find
    try:
        yield
    finally:
        ctypes.util.find_library = original


def _ldconfig() -> str | None:
    for program in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            return subprocess.run(
                [program, "-p"], capture_output=True, text=True, timeout=5, env={"LC_ALL": "C", "LANG": "C"}
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
    return None


@contextmanager
def without_gc():
    """Pause Python's cycle collector while one proposal is rendered.

    Importing the engines and laying out a document create many objects and
    few cycles; the collector's passes over them cost about 7% of a whole
    `nota render`. Memory barely grows without them (measured: 87 MB instead
    of 85 MB for the example collegenota, 118 instead of 116 MB for 60 pages).
    When nota is the process's program it stays off: the process ends right
    after, and switching it on would start a full pass over every object.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and not nota_is_the_program():
            gc.enable()


def nota_is_the_program() -> bool:
    """True when this process is `nota` itself (not a test runner, nor under coverage,
    whose data is saved during the clean-up that afsluiten skips)."""
    if "coverage" in sys.modules:
        return False
    main_module = sys.modules.get("__main__")
    spec = getattr(main_module, "__spec__", None)
    if spec is not None:
        return spec.name == "generator.__main__"
    return Path(getattr(main_module, "__file__", "") or "").name == "nota"  # the console script
