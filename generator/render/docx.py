"""The Word document: the kind's docxtpl house-style template, filled from the context.

The body is written from the same HTML rendition as the PDF (html_to_docx),
into a docxtpl subdocument placed at `{{p inhoud }}`; the template supplies
styles, page setup, header and footer. A municipality swaps in its own .docx
with the same placeholders (see docs/kinds.md).
"""
from __future__ import annotations

from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import Environment

from generator.errors import Melding, NotaFout
from generator.render.html_to_docx import HtmlToDocx
from generator.render.docx_lists import Numbering
from generator.render.output import atomic
from generator.render.html import render_html
from generator.render.templating import FILTERS


def _env() -> Environment:
    env = Environment(autoescape=True)
    env.filters.update(FILTERS)
    return env


def template_context(voorstel, ctx: dict, inhoud) -> dict:
    v = voorstel.data
    gemeente = getattr(v, "gemeente", None)
    kenmerk = getattr(v, "kenmerk", None)
    kop = " · ".join(d for d in (f"Gemeente {gemeente}" if gemeente else None, voorstel.soort.titel) if d)
    footer = " · ".join(d for d in (voorstel.soort.titel, kenmerk) if d)
    return {**ctx, "inhoud": inhoud, "kopregel": kop, "voetregel": footer}


def build_document(voorstel, ctx: dict, html: str | None = None) -> DocxTemplate:
    if not voorstel.soort.docx.is_file():
        raise NotaFout(Melding(f"Word-sjabloon ontbreekt: {voorstel.soort.docx}"))
    tpl = DocxTemplate(str(voorstel.soort.docx))
    tpl.init_docx()
    inhoud = tpl.new_subdoc()
    numbering = Numbering(tpl.get_docx(), inhoud.styles)
    HtmlToDocx(inhoud, numbering).write(html or render_html(voorstel, ctx))
    try:
        tpl.render(template_context(voorstel, ctx, inhoud), jinja_env=_env(), autoescape=True)
    except Exception as e:  # a broken house-style template is the template author's error
        raise NotaFout(Melding(f"fout in het Word-sjabloon: {e}", voorstel.soort.docx)) from None
    _properties(tpl.docx, voorstel, ctx)
    return tpl


def _properties(document, voorstel, ctx: dict) -> None:
    props = document.core_properties
    v = voorstel.data
    props.title = ctx["titel"]
    props.subject = str(getattr(v, "onderwerp", "") or "")
    props.author = ctx["auteur"]
    props.language = "nl-NL"
    props.keywords = ", ".join(str(d) for d in (voorstel.soort.naam, getattr(v, "kenmerk", None)) if d)
    props.comments = "Gemaakt met nota"


def render_docx(voorstel, ctx: dict, target: Path, html: str | None = None) -> None:
    """Render the proposal's DOCX to `doel`, atomically."""
    tpl = build_document(voorstel, ctx, html)
    with atomic(target) as temporary:
        tpl.save(str(temporary))
