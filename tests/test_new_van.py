"""`nota new`: placeholders in the skeleton, next year's proposal with every year moved and
every comment kept, and a $schema line that points at a file that exists
(issue 12 items 2, 9 and 11)."""

import pytest
from ruamel.yaml import YAML

from conftest import PROPOSALS, ROOT, write

VORIG = """\
# yaml-language-server: $schema=../schema/collegenota.schema.json
# Kop: de nota van 2021.
soort: collegenota
gemeente: Maastricht  # de gemeente
onderwerp: Continuering sociale teams 2021
kenmerk: "2021.01234"
datum: 2021-01-26
portefeuillehouder: Wethouder Zorg
# de samenvatting
samenvatting: |
  In 2021 gaan de teams door; kenmerk 2021.01234, € 2021 en 2.021 blijven.
  Zie grafiek-2021.png.
beslispunten:
  # het eerste punt
  - Door te gaan tot 31 december 2021.  # tot het eind van het jaar
  - Het plan 2021-2024 vast te stellen.
secties:
  aanleiding: |
    Sinds 2019 werken de teams.
  # de tabellen
  financien:
    - tabel: Begroting 2021
      kolommen: [2021, 2022]
      regels:
        # per jaar
        - {post: Inhuur 2021, bedragen: [2021, 3000]}
      totaal: [2021, 3000]
  uitvoering_evaluatie_vervolg: |
    Evaluatie in het eerste kwartaal van 2022.
besluiten:
  - {orgaan: college, datum: 2021-02-09, uitkomst: conform}  # besloten
# einde van het bestand
"""

VERWACHT = """\
# Kop: de nota van 2021.
soort: collegenota
gemeente: Maastricht  # de gemeente
onderwerp: Continuering sociale teams 2022
kenmerk: "invullen"
datum: # invullen
portefeuillehouder: Wethouder Zorg
# de samenvatting
samenvatting: |
  In 2022 gaan de teams door; kenmerk 2021.01234, € 2021 en 2.021 blijven.
  Zie grafiek-2021.png.
beslispunten:
  # het eerste punt
  - Door te gaan tot 31 december 2022.  # tot het eind van het jaar
  - Het plan 2022-2025 vast te stellen.
secties:
  aanleiding: |
    Sinds 2020 werken de teams.
  # de tabellen
  financien:
    - tabel: Begroting 2022
      kolommen: [2022, 2023]
      regels:
        # per jaar
        - {post: Inhuur 2022, bedragen: [2021, 3000]}
      totaal: [2021, 3000]
  uitvoering_evaluatie_vervolg: |
    Evaluatie in het eerste kwartaal van 2023.
besluiten: []
# einde van het bestand
"""


def test_van_verzet_elk_jaartal_en_houdt_commentaar(cli, tmp_path):
    bron = write(tmp_path, "2021.yaml", VORIG)
    target = tmp_path / "2022.yaml"
    r = cli("new", "--van", bron, "-o", target)
    assert r.exit_code == 0, r.output
    assert target.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=schema/collegenota.schema.json\n" + VERWACHT
    )


def test_van_noemt_elke_wijziging(cli, tmp_path):
    """Each change with the line in the old file where the year stands."""
    bron = write(tmp_path, "2021.yaml", VORIG)
    r = cli("new", "--van", bron, "-o", tmp_path / "2022.yaml")
    assert r.stderr.splitlines() == [
        f"overgenomen uit {bron}, met 13 wijzigingen:",
        f"  {bron}:5: onderwerp: 2021 → 2022",
        f"  {bron}:11: samenvatting: 2021 → 2022",
        f"  {bron}:15: beslispunten[1]: 2021 → 2022",
        f"  {bron}:16: beslispunten[2]: 2021 → 2022, 2024 → 2025",
        f"  {bron}:19: secties.aanleiding: 2019 → 2020",
        f"  {bron}:22: secties.financien[1].tabel: 2021 → 2022",
        f"  {bron}:23: secties.financien[1].kolommen[1]: 2021 → 2022",
        f"  {bron}:23: secties.financien[1].kolommen[2]: 2022 → 2023",
        f"  {bron}:26: secties.financien[1].regels[1].post: 2021 → 2022",
        f"  {bron}:29: secties.uitvoering_evaluatie_vervolg: 2022 → 2023",
        f"  {bron}:6: kenmerk: 'invullen' (nieuw kenmerk invullen)",
        f"  {bron}:7: datum: leeg gemaakt: invullen",
        f"  {bron}:30: besluiten: 1 besluit weggelaten",
        f"geschreven: {tmp_path / '2022.yaml'}",
    ]


def test_van_laat_niets_leeg_dat_door_de_controle_komt(cli, tmp_path):
    bron = write(tmp_path, "2021.yaml", (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8"))
    target = tmp_path / "2022.yaml"
    assert cli("new", "--van", bron, "-o", target).exit_code == 0
    tekst = target.read_text(encoding="utf-8")
    assert "kenmerk: ''" not in tekst and 'kenmerk: ""' not in tekst
    target.write_text(tekst.replace("datum: # invullen", "datum: 2022-01-25"), encoding="utf-8")
    r = cli("check", target)
    assert r.exit_code == 1 and "kenmerk" in r.stderr


def test_skelet_toont_wat_nog_leeg_is(cli, search_path):
    from generator.proposal.placeholders import FILL_IN, ITEM, MARKDOWN

    r = cli("new", "collegenota")
    assert r.exit_code == 0, r.output
    data = YAML(typ="safe").load(r.stdout)
    assert [data[k] for k in ("gemeente", "onderwerp", "kenmerk", "portefeuillehouder")] == [FILL_IN] * 4
    assert data["samenvatting"] == MARKDOWN + "\n" and data["beslispunten"] == [ITEM]
    assert data["secties"]["aanleiding"] == MARKDOWN + "\n"
    assert data["afdeling"] == "" and data["secties"]["context"] == "nvt"  # optional: blank is allowed


def test_skelet_met_alleen_datum_komt_niet_door_de_controle(cli, tmp_path):
    target = tmp_path / "nota.yaml"
    assert cli("new", "collegenota", "-o", target).exit_code == 0
    target.write_text(target.read_text(encoding="utf-8").replace("datum:\n", "datum: 2022-01-25\n"), encoding="utf-8")
    r = cli("check", "--strikt", target)
    assert r.exit_code == 1
    for sleutel in ("gemeente", "onderwerp", "kenmerk", "samenvatting", "beslispunten", "aanleiding"):
        assert sleutel in r.stderr


def test_schema_staat_naast_het_voorstel_en_verhuist_mee(cli, tmp_path):
    target = tmp_path / "diep" / "in" / "nota.yaml"
    target.parent.mkdir(parents=True)
    r = cli("new", "collegenota", "-o", target)
    assert r.exit_code == 0, r.output
    eerste = target.read_text(encoding="utf-8").splitlines()[0]
    assert eerste == "# yaml-language-server: $schema=schema/collegenota.schema.json"
    schema = target.parent / "schema" / "collegenota.schema.json"
    assert schema.read_text(encoding="utf-8") == cli("schema", "collegenota").stdout
    verhuisd = tmp_path / "elders"
    (tmp_path / "diep" / "in").rename(verhuisd)
    assert (verhuisd / eerste.split("$schema=", 1)[1]).is_file()
    assert ROOT not in schema.resolve().parents


def test_een_tweede_voorstel_gebruikt_hetzelfde_schema(cli, tmp_path):
    assert cli("new", "collegenota", "-o", tmp_path / "a.yaml").exit_code == 0
    schema = tmp_path / "schema" / "collegenota.schema.json"
    schema.chmod(0o444)  # written once: a second proposal finds it as it is
    r = cli("new", "collegenota", "-o", tmp_path / "b.yaml")
    assert r.exit_code == 0, r.output
    assert (
        (tmp_path / "b.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=schema/collegenota.schema.json\n")
    )
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == ["collegenota.schema.json"]


def test_schema_regel_naar_schema_map_in_de_buurt(cli, tmp_path):
    (tmp_path / "schema").mkdir()
    assert cli("schema", "--alle", tmp_path / "schema").exit_code == 0
    (tmp_path / "voorstellen").mkdir()
    r = cli("new", "raadsvoorstel", "-o", tmp_path / "voorstellen" / "x.yaml")
    assert r.exit_code == 0, r.output
    assert (
        (tmp_path / "voorstellen" / "x.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schema/raadsvoorstel.schema.json\n")
    )


def test_eigen_soort_krijgt_zijn_eigen_schema(cli, tmp_path):
    import json
    import shutil

    shutil.copytree(ROOT / "templates" / "collegenota", tmp_path / "huisstijl" / "mijnnota")
    target = tmp_path / "x.yaml"
    r = cli("new", "mijnnota", "--templates", tmp_path / "huisstijl", "-o", target)
    assert r.exit_code == 0, r.output
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=schema/mijnnota.schema.json\nsoort: mijnnota\n"
    )
    schema = json.loads((tmp_path / "schema" / "mijnnota.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["soort"]["const"] == "mijnnota" and "let op" not in r.stderr


def test_op_het_scherm_zonder_schema_geen_regel_maar_uitleg(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("new", "collegenota")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("soort: collegenota\n") and not (tmp_path / "schema").exists()
    assert "let op: er is geen JSON Schema van 'collegenota' gevonden" in r.stderr
    assert "nota schema collegenota > schema/collegenota.schema.json" in r.stderr


@pytest.mark.parametrize(
    "oud, nieuw",
    [
        ("tot 31 december 2021.", "tot 31 december 2022."),
        ("plan 2021-2024", "plan 2022-2025"),
        ("schooljaar 2021/2022", "schooljaar 2022/2023"),
        ("op 2021-01-26", "op 2022-01-26"),
        ("(2021)", "(2022)"),
        ("€ 2021", "€ 2021"),
        ("2.021 euro", "2.021 euro"),
        ("2021,50", "2021,50"),
        ("kenmerk 2021.01234", "kenmerk 2021.01234"),
        ("Raadsmededeling 2019-000076", "Raadsmededeling 2019-000076"),
        ("Postbus 1992", "Postbus 1992"),
        ("tel. 043 350 2000", "tel. 043 350 2000"),
        ("grafiek-2021.png", "grafiek-2021.png"),
        ("zie a/2021/b", "zie a/2021/b"),
        ("12021 en 20210", "12021 en 20210"),
    ],
)
def test_wat_een_jaartal_is(oud, nieuw):
    from generator.proposal.next_year import next_year

    assert next_year(oud)[0] == nieuw
