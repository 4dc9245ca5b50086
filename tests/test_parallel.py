"""`nota render DIR` on a process pool: input order, bad files among good ones,
exit codes, no partial files, both cores, and the progress bar on a terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROPOSALS, ROOT

pytestmark = pytest.mark.slow  # renders many proposals in worker processes

EXAMPLE = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")


def variant(map_: Path, naam: str, kenmerk: str, extra_alineas: int = 0, tekst: str = EXAMPLE) -> Path:
    """The example collegenota with its own kenmerk (so its own output name)."""
    tekst = tekst.replace('kenmerk: "2021.01234"', f'kenmerk: "{kenmerk}"', 1)
    paragraph = "  " + "Een lange alinea die de nota langer maakt. " * 12 + "\n\n"
    tekst = tekst.replace("samenvatting: |\n", "samenvatting: |\n" + paragraph * extra_alineas, 1)
    path = map_ / naam
    path.write_text(tekst, encoding="utf-8")
    return path


def written(stdout: str) -> list[str]:
    return [Path(r.removeprefix("geschreven: ")).name for r in stdout.splitlines() if r.startswith("geschreven: ")]


def test_resultaten_in_invoervolgorde_ook_als_de_eerste_het_laatst_klaar_is(cli, tmp_path):
    from generator.render.pool import worker_count

    if worker_count(5) < 2:
        pytest.skip("één kern: de bestanden worden na elkaar gemaakt")
    invoer, out = tmp_path / "in", tmp_path / "uit"
    invoer.mkdir()
    variant(invoer, "01.yaml", "2021.1", extra_alineas=200)  # many pages: finishes last
    for i in range(2, 6):
        variant(invoer, f"{i:02d}.yaml", f"2021.{i}")
    r = cli("render", invoer, "-o", out, "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    names = [f"2021.{i}-continuering-sociale-teams-2021.pdf" for i in range(1, 6)]
    assert written(r.stdout) == names
    # what makes the order above meaningful: the first finished after the second
    assert (out / names[0]).stat().st_mtime > (out / names[1]).stat().st_mtime
    assert r.stderr.strip().endswith("5 voorstellen gemaakt")


def test_een_fout_voorstel_wordt_gemeld_en_de_andere_worden_gemaakt(cli, tmp_path):
    invoer, out = tmp_path / "in", tmp_path / "uit"
    invoer.mkdir()
    variant(invoer, "a.yaml", "2021.1")
    slecht = variant(invoer, "b.yaml", "2021.2", tekst=EXAMPLE.replace("datum: 2021-01-26", "datum: 2021-02-30"))
    variant(invoer, "c.yaml", "2021.3")
    variant(invoer, "d.yaml", "2021.4")
    r = cli("render", invoer, "-o", out)
    assert r.exit_code == 1
    assert f"{slecht}:8:8: fout: 2021-02-30 is geen bestaande datum" in r.stderr
    assert r.stderr.strip().endswith("3 voorstellen gemaakt, 1 overgeslagen wegens fouten")
    gemaakt = sorted(p.name for p in out.iterdir())
    assert gemaakt == sorted(
        f"2021.{i}-continuering-sociale-teams-2021.{ext}" for i in (1, 3, 4) for ext in ("docx", "pdf")
    )
    assert written(r.stdout) == [
        n
        for i in (1, 3, 4)
        for n in (f"2021.{i}-continuering-sociale-teams-2021.docx", f"2021.{i}-continuering-sociale-teams-2021.pdf")
    ]


@pytest.mark.parametrize("met_buur", [False, True], ids=["alleen", "in-een-map"])
def test_een_pdf_die_niet_kan_laat_ook_geen_docx_achter(cli, tmp_path, monkeypatch, met_buur):
    """Alone, the DOCX is made in a child beside the PDF; in a folder, a worker makes
    both in turn. Either way a failing PDF takes its proposal's DOCX with it.

    (An image outside the folder used to make the PDF fail; `nota check` refuses that now,
    before anything is made, so the PDF engine itself is made to fail here.)"""
    from generator.errors import Melding, NotaFout
    from generator.render import pdf

    echt = pdf.render_pdf

    def weigert_a(voorstel, *args, **kwargs):
        if voorstel.path.name == "a.yaml":
            raise NotaFout(Melding("de PDF kan niet worden gemaakt", voorstel.path))
        return echt(voorstel, *args, **kwargs)

    monkeypatch.setattr(pdf, "render_pdf", weigert_a)  # forked children inherit the patch
    map_ = tmp_path / "voorstel"
    map_.mkdir()
    slecht = variant(map_, "a.yaml", "2021.1")
    if met_buur:
        variant(map_, "b.yaml", "2021.2")
    out = tmp_path / "uit"
    r = cli("render", map_ if met_buur else slecht, "-o", out)
    assert r.exit_code == 1
    assert f"{slecht}: fout: de PDF kan niet worden gemaakt" in r.stderr
    over = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert over == (
        ["2021.2-continuering-sociale-teams-2021.docx", "2021.2-continuering-sociale-teams-2021.pdf"]
        if met_buur
        else []
    )


def traag_met_pid(path, search_path, out_dir, formats, docx_separately=False):
    """Stands in for maak_een: the first file is slow; 'written' is the worker's pid."""
    import time

    from generator.render.pipeline import Result

    time.sleep(0.3 if path.name == "0" else 0.05)
    return Result(path, written=[Path(str(os.getpid()))])


def test_de_pool_werkt_met_een_proces_per_kern_en_houdt_de_volgorde(monkeypatch, search_path, tmp_path):
    from generator.render import pool as parallel
    from generator.render.pool import worker_count, render_pool

    monkeypatch.setattr(parallel, "render_one", traag_met_pid)  # forked workers inherit the patch
    bestanden = [Path(str(i)) for i in range(6)]
    with render_pool(bestanden, search_path, tmp_path, ("pdf",)) as tasks:
        results = [t.result() for t in tasks]
    assert [r.bron for r in results] == bestanden
    pids = {r.written[0].name for r in results}
    assert str(os.getpid()) not in pids
    assert len(pids) == worker_count(6) >= 1


def test_voortgangsbalk_op_een_terminal_en_alleen_de_samenvatting_anders(cli, tmp_path):
    invoer = tmp_path / "in"
    invoer.mkdir()
    for i in range(1, 4):
        variant(invoer, f"{i}.yaml", f"2021.{i}")
    r = cli("render", invoer, "-o", tmp_path / "uit1", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    assert "Documenten maken" not in r.stderr and "\x1b[?25l" not in r.stderr  # no bar, no cursor games
    assert r.stderr.endswith("\n3 voorstellen gemaakt\n") or r.stderr == "3 voorstellen gemaakt\n"

    main_module, kind = pty.openpty()
    proces = subprocess.Popen(
        [sys.executable, "-m", "generator", "render", str(invoer), "-o", str(tmp_path / "uit2"), "--formaat", "pdf"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=kind,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(kind)
    uitvoer = b""
    while True:
        try:
            chunk = os.read(main_module, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        uitvoer += chunk
    assert proces.wait(60) == 0
    tekst = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", uitvoer.decode(errors="replace"))
    assert "Documenten maken" in tekst and "3/3" in tekst
    assert tekst.rstrip().endswith("3 voorstellen gemaakt")


def test_als_eigen_proces_komt_alle_uitvoer_aan_en_klopt_de_exitcode(tmp_path):
    """`nota` skips the interpreter's clean-up at the end: output must still be complete."""
    invoer = tmp_path / "in"
    invoer.mkdir()
    variant(invoer, "a.yaml", "2021.1")
    variant(invoer, "b.yaml", "2021.2", tekst=EXAMPLE.replace("datum: 2021-01-26", "datum: 2021-02-30"))
    r = subprocess.run(
        [sys.executable, "-m", "generator", "render", str(invoer), "-o", str(tmp_path / "uit")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1
    assert written(r.stdout) == [
        "2021.1-continuering-sociale-teams-2021.docx",
        "2021.1-continuering-sociale-teams-2021.pdf",
    ]
    assert "b.yaml:8:8: fout: 2021-02-30 is geen bestaande datum" in r.stderr
    assert r.stderr.endswith("1 voorstel gemaakt, 1 overgeslagen wegens fouten\n")


def test_opruimen_laat_een_ongewijzigd_bestaand_document_staan(monkeypatch, search_path, tmp_path, collegenota):
    """A final PDF with the same content is not written again but is listed as written;
    when the DOCX then fails, only what this run wrote may go."""
    from generator.render import pipeline as render
    from generator.errors import Melding, NotaFout
    from generator.render.pool import render_one

    out = tmp_path / "uit"
    out.mkdir()
    bestaand = out / "definitief.pdf"
    bestaand.write_bytes(b"%PDF-1.7 al besloten")
    nieuw = out / "nieuw.pdf"

    def write(voorstel, out_dir, formats, meldingen=None):
        if formats == ("docx",):
            raise NotaFout(Melding("het Word-sjabloon is kapot"))
        nieuw.write_bytes(b"%PDF-1.7 nieuw")
        return [bestaand, nieuw]

    monkeypatch.setattr(render, "write", write)
    result = render_one(collegenota, search_path, out, ("pdf", "docx"))
    assert not result.ok and result.written == []
    assert [str(m) for m in result.meldingen if m.is_error] == ["fout: het Word-sjabloon is kapot"]
    assert sorted(p.name for p in out.iterdir()) == ["definitief.pdf"]


def test_alleen_een_proces_met_een_draad_maakt_het_word_document_in_een_kind():
    """A child forked while another thread holds a lock (lxml's) waited for it forever: a
    pytest worker hung in render. With a second thread alive the DOCX is made in this process."""
    import subprocess
    import sys

    code = (
        "import threading, time\n"
        "from generator.render.pipeline import _can_fork\n"
        "before = _can_fork()\n"
        "threading.Thread(target=time.sleep, args=(5,), daemon=True).start()\n"
        "print(before, _can_fork())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["True", "False"]
