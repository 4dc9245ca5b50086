"""Financial tables: subtotals, totals and row totals computed from the rows.

A subtotal is the sum of the posts since the previous subtotal (or the top);
the total is the sum of every post. Empty cells (null) count as nothing, and
a column with no amounts at all has no total.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .model import Tabel

POSTKOP = {"kosten": "Kosten", "dekking": "Dekking", "overig": "Post"}


@dataclass
class Rij:
    soort: str  # post | subtotaal | totaal
    label: str
    bedragen: list[Decimal | None]
    toelichting: str = ""
    rijtotaal: Decimal | None = None


@dataclass
class BerekendeTabel:
    titel: str
    rol: str
    kolommen: list[str]
    postkop: str
    toelichtingkop: str | None
    rijen: list[Rij]
    totaal: list[Decimal | None]
    opgegeven_totaal: list[Decimal | None] | None
    met_rijtotaal: bool
    subtotalen: list[Rij] = field(default_factory=list)

    @property
    def centen(self) -> bool:
        """Whether any amount has cents: then every amount shows them."""
        return any(b is not None and b != b.to_integral_value()
                   for r in self.rijen for b in r.bedragen + [r.rijtotaal])


def _som(waarden: list[Decimal | None]) -> Decimal | None:
    gegeven = [w for w in waarden if w is not None]
    return sum(gegeven, Decimal(0)) if gegeven else None


def _kolomsom(rijen: list[list[Decimal | None]], n: int) -> list[Decimal | None]:
    return [_som([r[i] for r in rijen]) for i in range(n)]


def bereken(tabel: Tabel) -> BerekendeTabel:
    n = len(tabel.kolommen)
    rijen: list[Rij] = []
    groep: list[list[Decimal | None]] = []
    alle: list[list[Decimal | None]] = []
    for regel in tabel.regels:
        if regel.subtotaal is not None:
            rijen.append(Rij("subtotaal", regel.subtotaal, _kolomsom(groep, n), regel.toelichting or ""))
            groep = []
            continue
        bedragen = regel.bedragen(n)
        groep.append(bedragen)
        alle.append(bedragen)
        rijen.append(Rij("post", regel.post or "", bedragen, regel.toelichting or ""))
    totaal = _kolomsom(alle, n)
    rijen.append(Rij("totaal", tabel.totaallabel, totaal))
    if tabel.rijtotaal:
        for rij in rijen:
            rij.rijtotaal = _som(rij.bedragen)
    return BerekendeTabel(
        titel=tabel.tabel,
        rol=tabel.rol,
        kolommen=[str(k) for k in tabel.kolommen],
        postkop=tabel.postkop or POSTKOP[tabel.rol],
        toelichtingkop=tabel.toelichting,
        rijen=rijen,
        totaal=totaal,
        opgegeven_totaal=_opgegeven(tabel, n),
        met_rijtotaal=tabel.rijtotaal,
        subtotalen=[r for r in rijen if r.soort == "subtotaal"],
    )


def _opgegeven(tabel: Tabel, n: int) -> list[Decimal | None] | None:
    if tabel.totaal is None:
        return None
    if isinstance(tabel.totaal, list):
        return list(tabel.totaal)
    return [tabel.totaal] + [None] * (n - 1)
