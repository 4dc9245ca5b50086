"""The publication's memory: `.nota-publicatie.json` in the publication folder.

It keeps, per proposal file, the key of its input (render/cache.py: the file,
what it names beside it, the kinds and nota's code) and what publication made
of it, so an unchanged proposal is not loaded again; and, per published
document, a fingerprint of its content, its `lastmod` and whether it replaced
an earlier version. Files are named by a hash of their name and hold nothing
of a proposal that is not published (its status and key only), so the state
carries no trace of what is not public. A lost state only means everything is
made again and every document gets a new lastmod.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

FILE_NAME = ".nota-publicatie.json"
VERSION = 1

GEPUBLICEERD, NIET_OPENBAAR, OVERGESLAGEN = "gepubliceerd", "niet-openbaar", "overgeslagen"


def file_id(path: Path) -> str:
    return hashlib.sha256(path.name.encode("utf-8")).hexdigest()[:24]


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class Document:
    sha256: str  # the PDF
    vingerafdruk: str  # the PDF and its description: a change is a new version
    lastmod: str
    vervangen: bool = False
    bron: str = ""  # a besluitenlijst: the SHA-256 of the HTML it was made from


@dataclass
class State:
    voorstellen: dict[str, dict] = field(default_factory=dict)
    documenten: dict[str, Document] = field(default_factory=dict)
    bestanden: list[str] = field(default_factory=list)  # every file publication wrote

    @classmethod
    def load(cls, out: Path) -> State:
        try:
            data = json.loads((out / FILE_NAME).read_text(encoding="utf-8"))
            if data.get("versie") == VERSION:
                return cls(
                    data["voorstellen"],
                    {k: Document(**d) for k, d in data["documenten"].items()},
                    list(data["bestanden"]),
                )
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return cls()

    def reusable(self, path: Path, sleutel: str | None, out: Path) -> dict | None:
        """What publication made of `path` last time, if its input and its PDF are unchanged."""
        entry = self.voorstellen.get(file_id(path)) if sleutel else None
        if not entry or entry.get("sleutel") != sleutel:
            return None
        if entry["status"] == GEPUBLICEERD:
            naam = entry["publicatie"]["naam"]
            known = self.documenten.get(naam)
            if known is None or sha256_of(out / f"{naam}.pdf") != known.sha256:
                return None
        return entry

    def version(self, naam: str, sha256: str, vingerafdruk: str, now: str, bron: str = "") -> Document:
        """The document as published now: its lastmod kept while its content stays the same."""
        known = self.documenten.get(naam)
        if known is not None and known.vingerafdruk == vingerafdruk:
            return Document(sha256, vingerafdruk, known.lastmod, known.vervangen, bron)
        return Document(sha256, vingerafdruk, now, known is not None, bron)

    def list_unchanged(self, naam: str, bron: str, out: Path) -> bool:
        """Whether the besluitenlijst in `out` was made from this very HTML."""
        known = self.documenten.get(naam)
        return known is not None and known.bron == bron and sha256_of(out / f"{naam}.pdf") == known.sha256

    def to_bytes(self) -> bytes:
        data = {
            "versie": VERSION,
            "voorstellen": dict(sorted(self.voorstellen.items())),
            "documenten": {k: vars(d) for k, d in sorted(self.documenten.items())},
            "bestanden": sorted(self.bestanden),
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
