"""Issue 12, items 5 and 11: every message names the field and points at its own
line, amount advice is valid Dutch notation, and the JSON Schema agrees with check."""

import json
import re

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import PROPOSALS, ROOT, write

GELDIG = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
RAAD = (PROPOSALS / "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml").read_text(encoding="utf-8")


def _check(cli, tmp_path, tekst):
    path = write(tmp_path, "v.yaml", tekst)
    r = cli("check", path)
    fouten = [m.removeprefix(f"{path}:") for m in r.stderr.splitlines() if m.startswith(f"{path}:")]
    return r, fouten


def _line(nr: int, tekst: str, nieuw) -> str:
    regels = tekst.split("\n")
    regels[nr - 1] = nieuw(regels[nr - 1])
    return "\n".join(regels)


def test_empty_datum_at_its_own_line_naming_the_field(cli, tmp_path):
    r, fouten = _check(cli, tmp_path, GELDIG.replace("datum: 2021-01-26", "datum:"))
    assert r.exit_code == 1
    assert fouten == ["8:7: fout: 'datum' is nog niet ingevuld; schrijf een datum als JJJJ-MM-DD"]


def test_text_where_a_list_belongs_names_the_field(cli, tmp_path):
    tekst = re.sub(r"beslispunten:\n  - (.*)\n  - .*\n", r"beslispunten: \1\n", GELDIG)
    r, fouten = _check(cli, tmp_path, tekst)
    assert fouten == ["26:15: fout: 'beslispunten': hier hoort een lijst (regels die met '- ' beginnen)"]


def test_unclosed_quote_reported_where_it_opens(cli, tmp_path):
    r, fouten = _check(
        cli,
        tmp_path,
        GELDIG.replace("onderwerp: Continuering sociale teams 2021", 'onderwerp: "Continuering sociale teams 2021'),
    )
    assert fouten == [
        '6:12: fout: ongeldige YAML: het aanhalingsteken (") wordt op deze regel niet gesloten; '
        'zet aan het eind van de waarde ook een "'
    ]


def test_unclosed_quote_at_the_end_of_the_file(cli, tmp_path):
    r, fouten = _check(cli, tmp_path, GELDIG.replace("besluiten: []", "besluiten: '[]"))
    assert fouten == [
        "125:12: fout: ongeldige YAML: het aanhalingsteken (') wordt op deze regel niet gesloten; "
        "zet aan het eind van de waarde ook een '"
    ]


@pytest.mark.parametrize(
    "nr, nieuw, verwacht",
    [
        (
            110,
            lambda r: " " + r,
            "110:10: fout: ongeldige YAML: de inspringing klopt niet: deze regel springt "
            "1 spatie verder in dan regel 111 op hetzelfde niveau",
        ),
        (
            27,
            lambda r: " " + r,
            "27:4: fout: ongeldige YAML: de inspringing klopt niet: deze regel springt "
            "1 spatie verder in dan regel 28 op hetzelfde niveau",
        ),
        (
            93,
            lambda r: " " + r,
            "93:6: fout: ongeldige YAML: de inspringing klopt niet: deze regel springt "
            "1 spatie verder in dan regel 96 op hetzelfde niveau",
        ),
        (
            31,
            lambda r: " " + r,
            "31:4: fout: ongeldige YAML: de inspringing klopt niet: deze regel springt "
            "1 spatie verder in dan regel 43 op hetzelfde niveau",
        ),
        (
            13,
            lambda r: r[1:],
            "13:2: fout: ongeldige YAML: de inspringing klopt niet: deze regel springt "
            "1 spatie minder ver in dan regel 12 op hetzelfde niveau",
        ),
        (
            33,
            lambda r: r[2:],
            "33:3: fout: ongeldige YAML: de inspringing klopt niet: deze regel hoort bij de "
            "tekst erboven maar springt minder ver in dan die tekst",
        ),
    ],
    ids=["tabelregel", "beslispunt", "sectiedeel", "sectie", "steller", "tekstblok"],
)
def test_wrong_indentation_reported_at_the_line_itself(cli, tmp_path, nr, nieuw, verwacht):
    r, fouten = _check(cli, tmp_path, _line(nr, GELDIG, nieuw))
    assert r.exit_code == 1
    assert fouten == [verwacht]


def test_multi_year_row_with_too_few_amounts_at_the_row(cli, tmp_path):
    regel = next(i for i, r in enumerate(RAAD.split("\n"), 1) if "{post: Huur, bedrag: [20000, 20000, 20000]}" in r)
    tekst = RAAD.replace("{post: Huur, bedrag: [20000, 20000, 20000]}", "{post: Huur, bedrag: [20000, 20000]}")
    r, fouten = _check(cli, tmp_path, tekst)
    assert fouten == [
        f"{regel}:32: fout: de tabel heeft 3 kolommen (2020, 2021, 2022) maar hier staan 2 bedragen "
        "(in tabel 'Benodigd volgens het uitvoeringsplan', regel 3)"
    ]


@pytest.mark.parametrize(
    "geschreven, verwacht, advies",
    [
        (
            "9000.50",
            "9000.50 is een bedrag met een punt voor de centen; in het Nederlands staat daar een komma: "
            'schrijf "€ 9.000,50" (met aanhalingstekens)',
            '"€ 9.000,50"',
        ),
        (
            "1.5",
            "1.5 is een bedrag met een punt voor de centen; in het Nederlands staat daar een komma: "
            'schrijf "€ 1,50" (met aanhalingstekens)',
            '"€ 1,50"',
        ),
        (
            "40.000",
            "40.000 is een dubbelzinnig bedrag: YAML leest het als het kommagetal 40,000; schrijf 40000 of "
            '"€ 40.000" (met aanhalingstekens)',
            '"€ 40.000"',
        ),
        (
            "9,000",
            "YAML leest 9,000 niet als één bedrag: de komma scheidt daar twee waarden (in tabel "
            "'Begroting 2021', regel 2); schrijf 9000 of \"€ 9.000\" (met aanhalingstekens)",
            '"€ 9.000"',
        ),
        (
            '"9,000"',
            "'9,000' heeft een komma als duizendtalscheiding (Engels); in het Nederlands is dat een "
            'punt: schrijf 9000 of "€ 9.000"',
            '"€ 9.000"',
        ),
        (
            "9,50",
            "YAML leest 9,50 niet als één bedrag: de komma scheidt daar twee waarden (in tabel "
            "'Begroting 2021', regel 2); schrijf \"€ 9,50\" (met aanhalingstekens)",
            '"€ 9,50"',
        ),
    ],
)
def test_amount_advice_is_valid_dutch_notation(cli, tmp_path, geschreven, verwacht, advies):
    r, fouten = _check(cli, tmp_path, GELDIG.replace("bedrag: 40000,", f"bedrag: {geschreven},"))
    assert fouten == [f"102:65: fout: {verwacht}"]
    r, fouten = _check(cli, tmp_path, GELDIG.replace("bedrag: 40000,", f"bedrag: {advies},"))
    assert not [f for f in fouten if "bedrag" in f and "fout" in f and "102:" in f], fouten


def test_placeholder_in_an_optional_person_is_named(cli, tmp_path):
    r, fouten = _check(cli, tmp_path, GELDIG.replace("  naam: A. Jansen", "  naam: invullen"))
    assert fouten == ["12:9: fout: 'naam' (in steller) is nog niet ingevuld; vul het in"]


def test_no_developer_paths_in_messages(cli, tmp_path):
    tekst = GELDIG.replace("{post: Werkbudget, bedrag:", "{pots: Werkbudget, bedrag:")
    r, fouten = _check(cli, tmp_path, tekst)
    assert "104:12: fout: onbekende sleutel 'pots' (in tabel 'Begroting 2021', regel 4); bedoelde u 'post'?" in fouten
    assert not any(re.search(r"\w\.\d+\.", f) for f in fouten), fouten


def test_a_number_as_text_field_quoted_advice(cli, tmp_path):
    r, fouten = _check(cli, tmp_path, GELDIG.replace('kenmerk: "2021.01234"', "kenmerk: 202101234"))
    assert fouten == ["7:10: fout: 'kenmerk': hier hoort tekst; zet het getal tussen aanhalingstekens: \"202101234\""]


def _schema(soort: str) -> dict:
    return json.loads((ROOT / "schema" / f"{soort}.schema.json").read_text(encoding="utf-8"))


def _as_json(tekst: str):
    """The proposal as an editor's schema validator sees it (YAML numbers are numbers)."""
    return json.loads(json.dumps(YAML(typ="safe", pure=True).load(tekst), default=str))


@pytest.mark.parametrize("kenmerk, geldig", [("2024.00321", True), ('"2024.00321"', True), ("202400321", False)])
def test_schema_and_check_agree_on_an_unquoted_kenmerk(cli, tmp_path, kenmerk, geldig):
    tekst = GELDIG.replace('kenmerk: "2021.01234"', f"kenmerk: {kenmerk}")
    r, _ = _check(cli, tmp_path, tekst)
    assert (r.exit_code == 0) == geldig, r.stderr
    errors = list(jsonschema.Draft202012Validator(_schema("collegenota")).iter_errors(_as_json(tekst)))
    assert (not errors) == geldig, errors


def test_schema_refuses_an_amount_check_refuses_as_too_big(cli, tmp_path):
    tekst = GELDIG.replace("bedrag: 40000,", "bedrag: 1234567890123456789012345678,")
    r, _ = _check(cli, tmp_path, tekst)
    assert r.exit_code == 1
    assert list(jsonschema.Draft202012Validator(_schema("collegenota")).iter_errors(_as_json(tekst)))


@pytest.mark.parametrize("path", sorted(PROPOSALS.glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_examples_valid_against_their_schema(path):
    tekst = path.read_text(encoding="utf-8")
    soort = YAML(typ="safe", pure=True).load(tekst)["soort"]
    errors = list(jsonschema.Draft202012Validator(_schema(soort)).iter_errors(_as_json(tekst)))
    assert not errors, errors
