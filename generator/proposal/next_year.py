"""Next year's proposal from last year's (`nota new --van`).

Every year that can be recognised moves one on, in every text: onderwerp, samenvatting,
beslispunten, section texts, table titles, column headers and row names, planning. A year
is a number from 1900 to 2099 standing on its own; a range (`2021-2024`, `2021/2022`)
and a date (`2021-01-26`) move too. Not a year, and so left alone: an amount (`€ 2021`, `2.021`,
`2021,50`), part of a longer number, a kenmerk or a reference (`2021.01234`, `12021`,
`2019-000076`), a postbus (`Postbus 1992`), the end of a phone number (`043 350 2000`),
part of a file name or link (`grafiek-2021.png`, `/2021/`), comments, and the fields
that identify something else: `kenmerk` (to be filled in anew), `bestand`, `email`,
`telefoon` and the addresses. Dates (`datum` and other date fields) are not moved: the ones
that matter are to be filled in, the others are history.

The YAML is changed in place with ruamel.yaml's round trip, so comments, quoting, block
style and key order stay as they were; decisions are left out, and any comment that
followed them is kept.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from generator.proposal.placeholders import FILL_IN

YEAR = re.compile(
    r"(?<![\w.,€])(?<!€ )(?<!€\u00a0)(?<!(?<!\d)/)"  # not an amount, part of a number or a path
    r"(?<![Pp]ostbus )(?<!\d )(?<!\d\u00a0)"  # not a postbus or the end of a phone number
    r"(19\d{2}|20\d{2})"
    r"(?!\w|[.,]\w|/(?!(?:19|20)\d\d(?!\d))\w)"  # not 2021.01234, 2021,50, 2021.png (2021/2022 is)
    r"(?![-/](?!(?:19|20)\d\d(?!\d))\d{3,})"
)  # not a reference like 2019-000076 (2021-2024 is)
NOT_MOVED = frozenset(
    {
        "soort",
        "kenmerk",
        "datum",
        "besluiten",
        "bestand",
        "email",
        "telefoon",
        "retouradres",
        "postadres",
        "bezoekadres",
        "adres",
    }
)


@dataclass
class Change:
    line: int  # in the source, from 1
    waar: str  # the YAML key, e.g. "beslispunten[2]"
    tekst: str  # what changed, in Dutch


def next_year(tekst: str) -> tuple[str, list[tuple[str, str]]]:
    """Every year in `tekst` one on, and the (old, new) pairs in order of first appearance."""
    paren: list[tuple[str, str]] = []

    def step(m: re.Match) -> str:
        paar = (m.group(0), str(int(m.group(0)) + 1))
        if paar not in paren:
            paren.append(paar)
        return paar[1]

    return YEAR.sub(step, tekst), paren


def from_last_year(tekst: str, verplicht: frozenset[str] = frozenset({"kenmerk"})) -> tuple[str, list[Change]]:
    """Last year's proposal as this year's, and what was changed.

    `verplicht` are the kind's required fields: a required `kenmerk` becomes the
    placeholder that `nota check` refuses until it is filled in, an optional one blank."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(tekst)
    if not isinstance(data, CommentedMap):
        return tekst, []
    changes: list[Change] = []
    _walk(data, "", 1, changes)
    _to_fill_in(data, verplicht, changes)
    _drop_decisions(data, changes)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue(), changes


def _line(node, key, fallback: int) -> int:
    try:
        return (node.lc.key(key) if isinstance(node, CommentedMap) else node.lc.item(key))[0] + 1
    except (AttributeError, KeyError, IndexError, TypeError):
        return fallback


def _walk(node, pad: str, line: int, changes: list[Change]) -> None:
    keys = list(node) if isinstance(node, CommentedMap) else range(len(node))
    for key in keys:
        if isinstance(node, CommentedMap) and key in NOT_MOVED:
            continue
        waar = f"{pad}.{key}".lstrip(".") if isinstance(node, CommentedMap) else f"{pad}[{key + 1}]"
        waarde, r = node[key], _line(node, key, line)
        if isinstance(waarde, (CommentedMap, CommentedSeq)):
            _walk(waarde, waar, r, changes)
        elif isinstance(waarde, str):
            nieuw, _ = next_year(waarde)
            if nieuw != waarde:
                node[key] = _same_style(waarde, nieuw)
                changes += _changes_in(waarde, r, waar)
        elif (
            isinstance(waarde, int)
            and not isinstance(waarde, bool)
            and 1900 <= waarde <= 2099
            and pad.endswith("kolommen")
        ):
            node[key] = waarde + 1
            changes.append(Change(r, waar, f"{waarde} → {waarde + 1}"))


def _changes_in(waarde: str, line: int, waar: str) -> list[Change]:
    """One Change per line with a year: a literal block (|) starts on the line after its
    key, line for line; any other text is reported at its key."""
    if not isinstance(waarde, LiteralScalarString):
        return [Change(line, waar, _pairs(next_year(waarde)[1]))]
    return [
        Change(line + 1 + i, waar, _pairs(paren))
        for i, r in enumerate(waarde.split("\n"))
        for paren in [next_year(r)[1]]
        if paren
    ]


def _pairs(paren: list[tuple[str, str]]) -> str:
    return ", ".join(f"{a} → {b}" for a, b in paren)


def _same_style(oud: str, nieuw: str) -> str:
    """`nieuw` with the quoting or block style of `oud` (a ruamel.yaml scalar string)."""
    if type(oud) is str:
        return nieuw
    out = type(oud)(nieuw)
    if hasattr(oud, "fold_pos"):  # a year keeps its length, so the folds stay where they were
        out.fold_pos = list(oud.fold_pos)  # type: ignore[attr-defined]  # ruamel's folded string
    return out


def _to_fill_in(data: CommentedMap, verplicht: frozenset[str], changes: list[Change]) -> None:
    for sleutel in ("kenmerk", "datum"):
        if sleutel not in data:
            continue
        line = _line(data, sleutel, 1)
        if sleutel == "datum":
            data[sleutel] = None
            data.yaml_add_eol_comment(FILL_IN, sleutel, column=len(sleutel) + 2)
            changes.append(Change(line, sleutel, "leeg gemaakt: invullen"))
        else:
            data[sleutel] = FILL_IN if sleutel in verplicht else ""
            changes.append(
                Change(
                    line,
                    sleutel,
                    f"'{FILL_IN}' (nieuw kenmerk invullen)"
                    if sleutel in verplicht
                    else "leeg gemaakt (nieuw kenmerk invullen of leeg laten)",
                )
            )


def _drop_decisions(data: CommentedMap, changes: list[Change]) -> None:
    oud = data.get("besluiten")
    if not isinstance(oud, CommentedSeq) or not oud:
        return
    after = _trailing_comment(oud)
    nieuw = CommentedSeq()
    nieuw.fa.set_flow_style()
    data["besluiten"] = nieuw
    if after:
        data.ca.items["besluiten"] = [None, None, CommentToken("\n" + after, CommentMark(0), None), None]
    n = len(oud)
    changes.append(
        Change(_line(data, "besluiten", 1), "besluiten", f"{n} {'besluit' if n == 1 else 'besluiten'} weggelaten")
    )


def _trailing_comment(node) -> str:
    """The full comment lines after the last item of `node` (they belong to what follows),
    taken off the node; an end-of-line comment on the last item itself goes with it."""
    while True:
        if getattr(node.ca, "end", None):
            return "".join(t.value for t in node.ca.end if isinstance(t, CommentToken))
        key = (list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1) if len(node) else None
        if key is None:
            return ""
        tokens = node.ca.items.get(key) or []
        token = next((t for t in reversed(tokens) if isinstance(t, CommentToken)), None)
        if token is not None:
            waarde = token.value
            return (
                waarde.split("\n", 1)[1]
                if waarde.lstrip(" ").startswith("#") and "\n" in waarde
                else ("" if waarde.lstrip(" ").startswith("#") else waarde.lstrip("\n"))
            )
        child = node[key]
        if not isinstance(child, (CommentedMap, CommentedSeq)):
            return ""
        node = child


@dataclass
class Started:
    """A new proposal's text, what was changed from the one it started from, and the hint
    to show when no $schema line could be given (empty when it could)."""

    tekst: str
    changes: list[Change]
    schema_hint: str = ""


def start_from(van: Path, doel: Path | None, search_path) -> Started:
    """Next year's proposal from the one at `van`, to be written to `doel` (None: the
    screen): `nota new --van` and the editor's "nieuw van bestaand" alike."""
    from generator.errors import Melding, NotaFout
    from generator.proposal.kinds import find_soort, known_soorten
    from generator.proposal.skeleton import schema_header_for, schema_hint, with_schema_header
    from generator.proposal.files import read_regular
    from generator.proposal.load import MAX_BYTES

    try:  # a regular file, bounded: a FIFO or /dev/zero is refused, not read
        bron = read_regular(van, MAX_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotaFout(Melding("bestand is geen geldige UTF-8; sla het op als UTF-8", van)) from None
    try:
        naam = (YAML(typ="safe", pure=True).load(bron) or {}).get("soort")
    except Exception:  # not valid YAML: let nota check say why, with the place
        raise NotaFout(Melding("kan niet als YAML worden gelezen; 'nota check' zegt waar het misgaat", van)) from None
    s = find_soort(naam, search_path) if isinstance(naam, str) and naam in known_soorten(search_path) else None
    verplicht = frozenset(v["sleutel"] for v in s.velden if v.get("verplicht")) if s else frozenset({"kenmerk"})
    tekst, changes = from_last_year(bron, verplicht)
    if s is None:
        return Started(tekst, changes)
    kop = schema_header_for(s, doel)
    return Started(with_schema_header(tekst, kop), changes, "" if kop else schema_hint(s))


def start(soort, doel: Path | None) -> Started:
    """A new proposal of kind `soort` (every field and section, with their explanation),
    to be written to `doel` (None: the screen)."""
    from generator.proposal.skeleton import dump, schema_header_for, schema_hint, skeleton

    kop = schema_header_for(soort, doel)
    return Started(dump(skeleton(soort), kop), [], "" if kop else schema_hint(soort))


def cleared(tekst: str, texts: bool = False, amounts: bool = False) -> str:
    """A proposal started from an existing one, with the old year's section texts (`texts`)
    and the amounts of its tables (`amounts`) emptied; the structure (sections, tables,
    their posts, columns and subtotals) and every comment stay."""
    import io

    if not (texts or amounts):
        return tekst
    yaml = YAML(typ="rt")
    yaml.preserve_quotes, yaml.width = True, 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(tekst)
    secties = data.get("secties") if isinstance(data, dict) else None
    if not isinstance(secties, CommentedMap):
        return tekst
    for key, inhoud in secties.items():
        if texts and isinstance(inhoud, str) and inhoud.strip().lower() not in ("nvt", "n.v.t."):
            secties[key] = None
        for i, item in enumerate(inhoud if isinstance(inhoud, list) else []):
            if isinstance(item, CommentedMap):
                _clear_table(item, texts, amounts)
            elif texts:
                inhoud[i] = ""
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _clear_table(tabel: CommentedMap, texts: bool, amounts: bool) -> None:
    for regel in tabel.get("regels") or []:
        if amounts and "bedrag" in regel:
            bedrag = regel["bedrag"]
            regel["bedrag"] = _emptied(bedrag)
        if texts and "toelichting" in regel:
            regel["toelichting"] = None
    if amounts and "totaal" in tabel:
        tabel["totaal"] = _emptied(tabel["totaal"])


def _emptied(value):
    if isinstance(value, list):
        empty = CommentedSeq([None] * len(value))
        empty.fa.set_flow_style()
        return empty
    return None
