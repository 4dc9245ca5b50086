"""`nota import`, issue 26's sixth round: generic rules, each on a small input written here (not a
corpus file): a Word document whose sections are all "Heading 2", a classification stamp above the
title, a decision stamp whose outcome stands on the line under it (before the proposal, in a box),
a header label a narrow cell broke at its hyphen, a point's mark printed on a line of its own or
as a cell of its own, and a table whose amount columns have no heading."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

COLLEGENOTA = (
    "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nKenmerk: Z/24/1\nDatum: 3 maart 2024\n"
    "Portefeuillehouder: J. Jansen\nAfdeling: Ruimte\nSteller: A. Booms\n\nSamenvatting\nKort.\n\n"
    "Het college besluit:\n1. De speeltuin te vernieuwen.\n\nAanleiding\nDe speeltuin is oud.\n\n"
)


def _importeer(cli, tmp_path, tekst: str, naam: str = "voorstel.txt"):
    bron = tmp_path / naam
    bron.write_text(tekst, encoding="utf-8")
    return _importeer_bestand(cli, tmp_path, bron)


def _importeer_bestand(cli, tmp_path, bron):
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(yaml), yaml.splitlines()


def test_word_alle_secties_als_kop_2(cli, tmp_path):
    """No Heading 1 in the body: the highest heading level used ("Kop 2", typed numbers) is the
        sections' level; a Heading 3 under one stays its subheading. Before, a "Kop 2" under a section
    was a subheading of it: every section after the first was glued into the first."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Collegenota")
    doc.add_paragraph("Onderwerp: Speeltuin Dorpsstraat")
    doc.add_heading("1. Inleiding", level=2)
    doc.add_paragraph("De speeltuin is oud.")
    doc.add_heading("Toestellen", level=3)
    doc.add_paragraph("De schommel is kapot.")
    doc.add_heading("2. Financiën", level=2)
    doc.add_paragraph("De kosten zijn laag.")
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    _, data, regels = _importeer_bestand(cli, tmp_path, pad)
    assert data["secties"]["aanleiding"] == "De speeltuin is oud.\n\n### Toestellen\n\nDe schommel is kapot.\n"
    assert data["secties"]["financien"] == "De kosten zijn laag."
    assert not [r for r in regels if "NOTA IMPORT" in r and "Financi" in r]


@pytest.mark.parametrize("stempel", ["OPENBAAR", "Vertrouwelijk", "**GEHEIM**"])
def test_classificatie_als_stempel_boven_de_titel(cli, tmp_path, stempel):
    """A classification stamp above the title, no label: the option it names, unmarked."""
    _, data, regels = _importeer(cli, tmp_path, f"{stempel}\n\n" + COLLEGENOTA)
    assert data["classificatie"] == stempel.strip("*").lower()
    assert f"classificatie: {stempel.strip('*').lower()}" in regels
    assert not [r for r in regels if "NOTA IMPORT" in r and stempel.strip("*") in r]


def test_optie_in_de_tekst_is_geen_stempel(cli, tmp_path):
    """Only above the title: "Openbaar" under a section sets no classificatie (it is a line of the
    body, placed as such: here a heading guessed by its word, marked)."""
    _, data, regels = _importeer(cli, tmp_path, COLLEGENOTA + "Openbaar\n")
    assert "classificatie" not in data
    assert any(r.startswith("# NOTA IMPORT, GERADEN: kop 'Openbaar'") for r in regels)


def test_besluitstempel_met_uitkomst_eronder_voor_het_voorstel(cli, tmp_path):
    """The decision stamp stands BEFORE the proposal, its outcome on the line under its date."""
    r, data, regels = _importeer(cli, tmp_path, "B&W-besluit d.d. 03-12-2024\n\nConform advies\n\n" + COLLEGENOTA)
    besluit = data["besluiten"][0]
    assert (besluit["orgaan"], str(besluit["datum"]), besluit["uitkomst"]) == ("college", "2024-12-03", "conform")
    marker = "# NOTA IMPORT, GERADEN: besluit gelezen uit de stempel 'B&W-besluit d.d. 03-12-2024' / 'Conform advies'"
    assert marker in regels
    assert r.exit_code == 1


def test_besluitstempel_in_een_kader_in_word(cli, tmp_path):
    """The stamp as a one-cell table (a bordered box), its lines typed with a line break."""
    from docx import Document

    doc = Document()
    run = doc.add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0].add_run("B&W-besluit d.d. 03-12-2024")
    run.add_break()
    run.add_text("Conform advies")
    for regel in COLLEGENOTA.splitlines():
        doc.add_paragraph(regel)
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    _, data, _ = _importeer_bestand(cli, tmp_path, pad)
    assert [(b["orgaan"], str(b["datum"]), b["uitkomst"]) for b in data["besluiten"]] == [
        ("college", "2024-12-03", "conform")
    ]


def test_datum_zonder_uitkomst_eronder_blijft_gemarkeerd(cli, tmp_path):
    """A stamp's date with no outcome under it is kept, marked: no decision is made up."""
    _, data, regels = _importeer(cli, tmp_path, "B&W-besluit d.d. 03-12-2024\n\n" + COLLEGENOTA)
    assert not data.get("besluiten")
    assert any("B&W-besluit d.d. 03-12-2024 (geen uitkomst erbij" in r for r in regels)


def test_label_afgebroken_op_het_koppelteken(cli, tmp_path):
    """A four-column header table whose narrow cell broke "Organisatie-eenheid" at its hyphen."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Collegenota")
    doc.add_paragraph("Onderwerp: Speeltuin Dorpsstraat")
    tabel = doc.add_table(rows=2, cols=4)
    for rij, cellen in zip(
        tabel.rows,
        [
            ("Zaak-ID", "2024-018733", "Datum", "19 november 2024"),
            ("Wethouder", "A. Brouwer", "Organisatie-\neenheid", "Samenleving"),
        ],
    ):
        for cel, tekst in zip(rij.cells, cellen):
            cel.text = tekst.replace("\n", " ")
    doc.add_paragraph("Aanleiding")
    doc.add_paragraph("De speeltuin is oud.")
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    _, data, regels = _importeer_bestand(cli, tmp_path, pad)
    assert (data["kenmerk"], str(data["datum"]), data["afdeling"]) == ("2024-018733", "2024-11-19", "Samenleving")
    assert "afdeling: Samenleving" in regels


def test_kale_label_vorm():
    from generator.importer.header import _bare

    assert _bare("Organisatie- eenheid:") == "organisatie-eenheid"
    assert _bare("Personeels- en organisatiegevolgen") == "personeels- en organisatiegevolgen"


def test_nummer_op_een_eigen_regel(cli, tmp_path):
    """pdftotext prints a mark typed before a tab on a line of its own: "I." / "" / the text."""
    tekst = COLLEGENOTA.replace(
        "1. De speeltuin te vernieuwen.\n",
        "I.\n\nDe speeltuin te vernieuwen met nieuwe toestellen.\n\nII.\n\nHet hek te herstellen voor de zomer.\n",
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == [
        "De speeltuin te vernieuwen met nieuwe toestellen.",
        "Het hek te herstellen voor de zomer.",
    ]
    assert not [r for r in regels if "NIET GEPLAATST" in r]


def test_nummer_in_een_eigen_cel(cli, tmp_path):
    """A LibreOffice PDF's point as a row: the mark one cell, the sentence the other."""
    tekst = COLLEGENOTA.replace(
        "1. De speeltuin te vernieuwen.\n",
        "I.\tDe speeltuin te vernieuwen met nieuwe toestellen.\nII.\tHet hek te herstellen voor de zomer.\n",
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == [
        "De speeltuin te vernieuwen met nieuwe toestellen.",
        "Het hek te herstellen voor de zomer.",
    ]


def test_punten_hulpjes():
    from generator.importer.points import mark_and_text, marks_joined

    assert marks_joined(["I.", "", "De tekst.", "(a)", "Nog een punt."]) == [
        "",
        "",
        "I. De tekst.",
        "",
        "(a) Nog een punt.",
    ]
    assert marks_joined(["1.", "", "2.500"]) == ["1.", "", "2.500"]  # an amount under it: no point
    assert mark_and_text(["IV.", "De wethouder te machtigen."]) == "IV. De wethouder te machtigen."
    assert mark_and_text(["1.", "Kosten"]) is None  # a numbered row of a table


def test_kolommen_zonder_kop_zijn_gemarkeerd():
    from generator.importer.table_check import headless

    tabel = {"tabel": "Dekking", "kolommen": ["Bedrag", "Bedrag"], "regels": [{"post": "Rijk", "bedrag": [100, 200]}]}
    assert headless(tabel) == (
        "tabel 'Dekking': de 2 kolommen hebben geen kop: controleer welk bedrag bij welke kolom en welke regel hoort"
    )
    assert headless({**tabel, "kolommen": ["Bedrag"], "regels": [{"post": "Rijk", "bedrag": 100}]}) is None
    assert headless({**tabel, "kolommen": [2025, 2026]}) is None  # columns taken from the table above


def test_vervolgtabel_zonder_kop_neemt_de_kolommen_en_is_niet_gemarkeerd(cli, tmp_path):
    """A coverage table right under a cost table, without a header row: it takes the cost table's
    years, so it is no headless table."""
    tekst = COLLEGENOTA + (
        "Financiën\nKosten\t2025\t2026\nBouw\t100\t200\nTotaal\t100\t200\n\nDekking:\n"
        "Reserve\t100\t200\nTotaal dekking\t100\t200\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    tabellen = [b for b in data["secties"]["financien"] if isinstance(b, dict)]
    assert [t["kolommen"] for t in tabellen] == [[2025, 2026], [2025, 2026]]
    assert not [r for r in regels if "geen kop" in r]


def test_tabel_zonder_koppen_is_gemarkeerd(cli, tmp_path):
    tekst = COLLEGENOTA + "Financiën\nDe dekking.\n\nRijk\t100\t200\nProvincie\t50\t\n"
    r, _, regels = _importeer(cli, tmp_path, tekst)
    assert any("de 2 kolommen hebben geen kop" in x and x.lstrip().startswith("# NOTA IMPORT") for x in regels)
    assert r.exit_code == 1


@pytest.mark.parametrize("diepte", ["4.1", "4.1.2"])
def test_genummerde_tussenkop_onder_zijn_sectie(cli, tmp_path, diepte):
    """pdftotext: "4.1 …" under "4. Argumenten" is that section's subheading (unmarked), even a
    long one, and never glued to the sentence before it."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Sporthal De Bongerd\nKenmerk: Z/24/1\n\nDe raad wordt voorgesteld te besluiten:\n"
        "1. Een krediet beschikbaar te stellen.\n\n1. Aanleiding\nDe hal is uit 1979.\n\n4. Argumenten\n"
        f"{diepte} Renovatie is goedkoper dan nieuwbouw op dezelfde plek\nNieuwbouw kost meer.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["secties"]["argumenten_en_alternatieven"] == (
        f"### {diepte} Renovatie is goedkoper dan nieuwbouw op dezelfde plek\n\nNieuwbouw kost meer.\n"
    )
    assert not [r for r in regels if "NOTA IMPORT" in r and "Renovatie" in r]


def test_top_number():
    from generator.importer.headings import top_number

    assert [top_number(t) for t in ("4. Argumenten", "4.2 Risico's", "12) Planning", "Planning")] == [
        "4",
        "4",
        "12",
        None,
    ]


def test_onbekend_paar_in_een_rij_van_vier_cellen_blijft(cli, tmp_path):
    """A header row "Begrotingswijziging | Ja | Agendapunt | 7": the known pair is read, the pair
    nota has no field for is kept, marked (it was dropped)."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Raadsvoorstel")
    doc.add_paragraph("Onderwerp: Sporthal De Bongerd")
    rij = doc.add_table(rows=1, cols=4).rows[0]
    for cel, tekst in zip(rij.cells, ("Begrotingswijziging", "Ja", "Agendapunt", "7")):
        cel.text = tekst
    doc.add_paragraph("Aanleiding")
    doc.add_paragraph("De hal is oud.")
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    _, data, regels = _importeer_bestand(cli, tmp_path, pad)
    assert data["begrotingswijziging"] is True
    assert "# NOTA IMPORT, NIET GEPLAATST: Agendapunt: 7" in regels


def test_classificatie_als_stempel_na_de_titel(cli, tmp_path):
    """A right-aligned stamp a PDF prints after the title and the fields: still the header's."""
    tekst = COLLEGENOTA.replace("Steller: A. Booms\n", "Steller: A. Booms\nOPENBAAR\n")
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["classificatie"] == "openbaar"
    assert not [r for r in regels if "OPENBAAR" in r]


def test_koppen_naast_elkaar_kolom_na_kolom():
    """pdftotext of a table with the years as rows whose first column header wraps: both headers
    come before the first column's amounts; each is put back on its own amounts."""
    from generator.importer.copied import columns_as_rows

    regels = (
        "Tabel 2. Dekking per jaar\nBedragen x € 1.000\n2025\n2026\nTotaal\n\nBudget\njeugdhulp\n\n"
        "Rijksbijdrage\n2.100\n2.100\n4.200\n\n250\n290\n540\n\nReserve\n80\n90\n170\n"
    ).split("\n")
    rijen = [r for r in columns_as_rows(regels) if "\t" in r]
    assert rijen == [
        "Bedragen x € 1.000\tBudget jeugdhulp\tRijksbijdrage\tReserve",
        "2025\t2.100\t250\t80",
        "2026\t2.100\t290\t90",
        "Totaal\t4.200\t540\t170",
    ]


def test_kop_boven_een_kolom_zonder_rijlabels_erboven_blijft():
    """Without a block of row labels above, a short line over a column is not taken for a header
    printed apart (a section heading over a table printed columns first)."""
    from generator.importer.copied import _side_by_side

    blocks = [["De kosten staan hieronder."], ["Kosten"], ["2025", "100", "200"], ["300", "400"]]
    assert _side_by_side(blocks) == blocks


def test_word_titel_als_kop_1_secties_als_kop_2(cli, tmp_path):
    """The title in "Kop 1" above sections in "Kop 2" (with "Kop 3" under them): the sections are
    level 2, the title stays the title."""
    from docx import Document

    doc = Document()
    doc.add_heading("Collegenota", level=1)
    doc.add_paragraph("Onderwerp: Speeltuin Dorpsstraat")
    doc.add_heading("1. Inleiding", level=2)
    doc.add_paragraph("De speeltuin is oud.")
    doc.add_heading("Toestellen", level=3)
    doc.add_paragraph("De schommel is kapot.")
    doc.add_heading("2. Financiën", level=2)
    doc.add_paragraph("De kosten zijn laag.")
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    _, data, _ = _importeer_bestand(cli, tmp_path, pad)
    assert data["soort"] == "collegenota" and data["onderwerp"] == "Speeltuin Dorpsstraat"
    assert data["secties"]["aanleiding"] == "De speeltuin is oud.\n\n### Toestellen\n\nDe schommel is kapot.\n"
    assert data["secties"]["financien"] == "De kosten zijn laag."


@pytest.mark.parametrize(
    "levels,level",
    [([2, 2, 3, 2], 2), ([1, 2, 2, 3], 2), ([1, 2, 1, 2], 1), ([1, 1, 1], 1), ([], 1), ([1, 1, 2, 3, 2], 2)],
)
def test_niveau_van_de_secties(levels, level):
    from generator.importer.docx_reader import sections_level

    assert sections_level(levels) == level


def test_pdftotext_label_afgebroken_op_het_koppelteken(cli, tmp_path):
    """pdftotext of a narrow label cell: "Organisatie-" over "eenheid", the value under it."""
    tekst = (
        "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nOrganisatie-\neenheid\n\nSamenleving\n\n"
        "Aanleiding\nDe speeltuin is oud.\n\f"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert (data["onderwerp"], data["afdeling"]) == ("Speeltuin Dorpsstraat", "Samenleving")
    assert "afdeling: Samenleving" in regels  # before: onderwerp "Speeltuin Dorpsstraat Organisatie-", unmarked


def test_afbreekstreepje_alleen_bij_een_kort_label():
    from generator.importer.wrapped import hyphen_joined

    assert hyphen_joined(["Organisatie-", "eenheid"]) == ["Organisatie-eenheid", ""]
    assert hyphen_joined(["Loon-", "en prijsindexatie"]) == ["Loon-", "en prijsindexatie"]
    assert hyphen_joined(["De kosten van de loon- en prijs-", "indexatie stijgen"]) == [
        "De kosten van de loon- en prijs-",
        "indexatie stijgen",
    ]


SMALLE_KOP = (
    "VERTROUWELIJK\nCollegevoorstel\nHerinrichting Marktplein\nZaaknum\nmer\n\nZ/24/88\n\nDatum\n\n3 maart\n2024\n\n"
    "Portefeuill\nehouder\n\nJ. Jansen\n\nAfdeling\n\nRuimte\n\nSteller\n\nA. Booms\n\nKamer\n\n2.14\n\n"
    "Voorgesteld besluit\nI.\n\nHet marktplein opnieuw in te richten volgens het ontwerp.\n\nII.\n\n"
    "De kosten te dekken uit de reserve.\n\n1. Aanleiding\nHet plein is versleten.\n\f"
)


def test_pdftotext_smalle_kop_van_zes_kolommen(cli, tmp_path):
    """pdftotext of a six-column header table with narrow cells: labels broken inside a word
    ("Zaaknum" / "mer"), a date wrapped before its year, label and value one under the other. Every
    field right; "Kamer" (no field) kept, marked; no label run pairs the wrong lines."""
    _, data, regels = _importeer(cli, tmp_path, SMALLE_KOP)
    velden = ("onderwerp", "kenmerk", "datum", "portefeuillehouder", "afdeling", "classificatie")
    assert [str(data[k]) for k in velden] == [
        "Herinrichting Marktplein",
        "Z/24/88",
        "2024-03-03",
        "J. Jansen",
        "Ruimte",
        "vertrouwelijk",
    ]
    assert data["steller"] == {"naam": "A. Booms"}
    assert data["beslispunten"] == [
        "Het marktplein opnieuw in te richten volgens het ontwerp.",
        "De kosten te dekken uit de reserve.",
    ]
    assert "# NOTA IMPORT, NIET GEPLAATST: Kamer" in regels and "# NOTA IMPORT, NIET GEPLAATST: 2.14" in regels


def test_label_in_een_woord_afgebroken(search_path):
    from generator.importer.header import Labels
    from generator.proposal.kinds import find_soort

    labels = Labels(find_soort("collegenota", search_path))
    assert labels.of("Zaaknum mer")[0]["sleutel"] == "kenmerk"
    assert labels.of("Portefeuill ehouder")[0]["sleutel"] == "portefeuillehouder"
    assert labels.of("Opgesteld door")[0]["sleutel"] == "steller"
    assert labels.of("Herinrichting Marktplein") is None


def test_datum_voor_het_jaar_afgebroken():
    from generator.importer.wrapped import dates_joined

    assert dates_joined(["3 maart", "2024", "x"]) == ["3 maart 2024", "", "x"]
    assert dates_joined(["3 maart", "2024 werd het plein"]) == ["3 maart", "2024 werd het plein"]


def test_ondertekening_zonder_namen(cli, tmp_path):
    """Roles signed without names ("de secretaris, de burgemeester,"): the raadsbesluit's title under
    them is no name (it came back as secretaris "RAADSBESLUIT", unmarked)."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Kunstgrasveld\nKenmerk: RV-1\n\nDe raad wordt voorgesteld te besluiten:\n"
        "1. Een krediet beschikbaar te stellen.\n\nAanleiding\nHet veld is versleten.\n\n"
        "Burgemeester en wethouders van Noorddorp,\nde secretaris, de burgemeester,\n\nRAADSBESLUIT\n"
        "De raad van de gemeente Noorddorp, gelezen het voorstel van burgemeester en wethouders;\nbesluit:\n"
        "1. Een krediet beschikbaar te stellen.\n\nAldus besloten in de openbare vergadering van 25 april 2024.\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert "RAADSBESLUIT" not in str(data.get("ondertekening"))
    assert [(b["orgaan"], str(b["datum"])) for b in data["besluiten"]] == [("raad", "2024-04-25")]


def test_optie_als_label_boven_ja_nee_is_geen_stempel(cli, tmp_path):
    """pdftotext of a header printed pair by pair: "Vertrouwelijk" over "Nee" is a yes/no label."""
    tekst = COLLEGENOTA.replace("Steller: A. Booms\n", "Steller: A. Booms\nVertrouwelijk\n\nNee\n")
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["classificatie"] == "openbaar"
    assert "classificatie: openbaar" in regels and not [r for r in regels if "Nee" in r]
