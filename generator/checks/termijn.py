"""The term check: one date no more than a number of days after another.

A kind names the two date fields and the term in its kind.yaml, e.g. the
beantwoording: `termijn: {van: ontvangen, tot: datum, dagen: 30}` (answer
within 30 days of receiving the questions). An optional `hint` says what to
do when the term is exceeded. A kind without `termijn` is not checked.
"""

from __future__ import annotations

from generator.proposal import formatting as fmt
from generator.checks.registry import check, warning
from generator.errors import Melding
from generator.proposal.kinds import KIND_FILE
from generator.proposal.validate import Voorstel


@check
def within_termijn(voorstel: Voorstel):
    termijn = voorstel.soort.raw.get("termijn")
    if not termijn:
        return
    error = _shape_error(voorstel.soort, termijn)
    if error:
        yield error
        return
    van, tot = termijn["van"], termijn["tot"]
    begin, end = voorstel.data.value(van), voorstel.data.value(tot)
    if begin is None or end is None:
        return
    dagen = (end - begin).days
    if dagen < 0:
        yield voorstel.bron.melding(
            (tot,), f"'{tot}' ({fmt.datum(end)}) ligt vóór '{van}' ({fmt.datum(begin)}); controleer beide datums"
        )
    elif dagen > int(termijn["dagen"]):
        message = (
            f"'{tot}' ({fmt.datum(end)}) ligt {dagen} dagen na '{van}' ({fmt.datum(begin)}); "
            f"de gebruikelijke termijn is {termijn['dagen']} dagen"
        )
        if termijn.get("hint"):
            message += f"; {termijn['hint']}"
        yield warning(voorstel, (tot,), message)


def _shape_error(soort, termijn) -> Melding | None:
    """A melding on the kind.yaml when its `termijn` does not name two date fields."""
    bestand = soort.map / KIND_FILE
    if not isinstance(termijn, dict) or not str(termijn.get("dagen", "")).isdigit():
        return Melding("'termijn' heeft de vorm {van: <datumveld>, tot: <datumveld>, dagen: <getal>}", bestand)
    for rol in ("van", "tot"):
        veld = soort.veld(str(termijn.get(rol)))
        if veld is None or veld.get("type") != "datum":
            return Melding(f"termijn.{rol}: '{termijn.get(rol)}' is geen datumveld van soort '{soort.naam}'", bestand)
    return None
