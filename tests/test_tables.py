"""Financial tables: subtotals, totals, multi-year columns, row totals."""

from decimal import Decimal as D

from generator.proposal.model import Tabel
from generator.proposal.tables import compute


def _tabel(**kw):
    return Tabel.model_validate({"tabel": "Begroting 2021", **kw})


def test_subtotaal_telt_de_posten_sinds_het_vorige_subtotaal():
    t = compute(
        _tabel(
            rol="kosten",
            regels=[
                {"post": "Uren", "bedrag": 371358},
                {"post": "Exploitatie", "bedrag": 40000},
                {"subtotaal": "Subtotaal"},
                {"post": "Werkbudget", "bedrag": 25000},
                {"subtotaal": "Subtotaal werkbudget"},
            ],
        )
    )
    assert [(r.soort, r.label, r.bedragen) for r in t.rijen] == [
        ("post", "Uren", [D(371358)]),
        ("post", "Exploitatie", [D(40000)]),
        ("subtotaal", "Subtotaal", [D(411358)]),
        ("post", "Werkbudget", [D(25000)]),
        ("subtotaal", "Subtotaal werkbudget", [D(25000)]),
        ("totaal", "Totaal", [D(436358)]),
    ]
    assert t.postkop == "Kosten"


def test_meerjarig_met_lege_cellen_en_rijtotaal():
    t = compute(
        _tabel(
            kolommen=[2020, 2021, 2022],
            rijtotaal=True,
            regels=[
                {"post": "Opleidingen", "bedrag": [180000, 20000, None]},
                {"post": "Huur", "bedrag": [20000, 20000, 20000]},
            ],
            totaal=[200000, 40000, 20000],
        )
    )
    assert t.kolommen == ["2020", "2021", "2022"]
    assert t.totaal == [D(200000), D(40000), D(20000)]
    assert [r.rijtotaal for r in t.rijen] == [D(200000), D(60000), D(260000)]
    assert t.stated_total == [D(200000), D(40000), D(20000)]


def test_kolom_zonder_bedragen_heeft_geen_totaal():
    t = compute(_tabel(kolommen=[2021, 2022], regels=[{"post": "A", "bedrag": [5, None]}]))
    assert t.totaal == [D(5), None]


def test_centen_alleen_waar_gegeven():
    assert not compute(_tabel(regels=[{"post": "A", "bedrag": 5}])).centen
    assert compute(_tabel(regels=[{"post": "A", "bedrag": "€ 5,50"}])).centen
