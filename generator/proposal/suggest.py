"""'Bedoelde u ...?' suggestions for misspelt keys and names."""

from __future__ import annotations

import difflib


def suggest(word: str, candidates) -> str | None:
    """The closest candidate to `woord`, or None when nothing is close."""
    candidates = [str(k) for k in candidates]
    hits = difflib.get_close_matches(str(word), candidates, n=1, cutoff=0.6)
    if hits:
        return hits[0]
    lower = {k.lower(): k for k in candidates}
    return lower.get(str(word).lower())
