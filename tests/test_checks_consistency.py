"""Checks beyond the schema: exact messages and lines."""

import pytest

from conftest import write

BASIS = """soort: collegenota
gemeente: Maastricht
onderwerp: Proef
kenmerk: "2021.1"
datum: 2021-01-26
portefeuillehouder: Wethouder
samenvatting: Korte tekst.
beslispunten:
  - In te stemmen met € 436.358 voor de teams.
secties:
  aanleiding: Daarom.
  financien:
    - tabel: Begroting 2021
      rol: kosten
      regels:
        - {post: Uren, bedrag: 371358}
        - {post: Exploitatie, bedrag: 40000}
        - {subtotaal: Subtotaal}
        - {post: Werkbudget, bedrag: 25000}
      totaal: 436358
    - tabel: Dekking 2021
      rol: dekking
      regels:
        - {post: Budget, bedrag: 436358}
"""


def meldingen(tmp_path, tekst, search_path, strict=False):
    from generator.checks import check_file

    path = write(tmp_path, "v.yaml", tekst)
    _, out = check_file(path, search_path, strict)
    return [str(m).removeprefix(f"{path}:") for m in out]


def test_basis_is_in_orde(tmp_path, search_path):
    assert meldingen(tmp_path, BASIS, search_path) == []


def test_opgegeven_totaal_wijkt_af(tmp_path, search_path):
    tekst = BASIS.replace("totaal: 436358", "totaal: 436000")
    assert (
        "20:15: fout: het totaal van tabel 'Begroting 2021' is € 436.000, maar de regels tellen "
        "op tot € 436.358 (verschil € -358)" in meldingen(tmp_path, tekst, search_path)
    )


def test_kosten_en_dekking_sluiten_niet(tmp_path, search_path):
    tekst = BASIS.replace("{post: Budget, bedrag: 436358}", "{post: Budget, bedrag: 430000}")
    assert meldingen(tmp_path, tekst, search_path) == [
        "21:14: fout: kosten en dekking sluiten niet: 'Begroting 2021' telt op tot € 436.358, "
        "'Dekking 2021' tot € 430.000 (verschil € 6.358)"
    ]


def test_bedrag_in_beslispunt_niet_in_tabel(tmp_path, search_path):
    tekst = BASIS.replace("€ 436.358 voor", "€ 474.788 voor")
    assert meldingen(tmp_path, tekst, search_path) == [
        "9:5: waarschuwing: beslispunt 1 noemt € 474.788, maar dat bedrag staat in geen enkele tabel "
        "(regel, subtotaal of totaal); controleer het bedrag of de tabellen"
    ]


def test_subtotaal_telt_als_vindplaats(tmp_path, search_path):
    tekst = BASIS.replace("€ 436.358 voor", "€ 411.358 voor")
    assert meldingen(tmp_path, tekst, search_path) == []


def test_voorstel_wijkt_af_van_beslispunten(tmp_path, search_path):
    tekst = BASIS + "  voorstel: In te stemmen met iets anders.\n"
    assert meldingen(tmp_path, tekst, search_path) == [
        "25:13: waarschuwing: sectie 'voorstel' noemt beslispunt 1 niet letterlijk "
        '("In te stemmen met € 436.358 voor de teams."); laat de sectie leeg om de '
        "beslispunten te herhalen"
    ]


def test_lege_sectie_stelt_nvt_voor(tmp_path, search_path):
    tekst = BASIS + '  context: ""\n'
    assert meldingen(tmp_path, tekst, search_path) == [
        "25:3: fout: sectie 'context' is leeg; schrijf de tekst, of 'nvt' als de sectie niet van toepassing is"
    ]


def test_float_bedrag(tmp_path, search_path):
    tekst = BASIS.replace("bedrag: 371358", "bedrag: 371.358")
    assert meldingen(tmp_path, tekst, search_path) == [
        "16:32: fout: 371.358 is een dubbelzinnig bedrag: YAML leest het als het kommagetal 371,358; "
        'schrijf 371358 of "€ 371.358" (met aanhalingstekens)'
    ]


def test_lange_zin_en_dubbele_zin(tmp_path, search_path):
    sentence = " ".join(["woord"] * 26) + "."
    tekst = BASIS.replace(
        "  aanleiding: Daarom.",
        f"  aanleiding: |\n    {sentence}\n    Dit is een zin van zes woorden.\n    Dit is een zin van zes woorden.",
    )
    assert meldingen(tmp_path, tekst, search_path) == [
        '12:5: waarschuwing: zin van 26 woorden (meer dan 25): "woord woord woord woord woord woord '
        'woord woord woord woord…"; splits hem voor de leesbaarheid',
        '14:5: waarschuwing: deze zin staat er twee keer (ook op regel 13): "Dit is een zin van zes woorden."',
    ]


def test_strikt_maakt_waarschuwing_fout(tmp_path, search_path):
    tekst = BASIS.replace("€ 436.358 voor", "€ 474.788 voor")
    assert meldingen(tmp_path, tekst, search_path, strict=True)[0].startswith("9:5: fout: beslispunt 1 noemt")


def test_leesbaarheid_van_de_samenvatting(tmp_path, search_path):
    moeilijk = (
        "De gemeentelijke beleidsvoornemens betreffende maatschappelijke ondersteuningsvoorzieningen "
        "vereisen interdisciplinaire afstemming. "
    ) * 2
    tekst = BASIS.replace("samenvatting: Korte tekst.", f"samenvatting: {moeilijk.strip()}")
    out = meldingen(tmp_path, tekst, search_path)
    assert any(m.startswith("7:15: waarschuwing: de samenvatting is moeilijk leesbaar: Flesch-Douma ") for m in out), (
        out
    )


@pytest.mark.parametrize(
    "tekst, score_max",
    [
        ("Ik ga naar huis. Het is koud.", 200),
    ],
)
def test_flesch_douma_makkelijke_tekst_scoort_hoog(tekst, score_max):
    from generator.checks.writing import flesch_douma

    assert 90 < flesch_douma(tekst) < score_max
