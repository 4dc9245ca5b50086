"""The held-out corpora zesde, zevende (content b, tests/import_content_b.py), achtste (content c,
tests/import_content_c.py) and negende (content d, tests/import_content_d.py) in tests/data/import/<stijl>/, made by
tests/make_import_corpus.py --stijlen: the committed files say
what their truth.json says, and the content adds up. These tests check the corpus, not the
importer: how the importer scores on them is bench/import_score.py's business (scored blind).
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
from collections import Counter

import pytest
from import_content_b import rows, truth
from import_styles_heldout import LETTERS, ROMEINS, STYLES, amount, lang
from make_import_corpus import OUT

DATA = OUT.parent


def _content(stijl: str):
    """The content module a style is made from (content b unless the style names another)."""
    return importlib.import_module(STYLES[stijl].get("content", "import_content_b"))


CASES = [(stijl, stem) for stijl in STYLES for stem in _content(stijl).DOCUMENTS]
CONTENTS = sorted({STYLES[stijl].get("content", "import_content_b") for stijl in STYLES})


def _docx_text(path) -> tuple[list[str], list[str]]:
    """(paragraphs of body, header and footer; table cells) of a .docx."""
    from docx import Document

    doc = Document(str(path))
    paragraphs = [p.text for p in doc.paragraphs]
    paragraphs += [p.text for s in doc.sections for p in (*s.header.paragraphs, *s.footer.paragraphs)]
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return paragraphs, cells


def _flat(tekst: str) -> str:
    return " ".join(tekst.split())


@pytest.mark.parametrize("module,stem", [(m, s) for m in CONTENTS for s in importlib.import_module(m).DOCUMENTS])
def test_tabellen_tellen_op(module, stem):
    """Every column adds up to its total; a subtotal is the sum of the rows above it."""
    for tabellen in importlib.import_module(module).DOCUMENTS[stem]["tabellen"].values():
        for t in tabellen:
            sums = [sum(bs[i] for _, bs in rows(t)) for i in range(len(t["kolommen"]))]
            assert sums == t["totaal"], t["titel"]
            for k, r in enumerate(t["regels"]):
                if isinstance(r, dict):
                    assert r["bedrag"] == [sum(x) for x in zip(*(bs for _, bs in t["regels"][:k]))]


def test_kosten_en_dekking_in_evenwicht():
    from import_content_b import DOCUMENTS as B

    kosten, dekking = B["collegevoorstel"]["tabellen"]["financien"]
    assert sum(kosten["totaal"]) == sum(dekking["totaal"]) == 7_440_000


def test_content_c_kosten_en_dekking_in_evenwicht():
    from import_content_c import DOCUMENTS as C

    kosten, dekking = C["collegeadvies"]["tabellen"]["financien"]
    assert sum(kosten["totaal"]) == sum(dekking["totaal"]) == 405_000
    investering = C["raadsvoorstel"]["tabellen"]["financiele_consequenties"][0]
    raming, derden, gemeente = investering["totaal"]
    assert raming == derden + gemeente == 3_400_000
    assert "€ 3.400.000" in C["raadsvoorstel"]["beslispunten"][0]


def test_content_c_is_een_ander_onderwerp():
    """Content c shares no onderwerp, kenmerk, beslispunt or table post with content b."""
    from import_content_b import DOCUMENTS as B
    from import_content_c import DOCUMENTS as C

    def woorden(docs: dict) -> set[str]:
        out = set()
        for d in docs.values():
            out |= {d["kop"]["onderwerp"], d["kop"]["kenmerk"], *d["beslispunten"]}
            out |= {post for ts in d["tabellen"].values() for t in ts for post, _ in rows(t)}
        return out

    assert not woorden(B) & woorden(C)


def test_content_d_geld_klopt_met_de_tekst():
    """Content d: parking yields a net benefit every year (negative totals); the investment, its cash
    schedule (years as rows, "Saldo" the difference) and the beslispunt name the same sum."""
    from import_content_d import DOCUMENTS as D

    exploitatie, invoering = D["collegeadvies"]["tabellen"]["financien"]
    assert all(t < 0 for t in exploitatie["totaal"]) and invoering["totaal"] == [64_000]
    raming, kasritme, _ = D["raadsvoorstel"]["tabellen"]["financiele_consequenties"]
    assert raming["totaal"][0] == kasritme["totaal"][0] == 9_850_000
    assert all(post.isdigit() for post, _ in rows(kasritme))
    assert "€ 9.850.000" in D["raadsvoorstel"]["beslispunten"][0]
    assert "€ 410.000" in " ".join(D["raadsvoorstel"]["secties"]["financiele_consequenties"])
    uitgaven, bijdrage, saldo = kasritme["totaal"]
    assert bijdrage == 410_000 and saldo == uitgaven - bijdrage
    assert all(r[2] == r[0] - r[1] for _, r in rows(kasritme))


def test_content_d_is_een_ander_onderwerp():
    """Content d shares no gemeente, onderwerp, kenmerk, beslispunt or table post with contents b and c."""
    from import_content_b import DOCUMENTS as B
    from import_content_c import DOCUMENTS as C
    from import_content_d import DOCUMENTS as D

    def woorden(docs: dict) -> set[str]:
        out = set()
        for d in docs.values():
            out |= {d["kop"]["gemeente"], d["kop"]["onderwerp"], d["kop"]["kenmerk"], *d["beslispunten"]}
            out |= {post for ts in d["tabellen"].values() for t in ts for post, _ in rows(t) if not post.isdigit()}
        return out

    assert not woorden(D) & (woorden(B) | woorden(C))


@pytest.mark.parametrize("stijl", list(STYLES))
def test_waarheid_is_de_inhoud(stijl):
    """The committed truth.json is its content's truth (regenerate after changing the content)."""
    committed = json.loads((DATA / stijl / "truth.json").read_text(encoding="utf-8"))
    documents = _content(stijl).DOCUMENTS
    assert committed == json.loads(json.dumps({stem: truth(doc) for stem, doc in documents.items()}))


@pytest.mark.parametrize(
    "euros,stijl,tekst",
    [
        (2150000, "zesde", "€ 2.150.000,-"),
        (-60000, "zesde", "-/- € 60.000,-"),
        (2150000, "zevende", "2.150"),
        (-60000, "zevende", "(60)"),
        (2100000, "achtste", "2.100.000"),
        (-8000, "achtste", "-8.000"),
        (53750, "achtste", "53.750"),
        (0, "achtste", "0"),
        (2100000, "negende", "€ 2.100.000"),
        (-8000, "negende", "€ -8.000"),
        (0, "negende", "€ 0"),
    ],
)
def test_bedrag_zoals_de_stijl_het_schrijft(euros, stijl, tekst):
    assert amount(euros, STYLES[stijl]) == tekst


@pytest.mark.parametrize("stijl,stem", CASES)
def test_word_bestand_zegt_wat_de_waarheid_zegt(stijl, stem):
    doc, style = _content(stijl).DOCUMENTS[stem], STYLES[stijl]
    paragraphs, cells = _docx_text(DATA / stijl / f"{stem}.docx")
    alles = "\n".join(paragraphs + cells)
    kop = doc["kop"]
    persoon = kop.get("steller") or kop["adviseur"]
    for waarde in (kop["onderwerp"], kop["kenmerk"], lang(kop["datum"]), kop["portefeuillehouder"], *persoon.values()):
        assert waarde in alles, waarde
    assert f"Gemeente {kop['gemeente']}" in alles
    for i, punt in enumerate(doc["beslispunten"], 1):
        nummer = {
            "dubbelepunt": f"{i}: ",
            "romeins": ROMEINS[i - 1] + ".\t",
            "letters": LETTERS[i - 1] + ".\t",
            "haakje": f"{i})\t",
        }[style["nummers"]]
        assert paragraphs.count(nummer + punt) == (2 if stem == "raadsvoorstel" else 1), punt  # and the raadsbesluit
    for sleutel, items in doc["secties"].items():
        assert any(p.endswith(style["titels"][sleutel]) for p in paragraphs), sleutel
        for item in items:
            assert (item[1] if isinstance(item, tuple) else item) in alles
    stated = [
        b
        for ts in doc["tabellen"].values()
        for t in ts
        for r in t["regels"]
        for b in (r["bedrag"] if isinstance(r, dict) else r[1])
    ]
    stated += [b for ts in doc["tabellen"].values() for t in ts for b in t["totaal"]]
    in_cells = Counter(
        c
        for c in cells
        if re.fullmatch(r"(-/- )?€ [\d.]+,-|\(?[\d.]+\)?|-?[\d.]+|€ -?[\d.]+", c)
        and not re.fullmatch(r"20\d\d|[\d.]+\.\d|[1-9]", c)
    )
    assert in_cells == Counter(amount(b, style) for b in stated)


@pytest.mark.parametrize("stijl,stem", CASES)
@pytest.mark.parametrize("ext", [".pdf", ".weasy.pdf"])
def test_pdf_heeft_de_punten_en_het_meubilair(stijl, stem, ext):
    """Both PDFs carry the running head, "Pagina 1 van N" and every beslispunt (as pdftotext reads it)."""
    tekst = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(DATA / stijl / f"{stem}{ext}"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    doc = _content(stijl).DOCUMENTS[stem]
    kop = doc["kop"]
    assert re.search(r"Pagina 1 van [2-5]\b", tekst)
    assert f"Gemeente {kop['gemeente']}" in tekst and kop["kenmerk"] in tekst
    for punt in doc["beslispunten"]:
        assert _flat(punt) in _flat(tekst), punt


ACHTSTE = DATA / "achtste"


@pytest.mark.parametrize("stem", ["collegeadvies", "raadsvoorstel"])
def test_achtste_kopstrook_en_tabellen(stem):
    """achtste's header is a strip of labels over their values; every money table states "Bedragen in €"
    in its corner cell; the headings are capitals, "RISICO’S" with a curly apostrophe."""
    from docx import Document
    from import_content_c import DOCUMENTS as C
    from import_styles_heldout import header_pairs
    from import_writers_heldout import strook_rows

    doc, style = C[stem], STYLES["achtste"]
    word = Document(str(ACHTSTE / f"{stem}.docx"))
    kop = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert kop == strook_rows(header_pairs(doc, style))
    assert kop[0] == ["Onderwerp", "Zaaknummer", "Datum"] and kop[1][0] == doc["kop"]["onderwerp"]
    geld = [t for t in word.tables[1:] if t.rows[0].cells[0].text == "Bedragen in €"]
    assert len(geld) == sum(len(ts) for ts in doc["tabellen"].values())
    paragraphs = [p.text for p in word.paragraphs]
    assert "BESLISPUNTEN" in paragraphs and style["intro"][doc["soort"]] in paragraphs
    if stem == "raadsvoorstel":
        assert "KANTTEKENINGEN EN RISICO\u2019S" in paragraphs
        assert ("Raadsvergadering", "17 december 2024") in header_pairs(doc, style)
        assert (
            "Vastgesteld in de openbare vergadering van de raad van de gemeente Westerbroek van 17 december 2024."
            in paragraphs
        )


def test_achtste_collegebesluit_als_zin():
    """The college's decision is a sentence at the end of the collegeadvies, in every format."""
    zin = "Het college van burgemeester en wethouders heeft op 10 december 2024 besloten conform advies."
    for ext in (".pdf", ".weasy.pdf"):
        tekst = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(ACHTSTE / f"collegeadvies{ext}"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert zin in _flat(tekst), ext
        assert "Pagina 1 van" in tekst
    txt = (ACHTSTE / "collegeadvies.txt").read_text(encoding="utf-8")
    assert zin in _flat(txt) and "BESLUIT COLLEGE" in txt
    assert (
        _flat(txt).index("BESLISPUNTEN")
        < _flat(txt).index("a. De Subsidieregeling")
        < _flat(txt).index("PROBLEEMSTELLING")
    )


NEGENDE = DATA / "negende"


def _pdftotext(path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize("stem", ["collegeadvies", "raadsvoorstel"])
def test_negende_kopregels_vragen_en_bedragen(stem):
    """negende's header is label lines "Label:<tab>waarde"; the headings are underlined questions; every
    amount cell carries the euro sign without ",-"; the points are numbered "1)" under "Voorstel"."""
    from docx import Document
    from import_styles_heldout import header_pairs

    doc, style = _content("negende").DOCUMENTS[stem], STYLES["negende"]
    word = Document(str(NEGENDE / f"{stem}.docx"))
    paragraphs = [p.text for p in word.paragraphs]
    for label, waarde in header_pairs(doc, style):
        assert f"{label}:\t{waarde}" in paragraphs, label
    assert "Geheimhouding:\tNee" in paragraphs
    onderstreept = {r.text for p in word.paragraphs for r in p.runs if r.underline and r.bold}
    assert {style["titels"][k] for k in doc["secties"]} <= onderstreept
    assert all(t.endswith("?") for t in onderstreept - {"Samenvatting", "Voorstel", "Toelichting"} if "esluit" not in t)
    assert "Voorstel" in paragraphs and style["intro"][doc["soort"]] in paragraphs
    assert f"1)\t{doc['beslispunten'][0]}" in paragraphs
    geld = [c.text for t in word.tables for r in t.rows[1:] for c in r.cells[1:] if c.text.startswith("€")]
    assert geld and all(re.fullmatch(r"€ -?\d{1,3}(\.\d{3})*", c) for c in geld)
    if stem == "raadsvoorstel":
        assert "Welke risico's zijn er?" in paragraphs
        assert "Raadsvergadering:\t10 maart 2025" in paragraphs
        assert "gezien het advies van de commissie Samenleving;" in paragraphs
        assert "Aldus besloten in de openbare raadsvergadering van 10 maart 2025." in paragraphs
        assert paragraphs.index("Raadsbesluit") > paragraphs.index("Hoe gaan we verder?")


def test_negende_collegebesluit_als_regel():
    """The college's decision is a dated line at the end of the advies, in every format, after the points."""
    regel = "Besluit B&W d.d. 21-01-2025: conform advies"
    for ext in (".pdf", ".weasy.pdf"):
        tekst = _pdftotext(NEGENDE / f"collegeadvies{ext}")
        assert regel in _flat(tekst), ext
        assert "Gemeente Lindewaard - Advies aan burgemeester en wethouders - kenmerk" in _flat(tekst), ext
    txt = _flat((NEGENDE / "collegeadvies.txt").read_text(encoding="utf-8"))
    assert regel in txt and "Besluit burgemeester en wethouders" in txt
    assert (
        txt.index("Voorstel")
        < txt.index("1) De Nota parkeernormen")
        < txt.index("Waarom dit advies?")
        < txt.index(regel)
    )
