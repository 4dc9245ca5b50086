"""`nota diff`: what changed between two proposals (this year's against last year's)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option
from generator.errors import Exit

HELP = """Vergelijk twee voorstellen: kopgegevens, beslispunten, teksten en bedragen.

Alleen de inhoud telt: volgorde van sleutels, commentaar en opmaak van de YAML niet. Ook
een concept dat nog niet elke controle doorstaat is te vergelijken: totalen die niet
kloppen en velden die nog ingevuld moeten worden tellen niet; een deel dat niet bij de
soort past wordt overgeslagen, met een waarschuwing. Alleen een bestand dat niet te
lezen is (YAML met een fout, een datum die niet bestaat, een dubbele sleutel, een
onbekende soort) wordt geweigerd.

Teksten worden per zin vergeleken; binnen een zin die grotendeels gelijk bleef per woord.

Exitcode zonder --exit-code: 0 vergeleken, 1 een bestand is fout. Met --exit-code, zoals
diff(1): 0 de inhoud is gelijk, 1 er zijn verschillen, 2 er ging iets mis (een bestand
is fout, de opdracht is verkeerd gebruikt, of er is een deel overgeslagen en verder geen
verschil gevonden)."""

TROUBLE = 2  # diff(1): trouble, as opposed to 1 for "different"


@click.command(help=HELP)
@click.argument("oud", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("nieuw", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--html",
    "html_pad",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Schrijf ook een HTML-rapport naar dit bestand (zonder externe bestanden, ook om te printen).",
)
@click.option(
    "--docx",
    "docx_pad",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Schrijf het nieuwe voorstel naar dit Word-bestand, met de wijzigingen als bijgehouden wijzigingen.",
)
@click.option(
    "--exit-code",
    "exit_code",
    is_flag=True,
    help="Exitcode zoals diff(1): 0 gelijk, 1 verschillend, 2 er ging iets mis.",
)
@templates_option
@reports_errors
def diff(oud, nieuw, html_pad, docx_pad, exit_code, templates):
    # an unreadable file is trouble with --exit-code (2), not "different" (1)
    gelijk, volledig = _diff(oud, nieuw, html_pad, docx_pad, templates, TROUBLE if exit_code else 1)
    if exit_code and not (gelijk and volledig):
        raise Exit(1 if not gelijk else TROUBLE)  # parts left out: "same" is not sure


def _diff(oud, nieuw, html_pad, docx_pad, templates, trouble: int) -> tuple[bool, bool]:
    """Compare, show, write the reports asked for; (the content is the same, every part
    was compared)."""
    from rich.console import Console

    from generator.commands.shared import report_all
    from generator.diff.compare import compare
    from generator.diff.drafts import load_pair
    from generator.diff.terminal import show
    from generator.proposal.kinds import search_path

    (old_voorstel, new_voorstel), warnings = load_pair(oud, nieuw, search_path(templates), trouble)
    report_all(warnings)
    v = compare(old_voorstel, new_voorstel)
    console = Console(highlight=False)
    show(v, console, str(oud), str(nieuw))
    if warnings:
        console.print("Let op: niet alles is vergeleken; zie de waarschuwingen.")
    if html_pad is not None:
        from generator.diff.html import report_html
        from generator.render.output import write_bytes

        write_bytes(html_pad, report_html(v, str(oud), str(nieuw)).encode("utf-8"))
        click.echo(f"geschreven: {html_pad}", err=True)
    if docx_pad is not None:
        from generator.diff.docx import write

        write(v, new_voorstel, docx_pad, old_voorstel=old_voorstel)
        click.echo(f"geschreven: {docx_pad}", err=True)
    return v.gelijk, not warnings
