"""Checks beyond the schema: what a controller or reviewer would catch.

Each check is a function `(voorstel) -> iterable of Melding`, registered
with @check. They run on a validated proposal, so the data has its types.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from . import formatting as fmt
from .errors import WAARSCHUWING, Melding
from .model import Tabel, is_leeg
from .tables import bereken
from .validate import Voorstel

CHECKS: list[Callable[[Voorstel], Iterable[Melding]]] = []


def check(functie):
    CHECKS.append(functie)
    return functie


def controleer(voorstel: Voorstel) -> list[Melding]:
    """Every consistency melding of one validated proposal, in file order."""
    meldingen = [m for functie in CHECKS for m in functie(voorstel)]
    return sorted(meldingen, key=lambda m: (m.regel or 0, m.kolom or 0))


def tabellen(voorstel: Voorstel) -> Iterable[tuple[tuple, Tabel]]:
    """Every table in the sections, with its data path."""
    secties = getattr(voorstel.data, "secties", None)
    if secties is None:
        return
    for sleutel in type(secties).model_fields:
        inhoud = getattr(secties, sleutel)
        if isinstance(inhoud, list):
            for i, deel in enumerate(inhoud):
                if isinstance(deel, Tabel):
                    yield ("secties", sleutel, i), deel


def _kolom(tabel: Tabel, i: int) -> str:
    return f" in kolom {tabel.kolommen[i]}" if len(tabel.kolommen) > 1 else ""


@check
def totalen_kloppen(voorstel: Voorstel):
    for pad, tabel in tabellen(voorstel):
        berekend = bereken(tabel)
        if berekend.opgegeven_totaal is None:
            continue
        for i, (opgegeven, som) in enumerate(zip(berekend.opgegeven_totaal, berekend.totaal)):
            if opgegeven is not None and opgegeven != (som or Decimal(0)):
                yield voorstel.bron.melding(
                    pad + ("totaal",),
                    f"het totaal van tabel '{tabel.tabel}'{_kolom(tabel, i)} is {fmt.bedrag(opgegeven)}, "
                    f"maar de regels tellen op tot {fmt.bedrag(som or Decimal(0))} "
                    f"(verschil {fmt.bedrag(opgegeven - (som or Decimal(0)))})")


@check
def lege_secties(voorstel: Voorstel):
    secties = getattr(voorstel.data, "secties", None)
    if secties is None:
        return
    for s in voorstel.soort.secties:
        sleutel = s["sleutel"]
        if sleutel not in voorstel.bron.data.get("secties", {}) or s.get("uit_beslispunten"):
            continue
        if is_leeg(getattr(secties, sleutel)):
            yield voorstel.bron.melding(
                ("secties", sleutel), f"sectie '{sleutel}' is leeg; schrijf de tekst, of 'nvt' als de "
                f"sectie niet van toepassing is", sleutel=True)


def waarschuwing(voorstel: Voorstel, pad: tuple, bericht: str) -> Melding:
    return voorstel.bron.melding(pad, bericht, niveau=WAARSCHUWING)


# Checks kept in modules of their own register themselves on import.
from . import checks_writing  # noqa: E402,F401
from . import checks_termijn  # noqa: E402,F401
from . import checks_money  # noqa: E402,F401
from . import checks_besluit  # noqa: E402,F401
