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

from .context import besluitregel
from .errors import Melding, NotaFout
from .kinds import SHARED, builtin_templates
from .templating import FILTERS

MAP = "_besluitenlijst"
ORGAAN_NAAM = {"college": "het college van burgemeester en wethouders", "raad": "de gemeenteraad"}


@dataclass
class Punt:
    onderwerp: str
    kenmerk: str
    uitkomst: str
    toelichting: str


def verzamel(voorstellen, datum: dt.date, orgaan: str) -> tuple[list[Punt], int, str]:
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
        punten.append(Punt(str(getattr(v, "onderwerp", "") or voorstel.pad.stem),
                           str(getattr(v, "kenmerk", "") or ""), besluitregel(besluit),
                           besluit.toelichting or ""))
    return punten, niet_openbaar, gemeente


def _dirs() -> list[Path]:
    basis = builtin_templates()
    return [basis / MAP, basis / SHARED]


def html(punten, niet_openbaar: int, gemeente: str, datum: dt.date, orgaan: str) -> str:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(d)) for d in _dirs()]), autoescape=True)
    env.filters.update(FILTERS)
    titel = f"Besluitenlijst van de vergadering van {ORGAAN_NAAM[orgaan]} van {FILTERS['datum'](datum)}"
    return env.get_template("besluitenlijst.html.j2").render(
        titel=titel, punten=punten, niet_openbaar=niet_openbaar, gemeente=gemeente,
        gemeente_kop=f"Gemeente {gemeente}" if gemeente else "", datum=datum, orgaan_naam=orgaan,
        vastgesteld=f"{datum.isoformat()}T00:00:00+00:00",
        sjabloon_url=lambda naam: next((d / naam).resolve().as_uri() for d in _dirs() if (d / naam).is_file()))


def schrijf_pdf(tekst: str, doel: Path) -> None:
    from weasyprint import HTML

    from .output import schrijf_bytes
    from .render_pdf import BeperkteFetcher
    fetcher = BeperkteFetcher(_dirs())
    schrijf_bytes(doel, HTML(string=tekst, url_fetcher=fetcher, base_url=_dirs()[0].as_uri() + "/")
                  .write_pdf(pdf_tags=True, pdf_variant="pdf/a-2a"))


def schrijf_docx(tekst: str, doel: Path, titel: str) -> None:
    from docxtpl import DocxTemplate

    from .docx_lists import Nummering
    from .html_to_docx import HtmlNaarDocx
    from .output import atomisch
    sjabloon = _dirs()[0] / "besluitenlijst.docx"
    if not sjabloon.is_file():
        raise NotaFout(Melding(f"Word-sjabloon ontbreekt: {sjabloon}"))
    tpl = DocxTemplate(str(sjabloon))
    tpl.init_docx()
    inhoud = tpl.new_subdoc()
    HtmlNaarDocx(inhoud, Nummering(tpl.get_docx(), inhoud.styles)).schrijf(tekst)
    tpl.render({"inhoud": inhoud, "kopregel": titel, "voetregel": "Besluitenlijst", "concept": False},
               autoescape=True)
    tpl.docx.core_properties.title = titel
    with atomisch(doel) as tijdelijk:
        tpl.save(str(tijdelijk))
