"""The comparison as a self-contained HTML report: side by side, changes in colour."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from generator.diff.compare import TextDiff, Comparison
from generator.diff.terminal import TABLE_STATUS, tabellen_zin
from generator.proposal.kinds import builtin_templates
from generator.render.templating import FILTERS

STATUS = {"gelijk": "", "gewijzigd": "~", "nieuw": "+", "vervallen": "−"}


def kant(diff: TextDiff, side: str) -> Markup:
    """One side of a word diff: '-' the old text with deletions, '+' the new with insertions."""
    tag = "del" if side == "-" else "ins"
    parts = []
    for op, chunk in diff.pieces:
        if op == "=":
            parts.append(escape(chunk))
        elif op == side:
            parts.append(Markup(f"<{tag}>") + escape(chunk) + Markup(f"</{tag}>"))
    return Markup("".join(parts)).replace("\n\n", Markup("<br><br>"))


def report_html(v: Comparison, oud: str, nieuw: str) -> str:
    env = Environment(loader=FileSystemLoader(str(builtin_templates() / "_diff")), autoescape=True)
    env.filters.update(FILTERS)
    return env.get_template("diff.html.j2").render(
        v=v, oud=oud, nieuw=nieuw, kant=kant, status=STATUS, tabellen_zin=tabellen_zin, tabel_status=TABLE_STATUS
    )
