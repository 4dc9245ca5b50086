"""`nota render`: proposals to DOCX and PDF in the output folder."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option
from generator.errors import Exit
from generator.render.pipeline import WITH_SOURCE

HELP = """Maak Word (.docx) en PDF van voorstellen (bestanden of mappen).

Een voorstel met fouten wordt overgeslagen; er komt dan niets van in de uitvoermap."""

FORMATS = {"docx": ("docx",), "pdf": ("pdf",), "beide": ("docx", "pdf")}


@click.command(help=HELP)
@click.argument("paden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--uitvoer",
    "uitmap",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Een map, geen bestand: nota schrijft de documenten daarin en kiest zelf hun namen.",
)
@click.option(
    "--formaat",
    type=click.Choice(list(FORMATS)),
    default="beide",
    show_default=True,
    help="Welke documenten: docx, pdf of beide.",
)
@click.option(
    "--bron", is_flag=True, help="Besloten voorstellen: PDF/A-3a met de YAML-bron als bijlage (voor 'nota import')."
)
@click.option(
    "--opnieuw",
    is_flag=True,
    help="Maak alles opnieuw, ook voorstellen die niet veranderd zijn sinds hun documenten werden gemaakt.",
)
@templates_option
@reports_errors
def render(paden, uitmap, formaat, bron, opnieuw, templates):
    from generator.proposal.files import collect
    from generator.proposal.kinds import search_path
    from generator.commands.shared import report_all, count_noun
    from generator.render import cache as rc

    path = search_path(templates)
    overgeslagen: list = []
    bestanden = collect(paden, overgeslagen)
    report_all(overgeslagen)
    if not bestanden and not overgeslagen:
        raise click.UsageError("geen .yaml-bestanden gevonden in " + ", ".join(map(str, paden)))
    if not bestanden:
        raise Exit(1)
    from generator.render.pool import with_progress, render_pool, results

    formats = tuple(WITH_SOURCE if bron and f == "pdf" else f for f in FORMATS[formaat])
    todo = rc.plan(bestanden, path, uitmap, formats, again=opnieuw)
    failed, skipped = len(todo.clashes), 0
    with render_pool(todo.todo, path, uitmap, formats) as tasks:
        done = iter(with_progress(tasks, results(todo.todo, tasks)))
        for bestand in bestanden:
            if bestand in todo.clashes:
                report_all(todo.clashes[bestand])
                continue
            if bestand in todo.unchanged:
                skipped += 1
                for naam in todo.unchanged[bestand]:
                    click.echo(f"ongewijzigd: {uitmap / naam}")
                continue
            result = next(done)
            failed += not _report(result, bron, todo.cache, todo.keys[bestand])
    todo.cache.save()
    made = len(bestanden) - failed - skipped
    click.echo(
        f"{count_noun(made, 'voorstel', 'voorstellen')} gemaakt"
        + (f", {skipped} ongewijzigd" if skipped else "")
        + (f", {failed} overgeslagen wegens fouten" if failed else ""),
        err=True,
    )
    raise Exit(1 if failed or overgeslagen else 0)  # also 0: cli.py ends a render without the slow clean-up


def _report(result, bron: bool, cache, sleutel: str | None) -> bool:
    from generator.commands.shared import report_all
    from generator.errors import Melding, WARNING

    report_all(result.meldingen)
    if not result.ok:
        cache.forget(result.bron)
        return False
    if bron and not result.final:
        report_all(
            [
                Melding(
                    "--bron geldt alleen voor een besloten voorstel (PDF/A-3a met de YAML "
                    "als bijlage); dit voorstel heeft nog geen besluit, dus de PDF is een "
                    "concept zonder bron (leg eerst het besluit vast met 'nota decide')",
                    result.bron,
                    level=WARNING,
                )
            ]
        )
    cache.record(result.bron, sleutel, result.written)
    for target in result.written:
        click.echo(f"geschreven: {target}")
    return True
