"""The held-out corpora zesde and zevende (tests/data/import/<stijl>/, made by
tests/make_import_corpus.py --stijlen from tests/import_content_b.py): the committed files say
what their truth.json says, and the content adds up. These tests check the corpus, not the
importer: how the importer scores on them is bench/import_score.py's business (scored blind).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter

import pytest
from import_content_b import DOCUMENTS, rows, truth
from import_styles_heldout import STYLES, amount, lang
from make_import_corpus import OUT

DATA = OUT.parent
CASES = [(stijl, stem) for stijl in STYLES for stem in DOCUMENTS]


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


@pytest.mark.parametrize("stem", list(DOCUMENTS))
def test_tabellen_tellen_op(stem):
    """Every column adds up to its total; a subtotal is the sum of the rows above it."""
    for tabellen in DOCUMENTS[stem]["tabellen"].values():
        for t in tabellen:
            sums = [sum(bs[i] for _, bs in rows(t)) for i in range(len(t["kolommen"]))]
            assert sums == t["totaal"], t["titel"]
            for k, r in enumerate(t["regels"]):
                if isinstance(r, dict):
                    assert r["bedrag"] == [sum(x) for x in zip(*(bs for _, bs in t["regels"][:k]))]


def test_kosten_en_dekking_in_evenwicht():
    kosten, dekking = DOCUMENTS["collegevoorstel"]["tabellen"]["financien"]
    assert sum(kosten["totaal"]) == sum(dekking["totaal"]) == 7_440_000


@pytest.mark.parametrize("stijl", list(STYLES))
def test_waarheid_is_de_inhoud(stijl):
    """The committed truth.json is content b's truth (regenerate after changing the content)."""
    committed = json.loads((DATA / stijl / "truth.json").read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps({stem: truth(doc) for stem, doc in DOCUMENTS.items()}))


@pytest.mark.parametrize(
    "euros,stijl,tekst",
    [
        (2150000, "zesde", "€ 2.150.000,-"),
        (-60000, "zesde", "-/- € 60.000,-"),
        (2150000, "zevende", "2.150"),
        (-60000, "zevende", "(60)"),
    ],
)
def test_bedrag_zoals_de_stijl_het_schrijft(euros, stijl, tekst):
    assert amount(euros, STYLES[stijl]) == tekst


@pytest.mark.parametrize("stijl,stem", CASES)
def test_word_bestand_zegt_wat_de_waarheid_zegt(stijl, stem):
    doc, style = DOCUMENTS[stem], STYLES[stijl]
    paragraphs, cells = _docx_text(DATA / stijl / f"{stem}.docx")
    alles = "\n".join(paragraphs + cells)
    kop = doc["kop"]
    persoon = kop.get("steller") or kop["adviseur"]
    for waarde in (kop["onderwerp"], kop["kenmerk"], lang(kop["datum"]), kop["portefeuillehouder"], *persoon.values()):
        assert waarde in alles, waarde
    assert f"Gemeente {kop['gemeente']}" in alles
    for i, punt in enumerate(doc["beslispunten"], 1):
        nummer = f"{i}: " if style["nummers"] == "dubbelepunt" else ("I", "II", "III", "IV")[i - 1] + ".\t"
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
        if re.fullmatch(r"(-/- )?€ [\d.]+,-|\(?[\d.]+\)?", c) and not re.fullmatch(r"20\d\d|[\d.]+\.\d|\d", c)
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
    kop = DOCUMENTS[stem]["kop"]
    assert re.search(r"Pagina 1 van [2-5]\b", tekst)
    assert f"Gemeente {kop['gemeente']}" in tekst and kop["kenmerk"] in tekst
    for punt in DOCUMENTS[stem]["beslispunten"]:
        assert _flat(punt) in _flat(tekst), punt
