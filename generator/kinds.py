"""Kinds are folders: `templates/<soort>/kind.yaml` plus its templates.

Kinds are found through one search path: `--templates DIR` first, then the
`templates` of a `nota.toml` in the working folder, then the built-in
templates. A kind in an earlier folder overrides one of the same name.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from .errors import Melding, NotaFout
from .suggest import suggestie

SHARED = "_gedeeld"
KIND_FILE = "kind.yaml"


def builtin_templates() -> Path:
    installed = Path(__file__).parent / "templates"
    return installed if installed.is_dir() else Path(__file__).parent.parent / "templates"


@dataclass(frozen=True)
class Soort:
    naam: str
    map: Path
    titel: str
    velden: list = field(hash=False)
    secties: list = field(hash=False)
    kop: list = field(hash=False)
    beslispunten_intro: str = ""
    orgaan: str = "college"
    besluitorganen: tuple = ("college",)
    zoekpad: tuple = ()
    ruw: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def docx(self) -> Path:
        return self.map / self.sjabloon("docx", ".docx")

    @property
    def html(self) -> str:
        return self.sjabloon("html", ".html.j2")

    def sjabloon(self, formaat: str, extensie: str) -> str:
        """The template file of one format, as kind.yaml's `sjablonen` names it.

        Without that key: `<naam><extensie>`, or else the only such file in the
        folder, so a kind folder copied under another name works unchanged.
        """
        gegeven = (self.ruw.get("sjablonen") or {}).get(formaat)
        if gegeven:
            return str(gegeven)
        standaard = f"{self.naam}{extensie}"
        if (self.map / standaard).is_file():
            return standaard
        kandidaten = sorted(self.map.glob(f"*{extensie}"))
        return kandidaten[0].name if len(kandidaten) == 1 else standaard

    def template_dirs(self) -> list[Path]:
        """Jinja search path: the kind's folder, then every shared folder."""
        dirs = [self.map]
        dirs += [d / SHARED for d in self.zoekpad if (d / SHARED).is_dir()]
        return dirs

    def sectie(self, sleutel: str) -> dict | None:
        return next((s for s in self.secties if s["sleutel"] == sleutel), None)

    def veld(self, sleutel: str) -> dict | None:
        return next((v for v in self.velden if v["sleutel"] == sleutel), None)


def zoekpad(templates: Path | None = None, werkmap: Path | None = None) -> tuple[Path, ...]:
    paden: list[Path] = []
    if templates is not None:
        paden.append(Path(templates))
    eigen = _nota_toml(werkmap or Path.cwd())
    if eigen is not None:
        paden.append(eigen)
    paden.append(builtin_templates())
    return tuple(p.resolve() for p in paden)


def _nota_toml(werkmap: Path) -> Path | None:
    pad = werkmap / "nota.toml"
    if not pad.is_file():
        return None
    try:
        config = tomllib.loads(pad.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise NotaFout(Melding(f"nota.toml is ongeldig ({e})", pad)) from None
    map_ = config.get("templates")
    if map_ is None:
        return None
    return (werkmap / str(map_))


def bekende_soorten(pad: tuple[Path, ...]) -> list[str]:
    namen = set()
    for d in pad:
        if d.is_dir():
            namen |= {k.parent.name for k in d.glob(f"*/{KIND_FILE}")}
    return sorted(namen)


def vind_soort(naam: str, pad: tuple[Path, ...]) -> Soort:
    for d in pad:
        if (d / naam / KIND_FILE).is_file():
            return _laad(d / naam, pad)
    bekend = bekende_soorten(pad)
    hint = suggestie(naam, bekend)
    raise NotaFout(Melding(
        f"onbekende soort '{naam}'; bekende soorten: {', '.join(bekend)}"
        + (f"; bedoelde u '{hint}'?" if hint else "")))


@lru_cache(maxsize=64)
def _laad(map_: Path, pad: tuple[Path, ...]) -> Soort:
    bestand = map_ / KIND_FILE
    try:
        ruw = YAML(typ="safe", pure=True).load(bestand.read_text(encoding="utf-8"))
    except Exception as e:  # a broken kind.yaml is the template author's input error
        raise NotaFout(Melding(f"kind.yaml kan niet worden gelezen ({e})", bestand)) from None
    try:
        return Soort(
            naam=map_.name,
            map=map_,
            titel=ruw.get("titel", map_.name),
            velden=list(ruw.get("velden", [])),
            secties=list(ruw.get("secties", [])),
            kop=list(ruw.get("kop", [])),
            beslispunten_intro=ruw.get("beslispunten_intro", ""),
            orgaan=ruw.get("orgaan", "college"),
            besluitorganen=tuple(ruw.get("besluitorganen", [ruw.get("orgaan", "college")])),
            zoekpad=pad,
            ruw=ruw,
        )
    except (AttributeError, TypeError) as e:
        raise NotaFout(Melding(f"kind.yaml heeft niet de verwachte vorm ({e})", bestand)) from None
