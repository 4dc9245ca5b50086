"""`nota import`, issue 26's fourth round: generic rules, each on a small input written here
(not a corpus file): a header table printed column by column, abbreviated labels, the
municipal section vocabulary, a value that never swallows the label after it, a footer
wrapped over two lines."""

from __future__ import annotations

import datetime as dt

import pytest
from ruamel.yaml import YAML


def _importeer(cli, tmp_path, tekst: str, naam: str = "voorstel.txt"):
    bron, target = tmp_path / naam, tmp_path / "import.yaml"
    bron.write_text(tekst, encoding="utf-8")
    r = cli("import", bron, "-o", target)
    yaml = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(yaml), yaml.splitlines()


KOLOMMEN = """Raadsvoorstel
Nieuwe speeltuin aan de Dorpsstraat

Zaaknr.
Datum advies
Portefeuille
Sector
Mailadres
Toegankelijkheid

Z/24/99887
3 maart 2024
J. Jansen
Openbare Ruimte
a.booms@example.nl
Openbaar

Samenvatting
Kort.
"""


def test_kop_kolom_na_kolom_weer_in_rijen(cli, tmp_path):
    """pdftotext printed the header table's label column, then its value column: paired back
    by order, each value checked by its field's shape."""
    r, data, regels = _importeer(cli, tmp_path, KOLOMMEN)
    assert (data["kenmerk"], data["datum"], data["portefeuillehouder"], data["team"], data["classificatie"]) == (
        "Z/24/99887",
        dt.date(2024, 3, 3),
        "J. Jansen",
        "Openbare Ruimte",
        "openbaar",
    )
    assert data["onderwerp"] == "Nieuwe speeltuin aan de Dorpsstraat"
    # an e-mail address with no person named before it: kept, marked, never dropped
    assert regels[1] == "# NOTA IMPORT, NIET GEPLAATST: email: a.booms@example.nl"
    assert r.exit_code == 1
    assert "import.yaml:2:1: fout: niet geplaatst bij het importeren: 'email: a.booms@example.nl'" in r.stderr


def test_kolommen_die_niet_passen_blijven_staan(search_path):
    """A value run whose shapes do not fit the labels (the date under "Zaaknr.") is not paired."""
    from generator.importer.header import Labels
    from generator.importer.label_runs import paired
    from generator.importer.read import lines_from_text
    from generator.proposal.kinds import find_soort

    labels = Labels(find_soort("raadsvoorstel", search_path))
    regels = lines_from_text("Zaaknr.\nDatum advies\nPortefeuille\n\n3 maart 2024\nZ/24/99887\nJ. Jansen\n")
    assert paired(regels, labels) == regels
    goed = lines_from_text("Zaaknr.\nDatum advies\nPortefeuille\n\nZ/24/99887\n3 maart 2024\nJ. Jansen\n")
    assert [(r.tekst, r.soort, r.number) for r in paired(goed, labels) if r.soort != "leeg"] == [
        ("Zaaknr.\tZ/24/99887", "rij", 1),
        ("Datum advies\t3 maart 2024", "rij", 2),
        ("Portefeuille\tJ. Jansen", "rij", 3),
    ]


def test_twee_labels_zonder_bekende_zijn_geen_kolom(search_path):
    """Short capitalised lines the kind does not know (headings, names) are no label column."""
    from generator.importer.header import Labels
    from generator.importer.label_runs import paired
    from generator.importer.read import lines_from_text
    from generator.proposal.kinds import find_soort

    labels = Labels(find_soort("collegenota", search_path))
    regels = lines_from_text("Inleiding\nAchtergrond\nVervolg\n\nTekst een\nTekst twee\nTekst drie\n")
    assert paired(regels, labels) == regels


@pytest.mark.parametrize(
    "label,waarde,sleutel,part",
    [
        ("Zaaknr.", "Z/24/1", "kenmerk", None),
        ("Zaaknummer:", "Z/24/1", "kenmerk", None),
        ("Dossiernummer", "2024-118", "kenmerk", None),
        ("Corsanummer", "24.0012", "kenmerk", None),
        ("Documentnummer", "D-77", "kenmerk", None),
        ("Tel.nr.", "0495 575 123", None, "telefoon"),
        ("Mailadres", "p@example.nl", None, "email"),
        ("Informatie bij", "P. Bakker", "steller", None),
        ("Sector", "Openbare Ruimte", "afdeling", None),
        ("Toegankelijkheid", "Openbaar", "classificatie", None),
        ("Titel voorstel", "Vervanging lichtmasten", "onderwerp", None),
    ],
)
def test_gangbare_labels_zijn_bekend(search_path, label, waarde, sleutel, part):
    """Common Dutch header labels, abbreviations with their full stop included, are the kind's own."""
    from generator.importer.header import Labels
    from generator.proposal.kinds import find_soort

    veld, gevonden_part = Labels(find_soort("collegenota", search_path)).of(label)
    assert (veld["sleutel"] if veld else None, gevonden_part) == (sleutel, part)


def test_afkorting_als_onbekend_label_wordt_geraden(search_path):
    """An abbreviated label nota does not know ("Volgnr.") is still a label: guessed by its value."""
    from generator.importer.guess import Guesser, is_label
    from generator.importer.header import Labels
    from generator.proposal.kinds import find_soort

    soort = find_soort("collegenota", search_path)
    assert is_label("Volgnr.") and is_label("Tel. nr.:") and not is_label("Zie bijlage 3.")
    veld, part, reden = Guesser(soort, Labels(soort)).guess("Volgnr.", "Z/24/5", {}, None)
    assert (veld["sleutel"], part) == ("kenmerk", None)
    assert reden == "'Volgnr.' is geen bekend label; de waarde is een kenmerk: gelezen als kenmerk"


@pytest.mark.parametrize(
    "soort,kop,sleutel",
    [
        ("raadsvoorstel", "Middelen", "financiele_consequenties"),
        ("raadsvoorstel", "3.2 Kosten en dekking", "financiele_consequenties"),
        ("raadsvoorstel", "FINANCIERING", "financiele_consequenties"),
        ("raadsvoorstel", "Inspraak", "communicatie"),
        ("raadsvoorstel", "B. Voorlichting", "communicatie"),
        ("raadsvoorstel", "Burgerparticipatie", "communicatie"),
        ("raadsvoorstel", "4. FASERING", "uitvoering_en_planning"),
        ("raadsvoorstel", "Tijdpad", "uitvoering_en_planning"),
        ("raadsvoorstel", "Overwegingen", "argumenten_en_alternatieven"),
        ("raadsvoorstel", "Afwegingen", "argumenten_en_alternatieven"),
        ("raadsvoorstel", "Motivering", "argumenten_en_alternatieven"),
        ("raadsvoorstel", "Doelstelling", "doelen_en_resultaten"),
        ("raadsvoorstel", "Voorgeschiedenis", "aanleiding_en_context"),
        ("raadsvoorstel", "Juridische aspecten", "kaders_en_omstandigheden"),
        ("raadsvoorstel", "Milieu", "duurzaamheid"),
        ("collegenota", "Middelen", "financien"),
        ("collegenota", "Inspraak", "participatie"),
        ("collegenota", "Fasering", "uitvoering_evaluatie_vervolg"),
        ("collegenota", "Probleemschets", "aanleiding"),
        ("collegenota", "Aanbestedingsprocedure", "aanbestedingen"),
        ("collegenota", "Doelstelling", "gewenste_situatie"),
    ],
)
def test_gangbare_sectienamen(search_path, soort, kop, sleutel):
    """The section names Dutch municipalities use, numbered, lettered or in capitals."""
    from generator.importer.vocabulary import Vocabulary
    from generator.proposal.kinds import find_soort

    assert Vocabulary(find_soort(soort, search_path)).sectie(kop)["sleutel"] == sleutel


def test_zelfstandig_naamwoord_als_sectie_geplaatst(cli, tmp_path):
    """Headings of one noun in plain text: each text lands in its section, unmarked."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Speeltuin\n\nVoorgeschiedenis\nDe oude speeltuin is versleten.\n\n"
        "Middelen\nHet krediet is gedekt.\n\nInspraak\nBewoners zijn gehoord.\n\n"
        "Fasering\nDe bouw start in mei.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["secties"] == {
        "aanleiding_en_context": "De oude speeltuin is versleten.",
        "financiele_consequenties": "Het krediet is gedekt.",
        "communicatie": "Bewoners zijn gehoord.",
        "uitvoering_en_planning": "De bouw start in mei.",
    }
    assert not [r for r in regels if "NOTA IMPORT" in r and "secties" in r]


def test_afgebroken_onderwerp_slikt_het_label_erna_niet(cli, tmp_path):
    """pdftotext of a header in "Label: waarde" lines, the onderwerp wrapped at the page's width:
    the line "Kenmerk:" after it is a label, not the onderwerp's last word."""
    regel = "Dit is een regel tekst die tot de rechterkant van de bladzijde doorloopt en"
    tekst = (
        "RAADSVOORSTEL\nOnderwerp: Voorstel tot het beschikbaar stellen van een krediet voor de bouw van een\n"
        "nieuwe brede school met een sporthal en een kinderdagverblijf in de wijk Noord\n"
        "Kenmerk:\n\n2020-010358\n\nDatum:\n\n3 maart 2020\n\n"
        "Samenvatting\n" + "\n".join(f"{regel} verder gaat." for _ in range(6)) + "\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert data["onderwerp"] == (
        "Voorstel tot het beschikbaar stellen van een krediet voor de bouw van een nieuwe brede school met een "
        "sporthal en een kinderdagverblijf in de wijk Noord"
    )
    assert (data["kenmerk"], data["datum"]) == ("2020-010358", dt.date(2020, 3, 3))


def test_unwrap_laat_een_label_staan():
    from generator.importer.wrapped import unwrap

    breed = "de gemeente wil de sociale teams in alle wijken van de stad laten doorgaan in"
    regels = [f"{breed} a", f"{breed} b", f"{breed} c", f"{breed} d", f"{breed} e", f"{breed} f", "Kenmerk:", "2020-1"]
    assert unwrap(regels)[-2:] == [(7, "Kenmerk:"), (8, "2020-1")]
    assert unwrap([*regels[:6], "Zie bijlage 2."])[-1][1].endswith(f"{breed} f Zie bijlage 2.")
    # a heading of a few words as wide as a short text's lines is not joined with the sentence under it
    kort = ["Onderwerp: Speeltuin Dorpsstraat", "Raadsvergadering: 12 december 2024", "1. Een krediet te verlenen."]
    kort += ["Financiële consequenties", "Het kost geld.", "Aan de gemeenteraad", "De speeltuin is oud."]
    assert (4, "Financiële consequenties") in unwrap(kort)
    # a table's caption as wide as the text stands alone: the column header under it is no continuation
    bijschrift = "Tabel 1. Kosten en dekking van de herinrichting van het plein (bedragen in k€)"
    assert unwrap([*regels[:5], f"{breed} f.", bijschrift, "Post"])[-2:] == [(7, bijschrift), (8, "Post")]


def test_labels_op_een_regel_gesplitst(cli, tmp_path):
    """A header table copied as one line per row: "Label: waarde Label: waarde" split at the known labels."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Nieuwe speeltuin aan de Dorpsstraat Kenmerk: 2024-0012 Datum: 3 maart 2024\n"
        "Portefeuillehouder: J. Jansen Van team: Team Jeugd Adviseur: A. Booms E-mail: a.booms@example.nl\n"
        "Classificatie: Openbaar\n\nSamenvatting\nKort.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert regels[2:11] == [
        "onderwerp: Nieuwe speeltuin aan de Dorpsstraat",
        "kenmerk: 2024-0012",
        "datum: 2024-03-03",
        "portefeuillehouder: J. Jansen",
        "team: Team Jeugd",
        "adviseur:",
        "  naam: A. Booms",
        "  email: a.booms@example.nl",
        "classificatie: openbaar",
    ]


def test_lopende_tekst_met_dubbele_punt_blijft_heel(search_path):
    from generator.importer.header import Labels
    from generator.proposal.kinds import find_soort

    labels = Labels(find_soort("raadsvoorstel", search_path))
    assert labels.inline("Het college besluit: de datum: 3 maart") == ["Het college besluit: de datum: 3 maart"]
    assert labels.inline("Kenmerk: 2024-1 Datum: 3 maart 2024") == ["Kenmerk: 2024-1", "Datum: 3 maart 2024"]


def test_voettekst_over_twee_regels_is_meubilair():
    """WeasyPrint wraps a narrow footer: "Gemeente Zuidwoude · Pagina 1" over "Collegevoorstel van 2".
    The second line, as large and right under the first, is furniture too, not a table row."""
    from generator.importer.pdf_reader import Cel, Lijn, _without_furniture

    def lijn(top: float, *teksten: str, size: float = 8.0) -> Lijn:
        return Lijn(
            1, top, top + size, size, False, [Cel(50.0 + 200 * i, 150.0 + 200 * i, t) for i, t in enumerate(teksten)]
        )

    tekst = lijn(400, "Het krediet is gedekt.", size=10.5)
    voet = [lijn(800, "Gemeente Zuidwoude ·", "Pagina 1"), lijn(810, "Collegevoorstel", "van 2")]
    tweede = [lijn(400, "Tabel 1", size=10.5), lijn(800, "Gemeente Zuidwoude · Collegevoorstel Pagina 2 van 2")]
    over = _without_furniture([(1, 842.0, [tekst, *voet]), (2, 842.0, tweede)])
    assert [x.tekst for x in over] == ["Het krediet is gedekt.", "Tabel 1"]
    # a body line right under a dropped page number, in the body, stays
    hoog = [lijn(790, "Gemeente Zuidwoude ·", "Pagina 1"), lijn(300, "Tekst", size=8.0)]
    assert [x.tekst for x in _without_furniture([(1, 842.0, hoog), (2, 842.0, tweede)])] == ["Tekst", "Tabel 1"]


@pytest.mark.parametrize(
    "cel,waarde",
    [
        ("€ 1.250,-", 1250),
        ("\u22121.250", -1250),
        ("\u2013250", -250),
        ("-/- € 1.250", -1250),
        ("€ -/- 1.250", -1250),
        ("(1.250)", -1250),
        ("€ (1.250)", -1250),
        ("1.250-", -1250),
        ("€ -", 0),
        ("€ 1.250.000", 1250000),
        ("Kosten", None),
        ("nihil", None),
    ],
)
def test_bedragen_in_gangbare_notaties(cel, waarde):
    from generator.importer.tables import bedrag

    assert bedrag(cel) == waarde


def test_tabel_met_negatieve_bedragen_telt_op(cli, tmp_path):
    """A minus sign, "-/-", brackets and "€ -" in one table: amounts that add up to its total, unmarked."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Speeltuin\n\nFinanciële consequenties\nDe kosten staan hieronder.\n\n"
        "Tabel 1. Kosten\nPost\tBedrag\nBouw\t€ 1.250\nSubsidie\t-/- € 250\nKorting\t(100)\n"
        "Afronding\t\u221250\nOnvoorzien\t€ -\nTotaal\t€ 850\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    tabel = data["secties"]["financiele_consequenties"][1]
    assert [(r["post"], r["bedrag"]) for r in tabel["regels"]] == [
        ("Bouw", 1250),
        ("Subsidie", -250),
        ("Korting", -100),
        ("Afronding", -50),
        ("Onvoorzien", 0),
    ]
    assert tabel["totaal"] == 850
    assert not [r for r in regels if "NOTA IMPORT" in r]


@pytest.mark.parametrize(
    "regel",
    [
        "Beslissing:",
        "Te nemen besluit",
        "Gevraagde beslissing:",
        "Voorgestelde beslissing",
        "Besluitpunten:",
        "Het college wordt voorgesteld:",
        "Aan de raad wordt voorgesteld:",
        "De raad wordt gevraagd:",
        "Voorgesteld wordt:",
    ],
)
def test_gangbare_inleidingen_van_de_beslispunten(cli, tmp_path, regel):
    tekst = (
        f"Raadsvoorstel\nOnderwerp: Speeltuin\n\n{regel}\n1. Een krediet van € 50.000 beschikbaar te stellen.\n"
        "2. De begroting te wijzigen.\n\nAanleiding\nDe speeltuin is versleten.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == ["Een krediet van € 50.000 beschikbaar te stellen.", "De begroting te wijzigen."]
    assert data["secties"]["aanleiding_en_context"] == "De speeltuin is versleten."
    assert not [r for r in regels if "NOTA IMPORT" in r]


@pytest.mark.parametrize("regel", ["Besluitvorming", "Raadsbesluit", "Besluit college: akkoord"])
def test_geen_inleiding(regel):
    from generator.importer.vocabulary import is_intro

    assert not is_intro(regel)


def test_onderwerp_in_de_titelregel_en_labels_zonder_dubbele_punt(cli, tmp_path):
    """ "Raadsvoorstel: X" names the kind and the onderwerp; "Kenmerk 2024-0012" (no colon) is a
    header field when its value has the field's shape, and never the onderwerp's next line."""
    tekst = (
        "Raadsvoorstel: Nieuwe speeltuin aan de Dorpsstraat\nKenmerk 2024-0012\nDatum 3 maart 2024\n"
        "Portefeuillehouder J. Jansen\n\nBESLISPUNTEN\n1. Een krediet te verlenen.\n\n1. AANLEIDING\n"
        "De speeltuin is oud.\n\n2. MIDDELEN\nHet kost geld.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert regels[1:6] == [
        "soort: raadsvoorstel",
        "onderwerp: Nieuwe speeltuin aan de Dorpsstraat",
        "kenmerk: 2024-0012",
        "datum: 2024-03-03",
        "portefeuillehouder: J. Jansen",
    ]
    assert data["secties"] == {
        "aanleiding_en_context": "De speeltuin is oud.",
        "financiele_consequenties": "Het kost geld.",
    }


@pytest.mark.parametrize(
    "regel,onderwerp",
    [
        ("Collegevoorstel inzake vervanging van de lichtmasten", "vervanging van de lichtmasten"),
        ("Collegevoorstel - Vervanging lichtmasten", "Vervanging lichtmasten"),
        ("Collegenota: Vervanging lichtmasten 2025", "Vervanging lichtmasten 2025"),
        ("Collegevoorstel", None),
        ("Collegevoorstel: Zuid", None),
        ("Voorstel over het beleid", None),
    ],
)
def test_titel_met_onderwerp(search_path, regel, onderwerp):
    from generator.importer.vocabulary import Vocabulary
    from generator.proposal.kinds import find_soort

    assert Vocabulary(find_soort("collegenota", search_path)).title_with_onderwerp(regel) == onderwerp


@pytest.mark.parametrize(
    "regel,gevonden",
    [
        ("Kenmerk 2024-0012", ("kenmerk", "2024-0012")),
        ("Datum 3 maart 2024", ("datum", "3 maart 2024")),
        ("Van team Team Jeugd", ("team", "Team Jeugd")),
        ("Titel voorstel", None),  # a label of two words, no value
        ("Kenmerk van dit voorstel", None),  # a kenmerk has a digit
        ("Datum volgt later", None),  # no date
        ("Team Jeugd heeft dit voorgesteld.", None),  # a sentence
    ],
)
def test_label_zonder_dubbele_punt(search_path, regel, gevonden):
    from generator.importer.header import Labels
    from generator.proposal.kinds import find_soort

    hit = Labels(find_soort("raadsvoorstel", search_path)).spaced(regel)
    assert (None if hit is None else (hit[0]["sleutel"], hit[2])) == gevonden


def test_datum_collegebesluit_in_de_kop_is_een_veld(cli, tmp_path):
    """ "Datum collegebesluit: …" among the raadsvoorstel's header labels is its datum, not a decision box's date."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Bestemmingsplan Dorpskern\nZaaknummer: Z-2024-1234\n"
        "Datum collegebesluit: 12 maart 2024\n\nVoorgesteld besluit\n1. Het plan vast te stellen.\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert (data["kenmerk"], data["datum"]) == ("Z-2024-1234", dt.date(2024, 3, 12))


def test_vergaderdatum_zonder_uitkomst_blijft_bewaard(cli, tmp_path):
    """A decision's date line with no outcome after it is kept, marked, with its line in the message."""
    tekst = (
        "Collegevoorstel\nOnderwerp: Lichtmasten vervangen\nKenmerk: 2024-1\n\nAanleiding\nDe masten zijn oud.\n\n"
        "Collegevergadering: 26 november 2024\n"
    )
    r, data, regels = _importeer(cli, tmp_path, tekst)
    marker = (
        "# NOTA IMPORT, NIET GEPLAATST: Collegevergadering: 26 november 2024 (geen uitkomst erbij; leg het "
        "besluit vast met nota decide)"
    )
    assert marker in regels and data["besluiten"] == []
    assert f"import.yaml:{regels.index(marker) + 1}:1: fout: niet geplaatst bij het importeren" in r.stderr


def _word_met_vette_labels(pad) -> None:
    """A raadsvoorstel as some municipalities type it in Word: "**Label:** waarde" lines, headings as
    bold capitals with a typed number, "BESLISSING" above the points, a table in k€ with -/- and ()."""
    from docx import Document

    d = Document()
    d.add_paragraph().add_run("RAADSVOORSTEL").bold = True
    for label, waarde in [
        ("Onderwerp", "Herinrichting Marktplein"),
        ("Zaaknummer", "Z.24-00871"),
        ("Datum", "4 juni 2024"),
        ("Portefeuillehouder", "wethouder K. de Wit"),
        ("Afdeling", "Ruimte"),
        ("Contactpersoon", "L. Smit"),
        ("E-mail", "l.smit@example.nl"),
    ]:
        p = d.add_paragraph()
        p.add_run(label + ":").bold = True
        p.add_run(" " + waarde)
    for titel, tekst in [
        ("SAMENVATTING", "Het plein wordt opnieuw ingericht."),
        ("BESLISSING", "1. Een krediet van € 1.100.000 beschikbaar te stellen."),
        ("1. INLEIDING", "Het plein is verouderd."),
        ("2. DOELSTELLING", "Een veilig plein."),
        ("3. OVERWEGINGEN", "Herinrichting is goedkoper."),
        ("4. MIDDELEN", "Tabel 1. Kosten (k€)"),
        ("5. INSPRAAK", "Ondernemers zijn gehoord."),
        ("6. FASERING", "Start in 2025."),
    ]:
        d.add_paragraph().add_run(titel).bold = True
        d.add_paragraph(tekst)
        if "MIDDELEN" in titel:
            rijen = [("Post", "2025", "2026"), ("Herinrichting", "900", "300"), ("Subsidie", "-/- 100", "(50)")]
            rijen += [("Onvoorzien", "€ -", "50"), ("Totaal", "800", "300")]
            tabel = d.add_table(rows=len(rijen), cols=3)
            for i, rij in enumerate(rijen):
                for j, cel in enumerate(rij):
                    tabel.cell(i, j).text = cel
    d.save(pad)


def test_word_met_vette_labels_en_koppen(cli, tmp_path):
    bron = tmp_path / "marktplein.docx"
    _word_met_vette_labels(bron)
    r = cli("import", bron, "-o", tmp_path / "import.yaml")
    regels = (tmp_path / "import.yaml").read_text(encoding="utf-8").splitlines()
    data = YAML(typ="safe").load("\n".join(regels))
    assert regels[1:12] == [
        "soort: raadsvoorstel",
        "onderwerp: Herinrichting Marktplein",
        "kenmerk: Z.24-00871",
        "datum: 2024-06-04",
        "portefeuillehouder: wethouder K. de Wit",
        "team: Ruimte",
        "adviseur:",
        "  naam: L. Smit",
        "  email: l.smit@example.nl",
        "publiekssamenvatting: Het plein wordt opnieuw ingericht.",
        "beslispunten:",
    ]
    assert data["beslispunten"] == ["Een krediet van € 1.100.000 beschikbaar te stellen."]
    assert list(data["secties"]) == [
        "aanleiding_en_context",
        "doelen_en_resultaten",
        "argumenten_en_alternatieven",
        "financiele_consequenties",
        "uitvoering_en_planning",
        "communicatie",
    ]  # in the kind's order
    tabel = data["secties"]["financiele_consequenties"][0]
    assert [r["bedrag"] for r in tabel["regels"]] == [[900000, 300000], [-100000, -50000], [0, 50000]]
    assert tabel["totaal"] == [800000, 300000]
    assert not [x for x in regels if "NOTA IMPORT" in x and "bedragen in de bron" not in x]
    assert "Traceback" not in r.output


def test_kop_na_een_tabel_in_platte_tekst(cli, tmp_path):
    """In text without styles a short line right after a table is a heading, as after a full stop."""
    tekst = (
        "Raadsvoorstel\nOnderwerp: Speeltuin\n\nFinanciële consequenties\nDe kosten staan hieronder.\n\n"
        "Tabel 1. Kosten\nPost\tBedrag\nBouw\t€ 1.000\nTotaal\t€ 1.000\n\nOnzekerheden\nDe prijzen kunnen stijgen.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["secties"]["risicos"] == "De prijzen kunnen stijgen."
    i = regels.index("  risicos: De prijzen kunnen stijgen.")
    assert regels[i - 1] == (
        "  # NOTA IMPORT, GERADEN: kop 'Onzekerheden' gelezen als sectie 'Risico's' "
        "(één woord gelijk met 'onzekerheid')"
    )


@pytest.mark.parametrize(
    "punten",
    [
        "a. Een krediet van EUR 50.000 beschikbaar te stellen;\nb. De begroting 2025 te wijzigen.",
        "A) Een krediet van EUR 50.000 beschikbaar te stellen;\nB) De begroting 2025 te wijzigen.",
        "• Een krediet van EUR 50.000 beschikbaar te stellen;\n• De begroting 2025 te wijzigen.",
        "- Een krediet van EUR 50.000 beschikbaar te stellen;\n- De begroting 2025 te wijzigen.",
    ],
)
def test_beslispunten_met_letters_of_opsommingstekens(cli, tmp_path, punten):
    tekst = (
        f"Raadsvoorstel\nOnderwerp: Speeltuin\n\nVoorgesteld besluit\n{punten}\n\nAanleiding\nDe speeltuin is oud.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == [
        "Een krediet van EUR 50.000 beschikbaar te stellen;",
        "De begroting 2025 te wijzigen.",
    ]
    assert data["secties"] == {"aanleiding_en_context": "De speeltuin is oud."}
    assert not [r for r in regels if "NOTA IMPORT" in r]


def test_opsomming_onder_een_genummerd_punt_hoort_erbij(cli, tmp_path):
    tekst = (
        "Raadsvoorstel\nOnderwerp: Speeltuin\n\nVoorgesteld besluit\n1. In te stemmen met:\n- de nieuwe speeltuin;\n"
        "- het krediet.\n2. De begroting te wijzigen.\n\nAanleiding\nDe speeltuin is oud.\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert data["beslispunten"] == [
        "In te stemmen met: - de nieuwe speeltuin; - het krediet.",
        "De begroting te wijzigen.",
    ]


def test_initialen_zijn_geen_beslispunt(cli, tmp_path):
    """ "A. Jansen" under "Steller:" is a name, not a lettered point under an intro."""
    tekst = "Collegenota\nOnderwerp: Speeltuin\nSteller:\n\nA. Jansen\n\nAanleiding\nDe speeltuin is oud.\n"
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert data["steller"] == {"naam": "A. Jansen"} and "beslispunten" not in data


@pytest.mark.parametrize("cel,waarde", [("EUR 40", 40), ("40 euro", 40), ("1.250 €", 1250), ("EUR -/- 40", -40)])
def test_bedragen_met_eur_of_euro(cel, waarde):
    from generator.importer.tables import bedrag

    assert bedrag(cel) == waarde


KOP_IN_KOLOMMEN = """Gemeente Westerhoven - Raadsvoorstel

Raadsvoorstel
Onderwerp
Registratienr.
Collegedatum
Portefeuillehouder
Cluster
Vertrouwelijkheid

Aanleg fietspad Molenweg
RV-2024-0456
8 oktober 2024
T. Bakker
Mobiliteit
Openbaar

TE NEMEN BESLUIT
1. Een krediet van € 650.000 beschikbaar te stellen.

5. FINANCIËN
De kosten zijn als volgt.

Tabel 1. Investering (x € 1.000)
Onderdeel

2025

Aanleg

550

Grondaankoop

150

Bijdrage provincie -/- 50
Totaal

650

Pagina 1 van 2
\fGemeente Westerhoven - Raadsvoorstel

6. UITVOERING
De aanleg start in 2025.

Pagina 2 van 2
\f"""


def test_pdftotext_kop_in_kolommen_en_tabel_met_samengevoegde_cel(cli, tmp_path):
    """pdftotext of a WeasyPrint raadsvoorstel: the header's labels then its values (the title
    "Raadsvoorstel" and "Onderwerp" right under the running head are no furniture), a table one
    cell a line with "Bijdrage provincie -/- 50" printed as one line."""
    _, data, regels = _importeer(cli, tmp_path, KOP_IN_KOLOMMEN)
    assert regels[1:9] == [
        "soort: raadsvoorstel",
        "gemeente: Westerhoven",
        "onderwerp: Aanleg fietspad Molenweg",
        "kenmerk: RV-2024-0456",
        "datum: 2024-10-08",
        "portefeuillehouder: T. Bakker",
        "team: Mobiliteit",
        "classificatie: openbaar",
    ]
    tabel = data["secties"]["financiele_consequenties"][1]
    assert [(r["post"], r["bedrag"]) for r in tabel["regels"]] == [
        ("Aanleg", 550000),
        ("Grondaankoop", 150000),
        ("Bijdrage provincie", -50000),
    ]
    assert tabel["totaal"] == 650000
    assert data["secties"]["uitvoering_en_planning"] == "De aanleg start in 2025."


def test_pdftotext_layout_label_en_bedrag_met_een_spatie(cli, tmp_path):
    """pdftotext -layout puts a long right-aligned amount one space from its label: still a row."""
    tekst = (
        " Raadsvoorstel\n Onderwerp                 Aanleg fietspad\n Kenmerk                   RV-2024-0456\n\n"
        " 5. FINANCIËN\n De kosten.\n\n Tabel 1. Investering (x € 1.000)\n\n"
        "  Onderdeel             2025\n  Aanleg                550\n  Grondaankoop          150\n"
        "  Bijdrage provincie -/- 50\n  Totaal                650\n\n 6. UITVOERING\n Start in 2025.\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    tabel = data["secties"]["financiele_consequenties"][1]
    assert [r["bedrag"] for r in tabel["regels"]] == [550000, 150000, -50000] and tabel["totaal"] == 650000


@pytest.mark.parametrize(
    "regel,gesplitst",
    [
        ("Bijdrage provincie -/- 50", ("Bijdrage provincie", "-/- 50")),
        ("Totaal € 650", ("Totaal", "€ 650")),
        ("Korting (1.250)", ("Korting", "(1.250)")),
        ("Begroting 2025", None),  # a year is no amount
        ("Aanleg", None),
    ],
)
def test_label_en_bedrag_op_een_regel(regel, gesplitst):
    from generator.importer.tables import label_and_amount

    assert label_and_amount(regel) == gesplitst


@pytest.mark.parametrize(
    "soort,regel,orgaan,gemarkeerd",
    [
        ("Collegenota", "Collegebesluit: 3 december 2024 conform", "college", False),
        ("Collegenota", "Het college heeft op 3 december 2024 besloten conform het voorstel.", "college", True),
        ("Raadsvoorstel", "Besloten in de collegevergadering van 3 december 2024: conform advies.", "college", True),
    ],
)
def test_besluit_van_het_college_in_gangbare_vormen(cli, tmp_path, soort, regel, orgaan, gemarkeerd):
    tekst = (
        f"{soort}\nOnderwerp: Lichtmasten vervangen\nKenmerk: 2024-1\nDatum: 20 november 2024\n\n"
        f"Aanleiding\nDe masten zijn oud.\n\n{regel}\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert [(b["orgaan"], b["datum"], b["uitkomst"]) for b in data["besluiten"]] == [
        (orgaan, dt.date(2024, 12, 3), "conform")
    ]
    assert (f"# NOTA IMPORT, GERADEN: besluit gelezen uit de zin '{regel}'" in regels) is gemarkeerd


def test_vergadert_zonder_uitkomst_is_geen_besluit(cli, tmp_path):
    tekst = (
        "Collegenota\nOnderwerp: Lichtmasten vervangen\nKenmerk: 2024-1\n\nAanleiding\nDe masten zijn oud.\n"
        "Het college vergadert op 3 december 2024 over dit voorstel.\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert data["besluiten"] == []
    assert "Het college vergadert op 3 december 2024 over dit voorstel." in data["secties"]["aanleiding"]


def test_onbekende_labels_met_dubbele_punt_in_de_kop(cli, tmp_path):
    """ "Label: waarde" lines with labels nota does not know: placed by a guess, marked; never the
    onderwerp's next line, and a heading after a blank line never a header value's last word."""
    tekst = (
        "Collegenota\nOnderwerp: Lichtmasten vervangen\nArchiefnummer: Z/24/118\nVergaderdatum: 20 november 2024\n"
        "Wethouder: J. Jansen\nVakgebied: Openbare Ruimte\n\nAanleiding\nDe masten zijn oud.\n"
    )
    r, data, regels = _importeer(cli, tmp_path, tekst)
    assert (data["onderwerp"], data["kenmerk"], data["datum"]) == (
        "Lichtmasten vervangen",
        "Z/24/118",
        dt.date(2024, 11, 20),
    )
    assert data["secties"]["aanleiding"] == "De masten zijn oud."
    i = regels.index("kenmerk: Z/24/118")
    assert regels[i - 1] == (
        "# NOTA IMPORT, GERADEN: Archiefnummer: Z/24/118 ('Archiefnummer' is geen bekend label; de waarde is "
        "een kenmerk: gelezen als kenmerk)"
    )
    assert f"import.yaml:{i}:1: fout: geraden bij het importeren: Archiefnummer: Z/24/118" in r.stderr


def test_kort_document_kop_niet_aan_de_zin_eronder(cli, tmp_path):
    """A short document whose lines happen to be of one width: a heading of a few words is not
    joined with the sentence under it (nor does that make it another kind)."""
    tekst = (
        "Aan de gemeenteraad\n\nOnderwerp: Speeltuin Dorpsstraat\nRaadsvergadering: 12 december 2024\n\n"
        "Gevraagd besluit\n1. Een krediet te verlenen.\n\nInleiding\nDe speeltuin is oud.\n\n"
        "Financiële consequenties\nHet kost geld.\n"
    )
    _, data, _ = _importeer(cli, tmp_path, tekst)
    assert data["soort"] == "raadsvoorstel"
    assert data["secties"] == {
        "aanleiding_en_context": "De speeltuin is oud.",
        "financiele_consequenties": "Het kost geld.",
    }


def _word_collegeadvies(pad) -> None:
    """A collegeadvies in Word's English style ids: a four-column header table (label, value, label,
    value) with abbreviated labels, "Advies" as a heading above a numbered list, noun headings."""
    from docx import Document

    d = Document()
    d.add_heading("Collegeadvies", level=0)
    rijen = [
        ("Onderwerp", "Groenbeheer 2025-2028", "Zaaknr.", "Z24.1187"),
        ("Datum", "14-10-2024", "Wethouder", "A. de Boer"),
        ("Team", "Groen en Water", "Opsteller", "M. Visser"),
        ("Tel.", "06-12345678", "Mail", "m.visser@example.nl"),
    ]
    tabel = d.add_table(rows=4, cols=4)
    for i, rij in enumerate(rijen):
        for j, cel in enumerate(rij):
            tabel.cell(i, j).text = cel
    d.add_heading("Samenvatting", level=1)
    d.add_paragraph("Het groenbeheer wordt vernieuwd.")
    d.add_heading("Advies", level=1)
    d.add_paragraph("In te stemmen met het beheerplan groen 2025-2028.", style="List Number")
    d.add_paragraph("De kosten te dekken uit de begroting.", style="List Number")
    for kop, tekst in [
        ("Aanleiding", "Het oude plan loopt af."),
        ("Middelen", "Binnen budget."),
        ("Planning", "Start."),
    ]:
        d.add_heading(kop, level=1)
        d.add_paragraph(tekst)
    d.save(pad)


def test_word_collegeadvies_met_advies_als_kop(cli, tmp_path):
    bron = tmp_path / "groen.docx"
    _word_collegeadvies(bron)
    r = cli("import", bron, "-o", tmp_path / "import.yaml")
    regels = (tmp_path / "import.yaml").read_text(encoding="utf-8").splitlines()
    data = YAML(typ="safe").load("\n".join(regels))
    assert (data["soort"], data["onderwerp"], data["kenmerk"], data["datum"]) == (
        "collegenota",
        "Groenbeheer 2025-2028",
        "Z24.1187",
        dt.date(2024, 10, 14),
    )
    assert (data["portefeuillehouder"], data["afdeling"]) == ("A. de Boer", "Groen en Water")
    assert data["steller"] == {"naam": "M. Visser", "telefoon": "06-12345678", "email": "m.visser@example.nl"}
    assert data["beslispunten"] == [
        "In te stemmen met het beheerplan groen 2025-2028.",
        "De kosten te dekken uit de begroting.",
    ]
    i = regels.index("beslispunten:")
    assert regels[i - 1] == (
        "# NOTA IMPORT, GERADEN: 'Advies' boven een genummerde lijst vóór de eerste sectie gelezen als "
        "inleiding van de beslispunten"
    )
    assert data["secties"]["aanleiding"] == "Het oude plan loopt af."
    assert (data["secties"]["financien"], data["secties"]["uitvoering_evaluatie_vervolg"]) == (
        "Binnen budget.",
        "Start.",
    )
    assert "Traceback" not in r.output


def test_emailadres_over_twee_regels_van_een_smalle_cel(cli, tmp_path):
    """pdftotext of a narrow header cell: "m.visser@examp" and "le.nl" are one address."""
    tekst = (
        "Collegeadvies\nOnderwerp\n\nGroenbeheer\n\nOpsteller\n\nM. Visser\n\nMail\n\nm.visser@examp\nle.nl\n\n"
        "Samenvatting\nHet groenbeheer wordt vernieuwd.\n"
    )
    _, data, regels = _importeer(cli, tmp_path, tekst)
    assert data["steller"] == {"naam": "M. Visser", "email": "m.visser@example.nl"}
    assert not [r for r in regels if "le.nl" in r and "NOTA IMPORT" in r]


def test_persoon_met_afgebroken_adres():
    from generator.importer.header import persoon

    assert persoon("M. Visser\nm.visser@examp\nle.nl\n06-123") == {
        "naam": "M. Visser",
        "email": "m.visser@example.nl",
        "telefoon": "06-123",
    }
