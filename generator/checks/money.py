"""Money checks: cost and coverage tables balance, cited amounts exist in a table."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from generator.proposal import formatting as fmt
from generator.checks.registry import check, tabellen, warning
from generator.proposal.tables import ComputedTable, compute
from generator.proposal.validate import Voorstel

_AMOUNT_IN_TEXT = re.compile(r"€\s*(-?[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]{1,2}|,-)?|-?[0-9]+(?:,[0-9]{1,2})?)")


def _per_rol(voorstel: Voorstel, rol: str):
    return [(path, compute(t)) for path, t in tabellen(voorstel) if t.rol == rol]


@check
def kosten_and_dekking_balance(voorstel: Voorstel):
    kosten, dekking = _per_rol(voorstel, "kosten"), _per_rol(voorstel, "dekking")
    if not kosten or not dekking:
        return
    (_, k), (dpath, d) = kosten[0], dekking[0]
    by_row = _rows_as_columns(k, d)
    if by_row is not None:  # the coverage table has the cost table's columns (years) as its rows
        d = by_row
    elif len(k.kolommen) != len(d.kolommen):
        yield voorstel.bron.melding(
            dpath + ("kolommen",),
            (
                f"de dekkingstabel '{d.titel}' heeft {len(d.kolommen)} kolommen, de kostentabel "
                f"'{k.titel}' {len(k.kolommen)}; geef beide dezelfde kolommen"
            ),
        )
        return
    for i, (kt, dt) in enumerate(zip(k.totaal, d.totaal)):
        kt, dt = kt or Decimal(0), dt or Decimal(0)
        if kt != dt:
            column = f" in kolom {k.kolommen[i]}" if len(k.kolommen) > 1 else ""
            yield voorstel.bron.melding(
                dpath + ("tabel",),
                (
                    f"kosten en dekking sluiten niet{column}: '{k.titel}' telt op tot {fmt.bedrag(kt)}, "
                    f"'{d.titel}' tot {fmt.bedrag(dt)} (verschil {fmt.bedrag(kt - dt)})"
                ),
            )


def _rows_as_columns(k: ComputedTable, d: ComputedTable) -> ComputedTable | None:
    """The coverage table turned a quarter when its rows are the cost table's columns ("2025",
    "2026", … as rows, the sources as columns): its totals per row, in the cost table's order."""
    posts = {r.label.strip(): r for r in d.rijen if r.soort == "post"}
    if len(k.kolommen) < 2 or set(posts) != {str(c).strip() for c in k.kolommen}:
        return None
    totaal: list[Decimal | None] = [
        sum((b for b in posts[str(c).strip()].bedragen if b is not None), Decimal(0)) for c in k.kolommen
    ]
    return replace(d, kolommen=list(k.kolommen), totaal=totaal)


def amounts_in_text(tekst: str) -> list[tuple[str, Decimal]]:
    """Every "€ 474.788"-style amount in a text, with its value."""
    out = []
    for hit in _AMOUNT_IN_TEXT.finditer(tekst):
        try:
            out.append((hit.group(0), fmt.parse_amount(hit.group(0))))
        except ValueError:
            continue
    return out


def _table_amounts(voorstel: Voorstel) -> set[Decimal]:
    bedragen: set[Decimal] = set()
    for _, tabel in tabellen(voorstel):
        for row in compute(tabel).rijen:
            bedragen |= {b for b in row.bedragen + [row.rijtotaal] if b is not None}
    return bedragen


@check
def bedragen_in_beslispunten(voorstel: Voorstel):
    punten = voorstel.data.decision_points()
    if not punten or not any(True for _ in tabellen(voorstel)):
        return
    known = _table_amounts(voorstel)
    for i, item in enumerate(punten):
        for tekst, waarde in amounts_in_text(item):
            if waarde not in known:
                yield warning(
                    voorstel,
                    ("beslispunten", i),
                    (
                        f"beslispunt {i + 1} noemt {tekst}, maar dat bedrag staat in geen enkele tabel "
                        "(regel, subtotaal of totaal); controleer het bedrag of de tabellen"
                    ),
                )
