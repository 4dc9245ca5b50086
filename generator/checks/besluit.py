"""A decided proposal may not change afterwards: its content must match the seal."""
from __future__ import annotations

from generator.proposal import formatting as fmt
from generator.checks.registry import check
from generator.decisions.seal import ORGAAN, broken, changes, tampered
from generator.proposal.validate import Voorstel
from generator.proposal.vocabulary import decides

@check
def besluit_matches_content(voorstel: Voorstel):
    """The seal covers the whole content: not checked on a partly valid proposal."""
    for i, besluit in broken(voorstel):
        if not decides(besluit):  # aangehouden: back to concept, changes expected
            continue
        parts = "; ".join(f"{c.part} {c.state} (regel {c.regel})" for c in changes(voorstel, besluit))
        yield voorstel.bron.melding(("besluiten", i), (
            f"het voorstel is gewijzigd na het besluit van {ORGAAN[besluit.orgaan]} van "
            f"{fmt.datum(besluit.datum)} ({besluit.uitkomst})" + (f": {parts}" if parts else "") +
            "; een besloten voorstel mag niet meer "
            "veranderen: zet de wijziging terug, of leg een nieuw besluit vast met 'nota decide --vervang'"))


@check
def besluit_record_sealed(voorstel: Voorstel):
    for i, besluit in tampered(voorstel.data.besluiten):
        yield voorstel.bron.melding(("besluiten", i), (
            f"besluit {i + 1} ({besluit.orgaan}, {besluit.datum.isoformat()}, {besluit.uitkomst}) is "
            "veranderd nadat het werd vastgelegd (of een eerder besluit is aangepast of weggehaald); "
            "een vastgelegd besluit mag niet worden aangepast: zet het terug zoals 'nota decide' het "
            "schreef, en leg een ander besluit vast met 'nota decide --vervang'"))


besluit_matches_content.whole = True
