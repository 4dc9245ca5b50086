"""The Word document: the kind's docxtpl house-style template, filled from the context.

The body is written from the same HTML rendition as the PDF (html_to_docx),
into a docxtpl subdocument placed at `{{p inhoud }}`; the template supplies
styles, page setup, header and footer. A municipality swaps in its own .docx
with the same placeholders (see docs/kinds.md).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import Environment

from generator.errors import Melding, NotaFout
from generator.render import docx_style, housestyle
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
    gemeente, kenmerk = v.field("gemeente"), v.field("kenmerk")
    kop = " · ".join(d for d in (f"Gemeente {gemeente}" if gemeente else None, voorstel.soort.titel) if d)
    footer = " · ".join(d for d in (voorstel.soort.titel, kenmerk) if d)
    return {**ctx, "inhoud": inhoud, "kopregel": kop, "voetregel": footer}


def build_document(voorstel, ctx: dict, html: str | None = None) -> DocxTemplate:
    if not voorstel.soort.docx.is_file():
        raise NotaFout(Melding(f"Word-sjabloon ontbreekt: {voorstel.soort.docx}"))
    huisstijl = housestyle.load(voorstel.soort)
    tpl = DocxTemplate(str(voorstel.soort.docx))
    tpl.init_docx()
    docx_style.apply(tpl.get_docx(), huisstijl)
    inhoud = tpl.new_subdoc()
    numbering = Numbering(tpl.get_docx(), inhoud.styles)
    writer = HtmlToDocx(inhoud, numbering, huisstijl=huisstijl, folders=_folders(voorstel), bron=voorstel.path)
    writer.write(html or render_html(voorstel, ctx))
    try:
        tpl.render(template_context(voorstel, ctx, inhoud), jinja_env=_env(), autoescape=True)
    except Exception as e:  # a broken house-style template is the template author's error
        raise NotaFout(Melding(f"fout in het Word-sjabloon: {e}", voorstel.soort.docx)) from None
    _properties(tpl.docx, voorstel, ctx)
    return tpl


def _folders(voorstel) -> list[Path]:
    """Where the body's images may come from: the proposal's folder, then the kind's template folders."""
    return [voorstel.path.resolve().parent, *voorstel.soort.template_dirs()]


def moments(voorstel, ctx: dict) -> tuple[dt.datetime, dt.datetime]:
    """(created, modified): a final document is dated by its decision, so its bytes are fixed;
    a concept was created on the proposal's date and modified now."""
    final = docx_style.moment_of(ctx.get("vastgesteld"))
    if final is not None:
        return final, final
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    created = docx_style.moment_of(voorstel.data.proposal_date()) or now
    return min(created, now), now


def _properties(document, voorstel, ctx: dict) -> None:
    v = voorstel.data
    created, modified = moments(voorstel, ctx)
    docx_style.properties(
        document,
        titel=ctx["titel"],
        onderwerp=v.title,
        auteur=ctx["auteur"] or v.field("gemeente") or "",
        trefwoorden=", ".join(d for d in (voorstel.soort.naam, v.field("kenmerk")) if d),
        created=created,
        modified=modified,
    )


def render_docx(voorstel, ctx: dict, target: Path, html: str | None = None) -> None:
    """Render the proposal's DOCX to `target`, atomically; a final one has fixed bytes."""
    tpl = build_document(voorstel, ctx, html)
    inhoud = docx_style.stable_bytes(tpl.docx, moments(voorstel, ctx)[1])
    with atomic(target) as temporary:
        Path(temporary).write_bytes(inhoud)


def save_html_document(document, html: str, target: Path, titel: str) -> None:
    """Save a Word document written from an HTML page of no kind (the besluitenlijst):
    the shared house style, author and date from the page's meta data, fixed bytes."""
    from lxml import html as lxml_html

    head = lxml_html.fromstring(html).find(".//head")
    meta = {m.get("name"): m.get("content") for m in (head.iter("meta") if head is not None else [])}
    docx_style.apply(document, housestyle.load_shared())
    moment = docx_style.moment_of(meta.get("dcterms.created")) or dt.datetime.now(dt.timezone.utc)
    docx_style.properties(
        document,
        titel=titel,
        onderwerp=titel,
        auteur=meta.get("author") or "",
        trefwoorden="besluitenlijst",
        created=moment,
        modified=moment,
    )
    inhoud = docx_style.stable_bytes(document, moment)
    with atomic(target) as temporary:
        Path(temporary).write_bytes(inhoud)
