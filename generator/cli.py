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

from . import __version__, cli_nl
from .errors import NotaFout

cli_nl.installeer()

COMMANDS = {
    "check": "generator.commands.check:check",
    "render": "generator.commands.render:render",
    "preview": "generator.commands.preview:preview",
    "schema": "generator.commands.schema:schema",
    "decide": "generator.commands.decide:decide",
    "verify": "generator.commands.verify:verify",
    "besluitenlijst": "generator.commands.besluitenlijst:besluitenlijst",
    "diff": "generator.commands.diff:diff",
    "new": "generator.commands.new:new",
    "import": "generator.commands.importeer:importeer",
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
        doel = COMMANDS.get(naam)
        if doel is None:
            return None
        module, attr = doel.split(":")
        command = getattr(importlib.import_module(module), attr)
        command.options_metavar = "[OPTIES]"
        return command

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as e:
            if args and args[0] not in COMMANDS:
                from .suggest import suggestie
                hint = suggestie(args[0], COMMANDS)
                raise click.UsageError(f"onbekende opdracht '{args[0]}'"
                                       + (f"; bedoelde u '{hint}'?" if hint else "")
                                       + f" (opdrachten: {', '.join(COMMANDS)})") from e
            raise


def templates_optie(f):
    return click.option("--templates", "templates", type=click.Path(file_okay=False, path_type=Path),
                        default=None, help=TEMPLATES_HELP)(f)


def meldt_fouten(f):
    """Turns NotaFout into printed meldingen and exit code 1."""
    @wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except NotaFout as e:
            from .report import meld_alle
            meld_alle(e.meldingen)
            sys.exit(1)
    return wrapper


@click.group(cls=LazyGroup, help=HELP, options_metavar="[OPTIES]",
             subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nota", message="%(prog)s %(version)s")
def main():
    pass
