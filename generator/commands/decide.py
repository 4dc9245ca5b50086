"""`nota decide`: the secretariat records the decision of the college or the council."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import meeting_date_option, reports_errors, templates_option
from generator.proposal.vocabulary import ALLE_UITKOMSTEN, ORGANEN, UITKOMSTEN as BY_ORGAAN

HELP = """Leg het besluit van het college of de raad vast in het voorstel.

Voegt één besluit toe aan 'besluiten' en verandert verder niets aan het bestand
(commentaar en opmaak blijven byte voor byte gelijk). Het besluit verzegelt de
inhoud: wie het voorstel daarna wijzigt, krijgt een fout van 'nota check'."""

# Every outcome of either orgaan, in order, from the one table decide checks against.
UITKOMST_HELP = "; ".join(f"{orgaan}: {', '.join(u)}" for orgaan, u in BY_ORGAAN.items()) + "."


@click.command(help=HELP)
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--orgaan", type=click.Choice(ORGANEN), required=True, help="Wie besloot.")
@meeting_date_option
@click.option("--uitkomst", type=click.Choice(ALLE_UITKOMSTEN), required=True, help=UITKOMST_HELP)
@click.option("--toelichting", default=None, help="Verplicht bij gewijzigd en geamendeerd.")
@click.option(
    "--besluitnummer",
    default=None,
    help="Nummer van het besluit (standaard: het volgende van dit orgaan in dit jaar in de map, zoals 'B&W 2026/014').",
)
@click.option(
    "--door",
    default=None,
    help="Wie het besluit vastlegt (standaard: [secretariaat] naam in "
    "nota.toml, anders de volledige naam van de gebruiker).",
)
@click.option(
    "--vervang",
    is_flag=True,
    help="Leg een nieuw besluit vast naast een eerder besluit van hetzelfde orgaan; het laatste telt.",
)
@templates_option
@reports_errors
def decide(bestand, orgaan, datum, uitkomst, toelichting, besluitnummer, door, vervang, templates):
    from generator.decisions.decide import decide_file, now
    from generator.decisions.numbering import next_number_in
    from generator.decisions.recorder import default_recorder
    from generator.proposal.kinds import search_path

    zoekpad = search_path(templates)
    nummer = besluitnummer or next_number_in(bestand.parent, orgaan, datum, zoekpad)
    record = {
        "orgaan": orgaan,
        "datum": datum,
        "uitkomst": uitkomst,
        "toelichting": toelichting,
        "besluitnummer": nummer,
        "vastgelegd_door": door or default_recorder(),
        "vastgelegd_op": now(),
    }
    recorded = decide_file(bestand, zoekpad, record, vervang)
    click.echo(
        f"besluit vastgelegd in {bestand}: {orgaan}, {datum.isoformat()}, {uitkomst} "
        f"(inhoud verzegeld, sha256 {recorded['inhoud_sha256'][:12]}…)"
    )
