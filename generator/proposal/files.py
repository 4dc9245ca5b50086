"""Which proposal files a command works on: files as given, folders expanded."""
from __future__ import annotations

from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


def collect(paths) -> list[Path]:
    """Files as given; a folder means every *.yaml/*.yml in it, sorted by name.

    An entry that is not a regular file (a FIFO, a device) is kept, so that the
    loader refuses it with a message instead of skipping it without a word; the
    loader never reads such a file."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            out += sorted(p for p in path.iterdir()
                          if p.suffix.lower() in YAML_SUFFIXES and not p.is_dir() and not p.name.startswith("."))
        else:
            out.append(path)
    return list(dict.fromkeys(out))
