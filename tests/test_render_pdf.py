"""The collegenota's PDF: every part in order, Dutch notation, metadata."""

import re

import pikepdf
import pytest

from conftest import pdftotext

SECTIES = [
    "1. Aanleiding",
    "2. Context",
    "3. Gewenste situatie",
    "4. Effect op duurzaamheid en/of gezondheid",
    "5. Effect op de openbare ruimte",
    "6. Personeel en organisatie",
    "7. Informatiemanagement en automatisering (incl. Smart City)",
    "8. Financiën",
    "9. Aanbestedingen",
    "10. Participatie tot heden",
    "11. Voorstel",
    "12. Uitvoering, evaluatie en vervolg",
]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    from generator.render import context
    from generator.proposal.kinds import search_path
    from generator.render.html import render_html
    from generator.render.pdf import render_pdf
    from generator.proposal.validate import load_voorstel
    from conftest import PROPOSALS

    voorstel = load_voorstel(PROPOSALS / "collegenota-sociale-teams-2021.yaml", search_path())
    target = tmp_path_factory.mktemp("pdf") / "nota.pdf"
    render_pdf(voorstel, render_html(voorstel, context.build(voorstel)), target)
    return target


@pytest.fixture(scope="module")
def tekst(pdf):
    return re.sub(r"[ \t]+", " ", pdftotext(pdf))


def _in_volgorde(tekst, parts):
    positie = 0
    for part in parts:
        found = tekst.find(part, positie)
        assert found >= 0, f"{part!r} niet (na positie {positie}) gevonden"
        positie = found + len(part)


@pytest.mark.slow  # renders the PDF
def test_alle_onderdelen_in_volgorde(tekst):
    _in_volgorde(
        tekst,
        [
            "Gemeente Maastricht",
            "Continuering sociale teams 2021",
            "Kenmerk",
            "2021.01234",
            "Datum",
            "26 januari 2021",
            "Portefeuillehouder",
            "Wethouder Zorg en Welzijn",
            "Afdeling",
            "Sociaal Domein",
            "Steller",
            "A. Jansen",
            "Classificatie",
            "Openbaar",
            "Samenvatting",
            "Beslispunten",
            "Aan het college wordt gevraagd:",
            "1. Een besluit tot continuering",
            *SECTIES,
        ],
    )


def test_nvt_en_voorstel_uit_beslispunten(tekst):
    _in_volgorde(
        tekst,
        [
            "5. Effect op de openbare ruimte",
            "Niet van toepassing",
            "6. Personeel en organisatie",
            "Niet van toepassing",
        ],
    )
    _in_volgorde(
        tekst,
        [
            "11. Voorstel",
            "Aan het college wordt gevraagd:",
            "1. Een besluit tot continuering",
            "2. In te stemmen",
            "12. Uitvoering",
        ],
    )


def test_markdown_subkoppen_en_lijsten(tekst):
    _in_volgorde(
        tekst,
        ["2. Context", "Uitvoering", "inwoners die een maatwerkvoorziening", "Werkbudget", "3. Gewenste situatie"],
    )


def test_tabellen_met_bedragen_subtotaal_en_totaal(tekst):
    _in_volgorde(
        tekst,
        [
            "Begroting 2021",
            "Kosten",
            "Bedrag",
            "BTW",
            "Uitvoeringskosten – urenvergoedingen",
            "€ 371.358",
            "Subtotaal",
            "€ 411.358",
            "Werkbudget",
            "€ 25.000",
            "Totaal",
            "€ 436.358",
            "Dekking 2021",
            "Budget",
            "Sociale teams inzet personele lasten",
            "Totaal",
            "€ 436.358",
        ],
    )


def test_voettekst_paginanummers_en_conceptmerk(tekst):
    pagina_s = re.findall(r"pagina (\d+) van (\d+)", tekst)
    assert len(pagina_s) >= 3
    totaal = {t for _, t in pagina_s}
    assert len(totaal) == 1 and [int(p) for p, _ in pagina_s] == list(range(1, len(pagina_s) + 1))
    assert "CONCEPT" in tekst


def test_metadata(pdf):
    with pikepdf.open(pdf) as doc:
        info = doc.docinfo
        assert str(info["/Title"]) == "Collegenota: Continuering sociale teams 2021"
        assert str(info["/Author"]) == "A. Jansen"
        assert str(doc.Root.Lang) == "nl-NL"
        assert len(doc.pages) >= 3
        assert doc.Root.MarkInfo.Marked
