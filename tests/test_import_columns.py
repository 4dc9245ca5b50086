"""Issue 26, third round: tables that pdftotext prints column by column, broken where a wrapped
label made a row taller or printed before their labels, put back together (importer/copied.py)
and checked against their totals; a footer printed between the columns; "(in € 1.000)".

The texts below have the shape of tests/data/import/vierde/collegevoorstel.txt (pdftotext of a
LibreOffice PDF made by tests/make_import_corpus.py), cut down to one table each.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from import_score import meets_bar, score, total
from make_import_corpus import OUT
from ruamel.yaml import YAML

DATA = OUT.parent
EXTS = (".docx", ".pdf", ".weasy.pdf", ".txt")

# columns first (each broken after its first row: "Reserve openbare / verlichting" is two lines
# high), then the title, the unit and the labels
KOLOMMEN_VOOR_LABELS = """Financiën
De kosten zijn geraamd op basis van vergelijkbare projecten.

2025
0,3

2026
0,3

0,18
0,48

0,12
0,42

Tabel 2. Dekking
Bedragen in mln euro
Dekking
Reserve openbare
verlichting
Budget onderhoud
Totaal

Aanbestedingen
De levering wordt meervoudig onderhands aanbesteed.
\f"""


def test_kolommen_voor_de_labels_worden_rijen():
    from generator.importer.copied import columns_as_rows

    regels = columns_as_rows(KOLOMMEN_VOOR_LABELS.replace("\f", "").splitlines())
    start = regels.index("Tabel 2. Dekking")
    assert "De kosten zijn geraamd op basis van vergelijkbare projecten." in regels[:start]
    assert regels[start : start + 9] == [
        "Tabel 2. Dekking",
        "",
        "Bedragen in mln euro",
        "",
        "Dekking\t2025\t2026",
        "Reserve openbare verlichting\t0,3\t0,3",
        "Budget onderhoud\t0,18\t0,12",
        "Totaal\t0,48\t0,42",
        "",
    ]


def test_gebroken_kolommen_na_de_labels_worden_rijen():
    from generator.importer.copied import columns_as_rows

    tekst = (
        "Dekking\nReserve openbare\nverlichting\nBudget onderhoud\nTotaal\n\n"
        "2025\n300\n\n2026\n300\n\n180\n480\n\n120\n420\n"
    )
    assert [r for r in columns_as_rows(tekst.splitlines()) if r] == [
        "Dekking\t2025\t2026",
        "Reserve openbare verlichting\t300\t300",
        "Budget onderhoud\t180\t120",
        "Totaal\t480\t420",
    ]


@pytest.mark.parametrize(
    "tekst",
    [
        # a lone label between amounts is no column: the blocks stay text
        "2025\n300\n\naanvraag kadernota\n\n460.000\n\nTotaal\nDekking 2021\n",
        # fragments that do not share out over the columns
        "2025\n300\n\n2026\n300\n\n180\n480\n\nDekking\nBudget\nTotaal\n",
        # row labels that are sentences are no labels
        "2025\n300\n\n180\n\nDe kosten stijgen.\nDat is zo.\n",
    ],
)
def test_blokken_die_niet_kloppen_blijven_tekst(tekst):
    from generator.importer.copied import columns_as_rows

    assert not any("\t" in r for r in columns_as_rows(tekst.splitlines()))


def _importeer(cli, tmp_path, tekst: str):
    bron = tmp_path / "voorstel.txt"
    bron.write_text("Collegevoorstel\nOnderwerp: Verlichting\n\n" + tekst, encoding="utf-8")
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(yaml), yaml


def test_herbouwde_tabel_geschaald_en_nagerekend(cli, tmp_path):
    _, data, _ = _importeer(cli, tmp_path, KOLOMMEN_VOOR_LABELS)
    tabel = next(b for b in data["secties"]["financien"] if isinstance(b, dict))
    assert tabel["tabel"] == "Tabel 2. Dekking" and tabel["kolommen"] == [2025, 2026]
    assert tabel["regels"] == [
        {"post": "Reserve openbare verlichting", "bedrag": [300000, 300000]},
        {"post": "Budget onderhoud", "bedrag": [180000, 120000]},
    ]
    assert tabel["totaal"] == [480000, 420000]


def test_verkeerd_herbouwde_tabel_wordt_gemarkeerd(cli, tmp_path):
    """Fragments in the wrong order give a table that does not add up: marked, never silent."""
    verkeerd = KOLOMMEN_VOOR_LABELS.replace("0,18\n0,48\n\n0,12\n0,42", "0,12\n0,48\n\n0,18\n0,42")
    r, _, yaml = _importeer(cli, tmp_path, verkeerd)
    assert r.exit_code == 1
    marker = (
        "    # NOTA IMPORT: tabel 'Tabel 2. Dekking': totaal 2025: de bron zegt € 480.000, de regels tellen op "
        "tot € 420.000"
    )
    regels = yaml.splitlines()
    assert marker in regels
    assert f"import.yaml:{regels.index(marker) + 1}:5: fout: tabel 'Tabel 2. Dekking': totaal 2025" in r.stderr


def test_voettekst_tussen_de_kolommen_is_meubilair():
    from generator.importer import furniture

    paginas = [
        "Collegevoorstel\nTekst.\nGemeente Zuidwoude · Collegevoorstel\n",
        "CONCEPT\nKosten\nTotaal\n\n2025\n480\n\nGemeente Zuidwoude · Collegevoorstel\n\n2026\n420\n",
        "CONCEPT\nTotaal\nGemeente Zuidwoude · Collegevoorstel\n\nNog iets.\n",
    ]
    assert furniture.running(paginas) == {"CONCEPT", "Gemeente Zuidwoude · Collegevoorstel"}


@pytest.mark.parametrize(
    "tekst,factor,woorden",
    [
        ("Tabel 1. Kosten (in € 1.000)", 1000, "(in € 1.000)"),
        ("Kosten (€ 1.000)", 1000, "(€ 1.000)"),
        ("Kosten (in € 1.000.000)", 1_000_000, "(in € 1.000.000)"),
    ],
)
def test_eenheid_in_euro_duizend(tekst, factor, woorden):
    from generator.importer.units import scale

    assert scale(tekst) == (Decimal(factor), woorden)
    assert scale("een bijdrage van € 1.000 per woning") is None


@pytest.mark.parametrize("stijl", ["apart", "vierde", "zesde", "zevende", "achtste", "negende"])
def test_gehouden_stijlen_halen_de_lat(stijl):
    """Every file of the held-out styles, pdftotext's text included (its tables rebuilt); zesde
    (content b) learned from in round 5, zevende in round 6, achtste
    (content c, a header grid of labels over values) in round 7, negende in rounds 8 and 9."""
    waarheid = json.loads((DATA / stijl / "truth.json").read_text(encoding="utf-8"))
    paden = [(DATA / stijl / f"{stem}{ext}", t) for stem, t in waarheid.items() for ext in EXTS]
    t = total([score(pad, t) for pad, t in paden])
    assert meets_bar(t), t


def test_label_onder_de_titel_is_geen_stil_onderwerp(cli, tmp_path):
    """pdftotext of a header table: "Naam voorstel" (a label of two words nota does not know) under
    the kind's title is kept as the onderwerp only with a marker."""
    bron = tmp_path / "voorstel.txt"
    bron.write_text(
        "Collegevoorstel\nNaam voorstel\n\nVervanging openbare verlichting\n\nSamenvatting\nKort.\n\f",
        encoding="utf-8",
    )
    r = cli("import", bron, "-o", tmp_path / "import.yaml")
    regels = (tmp_path / "import.yaml").read_text(encoding="utf-8").splitlines()
    marker = (
        "# NOTA IMPORT, NIET GEPLAATST: het onderwerp 'Naam voorstel' is kort als een label: controleer of het "
        "niet het label van het onderwerp is"
    )
    assert regels[regels.index("onderwerp: Naam voorstel") - 1] == marker
    assert r.exit_code == 1
    assert (
        f"import.yaml:{regels.index(marker) + 1}:1: fout: niet geplaatst bij het importeren: 'het onderwerp" in r.stderr
    )
