"""Issue 25, measured rather than looked at: every kind, concept and final, in both formats
(the DOCX laid out by LibreOffice), has no page that ends with a heading or a table's intro
line and no page that starts with a table's total row alone; outloud (a PDF/UA-1 and WCAG
checker) finds nothing in any PDF of nota, the besluitenlijst included."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner
from conftest import PROPOSALS
from pagination import faults, pages

pytestmark = pytest.mark.slow
KINDS = ("beantwoording", "collegenota", "raadsvoorstel", "voortgangsrapportage")
MEETING = "2022-01-10"  # after every example's own date


def nota(*args):
    from generator.cli import main

    r = CliRunner().invoke(main, [str(a) for a in args], prog_name="nota", catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r


def html_of(path) -> str:
    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel
    from generator.render import context
    from generator.render.html import render_html

    voorstel = load_voorstel(path, search_path())
    return render_html(voorstel, context.build(voorstel))


def libreoffice(docx_files, out, profile) -> None:
    """DOCX to PDF with LibreOffice, with a profile of its own (tests run in parallel)."""
    if shutil.which("soffice") is None:
        pytest.fail("soffice ontbreekt: installeer LibreOffice")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """(kind, stage, format) -> (PDF, the HTML it was made from), and the besluitenlijst."""
    base = tmp_path_factory.mktemp("typeset")
    out: dict = {}
    for kind in KINDS:
        path = base / kind / f"{kind}.yaml"
        path.parent.mkdir()
        shutil.copy(next(PROPOSALS.glob(f"{kind}-*.yaml")), path)
        for stage in ("concept", "definitief"):
            if stage == "definitief":
                nota(
                    "decide",
                    path,
                    "--orgaan",
                    "college",
                    "--datum",
                    MEETING,
                    "--uitkomst",
                    "conform",
                    "--besluitnummer",
                    f"B-{kind}",
                )
            target = base / kind / stage
            nota("render", path, "-o", target)
            html = html_of(path)
            (docx,) = target.glob("*.docx")
            libreoffice([docx], target / "lo", base / "lo-profiel")
            out[kind, stage, "pdf"] = (next(target.glob("*.pdf")), html)
            out[kind, stage, "docx"] = (target / "lo" / f"{docx.stem}.pdf", html)
    nota(
        "besluitenlijst",
        *[base / k for k in KINDS],
        "--datum",
        MEETING,
        "-o",
        base / "lijst",
        "--aanwezig",
        "burgemeester Jansen-de Vries, wethouders De Vries en Bakker",
    )
    out["besluitenlijst"] = base / "lijst" / f"besluitenlijst-college-{MEETING}.pdf"
    nota("besluitenlijst", base / "collegenota", "--datum", MEETING, "-o", base / "kort")  # one page
    out["besluitenlijst kort"] = base / "kort" / f"besluitenlijst-college-{MEETING}.pdf"
    return out


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stage", ("concept", "definitief"))
@pytest.mark.parametrize("formaat", ("pdf", "docx"))
def test_geen_kop_of_inleiding_onderaan_en_geen_losse_totaalregel(documents, kind, stage, formaat):
    pdf, html = documents[kind, stage, formaat]
    assert len(pages(pdf)) >= 3  # long enough to break somewhere
    assert faults(pdf, html) == []


def test_de_meting_ziet_een_gestrande_kop_en_totaalregel(tmp_path, documents):
    """The measurement is not blind: a page that ends with the intro of a table, and one
    that starts with the total row alone, are reported."""
    pdf, html = documents["raadsvoorstel", "concept", "pdf"]
    from weasyprint import HTML

    broken = html.replace(
        "</style>",
        ".voor-tabel, .voor-tabel > :last-child { break-after: auto !important; }"
        "table.financieel { break-before: page !important; }"
        "table.financieel tr.totaal { break-before: page !important; }</style>",
    )
    HTML(string=broken, base_url=str(pdf.parent)).write_pdf(tmp_path / "slecht.pdf")
    gevonden = faults(tmp_path / "slecht.pdf", html)
    assert any(
        f.endswith("eindigt met de inleidende regel 'Het volgende overzicht geeft de financiële consequenties weer.'")
        for f in gevonden
    ), gevonden
    assert any(f.endswith("begint met de totaalregel 'Totaal benodigd' alleen") for f in gevonden), gevonden
    kop = html.replace("</style>", "h2 { break-after: page !important; }</style>")
    HTML(string=kop, base_url=str(pdf.parent)).write_pdf(tmp_path / "kop.pdf")
    assert "pagina 1 eindigt met de kop 'Publiekssamenvatting'" in faults(tmp_path / "kop.pdf", html)


def _outloud(pdf) -> list[str]:
    from outloud import check

    result = check(str(pdf))
    return [f"{f.rule} p.{f.page}: {f.message}" for f in result.findings if f.severity in ("error", "warning")] + (
        [result.error] if result.error else []
    )


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("stage", ("concept", "definitief"))
def test_outloud_vindt_niets(documents, kind, stage):
    pdf, _ = documents[kind, stage, "pdf"]
    assert _outloud(pdf) == []


@pytest.mark.parametrize("lijst", ("besluitenlijst", "besluitenlijst kort"))
def test_outloud_vindt_niets_in_de_besluitenlijst(documents, lijst):
    assert _outloud(documents[lijst]) == []
