"""The `nota` command line: parses options and hands the work to generator.commands.

This is the one boundary where meldingen are printed and exit codes decided:
0 ok, 1 the input is wrong, 2 the command is used wrongly. Command modules
are imported only when their command runs, so `--help` and `nota check`
stay fast.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from generator import __version__, cli_nl
from generator.commands.shared import (  # noqa: F401 - the names commands imported from here
    count_noun,
    meeting_date_option,
    report,
    report_all,
    reports_errors,
    soort_argument,
    templates_option,
)
from generator.errors import Exit, NotaFout

cli_nl.install()

COMMANDS = {
    "check": "generator.commands.check:check",
    "render": "generator.commands.render:render",
    "preview": "generator.commands.preview:preview",
    "serve": "generator.commands.serve:serve",
    "schema": "generator.commands.schema:schema",
    "decide": "generator.commands.decide:decide",
    "verify": "generator.commands.verify:verify",
    "herzegel": "generator.commands.herzegel:herzegel",
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

    def invoke(self, ctx: click.Context):
        """Run the command; a NotaFout is printed, and it or an Exit decides the exit code."""
        try:
            return super().invoke(ctx)
        except NotaFout as e:
            report_all(e.meldingen)
            end(e.exit_code)
        except Exit as e:
            end(e.code)

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as e:
            if args and args[0] not in COMMANDS:
                from generator.proposal.suggest import suggest

                hint = suggest(args[0], COMMANDS)
                raise click.UsageError(
                    f"onbekende opdracht '{args[0]}'"
                    + (f"; bedoelde u '{hint}'?" if hint else "")
                    + f" (opdrachten: {', '.join(COMMANDS)})"
                ) from e
            raise


def end(code: int) -> None:
    """End the program with `code`: the one place below which nothing exits.

    When nota is the process's own program, skip the interpreter's clean-up
    (freeing every module and the Pango/fontconfig state: about 0.15 s, longer
    than a warm PDF takes); every file is written and closed by now, the
    streams are flushed first. In-process (tests, other programs) this is an
    ordinary SystemExit, which click's runner reads."""
    from generator.render.engines import nota_is_the_program

    if nota_is_the_program():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


@click.group(
    cls=LazyGroup,
    help=HELP,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="nota", message="%(prog)s %(version)s")
def main():
    pass
