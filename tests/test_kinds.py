"""Kinds are data: every built-in kind loads, has an example that checks and
renders, and its templates ask only for what the context gives."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from jinja2 import meta, nodes

from conftest import PROPOSALS, ROOT, pdftotext, require_tool, write

KINDS = ["collegenota", "raadsvoorstel", "beantwoording", "voortgangsrapportage"]


def pdf_tekst(yaml_pad: Path, target: Path, search_path=None) -> str:
    """Validate, render to PDF at `doel` and return its text (spaces folded)."""
    from generator.render import context
    from generator.proposal.kinds import search_path as zp
    from generator.render.html import render_html
    from generator.render.pdf import render_pdf
    from generator.proposal.validate import load_voorstel

    voorstel = load_voorstel(yaml_pad, search_path or zp())
    render_pdf(voorstel, render_html(voorstel, context.build(voorstel)), target)
    return re.sub(r"[ \t]+", " ", pdftotext(target))


def docx_document(yaml_pad: Path, target: Path, search_path=None):
    """Validate, render to DOCX at `doel` and open it with python-docx."""
    from docx import Document
    from generator.render import context
    from generator.proposal.kinds import search_path as zp
    from generator.render.docx import render_docx
    from generator.proposal.validate import load_voorstel

    voorstel = load_voorstel(yaml_pad, search_path or zp())
    render_docx(voorstel, context.build(voorstel), target)
    return Document(target)


def docx_blokken(doc) -> list[tuple]:
    """The body in order: ("p", style, text, paragraph) or ("t", rows of cell texts, table)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []
    for el in doc.element.body.iterchildren():
        if el.tag.endswith("}p"):
            p = Paragraph(el, doc)
            out.append(("p", p.style.name, p.text, p))
        elif el.tag.endswith("}tbl"):
            t = Table(el, doc)
            out.append(("t", [[c.text for c in r.cells] for r in t.rows], t))
    return out


def tabelregels(pdf: Path) -> list[str]:
    """The PDF's lines in layout order, cells split where two or more spaces are."""
    out = subprocess.run(
        [require_tool("pdftotext"), "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [" | ".join(re.split(r"\s{2,}", r.strip())) for r in out.splitlines() if r.strip()]


def plat(tekst: str) -> str:
    """Every run of white space as one space: for sentences that wrap."""
    return " ".join(tekst.split())


def in_volgorde(tekst: str, parts: list[str]) -> None:
    positie = 0
    for part in parts:
        found = tekst.find(part, positie)
        assert found >= 0, f"{part!r} niet (na positie {positie}) gevonden"
        positie = found + len(part)


def preview(soort: str) -> Path:
    (path,) = PROPOSALS.glob(f"{soort}-*.yaml")
    return path


@pytest.mark.parametrize("soort", KINDS)
def test_elke_soort_heeft_een_voorbeeld_zonder_meldingen(soort, search_path):
    from generator.checks import run_checks
    from generator.proposal.validate import load_voorstel

    voorstel = load_voorstel(preview(soort), search_path)
    assert voorstel.soort.naam == soort
    assert voorstel.soort.map == ROOT / "templates" / soort
    assert [str(m) for m in run_checks(voorstel)] == []


@pytest.mark.parametrize("soort", KINDS)
def test_sjabloon_vraagt_alleen_wat_de_context_geeft(soort, search_path):
    from generator.render import context
    from generator.proposal.kinds import find_soort
    from generator.render.templating import html_env
    from generator.proposal.validate import load_voorstel

    kind = find_soort(soort, search_path)
    env = html_env(kind)
    gevraagd, te_lezen, gelezen = set(), [kind.html], set()
    while te_lezen:  # the kind's template and every template it extends or imports
        naam = te_lezen.pop()
        gelezen.add(naam)
        ast = env.parse(env.loader.get_source(env, naam)[0])
        imports = {n.target for n in ast.find_all(nodes.Import)}
        gevraagd |= meta.find_undeclared_variables(ast) - imports
        te_lezen += [t for t in meta.find_referenced_templates(ast) if t and t.endswith(".j2") and t not in gelezen]
    assert "document.html.j2" in gelezen and "macros.html.j2" in gelezen
    given = set(context.build(load_voorstel(preview(soort), search_path))) | {"sjabloon_url"}
    assert gevraagd <= given, gevraagd - given


@pytest.mark.parametrize("soort", KINDS)
def test_word_sjabloon_vraagt_alleen_wat_de_context_geeft(soort, search_path):
    from docxtpl import DocxTemplate
    from generator.render import context
    from generator.proposal.kinds import find_soort
    from generator.render.docx import template_context
    from generator.proposal.validate import load_voorstel

    kind = find_soort(soort, search_path)
    assert kind.docx == ROOT / "templates" / soort / f"{soort}.docx"
    gevraagd = DocxTemplate(str(kind.docx)).get_undeclared_template_variables()
    voorstel = load_voorstel(preview(soort), search_path)
    given = set(template_context(voorstel, context.build(voorstel), None))
    assert gevraagd and gevraagd <= given, gevraagd - given


@pytest.mark.slow  # renders every kind
def test_render_maakt_alle_vier_de_soorten(cli, tmp_path):
    r = cli("render", PROPOSALS, "-o", tmp_path)
    assert r.exit_code == 0, r.output
    assert len(list(tmp_path.glob("*.pdf"))) == len(KINDS)
    assert len(list(tmp_path.glob("*.docx"))) == len(KINDS)
    assert r.stderr.strip().endswith("4 voorstellen gemaakt")


def test_check_keurt_alle_voorbeelden_goed(cli):
    r = cli("check", PROPOSALS)
    assert r.exit_code == 0, r.output
    assert "4 in orde, 0 met fouten" in r.stderr


def test_soort_zonder_beslispunten_en_secties_geeft_lege_delen(search_path):
    from generator.render import context
    from generator.proposal.validate import load_voorstel

    ctx = context.build(load_voorstel(preview("beantwoording"), search_path))
    assert ctx["secties"] == [] and ctx["raadsbesluit"] is None and ctx["aspecten"] == []
    assert ctx["ondertekening"] is None and ctx["college_besluit"] is None
    assert ctx["titel"] == (
        "Beantwoording schriftelijke vragen: Schriftelijke vragen inzake het schrappen van cliëntadviseurs in de wijken"
    )
    assert ctx["auteur"] == "M. Peters"


def test_titel_valt_terug_op_project(search_path):
    from generator.render import context
    from generator.proposal.validate import load_voorstel

    ctx = context.build(load_voorstel(preview("voortgangsrapportage"), search_path))
    assert ctx["titel"] == "Voortgangsrapportage: Toegangen – doorontwikkeling sociale teams"


def test_kopvelden_met_deelveld_label_en_plaatshouder(search_path):
    from generator.render import context
    from generator.proposal.validate import load_voorstel

    kop = context.header_fields(load_voorstel(preview("beantwoording"), search_path))
    assert [(k.label, k.waarde) for k in kop] == [
        ("Onderwerp", "Schriftelijke vragen inzake het schrappen van cliëntadviseurs in de wijken"),
        ("Behandeld door", "M. Peters"),
        ("Datum", "23 december 2021"),
        ("Verzonden", "23 december 2021"),
        ("Telefoonnummer", "043 350 0000"),
        ("E-mailadres", "m.peters@example.nl"),
        ("Onze referentie", "2021.25825"),
        ("Uw referentie", "–"),
        ("Bijlagen", "–"),
    ]


def _kopie(tmp_path: Path, naam: str, kind_yaml: str | None = None) -> Path:
    target = tmp_path / "eigen" / naam
    shutil.copytree(ROOT / "templates" / "collegenota", target)
    if kind_yaml is not None:
        (target / "kind.yaml").write_text(kind_yaml, encoding="utf-8")
    return target.parent


def test_sjabloonnamen_zijn_data_met_terugval(tmp_path):
    from generator.proposal.kinds import builtin_templates, find_soort

    own = _kopie(tmp_path, "mijnnota")
    path = (own, builtin_templates())
    soort = find_soort("mijnnota", path)
    assert soort.html == "collegenota.html.j2"  # the only *.html.j2 in the folder
    tekst = (own / "mijnnota" / "kind.yaml").read_text(encoding="utf-8")
    (own / "mijnnota" / "kind.yaml").write_text(
        tekst + "\nsjablonen: {html: anders.html.j2, docx: anders.docx}\n", encoding="utf-8"
    )
    from generator.proposal.kinds import _load

    _load.cache_clear()  # kind.yaml changed on disk
    soort = find_soort("mijnnota", path)
    assert soort.html == "anders.html.j2" and soort.docx == own / "mijnnota" / "anders.docx"


def test_ontbrekend_sjabloon_is_een_nette_melding(tmp_path, cli):
    own = _kopie(tmp_path, "mijnnota")
    (own / "mijnnota" / "collegenota.html.j2").unlink()
    tekst = (PROPOSALS / "collegenota-sociale-teams-2021.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, "nota.yaml", tekst.replace("soort: collegenota", "soort: mijnnota"))
    r = cli("render", path, "-o", tmp_path / "uit", "--formaat", "pdf", "--templates", own)
    assert r.exit_code == 1
    assert f"{own / 'mijnnota'}: fout: sjabloon 'mijnnota.html.j2' ontbreekt" in r.stderr
    assert "Traceback" not in r.output
