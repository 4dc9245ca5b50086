"""The seal of a decision: the SHA-256 of the proposal's content as decided.

The content is the validated model without its `besluiten`, as canonical
JSON: comments, key order, quoting and layout do not count, every change of
text, amount or field does.
"""
from __future__ import annotations

import hashlib
import json


def inhoud(voorstel) -> str:
    data = voorstel.data.model_dump(mode="json", exclude={"besluiten"}, exclude_none=True)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(voorstel) -> str:
    return hashlib.sha256(inhoud(voorstel).encode("utf-8")).hexdigest()


def in_force(besluiten) -> dict[str, tuple[int, object]]:
    """The decision that counts per orgaan: the latest; earlier ones are history."""
    return {b.orgaan: (i, b) for i, b in enumerate(besluiten)}


def broken(voorstel) -> list[tuple[int, object]]:
    """(index, besluit) of each decision that counts whose seal no longer matches."""
    current = content_hash(voorstel)
    return [(i, b) for i, b in in_force(voorstel.data.besluiten).values()
            if b.inhoud_sha256 and b.inhoud_sha256 != current]
