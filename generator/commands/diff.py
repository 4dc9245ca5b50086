"""`nota diff`: what changed between two proposals (this year's against last year's)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import meldt_fouten, templates_optie

HELP = """Vergelijk twee voorstellen: kopgegevens, beslispunten, teksten en bedragen.

Alleen de inhoud telt: volgorde van sleutels, commentaar en opmaak van de YAML niet.
Met --exit-code: 0 als de inhoud gelijk is, 1 als er verschillen zijn."""


def _laad(pad: Path, zoekpad):
    from ..report import meld_alle
    from .check import controleer_bestand
    voorstel, meldingen = controleer_bestand(pad, zoekpad)
    fouten = [m for m in meldingen if m.is_fout]
    if voorstel is None or fouten:
        meld_alle(fouten)
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
@templates_optie
@meldt_fouten
def diff(oud, nieuw, html_pad, docx_pad, exit_code, templates):
    from rich.console import Console

    from ..diff import vergelijk
    from ..diff_terminal import toon
    from ..kinds import zoekpad
    pad = zoekpad(templates)
    nieuw_voorstel = _laad(nieuw, pad)
    v = vergelijk(_laad(oud, pad), nieuw_voorstel)
    toon(v, Console(highlight=False), str(oud), str(nieuw))
    if html_pad is not None:
        from ..diff_html import rapport
        from ..output import schrijf_bytes
        schrijf_bytes(html_pad, rapport(v, str(oud), str(nieuw)).encode("utf-8"))
        click.echo(f"geschreven: {html_pad}", err=True)
    if docx_pad is not None:
        from ..diff_docx import schrijf
        schrijf(v, nieuw_voorstel, docx_pad)
        click.echo(f"geschreven: {docx_pad}", err=True)
    sys.exit(1 if exit_code and not v.gelijk else 0)
