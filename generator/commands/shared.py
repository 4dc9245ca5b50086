"""What the commands share: options, and printing meldingen for the user.

The commands import this; cli.py, the boundary above them, turns what they
raise (NotaFout, Exit) into the exit code.
"""

from __future__ import annotations

from functools import wraps
from pathlib import Path

import click

from generator.errors import Exit, Melding, NotaFout

TEMPLATES_HELP = "Map met eigen soorten en huisstijl; gaat voor op nota.toml en de ingebouwde sjablonen."


def templates_option(f):
    return click.option(
        "--templates", "templates", type=click.Path(file_okay=False, path_type=Path), default=None, help=TEMPLATES_HELP
    )(f)


def soort_argument(naam: str, path):
    """The kind named on the command line; an unknown name is a usage error (exit 2)."""
    from generator.proposal.kinds import find_soort, known_soorten

    if naam not in known_soorten(path):
        try:
            find_soort(naam, path)
        except NotaFout as e:
            raise click.UsageError(e.meldingen[0].message) from None
    return find_soort(naam, path)


def _meeting_date(ctx, param, waarde):
    import datetime as dt

    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise click.BadParameter(f"'{waarde}' is geen bestaande datum van de vorm JJJJ-MM-DD") from None


def meeting_date_option(f):
    """--datum, the date of the meeting (decide, besluitenlijst)."""
    return click.option(
        "--datum", required=True, callback=_meeting_date, help="Datum van de vergadering (JJJJ-MM-DD)."
    )(f)


def reports_errors(f):
    """Prints a NotaFout's meldingen here and ends the command with its exit code
    (1 unless it says otherwise), through cli.py."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except NotaFout as e:
            report_all(e.meldingen)
            raise Exit(e.exit_code) from None

    return wrapper


_COLOUR = {"fout": "red", "waarschuwing": "yellow"}


def report(melding: Melding) -> None:
    tekst = str(melding)
    niveau = f"{melding.level}:"
    coloured = tekst.replace(niveau, click.style(niveau, fg=_COLOUR.get(melding.level), bold=True), 1)
    click.echo(coloured, err=True)


def report_all(meldingen) -> None:
    for m in meldingen:
        report(m)


def count_noun(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
