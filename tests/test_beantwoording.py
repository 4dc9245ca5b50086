"""The beantwoording: letterhead, numbered questions and answers, signatories,
and the check on the usual 30-day term for answering."""

import re

import pytest

from conftest import write
from test_kinds import in_volgorde, pdf_tekst, plat, tabelregels, preview

pytestmark = pytest.mark.slow  # renders the kind's PDF and DOCX


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return tmp_path_factory.mktemp("bw") / "bw.pdf"


@pytest.fixture(scope="module")
def tekst(pdf):
    return pdf_tekst(preview("beantwoording"), pdf)


def _met(tmp_path, oud: str, nieuw: str, naam="brief.yaml"):
    bron = preview("beantwoording").read_text(encoding="utf-8")
    assert oud in bron
    return write(tmp_path, naam, bron.replace(oud, nieuw))


def test_briefhoofd(pdf, tekst):
    in_volgorde(
        plat(tekst),
        [
            "Gemeente Maastricht",
            "Retouradres Postbus 1992, 6201 BZ Maastricht",
            "Aan de fractie van de SP",
            "mevrouw drs. A.C. Schut",
            "de heer Vrehen",
        ],
    )
    in_volgorde(
        plat(tekst),
        [
            "ONDERWERP",
            "Schriftelijke vragen inzake het schrappen",  # wraps: the address interleaves
            "BEHANDELD DOOR",
            "M. Peters",
            "DATUM",
            "23 december 2021",
            "VERZONDEN",
            "23 december 2021",
            "TELEFOONNUMMER",
            "043 350 0000",
            "E-MAILADRES",
            "m.peters@example.nl",
            "ONZE REFERENTIE",
            "2021.25825",
            "UW REFERENTIE",
            "–",
            "BIJLAGEN",
            "–",
            "Geachte mevrouw Schut en heer Vrehen,",
        ],
    )
    # the address window and the reference column sit side by side
    assert any(r.startswith("Aan de fractie van de SP | ") for r in tabelregels(pdf))


def test_vragen_en_antwoorden_genummerd_in_volgorde(tekst):
    parts = []
    for n in range(1, 18):
        parts += [f"\nVraag {n}\n", f"\nAntwoord {n}\n"]
    in_volgorde(tekst, parts)
    assert "Vraag 18" not in tekst
    in_volgorde(
        plat(tekst),
        [
            "Vraag 3",
            "Hoeveel wordt met deze verandering bezuinigd?",
            "Antwoord 3",
            "€ 544.583",
            "in 2021: € 188.000;",
            "in 2022: € 300.000;",
            "vanaf 2023: € 375.000 per jaar.",
        ],
    )


def test_afsluiting_en_ondertekenaars(pdf, tekst):
    in_volgorde(
        plat(tekst),
        ["Antwoord 17", "Hoogachtend,", "Namens het college van burgemeester en wethouders van Maastricht,"],
    )
    regels = "\n".join(tabelregels(pdf))
    in_volgorde(
        regels,
        [
            "Hoogachtend,",
            "Frans Bastiaens | Anita Bastiaans",
            "Wethouder Personeel & Organisatie, Sociale | Wethouder Zorg, Welzijn, Gezondheid en",
        ],
    )


def test_lopende_kop_noemt_datum(tekst):
    vervolg = tekst.split("\f")[1]
    assert plat(vervolg).startswith("Gemeente Maastricht · Beantwoording schriftelijke vragen · 23 december 2021")


def test_namens_heeft_een_standaard(tmp_path, search_path):
    from generator.render import context
    from generator.render.html import render_html
    from generator.proposal.validate import load_voorstel

    path = _met(tmp_path, "namens: Namens het college van burgemeester en wethouders van Maastricht,\n", "")
    voorstel = load_voorstel(path, search_path)
    html = render_html(voorstel, context.build(voorstel))
    assert "<p>Hoogachtend,</p>" in html
    assert "<p>Namens het college van burgemeester en wethouders van Maastricht,</p>" in html


def test_binnen_de_termijn_geen_melding(cli):
    r = cli("check", preview("beantwoording"))
    assert r.exit_code == 0, r.output
    assert "waarschuwing" not in r.stderr


def test_na_de_termijn_een_waarschuwing_met_plaats(tmp_path, cli):
    path = _met(tmp_path, "ontvangen: 2021-11-25", "ontvangen: 2021-11-02")
    r = cli("check", path)
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines()[0] == (
        f"{path}:9:8: waarschuwing: 'datum' (23 december 2021) ligt 51 dagen na 'ontvangen' "
        "(2 november 2021); de gebruikelijke termijn is 30 dagen; licht de late beantwoording "
        "toe in de inleiding"
    )
    assert cli("check", "--strikt", path).exit_code == 1


def test_precies_dertig_dagen_is_op_tijd(tmp_path, cli):
    path = _met(tmp_path, "ontvangen: 2021-11-25", "ontvangen: 2021-11-23")
    r = cli("check", path)
    assert r.exit_code == 0 and "waarschuwing" not in r.stderr, r.output
    path = _met(tmp_path, "ontvangen: 2021-11-25", "ontvangen: 2021-11-22", "b.yaml")
    assert "ligt 31 dagen na 'ontvangen'" in cli("check", path).stderr


def test_antwoord_voor_ontvangst_is_een_fout(tmp_path, cli):
    path = _met(tmp_path, "ontvangen: 2021-11-25", "ontvangen: 2022-01-02")
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:9:8: fout: 'datum' (23 december 2021) ligt vóór 'ontvangen' (2 januari 2022); controleer beide datums"
    ) in r.stderr.splitlines()


def test_zonder_ontvangstdatum_geen_termijncontrole(tmp_path, cli):
    path = _met(tmp_path, "ontvangen: 2021-11-25\n", "")
    r = cli("check", path)
    assert r.exit_code == 0 and "waarschuwing" not in r.stderr, r.output


def test_termijn_is_data_van_de_soort(tmp_path, cli):
    """An own kind sets its own term and fields; a wrong `termijn` is reported on its kind.yaml."""
    import shutil
    from conftest import ROOT

    own = tmp_path / "eigen"
    shutil.copytree(ROOT / "templates" / "beantwoording", own / "brief")
    kind = own / "brief" / "kind.yaml"
    tekst = kind.read_text(encoding="utf-8")
    kind.write_text(re.sub(r"dagen: 30", "dagen: 14", tekst), encoding="utf-8")
    path = _met(tmp_path, "soort: beantwoording", "soort: brief")
    r = cli("check", path, "--templates", own)
    assert "ligt 28 dagen na 'ontvangen' (25 november 2021); de gebruikelijke termijn is 14 dagen" in r.stderr, r.output
    kind.write_text(tekst.replace("tot: datum", "tot: verzonde"), encoding="utf-8")
    from generator.proposal.kinds import _load

    _load.cache_clear()
    r = cli("check", path, "--templates", own)
    assert r.exit_code == 1
    assert f"{kind}: fout: termijn.tot: 'verzonde' is geen datumveld van soort 'brief'" in r.stderr


def test_zonder_ondertekenaars_een_fout(tmp_path, cli):
    bron = preview("beantwoording").read_text(encoding="utf-8")
    bron = bron[: bron.index("ondertekenaars:")] + "ondertekenaars: []\nbesluiten: []\n"
    path = write(tmp_path, "leeg.yaml", bron)
    r = cli("check", path)
    assert r.exit_code == 1
    regel = bron.splitlines().index("ondertekenaars: []") + 1
    assert (
        f"{path}:{regel}:17: fout: 'ondertekenaars' mag niet leeg zijn; geef er minstens één" in r.stderr.splitlines()
    )


# --- the Word document -----------------------------------------------------


@pytest.fixture(scope="module")
def docx(tmp_path_factory):
    from test_kinds import docx_document

    return docx_document(preview("beantwoording"), tmp_path_factory.mktemp("bwd") / "bw.docx")


def test_docx_briefhoofd_adres_naast_gegevens(docx):
    from test_kinds import docx_blokken

    blocks = docx_blokken(docx)
    assert blocks[0][2] == "Gemeente Maastricht"
    briefkop = blocks[1][2]
    address, gegevens = briefkop.rows[0].cells
    assert [p.text for p in address.paragraphs] == [
        "Retouradres Postbus 1992, 6201 BZ Maastricht",
        "Aan de fractie van de SP\nmevrouw drs. A.C. Schut\nde heer Vrehen",
    ]
    regels = [p.text for p in gegevens.paragraphs]
    assert regels[:4] == [
        "Bezoekadres",
        "Mosae Forum 10\n6211 DW Maastricht",
        "Postadres",
        "Postbus 1992\n6201 BZ Maastricht",
    ]
    assert regels[4:10] == [
        "Onderwerp",
        "Schriftelijke vragen inzake het schrappen van cliëntadviseurs in de wijken",
        "Behandeld door",
        "M. Peters",
        "Datum",
        "23\u00a0december\u00a02021",
    ]
    assert regels[-4:] == ["Uw referentie", "–", "Bijlagen", "–"]
    assert gegevens.paragraphs[0].runs[0].font.all_caps  # labels in small capitals


def test_docx_vragen_en_antwoorden_als_koppen(docx):
    from test_kinds import docx_blokken

    blocks = [b for b in docx_blokken(docx) if b[0] == "p"]
    koppen = [(b[1], b[2]) for b in blocks if b[1].startswith("Heading")]
    expected = []
    for n in range(1, 18):
        expected += [("Heading 1", f"Vraag {n}"), ("Heading 2", f"Antwoord {n}")]
    assert koppen == expected
    texts = [b[2] for b in blocks]
    i = texts.index("Antwoord 3")
    assert texts[i + 2 : i + 5] == [
        "in 2021: €\u00a0188.000;",
        "in 2022: €\u00a0300.000;",
        "vanaf 2023: €\u00a0375.000 per jaar.",
    ]


def test_docx_ondertekenaars_naast_elkaar(docx):
    from test_kinds import docx_blokken

    blocks = docx_blokken(docx)
    texts = [b[2] if b[0] == "p" else b[1] for b in blocks]
    i = texts.index("Hoogachtend,")
    assert texts[i + 1] == "Namens het college van burgemeester en wethouders van Maastricht,"
    assert texts[i + 2] == [
        [
            "Frans Bastiaens\nWethouder Personeel & Organisatie, Sociale Zaken & Werkgelegenheid, "
            "Ouderenbeleid en Cultuur",
            "Anita Bastiaans\nWethouder Zorg, Welzijn, Gezondheid en Diversiteit",
        ]
    ]
