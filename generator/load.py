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

from .errors import Melding, NotaFout

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
class Bron:
    """A loaded proposal: plain data plus the position of every value."""

    pad: Path
    data: object
    posities: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    sleutelposities: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    tekst: str = ""

    def plaats(self, pad: tuple, sleutel: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `pad`, or its nearest parent."""
        bronnen = (self.sleutelposities, self.posities) if sleutel else (self.posities,)
        pad = tuple(pad)
        while True:
            for posities in bronnen:
                if pad in posities:
                    return posities[pad]
            if not pad:
                return (1, 1)
            pad = pad[:-1]

    def melding(self, pad: tuple, bericht: str, sleutel: bool = False, **kw) -> Melding:
        regel, kolom = self.plaats(pad, sleutel)
        return Melding(bericht, self.pad, regel, kolom, **kw)


def load_file(pad: Path | str) -> Bron:
    pad = Path(pad)
    try:
        ruw = pad.read_bytes()
    except FileNotFoundError:
        raise NotaFout(Melding("bestand bestaat niet", pad)) from None
    except IsADirectoryError:
        raise NotaFout(Melding("dit is een map, geen YAML-bestand", pad)) from None
    except OSError as e:
        raise NotaFout(Melding(f"bestand kan niet worden gelezen ({e.strerror})", pad)) from None
    return load_bytes(ruw, pad)


def load_bytes(ruw: bytes, pad: Path | str) -> Bron:
    pad = Path(pad)
    if len(ruw) > MAX_BYTES:
        raise NotaFout(Melding(
            f"bestand is te groot ({len(ruw) // 1024} KiB); een voorstel mag hoogstens "
            f"{MAX_BYTES // 1024} KiB zijn", pad))
    tekst = _decode(ruw, pad)
    if not tekst.strip() or all(r.lstrip().startswith("#") or not r.strip() for r in tekst.splitlines()):
        raise NotaFout(Melding("bestand is leeg; begin met 'soort: collegenota' (zie 'nota new')", pad, 1, 1))
    knoop = _compose(tekst, pad)
    bron = Bron(pad=pad, data=None, tekst=tekst)
    bron.data = _Bouwer(bron).bouw(knoop, (), 0, set())
    if not isinstance(bron.data, dict):
        raise NotaFout(bron.melding((), "een voorstel moet bestaan uit sleutels met waarden "
                                        "(soort: ..., onderwerp: ...), niet uit een lijst of losse tekst"))
    return bron


def _decode(ruw: bytes, pad: Path) -> str:
    if ruw.startswith(b"\xef\xbb\xbf"):
        ruw = ruw[3:]
    try:
        return ruw.decode("utf-8")
    except UnicodeDecodeError as e:
        voor = ruw[: e.start]
        regel = voor.count(b"\n") + 1
        kolom = len(voor) - (voor.rfind(b"\n") + 1) + 1
        raise NotaFout(Melding(
            f"bestand is geen geldige UTF-8 (byte 0x{ruw[e.start]:02x}); sla het op als UTF-8",
            pad, regel, kolom)) from None


def _compose(tekst: str, pad: Path):
    yaml = YAML(typ="rt", pure=True)
    try:
        return yaml.compose(tekst)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        regel, kolom = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise NotaFout(Melding(_syntax_nl(e), pad, regel, kolom)) from None
    except YAMLError as e:
        raise NotaFout(Melding(f"ongeldige YAML ({e})", pad)) from None


def _syntax_nl(e: MarkedYAMLError) -> str:
    probleem = f"{e.context or ''} {e.problem or ''}"
    for engels, nederlands in _SYNTAX_NL:
        if engels in probleem:
            return f"ongeldige YAML: {nederlands}"
    return f"ongeldige YAML: {(e.problem or e.context or 'onbekende fout').strip()}"


class _Bouwer:
    """Constructs plain values from nodes, recording positions by path."""

    def __init__(self, bron: Bron):
        self.bron = bron

    def fout(self, knoop, bericht: str) -> NotaFout:
        m = knoop.start_mark
        return NotaFout(Melding(bericht, self.bron.pad, m.line + 1, m.column + 1))

    def bouw(self, knoop, pad: tuple, diepte: int, gezien: set):
        if id(knoop) in gezien or getattr(knoop, "anchor", None):
            raise self.fout(knoop, "ankers en aliassen (&naam, *naam) worden niet ondersteund; "
                                   "schrijf de waarde voluit")
        if diepte > MAX_DEPTH:
            raise self.fout(knoop, f"de structuur is dieper genest dan {MAX_DEPTH} niveaus")
        gezien.add(id(knoop))
        self.bron.posities[pad] = (knoop.start_mark.line + 1, knoop.start_mark.column + 1)
        if isinstance(knoop, MappingNode):
            return self.mapping(knoop, pad, diepte, gezien)
        if isinstance(knoop, SequenceNode):
            return [self.bouw(k, pad + (i,), diepte + 1, gezien) for i, k in enumerate(knoop.value)]
        return self.scalar(knoop)

    def mapping(self, knoop: MappingNode, pad, diepte, gezien) -> dict:
        uit: dict = {}
        for sleutelknoop, waardeknoop in knoop.value:
            if not isinstance(sleutelknoop, ScalarNode):
                raise self.fout(sleutelknoop, "een sleutel moet een eenvoudige naam zijn")
            if sleutelknoop.tag == "tag:yaml.org,2002:merge":
                raise self.fout(sleutelknoop, "samenvoegen met '<<' wordt niet ondersteund; "
                                              "schrijf de sleutels voluit")
            sleutel = str(sleutelknoop.value)
            if sleutel in uit:
                eerder = self.bron.sleutelposities[pad + (sleutel,)][0]
                raise self.fout(sleutelknoop, f"sleutel '{sleutel}' staat er twee keer "
                                              f"(ook op regel {eerder}); laat er één over")
            m = sleutelknoop.start_mark
            self.bron.sleutelposities[pad + (sleutel,)] = (m.line + 1, m.column + 1)
            uit[sleutel] = self.bouw(waardeknoop, pad + (sleutel,), diepte + 1, gezien)
        return uit

    def scalar(self, knoop: ScalarNode):
        tag, waarde = knoop.tag, knoop.value
        if knoop.style == ">":
            return waarde.replace("\a", "")  # ruamel marks folded line breaks with BEL
        if knoop.style in ("'", '"', "|"):
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
            return self.datum(knoop)
        if tag.startswith("tag:yaml.org,2002:") or tag == "!":
            return waarde
        raise self.fout(knoop, f"onbekende YAML-tag '{tag}'; laat de tag weg")

    def datum(self, knoop: ScalarNode):
        treffer = _DATE.match(knoop.value)
        if not treffer:
            return self.tijdstip(knoop)
        jaar, maand, dag = (int(g) for g in treffer.groups())
        try:
            return dt.date(jaar, maand, dag)
        except ValueError:
            raise self.fout(knoop, f"{knoop.value} is geen bestaande datum") from None

    def tijdstip(self, knoop: ScalarNode):
        try:
            return dt.datetime.fromisoformat(knoop.value.replace(" ", "T", 1))
        except ValueError:
            raise self.fout(knoop, f"'{knoop.value}' is geen datum (JJJJ-MM-DD) of tijdstip "
                                   "(JJJJ-MM-DD UU:MM:SS)") from None
