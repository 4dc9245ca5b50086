"""Financial tables: subtotals, totals and row totals computed from the rows.

A subtotal is the sum of the posts since the previous subtotal (or the top);
the total is the sum of every post. Empty cells (null) count as nothing, and
a column with no amounts at all has no total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

from generator.proposal.model import Tabel

POSTKOP = {"kosten": "Kosten", "dekking": "Dekking", "overig": "Post"}


@dataclass
class Row:
    soort: str  # post | subtotaal | totaal
    label: str
    bedragen: list[Decimal | None]
    toelichting: str = ""
    rijtotaal: Decimal | None = None


@dataclass
class ComputedTable:
    titel: str
    rol: str
    kolommen: list[str]
    postkop: str
    toelichtingkop: str | None
    rijen: list[Row]
    totaal: list[Decimal | None]
    stated_total: list[Decimal | None] | None
    met_rijtotaal: bool
    subtotals: list[Row] = field(default_factory=list)

    @cached_property  # asked for every amount of the table: once, not once per cell
    def centen(self) -> bool:
        """Whether any amount has cents: then every amount shows them."""
        return any(b is not None and b != b.to_integral_value() for r in self.rijen for b in r.bedragen + [r.rijtotaal])


def _sum(values: list[Decimal | None]) -> Decimal | None:
    given = [w for w in values if w is not None]
    return sum(given, Decimal(0)) if given else None


def _column_sum(rijen: list[list[Decimal | None]], n: int) -> list[Decimal | None]:
    return [_sum([r[i] for r in rijen]) for i in range(n)]


def compute(tabel: Tabel) -> ComputedTable:
    n = len(tabel.kolommen)
    rijen: list[Row] = []
    group: list[list[Decimal | None]] = []
    everything: list[list[Decimal | None]] = []
    for regel in tabel.regels:
        if regel.subtotaal is not None:
            rijen.append(Row("subtotaal", regel.subtotaal, _column_sum(group, n), regel.toelichting or ""))
            group = []
            continue
        bedragen = regel.bedragen(n)
        group.append(bedragen)
        everything.append(bedragen)
        rijen.append(Row("post", regel.post or "", bedragen, regel.toelichting or ""))
    totaal = _column_sum(everything, n)
    rijen.append(Row("totaal", tabel.totaallabel, totaal))
    if tabel.rijtotaal:
        for row in rijen:
            row.rijtotaal = _sum(row.bedragen)
    return ComputedTable(
        titel=tabel.tabel,
        rol=tabel.rol,
        kolommen=[str(k) for k in tabel.kolommen],
        postkop=tabel.postkop or POSTKOP[tabel.rol],
        toelichtingkop=tabel.toelichting,
        rijen=rijen,
        totaal=totaal,
        stated_total=_stated(tabel, n),
        met_rijtotaal=tabel.rijtotaal,
        subtotals=[r for r in rijen if r.soort == "subtotaal"],
    )


def _stated(tabel: Tabel, n: int) -> list[Decimal | None] | None:
    if tabel.totaal is None:
        return None
    if isinstance(tabel.totaal, list):
        return list(tabel.totaal)
    return [tabel.totaal] + [None] * (n - 1)
