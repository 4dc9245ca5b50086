"""The unit a table's amounts are given in: "bedragen x € 1.000", "in duizenden euro's",
"× € 1.000", "(in € 1.000)", "(€ 1.000)", "k€", "(mln)". The importer scales the amounts to
euros and says so in the YAML.
"""

from __future__ import annotations

import re
from decimal import Decimal

_MILLION = re.compile(
    r"(x|×|\bin|\()\s*€\s*1\.000\.000|(x|×|\bin|\()\s*€\s*1\s*(mln|miljoen)|\(\s*(€\s*)?mln\.?\s*\)|"
    r"in\s+(miljoenen|mln\.?|miljoen)(\s+euro['’]?s?|\s+€)?|€\s*mln\b|\bm€",
    re.IGNORECASE,
)
_THOUSAND = re.compile(
    r"(x|×|\bin|\()\s*€\s*1\.?000(?![.\d])|in\s+duizenden(\s+euro['’]?s?)?|\bk€|€\s*k\b|"
    r"\(\s*x\s*1\.?000\s*\)|(x|×)\s*1\.000\s*euro|\bduizenden\s+euro|"
    r"in\s+(dzd|k)\.?\s+(euro|€)",
    re.IGNORECASE,
)
_PHRASE = re.compile(
    r"\s*[(\[]?\s*(bedragen\s+)?(" + _MILLION.pattern + "|" + _THOUSAND.pattern + r")\s*[)\]]?", re.IGNORECASE
)


def scale(tekst: str) -> tuple[Decimal, str] | None:
    """(factor, the words that say so) for a caption or header cell, else None."""
    for pattern, factor in ((_MILLION, Decimal(1_000_000)), (_THOUSAND, Decimal(1000))):
        hit = pattern.search(tekst)
        if hit:
            phrase = _PHRASE.search(tekst)
            return factor, phrase.group(0).strip() if phrase else hit.group(0)
    return None


def without(tekst: str) -> str:
    """The caption or header cell without its unit: "2025 (k€)" -> "2025"."""
    return " ".join(_PHRASE.sub(" ", tekst).split()).strip(" :,-–*_")
