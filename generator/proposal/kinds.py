"""Kinds are folders: `templates/<soort>/kind.yaml` plus its templates.

Kinds are found through one search path: `--templates DIR` first, then the
`templates` of a `nota.toml` in the working folder, then the built-in
templates. A kind in an earlier folder overrides one of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from generator.errors import Melding, NotaFout
from generator.proposal.settings import read_settings
from generator.proposal.suggest import suggest
from generator.proposal.vocabulary import COLLEGE

SHARED = "_gedeeld"
KIND_FILE = "kind.yaml"


def builtin_templates() -> Path:
    package = Path(__file__).resolve().parent.parent  # generator/
    installed = package / "templates"  # a wheel carries them inside the package
    return installed if installed.is_dir() else package.parent / "templates"


@dataclass(frozen=True)
class Soort:
    naam: str
    map: Path
    titel: str
    velden: list = field(hash=False)
    secties: list = field(hash=False)
    kop: list = field(hash=False)
    beslispunten_intro: str = ""
    titelveld: str = "onderwerp"  # the field that says what a proposal is about
    orgaan: str = COLLEGE
    besluitorganen: tuple = (COLLEGE,)
    search_path: tuple = ()
    raw: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def docx(self) -> Path:
        return self.map / self.template_("docx", ".docx")

    @property
    def html(self) -> str:
        return self.template_("html", ".html.j2")

    def template_(self, format_: str, extension: str) -> str:
        """The template file of one format, as kind.yaml's `sjablonen` names it.

        Without that key: `<naam><extensie>`, or else the only such file in the
        folder, so a kind folder copied under another name works unchanged.
        """
        given = (self.raw.get("sjablonen") or {}).get(format_)
        if given:
            return str(given)
        standaard = f"{self.naam}{extension}"
        if (self.map / standaard).is_file():
            return standaard
        candidates = sorted(self.map.glob(f"*{extension}"))
        return candidates[0].name if len(candidates) == 1 else standaard

    def template_dirs(self) -> list[Path]:
        """Jinja search path: the kind's folder, then every shared folder."""
        dirs = [self.map]
        dirs += [d / SHARED for d in self.search_path if (d / SHARED).is_dir()]
        return dirs

    def sectie(self, sleutel: str) -> dict | None:
        return next((s for s in self.secties if s["sleutel"] == sleutel), None)

    def veld(self, sleutel: str) -> dict | None:
        return next((v for v in self.velden if v["sleutel"] == sleutel), None)


def search_path(templates: Path | None = None, workdir: Path | None = None) -> tuple[Path, ...]:
    paths: list[Path] = []
    if templates is not None:
        paths.append(Path(templates))
    own = _nota_toml(workdir or Path.cwd())
    if own is not None:
        paths.append(own)
    paths.append(builtin_templates())
    return tuple(p.resolve() for p in paths)


def _nota_toml(workdir: Path) -> Path | None:
    return read_settings(workdir).templates


def known_soorten(path: tuple[Path, ...]) -> list[str]:
    names = set()
    for d in path:
        if d.is_dir():
            names |= {k.parent.name for k in d.glob(f"*/{KIND_FILE}")}
    return sorted(names)


def find_soort(naam: str, path: tuple[Path, ...]) -> Soort:
    for d in path:
        if (d / naam / KIND_FILE).is_file():
            return _load(d / naam, path)
    known = known_soorten(path)
    hint = suggest(naam, known)
    raise NotaFout(
        Melding(
            f"onbekende soort '{naam}'; bekende soorten: {', '.join(known)}"
            + (f"; bedoelde u '{hint}'?" if hint else "")
        )
    )


@lru_cache(maxsize=64)
def _load(map_: Path, path: tuple[Path, ...]) -> Soort:
    bestand = map_ / KIND_FILE
    try:
        raw = YAML(typ="safe", pure=True).load(bestand.read_text(encoding="utf-8"))
    except Exception as e:  # a broken kind.yaml is the template author's input error
        raise NotaFout(Melding(f"kind.yaml kan niet worden gelezen ({e})", bestand)) from None
    try:
        return Soort(
            naam=map_.name,
            map=map_,
            titel=raw.get("titel", map_.name),
            velden=list(raw.get("velden", [])),
            secties=list(raw.get("secties", [])),
            kop=list(raw.get("kop", [])),
            beslispunten_intro=raw.get("beslispunten_intro", ""),
            titelveld=str(raw.get("titelveld", "onderwerp")),
            orgaan=raw.get("orgaan", COLLEGE),
            besluitorganen=tuple(raw.get("besluitorganen", [raw.get("orgaan", COLLEGE)])),
            search_path=path,
            raw=raw,
        )
    except (AttributeError, TypeError) as e:
        raise NotaFout(Melding(f"kind.yaml heeft niet de verwachte vorm ({e})", bestand)) from None
