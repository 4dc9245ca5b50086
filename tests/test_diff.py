"""`nota diff`: content changes of fields, beslispunten, texts and money; layout does not count."""

from conftest import DATA, PROPOSALS, write

OUD = DATA / "diff" / "sociale-teams-2020.yaml"
NIEUW = PROPOSALS / "collegenota-sociale-teams-2021.yaml"
FORMATTING = DATA / "diff" / "sociale-teams-2021-andere-opmaak.yaml"


def _vergelijk(search_path, a, b):
    from generator.diff.compare import compare
    from generator.proposal.validate import load_voorstel

    return compare(load_voorstel(a, search_path), load_voorstel(b, search_path))


def test_kopgegevens(search_path):
    v = _vergelijk(search_path, OUD, NIEUW)
    assert [(f.label, f.oud, f.nieuw) for f in v.velden] == [
        ("Onderwerp", "Continuering sociale teams 2020", "Continuering sociale teams 2021"),
        ("Kenmerk", "2020.00456", "2021.01234"),
        ("Datum", "21 januari 2020", "26 januari 2021"),
    ]


def test_beslispunten_gewijzigd_en_vervallen(search_path):
    v = _vergelijk(search_path, OUD, NIEUW)
    assert [p.status for p in v.punten] == ["gewijzigd", "gewijzigd", "vervallen"]
    assert ("-", "2020.") in v.punten[0].tekst.pieces and ("+", "2021.") in v.punten[0].tekst.pieces
    assert ("-", "421.358") in v.punten[1].tekst.pieces and ("+", "436.358") in v.punten[1].tekst.pieces


def test_tekst_per_sectie_op_woordniveau(search_path):
    v = _vergelijk(search_path, OUD, NIEUW)
    gewijzigd = [s for s in v.secties if not s.tekst.gelijk]
    assert [s.titel for s in gewijzigd] == ["Gewenste situatie"]
    assert ("+", "blijkt nog steeds") in gewijzigd[0].tekst.pieces


def test_tabelrijen_op_naam_met_kleine_hernoeming(search_path):
    from decimal import Decimal as D

    v = _vergelijk(search_path, OUD, NIEUW)
    kosten = v.tabellen[0]
    assert (kosten.oud_titel, kosten.titel) == ("Begroting 2020", "Begroting 2021")
    uren = kosten.rijen[0]
    assert (uren.status, uren.label, uren.oud_label) == (
        "gewijzigd",
        "Uitvoeringskosten – urenvergoedingen",
        "Uitvoeringskosten - urenvergoedingen extern",
    )
    assert (uren.oud, uren.nieuw, uren.verschil(0)) == ([D(356358)], [D(371358)], D(15000))
    assert round(uren.procent(0), 1) == D("4.2")
    assert [(r.status, r.label) for r in kosten.rijen if r.status in ("nieuw", "vervallen")] == [
        ("vervallen", "Training positieve gezondheid")
    ]
    totaal = kosten.rijen[-1]
    assert (totaal.label, totaal.oud, totaal.nieuw) == ("Totaal", [D(431358)], [D(436358)])


def test_opmaak_en_volgorde_tellen_niet(cli):
    r = cli("diff", NIEUW, FORMATTING, "--exit-code")
    assert r.exit_code == 0, r.output
    assert "Geen inhoudelijke verschillen." in r.stdout


def test_terminal_uitvoer_en_exitcode(cli):
    r = cli("diff", OUD, NIEUW)
    assert r.exit_code == 0
    assert "Onderwerp: Continuering sociale teams 2020 → Continuering sociale teams 2021" in r.stdout
    assert "~ 1. Een besluit tot continuering" in r.stdout and "[-2020.-]{+2021.+}" in r.stdout
    assert "- 3. [-De evaluatie van de sociale teams uit te stellen tot 2021.-]" in r.stdout
    assert "= Aanleiding: ongewijzigd" in r.stdout
    assert "€ 15.000" in r.stdout and "+4,2%" in r.stdout
    assert cli("diff", OUD, NIEUW, "--exit-code").exit_code == 1


def test_bestand_met_fouten(cli, tmp_path):
    tekst = NIEUW.read_text(encoding="utf-8").replace("datum: 2021-01-26", "datum: 2021-02-30")
    error = write(tmp_path, "fout.yaml", tekst)
    r = cli("diff", OUD, error)
    assert r.exit_code == 1
    assert f"{error}:8:8: fout: 2021-02-30 is geen bestaande datum" in r.stderr


def test_html_rapport(cli, tmp_path):
    r = cli("diff", OUD, NIEUW, "--html", tmp_path / "rapport.html")
    assert r.exit_code == 0, r.output
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "<del>2020.</del>" in html and "<ins>2021.</ins>" in html
    assert "<del>De evaluatie van de sociale teams uit te stellen tot 2021.</del>" in html
    assert "(was: Uitvoeringskosten - urenvergoedingen extern)" in html
    assert "http" not in html.replace("http-equiv", "")  # self-contained: no external assets
    assert "@media print" in html


def test_docx_met_bijgehouden_wijzigingen(cli, tmp_path):
    from docx import Document

    target = tmp_path / "wijzigingen.docx"
    r = cli("diff", OUD, NIEUW, "--docx", target)
    assert r.exit_code == 0, r.output
    body = Document(target).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    ins = ["".join(t.text for t in e.iter(f"{w}t")) for e in body.iter(f"{w}ins")]
    dels = ["".join(t.text for t in e.iter(f"{w}delText")) for e in body.iter(f"{w}del")]
    assert "2021." in ins and "2020." in dels
    assert "€\u00a0371.358" in ins and "€\u00a0356.358" in dels  # a no-break space after €
    assert "De evaluatie van de sociale teams uit te stellen tot 2021." in dels
    first = next(body.iter(f"{w}ins"))
    assert first.get(f"{w}author") == "nota diff" and first.get(f"{w}date").endswith("Z")
