"""Load a proposal's YAML into plain Python values, keeping line and column.

The YAML is composed into nodes by ruamel.yaml and constructed here, so that
every value's position is known, aliases are refused (no expansion bombs),
duplicate keys and impossible dates are reported, and a float such as
`371.358` keeps its original text for a precise message.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.errors import Melding, NotaFout
from generator.proposal import syntax

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_WORD = 1000  # characters without a space: no word, no address is longer

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# What the YAML reader refuses in a file, and what a value may not hold after its escapes.
_NOT_IN_FILE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOT_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))
# Bidirectional embedding, override and isolate controls: they make text read
# differently from how it is stored ("Trojan source"); a proposal has no use for them.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# The tags a proposal may carry: YAML's own scalars and collections, nothing that constructs objects.
KNOWN_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
) | {"!"}


class Invalid:
    """Stands in for a value the loader already refused with a melding."""

    def __repr__(self) -> str:
        return "<ongeldig>"


INVALID = Invalid()


class YamlFloat(str):
    """A YAML float, kept as its source text: amounts must never be floats."""


@dataclass
class Source:
    """A loaded proposal: plain data plus the position of every value."""

    path: Path
    data: Any  # the parsed YAML: a mapping for a proposal, anything for a file that is not one
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    tekst: str = ""
    meldingen: list[Melding] = field(default_factory=list)  # found while loading; the parse went on
    invalid: set[tuple] = field(default_factory=set)  # paths whose value is INVALID

    def entry(self, key: str) -> Any:
        """The value written at top-level `key`; None when left out or the file holds no mapping."""
        return self.data.get(key) if isinstance(self.data, dict) else None

    def plaats(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `pad`, or its nearest parent."""
        sources = (self.key_positions, self.positions) if key else (self.positions,)
        path = tuple(path)
        while True:
            for positions in sources:
                if path in positions:
                    return positions[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def melding(self, path: tuple, message: str, key: bool = False, **kw) -> Melding:
        line, column = self.plaats(path, key)
        return Melding(message, self.path, line, column, **kw)


def load_file(path: Path | str) -> Source:
    """Read one proposal file: only a regular file, its size checked before reading."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise NotaFout(Melding("bestand bestaat niet", path)) from None
    except IsADirectoryError:
        raise NotaFout(Melding("dit is een map, geen YAML-bestand", path)) from None
    except OSError as e:
        raise NotaFout(Melding(f"bestand kan niet worden gelezen ({e.strerror})", path)) from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotaFout(Melding("dit is een map, geen YAML-bestand", path))
        if not stat.S_ISREG(info.st_mode):
            raise NotaFout(
                Melding(
                    "dit is geen gewoon bestand (maar bijvoorbeeld een pijp of een apparaat); geef een YAML-bestand",
                    path,
                )
            )
        _check_size(info.st_size, path)
        try:
            raw = f.read(MAX_BYTES + 1)
        except OSError as e:
            raise NotaFout(Melding(f"bestand kan niet worden gelezen ({e.strerror})", path)) from None
    return load_bytes(raw, path)


def _check_size(size: int, path: Path) -> None:
    if size > MAX_BYTES:
        raise NotaFout(
            Melding(
                f"bestand is te groot ({size // 1024} KiB); een voorstel mag hoogstens {MAX_BYTES // 1024} KiB zijn",
                path,
            )
        )


def load_bytes(raw: bytes, path: Path | str) -> Source:
    """Parse a proposal; problems that still leave a parse are collected in `meldingen`."""
    path = Path(path)
    _check_size(len(raw), path)
    text = _decode(raw, path)
    if not text.strip() or all(r.lstrip().startswith("#") or not r.strip() for r in text.splitlines()):
        raise NotaFout(Melding("bestand is leeg; begin met 'soort: collegenota' (zie 'nota new')", path, 1, 1))
    _refuse_invisible(text, path)
    node = _compose(text, path)
    source = Source(path=path, data=None, tekst=text)
    source.data = _Builder(source).build(node, (), 0, set())
    if not isinstance(source.data, dict):
        raise NotaFout(
            source.melding(
                (),
                "een voorstel moet bestaan uit sleutels met waarden "
                "(soort: ..., onderwerp: ...), niet uit een lijst of losse tekst",
            )
        )
    return source


def _refuse_invisible(text: str, path: Path) -> None:
    hit = _NOT_IN_FILE.search(text)
    if hit:
        before = text[: hit.start()]
        line, column = before.count("\n") + 1, hit.start() - (before.rfind("\n") + 1) + 1
        raise NotaFout(
            Melding(
                f"hier staat een onzichtbaar stuurteken (U+{ord(hit.group()):04X}) dat "
                "in een YAML-bestand niet mag; verwijder het",
                path,
                line,
                column,
            )
        )


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before_ = raw[: e.start]
        line = before_.count(b"\n") + 1
        column = len(before_) - (before_.rfind(b"\n") + 1) + 1
        raise NotaFout(
            Melding(
                f"bestand is geen geldige UTF-8 (byte 0x{raw[e.start]:02x}); sla het op als UTF-8", path, line, column
            )
        ) from None


def _shown_tag(tag: str) -> str:
    """A tag as it was written: 'tag:yaml.org,2002:python/name:x' was '!!python/name:x'."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


class _TooDeep(MarkedYAMLError):
    pass


class _Composer(Composer):
    """ruamel's composer recurses per level: stop at MAX_DEPTH, before Python's limit."""

    nota_depth = 0

    def compose_node(self, parent, index):
        self.nota_depth += 1
        try:
            if self.nota_depth > MAX_DEPTH + 1:
                raise _TooDeep(
                    problem=f"de structuur is dieper genest dan {MAX_DEPTH} niveaus",
                    problem_mark=self.parser.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self.nota_depth -= 1


def _compose(text: str, path: Path):
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _Composer
    try:
        return yaml.compose(text)
    except _TooDeep as e:
        raise NotaFout(Melding(e.problem, path, e.problem_mark.line + 1, e.problem_mark.column + 1)) from None
    except MarkedYAMLError as e:
        message, line, column = syntax.locate(e, text)
        raise NotaFout(Melding(message, path, line, column)) from None
    except YAMLError as e:
        raise NotaFout(Melding(f"ongeldige YAML ({e})", path)) from None


class _Builder:
    """Constructs plain values from nodes, recording positions by path.

    A problem that leaves the rest readable (a duplicate key, an impossible
    date, a forbidden character) becomes a melding in `bron.meldingen` and the
    value INVALID, so every later stage still sees the rest of the file."""

    def __init__(self, source: Source):
        self.source = source

    def error(self, node, message: str) -> NotaFout:
        m = node.start_mark
        return NotaFout(Melding(message, self.source.path, m.line + 1, m.column + 1))

    def refuse(self, node, path: tuple, message: str):
        self.source.meldingen.append(self.error(node, message).meldingen[0])
        self.source.invalid.add(path)
        return INVALID

    def build(self, node, path: tuple, depth: int, seen: set):
        if id(node) in seen or getattr(node, "anchor", None):
            raise self.error(
                node, "ankers en aliassen (&naam, *naam) worden niet ondersteund; schrijf de waarde voluit"
            )
        if depth > MAX_DEPTH:
            raise self.error(node, f"de structuur is dieper genest dan {MAX_DEPTH} niveaus")
        seen.add(id(node))
        if node.tag not in KNOWN_TAGS:
            raise self.error(
                node,
                f"onbekende YAML-tag '{_shown_tag(node.tag)}'; een voorstel bevat "
                "alleen tekst, getallen, datums, lijsten en sleutels: laat de tag weg",
            )
        self.source.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth, seen)
        if isinstance(node, SequenceNode):
            return [self.build(k, path + (i,), depth + 1, seen) for i, k in enumerate(node.value)]
        try:
            value = self.scalar(node)
        except NotaFout as e:
            self.source.meldingen += e.meldingen
            self.source.invalid.add(path)
            return INVALID
        return self.text(node, path, value) if isinstance(value, str) else value

    def text(self, node, path: tuple, value: str):
        bad = _NOT_IN_TEXT.search(value)
        if bad:
            return self.refuse(
                node,
                path,
                f"deze tekst bevat een onzichtbaar stuurteken of ongeldig "
                f"teken (U+{ord(bad.group()):04X}); verwijder het",
            )
        bidi = _BIDI.search(value)
        if bidi:
            return self.refuse(
                node,
                path,
                f"deze tekst bevat een teken dat de leesrichting omdraait "
                f"(U+{ord(bidi.group()):04X}); de tekst leest dan anders dan hij "
                "is opgeslagen: verwijder het",
            )
        if _LONG_WORD.search(value):
            return self.refuse(
                node,
                path,
                f"deze tekst bevat een woord van meer dan {MAX_WORD} tekens zonder spatie; dat past op geen bladzijde",
            )
        return value

    def mapping(self, node: MappingNode, path, depth, seen) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.error(key_node, "een sleutel moet een eenvoudige naam zijn")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.error(key_node, "samenvoegen met '<<' wordt niet ondersteund; schrijf de sleutels voluit")
            key = str(key_node.value)
            if _NOT_IN_TEXT.search(key) or _BIDI.search(key):
                self.refuse(
                    key_node,
                    path + (key,),
                    "deze sleutel bevat een onzichtbaar stuurteken of ongeldig teken; verwijder het",
                )
                continue
            if key in out:
                earlier = self.source.key_positions[path + (key,)][0]
                self.source.meldingen.append(
                    self.error(
                        key_node, (f"sleutel '{key}' staat er twee keer (ook op regel {earlier}); laat er één over")
                    ).meldingen[0]
                )
                continue
            m = key_node.start_mark
            self.source.key_positions[path + (key,)] = (m.line + 1, m.column + 1)
            if isinstance(value_node, ScalarNode) and value_node.value == "" and not value_node.style:
                end = key_node.end_mark  # an empty value: its place is right after the key
                self.source.positions[path + (key,)] = (end.line + 1, end.column + 2)
            out[key] = self.build(value_node, path + (key,), depth + 1, seen)
        return out

    def scalar(self, node: ScalarNode):
        tag, value = node.tag or "", node.value
        if node.style == ">":
            return value.replace("\a", "")  # ruamel marks folded line breaks with BEL
        if node.style in ("'", '"', "|"):
            return value
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return value.lower() == "true"
        if tag.endswith(":int"):
            try:
                return int(value.replace("_", ""), 0)
            except ValueError:
                return value
        if tag.endswith(":float"):
            return YamlFloat(value)
        if tag.endswith(":timestamp"):
            return self.datum(node)
        return value

    def datum(self, node: ScalarNode):
        hit = _DATE.match(node.value)
        if not hit:
            return self.timestamp(node)
        year, month, day = (int(g) for g in hit.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise self.error(node, f"{node.value} is geen bestaande datum") from None

    def timestamp(self, node: ScalarNode):
        try:
            return dt.datetime.fromisoformat(node.value.replace(" ", "T", 1))
        except ValueError:
            raise self.error(
                node, f"'{node.value}' is geen datum (JJJJ-MM-DD) of tijdstip (JJJJ-MM-DD UU:MM:SS)"
            ) from None
