"""The comparison as a self-contained HTML report: side by side, changes in colour."""
from __future__ import annotations

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from .diff import Tekst, Vergelijking
from .kinds import builtin_templates
from .templating import FILTERS

STATUS = {"gelijk": "", "gewijzigd": "~", "nieuw": "+", "vervallen": "−"}


def kant(diff: Tekst, zijde: str) -> Markup:
    """One side of a word diff: '-' the old text with deletions, '+' the new with insertions."""
    tag = "del" if zijde == "-" else "ins"
    delen = []
    for op, stuk in diff.stukken:
        if op == "=":
            delen.append(escape(stuk))
        elif op == zijde:
            delen.append(Markup(f"<{tag}>") + escape(stuk) + Markup(f"</{tag}>"))
    return Markup("".join(delen)).replace("\n\n", Markup("<br><br>"))


def rapport(v: Vergelijking, oud: str, nieuw: str) -> str:
    env = Environment(loader=FileSystemLoader(str(builtin_templates() / "_diff")), autoescape=True)
    env.filters.update(FILTERS)
    return env.get_template("diff.html.j2").render(v=v, oud=oud, nieuw=nieuw, kant=kant, status=STATUS)
