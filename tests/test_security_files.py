"""Issue 21, the folder under attack (items 8, 9, 14): symlinks out of the folder, FIFOs and
devices where a proposal or an image should be. Every command ends, with a Dutch message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import PROPOSALS, ROOT

VOORBEELD = PROPOSALS / "collegenota-sociale-teams-2021.yaml"


def _nota(*args, cwd, timeout=120):
    """`nota ...` as its own process: a hang fails the test instead of stopping the suite."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_8_symlink_naar_buiten_wordt_overgeslagen_met_een_melding(cli, tmp_path, tmp_path_factory):
    buiten = tmp_path_factory.mktemp("buiten") / "geheim.yaml"
    shutil.copy(VOORBEELD, buiten)
    shutil.copy(VOORBEELD, tmp_path / "nota.yaml")
    (tmp_path / "x.yaml").symlink_to(buiten)
    (tmp_path / "binnen.yaml").symlink_to("nota.yaml")  # inside the folder: fine
    r = cli("check", tmp_path)
    assert r.exit_code == 1
    assert (
        f"{tmp_path / 'x.yaml'}: fout: overgeslagen: deze koppeling (symlink) wijst naar een bestand "
        "buiten de map; zet het voorstel zelf in de map\n"
    ) in r.stderr
    assert "2 voorstellen gecontroleerd: 2 in orde, 0 met fouten" in r.stderr


@pytest.mark.slow
def test_9_fifo_in_de_map_laat_check_en_render_niet_hangen(tmp_path):
    shutil.copy(VOORBEELD, tmp_path / "nota.yaml")
    os.mkfifo(tmp_path / "pijp.yaml")
    melding = (
        f"{tmp_path / 'pijp.yaml'}: fout: overgeslagen: dit is geen gewoon bestand (maar bijvoorbeeld een "
        "pijp of een apparaat); nota leest alleen gewone bestanden\n"
    )
    r = _nota("check", tmp_path, cwd=tmp_path)
    assert r.returncode == 1 and melding in r.stderr
    r = _nota("render", tmp_path, "-o", tmp_path / "uit", "--formaat", "docx", cwd=tmp_path)
    assert r.returncode == 1 and melding in r.stderr, r.stderr
    assert [p.suffix for p in (tmp_path / "uit").iterdir()] == [".docx"]


def test_9_decide_op_een_fifo_en_new_van_dev_zero(tmp_path):
    os.mkfifo(tmp_path / "pijp.yaml")
    r = _nota(
        "decide",
        "pijp.yaml",
        "--orgaan",
        "college",
        "--datum",
        "2021-02-09",
        "--uitkomst",
        "conform",
        cwd=tmp_path,
        timeout=60,
    )
    assert r.returncode == 1
    assert r.stderr == "pijp.yaml: fout: dit is geen gewoon bestand; nota schrijft alleen in gewone bestanden\n"
    (tmp_path / "nul.yaml").symlink_to("/dev/zero")
    r = _nota("new", "--van", "nul.yaml", "-o", "2022.yaml", cwd=tmp_path, timeout=60)
    assert r.returncode == 1
    assert r.stderr == (
        "nul.yaml: fout: dit is geen gewoon bestand (maar bijvoorbeeld een map, een pijp of een "
        "apparaat); nota leest alleen gewone bestanden\n"
    )
    assert not (tmp_path / "2022.yaml").exists()


@pytest.mark.slow
def test_14_een_fifo_als_afbeelding_laat_render_niet_hangen(tmp_path):
    tekst = VOORBEELD.read_text(encoding="utf-8").replace(
        "  aanleiding: |\n", "  aanleiding: |\n    ![Kaart](kaart.png)\n\n", 1
    )
    (tmp_path / "nota.yaml").write_text(tekst, encoding="utf-8")
    os.mkfifo(tmp_path / "kaart.png")
    r = _nota("render", "nota.yaml", "-o", "uit", "--formaat", "pdf", cwd=tmp_path)
    assert "Traceback" not in r.stderr
    assert r.returncode == 1, r.stderr  # ended, refused with a melding at the image
    assert r.stderr.startswith(
        "nota.yaml: fout: de afbeelding kaart.png is geen gewoon bestand (maar bijvoorbeeld "
        "een pijp of een apparaat); zet er een PNG- of JPEG-bestand neer\n"
    )
