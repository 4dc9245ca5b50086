"""`nota import`, issue 26's seventh round: generic rules, each on a small input written here (not a
corpus file): a header value must have its field's shape (a label is never a value, a date field
takes a date, a choice one of its options, a yes/no field a yes or a no), and a line under the
signature that is no role and no name (a footnote) is kept, marked."""

from __future__ import annotations

from ruamel.yaml import YAML

BODY = (
    "\nSamenvatting\nKort.\n\nHet college besluit:\n1. De speeltuin te vernieuwen.\n\n"
    "Aanleiding\nDe speeltuin is oud.\n\n"
)


def _importeer(cli, tmp_path, tekst: str, naam: str = "voorstel.txt"):
    bron = tmp_path / naam
    bron.write_text(tekst, encoding="utf-8")
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(yaml), yaml.splitlines()


def test_label_zonder_waarde_neemt_het_volgende_label_niet(cli, tmp_path):
    """Labels printed one under the other, their values after them (a grid of labels over values
    in pdftotext): a label never takes the next label as its value. Before: onderwerp 'Kenmerk',
    datum 'Afdeling', unmarked."""
    kop = "Collegenota\nOnderwerp\n\nKenmerk\n\nDatum\n\nAfdeling\n\nSpeeltuin Dorpsstraat\n"
    r, data, regels = _importeer(cli, tmp_path, kop + BODY)
    assert r.exit_code == 1
    assert "onderwerp" not in data or data["onderwerp"] != "Kenmerk"
    assert "datum" not in data and "kenmerk" not in data
    assert "afdeling: Speeltuin Dorpsstraat" not in regels


def test_waarde_zonder_vorm_van_het_veld_gemarkeerd(cli, tmp_path):
    """A date field that gets no date, a choice that gets none of its options, a yes/no field that
    gets neither: kept as a marked comment with the reason, never set. Before: set, unmarked
    (classificatie 'Speeltuin Dorpsstraat', datum 'Wethouder')."""
    kop = (
        "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nDatum: binnenkort\n"
        "Classificatie: Speeltuin Dorpsstraat\nKenmerk: Z/24/1\n"
    )
    r, data, regels = _importeer(cli, tmp_path, kop + BODY)
    assert r.exit_code == 1
    assert "datum" not in data and "classificatie" not in data
    assert "# NOTA IMPORT, NIET GEPLAATST: Datum: binnenkort (geen datum)" in regels
    assert any(
        x.startswith("# NOTA IMPORT, NIET GEPLAATST: Classificatie: Speeltuin Dorpsstraat (geen van de keuzes")
        for x in regels
    )
    assert data["kenmerk"] == "Z/24/1"


def test_ja_nee_veld_zonder_ja_of_nee(cli, tmp_path):
    """A yes/no field whose value is no yes or no is not read as 'nee' (was: false, unmarked)."""
    kop = (
        "Raadsvoorstel\nOnderwerp: Fietsbrug\nKenmerk: Z/24/2\nDatum: 3 maart 2024\n"
        "Begrotingswijziging: Fietsbrug over de vaart\n"
    )
    r, data, regels = _importeer(cli, tmp_path, kop + BODY)
    assert "begrotingswijziging" not in data
    assert "# NOTA IMPORT, NIET GEPLAATST: Begrotingswijziging: Fietsbrug over de vaart (geen ja of nee)" in regels


def test_voetnoot_onder_de_ondertekening_niet_kwijt(cli, tmp_path):
    """A footnote the PDF printed right under the college's signature line is no role and no name:
    kept, marked (it was dropped without a trace)."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Fietsbrug\nKenmerk: Z/24/2\nDatum: 3 maart 2024\n"
        + BODY
        + "Het college van burgemeester en wethouders van Westerbroek,\n\n"
        "1 Mobiliteitsvisie 2040, vastgesteld op 2 februari 2023.\n\n"
        "de secretaris,\n\nM. Peters\n"
    )
    r, data, regels = _importeer(cli, tmp_path, tekst)
    assert "# NOTA IMPORT, NIET GEPLAATST: 1 Mobiliteitsvisie 2040, vastgesteld op 2 februari 2023." in regels
    assert data["ondertekening"]["secretaris"] == "M. Peters"
    assert r.exit_code == 1


def _grid_docx(tmp_path, rows: list[list[str]]):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Collegenota")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, tekst in zip(row.cells, cells):
            cell.text = tekst
    for tekst in ("Samenvatting", "Kort.", "Het college besluit:", "1. De speeltuin te vernieuwen."):
        doc.add_paragraph(tekst)
    doc.add_heading("Aanleiding", level=1)
    doc.add_paragraph("De speeltuin is oud.")
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    return pad


def _import_file(cli, tmp_path, bron):
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(yaml), yaml.splitlines()


def test_kop_als_raster_van_labels_boven_waarden(cli, tmp_path):
    """A header table of three pairs a row, each row of labels above a row of values: paired cell by
    cell, unmarked; an empty cell in a row of labels takes no value. Before: every row kept, marked,
    no header field read."""
    pad = _grid_docx(
        tmp_path,
        [
            ["Onderwerp", "Kenmerk", "Datum"],
            ["Speeltuin Dorpsstraat", "Z/24/118402", "26 november 2024"],
            ["Portefeuillehouder", "Afdeling", "Steller"],
            ["J. Jansen", "Ruimte", "A. Booms"],
        ],
    )
    r, data, regels = _import_file(cli, tmp_path, pad)
    assert "onderwerp: Speeltuin Dorpsstraat" in regels
    assert "kenmerk: Z/24/118402" in regels
    assert "datum: 2024-11-26" in regels
    assert "portefeuillehouder: J. Jansen" in regels
    assert "afdeling: Ruimte" in regels
    assert data["steller"] == {"naam": "A. Booms"}
    assert not [x for x in regels if "NOTA IMPORT" in x and ("Kenmerk" in x or "Ruimte" in x)]


def test_raster_zonder_waarden_van_de_vorm_blijft_rij(cli, tmp_path):
    """A row of labels whose next row holds a value without its label's shape (no date under
    'Datum') is no grid: the rows stay, marked, and no field takes a value by position."""
    pad = _grid_docx(
        tmp_path,
        [["Onderwerp", "Kenmerk", "Datum"], ["Speeltuin Dorpsstraat", "Z/24/118402", "binnenkort"]],
    )
    r, data, regels = _import_file(cli, tmp_path, pad)
    assert r.exit_code == 1
    assert "datum" not in data and "kenmerk" not in data
    assert "# NOTA IMPORT, NIET GEPLAATST: Speeltuin Dorpsstraat\tZ/24/118402\tbinnenkort" in regels


GRID_TXT = (
    "Collegenota\nOnderwerp\n\nKenmerk\n\nDatum\n\nPortefeuillehouder\n\nAfdeling\n\nSteller\n\n"
    "Speeltuin aan de\nDorpsstraat\nJ. Jansen\n\nExtra\n\nZ/24/118402\nRuimte\n\n3 maart 2024\nA. Booms\n\nJa\n"
)


def test_pdftotext_raster_kolom_na_kolom(cli, tmp_path):
    """pdftotext prints a grid of labels over values as its labels, then the values column by column
    (a wrapped onderwerp, a shorter row's lines inside a column): paired back by the shape of each
    known label's value; the lines of the shorter row stay, marked. Before: onderwerp 'Kenmerk'."""
    r, data, regels = _importeer(cli, tmp_path, GRID_TXT + BODY)
    assert "onderwerp: Speeltuin aan de Dorpsstraat" in regels
    assert "kenmerk: Z/24/118402" in regels
    assert "datum: 2024-03-03" in regels
    assert "portefeuillehouder: J. Jansen" in regels
    assert "afdeling: Ruimte" in regels
    assert data["steller"] == {"naam": "A. Booms"}
    assert not [x for x in regels if "NOTA IMPORT" in x and ("Z/24" in x or "Ruimte" in x or "Booms" in x)]
    assert any("NOTA IMPORT" in x and "Extra" in x for x in regels)


def test_pdftotext_raster_zonder_vorm_niet_gepaard(cli, tmp_path):
    """The same grid with a value of the wrong shape where a date should be: not paired by
    position, no header field takes a value from it."""
    r, data, regels = _importeer(cli, tmp_path, GRID_TXT.replace("3 maart 2024", "binnenkort") + BODY)
    assert r.exit_code == 1
    assert "datum" not in data and data.get("kenmerk") != "Ruimte"
    assert "afdeling" not in data or data["afdeling"] != "Z/24/118402"


def test_besluitzin_over_twee_regels(cli, tmp_path):
    """The college's decision as a sentence that pdftotext wrapped before its outcome: read as one,
    marked as read from a sentence; the rest line is not kept as text. Before: no decision."""
    tekst = (
        "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nKenmerk: Z/24/1\nDatum: 3 maart 2024\n"
        + BODY
        + "Het college van burgemeester en wethouders heeft op 10 december 2024 besloten\nconform advies.\n"
    )
    r, data, regels = _importeer(cli, tmp_path, tekst)
    assert [(b["orgaan"], str(b["datum"]), b["uitkomst"]) for b in data["besluiten"]] == [
        ("college", "2024-12-10", "conform")
    ]
    assert not [x for x in regels if x.strip() == "conform advies." or "De speeltuin is oud. conform" in x]


def test_vastgesteld_door_de_raad_over_twee_regels(cli, tmp_path):
    """The raad's 'Vastgesteld in de openbare vergadering van de raad van de gemeente X' wrapped
    before its date: the raad's decision, unmarked. Before: no decision."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Fietsbrug\nKenmerk: Z/24/2\nDatum: 3 maart 2024\n"
        + BODY
        + "Het college van burgemeester en wethouders van Westerbroek,\n\nde secretaris,\n\nM. Peters\n\n"
        "BESLUIT\nDe raad van de gemeente Westerbroek;\nbesluit:\n1. De speeltuin te vernieuwen.\n\n"
        "Vastgesteld in de openbare vergadering van de raad van de gemeente Westerbroek\n"
        "van 17 december 2024.\nde griffier,\n\nA. Bos\n"
    )
    r, data, regels = _importeer(cli, tmp_path, tekst)
    raad = [b for b in data["besluiten"] if b["orgaan"] == "raad"]
    assert [(str(b["datum"]), b["uitkomst"]) for b in raad] == [("2024-12-17", "aangenomen")]


def test_kop_die_twee_secties_noemt_gaat_naar_de_eerste(cli, tmp_path):
    """A heading 'A en B' whose parts each name another section by one word ('Tijdpad en
    voorlichting'): the section its first part names, marked as a guess. Before: no section, the
    text glued into the section above it, marked."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Collegenota")
    doc.add_paragraph("Onderwerp: Speeltuin Dorpsstraat")
    doc.add_heading("Aanleiding", level=1)
    doc.add_paragraph("De speeltuin is oud.")
    doc.add_heading("TIJDPAD EN VOORLICHTING", level=1)
    doc.add_paragraph("De bouw begint in mei.")
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    r, data, regels = _import_file(cli, tmp_path, pad)
    assert data["secties"]["uitvoering_evaluatie_vervolg"] == "De bouw begint in mei."
    assert data["secties"]["aanleiding"] == "De speeltuin is oud."
    at = regels.index("  uitvoering_evaluatie_vervolg: De bouw begint in mei.")
    assert regels[at - 1].startswith("  # NOTA IMPORT, GERADEN: kop 'TIJDPAD EN VOORLICHTING'")


def test_plaats_uit_het_college_dat_ondertekent(cli, tmp_path):
    """Signed 'Het college van burgemeester en wethouders van Westerbroek,' with no 'Plaats, datum'
    line: the place is the gemeente, marked as a guess; a stated place takes its place, unmarked."""
    kop = "Raadsvoorstel\nOnderwerp: Fietsbrug\nKenmerk: Z/24/2\nDatum: 3 maart 2024\n" + BODY
    ondertekend = "Het college van burgemeester en wethouders van Westerbroek,\n\nde secretaris,\n\nM. Peters\n"
    r, data, regels = _importeer(cli, tmp_path, kop + ondertekend)
    assert data["ondertekening"] == {"plaats": "Westerbroek", "secretaris": "M. Peters"}
    marker = (
        "# NOTA IMPORT, GERADEN: plaats 'Westerbroek' gelezen uit de ondertekening door het college van Westerbroek"
    )
    assert regels[regels.index("ondertekening:") - 1] == marker
    (tmp_path / "b").mkdir()
    r, data, regels = _importeer(cli, tmp_path / "b", kop + "Oostdorp, 3 maart 2024\n" + ondertekend)
    assert data["ondertekening"]["plaats"] == "Oostdorp"
    assert not [x for x in regels if "GERADEN: plaats" in x]


def test_raster_waarden_en_volgende_labels_op_een_regel(cli, tmp_path):
    """A PDF reader put a row of values and the row of labels under it on one line: each value cell
    that lacks its field's shape as a whole but ends in a label after a value of that shape is split,
    and the labels pair with the row after them. Before: the rows kept, marked, no field read."""
    pad = _grid_docx(
        tmp_path,
        [
            ["Onderwerp", "Kenmerk", "Datum"],
            ["Speeltuin Dorpsstraat", "Z/24/118402", "26 november 2024"],
            ["E-mail", "Classificatie", "Afdeling"],
            ["a.booms@example.nl Programma", "Openbaar Raadsvergadering", "Ruimte"],
            ["3 Wonen", "17 december 2024", ""],
        ],
    )
    r, data, regels = _import_file(cli, tmp_path, pad)
    assert "classificatie: openbaar" in regels
    assert "afdeling: Ruimte" in regels
    assert "kenmerk: Z/24/118402" in regels
    assert "# NOTA IMPORT, NIET GEPLAATST: Programma\t3 Wonen" in regels
    assert "# NOTA IMPORT, NIET GEPLAATST: Raadsvergadering\t17 december 2024" in regels


def test_kop_in_hoofdletters_na_een_tabel_is_geen_cel(cli, tmp_path):
    """Text copied from a PDF, a table one cell a line: a heading in capitals right after the last
    row's amounts is no text cell of that row but the next section, and the heading and sentence
    above the table are no column headers (its columns, headless, are marked). Before: the row's
    toelichting, and 'FINANCIËN' and the sentence as the columns' headers, unmarked."""
    tekst = (
        "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nKenmerk: Z/24/1\nDatum: 3 maart 2024\n"
        + BODY
        + "FINANCIËN\nDe kosten staan hieronder.\n\nToestellen\n1.000\n2.000\nGrond\n2.000\n3.000\n"
        "PLANNING\nDe bouw begint in mei en eindigt in het najaar van 2025 met de oplevering van de tuin.\n"
    )
    r, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["secties"]["uitvoering_evaluatie_vervolg"].startswith("De bouw begint in mei")
    assert data["secties"]["financien"][0] == "De kosten staan hieronder."
    tabel = next(b for b in data["secties"]["financien"] if isinstance(b, dict))
    assert [x.get("toelichting") for x in tabel["regels"]] == [None, None]
    assert "FINANCIËN" not in tabel["kolommen"]  # a heading or a sentence is no column's header


def test_raster_met_e_mailadres_dat_de_cel_afbrak(cli, tmp_path):
    """A PDF reader gives an e-mail address a narrow grid cell wrapped as two words: made whole, and
    the row of values pairs with its labels. Before: the row kept, marked, no field read from it."""
    pad = _grid_docx(
        tmp_path,
        [
            ["Onderwerp", "Kenmerk", "Datum", "Portefeuillehouder"],
            ["Speeltuin Dorpsstraat", "Z-24-0311", "2 april 2024", "A. Smit"],
            ["Afdeling", "Steller", "E-mail", "Classificatie"],
            ["Ruimte", "R. Bakker", "r.bakker@voorbe eld.nl", "Openbaar"],
        ],
    )
    r, data, regels = _import_file(cli, tmp_path, pad)
    assert data["steller"] == {"naam": "R. Bakker", "email": "r.bakker@voorbeeld.nl"}
    assert "afdeling: Ruimte" in regels and "classificatie: openbaar" in regels
