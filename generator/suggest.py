"""'Bedoelde u ...?' suggestions for misspelt keys and names."""
from __future__ import annotations

import difflib


def suggestie(woord: str, kandidaten) -> str | None:
    """The closest candidate to `woord`, or None when nothing is close."""
    kandidaten = [str(k) for k in kandidaten]
    treffers = difflib.get_close_matches(str(woord), kandidaten, n=1, cutoff=0.6)
    if treffers:
        return treffers[0]
    lager = {k.lower(): k for k in kandidaten}
    return lager.get(str(woord).lower())
