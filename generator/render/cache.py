"""Render only what changed: `nota render DIR` skips a proposal whose documents
were made from the same input, and refuses names that would collide.

The input of a proposal's documents is summed up in one key: the SHA-256 of
the proposal's bytes, the files beside it that it names (images, bijlagen)
or that a kind picks up there (logo.*), every file of the kinds on the search
path (templates, house style: path, size and mtime), nota's version and the
same stamp of its code, and the formats asked for. The key and the documents
it made (name, size, mtime) are kept per output folder in the user's cache
($XDG_CACHE_HOME/nota/render/, one small JSON file named after the folder's
path), not in the output folder itself: that folder is what gets published. A proposal is skipped only when its key
is the same and every document it made is still there, untouched; a lost or
unreadable cache only means everything is made again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Melding

VERSION = 1


def _tree_hash(roots: tuple[Path, ...]) -> str:
    """One hash over every file below `roots`: its path, size and modification time (as
    make does; reading every template and module each run would cost more than it saves)."""
    h = hashlib.sha256()
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if "__pycache__" not in p.parts):
            s = path.stat()
            if path.is_file():
                h.update(f"{path.relative_to(root)}\0{s.st_size}\0{s.st_mtime_ns}\0".encode())
    return h.hexdigest()


def _nota_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nota")
    except PackageNotFoundError:
        return "?"


_NAMED_PATH = re.compile(rb"(?<![\w.-])[\w.-]+(?:/[\w.-]+)+")  # starts at a word: linear


def _neighbours(path: Path, text: bytes) -> list[Path]:
    """Files beside the proposal (or below its folder) that it names, and a logo a kind
    may pick up there."""
    folder = path.resolve().parent
    out = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if not entry.is_file() or entry.name.endswith((".yaml", ".yml")) or entry.name.startswith("."):
            continue
        if entry.name.encode() in text or entry.name.lower().startswith("logo."):
            out.append(Path(entry.path))
    for named in sorted(set(_NAMED_PATH.findall(text))):
        candidate = folder / named.decode("utf-8", "ignore")
        if candidate.is_file() and candidate.resolve().is_relative_to(folder):
            out.append(candidate)
    return out


def keys(paths, search_path, formats) -> dict[Path, str | None]:
    """The key of each proposal; the kinds, the code and the formats are stamped once."""
    import generator

    common = "|".join(
        (
            _tree_hash(tuple(Path(p) for p in search_path)),
            _tree_hash((Path(generator.__file__).parent,)),
            _nota_version(),
            ",".join(formats),
        )
    )
    return {path: _key(path, common) for path in paths}


def _key(path: Path, common: str) -> str | None:
    """None when the proposal cannot be read: it is rendered, and reports why."""
    from generator.errors import NotaFout
    from generator.proposal.files import read_regular

    try:
        text = read_regular(path)
    except (OSError, NotaFout):
        return None
    h = hashlib.sha256(text)
    for other in _neighbours(path, text):
        try:  # regular files only, bounded: a FIFO named as an image must not hang the render
            h.update(b"\0" + other.name.encode() + b"\0" + read_regular(other))
        except (OSError, NotaFout):
            return None
    h.update(common.encode())
    return h.hexdigest()


def _stamp(path: Path) -> list[int] | None:
    try:
        s = path.stat()
    except FileNotFoundError:
        return None
    return [s.st_size, s.st_mtime_ns]


def cache_file(out_dir: Path) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    naam = hashlib.sha256(str(out_dir.resolve()).encode()).hexdigest()[:32]
    return Path(base) / "nota" / "render" / f"{naam}.json"


@dataclass
class Cache:
    out_dir: Path
    entries: dict = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def load(cls, out_dir: Path) -> Cache:
        try:
            data = json.loads(cache_file(out_dir).read_text(encoding="utf-8"))
            if data.get("versie") == VERSION and isinstance(data.get("voorstellen"), dict):
                return cls(out_dir, data["voorstellen"])
        except (OSError, ValueError):
            pass
        return cls(out_dir)

    def unchanged(self, path: Path, sleutel: str | None) -> list[str] | None:
        """The names of the documents made from this very input, if they are all still there."""
        entry = self.entries.get(str(path.resolve())) if sleutel else None
        if not entry or entry.get("sleutel") != sleutel or not entry.get("documenten"):
            return None
        for naam, stamp in entry["documenten"].items():
            if _stamp(self.out_dir / naam) != stamp:
                return None
        return list(entry["documenten"])

    def record(self, path: Path, sleutel: str | None, written: list[Path]) -> None:
        if not sleutel:
            return
        self.entries[str(path.resolve())] = {"sleutel": sleutel, "documenten": {p.name: _stamp(p) for p in written}}
        self.changed = True

    def forget(self, path: Path) -> None:
        self.changed |= self.entries.pop(str(path.resolve()), None) is not None

    def save(self) -> None:
        if not self.changed:
            return
        from generator.render.output import write_bytes

        data = {"versie": VERSION, "map": str(self.out_dir.resolve()), "voorstellen": self.entries}
        try:
            write_bytes(
                cache_file(self.out_dir), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
            )
        except OSError:
            pass  # without the cache the next run renders everything again: slower, never wrong


def planned_names(path: Path, search_path) -> str | None:
    """The base name a proposal's documents get, or None if it does not load (its
    render will report why)."""
    from generator.errors import NotaFout
    from generator.proposal.validate import load_voorstel
    from generator.render.output import base_name

    try:
        return base_name(load_voorstel(path, search_path))
    except (NotaFout, OSError):
        return None


def collisions(names: dict[Path, str | None]) -> dict[Path, list[Melding]]:
    """Proposals whose documents would get the same name: a melding for each of them."""
    by_name: dict[str, list[Path]] = {}
    for path, naam in names.items():
        if naam:
            by_name.setdefault(naam, []).append(path)
    out: dict[Path, list[Melding]] = {}
    for naam, paths in by_name.items():
        if len(paths) < 2:
            continue
        for path in paths:
            others = ", ".join(str(p) for p in paths if p != path)
            out[path] = [
                Melding(
                    f"de documenten van dit voorstel zouden '{naam}' heten, net als die van {others}; "
                    "geef elk voorstel een eigen kenmerk of onderwerp (er is niets geschreven voor deze "
                    "voorstellen)",
                    path,
                )
            ]
    return out


@dataclass
class Plan:
    """What `nota render` does with each proposal: skip it as unchanged (its document
    names), refuse it because its documents would share a name, or render it."""

    cache: Cache
    keys: dict[Path, str | None]
    unchanged: dict[Path, list[str]]
    clashes: dict[Path, list[Melding]]
    todo: list[Path]


def plan(paths: list[Path], search_path, out_dir: Path, formats, again: bool = False) -> Plan:
    """Decide per proposal, before anything is written; `again` (--opnieuw) skips nothing."""
    cache = Cache.load(out_dir)
    sleutels = keys(paths, search_path, formats)
    unchanged = {} if again else {p: n for p in paths if (n := cache.unchanged(p, sleutels[p]))}
    names = (
        {p: (Path(unchanged[p][0]).stem if p in unchanged else planned_names(p, search_path)) for p in paths}
        if len(paths) > 1
        else {}
    )
    clashes = collisions(names)
    todo = [p for p in paths if p not in unchanged and p not in clashes]
    return Plan(cache, sleutels, unchanged, clashes, todo)
