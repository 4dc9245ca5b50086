"""The term check: one date no more than a number of days after another.

A kind names the two date fields and the term in its kind.yaml, e.g. the
beantwoording: `termijn: {van: ontvangen, tot: datum, dagen: 30}` (answer
within 30 days of receiving the questions). An optional `hint` says what to
do when the term is exceeded. A kind without `termijn` is not checked.
"""
from __future__ import annotations

from . import formatting as fmt
from .checks import check, waarschuwing
from .errors import Melding
from .kinds import KIND_FILE
from .validate import Voorstel


@check
def binnen_termijn(voorstel: Voorstel):
    termijn = voorstel.soort.ruw.get("termijn")
    if not termijn:
        return
    fout = _vormfout(voorstel.soort, termijn)
    if fout:
        yield fout
        return
    van, tot = termijn["van"], termijn["tot"]
    begin, eind = getattr(voorstel.data, van, None), getattr(voorstel.data, tot, None)
    if begin is None or eind is None:
        return
    dagen = (eind - begin).days
    if dagen < 0:
        yield voorstel.bron.melding((tot,), f"'{tot}' ({fmt.datum(eind)}) ligt vóór '{van}' "
                                            f"({fmt.datum(begin)}); controleer beide datums")
    elif dagen > int(termijn["dagen"]):
        bericht = (f"'{tot}' ({fmt.datum(eind)}) ligt {dagen} dagen na '{van}' ({fmt.datum(begin)}); "
                   f"de gebruikelijke termijn is {termijn['dagen']} dagen")
        if termijn.get("hint"):
            bericht += f"; {termijn['hint']}"
        yield waarschuwing(voorstel, (tot,), bericht)


def _vormfout(soort, termijn) -> Melding | None:
    """A melding on the kind.yaml when its `termijn` does not name two date fields."""
    bestand = soort.map / KIND_FILE
    if not isinstance(termijn, dict) or not str(termijn.get("dagen", "")).isdigit():
        return Melding("'termijn' heeft de vorm {van: <datumveld>, tot: <datumveld>, dagen: <getal>}",
                       bestand)
    for rol in ("van", "tot"):
        veld = soort.veld(str(termijn.get(rol)))
        if veld is None or veld.get("type") != "datum":
            return Melding(f"termijn.{rol}: '{termijn.get(rol)}' is geen datumveld van soort "
                           f"'{soort.naam}'", bestand)
    return None
