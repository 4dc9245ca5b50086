"""Shared fixtures: the example proposals, the kind search path, the CLI."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
PROPOSALS = ROOT / "proposals"
DATA = Path(__file__).resolve().parent / "data"
REFERENCE = ROOT.parent / "shared" / "reference"


@pytest.fixture
def search_path():
    from generator.proposal.kinds import search_path as zp
    return zp()


@pytest.fixture
def collegenota() -> Path:
    return PROPOSALS / "collegenota-sociale-teams-2021.yaml"


@pytest.fixture
def voorstel(tmp_path) -> Path:
    """A copy of the example collegenota in a folder of its own, for tests that change it."""
    path = tmp_path / "nota.yaml"
    shutil.copy(PROPOSALS / "collegenota-sociale-teams-2021.yaml", path)
    return path


@pytest.fixture
def cli():
    """Run `nota ...` in-process; returns the click Result (stdout and stderr apart)."""
    from generator.cli import main
    runner = CliRunner()

    def run(*args, **kwargs):
        return runner.invoke(main, [str(a) for a in args], prog_name="nota",
                             catch_exceptions=False, **kwargs)
    return run


def pdftotext(pdf: Path) -> str:
    """The text of a PDF in reading order (poppler's pdftotext -layout off)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext ontbreekt: installeer poppler-utils (zie .ci/run)")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def write(tmp_path: Path, naam: str, tekst: str) -> Path:
    path = tmp_path / naam
    path.write_text(tekst, encoding="utf-8")
    return path
