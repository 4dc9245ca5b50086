"""Final documents as a set (issue 12: 4, 10 `--bron`, 12, 15): a refused render changes
nothing on disk, the final DOCX is guarded like the final PDF, colliding names are refused
before anything is written, and documents are created under the user's umask."""

import os
import stat

import pytest
from docx import Document

from conftest import PROPOSALS, write

pytestmark = pytest.mark.slow  # renders decided document sets

NOTA = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
NAAM = "2021.01234-continuering-sociale-teams-2021"
REFUSED = (
    "fout: er staat al een definitief document met een andere inhoud; nota overschrijft een "
    "definitief document niet: verplaats het oude bestand eerst als de wijziging klopt"
)


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _decide(cli, path, datum, uitkomst, *args):
    r = cli("decide", path, "--orgaan", "college", "--datum", datum, "--uitkomst", uitkomst, *args)
    assert r.exit_code == 0, r.output


def _state(out):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(out.iterdir())}


def test_een_geweigerde_definitieve_render_laat_alles_staan(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA), tmp_path / "uit"
    _decide(cli, path, "2021-02-09", "conform")
    assert cli("render", path, "-o", out).exit_code == 0
    before = _state(out)
    _decide(cli, path, "2021-02-16", "aangehouden", "--vervang")
    r = cli("render", path, "-o", out)
    assert r.exit_code == 1
    assert r.stderr == (
        f"{out / NAAM}.docx: {REFUSED}\n{out / NAAM}.pdf: {REFUSED}\n"
        "0 voorstellen gemaakt, 1 overgeslagen wegens fouten\n"
    )
    assert _state(out) == before  # the final Word file is still there, untouched
    assert "Conform" in "\n".join(p.text for p in Document(out / f"{NAAM}.docx").paragraphs)


def test_definitieve_docx_met_dezelfde_inhoud_blijft_staan(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA), tmp_path / "uit"
    _decide(cli, path, "2021-02-09", "conform")
    assert cli("render", path, "-o", out).exit_code == 0
    before = _state(out)
    r = cli("render", path, "-o", out, "--opnieuw")
    assert r.exit_code == 0, r.output
    assert _state(out) == before  # same content: not written again (same bytes, same mtime)


def test_formaat_docx_overschrijft_een_definitieve_docx_niet(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA), tmp_path / "uit"
    _decide(cli, path, "2021-02-09", "conform")
    assert cli("render", path, "-o", out).exit_code == 0
    before = _state(out)
    _decide(cli, path, "2021-02-16", "afgewezen", "--vervang")
    r = cli("render", path, "-o", out, "--formaat", "docx")
    assert r.exit_code == 1
    assert f"{out / NAAM}.docx: {REFUSED}\n" in r.stderr
    assert _state(out) == before


def test_botsende_namen_worden_geweigerd_voordat_er_iets_geschreven_is(cli, tmp_path):
    invoer, out = tmp_path / "in", tmp_path / "uit"
    invoer.mkdir()
    a = write(invoer, "a.yaml", NOTA)
    b = write(invoer, "b.yaml", NOTA.replace("Zij helpen bewoners", "Zij helpen alle bewoners"))
    write(invoer, "c.yaml", NOTA.replace('kenmerk: "2021.01234"', 'kenmerk: "2021.5"'))
    r = cli("render", invoer, "-o", out)
    assert r.exit_code == 1
    for deze, andere in ((a, b), (b, a)):
        assert (
            f"{deze}: fout: de documenten van dit voorstel zouden '{NAAM}' heten, net als die van "
            f"{andere}; geef elk voorstel een eigen kenmerk of onderwerp (er is niets geschreven voor "
            "deze voorstellen)\n"
        ) in r.stderr
    assert r.stderr.endswith("1 voorstel gemaakt, 2 overgeslagen wegens fouten\n")
    assert sorted(p.name for p in out.iterdir()) == [
        "2021.5-continuering-sociale-teams-2021.docx",
        "2021.5-continuering-sociale-teams-2021.pdf",
    ]


def test_documenten_krijgen_de_umask_van_de_gebruiker(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    old = os.umask(0o077)
    try:
        r = cli("render", path, "-o", tmp_path / "uit")
    finally:
        os.umask(old)
    assert r.exit_code == 0, r.output
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "uit").iterdir()}
    assert modes == {f"{NAAM}.docx": 0o600, f"{NAAM}.pdf": 0o600}


def test_bron_bij_een_onbesloten_voorstel_zegt_waarom_niet(cli, tmp_path):
    path = write(tmp_path, "v.yaml", NOTA)
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf", "--bron")
    assert r.exit_code == 0, r.output
    assert r.stderr == (
        f"{path}: waarschuwing: --bron geldt alleen voor een besloten voorstel (PDF/A-3a met "
        "de YAML als bijlage); dit voorstel heeft nog geen besluit, dus de PDF is een concept "
        "zonder bron (leg eerst het besluit vast met 'nota decide')\n1 voorstel gemaakt\n"
    )


def test_een_opnieuw_gemaakt_document_houdt_zijn_rechten(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA), tmp_path / "uit"
    assert cli("render", path, "-o", out, "--formaat", "pdf").exit_code == 0
    pdf = out / f"{NAAM}.pdf"
    os.chmod(pdf, 0o640)
    assert cli("render", path, "-o", out, "--formaat", "pdf", "--opnieuw").exit_code == 0
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o640
