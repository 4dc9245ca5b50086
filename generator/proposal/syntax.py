"""YAML that cannot be parsed: a Dutch message at the line that is really at fault.

ruamel.yaml notices an unclosed quote or a wrongly indented line only some
lines later, where the structure stops making sense. `locate` looks back from
that place for the usual culprits: a quote opened and not closed on its line,
or a line indented differently from the lines at its level.
"""

from __future__ import annotations

import re

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

_SYNTAX_NL = [
    ("found character '\\t'", "een tab mag in YAML niet voor inspringing worden gebruikt; gebruik spaties"),
    (
        "mapping values are not allowed here",
        "hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "er ontbreekt een ':' achter de sleutel"),
    ("found undefined alias", "onbekende alias (*); aliassen worden niet ondersteund"),
    ("expected <block end>, but found", "de inspringing klopt niet: deze regel valt buiten het blok erboven"),
    ("found unexpected end of stream", "het bestand houdt midden in een waarde op (ontbreekt een aanhalingsteken?)"),
    ("found unknown escape character", "onbekende escape-code in tekst tussen dubbele aanhalingstekens"),
    ("expected a comment or a line break", "na de waarde staat nog tekst; zet de hele tekst tussen aanhalingstekens"),
    (
        "found character that cannot start any token",
        "dit teken mag hier niet staan; zet de tekst tussen aanhalingstekens",
    ),
    ("while scanning a simple key", "een sleutel moet op één regel staan en met ':' eindigen"),
    ("did not find expected key", "de inspringing klopt niet: hier wordt een sleutel verwacht"),
    ("did not find expected '-' indicator", "de inspringing klopt niet: hier wordt een lijstitem ('- ') verwacht"),
    (
        "sequence entries are not allowed here",
        "hier mag geen lijstitem ('- ') beginnen; zet het op een "
        "nieuwe regel onder de sleutel, of zet de tekst tussen aanhalingstekens",
    ),
    (
        "expected ',' or ']'",
        "in een lijst tussen [ en ] ontbreekt hier een ',' of de ']'; zet tekst met "
        "een komma of haakje tussen aanhalingstekens",
    ),
    (
        "expected ',' or '}'",
        "tussen { en } ontbreekt hier een ',' of de '}'; zet tekst met een komma of accolade tussen aanhalingstekens",
    ),
    (
        "expected '<document start>'",
        "hier begint iets dat niet bij de sleutels erboven hoort; controleer de inspringing van deze regel",
    ),
    (
        "expected chomping or indentation indicators",
        "na '|' of '>' hoort de regel te eindigen; zet de tekst op de regels eronder, verder ingesprongen",
    ),
    ("expected the node content", "hier ontbreekt een waarde; zet tekst met leestekens tussen aanhalingstekens"),
    ("found duplicate anchor", "dubbel anker (&); ankers en aliassen worden niet ondersteund"),
]
_INDENTATION = (
    "expected <block end>",
    "could not find expected ':'",
    "did not find expected key",
    "did not find expected '-'",
    "mapping values are not allowed here",
)
_KEY = re.compile(r"^(\s*)(- +)?[^\s#'\"\[{][^:#]*:(\s|$)")
_BLOCK = re.compile(r"[|>][0-9+-]*\s*(#.*)?$")


def message(e: MarkedYAMLError) -> str:
    problem = f"{e.context or ''} {e.problem or ''}"
    for english, dutch in _SYNTAX_NL:
        if english in problem:
            return f"ongeldige YAML: {dutch}"
    detail = (e.problem or e.context or "").strip()
    return "ongeldige YAML: deze plaats kan niet worden gelezen" + (f" ({detail})" if detail else "")


def locate(e: MarkedYAMLError, tekst: str) -> tuple[str, int | None, int | None]:
    """(message, line, column) of a syntax error, at the line really at fault."""
    if e.context and "quoted scalar" in e.context and e.context_mark is not None:
        return _unclosed(tekst, e.context_mark.line, e.context_mark.column)
    mark = e.problem_mark or e.context_mark
    if mark is None:
        return message(e), None, None
    quote = _quote_spanning_keys(tekst, mark.line)
    if quote:
        return _unclosed(tekst, *quote)
    problem = f"{e.context or ''} {e.problem or ''}"
    if any(p in problem for p in _INDENTATION):
        found = _misindented(tekst.splitlines(), mark.line)
        if found:
            return found
    return message(e), mark.line + 1, mark.column + 1


def _unclosed(tekst: str, line: int, column: int) -> tuple[str, int, int]:
    teken = tekst.splitlines()[line][column] if line < len(tekst.splitlines()) else '"'
    return (
        f"ongeldige YAML: het aanhalingsteken ({teken}) wordt op deze regel niet gesloten; "
        f"zet aan het eind van de waarde ook een {teken}",
        line + 1,
        column + 1,
    )


def _quote_spanning_keys(tekst: str, until: int) -> tuple[int, int] | None:
    """A quoted value before line `until` that runs on over lines that look like keys."""
    regels = tekst.splitlines()
    try:
        for token in YAML(typ="rt", pure=True).scan(tekst):
            start, end = token.start_mark, token.end_mark
            if start.line > until:
                return None
            if (
                getattr(token, "style", None) in ('"', "'")
                and end.line > start.line
                and any(_KEY.match(r) for r in regels[start.line + 1 : end.line + 1])
            ):
                return start.line, start.column
    except YAMLError:
        return None
    return None


def _structure(regels: list[str], until: int) -> list[tuple[int, int, str]]:
    """(index, indentation, text) of the lines that carry structure, block text skipped."""
    out, block = [], None
    for i, regel in enumerate(regels[: until + 1]):
        stripped = regel.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(regel) - len(regel.lstrip(" "))
        if block is not None and indent > block:
            continue
        block = indent if _BLOCK.search(stripped) and ":" in stripped or stripped.startswith("- |") else None
        out.append((i, indent, stripped))
    return out


def _misindented(regels: list[str], error_line: int) -> tuple[str, int, int] | None:
    lines = _structure(regels, error_line)
    for pos in range(1, len(lines)):
        i, indent, text = lines[pos]
        _, before, before_text = lines[pos - 1]
        if _BLOCK.search(before_text) and indent <= before and ":" not in text and not text.startswith("-"):
            return (
                "ongeldige YAML: de inspringing klopt niet: deze regel hoort bij de tekst erboven "
                "maar springt minder ver in dan die tekst",
                i + 1,
                indent + 1,
            )
    return _odd_sibling(lines, error_line)


def _odd_sibling(lines, error_line) -> tuple[str, int, int] | None:
    """Of two neighbouring lines under one parent, the one indented unlike the rest."""
    pos = next((p for p, (i, _, _) in enumerate(lines) if i == error_line), len(lines) - 1)
    if pos < 1:
        return None
    e_i, e_ind, _ = lines[pos]
    p_i, p_ind, _ = lines[pos - 1]
    if p_ind == e_ind:
        return None
    parent = next((ind for _, ind, _ in reversed(lines[: pos - 1]) if ind < min(p_ind, e_ind)), None)
    if parent is None:
        return None
    expected = {parent + 2, parent}
    if e_ind > p_ind and lines[pos - 1][2].endswith(":"):
        return None  # a child under its key: not siblings
    if p_ind not in expected and e_ind in expected:
        odd, ind, other, other_ind = p_i, p_ind, e_i, e_ind
    else:
        odd, ind, other, other_ind = e_i, e_ind, p_i, p_ind
    richting = "verder" if ind > other_ind else "minder ver"
    n = abs(ind - other_ind)
    return (
        f"ongeldige YAML: de inspringing klopt niet: deze regel springt {n} "
        f"{'spatie' if n == 1 else 'spaties'} {richting} in dan regel {other + 1} "
        "op hetzelfde niveau",
        odd + 1,
        ind + 1,
    )
