"""`nota herzegel`: the secretariat seals decision records that lack a complete seal."""

from __future__ import annotations

import getpass
from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option

HELP = """Verzegel besluiten die (nog) geen volledig zegel hebben, opnieuw.

Een besluit dat met de hand is getypt of door een oudere nota is vastgelegd, heeft
geen volledig zegel en geeft een fout bij check, verify, render en in de editor.
Controleer eerst dat het voorstel zegt wat er is besloten, met de bijlagen zoals
besloten; herzegel legt dan de inhoud, de bestanden en het besluit zelf vast zoals
ze nu zijn, met wie en wanneer (herzegeld_door, herzegeld_op) in het besluit.

Een besluit met een volledig zegel dat niet meer klopt, wordt niet herzegeld: dat
is een wijziging na het besluit (zie 'nota verify')."""


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--door", default=None, help="Wie herzegelt (standaard: de gebruikersnaam).")
@templates_option
@reports_errors
def herzegel(bestand, door, templates):
    from generator.decisions.decide import now
    from generator.decisions.reseal import reseal_file
    from generator.proposal.kinds import search_path

    done = reseal_file(bestand, search_path(templates), door or getpass.getuser(), now())
    if not done:
        click.echo(f"{bestand}: alle besluiten zijn al volledig verzegeld; er is niets gewijzigd")
        return
    nummers = ", ".join(map(str, done))
    click.echo(
        f"{bestand}: besluit {nummers} opnieuw verzegeld (inhoud, bestanden en besluit zoals ze "
        "nu zijn; herzegeld_door en herzegeld_op staan in het besluit)"
    )
