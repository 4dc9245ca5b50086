"""Tables whose stated totals do not match their rows, and sections left empty."""

from __future__ import annotations

from decimal import Decimal

from generator.checks.registry import check, tabellen
from generator.proposal.model import Tabel, is_empty
from generator.proposal.tables import compute
from generator.proposal.validate import Voorstel
from generator.proposal import formatting as fmt


def _column(tabel: Tabel, i: int) -> str:
    return f" in kolom {tabel.kolommen[i]}" if len(tabel.kolommen) > 1 else ""


@check
def totals_add_up(voorstel: Voorstel):
    for path, tabel in tabellen(voorstel):
        computed = compute(tabel)
        if computed.stated_total is None:
            continue
        for i, (stated, total) in enumerate(zip(computed.stated_total, computed.totaal)):
            if stated is not None and stated != (total or Decimal(0)):
                yield voorstel.bron.melding(
                    path + ("totaal",),
                    f"het totaal van tabel '{tabel.tabel}'{_column(tabel, i)} is {fmt.bedrag(stated)}, "
                    f"maar de regels tellen op tot {fmt.bedrag(total or Decimal(0))} "
                    f"(verschil {fmt.bedrag(stated - (total or Decimal(0)))})",
                )


@check
def empty_secties(voorstel: Voorstel):
    written = voorstel.bron.entry("secties") or {}
    for s in voorstel.soort.secties:
        sleutel = s["sleutel"]
        if sleutel not in written or s.get("uit_beslispunten") or s.get("verplicht"):
            continue  # a required section left blank is a validation error already
        if is_empty(written[sleutel]):
            yield voorstel.bron.melding(
                ("secties", sleutel),
                f"sectie '{sleutel}' is leeg; schrijf de tekst, of 'nvt' als de sectie niet van toepassing is",
                key=True,
            )
