"""Issue 16, items 1 and 2, for proposal files: hostile input is refused quickly with a
Dutch file:line:col message, check and render agree, and nothing but a regular file
is read. The inputs are generated here, so no large test data is committed."""

import os
import subprocess
import sys
import time

import pytest

from conftest import HANG, PROPOSALS, write

GELDIG = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
TIME_BOUND = HANG


def _nota(*args, cwd=None):
    """`nota` in its own process, so a hang fails the test instead of stopping the run."""
    begin = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIME_BOUND,
        cwd=cwd,
    )
    return r, time.monotonic() - begin


NESTED = {
    "flow-500": (
        "soort: collegenota\nx: " + "[" * 500 + "]" * 500 + "\n",
        "2:44: fout: de structuur is dieper genest dan 40 niveaus",
    ),
    "blok-500": (
        "soort: collegenota\nx:\n" + "".join(" " * i + "-\n" for i in range(1, 500)),
        "43:42: fout: de structuur is dieper genest dan 40 niveaus",
    ),
    "sleutels-5000": (
        "soort: collegenota\nx: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n",
        "2:161: fout: de structuur is dieper genest dan 40 niveaus",
    ),
}


@pytest.mark.slow  # big inputs in a fresh interpreter
@pytest.mark.parametrize("naam", NESTED)
def test_deep_nesting_refused_fast(tmp_path, naam):
    tekst, verwacht = NESTED[naam]
    path = write(tmp_path, "diep.yaml", tekst)
    r, duur = _nota("check", path)
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == f"{path}:{verwacht}"
    assert "Traceback" not in r.stderr and duur < HANG


def _hostile(tmp_path, oud, nieuw, naam="v.yaml"):
    assert oud in GELDIG
    return write(tmp_path, naam, GELDIG.replace(oud, nieuw))


def _check_and_render_refuse(cli, tmp_path, path, verwacht):
    r = cli("check", path)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == f"{path}:{verwacht}"
    r = cli("render", path, "-o", tmp_path / "uit")
    assert r.exit_code == 1
    assert f"{path}:{verwacht}" in r.stderr
    assert "interne fout" not in r.stderr
    assert not (tmp_path / "uit").exists() or not [
        p for p in (tmp_path / "uit").iterdir() if p.suffix in (".pdf", ".docx")
    ]


def test_amount_of_28_digits(cli, tmp_path):
    path = _hostile(tmp_path, "bedrag: 40000,", "bedrag: 1234567890123456789012345678,")
    _check_and_render_refuse(
        cli,
        tmp_path,
        path,
        (
            "102:65: fout: 1234567890123456789012345678 is geen realistisch bedrag: een bedrag is kleiner dan "
            "€ 1.000.000.000.000 (duizend miljard)"
        ),
    )


def test_amount_as_text_of_40_digits(cli, tmp_path):
    path = _hostile(tmp_path, "bedrag: 40000,", 'bedrag: "€ ' + "1." + ".".join(["234"] * 13) + ',50",')
    r = cli("check", path)
    assert r.exit_code == 1
    assert "102:65: fout: '€ 1.234.234.234.234.234.234.234.234.234.…' is geen realistisch bedrag" in r.stderr


def test_lone_surrogate_escape(cli, tmp_path):
    path = _hostile(tmp_path, "onderwerp: Continuering sociale teams 2021", 'onderwerp: "Continuering \\ud800"')
    _check_and_render_refuse(
        cli,
        tmp_path,
        path,
        ("6:12: fout: deze tekst bevat een onzichtbaar stuurteken of ongeldig teken (U+D800); verwijder het"),
    )


def test_control_character_escape(cli, tmp_path):
    path = _hostile(tmp_path, "onderwerp: Continuering sociale teams 2021", 'onderwerp: "Continuering \\x07"')
    _check_and_render_refuse(
        cli,
        tmp_path,
        path,
        ("6:12: fout: deze tekst bevat een onzichtbaar stuurteken of ongeldig teken (U+0007); verwijder het"),
    )


def test_nul_byte_in_the_file(tmp_path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(GELDIG.replace("afdeling: Sociaal Domein", "afdeling: Sociaal\0Domein").encode("utf-8"))
    r, _ = _nota("check", path)
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == (
        f"{path}:10:18: fout: hier staat een onzichtbaar stuurteken (U+0000) "
        "dat in een YAML-bestand niet mag; verwijder het"
    )


def test_date_with_time_zone(cli, tmp_path):
    path = _hostile(tmp_path, "datum: 2021-01-26", "datum: 2021-01-26T10:00:00+01:00")
    r = cli("check", path)
    assert r.stderr.splitlines()[0] == (
        f"{path}:8:8: fout: 'datum': hier hoort een datum als JJJJ-MM-DD, zonder tijd of tijdzone"
    )


def test_word_of_200000_characters(cli, tmp_path):
    path = _hostile(tmp_path, "  openbare_ruimte: nvt", "  openbare_ruimte: " + "x" * 200_000)
    _check_and_render_refuse(
        cli,
        tmp_path,
        path,
        ("82:20: fout: deze tekst bevat een woord van meer dan 1000 tekens zonder spatie; dat past op geen bladzijde"),
    )


def test_fifo_as_proposal_does_not_hang(tmp_path):
    fifo = tmp_path / "pijp.yaml"
    os.mkfifo(fifo)
    r, _ = _nota("check", fifo)
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == (
        f"{fifo}: fout: dit is geen gewoon bestand (maar bijvoorbeeld een pijp of een apparaat); geef een YAML-bestand"
    )
    r, _ = _nota("check", tmp_path)  # in a folder too
    assert r.returncode == 1 and "dit is geen gewoon bestand" in r.stderr


def test_dev_zero_is_not_read(tmp_path):
    r, duur = _nota("check", "/dev/zero")
    assert r.returncode == 1
    assert "/dev/zero: fout: dit is geen gewoon bestand" in r.stderr and duur < HANG


def test_size_checked_before_reading(tmp_path):
    path = tmp_path / "groot.yaml"
    with open(path, "wb") as f:
        f.truncate(10 * 1024**3)  # sparse: 10 GiB that take no disk space
    r, duur = _nota("check", path)
    assert r.returncode == 1
    assert r.stderr.splitlines()[0] == (
        f"{path}: fout: bestand is te groot (10485760 KiB); een voorstel mag hoogstens 1024 KiB zijn"
    )
    assert duur < HANG
