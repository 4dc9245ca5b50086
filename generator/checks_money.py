"""Money checks: cost and coverage tables balance, cited amounts exist in a table."""
from __future__ import annotations

import re
from decimal import Decimal

from . import formatting as fmt
from .checks import check, tabellen, waarschuwing
from .tables import bereken
from .validate import Voorstel

_BEDRAG_IN_TEKST = re.compile(r"€\s*(-?[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]{1,2}|,-)?|-?[0-9]+(?:,[0-9]{1,2})?)")


def _per_rol(voorstel: Voorstel, rol: str):
    return [(pad, bereken(t)) for pad, t in tabellen(voorstel) if t.rol == rol]


@check
def kosten_en_dekking_sluiten(voorstel: Voorstel):
    kosten, dekking = _per_rol(voorstel, "kosten"), _per_rol(voorstel, "dekking")
    if not kosten or not dekking:
        return
    (kpad, k), (dpad, d) = kosten[0], dekking[0]
    if len(k.kolommen) != len(d.kolommen):
        yield voorstel.bron.melding(dpad + ("kolommen",), (
            f"de dekkingstabel '{d.titel}' heeft {len(d.kolommen)} kolommen, de kostentabel "
            f"'{k.titel}' {len(k.kolommen)}; geef beide dezelfde kolommen"))
        return
    for i, (kt, dt) in enumerate(zip(k.totaal, d.totaal)):
        kt, dt = kt or Decimal(0), dt or Decimal(0)
        if kt != dt:
            kolom = f" in kolom {k.kolommen[i]}" if len(k.kolommen) > 1 else ""
            yield voorstel.bron.melding(dpad + ("tabel",), (
                f"kosten en dekking sluiten niet{kolom}: '{k.titel}' telt op tot {fmt.bedrag(kt)}, "
                f"'{d.titel}' tot {fmt.bedrag(dt)} (verschil {fmt.bedrag(kt - dt)})"))


def bedragen_in_tekst(tekst: str) -> list[tuple[str, Decimal]]:
    """Every "€ 474.788"-style amount in a text, with its value."""
    uit = []
    for treffer in _BEDRAG_IN_TEKST.finditer(tekst):
        try:
            uit.append((treffer.group(0), fmt.parse_bedrag(treffer.group(0))))
        except ValueError:
            continue
    return uit


def _tabelbedragen(voorstel: Voorstel) -> set[Decimal]:
    bedragen: set[Decimal] = set()
    for _, tabel in tabellen(voorstel):
        for rij in bereken(tabel).rijen:
            bedragen |= {b for b in rij.bedragen + [rij.rijtotaal] if b is not None}
    return bedragen


@check
def bedragen_in_beslispunten(voorstel: Voorstel):
    punten = getattr(voorstel.data, "beslispunten", None) or []
    if not punten or not any(True for _ in tabellen(voorstel)):
        return
    bekend = _tabelbedragen(voorstel)
    for i, punt in enumerate(punten):
        for tekst, waarde in bedragen_in_tekst(punt):
            if waarde not in bekend:
                yield waarschuwing(voorstel, ("beslispunten", i), (
                    f"beslispunt {i + 1} noemt {tekst}, maar dat bedrag staat in geen enkele tabel "
                    "(regel, subtotaal of totaal); controleer het bedrag of de tabellen"))
