"""The public list of decisions of one meeting (PDF and DOCX).

Every proposal in the folder with a decision of the orgaan on that date is
listed with its onderwerp, kenmerk, portefeuillehouder, outcome, besluitnummer,
the beslispunten as decided and the toelichting; only proposals with
`classificatie: openbaar` are named, the others are counted.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader

from generator.render.context import besluitregel
from generator.errors import Melding, NotaFout
from generator.proposal import formatting as fmt
from generator.proposal.vocabulary import ALS_BESLOTEN, OPENBAAR, ORGAAN_VOLLEDIG
from generator.proposal.kinds import SHARED, builtin_templates
from generator.render.templating import FILTERS

MAP = "_besluitenlijst"




@dataclass
class Item:
    onderwerp: str
    kenmerk: str
    uitkomst: str
    toelichting: str
    portefeuillehouder: str = ""
    besluitnummer: str = ""
    besloten: list[str] = field(default_factory=list)  # the beslispunten decided


def collect(voorstellen, datum: dt.date, orgaan: str) -> tuple[list[Item], int, str]:
    """(public points, number of non-public ones, gemeente) of the meeting."""
    punten, niet_openbaar, gemeente = [], 0, ""
    for voorstel in voorstellen:
        v = voorstel.data
        besluit = next((b for b in reversed(v.besluiten) if b.orgaan == orgaan and b.datum == datum), None)
        if besluit is None:
            continue
        gemeente = gemeente or (getattr(v, "gemeente", "") or "")
        if (getattr(v, "classificatie", OPENBAAR) or OPENBAAR) != OPENBAAR:
            niet_openbaar += 1
            continue
        punten.append(_item(voorstel, besluit))
    return punten, niet_openbaar, gemeente


def _item(voorstel, besluit) -> Item:
    v = voorstel.data
    velden = [f["sleutel"] for f in voorstel.soort.velden if f.get("type") == "beslispunten"]
    besloten = list(getattr(v, velden[0], None) or []) if velden and besluit.uitkomst in ALS_BESLOTEN else []
    return Item(v.title or voorstel.path.stem,
                str(getattr(v, "kenmerk", "") or ""), besluitregel(besluit), besluit.toelichting or "",
                portefeuillehouder=str(getattr(v, "portefeuillehouder", "") or ""),
                besluitnummer=besluit.besluitnummer or "", besloten=besloten)


def _dirs() -> list[Path]:
    base = builtin_templates()
    return [base / MAP, base / SHARED]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One environment: its templates are compiled once, not once per meeting."""
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(d)) for d in _dirs()]), autoescape=True)
    env.filters.update(FILTERS)
    return env


def html(punten, niet_openbaar: int, gemeente: str, datum: dt.date, orgaan: str) -> str:
    env = _environment()
    titel = f"Besluitenlijst van de vergadering van {ORGAAN_VOLLEDIG[orgaan]} van {fmt.datum(datum)}"
    return env.get_template("besluitenlijst.html.j2").render(
        titel=titel, punten=punten, niet_openbaar=niet_openbaar, gemeente=gemeente,
        gemeente_kop=f"Gemeente {gemeente}" if gemeente else "", datum=datum, orgaan_naam=orgaan,
        vastgesteld=f"{datum.isoformat()}T00:00:00+00:00",
        sjabloon_url=lambda naam: next((d / naam).resolve().as_uri() for d in _dirs() if (d / naam).is_file()))


def write_pdf(tekst: str, target: Path) -> None:
    from weasyprint import HTML

    from generator.render.output import write_bytes
    from generator.render.pdf import ConfinedFetcher
    from generator.render.pdf_tags import complete_tags
    fetcher = ConfinedFetcher(_dirs())
    pdf = HTML(string=tekst, url_fetcher=fetcher, base_url=_dirs()[0].as_uri() + "/").write_pdf(
        pdf_tags=True, pdf_variant="pdf/a-2a")
    write_bytes(target, complete_tags(pdf))


def write_docx(tekst: str, target: Path, titel: str) -> None:
    from docxtpl import DocxTemplate

    from generator.render.docx_lists import Numbering
    from generator.render.html_to_docx import HtmlToDocx
    template_ = _dirs()[0] / "besluitenlijst.docx"
    if not template_.is_file():
        raise NotaFout(Melding(f"Word-sjabloon ontbreekt: {template_}"))
    tpl = DocxTemplate(str(template_))
    tpl.init_docx()
    inhoud = tpl.new_subdoc()
    HtmlToDocx(inhoud, Numbering(tpl.get_docx(), inhoud.styles)).write(tekst)
    tpl.render({"inhoud": inhoud, "kopregel": titel, "voetregel": "Besluitenlijst", "concept": False},
               autoescape=True)
    from generator.render.docx import save_html_document
    save_html_document(tpl.docx, tekst, target, titel)  # house style, properties, fixed bytes


def name(datum: dt.date, orgaan: str) -> str:
    """The file name of a meeting's list, without its extension."""
    return f"besluitenlijst-{orgaan}-{datum.isoformat()}"


def write(voorstellen, datum: dt.date, orgaan: str, out_dir: Path,
          formats=("pdf", "docx")) -> tuple[list[Path], int, int]:
    """Write the list of `orgaan`'s decisions of `datum` in `formats`; returns (the files,
    the number of public items, the number of non-public ones). Nothing is written when
    nothing was decided on that date."""
    punten, niet_openbaar, gemeente = collect(voorstellen, datum, orgaan)
    if not punten and not niet_openbaar:
        return [], 0, 0
    tekst = html(punten, niet_openbaar, gemeente, datum, orgaan)
    written = []
    for format_ in formats:
        target = out_dir / f"{name(datum, orgaan)}.{format_}"
        if format_ == "pdf":
            write_pdf(tekst, target)
        else:
            write_docx(tekst, target, f"Besluitenlijst {datum.isoformat()}")
        written.append(target)
    return written, len(punten), niet_openbaar
