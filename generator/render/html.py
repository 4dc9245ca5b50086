"""The HTML rendition of a proposal: the kind's Jinja template over the context.

This HTML is what WeasyPrint lays out into the PDF, and what the live
preview shows.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound

from generator.errors import Melding, NotaFout
from generator.render.templating import html_env
from generator.render.typography import keep_together


def sjabloon_url(soort):
    """A template function: a file from the kind's search path as a file:// URL."""

    def url(naam: str) -> str:
        for map_ in soort.template_dirs():
            path = map_ / naam
            if path.is_file():
                return path.resolve().as_uri()
        raise NotaFout(Melding(f"sjabloonbestand '{naam}' niet gevonden in {soort.map}"))

    return url


def render_html(voorstel, ctx: dict) -> str:
    soort = voorstel.soort
    env = html_env(soort)
    try:
        template = env.get_template(soort.html)
        return keep_together(template.render(**ctx, sjabloon_url=sjabloon_url(soort)))
    except TemplateNotFound as e:
        raise NotaFout(Melding(f"sjabloon '{e.name}' ontbreekt", soort.map)) from None
    except TemplateError as e:
        lineno = getattr(e, "lineno", None)
        naam = getattr(e, "filename", None) or getattr(e, "name", None) or soort.html
        raise NotaFout(Melding(f"fout in het sjabloon: {e.message}", Path(naam), lineno)) from None
