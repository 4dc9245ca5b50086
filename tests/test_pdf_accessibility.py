"""PDF accessibility (issue 13, items 11-17): the structure tree as pikepdf and
poppler see it, for every kind, concept and final, and the besluitenlijst."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest
from click.testing import CliRunner
from pikepdf import Array, Dictionary, Name

from conftest import PROPOSALS, pdftotext, write

pytestmark = pytest.mark.slow  # renders every kind, decided and not, and checks its structure

KINDS = ("beantwoording", "collegenota", "raadsvoorstel", "voortgangsrapportage")


def nota(*args):
    from generator.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], prog_name="nota", catch_exceptions=False)


def example(kind: str) -> str:
    return next(PROPOSALS.glob(f"{kind}-*.yaml")).read_text(encoding="utf-8")


def render(path, out, *args):
    r = nota("render", path, "-o", out, "--formaat", "pdf", *args)
    assert r.exit_code == 0, r.output
    return next(out.glob("*.pdf")), r


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Every kind's example as concept, and decided (final), and a besluitenlijst."""
    base = tmp_path_factory.mktemp("toegankelijk")
    out = {}
    for kind in KINDS:
        path = write(base, f"{kind}.yaml", example(kind))
        out[kind], _ = render(path, base / kind)
        datum = "2022-01-10"  # after every example's own date
        assert (
            nota(
                "decide",
                path,
                "--orgaan",
                "college",
                "--datum",
                datum,
                "--uitkomst",
                "conform",
                "--besluitnummer",
                f"B-{kind}",
            ).exit_code
            == 0
        )
        out[f"{kind} definitief"], _ = render(path, base / f"{kind}-definitief", "--bron")
    r = nota("besluitenlijst", base, "--datum", "2022-01-10", "-o", base / "lijst")
    assert r.exit_code == 0, r.output
    out["besluitenlijst"] = base / "lijst" / "besluitenlijst-college-2022-01-10.pdf"
    return out


def elements(doc):
    """Every structure element reachable from the StructTreeRoot."""
    stack, seen = [doc.Root.StructTreeRoot], set()
    while stack:
        node = stack.pop()
        if isinstance(node, Array):
            stack.extend(node)
            continue
        if not isinstance(node, Dictionary) or node.objgen in seen:
            continue
        seen.add(node.objgen)
        if Name.S in node:
            yield node
        if Name.K in node:
            stack.append(node.K)


def marked_content_outside_tree(doc) -> dict[str, int]:
    """Per tag, the marked content on the pages that no element in the tree owns."""
    owned = set()
    for element in elements(doc):
        kids = element.K if isinstance(element.K, Array) else [element.K]
        for kid in kids:
            if isinstance(kid, int):
                owned.add((element.Pg.objgen, int(kid)))
            elif isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.MCR:
                owned.add((kid.get(Name.Pg, element.get(Name.Pg)).objgen, int(kid.MCID)))
    outside: dict[str, int] = {}
    for page in doc.pages:
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) not in ("BDC", "BMC") or operands[0] == Name.Artifact:
                continue
            props = operands[1] if len(operands) > 1 else None
            mcid = props.get(Name.MCID) if isinstance(props, Dictionary) else None
            if mcid is None or (page.objgen, int(mcid)) not in owned:
                outside[str(operands[0])] = outside.get(str(operands[0]), 0) + 1
    return outside


def struct_text(pdf) -> str:
    """The structure tree with its text, as poppler reads it."""
    return subprocess.run(["pdfinfo", "-struct-text", str(pdf)], check=True, capture_output=True, text=True).stdout


ALL = KINDS + tuple(f"{k} definitief" for k in KINDS) + ("besluitenlijst",)


@pytest.mark.parametrize("naam", ALL)
def test_geen_gemarkeerde_inhoud_buiten_de_structuur(pdfs, naam):
    with pikepdf.open(pdfs[naam]) as doc:
        assert marked_content_outside_tree(doc) == {}
        artifacts = [
            ops
            for page in doc.pages
            for ops, op in pikepdf.parse_content_stream(page)
            if str(op) == "BDC" and ops[0] == Name.Artifact
        ]
        assert any(ops[1].get(Name.Type) == Name.Pagination for ops in artifacts)
    # the running head and the page numbers are on the page, not in the tree
    assert "pagina 1 van" in pdftotext(pdfs[naam])
    assert "pagina 1 van" not in struct_text(pdfs[naam])


@pytest.mark.parametrize("kind", KINDS)
def test_conceptmerk_is_geen_tekst_voor_een_schermlezer(pdfs, kind):
    assert "CONCEPT" not in struct_text(pdfs[kind])
    with pikepdf.open(pdfs[kind]) as doc:  # the mark is drawn: the page background pattern
        assert all("/Pattern" in page.Resources for page in doc.pages)


@pytest.mark.parametrize("naam", ALL)
def test_tabelkoppen_met_scope_headers_en_idtree(pdfs, naam):
    with pikepdf.open(pdfs[naam]) as doc:
        alle = list(elements(doc))
        th = [e for e in alle if e.S == Name.TH]
        td = [e for e in alle if e.S == Name.TD]
        assert [e for e in th if e.A.get(Name.Scope) not in (Name.Column, Name.Row)] == []
        assert [e for e in td if Name.Headers in e.A and len(e.A.Headers) == 0] == []
        ids = {bytes(e.ID) for e in alle if Name.ID in e}
        if ids or naam.startswith("beantwoording"):
            names = doc.Root.StructTreeRoot.IDTree.Names if ids else []
            assert {bytes(n) for n in names[::2]} == ids
            assert all(
                isinstance(names[i + 1], Dictionary) and bytes(names[i + 1].ID) == bytes(names[i])
                for i in range(0, len(names), 2)
            )


def test_kopvelden_verwijzen_naar_hun_eigen_label(pdfs):
    tekst = struct_text(pdfs["raadsvoorstel"])
    # 'Portefeuillehouder' is the row header of 'Tjitske Biersteker-Giljou', and of nothing else
    blok = re.search(
        r'TH <([^>]+)>:\s+/Scope /Row\s+Span \(inline\)\s+"Portefeuillehouder"\s+'
        r'TD:\s+/Headers \[\(([^)]+)\)\]\s+Span \(inline\)\s+"Tjitske',
        tekst,
    )
    assert blok and blok.group(1) == blok.group(2)
    assert "/Headers []" not in tekst
    assert re.search(r'TH <[^>]+>:\s+/Scope /Column\s+Span \(inline\)\s+"Kosten"', tekst)


@pytest.mark.parametrize("kind", KINDS)
def test_elke_soort_heeft_een_h1(pdfs, kind):
    with pikepdf.open(pdfs[kind]) as doc:
        assert any(e.S == Name.H1 for e in elements(doc))


def test_brief_bladwijzers_beginnen_bij_de_titel(pdfs):
    with pikepdf.open(pdfs["beantwoording"]) as doc, doc.open_outline() as outline:
        top = [i.title for i in outline.root]
        assert top == ["Schriftelijke vragen inzake het schrappen van cliëntadviseurs in de wijken"]
        assert [i.title for i in outline.root[0].children][:2] == ["Vraag 1", "Vraag 2"]


def test_voortgangsrapportage_metadata_en_bladwijzers(pdfs, tmp_path):
    with pikepdf.open(pdfs["voortgangsrapportage"]) as doc, doc.open_outline() as outline:
        info = doc.docinfo
        assert str(info.Keywords) == "voortgangsrapportage, Maastricht"
        assert str(info.Subject) == "Voortgangsrapportage 2022.00311, concept"
        assert str(info.Author) == "College van B&W"
        aspecten = [i for i in outline.root[0].children if i.title == "Voortgang per aspect"][0]
        assert [i.title for i in aspecten.children] == [
            "Scope",
            "Financiën",
            "Risico's en kansen",
            "Planning",
            "Communicatie",
        ]
    kaal = example("voortgangsrapportage").replace("gemeente: Maastricht\n", "").replace('kenmerk: "2022.00311"\n', "")
    pdf, _ = render(write(tmp_path, "vg.yaml", kaal), tmp_path / "uit")
    with pikepdf.open(pdf) as doc:
        assert str(doc.docinfo.Keywords) == "voortgangsrapportage"
        assert str(doc.docinfo.Subject) == "Voortgangsrapportage, concept"
        assert str(doc.docinfo.Author) == "College van B&W"


def test_bron_staat_eenmaal_in_af_als_yaml(pdfs):
    with pikepdf.open(pdfs["collegenota definitief"]) as doc:
        assert str(doc.docinfo.Subject) == "Collegenota 2021.01234"  # final: no ', concept'
        af = doc.Root.AF
        assert len(af) == 1
        assert str(af[0].UF) == "collegenota.yaml" and af[0].AFRelationship == Name.Source
        assert af[0].EF.F.Subtype == Name("/application/yaml")
        assert doc.open_metadata().pdfa_status == "3A"


def _bijlage(path, pdfa: bool) -> None:
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        if pdfa:
            with pdf.open_metadata() as meta:
                meta["pdfaid:part"] = "2"
                meta["pdfaid:conformance"] = "B"
        pdf.save(path)


@pytest.mark.parametrize("pdfa", [False, True])
def test_bijlage_zonder_pdfa_maakt_het_geheel_geen_pdfa(tmp_path, pdfa):
    _bijlage(tmp_path / "plan.pdf", pdfa)
    tekst = re.sub(
        r"bijlagen:\n(  - .*\n)+",
        "bijlagen:\n  - {titel: Uitvoeringsplan, bestand: plan.pdf}\n",
        example("raadsvoorstel"),
    )
    path = write(tmp_path, "raad.yaml", tekst)
    assert nota("decide", path, "--orgaan", "college", "--datum", "2020-03-03", "--uitkomst", "conform").exit_code == 0
    pdf, r = render(path, tmp_path / "uit")
    melding = (
        f"{path}: waarschuwing: bijlage 'plan.pdf' is geen PDF/A; het definitieve document is "
        "daarom niet als PDF/A gemarkeerd: maak de bijlage eerst PDF/A (met ingebedde "
        "lettertypen en tags) en maak het document opnieuw"
    )
    with pikepdf.open(pdf) as doc:
        if pdfa:
            assert doc.open_metadata().pdfa_status == "2A"
            assert melding not in r.stderr
        else:
            assert doc.open_metadata().pdfa_status == ""
            assert melding in r.stderr
        assert marked_content_outside_tree(doc) == {}


@pytest.mark.parametrize(
    "inhoud",
    [
        b"/Span <</MCID 0>> BDC BT ET EMC /P <</MCID 1>> BDC BT ET EMC",  # as WeasyPrint writes it
        b"/Span <</Lang (nl) /MCID 0>> BDC BT ET EMC /P<</MCID 1>>BDC BT ET EMC",  # any other shape
    ],
)
def test_inhoud_buiten_de_boom_wordt_artefact(inhoud):
    """complete_tags on a hand-made PDF: MCID 0 has no element in the tree, MCID 1 has."""
    import io

    from generator.render.pdf_tags import complete_tags

    with pikepdf.new() as doc:
        doc.add_blank_page()
        page = doc.pages[0]
        page.obj.Contents = doc.make_stream(inhoud)
        page.obj.StructParents = 0
        p = doc.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, K=Array([1]), Pg=page.obj))
        los = doc.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Span, K=Array([0]), Pg=page.obj))
        root = doc.make_indirect(
            Dictionary(Type=Name.StructTreeRoot, K=Array([p]), ParentTree=Dictionary(Nums=Array([0, Array([los, p])])))
        )
        p.P = root
        doc.Root.StructTreeRoot = root
        buffer = io.BytesIO()
        doc.save(buffer)
    with pikepdf.open(io.BytesIO(complete_tags(buffer.getvalue()))) as doc:
        operators = [(list(ops), str(op)) for ops, op in pikepdf.parse_content_stream(doc.pages[0]) if str(op) == "BDC"]
        assert operators[0][0][0] == Name.Artifact and operators[0][0][1].Type == Name.Pagination
        assert operators[1][0][0] == Name.P and operators[1][0][1].MCID == 1
        nums = doc.Root.StructTreeRoot.ParentTree.Nums[1]
        assert nums[0] is None and nums[1].S == Name.P
        assert marked_content_outside_tree(doc) == {}


def test_lange_tabel_in_rijgroepen_met_vaste_kolommen(tmp_path):
    """Issue 16.5: a table of 1,000 rows is laid out in row groups of 40 (WeasyPrint lays
    out one group again on every page: quadratic) with fixed column widths, and stays a
    table with headers on every page."""

    from generator.proposal.kinds import search_path
    from generator.proposal.validate import load_voorstel
    from generator.render import context
    from generator.render.html import render_html

    bron = example("collegenota")
    begin = bron.index("    - tabel: Dekking 2021")
    eind = bron.index("      totaal: 436358\n", begin) + len("      totaal: 436358\n")
    regels = "".join(f"        - {{post: Post {i}, bedrag: {436358 - 999 if i == 0 else 1}}}\n" for i in range(1000))
    bron = (
        bron[:begin]
        + (
            "    - tabel: Dekking 2021\n      rol: dekking\n      postkop: Budget\n      regels:\n"
            + regels
            + "      totaal: 436358\n"
        )
        + bron[eind:]
    )
    path = write(tmp_path, "groot.yaml", bron)
    voorstel = load_voorstel(path, search_path())
    html = render_html(voorstel, context.build(voorstel))
    tabel = html[html.index('<table class="financieel rol-dekking lang">') :]
    tabel = tabel[: tabel.index("</table>")]
    assert tabel.count("<tbody>") == 26 and tabel.count("<tr") == 1 + 1001  # 1,000 rows and the total
    pdf, _ = render(path, tmp_path / "uit")
    with pikepdf.open(pdf) as doc:
        alle = list(elements(doc))
        tabellen = [t for t in alle if t.S == Name.Table]
        scopes = [{th.A.Scope for th in elements_under(t, Name.TH)} for t in tabellen]
        # the header block (row headers) and the two tables of the nota (issue 25: the long
        # table is one /Table over its 20-odd pages, its header row once, repeated as artifact)
        assert len(doc.pages) > 20 and sorted(scopes, key=str) == [{Name.Column}, {Name.Column}, {Name.Row}]
        lang = max(tabellen, key=lambda t: len(list(elements_under(t, Name.TR))))
        assert len(list(elements_under(lang, Name.TR))) == 1 + 1001
        assert len(list(elements_under(lang, Name.THead))) == 1
        assert marked_content_outside_tree(doc) == {}


def elements_under(element, tag):
    stack = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, Array):
            stack.extend(node)
        elif isinstance(node, Dictionary) and Name.S in node:
            if node.S == tag:
                yield node
            if Name.K in node:
                stack.append(node.K)


def test_getagde_bijlage_hangt_in_de_structuur(pdfs, tmp_path):
    """A tagged bijlage (here: the collegenota's own PDF) keeps its tags: its tree hangs
    under the document's, with unique IDs, and the final stays byte-for-byte stable."""
    import shutil

    shutil.copy(pdfs["collegenota"], tmp_path / "plan.pdf")
    tekst = re.sub(
        r"bijlagen:\n(  - .*\n)+",
        "bijlagen:\n  - {titel: Uitvoeringsplan, bestand: plan.pdf}\n",
        example("raadsvoorstel"),
    )
    path = write(tmp_path, "raad.yaml", tekst)
    assert nota("decide", path, "--orgaan", "college", "--datum", "2020-03-03", "--uitkomst", "conform").exit_code == 0
    pdf, _ = render(path, tmp_path / "uit")
    again, _ = render(path, tmp_path / "nog een keer")
    assert pdf.read_bytes() == again.read_bytes()
    with pikepdf.open(pdf) as doc:
        assert marked_content_outside_tree(doc) == {}
        pages = {p.objgen for p in doc.pages}
        alle = list(elements(doc))
        assert all(e.Pg.objgen in pages for e in alle if Name.Pg in e)
        ids = [bytes(e.ID) for e in alle if Name.ID in e]
        names = doc.Root.StructTreeRoot.IDTree.Names
        assert len(set(ids)) == len(ids) == len(names) // 2 and any(i.startswith(b"bijlage1-") for i in ids)
    assert "Continuering sociale teams 2021" in struct_text(pdf)
