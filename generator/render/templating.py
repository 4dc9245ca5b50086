"""One Jinja environment per kind, with the filters both renderers share.

Autoescape is on for every HTML template; proposal text only ever enters a
template as a value, so template syntax inside it is printed, never run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)
from markupsafe import Markup, escape

from generator.proposal import formatting as fmt
from generator.proposal.kinds import Soort
from generator.render import housestyle
from generator.render.context import besluitregel
from generator.render.richtext import to_html


def datum(waarde) -> str:
    """26 januari 2021, its parts joined by no-break spaces (never split over two lines)."""
    return fmt.datum(waarde).replace(" ", fmt.NBSP)


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def mailto(waarde) -> Markup:
    """Text with each e-mail address a mailto: link (the rest escaped)."""
    tekst, out, start = str(waarde or ""), [], 0
    for m in EMAIL.finditer(tekst):
        out += [escape(tekst[start : m.start()]), Markup('<a href="mailto:{0}">{0}</a>').format(m.group())]
        start = m.end()
    return Markup("").join([*out, escape(tekst[start:])])


HYPHENATED = re.compile(r"\w+(?:-\w+)+")


def heel(waarde) -> Markup:
    """Text whose hyphenated words (a double surname) never break at the hyphen:
    each is a <span class="heel"> (white-space: nowrap; a no-break hyphen in Word)."""
    tekst, out, start = str(waarde or ""), [], 0
    for m in HYPHENATED.finditer(tekst):
        out += [escape(tekst[start : m.start()]), Markup('<span class="heel">{}</span>').format(m.group())]
        start = m.end()
    return Markup("").join([*out, escape(tekst[start:])])


FILTERS: dict[str, Callable[..., Any]] = {
    "datum": datum,
    "datum_short": fmt.datum_short,
    "bedrag": fmt.bedrag,
    "procent": fmt.procent,
    "besluitregel": besluitregel,
    "mailto": mailto,
    "heel": heel,
}


@lru_cache(maxsize=32)
def html_env(soort: Soort) -> Environment:
    loader = ChoiceLoader([FileSystemLoader(str(d)) for d in soort.template_dirs()])
    env = Environment(
        loader=loader,
        autoescape=select_autoescape(["html", "j2", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.filters["md"] = to_html
    env.globals["huisstijl"] = housestyle.load(soort)  # one house style for PDF and DOCX
    return env
