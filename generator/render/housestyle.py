"""The house style as data: one source for the PDF and the Word document.

`_gedeeld/huisstijl.yaml` holds colours, the font with its fall-backs and
files, the page margins and the logo. Layers, later ones win key by key: the
built-in file, a `_gedeeld/huisstijl.yaml` in an own templates folder, and a
`huisstijl:` block in the kind's kind.yaml. The PDF gets the result as CSS
custom properties (`css`), the DOCX as Word styles, margins, embedded fonts
and a logo (docx_style.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from ruamel.yaml import YAML

from generator.errors import Melding, NotaFout
from generator.proposal.kinds import KIND_FILE, SHARED
from generator.proposal.suggest import suggest

FILE = "huisstijl.yaml"
KEYS = ("kleuren", "lettertype", "marges", "logo", "logo_breedte")
COLOURS = ("accent", "lijn", "zacht", "tekst", "gedempt", "concept")
FONT_KEYS = ("naam", "terugval", "bestanden")
FONT_FILES = ("normaal", "vet", "cursief", "vetcursief")
MARGINS = ("boven", "onder", "links", "rechts")
LOGO_TYPES = (".png", ".jpg", ".jpeg")
_COLOUR = re.compile(r"^#?[0-9A-Fa-f]{6}$")
_FONT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,62}$")
_GENERIC = {"serif", "sans-serif", "monospace"}


@dataclass(frozen=True)
class Huisstijl:
    kleuren: dict = field(hash=False)  # name -> "RRGGBB"
    lettertype: str
    terugval: tuple
    lettertype_bestanden: dict = field(hash=False)  # normaal|vet|cursief|vetcursief -> Path
    marges: dict = field(hash=False)  # boven|onder|links|rechts -> mm
    logo: Path | None
    logo_breedte: float

    def kleur(self, naam: str) -> str:
        return self.kleuren[naam]

    @property
    def tekstbreedte(self) -> float:
        """The width of the text column on A4, in mm."""
        return 210 - self.marges["links"] - self.marges["rechts"]

    @property
    def font_stack(self) -> str:
        names = (self.lettertype, *self.terugval)
        return ", ".join(n if n in _GENERIC else f'"{n}"' for n in names)

    @property
    def css(self) -> Markup:
        """CSS for the PDF: custom properties and the page margins (values are validated)."""
        kleuren = "".join(f"--{naam}:#{waarde};" for naam, waarde in self.kleuren.items())
        m = self.marges
        return Markup(
            f":root{{{kleuren}--lettertype:{self.font_stack};--logo-breedte:{self.logo_breedte}mm;}}\n"
            f"@page{{margin:{m['boven']}mm {m['rechts']}mm {m['onder']}mm {m['links']}mm;}}\n"
        )

    @property
    def logo_url(self) -> str:
        return self.logo.resolve().as_uri() if self.logo else ""


def load(soort) -> Huisstijl:
    """The house style of kind `soort`, from every layer on its search path."""
    kind_file = soort.map / KIND_FILE if "huisstijl" in (soort.raw or {}) else None
    return _load(soort.search_path, kind_file, soort.template_dirs())


def load_shared(search_path=None) -> Huisstijl:
    """The house style shared by every kind (for documents of no kind, such as the besluitenlijst)."""
    if search_path is None:
        from generator.proposal.kinds import builtin_templates

        search_path = (builtin_templates(),)
    return _load(tuple(search_path), None, [d / SHARED for d in search_path if (d / SHARED).is_dir()])


def _load(search_path, kind_file: Path | None, template_dirs: list[Path]) -> Huisstijl:
    merged: dict = {}
    found: dict = {}  # key -> the file that set it
    for path in [d / SHARED / FILE for d in reversed(search_path) if (d / SHARED / FILE).is_file()]:
        _merge(merged, found, _read(path), path)
    if kind_file is not None:
        _merge(merged, found, (_read(kind_file) or {}).get("huisstijl"), kind_file)
    return _build(merged, found, template_dirs)


def _read(path: Path):
    try:
        return YAML(typ="rt", pure=True).load(path.read_text(encoding="utf-8")) or {}
    except Exception as e:  # a broken file of the template author: his input error
        raise NotaFout(Melding(f"{path.name} kan niet worden gelezen ({e})", path)) from None


def _merge(merged: dict, found: dict, layer, path: Path) -> None:
    if layer is None:
        return
    if not isinstance(layer, dict):
        raise NotaFout(Melding("de huisstijl moet een mapping zijn (kleuren, lettertype, marges, logo)", path))
    for key, waarde in layer.items():
        if key not in KEYS:
            raise NotaFout(_unknown(layer, key, KEYS, path, "huisstijl"))
        if isinstance(waarde, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **{k: (v, path, _pos(waarde, k)) for k, v in waarde.items()}}
        elif isinstance(waarde, dict):
            merged[key] = {k: (v, path, _pos(waarde, k)) for k, v in waarde.items()}
        else:
            merged[key] = (waarde, path, _pos(layer, key))
        found[key] = path


def _pos(mapping, key) -> tuple[int | None, int | None]:
    try:
        line, col = mapping.lc.key(key)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return None, None


def _unknown(mapping, key, known, path: Path, where: str) -> Melding:
    line, col = _pos(mapping, key)
    hint = suggest(str(key), known)
    return Melding(
        f"onbekende sleutel '{key}' in {where}; bekend: {', '.join(known)}"
        + (f"; bedoelde u '{hint}'?" if hint else ""),
        path,
        line,
        col,
    )


def _fout(entry, message: str) -> NotaFout:
    _, path, (line, col) = entry
    return NotaFout(Melding(message, path, line, col))


def _build(merged: dict, found: dict, dirs: list[Path]) -> Huisstijl:
    kleuren = {}
    for naam, entry in (merged.get("kleuren") or {}).items():
        if naam not in COLOURS:
            raise _fout(entry, f"onbekende kleur '{naam}'; bekend: {', '.join(COLOURS)}")
        if not _COLOUR.match(str(entry[0])):
            raise _fout(entry, f"kleur {naam}: '{entry[0]}' is geen kleur; schrijf bijvoorbeeld \"#336699\"")
        kleuren[naam] = str(entry[0]).lstrip("#").upper()
    missing = [k for k in COLOURS if k not in kleuren]
    if missing:
        raise NotaFout(Melding(f"de huisstijl mist de kleur(en) {', '.join(missing)}", found.get("kleuren")))
    naam, terugval, bestanden = _font(merged.get("lettertype") or {}, dirs)
    return Huisstijl(
        kleuren,
        naam,
        terugval,
        bestanden,
        _margins(merged.get("marges") or {}),
        _logo(merged.get("logo"), dirs),
        _number(merged.get("logo_breedte"), 40.0),
    )


def _font(entries: dict, dirs: list[Path]) -> tuple[str, tuple, dict]:
    for key, entry in entries.items():
        if key not in FONT_KEYS:
            raise _fout(entry, f"onbekende sleutel '{key}' in lettertype; bekend: {', '.join(FONT_KEYS)}")
    naam_entry = entries.get("naam")
    naam = str(naam_entry[0]) if naam_entry else "Open Sans"
    if not _FONT_NAME.match(naam):
        raise _fout(naam_entry, f"lettertype '{naam}': gebruik alleen letters, cijfers, spaties en '-'")
    terugval_entry = entries.get("terugval")
    terugval = tuple(str(n) for n in (terugval_entry[0] if terugval_entry else ["sans-serif"]) or [])
    for n in terugval:
        if not _FONT_NAME.match(n):
            raise _fout(terugval_entry, f"terugvallettertype '{n}': gebruik alleen letters, cijfers, spaties en '-'")
    bestanden = {}
    entry = entries.get("bestanden")
    for soort_, relative in ((entry[0] if entry else None) or {}).items():
        if soort_ not in FONT_FILES:
            raise _fout(entry, f"onbekend lettertypebestand '{soort_}'; bekend: {', '.join(FONT_FILES)}")
        bestanden[soort_] = _template_file(str(relative), entry, dirs, (".ttf", ".otf"))
    return naam, terugval, bestanden


def _margins(entries: dict) -> dict:
    marges = {"boven": 24.0, "onder": 22.0, "links": 25.0, "rechts": 20.0}
    for key, entry in entries.items():
        if key not in MARGINS:
            raise _fout(entry, f"onbekende marge '{key}'; bekend: {', '.join(MARGINS)}")
        marges[key] = _number(entry, marges[key])  # `boven: ~` keeps the default
        if not 5 <= marges[key] <= 60:
            raise _fout(entry, f"marge {key}: {marges[key]} mm ligt niet tussen 5 en 60 mm")
    return marges


def _number(entry, standaard: float) -> float:
    if entry is None or entry[0] is None:
        return standaard
    tekst = str(entry[0]).strip().removesuffix("mm").strip()
    try:
        return float(tekst)
    except ValueError:
        raise _fout(entry, f"'{entry[0]}' is geen maat in millimeters; schrijf bijvoorbeeld 25") from None


def _logo(entry, dirs: list[Path]) -> Path | None:
    if entry is not None and entry[0]:
        return _template_file(str(entry[0]), entry, dirs, LOGO_TYPES)
    for map_ in dirs:  # a logo placed in the templates folder is used, not dropped
        for extension in LOGO_TYPES:
            if (map_ / f"logo{extension}").is_file():
                return map_ / f"logo{extension}"
    return None


def _template_file(relative: str, entry, dirs: list[Path], extensions: tuple) -> Path:
    """A file of the house style: beside the file that names it, else in the kind's template folders."""
    if Path(relative).suffix.lower() not in extensions:
        raise _fout(entry, f"'{relative}': gebruik een bestand van het type {', '.join(extensions)}")
    roots = [entry[1].parent, *dirs]
    for root in roots:
        path = (root / relative).resolve()
        if path.is_relative_to(root.resolve()) and path.is_file():
            return path
    raise _fout(
        entry,
        f"bestand '{relative}' niet gevonden naast {entry[1].name} of in de sjabloonmappen "
        f"van de soort (een gewoon bestand in de map, geen pad erbuiten)",
    )
