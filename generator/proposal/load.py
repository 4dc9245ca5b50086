"""Load a proposal's YAML into plain Python values, keeping line and column.

The YAML is composed into nodes by ruamel.yaml and constructed here, so that
every value's position is known, aliases are refused (no expansion bombs),
duplicate keys and impossible dates are reported, and a float such as
`371.358` keeps its original text for a precise message.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.errors import Melding, NotaFout

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SYNTAX_NL = [
    ("found character '\\t'", "een tab mag in YAML niet voor inspringing worden gebruikt; gebruik spaties"),
    ("mapping values are not allowed here", "hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens"),
    ("could not find expected ':'", "er ontbreekt een ':' achter de sleutel"),
    ("found undefined alias", "onbekende alias (*); aliassen worden niet ondersteund"),
    ("expected <block end>, but found", "de inspringing klopt niet: deze regel valt buiten het blok erboven"),
    ("found unexpected end of stream", "het bestand houdt midden in een waarde op (ontbreekt een aanhalingsteken?)"),
    ("found unknown escape character", "onbekende escape-code in tekst tussen dubbele aanhalingstekens"),
    ("expected a comment or a line break", "na de waarde staat nog tekst; zet de hele tekst tussen aanhalingstekens"),
    ("found character that cannot start any token", "dit teken mag hier niet staan; zet de tekst tussen aanhalingstekens"),
    ("while scanning a simple key", "een sleutel moet op één regel staan en met ':' eindigen"),
    ("did not find expected key", "de inspringing klopt niet: hier wordt een sleutel verwacht"),
    ("did not find expected '-' indicator", "de inspringing klopt niet: hier wordt een lijstitem ('- ') verwacht"),
    ("found duplicate anchor", "dubbel anker (&); ankers en aliassen worden niet ondersteund"),
]


class YamlFloat(str):
    """A YAML float, kept as its source text: amounts must never be floats."""


@dataclass
class Source:
    """A loaded proposal: plain data plus the position of every value."""

    path: Path
    data: object
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    tekst: str = ""

    def plaats(self, path: tuple, sleutel: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `pad`, or its nearest parent."""
        sources = (self.key_positions, self.positions) if sleutel else (self.positions,)
        path = tuple(path)
        while True:
            for positions in sources:
                if path in positions:
                    return positions[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def melding(self, path: tuple, message: str, sleutel: bool = False, **kw) -> Melding:
        regel, column = self.plaats(path, sleutel)
        return Melding(message, self.path, regel, column, **kw)


def load_file(path: Path | str) -> Source:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotaFout(Melding("bestand bestaat niet", path)) from None
    except IsADirectoryError:
        raise NotaFout(Melding("dit is een map, geen YAML-bestand", path)) from None
    except OSError as e:
        raise NotaFout(Melding(f"bestand kan niet worden gelezen ({e.strerror})", path)) from None
    return load_bytes(raw, path)


def load_bytes(raw: bytes, path: Path | str) -> Source:
    path = Path(path)
    if len(raw) > MAX_BYTES:
        raise NotaFout(Melding(
            f"bestand is te groot ({len(raw) // 1024} KiB); een voorstel mag hoogstens "
            f"{MAX_BYTES // 1024} KiB zijn", path))
    tekst = _decode(raw, path)
    if not tekst.strip() or all(r.lstrip().startswith("#") or not r.strip() for r in tekst.splitlines()):
        raise NotaFout(Melding("bestand is leeg; begin met 'soort: collegenota' (zie 'nota new')", path, 1, 1))
    node = _compose(tekst, path)
    bron = Source(path=path, data=None, tekst=tekst)
    bron.data = _Builder(bron).build(node, (), 0, set())
    if not isinstance(bron.data, dict):
        raise NotaFout(bron.melding((), "een voorstel moet bestaan uit sleutels met waarden "
                                        "(soort: ..., onderwerp: ...), niet uit een lijst of losse tekst"))
    return bron


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before_ = raw[: e.start]
        regel = before_.count(b"\n") + 1
        column = len(before_) - (before_.rfind(b"\n") + 1) + 1
        raise NotaFout(Melding(
            f"bestand is geen geldige UTF-8 (byte 0x{raw[e.start]:02x}); sla het op als UTF-8",
            path, regel, column)) from None


def _compose(tekst: str, path: Path):
    yaml = YAML(typ="rt", pure=True)
    try:
        return yaml.compose(tekst)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        regel, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise NotaFout(Melding(_syntax_nl(e), path, regel, column)) from None
    except YAMLError as e:
        raise NotaFout(Melding(f"ongeldige YAML ({e})", path)) from None


def _syntax_nl(e: MarkedYAMLError) -> str:
    problem = f"{e.context or ''} {e.problem or ''}"
    for english, dutch in _SYNTAX_NL:
        if english in problem:
            return f"ongeldige YAML: {dutch}"
    return f"ongeldige YAML: {(e.problem or e.context or 'onbekende error').strip()}"


class _Builder:
    """Constructs plain values from nodes, recording positions by path."""

    def __init__(self, bron: Source):
        self.bron = bron

    def error(self, node, message: str) -> NotaFout:
        m = node.start_mark
        return NotaFout(Melding(message, self.bron.path, m.line + 1, m.column + 1))

    def build(self, node, path: tuple, depth: int, seen: set):
        if id(node) in seen or getattr(node, "anchor", None):
            raise self.error(node, "ankers en aliassen (&naam, *naam) worden niet ondersteund; "
                                   "schrijf de waarde voluit")
        if depth > MAX_DEPTH:
            raise self.error(node, f"de structuur is dieper genest dan {MAX_DEPTH} niveaus")
        seen.add(id(node))
        self.bron.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth, seen)
        if isinstance(node, SequenceNode):
            return [self.build(k, path + (i,), depth + 1, seen) for i, k in enumerate(node.value)]
        return self.scalar(node)

    def mapping(self, node: MappingNode, path, depth, seen) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.error(key_node, "een sleutel moet een eenvoudige naam zijn")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self.error(key_node, "samenvoegen met '<<' wordt niet ondersteund; "
                                              "schrijf de sleutels voluit")
            sleutel = str(key_node.value)
            if sleutel in out:
                earlier = self.bron.key_positions[path + (sleutel,)][0]
                raise self.error(key_node, f"sleutel '{sleutel}' staat er twee keer "
                                              f"(ook op regel {earlier}); laat er één over")
            m = key_node.start_mark
            self.bron.key_positions[path + (sleutel,)] = (m.line + 1, m.column + 1)
            out[sleutel] = self.build(value_node, path + (sleutel,), depth + 1, seen)
        return out

    def scalar(self, node: ScalarNode):
        tag, waarde = node.tag, node.value
        if node.style == ">":
            return waarde.replace("\a", "")  # ruamel marks folded line breaks with BEL
        if node.style in ("'", '"', "|"):
            return waarde
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return waarde.lower() == "true"
        if tag.endswith(":int"):
            try:
                return int(waarde.replace("_", ""), 0)
            except ValueError:
                return waarde
        if tag.endswith(":float"):
            return YamlFloat(waarde)
        if tag.endswith(":timestamp"):
            return self.datum(node)
        if tag.startswith("tag:yaml.org,2002:") or tag == "!":
            return waarde
        raise self.error(node, f"onbekende YAML-tag '{tag}'; laat de tag weg")

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
            raise self.error(node, f"'{node.value}' is geen datum (JJJJ-MM-DD) of tijdstip "
                                   "(JJJJ-MM-DD UU:MM:SS)") from None
