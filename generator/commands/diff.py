"""`nota diff`: what changed between two proposals (this year's against last year's)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli import reports_errors, templates_option

HELP = """Vergelijk twee voorstellen: kopgegevens, beslispunten, teksten en bedragen.

Alleen de inhoud telt: volgorde van sleutels, commentaar en opmaak van de YAML niet.
Met --exit-code: 0 als de inhoud gelijk is, 1 als er verschillen zijn."""


def _load(path: Path, search_path):
    from generator.cli import report_all
    from generator.checks import check_file
    voorstel, meldingen = check_file(path, search_path)
    errors = [m for m in meldingen if m.is_error]
    if voorstel is None or errors:
        report_all(errors)
        sys.exit(1)
    return voorstel


@click.command(help=HELP)
@click.argument("oud", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("nieuw", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--html", "html_pad", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Schrijf ook een HTML-rapport (zonder externe bestanden, ook om te printen).")
@click.option("--docx", "docx_pad", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Schrijf het nieuwe voorstel als Word-document met de wijzigingen als bijgehouden wijzigingen.")
@click.option("--exit-code", "exit_code", is_flag=True, help="Exitcode 1 als de voorstellen verschillen.")
@templates_option
@reports_errors
def diff(oud, nieuw, html_pad, docx_pad, exit_code, templates):
    from rich.console import Console

    from generator.diff.compare import compare
    from generator.diff.terminal import show
    from generator.proposal.kinds import search_path
    path = search_path(templates)
    new_voorstel = _load(nieuw, path)
    v = compare(_load(oud, path), new_voorstel)
    show(v, Console(highlight=False), str(oud), str(nieuw))
    if html_pad is not None:
        from generator.diff.html import report_html
        from generator.render.output import write_bytes
        write_bytes(html_pad, report_html(v, str(oud), str(nieuw)).encode("utf-8"))
        click.echo(f"geschreven: {html_pad}", err=True)
    if docx_pad is not None:
        from generator.diff.docx import write
        write(v, new_voorstel, docx_pad)
        click.echo(f"geschreven: {docx_pad}", err=True)
    sys.exit(1 if exit_code and not v.gelijk else 0)
