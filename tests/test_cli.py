"""The command line: exit codes 0/1/2, Dutch messages, output files."""

from conftest import write

GOED = """soort: collegenota
gemeente: Maastricht
onderwerp: Proef
kenmerk: "2021.1"
datum: 2021-01-26
portefeuillehouder: Wethouder
samenvatting: Korte tekst.
beslispunten:
  - Iets te besluiten.
secties:
  aanleiding: Daarom.
"""


def test_check_in_orde(cli, collegenota):
    r = cli("check", collegenota)
    assert r.exit_code == 0, r.output
    assert r.stderr.strip().endswith("1 voorstel gecontroleerd: 1 in orde, 0 met fouten")


def test_check_fout_geeft_exit_1_met_plaats(cli, tmp_path):
    path = write(
        tmp_path,
        "fout.yaml",
        GOED.replace("portefeuillehouder: Wethouder\n", "").replace("  aanleiding: Daarom.", "  aanleidng: Daarom."),
    )
    r = cli("check", path)
    assert r.exit_code == 1
    regels = r.stderr.splitlines()
    assert f"{path}:1:1: fout: 'portefeuillehouder' ontbreekt; dit veld is verplicht" in regels
    assert f"{path}:9:1: fout: 'aanleiding' ontbreekt; dit veld is verplicht (in secties)" in regels
    assert (f"{path}:10:3: fout: onbekende sleutel 'aanleidng' (in secties); bedoelde u 'aanleiding'?") in regels
    assert "Traceback" not in r.output


def test_verkeerd_gebruik_geeft_exit_2(cli, tmp_path):
    assert cli("check").exit_code == 2
    r = cli("check", tmp_path / "bestaat-niet.yaml")
    assert r.exit_code == 2
    assert "bestaat niet" in r.stderr
    r = cli("rendr", "x")
    assert r.exit_code == 2
    assert "onbekende opdracht 'rendr'; bedoelde u 'render'?" in r.stderr
    r = cli("render", "--formaat", "odt", tmp_path)
    assert r.exit_code == 2
    assert "Ongeldige waarde voor '--formaat'" in r.stderr


def test_lege_map_is_verkeerd_gebruik(cli, tmp_path):
    r = cli("check", tmp_path)
    assert r.exit_code == 2
    assert "geen .yaml-bestanden gevonden" in r.stderr


def test_render_schrijft_docx_en_pdf(cli, tmp_path):
    path = write(tmp_path, "proef.yaml", GOED)
    out = tmp_path / "uit"
    r = cli("render", path, "-o", out)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["2021.1-proef.docx", "2021.1-proef.pdf"]
    assert f"geschreven: {out / '2021.1-proef.pdf'}" in r.stdout


def test_render_alleen_pdf(cli, tmp_path):
    path = write(tmp_path, "proef.yaml", GOED)
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    assert [p.name for p in (tmp_path / "uit").iterdir()] == ["2021.1-proef.pdf"]


def test_render_met_fout_schrijft_niets(cli, tmp_path):
    path = write(tmp_path, "fout.yaml", GOED.replace("datum: 2021-01-26", "datum: 2021-02-30"))
    r = cli("render", path, "-o", tmp_path / "uit")
    assert r.exit_code == 1
    assert f"{path}:5:8: fout: 2021-02-30 is geen bestaande datum" in r.stderr
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


def test_help_is_nederlands(cli):
    r = cli("--help")
    assert r.exit_code == 0
    assert r.stdout.startswith("Gebruik: nota [OPTIES] OPDRACHT [ARGUMENTEN]...")
    assert "Opdrachten:" in r.stdout and "Toon deze hulp en stop." in r.stdout
