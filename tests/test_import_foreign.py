"""`nota import` of documents a municipality wrote, not nota (issue 14).

The corpus in tests/data/import/foreign/ is made by tests/make_import_corpus.py
(LibreOffice, from the reference texts, in two house styles); the tests only read it.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest
from docx import Document
from ruamel.yaml import YAML

from conftest import PROPOSALS, require_tool
from make_import_corpus import OUT, recall

pytestmark = pytest.mark.slow  # the LibreOffice-made corpus, every document in two formats

TRUTH = json.loads((OUT / "truth.json").read_text(encoding="utf-8"))
DOCUMENTS = [f"{stem}{ext}" for stem in TRUTH for ext in (".docx", ".pdf")]


def _importeer(cli, bron, tmp_path):
    target = tmp_path / "import.yaml"
    r = cli("import", bron, "-o", target)
    return r, YAML(typ="safe").load(target.read_text(encoding="utf-8")), target.read_text(encoding="utf-8")


@pytest.mark.parametrize("naam", DOCUMENTS)
def test_alles_wat_de_bron_zegt_komt_terug(naam):
    figures = recall(OUT / naam, TRUTH[naam.rsplit(".", 1)[0]])
    assert {k: v[0] for k, v in figures.items()} == {k: v[1] for k, v in figures.items()}


@pytest.mark.parametrize("naam", DOCUMENTS)
def test_import_gaat_door_check_zonder_fouten(cli, tmp_path, naam):
    r, _, yaml = _importeer(cli, OUT / naam, tmp_path)
    assert r.exit_code == 0, r.stderr
    assert "NOTA IMPORT:" not in yaml and "Pagina" not in yaml and "·" not in yaml


def test_word_nummering_in_body_text_is_genummerd(cli, tmp_path):
    doc = Document(str(OUT / "collegenota-koppen.docx"))
    punt = next(p for p in doc.paragraphs if p.text.startswith("Een besluit tot continuering"))
    assert punt.style.name == "Body Text" and punt._p.pPr.numPr is not None  # the case of the issue
    _, data, _ = _importeer(cli, OUT / "collegenota-koppen.docx", tmp_path)
    assert data["beslispunten"] == [
        "Een besluit tot continuering van de huidige werkwijze van de sociale teams tot uiterlijk 31 december 2021."
    ]


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_kop_met_twee_paren_per_rij_en_contactregels(cli, tmp_path, ext):
    _, data, _ = _importeer(cli, OUT / f"collegenota-koppen{ext}", tmp_path)
    assert (data["kenmerk"], data["datum"], data["afdeling"]) == ("2021.00412", dt.date(2021, 1, 26), "Sociaal Domein")
    assert data["steller"] == {"naam": "A. Jansen", "telefoon": "043 350 0000", "email": "a.jansen@example.nl"}


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_labels_met_dubbele_punt_en_ja(cli, tmp_path, ext):
    _, data, _ = _importeer(cli, OUT / f"raadsvoorstel-vet{ext}", tmp_path)
    assert data["onderwerp"].startswith("Voorstel tot het beschikbaar stellen")
    assert data["begrotingswijziging"] is True and data["team"] == "Team Jeugd"
    assert data["adviseur"] == {"naam": "Arlette Booms", "email": "a.booms@denhelder.nl"}


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_lege_cellen_houden_hun_jaar_en_tabel_over_pagina(cli, tmp_path, ext):
    _, data, _ = _importeer(cli, OUT / f"raadsvoorstel-vet{ext}", tmp_path)
    kosten, dekking = [t for t in data["secties"]["financiele_consequenties"] if isinstance(t, dict)]
    assert kosten["kolommen"] == [2020, 2021, 2022] and kosten["rijtotaal"] is True
    assert kosten["regels"][0] == {"post": "kosten opleidingen en inrichting", "bedrag": [180000, 20000, None]}
    assert dekking["regels"][2] == {"post": "aanvraag kadernota", "bedrag": [None, 280000, 140000]}
    assert dekking["totaal"] == [630000, 610000, 450000]


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_groepskolom_over_rijen_wordt_deel_van_de_post(cli, tmp_path, ext):
    _, data, _ = _importeer(cli, OUT / f"collegenota-vet{ext}", tmp_path)
    kosten = data["secties"]["financien"][0]
    assert [r.get("post") or r.get("subtotaal") for r in kosten["regels"]] == [
        "Uitvoeringskosten – urenvergoedingen",
        "Uitvoeringskosten – exploitatiekosten",
        "Subtotaal",
        "Werkbudget",
    ]
    assert kosten["totaal"] == 436358 and kosten["rol"] == "kosten"


@pytest.mark.parametrize("ext", [".docx", ".pdf"])
def test_ondertekening_en_raadsbesluit(cli, tmp_path, ext):
    _, data, yaml = _importeer(cli, OUT / f"raadsvoorstel-koppen{ext}", tmp_path)
    assert data["ondertekening"] == {
        "plaats": "Den Helder",
        "burgemeester": "Jeroen Nobel",
        "secretaris": "Robert Reus",
    }
    assert "besluit:" not in data["secties"]["communicatie"] and "Jeroen" not in data["secties"]["communicatie"]
    assert [(b["orgaan"], b["datum"], b["uitkomst"]) for b in data["besluiten"]] == [
        ("raad", dt.date(2020, 5, 11), "aangenomen")
    ]
    assert "Aldus besloten" not in yaml


def test_geimporteerd_besluit_is_verzegeld(cli, tmp_path):
    r, data, _ = _importeer(cli, OUT / "collegenota-vet.docx", tmp_path)
    assert data["besluiten"][0]["vastgelegd_door"] == "nota import (collegenota-vet.docx)"
    verify = cli("verify", tmp_path / "import.yaml")
    assert verify.exit_code == 0, verify.output
    assert "besluit college 9 februari 2021 (conform): inhoud ongewijzigd" in verify.stdout


def _docx_with_table(path, rijen) -> None:
    doc = Document()
    for tekst in ("Samenvatting", "Iets.", "Beslispunten", "1. Iets besluiten.", "8. Financiën", "Begroting 2021"):
        doc.add_paragraph(tekst)
    table = doc.add_table(rows=len(rijen), cols=len(rijen[0]))
    for tr, rij in zip(table.rows, rijen):
        for cell, tekst in zip(tr.cells, rij):
            cell.text = tekst
    doc.save(str(path))


def test_tabel_die_niet_optelt_wordt_gemarkeerd_en_import_faalt(cli, tmp_path):
    bron = tmp_path / "oud.docx"
    _docx_with_table(
        bron,
        [
            ["Kosten", "Bedrag", "Opmerking", "Extra"],
            ["Uren", "€ 371.358,-", "excl. btw", "x"],
            ["Werkbudget", "€ 50.000,-", "", ""],
            ["Totaal", "€ 524.788,-", "", ""],
        ],
    )
    r, _, yaml = _importeer(cli, bron, tmp_path)
    assert r.exit_code == 1
    assert (
        "    # NOTA IMPORT: tabel 'Begroting 2021': totaal Bedrag: de bron zegt € 524.788, de regels tellen "
        "op tot € 421.358\n    - tabel: Begroting 2021" in yaml
    )
    regel = (
        yaml.splitlines().index(
            "    # NOTA IMPORT: tabel 'Begroting 2021': totaal Bedrag: de bron zegt "
            "€ 524.788, de regels tellen op tot € 421.358"
        )
        + 1
    )
    assert (
        f"import.yaml:{regel}:5: fout: tabel 'Begroting 2021': totaal Bedrag: de bron zegt € 524.788, de "
        "regels tellen op tot € 421.358 (nagerekend bij het importeren; herstel de tabel en haal deze regel "
        "weg)" in r.stderr
    )
    assert "    # NOTA IMPORT: tabel 'Begroting 2021': kolom 'Extra' is niet overgenomen\n" in yaml


def test_tekst_uit_pdf_met_lege_regel_tussen_elke_regel(search_path):
    from generator.importer.read import lines_from_text
    from generator.importer.structure import Recognizer
    from generator.proposal.kinds import find_soort

    alinea = (
        "De sociale teams zijn buurtgerichte teams met professionals van diverse\n"
        "organisaties, vrijwilligers en ervaringsdeskundigen. Zij helpen en adviseren\n"
        "buurtbewoners die vragen hebben of in het dagelijks leven te maken krijgen met\n"
        "problemen. Er vindt aansluiting plaats bij mogelijkheden in de buurt.\n"
    )
    tekst = "Samenvatting\n" + alinea + "1. Aanleiding\n" + alinea.replace("De sociale", "Ook de sociale")
    regels = lines_from_text("\n\n".join(tekst.splitlines()))
    structure = Recognizer(find_soort("collegenota", search_path)).process(regels)
    assert structure.markdown["samenvatting"] == [" ".join(alinea.split())]
    assert len(structure.markdown["secties.aanleiding"]) == 1


def test_vorig_jaar_als_pdf_tekst_vertelt_het_geldverhaal_per_rij(cli, tmp_path):
    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    for old, new in (
        ("bedrag: 371358", "bedrag: 434788"),
        ('bedrag: "€ 25.000"', "bedrag: 50000"),
        ("bedrag: 25000", "bedrag: 50000"),
        ("totaal: 436358", "totaal: 524788"),
    ):
        tekst = tekst.replace(old, new)
    (tmp_path / "2018.yaml").write_text(tekst, encoding="utf-8")
    assert cli("render", tmp_path / "2018.yaml", "-o", tmp_path / "pdf", "--formaat", "pdf").exit_code == 0
    pdf = next((tmp_path / "pdf").glob("*.pdf"))
    kopie = tmp_path / "2018.txt"
    kopie.write_text(
        subprocess.run(
            [require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout,
        encoding="utf-8",
    )
    r = cli("import", kopie, "-o", tmp_path / "oud.yaml")
    assert "Traceback" not in r.output
    diff = cli(
        "diff", tmp_path / "oud.yaml", PROPOSALS / "collegenota-sociale-teams-2021.yaml", env={"COLUMNS": "200"}
    ).stdout
    rijen = [" ".join(r.replace("│", " ").split()) for r in diff.splitlines()]
    assert "~ Werkbudget € 50.000 € 25.000 € -25.000 -50,0%" in rijen
    assert "~ Totaal € 524.788 € 436.358 € -88.430 -16,9%" in rijen
    assert "Uitvoeringskosten – exploitatiekosten € 40.000 € 40.000 € 0 +0,0%" in rijen
    assert not any(r.startswith("+ ") for r in rijen)


def _pdf_from_html(path, body: str) -> None:
    from weasyprint import HTML

    css = (
        "@page { size: A4; margin: 25mm 20mm; @top-left { content: 'Gemeente Maastricht · Collegenota'; } "
        "@bottom-right { content: 'Kenmerk 2021.00412 Pagina ' counter(page) ' van ' counter(pages); } } "
        "body { font: 10pt sans-serif; } td { padding: 2pt 6pt; vertical-align: top; } "
        "table.kop td:first-child { font-weight: bold; } .num { text-align: right; }"
    )
    HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(str(path))


def test_pdf_gebroken_cel_tabel_over_pagina_en_paginameubilair(cli, tmp_path):
    alinea = "<p>" + "De sociale teams werken in de buurt en helpen bewoners met hun vragen. " * 12 + "</p>"
    rijen = "".join(
        f"<tr><td>Post {i}</td><td class='num'>{1000 * i:,}</td></tr>".replace(",", ".") for i in range(1, 41)
    )
    totaal = f"{sum(1000 * i for i in range(1, 41)):,}".replace(",", ".")
    body = (
        "<p>Collegenota</p><p>Continuering sociale teams 2021</p><table class='kop'>"
        "<tr><td>Kenmerk</td><td>2021.00412</td><td>Datum</td><td>26 januari 2021</td></tr>"
        "<tr><td>Portefeuillehouder</td><td style='width:28mm'>Diversiteit en Inclusie, Cultuur en Erfgoed</td>"
        "<td>Afdeling</td><td>Sociaal Domein</td></tr></table>"
        "<h2>Samenvatting</h2>" + alinea + "<h2>Beslispunten</h2><p>1. Iets te besluiten.</p>"
        "<h2>1. Aanleiding</h2>" + alinea * 3 + "<h2>8. Financiën</h2><p><b>Begroting 2021</b></p>"
        "<table><tr><td>Kosten</td><td>Bedrag</td></tr>"
        + rijen
        + f"<tr><td>Totaal</td><td class='num'>{totaal}</td></tr></table>"
    )
    bron = tmp_path / "oud.pdf"
    _pdf_from_html(bron, body)
    _, data, yaml = _importeer(cli, bron, tmp_path)
    assert data["portefeuillehouder"] == "Diversiteit en Inclusie, Cultuur en Erfgoed"
    assert (data["kenmerk"], data["datum"], data["afdeling"]) == ("2021.00412", dt.date(2021, 1, 26), "Sociaal Domein")
    assert data["secties"]["aanleiding"].count("\n\n") == 2  # three paragraphs, whatever the page breaks
    tabel = data["secties"]["financien"][0]
    assert len(tabel["regels"]) == 40 and tabel["totaal"] == sum(1000 * i for i in range(1, 41))
    assert "Pagina" not in yaml and "·" not in yaml and "NOTA IMPORT" not in yaml


@pytest.mark.parametrize(
    "naam", ["collegenota-koppen.layout.txt", "collegenota-vet.layout.txt", "raadsvoorstel-vet.layout.txt"]
)
def test_tekst_met_opmaak_uit_pdf_komt_helemaal_terug(naam):
    figures = recall(OUT / naam, TRUTH[naam.split(".")[0]])
    assert {k: v[0] for k, v in figures.items() if k != "kop"} == {k: v[1] for k, v in figures.items() if k != "kop"}


@pytest.mark.parametrize("naam", [f"{stem}{ext}" for stem in TRUTH for ext in (".txt", ".layout.txt")])
def test_gekopieerde_tekst_is_nooit_stil_fout(cli, tmp_path, naam):
    """Where the copied text lost the table's columns, the import says so and fails."""
    figures = recall(OUT / naam, TRUTH[naam.split(".")[0]])
    r, _, yaml = _importeer(cli, OUT / naam, tmp_path)
    if figures["totalen"][0] < figures["totalen"][1] or figures["bedragen"][0] < figures["bedragen"][1]:
        assert r.exit_code == 1 and "# NOTA IMPORT: tabel '" in yaml
        assert ": fout: tabel '" in r.stderr
