"""`nota schema`: the JSON Schema per kind, and the committed copies stay current."""

import json

import pytest

from conftest import ROOT


def test_schema_van_de_collegenota(cli):
    r = cli("schema", "collegenota")
    assert r.exit_code == 0, r.output
    schema = json.loads(r.stdout)
    assert schema["title"] == "Collegenota"
    assert {"gemeente", "onderwerp", "beslispunten", "secties"} <= set(schema["properties"])


def test_onbekende_soort(cli):
    r = cli("schema", "collegnota")
    assert r.exit_code == 2  # a mistyped argument is usage (issue 12 item 6)
    assert "onbekende soort 'collegnota'" in r.stderr and "bedoelde u 'collegenota'?" in r.stderr


@pytest.mark.parametrize("path", sorted((ROOT / "schema").glob("*.schema.json")), ids=lambda p: p.name)
def test_vastgelegd_schema_is_actueel(cli, path):
    soort = path.name.removesuffix(".schema.json")
    r = cli("schema", soort)
    assert r.stdout == path.read_text(encoding="utf-8"), f"{path.name} is verouderd: draai 'nota schema --alle schema'"


def test_elk_voorbeeld_verwijst_naar_zijn_schema():
    for preview in (ROOT / "proposals").glob("*.yaml"):
        first = preview.read_text(encoding="utf-8").splitlines()[0]
        soort = next(
            r.split(":", 1)[1].strip()
            for r in preview.read_text(encoding="utf-8").splitlines()
            if r.startswith("soort:")
        )
        assert first == f"# yaml-language-server: $schema=../schema/{soort}.schema.json", preview.name
