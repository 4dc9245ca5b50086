"""`nota import` of other municipalities' house styles (issue 26): never silently wrong, nothing
dropped. The corpora in tests/data/import/<stijl>/ are made by tests/make_import_corpus.py
--stijlen (see each README.md); the tests only read them. bench/import_score.py prints the
issue's table per style with the same scorer (tests/import_score.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil

import pytest
from import_score import KOLOMMEN, meets_bar, score, total
from make_import_corpus import OUT
from ruamel.yaml import YAML

DATA = OUT.parent
FORMATS = (".docx", ".pdf", ".weasy.pdf")  # Word, LibreOffice's PDF, WeasyPrint's PDF


def _files(stijl: str, formats=FORMATS):
    waarheid = json.loads((DATA / stijl / "truth.json").read_text(encoding="utf-8"))
    return [
        (DATA / stijl / f"{stem}{ext}", t)
        for stem, t in waarheid.items()
        for ext in formats
        if (DATA / stijl / f"{stem}{ext}").is_file()
    ]


def _importeer(cli, bron, tmp_path):
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    tekst = target.read_text(encoding="utf-8")
    return r, YAML(typ="safe").load(tekst), tekst


@pytest.mark.parametrize("stijl,formats", [("kop1", FORMATS), ("kader", FORMATS), ("foreign", (".docx", ".pdf"))])
def test_stijl_haalt_de_lat(stijl, formats):
    """Wrong-unmarked 0, dropped 0, >= 90% of each kind of content, >= 95% of the amounts."""
    scores = [score(path, t) for path, t in _files(stijl, formats)]
    t = total(scores)
    assert meets_bar(t), {k: t[k] for k in (*KOLOMMEN, "fout", "kwijt")}


@pytest.mark.parametrize("stijl", ["apart", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende"])
def test_gehouden_stijl_is_nooit_stil_fout(stijl):
    """The held-out styles: what the importer cannot place it marks; nothing is dropped."""
    t = total([score(path, t) for path, t in _files(stijl)])
    assert (t["fout"], t["kwijt"]) == (0, 0)


def test_apart_gehouden_stijl_haalt_de_lat_in_kop_en_besluiten():
    """Header labels nota does not know are placed by their values (marked): every field right."""
    t = total([score(path, t) for path, t in _files("apart")])
    assert all(t[k][0] == t[k][1] for k in ("kop", "beslispunten", "besluiten")), t
    assert t["secties"][0] >= 0.85 * t["secties"][1], t


def test_score_telt_fout_en_kwijt_apart(tmp_path):
    """The scorer itself: a wrong header value without marker is `fout`, a missing paragraph `kwijt`."""
    waarheid = json.loads((DATA / "kop1" / "truth.json").read_text(encoding="utf-8"))["collegevoorstel"]
    goed = score(DATA / "kop1" / "collegevoorstel.docx", waarheid)
    assert goed["kop"] == (10, 10) and goed["fout"] == 0 and goed["kwijt"] == 0
    vals = {
        **waarheid,
        "kop": {**waarheid["kop"], "kenmerk": "Z/24/999999"},
        "teksten": waarheid["teksten"] + ["Deze alinea staat niet in de bron."],
    }
    slecht = score(DATA / "kop1" / "collegevoorstel.docx", vals)
    assert (slecht["kop"], slecht["fout"], slecht["kwijt"]) == ((9, 10), 1, 1)


@pytest.mark.parametrize("ext", FORMATS)
def test_bedragen_x_1000_geschaald_en_vermeld(cli, tmp_path, ext):
    _, data, tekst = _importeer(cli, DATA / "kop1" / f"raadsvoorstel{ext}", tmp_path)
    tabel = next(b for b in data["secties"]["financiele_consequenties"] if isinstance(b, dict))
    assert tabel["regels"][0] == {"post": "Bouwkosten", "bedrag": 6850000} and tabel["totaal"] == 7600000
    assert "    # bedragen in de bron (bedragen x € 1.000); hier omgerekend naar euro's\n    - tabel: " in tekst


@pytest.mark.parametrize("ext", FORMATS)
def test_in_duizenden_euros_onder_de_titel(cli, tmp_path, ext):
    _, data, tekst = _importeer(cli, DATA / "kader" / f"collegevoorstel{ext}", tmp_path)
    kosten, dekking = [b for b in data["secties"]["financien"] if isinstance(b, dict)]
    assert kosten["regels"][0] == {"post": "Vervanging armaturen", "bedrag": [420000, 380000]}
    assert dekking["totaal"] == [480000, 420000]
    assert "# bedragen in de bron Bedragen in duizenden euro's; hier omgerekend naar euro's" in tekst
    assert "duizenden" not in json.dumps(data["secties"]["financien"], default=str)


@pytest.mark.parametrize("ext", FORMATS)
def test_kop_raadsvergadering_slikt_het_voorstel_niet_in(cli, tmp_path, ext):
    r, data, tekst = _importeer(cli, DATA / "kop1" / f"raadsvoorstel{ext}", tmp_path)
    assert data["kenmerk"] == "Z/24/120877" and data["adviseur"]["naam"] == "S. Yilmaz"
    assert data["classificatie"] == "openbaar" and data["begrotingswijziging"] is True
    assert data["secties"]["risicos"].startswith("De bouwprijzen kunnen verder stijgen")  # Risico’s, curly
    assert data["secties"]["duurzaamheid"].startswith("Het gebouw wordt aardgasvrij")
    assert data["beslispunten"][2] == "De begrotingswijziging 2025 vast te stellen."
    assert [(b["orgaan"], b["datum"]) for b in data["besluiten"]] == [("raad", dt.date(2024, 12, 12))]
    # a header field nota has no place for is kept, marked, and the import is not done
    regel = next(i for i, x in enumerate(tekst.splitlines(), 1) if "Raadsvergadering" in x)
    assert tekst.splitlines()[regel - 1].startswith("# NOTA IMPORT, NIET GEPLAATST: Raadsvergadering")
    assert r.exit_code == 1
    assert f"import.yaml:{regel}:1: fout: niet geplaatst bij het importeren: 'Raadsvergadering" in r.stderr


@pytest.mark.parametrize("ext", FORMATS)
def test_het_college_besluit_en_besluitvak(cli, tmp_path, ext):
    r, data, tekst = _importeer(cli, DATA / "kop1" / f"collegevoorstel{ext}", tmp_path)
    assert (
        data["beslispunten"][0] == "In te stemmen met de vervanging van de openbare verlichting in het "
        "centrum in 2025 en 2026."
    )
    assert len(data["beslispunten"]) == 3
    assert [(b["orgaan"], b["datum"], b["uitkomst"]) for b in data["besluiten"]] == [
        ("college", dt.date(2024, 11, 26), "conform")
    ]
    assert data["steller"] == {"naam": "P. Bakker", "telefoon": "0495 575 123", "email": "p.bakker@zuidwoude.nl"}
    assert "☐" not in tekst and "NOTA IMPORT" not in tekst and r.exit_code == 0, r.stderr


def test_besluit_zonder_datum_blijft_gemarkeerd(search_path):
    from generator.importer.read import lines_from_text
    from generator.importer.structure import Recognizer
    from generator.proposal.kinds import find_soort

    tekst = "Samenvatting\nIets.\n\nBesluit college\n☒ Conform advies\n☐ Aangehouden\n"
    structure = Recognizer(find_soort("collegenota", search_path)).process(lines_from_text(tekst))
    assert structure.besluiten == []
    assert structure.unplaced["samenvatting"] == [
        ("☒ Conform advies (geen datum erbij; leg het besluit vast met nota decide)")
    ]


def test_eigen_soort_zonder_synoniemen_laadt_en_importeert(cli, tmp_path):
    """An older kind.yaml without `synoniemen` (nor `begrippen`) still loads; its own titles still match."""
    from generator.proposal.kinds import builtin_templates

    eigen = tmp_path / "sjablonen"
    shutil.copytree(builtin_templates(), eigen)
    kind = eigen / "collegenota" / "kind.yaml"
    tekst = re.sub(r",\n\s+(synoniemen|begrippen): \[[^\]]*\]", "", kind.read_text(encoding="utf-8"))
    kind.write_text(re.sub(r"\nsynoniemen:\n(  .*\n)+", "\n", tekst), encoding="utf-8")
    assert "synoniemen:" not in kind.read_text(encoding="utf-8") and "begrippen: [" not in kind.read_text("utf-8")
    bron = tmp_path / "oud.txt"
    bron.write_text(
        "Collegenota\nOnderwerp: Iets\n\nSamenvatting\nKort.\n\n1. Aanleiding\nDaarom.\n\n"
        "8. Financiële gevolgen\n\nGeen.\n",
        encoding="utf-8",
    )
    r = cli("import", bron, "-o", tmp_path / "oud.yaml", "--templates", eigen)
    yaml = (tmp_path / "oud.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(yaml)
    assert data["secties"]["aanleiding"] == "Daarom."
    # without the synonym the heading is placed by its words ("financiële" ~ "Financiën"), marked as a guess
    assert data["secties"]["financien"] == "Geen."
    assert (
        "  # NOTA IMPORT, GERADEN: kop '8. Financiële gevolgen' gelezen als sectie 'Financiën' (één woord "
        "gelijk met 'financiën')\n  financien: Geen.\n" in yaml
    )
    assert r.exit_code == 1 and "Traceback" not in r.output


@pytest.mark.parametrize(
    "titel,sleutel",
    [
        ("2.1 Risico’s:", "risicos"),
        ("Kanttekeningen:", None),
        ("4. RISICO'S", "risicos"),
        ("Financiële gevolgen", "financiele_consequenties"),
        ("Financiele gevolgen", "financiele_consequenties"),
        ("§ 3 Planning en uitvoering", "uitvoering_en_planning"),
        ("Uitvoering:", None),
        ("Duurzaamheid", "duurzaamheid"),
        ("De bouw start in het voorjaar.", None),
    ],
)
def test_sectie_naar_betekenis(search_path, titel, sleutel):
    from generator.importer.vocabulary import Vocabulary
    from generator.proposal.kinds import find_soort

    sectie = Vocabulary(find_soort("raadsvoorstel", search_path)).sectie(titel)
    assert (sectie or {}).get("sleutel") == sleutel


@pytest.mark.parametrize(
    "tekst,factor,rest",
    [
        ("Tabel 1. Kosten (bedragen x € 1.000)", 1000, "Tabel 1. Kosten"),
        ("in duizenden euro's", 1000, ""),
        ("2025 (k€)", 1000, "2025"),
        ("Krediet (mln)", 1000000, "Krediet"),
        ("Kosten × € 1.000", 1000, "Kosten"),
        ("*Bedragen in mln euro*", 1000000, ""),
        ("€ 1.000 per jaar", None, "€ 1.000 per jaar"),
    ],
)
def test_eenheid_in_bijschrift(tekst, factor, rest):
    from generator.importer import units

    found = units.scale(tekst)
    assert (int(found[0]) if found else None, units.without(tekst)) == (factor, rest)


@pytest.mark.parametrize("stijl", ["kop1", "kader"])
def test_tekst_gekopieerd_uit_pdf_nooit_stil_fout(stijl):
    """pdftotext's text (tables column by column, labels and values on lines of their own)."""
    t = total([score(path, t) for path, t in _files(stijl, (".txt",))])
    assert (t["fout"], t["kwijt"]) == (0, 0)
    assert t["kop"][0] == t["kop"][1] and t["beslispunten"][0] == t["beslispunten"][1]


def test_alinea_voor_de_paginavoet_gaat_niet_verloren(cli, tmp_path):
    """pdftotext puts the footer "Raadsvoorstel 2020-010358 Pagina 1 van 5" right under the last line
    of a paragraph; the footer goes, the paragraph stays (it was dropped with the footer)."""
    _, data, tekst = _importeer(cli, OUT / "raadsvoorstel-vet.txt", tmp_path)
    assert "'Iedereen doet mee' een belangrijke insteek van de gemeente" in tekst
    assert "Pagina 1 van 5" not in tekst
