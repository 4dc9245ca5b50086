"""Which proposal files a command works on: files as given, folders expanded."""
from __future__ import annotations

from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


def verzamel(paden) -> list[Path]:
    """Files as given; a folder means every *.yaml/*.yml in it, sorted by name."""
    uit: list[Path] = []
    for pad in map(Path, paden):
        if pad.is_dir():
            uit += sorted(p for p in pad.iterdir()
                          if p.suffix.lower() in YAML_SUFFIXES and p.is_file() and not p.name.startswith("."))
        else:
            uit.append(pad)
    return list(dict.fromkeys(uit))
