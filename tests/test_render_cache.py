"""`nota render` renders only what changed (issue 15): a proposal whose documents were made
from the same input is skipped and reported as unchanged; `--opnieuw` forces it."""

import shutil

import pytest

from conftest import PROPOSALS, ROOT, write

NOTA = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
NAAM = "2021.01234-continuering-sociale-teams-2021"


@pytest.fixture(autouse=True)
def own_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _mtimes(out):
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir()}


def test_ongewijzigd_voorstel_wordt_overgeslagen(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA), tmp_path / "uit"
    assert cli("render", path, "-o", out).exit_code == 0
    before = _mtimes(out)
    r = cli("render", path, "-o", out)
    assert r.exit_code == 0
    assert r.stdout == f"ongewijzigd: {out / NAAM}.docx\nongewijzigd: {out / NAAM}.pdf\n"
    assert r.stderr == "0 voorstellen gemaakt, 1 ongewijzigd\n"
    assert _mtimes(out) == before
    assert sorted(before) == [f"{NAAM}.docx", f"{NAAM}.pdf"]  # the cache is not in the output folder


def test_opnieuw_maakt_alles_opnieuw(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA), tmp_path / "uit"
    assert cli("render", path, "-o", out).exit_code == 0
    r = cli("render", path, "-o", out, "--opnieuw")
    assert r.stdout == f"geschreven: {out / NAAM}.docx\ngeschreven: {out / NAAM}.pdf\n"


@pytest.mark.slow  # renders four times
def test_een_wijziging_een_weggehaald_document_of_een_ander_formaat_maakt_opnieuw(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA), tmp_path / "uit"
    assert cli("render", path, "-o", out).exit_code == 0
    path.write_text(NOTA.replace("Zij helpen bewoners", "Zij helpen alle bewoners"), encoding="utf-8")
    assert "geschreven:" in cli("render", path, "-o", out).stdout
    (out / f"{NAAM}.pdf").unlink()
    assert cli("render", path, "-o", out).stdout.count("geschreven:") == 2
    assert cli("render", path, "-o", out, "--formaat", "pdf").stdout == f"geschreven: {out / NAAM}.pdf\n"


@pytest.mark.slow  # renders four times
def test_een_gewijzigd_sjabloon_of_een_genoemde_afbeelding_maakt_opnieuw(cli, tmp_path):
    sjablonen = tmp_path / "sjablonen"
    shutil.copytree(ROOT / "templates" / "collegenota", sjablonen / "collegenota")
    tekst = NOTA.replace("per 2021 door te ontwikkelen.", "per 2021 door te ontwikkelen.\n\n    ![Kaart](kaart.png)")
    path, out = write(tmp_path, "v.yaml", tekst), tmp_path / "uit"
    (tmp_path / "kaart.png").write_bytes(_png())

    def render():
        r = cli("render", path, "-o", out, "--templates", sjablonen, "--formaat", "pdf")
        assert r.exit_code == 0, r.output
        return r.stdout

    assert render() == f"geschreven: {out / NAAM}.pdf\n"
    assert render() == f"ongewijzigd: {out / NAAM}.pdf\n"
    html = sjablonen / "collegenota" / "collegenota.html.j2"
    html.write_text(html.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert render() == f"geschreven: {out / NAAM}.pdf\n"
    (tmp_path / "kaart.png").write_bytes(_png(2))
    assert render() == f"geschreven: {out / NAAM}.pdf\n"
    (tmp_path / "ander.png").write_bytes(_png(3))  # not named by the proposal: does not count
    assert render() == f"ongewijzigd: {out / NAAM}.pdf\n"


@pytest.mark.slow  # renders twice
def test_een_afbeelding_in_een_submap_telt_mee(cli, tmp_path):
    tekst = NOTA.replace(
        "per 2021 door te ontwikkelen.", "per 2021 door te ontwikkelen.\n\n    ![Kaart](beeld/kaart.png)"
    )
    path, out = write(tmp_path, "v.yaml", tekst), tmp_path / "uit"
    (tmp_path / "beeld").mkdir()
    (tmp_path / "beeld" / "kaart.png").write_bytes(_png())
    args = ("render", path, "-o", out, "--formaat", "pdf")
    assert cli(*args).stdout.startswith("geschreven:")
    assert cli(*args).stdout.startswith("ongewijzigd:")
    (tmp_path / "beeld" / "kaart.png").write_bytes(_png(2))
    assert cli(*args).stdout.startswith("geschreven:")


def test_een_voorstel_met_fouten_wordt_niet_onthouden(cli, tmp_path):
    path, out = write(tmp_path, "v.yaml", NOTA.replace("datum: 2021-01-26", "datum: 2021-02-30")), tmp_path / "uit"
    assert cli("render", path, "-o", out).exit_code == 1
    r = cli("render", path, "-o", out)
    assert r.exit_code == 1 and "ongewijzigd" not in r.stdout


def _png(size: int = 1) -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * size for _ in range(size))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
