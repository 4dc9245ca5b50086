"""`nota new`: start a proposal from a complete skeleton, or from last year's."""
from __future__ import annotations

from pathlib import Path

import click

from generator.cli import reports_errors, soort_argument, templates_option
from generator.errors import Melding, NotaFout

HELP = """Begin een nieuw voorstel.

\b
  nota new collegenota -o mijn-nota.yaml   elk veld en elke sectie, met uitleg
  nota new --van 2021.yaml -o 2022.yaml    vorig jaar als begin

Het skelet zet 'invullen', '...' en 'Schrijf hier de tekst (markdown).' waar nog iets
moet komen; nota check meldt elk daarvan tot het is ingevuld.

Met --van: zonder besluiten, elk herkenbaar jaartal een jaar verder (in onderwerp,
teksten, beslispunten, tabellen en planning; niet in bedragen, kenmerken en
bestandsnamen), kenmerk en datum opnieuw in te vullen, commentaar blijft staan. nota
noemt elke wijziging met de regel in het oude bestand."""


@click.command(help=HELP)
@click.argument("soort", required=False)
@click.option("--van", "van", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Het voorstel van vorig jaar om mee te beginnen.")
@click.option("-o", "--uitvoer", "doel", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Een bestand, geen map: de YAML die nota schrijft (standaard: het scherm).")
@click.option("--overschrijf", is_flag=True, help="Een bestaand bestand vervangen.")
@templates_option
@reports_errors
def new(soort, van, doel, overschrijf, templates):
    from generator.proposal.kinds import search_path
    from generator.render.output import write_bytes
    from generator.proposal.skeleton import dump, schema_header_for, schema_hint, skeleton
    if (soort is None) == (van is None):
        raise click.UsageError("geef een soort (nota new collegenota) of --van VORIG.yaml")
    if doel is not None and doel.exists() and not overschrijf:
        raise NotaFout(Melding("bestaat al; kies een andere naam of gebruik --overschrijf", doel))
    path = search_path(templates)
    if van is not None:
        tekst = _from_last_year(van, doel, path)
    else:
        s = soort_argument(soort, path)
        kop = schema_header_for(s, doel)
        if not kop:
            click.echo(f"let op: {schema_hint(s)}", err=True)
        tekst = dump(skeleton(s), kop)
    if doel is None:
        click.echo(tekst, nl=False)
        return
    write_bytes(doel, tekst.encode("utf-8"))
    click.echo(f"geschreven: {doel}", err=True)


def _from_last_year(van: Path, doel: Path | None, path) -> str:
    """Last year's file moved on a year; every change listed on stderr with its line in `van`."""
    from ruamel.yaml import YAML
    from generator.proposal.kinds import find_soort, known_soorten
    from generator.proposal.next_year import from_last_year
    from generator.proposal.skeleton import schema_header_for, schema_hint, with_schema_header
    from generator.proposal.files import read_regular
    from generator.proposal.load import MAX_BYTES
    try:
        bron = read_regular(van, MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise NotaFout(Melding("bestand is geen geldige UTF-8; sla het op als UTF-8", van)) from None
    try:
        naam = (YAML(typ="safe", pure=True).load(bron) or {}).get("soort")
    except Exception:  # not valid YAML: let nota check say why, with the place
        raise NotaFout(Melding("kan niet als YAML worden gelezen; 'nota check' zegt waar het misgaat", van)) from None
    s = find_soort(naam, path) if isinstance(naam, str) and naam in known_soorten(path) else None
    verplicht = frozenset(v["sleutel"] for v in s.velden if v.get("verplicht")) if s else frozenset({"kenmerk"})
    tekst, changes = from_last_year(bron, verplicht)
    if s is not None:
        kop = schema_header_for(s, doel)
        tekst = with_schema_header(tekst, kop)
        if not kop:
            click.echo(f"let op: {schema_hint(s)}", err=True)
    click.echo(f"overgenomen uit {van}, met {len(changes)} "
               f"{'wijziging' if len(changes) == 1 else 'wijzigingen'}:", err=True)
    for c in changes:
        click.echo(f"  {van}:{c.regel}: {c.waar}: {c.tekst}", err=True)
    return tekst
