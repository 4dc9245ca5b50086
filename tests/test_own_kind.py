"""A municipality's own kind and house style, with no Python change: a copied
kind folder under another name, an override of a built-in kind, nota.toml,
and a house-style stylesheet."""

import shutil
from pathlib import Path

import pytest

from conftest import PROPOSALS, ROOT, pdftotext, write
from test_kinds import in_volgorde, plat

COLLEGENOTA = PROPOSALS / "collegenota-sociale-teams-2021.yaml"


@pytest.fixture
def own(tmp_path) -> Path:
    """templates/collegenota copied to <tmp>/huisstijl/mijnnota, one section renamed."""
    map_ = tmp_path / "huisstijl"
    shutil.copytree(ROOT / "templates" / "collegenota", map_ / "mijnnota")
    _hernoem(map_ / "mijnnota" / "kind.yaml", "titel: Gewenste situatie,", "titel: Wat wij willen bereiken,")
    return map_


def _hernoem(kind: Path, oud: str, nieuw: str) -> None:
    tekst = kind.read_text(encoding="utf-8")
    assert oud in tekst
    kind.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def _voorstel(tmp_path, soort: str) -> Path:
    tekst = COLLEGENOTA.read_text(encoding="utf-8").replace("soort: collegenota", f"soort: {soort}")
    return write(tmp_path, f"{soort}.yaml", tekst)


def _render(cli, path, out, *extra) -> str:
    r = cli("render", path, "-o", out, "--formaat", "pdf", *extra)
    assert r.exit_code == 0, r.output
    (pdf,) = out.glob("*.pdf")
    return plat(pdftotext(pdf))


def test_gekopieerde_soort_met_nieuwe_sectietitel(cli, tmp_path, own):
    path = _voorstel(tmp_path, "mijnnota")
    r = cli("check", path, "--templates", own)
    assert r.exit_code == 0, r.output
    tekst = _render(cli, path, tmp_path / "uit", "--templates", own)
    in_volgorde(
        tekst, ["2. Context", "3. Wat wij willen bereiken", "Voor 2022 is een bezuiniging", "4. Effect op duurzaamheid"]
    )
    assert "Gewenste situatie" not in tekst


def test_zonder_templates_is_de_soort_onbekend(cli, tmp_path):
    path = _voorstel(tmp_path, "mijnnota")
    r = cli("check", path)
    assert r.exit_code == 1
    assert (
        f"{path}:4:8: fout: onbekende soort 'mijnnota'; bekende soorten: beantwoording, "
        "collegenota, raadsvoorstel, voortgangsrapportage" in r.stderr
    )


@pytest.mark.slow  # renders both formats
def test_eigen_soort_gaat_voor_de_ingebouwde(cli, tmp_path, own):
    shutil.copytree(own / "mijnnota", own / "collegenota")
    tekst = _render(cli, COLLEGENOTA, tmp_path / "uit", "--templates", own)
    assert "3. Wat wij willen bereiken" in tekst
    tekst = _render(cli, COLLEGENOTA, tmp_path / "ingebouwd")
    assert "3. Gewenste situatie" in tekst


def test_nota_toml_wijst_de_map_aan(cli, tmp_path, own, monkeypatch):
    write(tmp_path, "nota.toml", 'templates = "huisstijl"\n')
    path = _voorstel(tmp_path, "mijnnota")
    monkeypatch.chdir(tmp_path)
    tekst = _render(cli, path, tmp_path / "uit")
    assert "3. Wat wij willen bereiken" in tekst


def test_huisstijl_css_en_eigen_gedeelde_sjablonen(tmp_path, own):
    """_gedeeld/huisstijl.css in the own folder restyles every kind; a shared
    template there replaces the built-in one."""
    from generator.render import context
    from generator.proposal.kinds import search_path
    from generator.render.html import render_html
    from generator.proposal.validate import load_voorstel

    (own / "_gedeeld").mkdir()
    write(own / "_gedeeld", "huisstijl.css", ":root { --accent: #007a3d; }\n")
    path = search_path(own)
    for preview in PROPOSALS.glob("*.yaml"):
        voorstel = load_voorstel(preview, path)
        html = render_html(voorstel, context.build(voorstel))
        assert html.index("--accent: #1f4e79") < html.index(":root { --accent: #007a3d; }")
    macros = (ROOT / "templates" / "_gedeeld" / "macros.html.j2").read_text(encoding="utf-8")
    write(
        own / "_gedeeld",
        "macros.html.j2",
        macros.replace('<p class="nvt">Niet van toepassing</p>', '<p class="nvt">N.v.t.</p>'),
    )
    voorstel = load_voorstel(_voorstel(tmp_path, "mijnnota"), path)
    html = render_html(voorstel, context.build(voorstel))
    assert '<p class="nvt">N.v.t.</p>' in html and "Niet van toepassing" not in html


@pytest.mark.slow  # renders both formats
def test_gekopieerde_soort_ook_in_word(cli, tmp_path, own):
    """The copied folder's collegenota.docx is found without a `sjablonen` key."""
    from docx import Document

    path = _voorstel(tmp_path, "mijnnota")
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "beide", "--templates", own)
    assert r.exit_code == 0, r.output
    (docx,) = (tmp_path / "uit").glob("*.docx")
    koppen = [p.text for p in Document(docx).paragraphs if p.style.name == "Heading 1"]
    assert "3. Wat wij willen bereiken" in koppen and "3. Gewenste situatie" not in koppen
    assert len(list((tmp_path / "uit").glob("*.pdf"))) == 1


def test_eigen_word_sjabloon_van_de_soort(cli, tmp_path, own):
    """A kind's own .docx is its house style: here a header text of its own."""
    from docx import Document

    template_ = own / "mijnnota" / "collegenota.docx"
    doc = Document(template_)
    kop = doc.sections[0].header.paragraphs[0]
    kop.runs[0].text = kop.runs[0].text.replace("{{ kopregel }}", "Huisstijl {{ kopregel }}")
    doc.save(template_)
    path = _voorstel(tmp_path, "mijnnota")
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "docx", "--templates", own)
    assert r.exit_code == 0, r.output
    (docx,) = (tmp_path / "uit").glob("*.docx")
    assert (
        Document(docx).sections[0].header.paragraphs[0].text.startswith("Huisstijl Gemeente Maastricht · Collegenota")
    )
