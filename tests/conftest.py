"""Shared fixtures: the example proposals, the kind search path, the CLI."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
PROPOSALS = ROOT / "proposals"
# Seconds after which a command counts as hung (a FIFO, a zip bomb): a bound against
# waiting for ever, not a speed test (speed is measured in bench/).
HANG = 120
DATA = Path(__file__).resolve().parent / "data"
REFERENCE = DATA / "reference"  # copies of published documents, see its README.md


BROWSER_FIXTURES = {"browser", "pagina"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives a browser is slow, wherever it is written."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test its own render cache ($XDG_CACHE_HOME), also for the servers it starts:
    under `pytest -n 2` two workers never see each other's cache or the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


def require_tool(name: str) -> str:
    """The path of an optional system tool, or skip the test and say how to install it."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} ontbreekt op deze machine (zie .ci/run voor de installatie)")
    return found


CHROMIUM = "/usr/bin/chromium"


def require_chromium() -> str:
    """Debian's chromium and Playwright, or skip: the browser tests are optional."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright ontbreekt: pip install -e '.[test]'")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} ontbreekt: apt-get install chromium (zie .ci/run)")
    return CHROMIUM


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
        return runner.invoke(main, [str(a) for a in args], prog_name="nota", catch_exceptions=False, **kwargs)

    return run


def pdftotext(pdf: Path) -> str:
    """The text of a PDF in reading order (poppler's pdftotext -layout off)."""
    return subprocess.run(
        [require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def write(tmp_path: Path, naam: str, tekst: str) -> Path:
    path = tmp_path / naam
    path.write_text(tekst, encoding="utf-8")
    return path
