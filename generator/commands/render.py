"""`nota render`: proposals to DOCX and PDF in the output folder."""
from __future__ import annotations

from pathlib import Path

import click

from generator.cli import reports_errors, templates_option
from generator.render.pipeline import WITH_SOURCE

HELP = """Maak Word (.docx) en PDF van voorstellen (bestanden of mappen).

Een voorstel met fouten wordt overgeslagen; er komt dan niets van in de uitvoermap."""

FORMATS = {"docx": ("docx",), "pdf": ("pdf",), "beide": ("docx", "pdf")}


@click.command(help=HELP)
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--uitvoer", "uitmap", type=click.Path(file_okay=False, path_type=Path),
              default=Path("output"), show_default=True, help="Map voor de documenten.")
@click.option("--formaat", type=click.Choice(list(FORMATS)), default="beide", show_default=True,
              help="Welke documenten: docx, pdf of beide.")
@click.option("--bron", is_flag=True, help="Besloten voorstellen: PDF/A-3a met de YAML-bron als "
                                            "bijlage (voor 'nota import').")
@templates_option
@reports_errors
def render(paden, uitmap, formaat, bron, templates):
    from generator.proposal.files import collect
    from generator.proposal.kinds import search_path
    from generator.cli import report_all, count_noun
    path = search_path(templates)
    bestanden = collect(paden)
    if not bestanden:
        raise click.UsageError("geen .yaml-bestanden gevonden in " + ", ".join(map(str, paden)))
    from generator.render.engines import exit_now
    from generator.render.pool import with_progress, render_pool, results
    failed = 0
    formats = tuple(WITH_SOURCE if bron and f == "pdf" else f for f in FORMATS[formaat])
    with render_pool(bestanden, path, uitmap, formats) as tasks:
        for result in with_progress(tasks, results(bestanden, tasks)):
            report_all(result.meldingen)
            failed += not result.ok
            for target in result.written:
                click.echo(f"geschreven: {target}")
    click.echo(f"{count_noun(len(bestanden) - failed, 'voorstel', 'voorstellen')} gemaakt"
               + (f", {failed} overgeslagen wegens fouten" if failed else ""), err=True)
    exit_now(1 if failed else 0)
