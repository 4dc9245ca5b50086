"""Content against the reference documents (issue 13, items 4 and 18): what the
secretariat's own documents carry, the PDF carries too, and columns fit their content."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import PROPOSALS, REFERENCE, pdftotext, write

pytestmark = pytest.mark.slow  # renders every example to PDF

KINDS = ("beantwoording", "collegenota", "raadsvoorstel", "voortgangsrapportage")


def example(kind: str) -> str:
    return next(PROPOSALS.glob(f"{kind}-*.yaml")).read_text(encoding="utf-8")


def plat(tekst: str) -> str:
    return " ".join(tekst.split())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    from click.testing import CliRunner

    from generator.cli import main

    out = tmp_path_factory.mktemp("referentie")
    r = CliRunner().invoke(
        main, ["render", str(PROPOSALS), "-o", str(out), "--formaat", "pdf"], prog_name="nota", catch_exceptions=False
    )
    assert r.exit_code == 0, r.output
    return {kind: next(p for p in out.glob("*.pdf") if kind_of(p) == kind) for kind in KINDS}


def kind_of(pdf) -> str:
    import pikepdf

    with pikepdf.open(pdf) as doc:
        return str(doc.docinfo.Keywords).split(",")[0]


def test_raadsvoorstel_is_gericht_aan_de_gemeenteraad(pdfs):
    assert "Gemeenteraad" in (REFERENCE / "003_7cd11dcfca47a602.txt").read_text(encoding="utf-8")[:40]
    tekst = plat(pdftotext(pdfs["raadsvoorstel"]))
    assert "RAADSVOORSTEL Aan de gemeenteraad Voorstel tot het beschikbaar stellen" in tekst


def test_brief_met_bezoek_en_postadres(pdfs):
    tekst = pdftotext(pdfs["beantwoording"])
    assert "BEZOEKADRES" in tekst and "POSTADRES" in tekst
    # one line per item, as in the reference letter
    for regel in ("Mosae Forum 10\n6211 DW Maastricht", "Postbus 1992\n6201 BZ Maastricht"):
        assert regel in tekst
        assert regel in (REFERENCE / "002_cee4ab5721b06ac1.txt").read_text(encoding="utf-8")


def test_oude_brief_zonder_adressen_blijft_geldig(cli, tmp_path):
    oud = re.sub(r"(bezoekadres|postadres): .*\n", "", example("beantwoording"))
    path = write(tmp_path, "brief.yaml", oud)
    assert cli("check", "--strikt", path).exit_code == 0
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    tekst = pdftotext(next((tmp_path / "uit").glob("*.pdf")))
    assert "BEZOEKADRES" not in tekst and "POSTADRES" not in tekst and "ONDERWERP" in tekst


def test_voortgangsrapportage_met_afwijkingen_gemeente_en_kenmerk(pdfs):
    tekst = plat(pdftotext(pdfs["voortgangsrapportage"]))
    for veld in (
        "Afwijking investering Nee",
        "Afwijking exploitatie Nee",
        "Afwijking totaalplanning Nee",
        "Gemeente Maastricht",
        "Kenmerk 2022.00311",
    ):
        assert veld in tekst


def test_afwijking_als_bedrag(cli, tmp_path):
    bron = example("voortgangsrapportage").replace("afwijking_investering: 0", 'afwijking_investering: "€ 12.500"')
    path = write(tmp_path, "vg.yaml", bron)
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf")
    assert r.exit_code == 0, r.output
    assert "Afwijking investering € 12.500" in plat(pdftotext(next((tmp_path / "uit").glob("*.pdf"))))


def test_besluitenlijst_met_portefeuillehouder_besluitnummer_en_besluit(cli, tmp_path):
    map_ = tmp_path / "vergadering"
    map_.mkdir()
    a = write(map_, "a.yaml", example("collegenota"))
    b = write(
        map_,
        "b.yaml",
        example("collegenota")
        .replace("Continuering sociale teams 2021", "Tweede punt")
        .replace("2021.01234", "2021.09999"),
    )
    assert (
        cli(
            "decide",
            a,
            "--orgaan",
            "college",
            "--datum",
            "2021-02-09",
            "--uitkomst",
            "conform",
            "--besluitnummer",
            "B-2021-17",
        ).exit_code
        == 0
    )
    assert (
        cli(
            "decide",
            b,
            "--orgaan",
            "college",
            "--datum",
            "2021-02-09",
            "--uitkomst",
            "afgewezen",
            "--toelichting",
            "Eerst een evaluatie.",
        ).exit_code
        == 0
    )
    assert cli("besluitenlijst", map_, "--datum", "2021-02-09", "-o", tmp_path / "uit").exit_code == 0
    pdf = tmp_path / "uit" / "besluitenlijst-college-2021-02-09.pdf"
    tekst = plat(pdftotext(pdf))
    assert "Nr. Onderwerp Portefeuillehouder Besluit" in tekst
    for stuk in (
        "Continuering sociale teams 2021",
        "Kenmerk: 2021.01234",
        "Conform. Besluitnummer: B-2021-17",
        "1. Een besluit tot continuering van de huidige werkwijze",
        "2. In te stemmen met een budget van € 436.358",
        "Tweede punt",
        "Kenmerk: 2021.09999",
        "Afgewezen. Besluitnummer: B&W 2021/001 Eerst een evaluatie.",
    ):  # numbered by default
        assert stuk in tekst
    assert tekst.count("Wethouder Zorg en Welzijn") == 2
    # a rejected proposal: the outcome and why, not the beslispunten as if decided
    assert tekst.count("Een besluit tot continuering") == 1
    # 'Nr.' is as narrow as a number, not as wide as 'Onderwerp'
    nr, onderwerp = _x(pdf, "Nr."), _x(pdf, "Onderwerp")
    assert onderwerp - nr < 15 / 25.4 * 72  # under 15 mm, padding included


def _x(pdf, woord: str) -> float:
    """The left edge (pt) of the first occurrence of `woord` (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return float(re.search(rf'<word xMin="([\d.]+)"[^>]*>{re.escape(woord)}</word>', html).group(1))


def test_kolommen_volgen_de_inhoud(pdfs):
    lines = subprocess.run(
        ["pdftotext", "-layout", str(pdfs["raadsvoorstel"]), "-"], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    # labels and amounts are never broken over two lines
    assert any("Begrotingswijziging" in line for line in lines)
    assert any("a.bakker@example.nl" in line for line in lines)
    assert any("€ 1.690.000" in line for line in lines)
    # a label column is as wide as its longest label: 'Van team' | 'Team Jeugd' within 25 mm
    # (it was a fixed 30 mm plus padding), while 'Begrotingswijziging' still fits on one line
    assert _x(pdfs["raadsvoorstel"], "Team") - _x(pdfs["raadsvoorstel"], "Van") < 25 / 25.4 * 72
