"""`nota check` stays light: it never imports the PDF or Word engines.

Measured in a fresh interpreter with `python -X importtime`, which lists
every module the process imports.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import PROPOSALS, ROOT

ZWAAR = ("weasyprint", "docx", "docxtpl", "fontTools", "PIL", "pydyf", "cffi")


def geimporteerd(*args: str) -> tuple[int, set[str]]:
    """Exit code and the top-level packages imported by `nota <args>` in a fresh process."""
    proces = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    modules = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", proces.stderr, re.MULTILINE)
    return proces.returncode, {m.split(".")[0] for m in modules} | set(modules)


def test_check_van_alle_voorbeelden_laadt_geen_pdf_of_word_engine():
    code, modules = geimporteerd("check", str(PROPOSALS))
    assert code == 0
    assert "generator.checks.registry" in modules and "pydantic" in modules  # the list is real
    assert modules.isdisjoint(ZWAAR), sorted(modules & set(ZWAAR))


def test_check_met_fouten_laadt_ze_ook_niet(tmp_path):
    slecht = tmp_path / "slecht.yaml"
    slecht.write_text("soort: collegenota\nonderwerp: [\n", encoding="utf-8")
    code, modules = geimporteerd("check", str(slecht))
    assert code == 1
    assert modules.isdisjoint(ZWAAR), sorted(modules & set(ZWAAR))


@pytest.mark.slow  # a fresh interpreter that loads WeasyPrint
def test_render_laadt_de_pdf_engine_wel(tmp_path):
    """The same measurement sees WeasyPrint when it is imported: the tests above can fail."""
    code, modules = geimporteerd(
        "render", "--formaat", "pdf", "-o", str(tmp_path), str(PROPOSALS / "collegenota-sociale-teams-2021.yaml")
    )
    assert code == 0
    assert "weasyprint" in modules
