"""`nota verify`: does the proposal still say what was decided, and is the decision intact?"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option

HELP = """Controleer of de inhoud van een besloten voorstel nog overeenkomt met het besluit.

Noemt elk deel dat sinds het besluit veranderde (veld, sectie of beslispunt, met
regel) en, als git de versie van het besluit nog heeft, de oude en nieuwe tekst.
Controleert ook of de vastgelegde besluiten zelf niet zijn aangepast.

Exitcode 0: ongewijzigd; 1: gewijzigd na het besluit, een besluit aangepast, of nog
geen besluit."""


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@templates_option
@reports_errors
def verify(bestand, templates):
    from generator.proposal import formatting as fmt
    from generator.proposal.kinds import search_path
    from generator.decisions.seal import in_force, content_hash, tampered
    from generator.proposal.validate import load_voorstel
    voorstel = load_voorstel(bestand, search_path(templates))
    besluiten = voorstel.data.besluiten
    if not besluiten:
        click.echo(f"{bestand}: nog geen besluit vastgelegd", err=True)
        sys.exit(1)
    good = True
    for i, b in tampered(besluiten):
        good = False
        regel, column = voorstel.bron.plaats(("besluiten", i))
        click.echo(f"{bestand}:{regel}:{column}: besluit {i + 1} ({b.orgaan} {fmt.datum(b.datum)}, "
                   f"{b.uitkomst}): het besluit zelf is VERANDERD nadat het werd vastgelegd")
    current = content_hash(voorstel)
    for orgaan, (_, b) in in_force(besluiten).items():
        if not b.inhoud_sha256:  # typed by hand: there is nothing to compare with
            good = False
            click.echo(f"{bestand}: besluit {orgaan} {fmt.datum(b.datum)} ({b.uitkomst}): NIET "
                       "VERZEGELD; of de inhoud sindsdien veranderde, is niet na te gaan (leg het "
                       "besluit vast met 'nota decide --vervang' om het te verzegelen)")
            continue
        matches = b.inhoud_sha256 == current
        good &= matches
        state_ = "inhoud ongewijzigd" if matches else "GEWIJZIGD na het besluit"
        old_seal = "" if b.besluit_sha256 else " (het besluit zelf is niet verzegeld: vastgelegd met een oudere nota)"
        click.echo(f"{bestand}: besluit {orgaan} {fmt.datum(b.datum)} ({b.uitkomst}): {state_}{old_seal}")
        if not matches:
            _what_changed(voorstel, b, bestand)
    sys.exit(0 if good else 1)


def _what_changed(voorstel, besluit, bestand: Path) -> None:
    """Each changed part at its line; then, if git has the decided version, old against new."""
    from rich.console import Console

    from generator.decisions.decided import decided_version
    from generator.decisions.seal import changes
    from generator.diff.compare import compare
    from generator.diff.terminal import show
    if besluit.inhoud_per_veld is None:
        click.echo("  welke delen veranderden is niet bekend: dit besluit is vastgelegd met een oudere "
                   "nota, zonder 'inhoud_per_veld'")
    for c in changes(voorstel, besluit):
        click.echo(f"  {bestand}:{c.regel}:{c.column}: {c.part}: {c.state}")
    found = decided_version(voorstel, besluit)
    if found is None:
        click.echo("  de tekst zoals besloten is niet te tonen: het bestand staat niet in git, of geen "
                   "versie in git heeft de verzegelde inhoud (vergelijk zelf met 'nota diff OUD NIEUW')")
        return
    oud, where = found
    click.echo(f"  de tekst zoals besloten staat in {where}; wat er sindsdien veranderde:")
    show(compare(oud, voorstel), Console(highlight=False, soft_wrap=True), f"besloten ({where})", str(bestand))
