"""A decided proposal may not change afterwards: its content must match the seal."""

from __future__ import annotations

from generator.proposal import formatting as fmt
from generator.checks.registry import check
from generator.decisions.seal import ORGAAN, broken, changed_files, changes, in_force, missing_seal, tampered, unsealed
from generator.proposal.validate import Voorstel
from generator.proposal.vocabulary import decides


@check
def besluit_matches_content(voorstel: Voorstel):
    """The seal covers the whole content: not checked on a partly valid proposal."""
    for i, besluit in broken(voorstel):
        if not decides(besluit):  # aangehouden: back to concept, changes expected
            continue
        parts = "; ".join(f"{c.part} {c.state} (regel {c.line})" for c in changes(voorstel, besluit))
        yield voorstel.bron.melding(
            ("besluiten", i),
            (
                f"het voorstel is gewijzigd na het besluit van {ORGAAN[besluit.orgaan]} van "
                f"{fmt.datum(besluit.datum)} ({besluit.uitkomst})"
                + (f": {parts}" if parts else "")
                + "; een besloten voorstel mag niet meer "
                "veranderen: zet de wijziging terug, of leg een nieuw besluit vast met 'nota decide --vervang'"
            ),
        )


@check
def besluit_record_sealed(voorstel: Voorstel):
    for i, besluit in tampered(voorstel.data.besluiten):
        yield voorstel.bron.melding(
            ("besluiten", i),
            (
                f"besluit {i + 1} ({besluit.orgaan}, {besluit.datum.isoformat()}, {besluit.uitkomst}) is "
                "veranderd nadat het werd vastgelegd (of een eerder besluit is aangepast of weggehaald); "
                "een vastgelegd besluit mag niet worden aangepast: zet het terug zoals 'nota decide' het "
                "schreef, en leg een ander besluit vast met 'nota decide --vervang'"
            ),
        )


@check
def besluit_complete_seal(voorstel: Voorstel):
    """Only a complete seal counts: a record without one is typed by hand, older, or stripped."""
    for i, besluit in unsealed(voorstel.data.besluiten):
        yield voorstel.bron.melding(
            ("besluiten", i),
            (
                f"besluit {i + 1} ({besluit.orgaan}, {besluit.datum.isoformat()}, {besluit.uitkomst}) is niet "
                f"(volledig) verzegeld: {', '.join(missing_seal(besluit))} ontbreekt; zo'n besluit is niet "
                "te vertrouwen (met de hand getypt, door een oudere nota geschreven, of het zegel is "
                "weggehaald); het secretariaat verzegelt het opnieuw met 'nota herzegel BESTAND'"
            ),
        )


@check
def besluit_files_unchanged(voorstel: Voorstel):
    """The files the proposal references (bijlagen, images) are as they were when decided."""
    for i, besluit in in_force(voorstel.data.besluiten).values():
        for naam, state in changed_files(voorstel, besluit):
            yield voorstel.bron.melding(
                ("besluiten", i),
                (
                    f"het bestand {naam} is {state} na het besluit van {ORGAAN[besluit.orgaan]} van "
                    f"{fmt.datum(besluit.datum)} ({besluit.uitkomst}); bij een besloten voorstel horen de "
                    "bijlagen en afbeeldingen zoals besloten: zet het bestand terug, of leg een nieuw "
                    "besluit vast met 'nota decide --vervang'"
                ),
            )


besluit_matches_content.whole = True
besluit_files_unchanged.whole = True
