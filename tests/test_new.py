"""`nota new`: skeletons per kind and next year's proposal from this year's."""

import pytest
from ruamel.yaml import YAML

from conftest import PROPOSALS


@pytest.mark.parametrize("soort", ["collegenota", "raadsvoorstel", "beantwoording", "voortgangsrapportage"])
def test_skelet_heeft_elk_veld_en_elke_sectie(cli, search_path, soort):
    from generator.proposal.kinds import find_soort

    r = cli("new", soort)
    assert r.exit_code == 0, r.output
    data = YAML(typ="safe").load(r.stdout)
    s = find_soort(soort, search_path)
    assert data["soort"] == soort
    assert [v["sleutel"] for v in s.velden] == [k for k in data if k not in ("soort", "secties", "besluiten")]
    assert list(data.get("secties") or {}) == [x["sleutel"] for x in s.secties]
    for v in s.velden:
        assert f"# {v.get('label', '')}" in r.stdout


def test_skelet_naar_bestand_en_niet_overschrijven(cli, tmp_path):
    target = tmp_path / "nieuw.yaml"
    assert cli("new", "collegenota", "-o", target).exit_code == 0
    eerst = target.read_bytes()
    r = cli("new", "collegenota", "-o", target)
    assert r.exit_code == 1 and "bestaat al; kies een andere naam of gebruik --overschrijf" in r.stderr
    assert target.read_bytes() == eerst


def test_verkeerd_gebruik(cli):
    assert cli("new").exit_code == 2
    r = cli("new", "collegnota")
    assert r.exit_code == 2 and "bedoelde u 'collegenota'?" in r.stderr


def test_van_vorig_jaar(cli, tmp_path, search_path):
    from generator.proposal.validate import load_voorstel

    bron = tmp_path / "2021.yaml"
    bron.write_text(
        (PROPOSALS / "collegenota-sociale-teams-2021.yaml")
        .read_text(encoding="utf-8")
        .replace("besluiten: []", "besluiten:\n  - {orgaan: college, datum: 2021-02-09, uitkomst: conform}"),
        encoding="utf-8",
    )
    target = tmp_path / "2022.yaml"
    r = cli("new", "--van", bron, "-o", target)
    assert r.exit_code == 0, r.output
    tekst = target.read_text(encoding="utf-8")
    assert "onderwerp: Continuering sociale teams 2022" in tekst
    assert "tabel: Begroting 2022" in tekst and "tabel: Dekking 2022" in tekst
    assert 'kenmerk: "invullen"\n' in tekst and "datum: # invullen" in tekst
    assert "besluiten: []" in tekst
    assert tekst.startswith("# yaml-language-server: $schema=schema/collegenota.schema.json\n# Voorbeeld")
    assert (tmp_path / "schema" / "collegenota.schema.json").read_text(encoding="utf-8") == cli(
        "schema", "collegenota"
    ).stdout
    ingevuld = tekst.replace('kenmerk: "invullen"', 'kenmerk: "2022.1"')
    ingevuld = ingevuld.replace("datum: # invullen", "datum: 2022-01-25")
    target.write_text(ingevuld, encoding="utf-8")
    assert load_voorstel(target, search_path).data.besluiten == []


@pytest.mark.parametrize("soort", ["collegenota", "raadsvoorstel", "beantwoording", "voortgangsrapportage"])
def test_een_skelet_meldt_alleen_wat_nog_moet_worden_ingevuld(cli, tmp_path, soort):
    """Every melding on a fresh skeleton is a blank to fill in, never a type error of the
    skeleton itself (the raadsvoorstel's signature block was written as '')."""
    target = tmp_path / f"{soort}.yaml"
    assert cli("new", soort, "-o", target).exit_code == 0
    r = cli("check", target)
    assert r.exit_code == 1
    fouten = [regel for regel in r.stderr.splitlines() if ": fout: " in regel]
    assert fouten and all("nog niet ingevuld" in f for f in fouten), fouten
