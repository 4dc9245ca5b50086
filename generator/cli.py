"""The `nota` command line: parses options and hands the work to generator.commands.

This is the one boundary where meldingen are printed and exit codes decided:
0 ok, 1 the input is wrong, 2 the command is used wrongly. Command modules
are imported only when their command runs, so `--help` and `nota check`
stay fast.
"""
from __future__ import annotations

import importlib
import sys
from functools import wraps
from pathlib import Path

import click

from generator import __version__, cli_nl
from generator.errors import Melding, NotaFout

cli_nl.install()

COMMANDS = {
    "check": "generator.commands.check:check",
    "render": "generator.commands.render:render",
    "preview": "generator.commands.preview:preview",
    "serve": "generator.commands.serve:serve",
    "schema": "generator.commands.schema:schema",
    "decide": "generator.commands.decide:decide",
    "verify": "generator.commands.verify:verify",
    "besluitenlijst": "generator.commands.besluitenlijst:besluitenlijst",
    "diff": "generator.commands.diff:diff",
    "new": "generator.commands.new:new",
    "import": "generator.commands.import_:import_document",
    "publiceer": "generator.commands.publiceer:publiceer",
}

HELP = """nota: collegenota's, raadsvoorstellen en andere raadsstukken van YAML naar Word en PDF.

Voorbeelden:

  nota check proposals/            controleer alle voorstellen in een map

  nota render proposals/           maak Word en PDF in output/
"""

TEMPLATES_HELP = ("Map met eigen soorten en huisstijl; gaat voor op nota.toml en de "
                  "ingebouwde sjablonen.")


class LazyGroup(click.Group):
    """A click group whose commands are imported only when used."""

    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, naam):
        target = COMMANDS.get(naam)
        if target is None:
            return None
        module, attr = target.split(":")
        command = getattr(importlib.import_module(module), attr)
        command.options_metavar = "[OPTIES]"
        return command

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as e:
            if args and args[0] not in COMMANDS:
                from generator.proposal.suggest import suggest
                hint = suggest(args[0], COMMANDS)
                raise click.UsageError(f"onbekende opdracht '{args[0]}'"
                                       + (f"; bedoelde u '{hint}'?" if hint else "")
                                       + f" (opdrachten: {', '.join(COMMANDS)})") from e
            raise


def templates_option(f):
    return click.option("--templates", "templates", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help=TEMPLATES_HELP)(f)


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
    return click.option("--datum", required=True, callback=_meeting_date,
                        help="Datum van de vergadering (JJJJ-MM-DD).")(f)


def reports_errors(f):
    """Turns NotaFout into printed meldingen and exit code 1."""
    @wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except NotaFout as e:
            report_all(e.meldingen)
            sys.exit(1)
    return wrapper


@click.group(cls=LazyGroup, help=HELP, options_metavar="[OPTIES]",
             subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nota", message="%(prog)s %(version)s")
def main():
    pass

_COLOUR = {"fout": "red", "waarschuwing": "yellow"}


def report(melding: Melding) -> None:
    tekst = str(melding)
    niveau = f"{melding.niveau}:"
    coloured = tekst.replace(niveau, click.style(niveau, fg=_COLOUR.get(melding.niveau), bold=True), 1)
    click.echo(coloured, err=True)


def report_all(meldingen) -> None:
    for m in meldingen:
        report(m)


def count_noun(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"
