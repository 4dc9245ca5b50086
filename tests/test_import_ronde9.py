"""Issue 26, round 9: two tables that pdftotext printed into each other (importer/copied.py).

The texts below have the shape of tests/data/import/negende/raadsvoorstel.txt (pdftotext of a
LibreOffice PDF made by tests/make_import_corpus.py), cut down to the two tables: the next table's
year header printed inside a column of the cash schedule, and a totals row printed as a block after
its table's columns.
"""

from __future__ import annotations

KASRITME = """Kasritme
Jaar
2025
2026
2027
Totaal

Uitgaven
€ 1.350.000
€ 6.200.000
€ 2.300.000
€ 9.850.000

Rijksbijdrage

2028

2029

€0
€0
€ 410.000
€ 410.000

Saldo

€ 1.350.000
€ 6.200.000
€ 1.890.000
€ 9.440.000

Kapitaallasten
Omschrijving

2027

2030
"""

KAPITAALLASTEN = """Afschrijving gebouw
Afschrijving inrichting
Rentelasten
Onttrekking reserve
onderwijshuisvesting
Totaal

€ 210.000
€ 72.000
€ 246.250
€ -300.000

€ 210.000
€ 72.000
€ 240.000
€ -300.000

€ 228.250

€ 222.000

Welke risico's zijn er?
"""


def test_jaren_van_de_volgende_tabel_zijn_geen_cellen_van_de_kolom_erboven():
    from generator.importer.copied import columns_as_rows

    regels = [r for r in columns_as_rows(KASRITME.splitlines()) if r]
    assert regels[:5] == [
        "Kasritme",
        "Jaar\tUitgaven\tRijksbijdrage\tSaldo",
        "2025\t€ 1.350.000\t€0\t€ 1.350.000",
        "2026\t€ 6.200.000\t€0\t€ 6.200.000",
        "2027\t€ 2.300.000\t€ 410.000\t€ 1.890.000",
    ]
    assert regels[5] == "Totaal\t€ 9.850.000\t€ 410.000\t€ 9.440.000"
    # the years join the next table's header cells, in order
    assert regels[6:] == ["Kapitaallasten", "Omschrijving", "2027", "2028", "2029", "2030"]


def test_totaalregel_als_blok_na_de_kolommen_hoort_bij_de_tabel():
    from generator.importer.copied import columns_as_rows

    regels = columns_as_rows(KAPITAALLASTEN.splitlines())
    rijen = [r for r in regels if "\t" in r]
    assert rijen == [
        "Afschrijving gebouw\t€ 210.000\t€ 210.000",
        "Afschrijving inrichting\t€ 72.000\t€ 72.000",
        "Rentelasten\t€ 246.250\t€ 240.000",
        "Onttrekking reserve onderwijshuisvesting\t€ -300.000\t€ -300.000",
        "Totaal\t€ 228.250\t€ 222.000",
    ]
    assert "€ 228.250" not in regels and "Welke risico's zijn er?" in regels


def test_totaalblok_met_te_veel_bedragen_wordt_niet_teruggezet():
    """Three single amounts after two columns: the count does not match, nothing is put back as
    the totals row."""
    from generator.importer.copied import columns_as_rows

    tekst = KAPITAALLASTEN.replace("€ 222.000\n", "€ 222.000\n\n€ 5\n")
    regels = columns_as_rows(tekst.splitlines())
    assert "Totaal\t€ 228.250\t€ 222.000" not in regels
    assert ["€ 228.250", "€ 222.000", "€ 5"] == [r for r in regels if r in ("€ 228.250", "€ 222.000", "€ 5")]


def test_kasritme_en_kapitaallasten_in_de_yaml(cli, tmp_path):
    """The whole route: the cash schedule adds up with its three columns and totals; the capital
    charges keep their totals row and stay marked (their year header was printed elsewhere)."""
    bron = tmp_path / "voorstel.txt"
    bron.write_text(
        "Raadsvoorstel\nOnderwerp:\nKrediet kindcentrum\n\nSamenvatting\nEen nieuw kindcentrum.\n\n"
        "Wat kost het en hoe wordt het betaald?\nDe kosten staan hieronder.\n\n"
        + KASRITME
        + "\n"
        + KAPITAALLASTEN
        + "Geen.\n\f",
        encoding="utf-8",
    )
    cli("import", bron, "-o", tmp_path / "import.yaml")
    regels = [r.strip() for r in (tmp_path / "import.yaml").read_text(encoding="utf-8").splitlines()]
    kas = regels.index("- tabel: Kasritme")
    assert regels[kas + 2 : kas + 12] == [
        "kolommen: [Uitgaven, Rijksbijdrage, Saldo]",
        "postkop: Jaar",
        "regels:",
        "- {post: '2025', bedrag: [1350000, 0, 1350000]}",
        "- {post: '2026', bedrag: [6200000, 0, 6200000]}",
        "- {post: '2027', bedrag: [2300000, 410000, 1890000]}",
        "totaal:",
        "- 9850000",
        "- 410000",
        "- 9440000",
    ]
    assert "- {post: Onttrekking reserve onderwijshuisvesting, bedrag: [-300000, -300000]}" in regels
    tabel = next(n for n, r in enumerate(regels) if r.startswith("- tabel:") and n > kas)
    assert regels[tabel - 1].startswith("# NOTA IMPORT")
    assert regels[tabel + 8 : tabel + 11] == ["totaal:", "- 228250", "- 222000"]
