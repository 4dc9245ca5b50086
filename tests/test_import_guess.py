"""`nota import` on labels, headings and decisions nota has no word for (issue 26, second round):
placed by the shape of the value, by words shared with a section, by position, and always
marked `# NOTA IMPORT, GERADEN` with the reason. The corpora are tests/data/import/apart and
vierde (held out; see their README.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from make_import_corpus import OUT
from ruamel.yaml import YAML

DATA = OUT.parent


@pytest.fixture
def guesser(search_path):
    from generator.importer.guess import Guesser
    from generator.importer.header import Labels
    from generator.proposal.kinds import find_soort

    soort = find_soort("collegenota", search_path)
    return Guesser(soort, Labels(soort))


@pytest.mark.parametrize(
    "label,waarde,filled,veld,part",
    [
        ("Documentnummer", "Z/24/118342", {}, "kenmerk", None),
        ("Status", "Openbaar", {}, "classificatie", None),
        ("Opgesteld op", "12 november 2024", {}, "datum", None),
        ("Bestuurder", "J. de Vries", {}, "portefeuillehouder", None),
        ("Auteur", "P. Bakker", {"portefeuillehouder": "J. de Vries"}, "steller", None),
        ("Mail", "p.bakker@zuidwoude.nl", {"steller": {"naam": "P. Bakker"}}, None, "email"),
        ("Betreft", "Vervanging openbare verlichting Centrum 2025", {}, "onderwerp", None),
        ("Verantwoordelijk bestuurder", "J. de Vries", {}, "portefeuillehouder", None),
    ],
)
def test_onbekend_label_geraden_naar_de_waarde(guesser, label, waarde, filled, veld, part):
    found = guesser.guess(label, waarde, filled, "steller" if "steller" in filled else None)
    assert found is not None
    assert ((found[0] or {}).get("sleutel"), found[1]) == (veld, part)
    assert found[2]  # the reason, for the marker


@pytest.mark.parametrize(
    "label,waarde,filled",
    [
        ("Documentnummer", "Z/24/118342", {"kenmerk": "X"}),  # a field already filled is never overwritten
        ("Het gebouw is oud en te klein.", "Z/24/1", {}),  # a sentence is no label
        ("Opmerking", "zie bijlage 3 en 4 voor de cijfers van 2023", {"onderwerp": "X"}),
    ],
)
def test_geen_gok_zonder_grond(guesser, label, waarde, filled):
    assert guesser.guess(label, waarde, filled, None) is None


@pytest.mark.parametrize(
    "soort,titel,sleutel",
    [
        ("collegenota", "Gezondheid en duurzaamheid", "duurzaamheid_gezondheid"),
        ("collegenota", "Uitvoering en evaluatie", "uitvoering_evaluatie_vervolg"),
        ("collegenota", "Effecten op klimaat en gezondheid", "duurzaamheid_gezondheid"),
        ("collegenota", "Wat is de aanleiding", "aanleiding"),
        ("collegenota", "Waarom dit voorstel", None),  # never the section that repeats the beslispunten
        # no word of a title or synonym, but one of the section's `begrippen` (question words are no content)
        ("collegenota", "Wat kost het", "financien"),
        ("collegenota", "Betrokkenheid inwoners", "participatie"),
        ("collegenota", "Wie zijn betrokken", "participatie"),
        ("collegenota", "Budget en planning", "financien"),  # two sections, one word each: the first part's
        ("collegenota", "Budget of planning", None),  # two sections share one word each, no "A en B": no guess
        ("collegenota", "Wat zeggen de buren", None),
        ("raadsvoorstel", "Doel", "doelen_en_resultaten"),
        ("raadsvoorstel", "Wat zijn de risico’s", "risicos"),
        ("raadsvoorstel", "Kosten en dekking", "financiele_consequenties"),
        ("raadsvoorstel", "Hoe verder", "uitvoering_en_planning"),
    ],
)
def test_sectie_naar_gedeelde_woorden(search_path, soort, titel, sleutel):
    from generator.importer.vocabulary import Vocabulary
    from generator.proposal.kinds import find_soort

    found = Vocabulary(find_soort(soort, search_path)).sectie_by_words(titel)
    assert (found[0]["sleutel"] if found else None) == sleutel


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("effecten", "effect", True),
        ("kader", "beleidskader", True),
        ("resultaat", "resultaten", True),
        ("doel", "doelen", True),
        ("beleidsmatig", "beleidskader", False),
        ("kost", "kosten", True),
        ("inwoners", "inkoop", False),
    ],
)
def test_zelfde_woord_in_andere_vorm(a, b, same):
    from generator.importer.vocabulary import same_word

    assert same_word(a, b) is same


@pytest.mark.parametrize(
    "regel,intro",
    [
        ("Gevraagd besluit:", True),
        ("Gevraagd besluit aan de raad:", True),
        ("Het college besluit:", True),
        ("Toelichting op het voorstel:", False),
        ("Besluit college: akkoord", False),
    ],
)
def test_beslispunten_geopend_naar_de_vorm(regel, intro):
    from generator.importer.vocabulary import is_intro

    assert is_intro(regel) is intro


def _importeer(cli, bron, tmp_path):
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    tekst = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(tekst), tekst


@pytest.mark.parametrize("ext", [".docx", ".pdf", ".txt"])
def test_apart_kop_geraden_en_gemarkeerd(cli, tmp_path, ext):
    r, data, tekst = _importeer(cli, DATA / "apart" / f"collegevoorstel{ext}", tmp_path)
    assert (data["onderwerp"], data["kenmerk"], data["portefeuillehouder"]) == (
        "Vervanging openbare verlichting Centrum 2025",
        "Z/24/118342",
        "J. de Vries",
    )
    assert data["afdeling"] == "Openbare Ruimte" and data["classificatie"] == "openbaar"
    assert data["steller"] == {"naam": "P. Bakker", "telefoon": "0495 575 123", "email": "p.bakker@zuidwoude.nl"}
    regels = tekst.splitlines()
    # "Documentnummer" is a kenmerk label of the kinds' synonyms since round 4: read, not guessed
    assert not regels[regels.index("kenmerk: Z/24/118342") - 1].startswith("#")
    i = regels.index("classificatie: openbaar")
    assert regels[i - 1] == "# NOTA IMPORT, GERADEN: Status: Openbaar ('Openbaar' is een keuze van classificatie)"
    assert r.exit_code == 1
    assert (
        f"import.yaml:{i}:1: fout: geraden bij het importeren: Status: Openbaar ('Openbaar' is een keuze van "
        "classificatie) (controleer de waarde eronder en haal deze regel weg)"
    ) in r.stderr
    assert "Traceback" not in r.output


@pytest.mark.parametrize("ext", [".docx", ".pdf", ".weasy.pdf"])
def test_vierde_besluit_college_akkoord(cli, tmp_path, ext):
    """ "Vergaderdatum college: 26 november 2024" / "Besluit college: akkoord": a decision, sealed."""
    _, data, tekst = _importeer(cli, DATA / "vierde" / f"collegevoorstel{ext}", tmp_path)
    assert [(b["orgaan"], b["datum"], b["uitkomst"]) for b in data["besluiten"]] == [
        ("college", dt.date(2024, 11, 26), "conform")
    ]
    assert data["beslispunten"][2] == "De raad te informeren met bijgaande raadsinformatiebrief."
    # "Wat is de aanleiding" is a synonym of the section since round 4: placed, not guessed
    assert "\nsecties:\n  aanleiding:" in tekst


def test_tabel_met_jaartallen_als_bedragen_is_gemarkeerd():
    from generator.importer.table_check import problems

    tabel = {
        "tabel": "Kosten",
        "kolommen": ["Bedrag", "Bedrag"],
        "regels": [{"post": "Kosten", "bedrag": [2025, 2026]}, {"post": "Armaturen", "bedrag": ["€ 0,42", 380]}],
    }
    assert problems(tabel, [], [], [], []) == [
        "regel 'Kosten' bevat alleen jaartallen: waarschijnlijk de kop van de kolommen",
        "regel 'Armaturen' heeft een bedrag dat geen heel aantal euro's is: controleer de eenheid",
    ]


def test_kop_naar_de_sectie_van_zijn_eerste_zin(cli, tmp_path):
    """A heading in words no section has ("Wat we betalen") goes, with what stands under it, to
    the empty section its first sentence speaks of (two words or more, more than any other
    section), marked; one whose sentence names no section stays a marked subheading."""
    bron = tmp_path / "voorstel.txt"
    bron.write_text(
        "Collegevoorstel\nOnderwerp: Verlichting centrum\n\nSamenvatting\nKort.\n\n1. Aanleiding\nDaarom.\n\n"
        "2. Wat we betalen\nDe kosten passen binnen het budget van de begroting.\n\n3. Wat we doen\n"
        "We beginnen morgen.\n",
        encoding="utf-8",
    )
    r = cli("import", bron, "-o", tmp_path / "import.yaml")
    yaml = (tmp_path / "import.yaml").read_text(encoding="utf-8")
    regels = yaml.splitlines()
    marker = (
        "  # NOTA IMPORT, GERADEN: kop '2. Wat we betalen' gelezen als sectie 'Financiën' (kop en eerste zin "
        "delen begroting, budget, kosten met die sectie)"
    )
    assert regels[regels.index(marker) + 1] == "  financien: De kosten passen binnen het budget van de begroting."
    assert "  aanleiding: |\n    Daarom.\n\n    ### 3. Wat we doen\n\n    We beginnen morgen.\n" in yaml
    assert r.exit_code == 1
    assert f"import.yaml:{regels.index(marker) + 1}:3: fout: geraden bij het importeren: kop '2. Wat we" in r.stderr


def test_regel_met_dubbele_punt_boven_genummerde_lijst_opent_beslispunten(cli, tmp_path):
    """ "Advies aan het college:" names no besluit, but stands right above a numbered list before
    any section: it opens the beslispunten, marked as a guess."""
    bron = tmp_path / "voorstel.txt"
    bron.write_text(
        "Collegevoorstel\nOnderwerp: Verlichting centrum\n\nSamenvatting\nKort.\n\nAdvies aan het college:\n"
        "1. In te stemmen met de vervanging.\n2. Een krediet van € 900.000 beschikbaar te stellen.\n\n"
        "1. Aanleiding\nDaarom.\n",
        encoding="utf-8",
    )
    r = cli("import", bron, "-o", tmp_path / "import.yaml")
    regels = (tmp_path / "import.yaml").read_text(encoding="utf-8").splitlines()
    marker = (
        "# NOTA IMPORT, GERADEN: 'Advies aan het college:' boven een genummerde lijst vóór de eerste sectie "
        "gelezen als inleiding van de beslispunten"
    )
    assert regels[regels.index(marker) + 1 : regels.index(marker) + 4] == [
        "beslispunten:",
        "  - In te stemmen met de vervanging.",
        "  - Een krediet van € 900.000 beschikbaar te stellen.",
    ]
    assert f"import.yaml:{regels.index(marker) + 1}:1: fout: geraden bij het importeren: 'Advies aan" in r.stderr


def test_besluit_als_zin(search_path):
    """The college's decision as a sentence: recorded with its date and outcome, marked as a guess;
    a sentence without an outcome is no decision."""
    from generator.importer.read import lines_from_text
    from generator.importer.structure import Recognizer
    from generator.proposal.kinds import find_soort

    zin = "Het college heeft dit voorstel in zijn vergadering van 26 november 2024 conform vastgesteld."
    tekst = f"Samenvatting\nIets.\n\n{zin}\n\nHet college bespreekt dit in de vergadering van 3 december 2024.\n"
    structure = Recognizer(find_soort("collegenota", search_path)).process(lines_from_text(tekst))
    assert structure.besluiten == [{"orgaan": "college", "datum": dt.date(2024, 11, 26), "uitkomst": "conform"}]
    assert structure.guessed["besluiten"] == [f"besluit gelezen uit de zin '{zin}'"]
