"""The seal of a decision: what was decided, and the decision record itself.

A decision record carries four seals:

- `inhoud_sha256`: the SHA-256 of the proposal's content as decided. The
  content is the validated model without its `besluiten`, as canonical JSON:
  comments, key order, quoting and layout do not count, every change of text,
  amount or field does.
- `inhoud_per_veld`: a short hash (12 hex digits) per field, per section and
  per list item (`secties.aanleiding`, `beslispunten.2`), so `nota verify` can
  say which parts changed since the decision and where they are now.
- `besluit_sha256`: the SHA-256 of the record itself (orgaan, datum,
  uitkomst, ..., both seals above) chained to the record before it, so an
  edited outcome or date, or a removed earlier record, is found as well.
- `bestanden_sha256`: the SHA-256 of every file the proposal references
  (bijlagen, images, links to files beside it), so a replaced annex or image
  is found as well, and named.

Only a complete seal is valid: a record without one of the four (typed by
hand, written by an older nota, or with a seal deleted to hide a change) is
an error everywhere. The secretariat brings an older record up to date with
`nota herzegel`, which records that it did. None of this is a signature: it
finds changes made by editing the file, not a forger who recomputes the
hashes (git's history does that); see docs/security.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from generator.proposal.model import Besluit
from generator.proposal.vocabulary import ORGAAN_KORT

# How a message names who decided: "het besluit van het college".
ORGAAN = ORGAAN_KORT

FIELD_HASH_LENGTH = 12


def _canonical(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _content(voorstel) -> dict:
    return voorstel.data.model_dump(mode="json", exclude={"besluiten"}, exclude_none=True)


def inhoud(voorstel) -> str:
    return _canonical(_content(voorstel))


def content_hash(voorstel) -> str:
    return hashlib.sha256(inhoud(voorstel).encode("utf-8")).hexdigest()


def parts(voorstel) -> dict[str, object]:
    """The content by part: each field; a mapping's keys and a list's items (from 1) apart."""
    out: dict[str, object] = {}
    for key, value in _content(voorstel).items():
        if isinstance(value, dict) and value:
            out.update({f"{key}.{sub}": v for sub, v in value.items()})
        elif isinstance(value, list) and value:
            out.update({f"{key}.{i}": v for i, v in enumerate(value, 1)})
        else:
            out[key] = value
    return out


def part_hashes(voorstel) -> dict[str, str]:
    return {
        naam: hashlib.sha256(_canonical(v).encode("utf-8")).hexdigest()[:FIELD_HASH_LENGTH]
        for naam, v in parts(voorstel).items()
    }


def part_path(naam: str) -> tuple:
    """'beslispunten.2' -> ('beslispunten', 1): the path of a part in the YAML."""
    return tuple(int(p) - 1 if p.isdigit() else p for p in naam.split("."))


def changed_parts(voorstel, besluit) -> list[tuple[str, str]]:
    """(part, 'gewijzigd' | 'toegevoegd' | 'verwijderd') since `besluit`, in document order."""
    decided = besluit.inhoud_per_veld or {}
    now = part_hashes(voorstel)
    out = [(n, "gewijzigd" if n in decided else "toegevoegd") for n, h in now.items() if decided.get(n) != h]
    return out + [(n, "verwijderd") for n in decided if n not in now]


@dataclass
class Change:
    part: str  # 'onderwerp', 'secties.aanleiding', 'beslispunten.2'
    state: str  # gewijzigd | toegevoegd | verwijderd
    line: int
    column: int


def changes(voorstel, besluit) -> list[Change]:
    """Each part changed since `besluit`, at its line now (a removed part: its parent's)."""
    out = []
    for part, state in changed_parts(voorstel, besluit):
        line, column = voorstel.bron.plaats(part_path(part), key=True)
        out.append(Change(part, state, line, column))
    return out


def _record(besluit) -> dict:
    return besluit.model_dump(mode="json", exclude={"besluit_sha256"}, exclude_none=True)


def _link(besluit) -> str:
    """What the next record chains to: this record's own seal, or (an older record
    without one) the hash of its content."""
    if besluit.besluit_sha256:
        return besluit.besluit_sha256
    return hashlib.sha256(_canonical(_record(besluit)).encode("utf-8")).hexdigest()


def record_hash(besluit, previous) -> str:
    """The seal of one record, chained to the record before it (None for the first)."""
    data = {"vorige": _link(previous) if previous is not None else "", "besluit": _record(besluit)}
    return hashlib.sha256(_canonical(data).encode("utf-8")).hexdigest()


def tampered(besluiten: list[Besluit]) -> list[tuple[int, Besluit]]:
    """(index, besluit) of each sealed record that was changed after it was written
    (or whose predecessor was changed or removed)."""
    return [
        (i, b)
        for i, b in enumerate(besluiten)
        if b.besluit_sha256 and b.besluit_sha256 != record_hash(b, besluiten[i - 1] if i else None)
    ]


SEAL_FIELDS = ("inhoud_sha256", "inhoud_per_veld", "bestanden_sha256", "besluit_sha256")


def missing_seal(besluit: Besluit) -> list[str]:
    """The parts of the seal this record lacks (empty: complete)."""
    return [naam for naam in SEAL_FIELDS if getattr(besluit, naam) is None]


def unsealed(besluiten: list[Besluit]) -> list[tuple[int, Besluit]]:
    """(index, besluit) of each record without a complete seal."""
    return [(i, b) for i, b in enumerate(besluiten) if missing_seal(b)]


def referenced_files(voorstel) -> list[str]:
    """Every local file the proposal names, as written: bijlagen, images and links."""
    from generator.proposal.references import local_path
    from generator.render.richtext import references

    found: list[str] = []
    for bijlage in voorstel.data.attachments():
        if bijlage.bestand:
            found.append(str(bijlage.bestand))
    for _, href in references(voorstel.bron.data):
        path = local_path(href)
        if path is not None and not href.strip().lower().startswith("file:"):
            found.append(path)
    return list(dict.fromkeys(found))


def file_hashes(voorstel) -> dict[str, str]:
    """name -> SHA-256 of each referenced file that is in the proposal's folder."""
    from generator.proposal.files import file_digest

    folder = Path(voorstel.path).resolve().parent
    out = {}
    for naam in referenced_files(voorstel):
        digest = file_digest(folder, naam)
        if digest is not None:
            out[naam] = digest
    return out


def changed_files(voorstel, besluit) -> list[tuple[str, str]]:
    """(file, 'gewijzigd' | 'toegevoegd' | 'verwijderd') since `besluit` sealed them."""
    if besluit.bestanden_sha256 is None:
        return []
    decided, now = besluit.bestanden_sha256, file_hashes(voorstel)
    out = [(n, "gewijzigd" if n in decided else "toegevoegd") for n, h in now.items() if decided.get(n) != h]
    return out + [(n, "verwijderd") for n in decided if n not in now]


def in_force(besluiten: list[Besluit]) -> dict[str, tuple[int, Besluit]]:
    """The decision that counts per orgaan: the latest; earlier ones are history."""
    return {b.orgaan: (i, b) for i, b in enumerate(besluiten)}


def broken(voorstel) -> list[tuple[int, Besluit]]:
    """(index, besluit) of each decision that counts whose seal no longer matches."""
    current = content_hash(voorstel)
    return [
        (i, b) for i, b in in_force(voorstel.data.besluiten).values() if b.inhoud_sha256 and b.inhoud_sha256 != current
    ]
