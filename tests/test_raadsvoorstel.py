"""The raadsvoorstel: every part of the Den Helder example in the PDF, and the
raadsbesluit on a page of its own, completed by the council's decision."""

import pytest

from conftest import write
from test_kinds import in_volgorde, pdf_tekst, plat, tabelregels, preview

pytestmark = pytest.mark.slow  # renders the kind's PDF and DOCX

SECTIES = [
    "Aanleiding en context",
    "Doelen en resultaten",
    "Kaders en omstandigheden",
    "Argumenten en alternatieven",
    "Bestuurlijke vernieuwing",
    "Duurzaamheid",
    "Financiële consequenties",
    "Risico's",
    "Uitvoering en planning",
    "Communicatie",
]

PUNT_1 = "1. € 460.000 beschikbaar te stellen uit de Algemene reserve"
PUNT_2 = "2. De hieruit voortvloeiende begrotingswijziging vast te stellen."

# A raadsvoorstel as someone writes it from DESIGN.md alone: the required
# fields, no bijlagen, no signatures.
KORT = """soort: raadsvoorstel
gemeente: Den Helder
onderwerp: Verlenging subsidie buurthuizen
kenmerk: "2021-000123"
datum: 2021-02-09
portefeuillehouder: P. de Wit
publiekssamenvatting: De buurthuizen blijven open.
beslispunten:
  - De subsidie voor de buurthuizen met een jaar te verlengen.
secties:
  aanleiding_en_context: De subsidie loopt af.
  doelen_en_resultaten: Buurthuizen blijven open.
  argumenten_en_alternatieven: Sluiten kost meer.
  financiele_consequenties: nvt
"""

BESLOTEN = """
raad: {griffier: M. Pronk, voorzitter: J. Nobel}
besluiten:
  - {orgaan: college, datum: 2020-03-03, uitkomst: conform}
  - {orgaan: raad, datum: 2020-05-11, uitkomst: aangenomen, besluitnummer: "RB20.0042"}
"""


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return tmp_path_factory.mktemp("rv") / "rv.pdf"


@pytest.fixture(scope="module")
def tekst(pdf):
    return pdf_tekst(preview("raadsvoorstel"), pdf)


@pytest.fixture(scope="module")
def pagina_s(tekst):
    return tekst.split("\f")


def test_kop_samenvatting_besluit_en_bijlagen_in_volgorde(tekst):
    in_volgorde(
        tekst,
        [
            "Gemeente Den Helder",
            "RAADSVOORSTEL",
            "Voorstel tot het beschikbaar stellen",
            "Portefeuillehouder",
            "Tjitske Biersteker-Giljou",
            "Van team",
            "Team Jeugd",
            "Classificatie",
            "Openbaar",
            "Adviseur",
            "A. Bakker",
            "Kenmerk",
            "2020-010358",
            "E-mail",
            "a.bakker@example.nl",
            "Begrotingswijziging",
            "Ja",
            "Datum",
            "3 maart 2020",
            "Publiekssamenvatting",
            "Helders Sociaal Beleid",
            "Geadviseerd besluit",
            PUNT_1,
            PUNT_2,
            "Bijlagen",
            "1. Uitvoeringsplan omgekeerd werken (uitvoeringsplan-omgekeerd-werken.docx)",
            "2. Uitvoeringsplan sociale wijkteams",
        ],
    )


def test_secties_ongenummerd_in_volgorde(tekst):
    in_volgorde(tekst, ["Geadviseerd besluit"] + [f"\n{s}\n" for s in SECTIES])
    assert "1. Aanleiding en context" not in tekst


def test_meerjarige_tabellen_met_lege_cel_kolomtotalen_en_rijtotaal(pdf, tekst):
    regels = tabelregels(pdf)
    in_volgorde(
        "\n".join(regels),
        [
            "Benodigd volgens het uitvoeringsplan",
            "Kosten | 2020 | 2021 | 2022",
            "Opleidingen en inrichting | € 180.000 | € 20.000\n",  # 2022 is empty
            "Frictiekosten personeel (bezetting garanderen) | € 140.000 | € 280.000 | € 140.000",
            "Activiteiten | € 200.000 | € 200.000 | € 200.000",
            "Totaal benodigd | € 630.000 | € 610.000 | € 450.000",
            "Bekostiging",
            "Dekking | 2020 | 2021 | 2022 | Totaal",
            "Budget sociale innovatie | € 270.000 | € 270.000 | € 270.000 | € 810.000",
            "Algemene reserve | € 360.000 | € 60.000 | € 40.000 | € 460.000",
            "Aanvraag kadernota 2021-2024 | € 280.000 | € 140.000 | € 420.000",
            "Totaal dekking | € 630.000 | € 610.000 | € 450.000 | € 1.690.000",
        ],
    )


def test_ondertekening_door_het_college(pdf, tekst):
    in_volgorde(
        "\n".join(tabelregels(pdf)),
        [
            "Communicatie",
            "Den Helder, 3 maart 2020",
            "Burgemeester en Wethouders van Den Helder,",
            "burgemeester | secretaris",
            "Jeroen Nobel | Robert Reus",
        ],
    )


def test_raadsbesluit_op_eigen_pagina(pagina_s):
    (besluit,) = [p for p in pagina_s if "De raad van de gemeente Den Helder;" in p]
    assert plat(besluit).startswith("Den Helder · Raadsvoorstel Raadsbesluit Raadsvergadering d.d.")
    assert "Robert Reus" not in besluit and "Communicatie" not in besluit
    in_volgorde(
        plat(besluit),
        [
            "Raadsvergadering d.d.",
            "Besluit nummer",
            "Onderwerp",
            "Voorstel tot het beschikbaar",
            "De raad van de gemeente Den Helder;",
            "gelezen het raadsvoorstel van het college van burgemeester en wethouders van Den Helder van 3 maart 2020,",
            "besluit:",
            PUNT_1,
            PUNT_2,
            "Aldus besloten in de raadsvergadering van",
        ],
    )
    assert "De griffier," in besluit and "De voorzitter," in besluit


def test_raadsbesluit_zonder_besluit_laat_plaats_open(pagina_s):
    (besluit,) = [p for p in pagina_s if "De raad van de gemeente" in p]
    assert "11 mei 2020" not in besluit
    assert "Aldus besloten in de raadsvergadering van\n" in besluit


def test_besluit_van_de_raad_vult_datum_nummer_en_namen_in(tmp_path):
    bron = preview("raadsvoorstel").read_text(encoding="utf-8").replace("besluiten: []\n", "")
    path = write(tmp_path, "besloten.yaml", bron + BESLOTEN)
    pagina_s = pdf_tekst(path, tmp_path / "b.pdf").split("\f")
    in_volgorde(
        plat(pagina_s[0]),
        ["Geadviseerd besluit", PUNT_2, "Besluit Burgemeester en Wethouders d.d. 3 maart 2020:", "Conform."],
    )
    (besluit,) = [p for p in pagina_s if "De raad van de gemeente" in p]
    in_volgorde(
        plat(besluit),
        [
            "Raadsvergadering d.d.",
            "11 mei 2020",
            "Besluit nummer",
            "RB20.0042",
            "Aldus besloten in de raadsvergadering van 11 mei 2020",
        ],
    )
    regels = tabelregels(tmp_path / "b.pdf")
    in_volgorde("\n".join(regels), ["Aldus besloten", "De griffier, | De voorzitter,", "M. Pronk | J. Nobel"])
    assert "CONCEPT" not in "".join(pagina_s)


def test_geamendeerd_besluit_zegt_dat(tmp_path, search_path):
    from generator.render import context
    from generator.proposal.validate import load_voorstel

    bron = preview("raadsvoorstel").read_text(encoding="utf-8").replace("besluiten: []\n", "")
    path = write(tmp_path, "b.yaml", bron + BESLOTEN.replace("aangenomen", "geamendeerd"))
    r = context.build(load_voorstel(path, search_path))["raadsbesluit"]
    assert (r.vergaderdatum, r.besluitnummer, r.uitkomst) == ("11 mei 2020", "RB20.0042", "Geamendeerd aangenomen.")


def test_kort_voorstel_naar_design_checkt_en_rendert(tmp_path, cli):
    path = write(tmp_path, "kort.yaml", KORT)
    r = cli("check", path)
    assert r.exit_code == 0, r.output
    tekst = pdf_tekst(path, tmp_path / "kort.pdf")
    assert "Bijlagen" not in tekst
    in_volgorde(
        plat(tekst),
        [
            "Financiële consequenties",
            "Niet van toepassing",
            "Risico's",
            "Niet van toepassing",
            "Den Helder, 9 februari 2021",
            "Burgemeester en Wethouders van Den Helder,",
            "burgemeester",
            "secretaris",
            "Raadsbesluit",
            "gelezen het raadsvoorstel van het college van burgemeester "
            "en wethouders van Den Helder van 9 februari 2021,",
            "besluit:",
            "1. De subsidie voor de buurthuizen met een jaar te verlengen.",
            "Aldus besloten in de raadsvergadering van",
        ],
    )


def test_verplichte_sectie_en_tikfout_met_plaats(tmp_path, cli):
    path = write(
        tmp_path,
        "fout.yaml",
        KORT.replace("  doelen_en_resultaten: Buurthuizen blijven open.\n", "").replace(
            "  financiele_consequenties: nvt", "  financiele_consequentie: nvt"
        ),
    )
    r = cli("check", path)
    assert r.exit_code == 1
    regels = r.stderr.splitlines()
    assert f"{path}:10:1: fout: 'doelen_en_resultaten' ontbreekt; dit veld is verplicht (in secties)" in regels
    assert (
        f"{path}:13:3: fout: onbekende sleutel 'financiele_consequentie' (in secties); "
        "bedoelde u 'financiele_consequenties'?"
    ) in regels


def test_raad_ondertekening_kent_alleen_griffier_en_voorzitter(tmp_path, cli):
    path = write(tmp_path, "raad.yaml", KORT + "raad: {griffier: A, secretaris: B}\n")
    r = cli("check", path)
    assert r.exit_code == 1
    assert f"{path}:15:21: fout: onbekende sleutel 'secretaris' (in raad)" in r.stderr


# --- the Word document -----------------------------------------------------


@pytest.fixture(scope="module")
def docx(tmp_path_factory):
    from test_kinds import docx_document

    return docx_document(preview("raadsvoorstel"), tmp_path_factory.mktemp("rvd") / "rv.docx")


def _vanaf(blocks, tekst: str) -> list:
    i = next(i for i, b in enumerate(blocks) if b[0] == "p" and b[2] == tekst)
    return blocks[i:]


def test_docx_koppen_en_kop_in_twee_kolommen(docx):
    from test_kinds import docx_blokken

    blocks = docx_blokken(docx)
    koppen = [b[2] for b in blocks if b[0] == "p" and b[1] == "Heading 1"]
    # the raadsbesluit's title is a Heading 1, in Word's navigation pane (issue 25)
    assert koppen == ["Publiekssamenvatting", "Geadviseerd besluit", "Bijlagen", *SECTIES, "Raadsbesluit"]
    titles = [b[2] for b in blocks if b[0] == "p" and b[1] == "Title"]
    assert len(titles) == 1 and titles[0].startswith("Voorstel tot het beschikbaar stellen")
    kop = next(b[1] for b in blocks if b[0] == "t")
    assert kop[:2] == [
        ["Portefeuillehouder", "Tjitske Biersteker-Giljou", "Van team", "Team Jeugd"],
        ["Classificatie", "Openbaar", "Adviseur", "A. Bakker"],
    ]


def test_docx_meerjarige_tabellen(docx):
    from test_kinds import docx_blokken

    tabellen = [b[1] for b in docx_blokken(docx) if b[0] == "t"]
    kosten = next(t for t in tabellen if t[0][0] == "Kosten")
    dekking = next(t for t in tabellen if t[0][0] == "Dekking")
    assert kosten[0] == ["Kosten", "2020", "2021", "2022"]
    assert kosten[1] == ["Opleidingen en inrichting", "€\u00a0180.000", "€\u00a020.000", ""]
    assert kosten[-1] == ["Totaal benodigd", "€\u00a0630.000", "€\u00a0610.000", "€\u00a0450.000"]
    assert dekking[0] == ["Dekking", "2020", "2021", "2022", "Totaal"]
    assert dekking[3] == ["Aanvraag kadernota 2021-2024", "", "€\u00a0280.000", "€\u00a0140.000", "€\u00a0420.000"]
    assert dekking[-1] == ["Totaal dekking", "€\u00a0630.000", "€\u00a0610.000", "€\u00a0450.000", "€\u00a01.690.000"]


def test_docx_ondertekening_naast_elkaar(docx):
    from test_kinds import docx_blokken

    after = _vanaf(docx_blokken(docx), "Den Helder, 3\u00a0maart\u00a02020")
    assert after[1][2] == "Burgemeester en Wethouders van Den Helder,"
    assert after[2][0] == "t" and after[2][1] == [["burgemeester\nJeroen Nobel", "secretaris\nRobert Reus"]]


def test_docx_raadsbesluit_op_nieuwe_pagina_met_eigen_nummering(docx):
    from test_kinds import docx_blokken

    blocks = docx_blokken(docx)
    besluit = _vanaf(blocks, "Raadsbesluit")
    assert besluit[0][3].paragraph_format.page_break_before
    lijn = "_" * 28
    onderwerp = next(b[2] for b in blocks if b[0] == "p" and b[1] == "Title")
    assert besluit[1][1] == [["Raadsvergadering\u00a0d.d.", lijn], ["Besluit nummer", lijn], ["Onderwerp", onderwerp]]
    texts = [b[2] for b in besluit if b[0] == "p" and b[2]]
    assert texts[:4] == [
        "Raadsbesluit",
        "De raad van de gemeente Den Helder;",
        "gelezen het raadsvoorstel van het college van burgemeester en wethouders van Den Helder "
        "van 3\u00a0maart\u00a02020,",
        "besluit:",
    ]
    assert texts[4].replace("\u00a0", " ").startswith(PUNT_1[3:]) and texts[5] == PUNT_2[3:]
    assert texts[6] == f"Aldus besloten in de raadsvergadering van {lijn}"
    assert besluit[-2][1] == [[f"De griffier,\n{lijn}", f"De voorzitter,\n{lijn}"]]
    punten = [b[3] for b in blocks if b[0] == "p" and b[1] == "List Number"]
    nummers = [p._p.pPr.numPr.numId.val for p in punten]
    assert nummers[0] == nummers[1] != nummers[-2] == nummers[-1]  # the raadsbesluit starts at 1


def test_docx_besloten_raadsbesluit(tmp_path):
    from test_kinds import docx_blokken, docx_document

    bron = preview("raadsvoorstel").read_text(encoding="utf-8").replace("besluiten: []\n", "")
    doc = docx_document(write(tmp_path, "b.yaml", bron + BESLOTEN), tmp_path / "b.docx")
    besluit = _vanaf(docx_blokken(doc), "Raadsbesluit")
    assert besluit[1][1][:2] == [
        ["Raadsvergadering\u00a0d.d.", "11\u00a0mei\u00a02020"],
        ["Besluit nummer", "RB20.0042"],
    ]
    assert "Aldus besloten in de raadsvergadering van 11\u00a0mei\u00a02020" in [b[2] for b in besluit if b[0] == "p"]
    assert besluit[-2][1] == [["De griffier,\nM. Pronk", "De voorzitter,\nJ. Nobel"]]
    assert "CONCEPT" not in doc.sections[0].header.paragraphs[0].text
