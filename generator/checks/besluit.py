"""A decided proposal may not change afterwards: its content must match the seal."""
from __future__ import annotations

from generator.render import formatting as fmt
from generator.checks.registry import check
from generator.decisions.seal import broken
from generator.proposal.validate import Voorstel

ORGAAN = {"college": "het college", "raad": "de raad"}


@check
def besluit_matches_content(voorstel: Voorstel):
    for i, besluit in broken(voorstel):
        yield voorstel.bron.melding(("besluiten", i), (
            f"het voorstel is gewijzigd na het besluit van {ORGAAN[besluit.orgaan]} van "
            f"{fmt.datum(besluit.datum)} ({besluit.uitkomst}); een besloten voorstel mag niet meer "
            "veranderen: zet de wijziging terug, of leg een nieuw besluit vast met 'nota decide --vervang'"))
