"""The public list of decisions of one meeting (PDF and DOCX).

Every proposal in the folder with a decision of the orgaan on that date is
listed with its onderwerp, kenmerk, outcome and toelichting; only proposals
with `classificatie: openbaar` are named, the others are counted.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from generator.render.context import besluitregel
from generator.errors import Melding, NotaFout
from generator.proposal.kinds import SHARED, builtin_templates
from generator.render.templating import FILTERS

MAP = "_besluitenlijst"
ORGAAN_NAME = {"college": "het college van burgemeester en wethouders", "raad": "de gemeenteraad"}


@dataclass
class Item:
    onderwerp: str
    kenmerk: str
    uitkomst: str
    toelichting: str


def collect(voorstellen, datum: dt.date, orgaan: str) -> tuple[list[Item], int, str]:
    """(public points, number of non-public ones, gemeente) of the meeting."""
    punten, niet_openbaar, gemeente = [], 0, ""
    for voorstel in voorstellen:
        v = voorstel.data
        besluit = next((b for b in reversed(v.besluiten) if b.orgaan == orgaan and b.datum == datum), None)
        if besluit is None:
            continue
        gemeente = gemeente or (getattr(v, "gemeente", "") or "")
        if (getattr(v, "classificatie", "openbaar") or "openbaar") != "openbaar":
            niet_openbaar += 1
            continue
        punten.append(Item(str(getattr(v, "onderwerp", "") or voorstel.path.stem),
                           str(getattr(v, "kenmerk", "") or ""), besluitregel(besluit),
                           besluit.toelichting or ""))
    return punten, niet_openbaar, gemeente


def _dirs() -> list[Path]:
    base = builtin_templates()
    return [base / MAP, base / SHARED]


def html(punten, niet_openbaar: int, gemeente: str, datum: dt.date, orgaan: str) -> str:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(d)) for d in _dirs()]), autoescape=True)
    env.filters.update(FILTERS)
    titel = f"Besluitenlijst van de vergadering van {ORGAAN_NAME[orgaan]} van {FILTERS['datum'](datum)}"
    return env.get_template("besluitenlijst.html.j2").render(
        titel=titel, punten=punten, niet_openbaar=niet_openbaar, gemeente=gemeente,
        gemeente_kop=f"Gemeente {gemeente}" if gemeente else "", datum=datum, orgaan_naam=orgaan,
        vastgesteld=f"{datum.isoformat()}T00:00:00+00:00",
        sjabloon_url=lambda naam: next((d / naam).resolve().as_uri() for d in _dirs() if (d / naam).is_file()))


def write_pdf(tekst: str, target: Path) -> None:
    from weasyprint import HTML

    from generator.render.output import write_bytes
    from generator.render.pdf import ConfinedFetcher
    fetcher = ConfinedFetcher(_dirs())
    write_bytes(target, HTML(string=tekst, url_fetcher=fetcher, base_url=_dirs()[0].as_uri() + "/")
                  .write_pdf(pdf_tags=True, pdf_variant="pdf/a-2a"))


def write_docx(tekst: str, target: Path, titel: str) -> None:
    from docxtpl import DocxTemplate

    from generator.render.docx_lists import Numbering
    from generator.render.html_to_docx import HtmlToDocx
    from generator.render.output import atomic
    template_ = _dirs()[0] / "besluitenlijst.docx"
    if not template_.is_file():
        raise NotaFout(Melding(f"Word-sjabloon ontbreekt: {template_}"))
    tpl = DocxTemplate(str(template_))
    tpl.init_docx()
    inhoud = tpl.new_subdoc()
    HtmlToDocx(inhoud, Numbering(tpl.get_docx(), inhoud.styles)).write(tekst)
    tpl.render({"inhoud": inhoud, "kopregel": titel, "voetregel": "Besluitenlijst", "concept": False},
               autoescape=True)
    tpl.docx.core_properties.title = titel
    with atomic(target) as temporary:
        tpl.save(str(temporary))
