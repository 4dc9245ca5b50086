"""`nota import`, issue 26's fifth round: generic rules, each on a small input written here (not a
corpus file): the intros of the beslispunten in the college's and the raad's phrasings (a stray
space before the colon), points numbered in every usual way ("1:", "I.", "a)"), amounts as Word
users type them ("€ 2.150.000,-"), a coverage table with the years as rows, a decision recorded
in a small table, "Vertrouwelijk: Nee", and a one-word heading under a section."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML


def _importeer(cli, tmp_path, tekst: str, naam: str = "voorstel.txt"):
    bron, target = tmp_path / naam, tmp_path / "import.yaml"
    bron.write_text(tekst, encoding="utf-8")
    r = cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(yaml), yaml.splitlines()


@pytest.mark.parametrize(
    "regel",
    [
        "Het college wordt geadviseerd :",
        "Het college wordt geadviseerd om te besluiten:",
        "Het college van burgemeester & wethouders stelt voor :",
        "Burgemeester en wethouders stellen de raad voor te besluiten:",
        "Het college van B&W besluit",
        "Wij stellen u voor om te besluiten:",
        "Geadviseerd wordt te besluiten:",
        "Wij adviseren u:",
        "Het college wordt gevraagd om:",
        "Het college wordt gevraagd in te stemmen met:",
        "Voorgesteld wordt om:",
        "Besloten wordt:",
        "Het college van burgemeester en wethouders van Oosterlo stelt de raad voor om te besluiten:",
        "Voorgestelde besluiten",
    ],
)
def test_inleidingen_van_college_en_raad(cli, tmp_path, regel):
    tekst = (
        f"Raadsvoorstel\nOnderwerp: Speeltuin\n\n{regel}\n1: Een krediet van € 50.000 beschikbaar te stellen.\n"
        "2: De begroting te wijzigen.\n\nAanleiding\nDe speeltuin is versleten.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == ["Een krediet van € 50.000 beschikbaar te stellen.", "De begroting te wijzigen."]
    assert data["secties"]["aanleiding_en_context"] == "De speeltuin is versleten."
    assert not [r for r in regels if "NOTA IMPORT" in r]


@pytest.mark.parametrize(
    "regel", ["Het college stelt voor de hal te renoveren", "De raad besluit in maart over de hal.", "Besluit college"]
)
def test_zin_over_een_voorstel_is_geen_inleiding(regel):
    from generator.importer.vocabulary import is_intro

    assert not is_intro(regel)


@pytest.mark.parametrize(
    "punten",
    [
        "1: Een krediet van € 50.000 beschikbaar te stellen;\n2: De begroting 2025 te wijzigen.",
        "I. Een krediet van € 50.000 beschikbaar te stellen;\nII. De begroting 2025 te wijzigen.",
        "i) Een krediet van € 50.000 beschikbaar te stellen;\nii) De begroting 2025 te wijzigen.",
        "1) Een krediet van € 50.000 beschikbaar te stellen;\n2) De begroting 2025 te wijzigen.",
        "(1) Een krediet van € 50.000 beschikbaar te stellen;\n(2) De begroting 2025 te wijzigen.",
        "(a) Een krediet van € 50.000 beschikbaar te stellen;\n(b) De begroting 2025 te wijzigen.",
    ],
)
def test_beslispunten_in_elke_nummering(cli, tmp_path, punten):
    tekst = (
        f"Raadsvoorstel\nOnderwerp: Speeltuin\n\nDe raad wordt voorgesteld :\n{punten}\n\n"
        "Aanleiding\nDe speeltuin is oud.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == [
        "Een krediet van € 50.000 beschikbaar te stellen;",
        "De begroting 2025 te wijzigen.",
    ]
    assert data["secties"] == {"aanleiding_en_context": "De speeltuin is oud."}
    assert not [r for r in regels if "NOTA IMPORT" in r]


def test_punt_na_dubbele_punt_niet_aan_de_regel_ervoor(cli, tmp_path):
    """Hard-wrapped text: a line "2: …" is a new point, never the wrapped end of the one before."""
    from generator.importer.wrapped import unwrap

    regels = [
        "Dit is een lange regel die tot aan de rechterkantlijn van de bladzijde doorloopt, zoals",
        "pdftotext regels afbreekt bij een vaste breedte van de bladzijde en het document dat",
        "1: Een krediet van € 4.900.000 beschikbaar te stellen voor de renovatie van de sporthal De",
        "Bongerd en de bouw van een beweegzaal voor ouderen en kinderen in de wijk Oost, zoals",
        "2: De structurele lasten vanaf 2026 te verwerken in de programmabegroting van de gemeente.",
        "Een laatste regel die de breedte haalt om het afbreken te laten zien aan de lezer van dit.",
    ]
    joined = [t for _, t in unwrap(regels)]
    assert [t[:3] for t in joined] == ["Dit", "1: ", "2: ", "Een"]


def test_initialen_met_romeins_cijfer_zijn_geen_punt():
    from generator.importer.points import point

    assert point("I. de Vries") is None
    assert point("IV. De begroting 2025 te wijzigen.") == ("IV", "De begroting 2025 te wijzigen.")
    assert point("2025: een goed jaar voor de gemeente") is None


@pytest.mark.parametrize(
    "regel,waarde,gemarkeerd",
    [
        ("Vertrouwelijk: Nee", "openbaar", False),
        ("Vertrouwelijk: Ja", "vertrouwelijk", False),
        ("Openbaar: ja", "openbaar", False),
        ("Geheim: Nee", "openbaar", True),
        ("Openbaar: Nee", "vertrouwelijk", True),
    ],
)
def test_keuze_als_ja_nee_vraag(cli, tmp_path, regel, waarde, gemarkeerd):
    """A label that is one of a keuze field's options, answered yes or no; a no that leaves a
    choice between two options is marked."""
    tekst = f"Collegenota\nOnderwerp: Speeltuin\n{regel}\n\nSamenvatting\nKort.\n"
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["classificatie"] == waarde
    marks = [r for r in regels if "NOTA IMPORT" in r]
    assert marks == (
        [f"# NOTA IMPORT, GERADEN: {regel} (gelezen als {waarde}; het kan ook een andere keuze zijn)"]
        if gemarkeerd
        else []
    )


def test_keuze_alleen_is_een_waarde(cli, tmp_path):
    """ "Openbaar" on its own line under "Classificatie" is the value, not a question."""
    tekst = "Collegenota\nOnderwerp: Speeltuin\nClassificatie\n\nOpenbaar\n\nSamenvatting\nKort.\n"
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["classificatie"] == "openbaar"
    assert not [r for r in regels if "NOTA IMPORT" in r]


def test_labels_met_toevoeging_tussen_haakjes_kolom_na_kolom(cli, tmp_path):
    """ "Portefeuillehouder(s)", "Telefoon (direct)": the bracketed qualifier aside, known labels;
    pdftotext printed the labels' column, then the values' column: paired back."""
    tekst = (
        "Collegenota\nOnderwerp:\nZaaknummer:\nDatum:\nPortefeuillehouder(s):\nBehandelaar:\nTelefoon (direct):\n"
        "Vertrouwelijk:\n\nSpeeltuin Dorpsstraat vernieuwen\nZ/24/1234\n3 maart 2024\nJ. Jansen\nA. Booms\n"
        "0481 36 27 90\nNee\n\nSamenvatting\nKort.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert (data["onderwerp"], data["kenmerk"], data["portefeuillehouder"], data["classificatie"]) == (
        "Speeltuin Dorpsstraat vernieuwen",
        "Z/24/1234",
        "J. Jansen",
        "openbaar",
    )
    assert data["steller"] == {"naam": "A. Booms", "telefoon": "0481 36 27 90"}
    assert not [r for r in regels if "NOTA IMPORT" in r]


def test_bedragen_met_komma_streep_door_pdftotext_aan_elkaar():
    """ "€ 2.150.000,-" a cell: pdftotext took the "-" at the line end for a hyphen and glued the
    next cell on; split again, each with its ",-", and read as amounts."""
    from generator.importer.copied import unglued
    from generator.importer.tables import bedrag

    regels = unglued(["2026", "€ 98.000,-/- € 18.000,-/- € 12.000,€ 68.000,-", "Totaal, zie hierboven"])
    assert regels == ["2026", "€ 98.000,-", "-/- € 18.000,-", "-/- € 12.000,-", "€ 68.000,-", "Totaal, zie hierboven"]
    assert [bedrag(r) for r in regels[1:5]] == [98000, -18000, -12000, 68000]


def test_tabel_kolom_na_kolom_met_komma_streep(cli, tmp_path):
    tekst = (
        "Raadsvoorstel\nOnderwerp: Speeltuin\n\nAanleiding\nDe speeltuin is oud.\n\n"
        "Financiële consequenties\nDe kosten.\n\n"
        "Investering\nOmschrijving\nSpeeltoestellen\nKorting leverancier\nTotaal\n\nBedrag\n\n"
        "€ 50.000,-/- € 5.000,€ 45.000,-\n\nRisico's\nGeen.\n\f"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    tabel = data["secties"]["financiele_consequenties"][1]
    assert [(r["post"], r["bedrag"]) for r in tabel["regels"]] == [
        ("Speeltoestellen", 50000),
        ("Korting leverancier", -5000),
    ]
    assert tabel["totaal"] == 45000
    assert not [r for r in regels if "NOTA IMPORT" in r]


def test_kolom_labels_na_de_titel_van_de_soort(search_path):
    """The kind's title above a header printed column by column is no label: a value ending in a
    colon ("Programma:") shows the columns do not line up one line earlier."""
    from generator.importer.header import Labels
    from generator.importer.label_runs import paired
    from generator.importer.read import lines_from_text
    from generator.proposal.kinds import find_soort

    labels = Labels(find_soort("collegenota", search_path))
    regels = lines_from_text(
        "Collegeadvies\nOnderwerp:\nZaaknummer:\nDatum:\nProgramma:\n\nSpeeltuin\nZ/24/1\n3 maart 2024\n6 Zorg\n"
    )
    assert [r.tekst for r in paired(regels, labels) if r.soort == "rij"] == [
        "Onderwerp:\tSpeeltuin",
        "Zaaknummer:\tZ/24/1",
        "Datum:\t3 maart 2024",
        "Programma:\t6 Zorg",
    ]


COLLEGENOTA = (
    "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nKenmerk: Z/24/1\nDatum: 3 maart 2024\n"
    "Portefeuillehouder: J. Jansen\nAfdeling: Ruimte\nSteller: A. Booms\n\nSamenvatting\nKort.\n\n"
    "Het college besluit:\n1. De speeltuin te vernieuwen.\n\nAanleiding\nDe speeltuin is oud.\n\n"
)


@pytest.mark.parametrize(
    "vak",
    [
        "Besluit college\nDatum collegevergadering\t12 maart 2024\nBesluit\tConform advies\nAgendapunt\tB.4\n",
        "Besluit college\nDatum collegevergadering\nBesluit\nAgendapunt\n\n12 maart 2024\nConform advies\nB.4\n",
        "Datum collegevergadering: 12 maart 2024\nBesluit: Conform advies\nAgendapunt: B.4\n",
    ],
)
def test_besluit_in_een_tabelletje(cli, tmp_path, vak):
    """The college's decision recorded in a small table at the end: as rows, as pdftotext's
    label column and value column, or as lines."""
    _, data, regels = _importeer(cli, tmp_path, COLLEGENOTA + vak)
    besluit = data["besluiten"][0]
    assert (besluit["orgaan"], str(besluit["datum"]), besluit["uitkomst"], besluit["toelichting"]) == (
        "college",
        "2024-03-12",
        "conform",
        "Agendapunt: B.4",
    )
    assert data["secties"]["aanleiding"] == "De speeltuin is oud."
    # the proposal misses required sections: the decision is kept, unsealed (marked as such)
    assert [r for r in regels if "NOTA IMPORT" in r and "NIET VERZEGELD" not in r] == []


def test_besluit_zonder_datum_ervoor_is_geen_uitkomst(cli, tmp_path):
    """ "Besluit: Conform advies" without a decision's date line before it is no decision."""
    _, data, regels = _importeer(cli, tmp_path, COLLEGENOTA + "Besluit\tConform advies\n")
    assert data["besluiten"] == []
    assert [r for r in regels if "NOTA IMPORT" in r]


def _met_tabellen(tmp_path, dekking_2027: int):
    """The example collegenota with a cost table per year and a coverage table with the years
    as its rows (the sources as columns)."""
    from pathlib import Path

    yaml = YAML()
    bron = Path(__file__).parent.parent / "proposals" / "collegenota-sociale-teams-2021.yaml"
    data = yaml.load(bron.read_text(encoding="utf-8"))
    data["secties"]["financien"] = [
        "De kosten per jaar.",
        {
            "tabel": "Kosten",
            "rol": "kosten",
            "kolommen": [2025, 2026, 2027],
            "regels": [{"post": "Contracten", "bedrag": [100, 110, 120]}, {"post": "Regie", "bedrag": [10, 10, 10]}],
        },
        {
            "tabel": "Dekking per jaar",
            "rol": "dekking",
            "kolommen": ["Budget", "Reserve"],
            "postkop": "Jaar",
            "regels": [
                {"post": "2025", "bedrag": [100, 10]},
                {"post": "2026", "bedrag": [100, 20]},
                {"post": "2027", "bedrag": [100, dekking_2027]},
            ],
        },
    ]
    pad = tmp_path / "nota.yaml"
    with pad.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    return pad


def test_dekking_met_jaren_als_rijen_sluit(cli, tmp_path):
    """A coverage table with the years as rows balances the cost table per year: no false
    "kosten en dekking sluiten niet"."""
    r = cli("check", _met_tabellen(tmp_path, 30))
    assert "sluiten niet" not in r.stderr and "kolommen" not in r.stderr, r.stderr


def test_dekking_met_jaren_als_rijen_die_niet_sluit(cli, tmp_path):
    r = cli("check", _met_tabellen(tmp_path, 25))
    assert (
        "fout: kosten en dekking sluiten niet in kolom 2027: 'Kosten' telt op tot € 130, "
        "'Dekking per jaar' tot € 125 (verschil € 5)"
    ) in r.stderr
    assert r.exit_code == 1


def _pdf_met_smalle_kolommen(pad) -> None:
    """A raadsvoorstel as PDF whose five-year table has columns so narrow that "€ 196.000,-"
    wraps after the euro sign and a label wraps over two lines."""
    from weasyprint import HTML

    cel = '<td style="width:17mm;text-align:right">{}</td>'
    rij = "<tr><td style='width:30mm'>{}</td>" + cel * 3 + "</tr>"
    tabel = (
        "<style>td,th{border:1px solid black;padding:3px 6px}</style>"
        "<table style='border-collapse:collapse;font-size:10pt'>"
        "<tr><th>Omschrijving</th><th>2026</th><th>2027</th><th>2028</th></tr>"
        + rij.format("Afschrijving en rente", "€ 98.000,-", "€ 196.000,-", "€ 193.000,-")
        + rij.format("Lagere energielasten", "-/- € 18.000,-", "-/- € 36.000,-", "-/- € 36.000,-")
        + rij.format("Totaal", "€ 80.000,-", "€ 160.000,-", "€ 157.000,-")
        + "</table>"
    )
    HTML(
        string="<html><body style='font-family:sans-serif'><h1>Raadsvoorstel</h1><p>Onderwerp: Sporthal</p>"
        "<h2>Aanleiding</h2><p>De hal is oud.</p><h2>Financiële consequenties</h2><p>De lasten per jaar.</p>"
        f"<p><b>Structurele lasten</b></p>{tabel}<h2>Risico's</h2><p>Asbest.</p></body></html>"
    ).write_pdf(pad)


def test_pdf_bedrag_in_een_smalle_kolom_afgebroken(cli, tmp_path):
    """ "€" on one line of a cell and "196.000,-" under it: one amount of one row."""
    pad = tmp_path / "voorstel.pdf"
    _pdf_met_smalle_kolommen(pad)
    _, data, regels = _importeer_bestand(cli, tmp_path, pad)
    tabel = data["secties"]["financiele_consequenties"][1]
    assert [(r["post"], r["bedrag"]) for r in tabel["regels"]] == [
        ("Afschrijving en rente", [98000, 196000, 193000]),
        ("Lagere energielasten", [-18000, -36000, -36000]),
    ]
    assert tabel["totaal"] == [80000, 160000, 157000]
    assert not [r for r in regels if "NOTA IMPORT" in r and "tabel" in r]


def _importeer_bestand(cli, tmp_path, bron):
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(yaml), yaml.splitlines()


def test_pdf_twee_tabellen_onder_elkaar_met_een_bijschrift(cli, tmp_path):
    """A coverage table right under the cost table, its caption between them, its columns
    elsewhere (a narrow first column "Jaar"): two tables, the caption the second one's title."""
    from weasyprint import HTML

    def tabel(kop: list[str], rijen: list[list[str]], breed: str) -> str:
        cellen = "".join(f"<th>{k}</th>" for k in kop)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rijen)
        return f"<table style='border-collapse:collapse'><tr style='{breed}'>{cellen}</tr>{body}</table>"

    kosten = tabel(
        ["Omschrijving", "2025", "2026"],
        [["Contractwaarde regionale aanbieders", "€ 200,-", "€ 210,-"], ["Totaal", "€ 200,-", "€ 210,-"]],
        "",
    )
    dekking = tabel(
        ["Jaar", "Budget jeugdhulp", "Reserve"],
        [["2025", "€ 150,-", "€ 50,-"], ["2026", "€ 150,-", "€ 60,-"], ["Totaal", "€ 300,-", "€ 110,-"]],
        "",
    )
    pad = tmp_path / "nota.pdf"
    HTML(
        string="<style>td,th{border:1px solid black;padding:2px 6px}</style><h1>Collegenota</h1>"
        "<p>Onderwerp: Jeugdhulp</p><h2>Financiën</h2><p>De kosten per jaar.</p>"
        f"<p><b>Kosten</b></p>{kosten}<p><b>Dekking per jaar</b></p>{dekking}<h2>Risico's</h2><p>Geen.</p>"
    ).write_pdf(pad)
    _, data, regels = _importeer_bestand(cli, tmp_path, pad)
    tabellen = [t for t in data["secties"]["financien"] if isinstance(t, dict)]
    assert [(t["tabel"], t["kolommen"], t["totaal"]) for t in tabellen] == [
        ("Kosten", [2025, 2026], [200, 210]),
        ("Dekking per jaar", ["Budget jeugdhulp", "Reserve"], [300, 110]),
    ]
    assert [r["post"] for r in tabellen[1]["regels"]] == ["2025", "2026"]
    assert not [r for r in regels if "NOTA IMPORT" in r and "tabel" in r]


def test_een_woord_onder_een_sectie(cli, tmp_path):
    """A heading that names a section by one word of its synonyms: above a table in the section
    it names, the table's title; under another section, it opens its section, marked as a guess
    (it may be a subheading); numbered as the sections are, unmarked."""
    tekst = (
        "Collegenota\nOnderwerp: Speeltuin\n\nAanleiding\nDe speeltuin is oud.\n\nFinanciën\nDe kosten per jaar.\n\n"
        "Kosten\nPost\tBedrag\nSpeeltoestellen\t€ 500\nTotaal\t€ 500\n\nPlanning\nDe bouw start in mei.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["secties"]["financien"][1]["tabel"] == "Kosten"
    assert data["secties"]["uitvoering_evaluatie_vervolg"] == "De bouw start in mei."
    i = next(n for n, r in enumerate(regels) if r.startswith("  uitvoering_evaluatie_vervolg:"))
    assert regels[i - 1] == (
        "  # NOTA IMPORT, GERADEN: kop 'Planning' onder een andere sectie gelezen als sectie 'Uitvoering, "
        "evaluatie en vervolg' (één woord, een synoniem van die sectie; het kan ook een tussenkop zijn)"
    )
    (tmp_path / "genummerd").mkdir()
    _, data, regels = _importeer(
        cli, tmp_path / "genummerd", tekst.replace("Planning", "5. Planning").replace("Aanleiding", "1. Aanleiding")
    )
    assert data["secties"]["uitvoering_evaluatie_vervolg"] == "De bouw start in mei."
    assert not [r for r in regels if "NOTA IMPORT" in r and "Planning" in r]


def test_word_handtekening_met_regeleinden_in_een_cel(cli, tmp_path):
    """A signature cell typed with line breaks (Shift+Enter): "de secretaris," / "" / "J. Smits"
    are lines of the cell, so the role and the name are read apart."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Raadsvoorstel")
    doc.add_paragraph("Onderwerp: Sporthal")
    doc.add_paragraph("Aanleiding")
    doc.add_paragraph("De hal is oud.")
    doc.add_paragraph("Oosterlo, 5 november 2024")
    doc.add_paragraph("Burgemeester en wethouders van Oosterlo,")
    rij = doc.add_table(rows=1, cols=2).rows[0]
    for cel, (rol, naam) in zip(rij.cells, [("de secretaris,", "J. Smits"), ("de burgemeester,", "E. Verhoeven")]):
        run = cel.paragraphs[0].add_run(rol)
        run.add_break()
        run.add_break()
        run.add_text(naam)
    pad = tmp_path / "voorstel.docx"
    doc.save(pad)
    _, data, _ = _importeer_bestand(cli, tmp_path, pad)
    assert data["ondertekening"] == {"plaats": "Oosterlo", "secretaris": "J. Smits", "burgemeester": "E. Verhoeven"}


def test_pdf_waarde_terug_naar_de_kantlijn(cli, tmp_path):
    """ "Onderwerp:<tab>Renovatie … met een" with its last word wrapped back to the left margin
    (Word's "Label:<tab>waarde" lines in a PDF): the word belongs to the value, not the label."""
    from weasyprint import HTML

    def regel(label: str, waarde: str) -> str:
        tab = f"<span style='display:inline-block;width:{40 - 2 * len(label)}mm'></span>"
        return f"<p style='width:125mm;margin:0;font-size:11pt'>{label}{tab}{waarde}</p>"

    pad = tmp_path / "voorstel.pdf"
    HTML(
        string="<h1>Raadsvoorstel</h1>"
        + regel("Onderwerp:", "Renovatie sporthal De Bongerd en uitbreiding met een beweegzaal")
        + regel("Kenmerk:", "2024-017902")
        + regel("Datum:", "5 november 2024")
        + "<h2>Aanleiding</h2><p>De hal is oud.</p>"
    ).write_pdf(pad)
    _, data, _ = _importeer_bestand(cli, tmp_path, pad)
    assert (data["onderwerp"], data["kenmerk"]) == (
        "Renovatie sporthal De Bongerd en uitbreiding met een beweegzaal",
        "2024-017902",
    )


def test_kop_boven_lopende_tekst_in_de_kop_is_de_samenvatting(cli, tmp_path):
    """pdftotext: a short line under the header, right above running text, before the beslispunten:
    the summary (marked as a guess), not a loose line."""
    tekst = (
        "Collegenota\nOnderwerp: Speeltuin Dorpsstraat\nKenmerk: Z/24/1\n\nKorte toelichting\n"
        "De speeltuin aan de Dorpsstraat is versleten en wordt in het voorjaar vervangen.\n"
        "Het college besluit:\n1. De speeltuin te vernieuwen.\n\nAanleiding\nDe speeltuin is oud.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["samenvatting"].strip() == (
        "De speeltuin aan de Dorpsstraat is versleten en wordt in het voorjaar vervangen."
    )
    assert [r for r in regels if "NOTA IMPORT" in r] == [
        "# NOTA IMPORT, GERADEN: kop 'Korte toelichting' vóór de beslispunten gelezen als samenvatting"
    ]


@pytest.mark.parametrize(
    "cel,waarde",
    [
        ("€ 2.150.000,--", 2150000),
        ("€ 2.150.000,=", 2150000),
        ("-/- € 60.000,--", -60000),
        ("€ 2 150 000", 2150000),
        ("- € 2 150 000,-", -2150000),
        ("+ € 60.000", 60000),
    ],
)
def test_hele_euros_met_streepjes_of_is_teken(cel, waarde):
    """Whole euros ",--" / ",=", thousands set apart by spaces, a plus sign; "2025 300" is no amount."""
    from generator.importer.tables import bedrag

    assert bedrag(cel) == waarde
    assert bedrag("2025 300") is None and bedrag("1 25") is None


@pytest.mark.parametrize(
    "stempel",
    [
        "Akkoord B&W 03-12-2024",
        "Collegebesluit d.d. 3-12-2024: akkoord",
        "B&W-besluit 3 december 2024: conform advies",
        "Besluit B&W: conform advies (3 december 2024)",
    ],
)
def test_besluit_als_stempel(cli, tmp_path, stempel):
    """A decision stamp: the college, a date and an outcome on one short line, in any order (marked)."""
    _, data, regels = _importeer(cli, tmp_path, COLLEGENOTA + stempel + "\n")
    besluit = data["besluiten"][0]
    assert (besluit["orgaan"], str(besluit["datum"]), besluit["uitkomst"]) == ("college", "2024-12-03", "conform")
    assert f"# NOTA IMPORT, GERADEN: besluit gelezen uit de regel '{stempel}'" in regels


def test_zin_met_college_en_datum_is_geen_stempel(cli, tmp_path):
    zin = "Het college is akkoord met de planning die op 3 december 2024 is besproken met de regio."
    _, data, _ = _importeer(cli, tmp_path, COLLEGENOTA + zin + "\n")
    assert data["besluiten"] == []
    assert zin in data["secties"]["aanleiding"]


@pytest.mark.parametrize(
    "aldus",
    [
        "Aldus besloten in de openbare raadsvergadering d.d. 19 december 2024",
        "Vastgesteld in de openbare vergadering van 19 december 2024.",
        "Aldus besloten door de raad van de gemeente Oosterlo in zijn openbare vergadering van 19-12-2024.",
    ],
)
def test_raadsbesluit_vastgesteld_in_gangbare_zinnen(cli, tmp_path, aldus):
    tekst = (
        "Raadsvoorstel\nOnderwerp: Speeltuin\n\nDe raad wordt voorgesteld te besluiten:\n"
        "1. De speeltuin te vernieuwen.\n\nAanleiding\nDe speeltuin is oud.\n\n"
        "Raadsbesluit\nDe raad van de gemeente Oosterlo;\nbesluit:\n"
        f"1. De speeltuin te vernieuwen.\n{aldus}\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    besluit = data["besluiten"][0]
    assert (besluit["orgaan"], str(besluit["datum"]), besluit["uitkomst"]) == ("raad", "2024-12-19", "aangenomen")
    assert data["beslispunten"] == ["De speeltuin te vernieuwen."]


@pytest.mark.parametrize(
    "soort,kop,sleutel",
    [
        ("raadsvoorstel", "Waarom is dit nodig?", "aanleiding_en_context"),
        ("raadsvoorstel", "Wat gaan we daarvoor doen?", "uitvoering_en_planning"),
        ("raadsvoorstel", "Hoe gaan we communiceren?", "communicatie"),
        ("raadsvoorstel", "Welke risico's zijn er?", "risicos"),
        ("raadsvoorstel", "Waarom dit voorstel?", "argumenten_en_alternatieven"),
        ("collegenota", "Wat zijn de financiële gevolgen?", "financien"),
        ("collegenota", "Wie zijn erbij betrokken?", "participatie"),
    ],
)
def test_vragende_koppen(search_path, soort, kop, sleutel):
    """The question-form titles of the "vragende" formats many municipalities use."""
    from generator.importer.vocabulary import Vocabulary
    from generator.proposal.kinds import find_soort

    assert Vocabulary(find_soort(soort, search_path)).sectie(kop)["sleutel"] == sleutel


def test_beslispunten_uit_het_raadsbesluit(cli, tmp_path):
    """No intro nota knows above the points in the proposal: the raadsbesluit's points are the
    beslispunten (it repeats them), never dropped with the draft besluit's text."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Speeltuin\n\nAanleiding\nDe speeltuin is oud.\n\nRaadsbesluit\n"
        "De raad van de gemeente Oosterlo;\ngelezen het voorstel van burgemeester en wethouders;\nbesluit:\n"
        "1. De speeltuin te vernieuwen\nvoor de kinderen.\n2. De begroting te wijzigen.\n"
        "Aldus vastgesteld in de openbare vergadering van 19 december 2024.\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == ["De speeltuin te vernieuwen voor de kinderen.", "De begroting te wijzigen."]
    assert str(data["besluiten"][0]["datum"]) == "2024-12-19"
