"""The voortgangsrapportage: header, the text sections, and per aspect a status
that reads as a word and shows as a coloured marker of its own shape."""

import pytest

from conftest import write
from test_kinds import in_volgorde, pdf_tekst, plat, tabelregels, preview

pytestmark = pytest.mark.slow  # renders the kind's PDF and DOCX


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return tmp_path_factory.mktemp("vg") / "vg.pdf"


@pytest.fixture(scope="module")
def tekst(pdf):
    return pdf_tekst(preview("voortgangsrapportage"), pdf)


def _variant(tmp_path, vervangingen: dict[str, str]):
    bron = preview("voortgangsrapportage").read_text(encoding="utf-8")
    for oud, nieuw in vervangingen.items():
        assert oud in bron
        bron = bron.replace(oud, nieuw)
    return write(tmp_path, "vg.yaml", bron)


KLEUREN = {
    "  - aspect: Planning\n    status: op koers": "  - aspect: Planning\n    status: aandacht",
    "  - aspect: Risico's en kansen\n    status: op koers": "  - aspect: Risico's en kansen\n    status: risico",
    "afwijking_begroting: 0\n\n  - aspect: Risico": 'afwijking_begroting: "€ -12.500"\n\n  - aspect: Risico',
}


def test_kop_en_secties_in_volgorde(tekst):
    in_volgorde(
        plat(tekst),
        [
            "VOORTGANGSRAPPORTAGE",
            "Toegangen – doorontwikkeling sociale teams",
            "Portefeuillehouder College van B&W",
            "Rapportagedatum 31 december 2021",
            "Projectfase Realisatiefase",
            "Voortgang in één oogopslag",
            "Basisinformatie project",
            "ontvlechting is sinds 1 januari 2021 een feit",
            "Besluitvorming",
            "Raadsmededeling 2018-000076 Vorm entiteit sociale teams",
            "Raadsmededeling 2020-000868 Ontvlechting sociale teams",
            "Stand van zaken",
            "Toegang Wmo",
            "Preventie (Team Voor Elkaar)",
            "Voortgang per aspect",
            "Overige informatie",
            "Niet van toepassing.",
        ],
    )


def test_overzicht_per_aspect_met_status_en_afwijking(pdf, tekst):
    in_volgorde(
        "\n".join(tabelregels(pdf)),
        [
            "Aspect | Status | Afwijking begroting",
            "Scope | Op koers | –",
            "Financiën | Op koers | Nee",
            "Risico's en kansen | Op koers | –",
            "Planning | Op koers | Nee",
            "Communicatie | Op koers | –",
        ],
    )


def test_aspecten_met_toelichting(tekst):
    in_volgorde(
        plat(tekst.split("Voortgang per aspect")[1]),
        [
            "Scope Op koers",
            "De realisatiefase verloopt volgens planning.",
            "Financiën Op koers",
            "voorziening van € 50.000",
            "Afwijking begroting: Nee",
            "Risico's en kansen Op koers",
            "geen nieuwe risico's",
            "Planning Op koers",
            "de planning is gehaald",
            "Afwijking begroting: Nee",
            "Communicatie Op koers",
            "externe communicatie",
        ],
    )


def test_drie_statussen_als_woord_kleur_en_vorm(tmp_path, search_path):
    from generator.render import context
    from generator.render.html import render_html
    from generator.proposal.validate import load_voorstel

    path = _variant(tmp_path, KLEUREN)
    tekst = plat(pdf_tekst(path, tmp_path / "vg.pdf"))
    in_volgorde(
        "\n".join(tabelregels(tmp_path / "vg.pdf")),
        ["Financiën | Op koers | € -12.500", "Risico's en kansen | Risico | –", "Planning | Aandacht | Nee"],
    )
    in_volgorde(
        tekst,
        [
            "Voortgang per aspect",
            "Financiën Op koers",
            "Afwijking begroting: € -12.500",
            "Risico's en kansen Risico",
            "Planning Aandacht",
        ],
    )
    voorstel = load_voorstel(path, search_path)
    html = render_html(voorstel, context.build(voorstel))
    for klasse, word, kleur, teken in [
        ("op-koers", "Op koers", "#1d6b2c", "●"),
        ("aandacht", "Aandacht", "#855400", "◆"),
        ("risico", "Risico", "#a3191b", "■"),
    ]:
        assert (
            f'<span class="status {klasse}"><span class="teken" aria-hidden="true" '
            f'data-kleur="{kleur}" data-teken="{teken}"></span>{word}</span>'
        ) in html
    # each status has its own colour, and a shape that differs from the others
    assert ".status.op-koers { color: #1d6b2c;" in html and ".status.risico { color: #a3191b;" in html
    assert ".status.aandacht { color: #855400;" in html
    assert ".status.op-koers .teken { border-radius: 50%; }" in html
    assert ".status.aandacht .teken { transform: rotate(45deg)" in html


def test_onbekende_status_zegt_wat_wel_mag(tmp_path, cli):
    path = _variant(tmp_path, {"  - aspect: Scope\n    status: op koers": "  - aspect: Scope\n    status: oke"})
    r = cli("check", path)
    assert r.exit_code == 1
    assert (f"{path}:54:13: fout: 'oke' is hier geen geldige waarde; kies uit: op koers, aandacht, risico") in r.stderr


def test_afwijking_is_een_bedrag(tmp_path, cli):
    path = _variant(
        tmp_path, {"afwijking_begroting: 0\n\n  - aspect: Risico": "afwijking_begroting: 12.500\n\n  - aspect: Risico"}
    )
    r = cli("check", path)
    assert r.exit_code == 1
    assert f"{path}:69:26: fout: 12.500 is een dubbelzinnig bedrag" in r.stderr


# --- the Word document -----------------------------------------------------


def test_docx_statussen_met_kleur_vorm_en_woord(tmp_path):
    from docx.shared import RGBColor
    from test_kinds import docx_blokken, docx_document

    doc = docx_document(_variant(tmp_path, KLEUREN), tmp_path / "vg.docx")
    blocks = docx_blokken(doc)
    overzicht = next(b for b in blocks if b[0] == "t" and b[1][0][0] == "Aspect")
    assert overzicht[1] == [
        ["Aspect", "Status", "Afwijking begroting"],
        ["Scope", "● Op koers", "–"],
        ["Financiën", "● Op koers", "€\u00a0-12.500"],
        ["Risico's en kansen", "■ Risico", "–"],
        ["Planning", "◆ Aandacht", "Nee"],
        ["Communicatie", "● Op koers", "–"],
    ]
    kleuren = [row.cells[1].paragraphs[0].runs[0].font.color.rgb for row in overzicht[2].rows[1:]]
    assert kleuren[:4] == [
        RGBColor(0x1D, 0x6B, 0x2C),
        RGBColor(0x1D, 0x6B, 0x2C),
        RGBColor(0xA3, 0x19, 0x1B),
        RGBColor(0x85, 0x54, 0x00),
    ]
    koppen = [(b[1], b[2]) for b in blocks if b[0] == "p" and b[1].startswith("Heading")]
    assert koppen == [
        ("Heading 1", "Voortgang in één oogopslag"),
        ("Heading 1", "Basisinformatie project"),
        ("Heading 1", "Besluitvorming"),
        ("Heading 1", "Stand van zaken"),
        ("Heading 1", "Voortgang per aspect"),
        ("Heading 2", "Scope"),
        ("Heading 2", "Financiën"),
        ("Heading 2", "Risico's en kansen"),
        ("Heading 2", "Planning"),
        ("Heading 2", "Communicatie"),
        ("Heading 1", "Overige informatie"),
    ]
    # headings free of decoration (issue 25): the status is the paragraph right below
    teksten = [b[2] if b[0] == "p" else None for b in blocks]
    assert teksten[teksten.index("Scope") + 1] == "● Op koers"
    assert teksten[teksten.index("Planning") + 1] == "◆ Aandacht"
    texts = [b[2] for b in blocks if b[0] == "p"]
    assert "Afwijking begroting: €\u00a0-12.500" in texts
    assert doc.sections[0].header.paragraphs[0].text == "Gemeente Maastricht · Voortgangsrapportage\tCONCEPT"
