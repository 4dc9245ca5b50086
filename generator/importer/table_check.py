"""Never silently wrong: every imported table checked against what its source states.

The source states totals (a "Totaal" row, an amount on a "Subtotaal" row, a
row-total column); nota recomputes them from the rows it took over. A
mismatch, a column that was not taken over, or a cell that fits no column is
a problem; the importer marks it in the YAML and the command exits 1.
"""

from __future__ import annotations

from decimal import Decimal

from generator.proposal.formatting import bedrag as format_bedrag
from generator.proposal.formatting import parse_amount


def _amounts(waarde, n: int) -> list[Decimal | None]:
    values = list(waarde) if isinstance(waarde, list) else [waarde]
    return [_decimal(v) for v in (values + [None] * n)[:n]]


def _decimal(v) -> Decimal | None:
    if v is None or isinstance(v, (int, Decimal)):
        return None if v is None else Decimal(v)
    try:
        return parse_amount(str(v).rstrip("-").rstrip(",") if str(v).endswith(",-") else str(v))
    except ValueError:
        return None


def _sum(regels: list[dict], n: int) -> list[Decimal]:
    totals = [Decimal(0)] * n
    for r in regels:
        if "post" in r:
            totals = [t + (v or 0) for t, v in zip(totals, _amounts(r.get("bedrag"), n))]
    return totals


def _since_subtotal(regels: list[dict]) -> list[dict]:
    """The rows a subtotal adds up: those since the previous subtotal, as `nota check`
    computes it (generator.proposal.tables.compute)."""
    starts = [i for i, r in enumerate(regels) if "subtotaal" in r]
    return regels[starts[-1] + 1 :] if starts else regels


def _euro(d: Decimal) -> str:
    try:
        return format_bedrag(d)
    except Exception:  # the formatter's own limits: show the plain number
        return str(d)


def problems(
    tabel: dict,
    stated_subtotals: list[tuple[int, list]],
    row_totals: list[tuple[str, Decimal]],
    lost: list[str],
    unplaced: list[str],
) -> list[str]:
    """What does not add up, in Dutch, one line each."""
    n = len(tabel["kolommen"])
    out = [f"kolom '{k}' is niet overgenomen" for k in lost]
    out += [f"cel '{c}' past in geen kolom" for c in unplaced]
    out += _doubtful_rows(tabel["regels"])
    for index, stated in stated_subtotals:
        computed = _sum(_since_subtotal(tabel["regels"][:index]), n)
        for kolom, s, c in zip(tabel["kolommen"], _amounts(stated, n), computed):
            if s is not None and s != c:
                out.append(f"subtotaal {kolom}: de bron zegt {_euro(s)}, de regels erboven tellen op tot {_euro(c)}")
    if tabel.get("totaal") is not None:
        computed = _sum(tabel["regels"], n)
        for kolom, s, c in zip(tabel["kolommen"], _amounts(tabel["totaal"], n), computed):
            if s is not None and s != c:
                out.append(f"totaal {kolom}: de bron zegt {_euro(s)}, de regels tellen op tot {_euro(c)}")
    for post, stated_total in row_totals:
        regel = next((r for r in tabel["regels"] if r.get("post") == post), None)
        row_sum = sum((v or Decimal(0)) for v in _amounts(regel.get("bedrag"), n)) if regel else None
        if row_sum is not None and row_sum != stated_total:
            out.append(
                f"rijtotaal '{post}': de bron zegt {_euro(stated_total)}, de bedragen tellen op tot "
                f"{_euro(Decimal(row_sum))}"
            )
    return out


def _doubtful_rows(regels: list[dict]) -> list[str]:
    """Rows that are no amounts as read: years counting up (a header row of a table pdftotext broke up),
    or a value that is no whole number of euros ("€ 0,42" of a unit the import did not see)."""
    out = []
    for r in regels:
        bedrag = r.get("bedrag")
        waarden: list = bedrag if isinstance(bedrag, list) else [bedrag]
        if (
            len(waarden) > 1
            and all(isinstance(v, int) and 1900 <= v <= 2100 for v in waarden)
            and waarden[1] == waarden[0] + 1
        ):  # 2025, 2026, …
            out.append(f"regel '{r.get('post')}' bevat alleen jaartallen: waarschijnlijk de kop van de kolommen")
        elif any(isinstance(v, str) for v in waarden):
            out.append(
                f"regel '{r.get('post')}' heeft een bedrag dat geen heel aantal euro's is: controleer de eenheid"
            )
    return out


def headless(tabel: dict) -> str | None:
    """Several amount columns, none with a heading, after taking the columns of a table above it
    (tables.take_columns), and nothing else marked: which amount belongs where is a guess."""
    kolommen = tabel["kolommen"]
    if len(kolommen) < 2 or any(str(k) != "Bedrag" for k in kolommen) or tabel.get("_import"):
        return None
    return (
        f"tabel '{tabel['tabel']}': de {len(kolommen)} kolommen hebben geen kop: controleer welk bedrag bij welke "
        "kolom en welke regel hoort"
    )
