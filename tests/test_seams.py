"""Issue 20: one vocabulary, one title, the library below the commands."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROPOSALS, write

COLLEGENOTA = PROPOSALS / "collegenota-sociale-teams-2021.yaml"
RAPPORTAGE = next(PROPOSALS.glob("voortgangsrapportage-*.yaml"))
PROJECT = "Toegangen – doorontwikkeling sociale teams"


# --- vocabulary --------------------------------------------------------------


@pytest.mark.parametrize("tekst", ["nvt", "n.v.t.", "N.v.t.", " niet van toepassing\n", "NVT"])
def test_elke_spelling_van_nvt(tekst):
    from generator.proposal.vocabulary import is_nvt

    assert is_nvt(tekst)


@pytest.mark.parametrize("tekst", [None, "", "n.v.t. want", ["nvt"], "nvt."])
def test_geen_nvt(tekst):
    from generator.proposal.vocabulary import is_nvt

    assert not is_nvt(tekst)


def test_nvt_met_punten_in_een_sectie_uit_de_beslispunten_geeft_geen_waarschuwing(cli, tmp_path):
    tekst = COLLEGENOTA.read_text(encoding="utf-8")
    tekst = re.sub(r"^  voorstel:.*$", "  voorstel: n.v.t.", tekst, count=1, flags=re.M)
    r = cli("check", write(tmp_path, "nota.yaml", tekst))
    assert r.exit_code == 0, r.output
    assert "waarschuwing" not in r.stderr, r.stderr


def test_uitkomsten_per_orgaan_in_cli_en_model():
    from generator.commands.decide import decide
    from generator.proposal.model import Besluit
    from generator.proposal.vocabulary import ALLE_UITKOMSTEN, ORGANEN, UITKOMSTEN

    assert UITKOMSTEN["college"] == ("conform", "gewijzigd", "aangehouden", "afgewezen", "teruggetrokken")
    assert UITKOMSTEN["raad"] == ("aangenomen", "geamendeerd", "verworpen", "aangehouden", "teruggetrokken")
    assert ALLE_UITKOMSTEN.count("aangehouden") == 1 and len(ALLE_UITKOMSTEN) == 8
    opties = {p.name: p.type.choices for p in decide.params if hasattr(p.type, "choices")}
    assert tuple(opties["uitkomst"]) == ALLE_UITKOMSTEN and tuple(opties["orgaan"]) == ORGANEN
    for uitkomst in ALLE_UITKOMSTEN:
        assert Besluit(orgaan="raad", datum=dt.date(2024, 1, 1), uitkomst=uitkomst).uitkomst == uitkomst
    with pytest.raises(ValueError):
        Besluit(orgaan="raad", datum=dt.date(2024, 1, 1), uitkomst="goedgekeurd")


# --- one title ------------------------------------------------------------------


def _load(path: Path):
    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel

    return load_voorstel(path, search_path())


def test_title_van_collegenota_en_rapportage():
    nota, rapportage = _load(COLLEGENOTA), _load(RAPPORTAGE)
    assert nota.data.title == "Continuering sociale teams 2021"
    assert nota.data.document_title == "Collegenota: Continuering sociale teams 2021"
    assert rapportage.data.title == PROJECT
    assert rapportage.data.document_title == f"Voortgangsrapportage: {PROJECT}"


@pytest.mark.slow  # renders both formats
def test_rapportage_draagt_zijn_project_in_pdf_en_docx(cli, tmp_path):
    import pikepdf
    from docx import Document

    r = cli("render", RAPPORTAGE, "-o", tmp_path)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2022.00311-toegangen-doorontwikkeling-sociale-teams.docx",
        "2022.00311-toegangen-doorontwikkeling-sociale-teams.pdf",
    ]
    with pikepdf.open(next(tmp_path.glob("*.pdf"))) as pdf:
        assert str(pdf.docinfo.Title) == f"Voortgangsrapportage: {PROJECT}"
    properties = Document(next(tmp_path.glob("*.docx"))).core_properties
    assert (properties.title, properties.subject) == (f"Voortgangsrapportage: {PROJECT}", PROJECT)


def test_startpagina_toont_het_project_ook_voor_de_controle(tmp_path):
    from generator.proposal.kinds import search_path
    from generator.web.workspace import Workspace, quick_entry

    shutil.copy(RAPPORTAGE, tmp_path / "rapportage.yaml")
    assert quick_entry(tmp_path, tmp_path / "rapportage.yaml", search_path()).onderwerp == PROJECT
    checked = Workspace(tmp_path, search_path())._entry(tmp_path / "rapportage.yaml")
    assert (checked.onderwerp, checked.problemen) == (PROJECT, 0)


def test_besluitenlijst_noemt_het_project(tmp_path):
    from generator.decisions.besluitenlijst import collect

    tekst = RAPPORTAGE.read_text(encoding="utf-8").replace(
        "besluiten: []", "besluiten:\n  - {orgaan: college, datum: 2022-06-14, uitkomst: conform}"
    )
    voorstel = _load(write(tmp_path, "rapportage.yaml", tekst))
    punten, niet_openbaar, _ = collect([voorstel], dt.date(2022, 6, 14), "college")
    assert [p.onderwerp for p in punten] == [PROJECT] and niet_openbaar == 0


# --- one library below the CLI and the editor --------------------------------------


def test_editor_nieuw_van_bestaand_is_nota_new_van(cli, tmp_path):
    """The editor's "nieuw van bestaand" writes what `nota new --van` writes (it wrote
    kenmerk 'invullen' for a kind whose kenmerk is optional, and kept the old $schema line)."""
    from generator.proposal.kinds import search_path
    from generator.web.meeting import _new
    from generator.web.workspace import Workspace

    shutil.copy(RAPPORTAGE, tmp_path / "2022.yaml")
    assert _new(Workspace(tmp_path, search_path()), {"naam": "2023", "van": "2022.yaml"}) == "2023.yaml"
    r = cli("new", "--van", tmp_path / "2022.yaml", "-o", tmp_path / "cli.yaml")
    assert r.exit_code == 0, r.output
    editor = (tmp_path / "2023.yaml").read_text(encoding="utf-8")
    assert editor == (tmp_path / "cli.yaml").read_text(encoding="utf-8")
    assert editor.startswith("# yaml-language-server: $schema=schema/voortgangsrapportage.schema.json\n")
    assert "kenmerk: invullen" not in editor and 'kenmerk: "invullen"' not in editor


def test_diff_exit_code_2_bij_een_onleesbaar_bestand(cli, tmp_path):
    kapot = write(tmp_path, "kapot.yaml", "soort: collegenota\nonderwerp: [\n")
    zonder = cli("diff", COLLEGENOTA, kapot)
    met = cli("diff", COLLEGENOTA, kapot, "--exit-code")
    assert (zonder.exit_code, met.exit_code) == (1, 2)
    assert f"{kapot}:" in met.stderr and "Traceback" not in met.output
    assert cli("diff", COLLEGENOTA, COLLEGENOTA, "--exit-code").exit_code == 0


def test_geen_exit_buiten_cli():
    """Library code raises (NotaFout, Exit); only cli.py ends the program."""
    root = Path(__file__).resolve().parent.parent / "generator"
    exits = re.compile(r"\bsys\.exit\(|\bSystemExit\b|\bctx\.exit\(|\bos\._exit\(")
    found = [
        f"{p.relative_to(root)}:{i}"
        for p in sorted(root.rglob("*.py"))
        if p.name != "cli.py" and p.name != "verify.py"  # issue 21 moves verify into decisions/
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if exits.search(line)
    ]
    assert found == []


def test_een_lege_marge_houdt_de_standaard(tmp_path):
    """`marges: {boven: ~}` gave a TypeError (None compared with 5 mm); mypy found it."""
    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel
    from generator.render import context, templating
    from generator.render.html import render_html

    templates = tmp_path / "huisstijl"
    (templates / "_gedeeld").mkdir(parents=True)
    (templates / "_gedeeld" / "huisstijl.yaml").write_text("marges: {boven: ~, links: 30}\n", encoding="utf-8")
    templating.html_env.cache_clear()
    voorstel = load_voorstel(COLLEGENOTA, search_path(templates))
    assert "@page{margin:24.0mm 20.0mm 22.0mm 30.0mm;}" in render_html(voorstel, context.build(voorstel))
