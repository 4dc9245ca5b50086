"""Every help screen fully Dutch, -o explained per command, and a mistyped kind is a usage
error (issue 12 items 6 and 10)."""

import re

import pytest

from generator.cli import COMMANDS

# click's own English words, as they would show up in a help screen
ENGLISH = {
    "usage",
    "options",
    "commands",
    "show",
    "this",
    "message",
    "and",
    "exit",
    "the",
    "version",
    "text",
    "integer",
    "range",
    "float",
    "path",
    "file",
    "directory",
    "boolean",
    "choice",
    "filename",
    "required",
    "default",
    "env",
    "var",
    "dynamic",
    "try",
    "for",
    "help",
    "error",
    "missing",
    "argument",
    "option",
    "uuid",
    "tuple",
}


def _words(help_text: str) -> set[str]:
    zonder_opties = re.sub(r"(?<!\w)--?[\w-]+", " ", help_text)  # option names are not prose
    return {w.lower() for w in re.findall(r"[A-Za-z]+", zonder_opties)}


@pytest.mark.parametrize("opdracht", [None, *COMMANDS])
def test_elk_hulpscherm_is_nederlands(cli, opdracht):
    r = cli(*([opdracht] if opdracht else []), "--help")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Gebruik: nota ")
    assert _words(r.stdout) & ENGLISH == set(), r.stdout


def test_metavars_en_standaarden_in_het_nederlands(cli):
    preview = " ".join(cli("preview", "--help").stdout.split())
    assert "--port GETAL" in preview and "[standaard: 8765; 0 t/m 65535]" in preview
    decide = " ".join(cli("decide", "--help").stdout.split())
    assert "--datum TEKST" in decide and "[verplicht]" in decide and "[required]" not in decide
    assert "--soort TEKST" in cli("import", "--help").stdout


@pytest.mark.parametrize(
    "opdracht, tekst",
    [
        ("render", "-o, --uitvoer MAP Een map, geen bestand: nota schrijft de documenten daarin"),
        ("besluitenlijst", "-o, --uitvoer MAP Een map, geen bestand: nota schrijft de besluitenlijst"),
        ("new", "-o, --uitvoer BESTAND Een bestand, geen map: de YAML die nota schrijft (standaard: het scherm)."),
        ("import", "-o, --uitvoer BESTAND Een bestand, geen map: de YAML die nota schrijft (standaard: <bron>.yaml)."),
    ],
)
def test_uitvoer_is_map_of_bestand(cli, opdracht, tekst):
    assert tekst in " ".join(cli(opdracht, "--help").stdout.split())


def test_voorbeelden_van_new_blijven_op_hun_regel(cli):
    regels = cli("new", "--help").stdout.splitlines()
    assert "    nota new collegenota -o mijn-nota.yaml   elk veld en elke sectie, met uitleg" in regels
    assert "    nota new --van 2021.yaml -o 2022.yaml    vorig jaar als begin" in regels


@pytest.mark.parametrize("opdracht", ["new", "schema"])
def test_verkeerd_getypte_soort_is_verkeerd_gebruik(cli, opdracht):
    r = cli(opdracht, "colegenota")
    assert r.exit_code == 2
    assert "onbekende soort 'colegenota'" in r.stderr and "bedoelde u 'collegenota'?" in r.stderr
    assert r.stdout == ""


def test_kapotte_eigen_soort_blijft_invoerfout(cli, tmp_path):
    """A kind that exists but cannot be read is the input's fault (1), not usage (2)."""
    (tmp_path / "eigen").mkdir()
    (tmp_path / "eigen" / "kind.yaml").write_text("velden: [\n", encoding="utf-8")
    r = cli("new", "eigen", "--templates", tmp_path)
    assert r.exit_code == 1 and "kind.yaml kan niet worden gelezen" in r.stderr
