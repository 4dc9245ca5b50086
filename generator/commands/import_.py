"""`nota import`: an existing document (.docx, .txt, .pdf) as a proposal YAML."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.shared import reports_errors, templates_option
from generator.errors import Exit, Melding, NotaFout

HELP = """Zet een bestaand document (.docx, .txt of .pdf) om in een voorstel (YAML).

Herkent de soort, kopgegevens, samenvatting, beslispunten, secties, tabellen en de
besluitregel. Wat niet te plaatsen is, staat als gemarkeerd commentaar (# NOTA IMPORT)
in de YAML; nota noemt elke markering met regel en kolom en eindigt met code 1 zolang er
een staat. Daarna controleert nota het resultaat."""


@click.command("import", help=HELP)
@click.argument("bron", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--uitvoer",
    "doel",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Een bestand, geen map: de YAML die nota schrijft (standaard: <bron>.yaml).",
)
@click.option("--soort", default=None, help="De soort, als nota die niet zelf moet herkennen.")
@click.option("--overschrijf", is_flag=True, help="Een bestaand bestand vervangen.")
@templates_option
@reports_errors
def import_document(bron, doel, soort, overschrijf, templates):
    from generator.importer import import_document as run
    from generator.proposal.kinds import search_path
    from generator.render.output import write_bytes
    from generator.commands.shared import report_all
    from generator.checks import check_file
    from generator.importer.markers import markers

    doel = doel or bron.with_suffix(".yaml")
    if doel.exists() and not overschrijf:
        raise NotaFout(Melding("bestaat al; kies een andere naam (-o) of gebruik --overschrijf", doel))
    path = search_path(templates)
    result = run(bron, path, soort)
    tekst = result.yaml if result.exact else _with_schema_line(result.yaml, result.soort, doel, path)
    write_bytes(doel, tekst.encode("utf-8"))
    origin = "exact uit de ingesloten bron" if result.exact else f"als {result.soort}"
    click.echo(f"geschreven: {doel} ({origin})", err=True)
    for item in result.attention:
        click.echo(f"aandacht: {item}", err=True)
    open_markers = markers(tekst, doel)
    report_all(open_markers)
    _, meldingen = check_file(doel, path)
    report_all(meldingen)
    if result.problemen or open_markers or any(m.is_error for m in meldingen):
        raise Exit(1)


def _with_schema_line(tekst: str, soort: str, doel: Path, path) -> str:
    """The imported YAML with the $schema line that points from `doel` to the kind's
    JSON Schema, or without one (and a hint) when there is none to point to."""
    from generator.proposal.kinds import find_soort
    from generator.proposal.skeleton import schema_header_for, schema_hint, with_schema_header

    s = find_soort(soort, path)
    kop = schema_header_for(s, doel)
    if not kop:
        click.echo(f"let op: {schema_hint(s)}", err=True)
    return kop + with_schema_header(tekst, "")
