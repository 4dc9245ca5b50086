"""`nota import`: reference texts of all kinds, nota's own DOCX and PDF, PDF-style text."""

import datetime as dt

import pytest
from ruamel.yaml import YAML

from conftest import DATA, PROPOSALS, REFERENCE

NOTA = PROPOSALS / "collegenota-sociale-teams-2021.yaml"


def _ref(number: str):
    return next(REFERENCE.glob(f"{number}_*.txt"))


def _importeer(cli, bron, tmp_path, *args):
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target, *args)
    return r, YAML(typ="safe").load(target.read_text(encoding="utf-8")) if target.exists() else None


def test_collegenota_referentie(cli, tmp_path):
    r, data = _importeer(cli, _ref("000"), tmp_path)
    assert data["soort"] == "collegenota"
    assert data["beslispunten"] == [
        "Een besluit tot continuering van de huidige werkwijze van de sociale teams tot uiterlijk 31 december 2021."
    ]
    assert list(data["secties"]) == [
        "aanleiding",
        "context",
        "gewenste_situatie",
        "duurzaamheid_gezondheid",
        "openbare_ruimte",
        "personeel_organisatie",
        "informatiemanagement",
        "financien",
        "aanbestedingen",
        "participatie",
        "voorstel",
        "uitvoering_evaluatie_vervolg",
    ]
    assert data["secties"]["openbare_ruimte"] == "nvt" and data["secties"]["voorstel"] is None
    assert data["secties"]["context"].startswith("### Uitvoering\n\nDe sociale teams vormen")
    kosten, dekking = data["secties"]["financien"]
    assert [r.get("post") or r.get("subtotaal") for r in kosten["regels"]] == [
        "Uitvoeringskosten – urenvergoedingen",
        "Uitvoeringskosten – exploitatiekosten",
        "Subtotaal",
        "Werkbudget",
    ]
    assert [r.get("bedrag") for r in kosten["regels"]] == [371358, 40000, None, 25000]
    assert (kosten["totaal"], kosten["toelichting"], kosten["rol"]) == (436358, "BTW", "kosten")
    assert (dekking["rol"], dekking["totaal"]) == ("dekking", 436358)
    assert r.exit_code == 1  # the reference text has no header block: nota says what to fill in
    assert "aandacht: 'kenmerk' (Kenmerk) niet gevonden: vul het in" in r.stderr
    # no content to seal yet: the decision is imported all the same, without a seal and marked;
    # `nota herzegel` seals it once the proposal is complete
    assert data["besluiten"] == [
        {
            "orgaan": "college",
            "datum": dt.date(2021, 2, 9),
            "uitkomst": "conform",
            "vastgelegd_door": f"nota import ({_ref('000').name})",
        }
    ]
    regels = (tmp_path / "import.yaml").read_text("utf-8").splitlines()
    regel = regels.index("besluiten:")
    assert regels[regel - 1] == (
        "# NOTA IMPORT, NIET VERZEGELD: besluit uit het document (college, 2021-02-09, conform) niet verzegeld: "
        "vul de ontbrekende velden aan en verzegel het met nota herzegel <dit bestand>"
    )
    assert (
        f"import.yaml:{regel}:1: fout: besluit uit het document (college, 2021-02-09, conform) niet verzegeld: vul de "
        "ontbrekende velden aan en verzegel het met nota herzegel <dit bestand> (haal deze regel weg zodra het "
        "besluit verzegeld is)"
    ) in r.stderr
    assert "aandacht: het besluit uit het document is overgenomen maar niet verzegeld" in r.stderr
    assert "besluit 1 (college, 2021-02-09, conform) is niet (volledig) verzegeld" in r.stderr  # nota check


def test_raadsvoorstel_referentie(cli, tmp_path):
    _, data = _importeer(cli, _ref("003"), tmp_path)
    assert data["soort"] == "raadsvoorstel"
    assert (data["kenmerk"], data["portefeuillehouder"], data["begrotingswijziging"]) == (
        "2020-010358",
        "Tjitske Biersteker-Giljou",
        True,
    )
    assert len(data["beslispunten"]) == 2
    assert data["beslispunten"][1] == "De hieruit voortvloeiende begrotingswijziging vast te stellen."
    assert data["bijlagen"] == ["uitvoeringsplan omgekeerd werken.docx", "uitvoeringsplan sociale wijkteams.docx"]
    kosten, dekking = [d for d in data["secties"]["financiele_consequenties"] if isinstance(d, dict)]
    assert kosten["kolommen"] == [2020, 2021, 2022] and kosten["totaal"] == [630000, 610000, 450000]
    assert kosten["regels"][0] == {"post": "kosten opleidingen en inrichting", "bedrag": [180000, 20000, None]}
    assert dekking["tabel"] == "Bekostiging" and dekking["totaal"] == [630000, 610000, 450000]


def test_beantwoording_referentie(cli, tmp_path):
    r, data = _importeer(cli, _ref("002"), tmp_path)
    assert data["soort"] == "beantwoording"
    assert len(data["vragen"]) >= 4
    assert data["vragen"][0]["antwoord"].startswith("Ja, het college is hiervan op de hoogte.")
    assert "NOTA IMPORT, NIET GEPLAATST:" in (tmp_path / "import.yaml").read_text(encoding="utf-8")
    assert "niet geplaatst" in r.stderr


def test_voortgangsrapportage_referentie(cli, tmp_path):
    r, data = _importeer(cli, _ref("004"), tmp_path)
    assert data["soort"] == "voortgangsrapportage"
    assert "aandacht: 'aspecten'" in r.stderr


@pytest.mark.slow  # renders, then imports
def test_docx_van_nota_komt_terug_als_hetzelfde_voorstel(cli, tmp_path):
    assert cli("render", NOTA, "-o", tmp_path, "--formaat", "docx").exit_code == 0
    r, _ = _importeer(cli, next(tmp_path.glob("*.docx")), tmp_path)
    assert r.exit_code == 0, r.output
    verschil = cli("diff", NOTA, tmp_path / "import.yaml", "--exit-code")
    assert verschil.exit_code == 0, verschil.stdout


@pytest.mark.slow  # renders, then imports
def test_pdf_van_nota_geeft_kop_tabellen_en_beslispunten(cli, tmp_path):
    assert cli("render", NOTA, "-o", tmp_path, "--formaat", "pdf").exit_code == 0
    r, data = _importeer(cli, next(tmp_path.glob("*.pdf")), tmp_path)
    assert r.exit_code == 0, r.output
    assert (data["onderwerp"], data["kenmerk"], data["gemeente"]) == (
        "Continuering sociale teams 2021",
        "2021.01234",
        "Maastricht",
    )
    assert len(data["beslispunten"]) == 2
    kosten = data["secties"]["financien"][1]
    assert kosten["totaal"] == 436358 and kosten["regels"][0]["bedrag"] == 371358


def test_definitieve_pdf_met_bron_komt_exact_terug(cli, tmp_path):
    path = tmp_path / "nota.yaml"
    path.write_bytes(NOTA.read_bytes())
    assert cli("decide", path, "--orgaan", "college", "--datum", "2021-02-09", "--uitkomst", "conform").exit_code == 0
    assert cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf", "--bron").exit_code == 0
    target = tmp_path / "terug.yaml"
    r = cli("import", next((tmp_path / "uit").glob("*.pdf")), "-o", target)
    assert r.exit_code == 0, r.output
    assert "exact uit de ingesloten bron" in r.stderr
    assert target.read_bytes() == path.read_bytes()


def test_pdf_tekst_met_gebroken_regels_en_gesplitste_rij(search_path):
    from generator.importer.read import lines_from_pdf_text
    from generator.importer.structure import Recognizer
    from generator.proposal.kinds import find_soort

    regels = lines_from_pdf_text((DATA / "import" / "pdf-tekst.txt").read_text(encoding="utf-8"))
    structure = Recognizer(find_soort("collegenota", search_path)).process(regels)
    assert structure.velden["kenmerk"] == "2021.01234"
    assert structure.markdown["samenvatting"] == [
        "Sociale teams helpen buurtbewoners met vragen en problemen in het dagelijks leven."
    ]
    assert structure.beslispunten == [
        "Een besluit tot continuering van de huidige werkwijze van de sociale teams tot uiterlijk 31 december 2021."
    ]
    assert structure.markdown["secties.aanleiding"] == [
        "In 2020 was een overgangsjaar. Door bezuinigingen loopt de doorontwikkeling vertraging op."
    ]
    tabel = structure.markdown["secties.financien"][0]
    assert tabel["tabel"] == "Begroting 2021"
    assert tabel["regels"][0] == {
        "post": "Uitvoeringskosten – urenvergoedingen",
        "bedrag": 371358,
        "toelichting": "Exclusief",
    }
    assert tabel["regels"][2] == {"subtotaal": "Subtotaal"} and tabel["totaal"] == 436358


def test_onbekend_bestandstype(cli, tmp_path):
    bron = tmp_path / "oud.odt"
    bron.write_bytes(b"x")
    r = cli("import", bron)
    assert r.exit_code == 1 and "nota importeert .docx, .pdf en .txt; dit bestandstype niet" in r.stderr


@pytest.mark.slow  # renders, then imports
@pytest.mark.parametrize("formaat", ["docx", "pdf"])
def test_eigen_raadsvoorstel_houdt_kop_ondertekening_en_opmaak(cli, tmp_path, formaat):
    bron = PROPOSALS / "raadsvoorstel-wijkpunten-sociale-wijkteams.yaml"
    assert cli("render", bron, "-o", tmp_path, "--formaat", formaat).exit_code == 0
    r, data = _importeer(cli, next(tmp_path.glob(f"*.{formaat}")), tmp_path)
    assert r.exit_code == 0, r.output
    assert (data["datum"], data["team"], data["adviseur"]) == (
        __import__("datetime").date(2020, 3, 3),
        "Team Jeugd",
        {"naam": "A. Bakker", "email": "a.bakker@example.nl"},
    )
    assert data["ondertekening"] == {
        "plaats": "Den Helder",
        "burgemeester": "Jeroen Nobel",
        "secretaris": "Robert Reus",
    }
    assert "raad" not in data["secties"]["communicatie"].lower()
    if formaat == "docx":
        assert "*Helders Sociaal Beleid*" in data["publiekssamenvatting"]
    verschil = cli("diff", bron, tmp_path / "import.yaml", "--exit-code")
    assert verschil.exit_code == 0, verschil.stdout


def test_unicode_tekst_uit_word_is_geen_binair_bestand(cli, tmp_path):
    bron = tmp_path / "oud.txt"
    bron.write_bytes("Samenvatting\r\n\r\nTekst met één é.\r\n".encode("utf-16"))
    r, data = _importeer(cli, bron, tmp_path)
    assert data["samenvatting"] == "Tekst met één é."
    assert "binair" not in r.stderr


def test_ongezegeld_besluit_na_aanvullen_herzegeld(cli, tmp_path):
    """The decision imported without a seal: once the proposal is complete and the markers are
    gone, `nota herzegel` seals it and `nota verify` finds the content unchanged."""
    _importeer(cli, _ref("000"), tmp_path)
    target = tmp_path / "import.yaml"
    regels = [r for r in target.read_text(encoding="utf-8").splitlines() if "# NOTA IMPORT" not in r]
    kop = "gemeente: Maastricht\nonderwerp: Sociale teams\nkenmerk: 2021.00412\ndatum: 2021-01-26\n"
    tekst = "\n".join(regels).replace("soort: collegenota\n", f"soort: collegenota\n{kop}portefeuillehouder: W\n")
    target.write_text(tekst + "\n", encoding="utf-8")
    r = cli("herzegel", target)
    assert r.exit_code == 0, r.stderr
    assert "besluit 1 opnieuw verzegeld" in r.stdout + r.stderr
    r = cli("verify", target)
    assert r.exit_code == 0 and "besluit college 9 februari 2021 (conform): inhoud ongewijzigd" in r.stdout + r.stderr
