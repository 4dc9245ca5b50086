"""`nota besluitenlijst`: the public list of decisions of one meeting."""

from __future__ import annotations

from pathlib import Path

import click

from generator.errors import Exit
from generator.proposal.vocabulary import COLLEGE, ORGAAN_KORT, ORGANEN
from generator.commands.shared import meeting_date_option, reports_errors, templates_option

HELP = """Maak de openbare besluitenlijst van een vergadering (PDF en Word).

Neemt elk voorstel in de mappen of bestanden met een besluit van het orgaan op die
datum; alleen voorstellen met 'classificatie: openbaar' staan er met naam op, de
andere worden geteld."""


@click.command(help=HELP)
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@meeting_date_option
@click.option("--orgaan", type=click.Choice(ORGANEN), default=COLLEGE, show_default=True)
@click.option(
    "-o",
    "--uitvoer",
    "uitmap",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Een map, geen bestand: nota schrijft de besluitenlijst (PDF en Word) daarin.",
)
@click.option(
    "--aanwezig",
    default="",
    metavar="NAMEN",
    help="Wie aanwezig waren, zoals het op de lijst komt "
    '(bijvoorbeeld "burgemeester Jansen, wethouders De Vries en Bakker").',
)
@click.option("--afwezig", default="", metavar="NAMEN", help="Wie afwezig waren, zoals het op de lijst komt.")
@click.option(
    "--vastgesteld",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    metavar="JJJJ-MM-DD",
    help="Datum van de vergadering die de lijst vaststelt; zonder deze optie een lege regel om in te vullen.",
)
@templates_option
@reports_errors
def besluitenlijst(paden, datum, orgaan, uitmap, aanwezig, afwezig, vastgesteld, templates):
    from generator.decisions import besluitenlijst as bl
    from generator.proposal.files import collect
    from generator.proposal.kinds import search_path
    from generator.commands.shared import report_all
    from generator.checks import check_file

    path, voorstellen = search_path(templates), []
    overgeslagen: list = []
    bestanden = collect(paden, overgeslagen)
    report_all(overgeslagen)
    error = bool(overgeslagen)
    for bestand in bestanden:
        voorstel, meldingen = check_file(bestand, path)
        report_all([m for m in meldingen if m.is_error])
        error |= voorstel is None or any(m.is_error for m in meldingen)
        if voorstel is not None:
            voorstellen.append(voorstel)
    vergadering = bl.Vergadering(aanwezig.strip(), afwezig.strip(), vastgesteld.date() if vastgesteld else None)
    written, openbaar, niet_openbaar = bl.write(voorstellen, datum, orgaan, uitmap, vergadering=vergadering)
    if not written:
        _nothing_decided(voorstellen, datum, orgaan, paden)
    naam = bl.name(datum, orgaan)
    click.echo(f"geschreven: {uitmap / naam}.pdf en .docx ({openbaar} openbaar, {niet_openbaar} niet openbaar)")
    if error:
        raise Exit(1)


def _nothing_decided(voorstellen, datum, orgaan: str, paden) -> None:
    """No decision of `orgaan` on `datum`: a warning naming the dates there are, exit 1,
    nothing written (an empty public list is never what the secretariat meant)."""
    from generator.commands.shared import report
    from generator.errors import Melding, WARNING
    from generator.proposal import formatting as fmt

    wie = ORGAAN_KORT[orgaan]
    dates = sorted({b.datum for v in voorstellen for b in v.data.besluiten if b.orgaan == orgaan})
    hint = (
        f"; er zijn wel besluiten van {wie} op {', '.join(fmt.datum(d) for d in dates)}"
        if dates
        else f"; geen van deze voorstellen heeft een besluit van {wie}"
    )
    report(
        Melding(
            f"geen enkel voorstel in {', '.join(map(str, paden))} heeft een besluit van {wie} op "
            f"{fmt.datum(datum)}{hint}; er is geen besluitenlijst geschreven (controleer --datum "
            "en --orgaan)",
            level=WARNING,
        )
    )
    raise Exit(1)
