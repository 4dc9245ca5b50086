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
from generator.proposal.vocabulary import ALS_BESLOTEN, OPENBAAR, ORGAAN_VOLLEDIG
from generator.proposal.kinds import SHARED, builtin_templates
from generator.render.templating import FILTERS
from generator.render.typography import keep_together

MAP = "_besluitenlijst"
# How the list names the orgaan in its running foot, and who sign it.
ORGAAN_TITEL = {"college": "B&W", "raad": "gemeenteraad"}  # short: a running foot, not a sentence
CHAIR = {"college": ("De secretaris,", "De burgemeester,"), "raad": ("De griffier,", "De voorzitter,")}


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
        gemeente = gemeente or v.field("gemeente") or ""
        if (v.field("classificatie") or OPENBAAR) != OPENBAAR:
            niet_openbaar += 1
            continue
        punten.append(_item(voorstel, besluit))
    return punten, niet_openbaar, gemeente


def _item(voorstel, besluit) -> Item:
    v = voorstel.data
    besloten = v.decision_points() if besluit.uitkomst in ALS_BESLOTEN else []
    return Item(
        v.title or voorstel.path.stem,
        v.field("kenmerk") or "",
        besluitregel(besluit),
        besluit.toelichting or "",
        portefeuillehouder=v.field("portefeuillehouder") or "",
        besluitnummer=besluit.besluitnummer or "",
        besloten=besloten,
    )


def _dirs() -> list[Path]:
    base = builtin_templates()
    return [base / MAP, base / SHARED]


@dataclass
class Vergadering:
    """Who was there, and when the list was adopted (secretariat's data, all optional)."""

    aanwezig: str = ""  # "burgemeester Jansen, wethouders De Vries en Bakker, secretaris Smit"
    afwezig: str = ""
    vastgesteld_op: dt.date | None = None  # the meeting that adopted the list: a blank line until known


def title(datum: dt.date, orgaan: str) -> str:
    return f"Besluitenlijst van de vergadering van {ORGAAN_VOLLEDIG[orgaan]} van {FILTERS['datum'](datum)}"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One environment: its templates are compiled once, not once per meeting."""
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(d)) for d in _dirs()]), autoescape=True)
    env.filters.update(FILTERS)
    return env


def html(
    punten, niet_openbaar: int, gemeente: str, datum: dt.date, orgaan: str, vergadering: Vergadering | None = None
) -> str:
    env = _environment()
    return keep_together(
        env.get_template("besluitenlijst.html.j2").render(
            titel=title(datum, orgaan),
            punten=punten,
            niet_openbaar=niet_openbaar,
            gemeente=gemeente,
            gemeente_kop=f"Gemeente {gemeente}" if gemeente else "",
            datum=datum,
            orgaan_naam=orgaan,
            orgaan_lang=ORGAAN_VOLLEDIG[orgaan],
            orgaan_titel=ORGAAN_TITEL[orgaan],
            vergadering=vergadering or Vergadering(),
            voorzitter=CHAIR[orgaan],
            vastgesteld=f"{datum.isoformat()}T00:00:00+00:00",
            sjabloon_url=lambda naam: next((d / naam).resolve().as_uri() for d in _dirs() if (d / naam).is_file()),
        )
    )


def write_pdf(tekst: str, target: Path) -> None:
    from weasyprint import HTML

    from generator.render.output import write_bytes
    from generator.render.pdf import ConfinedFetcher
    from generator.render.pdf_tags import complete_tags

    fetcher = ConfinedFetcher(_dirs())
    pdf = HTML(string=tekst, url_fetcher=fetcher, base_url=_dirs()[0].as_uri() + "/").write_pdf(
        pdf_tags=True, pdf_variant="pdf/a-2a"
    )
    write_bytes(target, complete_tags(pdf))


def write_docx(tekst: str, target: Path, titel: str, kopregel: str = "", voetregel: str = "Besluitenlijst") -> None:
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
    tpl.render(
        {"inhoud": inhoud, "kopregel": kopregel or titel, "voetregel": voetregel, "concept": False}, autoescape=True
    )
    from generator.render.docx import save_html_document

    save_html_document(tpl.docx, tekst, target, titel)  # house style, properties, fixed bytes


def name(datum: dt.date, orgaan: str) -> str:
    """The file name of a meeting's list, without its extension."""
    return f"besluitenlijst-{orgaan}-{datum.isoformat()}"


def write(
    voorstellen,
    datum: dt.date,
    orgaan: str,
    out_dir: Path,
    formats=("pdf", "docx"),
    vergadering: Vergadering | None = None,
) -> tuple[list[Path], int, int]:
    """Write the list of `orgaan`'s decisions of `datum` in `formats`; returns (the files,
    the number of public items, the number of non-public ones). Nothing is written when
    nothing was decided on that date. `vergadering` adds who was present and absent,
    and the date the list was adopted."""
    punten, niet_openbaar, gemeente = collect(voorstellen, datum, orgaan)
    if not punten and not niet_openbaar:
        return [], 0, 0
    tekst = html(punten, niet_openbaar, gemeente, datum, orgaan, vergadering)
    datum_nl = FILTERS["datum"](datum)
    kop = " · ".join(d for d in (f"Gemeente {gemeente}" if gemeente else "", f"Besluitenlijst {datum_nl}") if d)
    written = []
    for format_ in formats:
        target = out_dir / f"{name(datum, orgaan)}.{format_}"
        if format_ == "pdf":
            write_pdf(tekst, target)
        else:
            voet = f"Besluitenlijst {ORGAAN_TITEL[orgaan]} · {datum_nl}"
            write_docx(tekst, target, title(datum, orgaan), kop, voet)
        written.append(target)
    return written, len(punten), niet_openbaar
