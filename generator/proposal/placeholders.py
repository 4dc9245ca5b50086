"""The text `nota new` writes where the steller still has to write something.

The skeleton writes these; validation refuses them in required fields and
sections, so a blank skeleton never passes `nota check`.
"""
from __future__ import annotations

MARKDOWN = "Schrijf hier de tekst (markdown)."
ITEM = "..."
FILL_IN = "invullen"

PLACEHOLDERS = frozenset({MARKDOWN, ITEM, FILL_IN, ""})


def is_placeholder(value) -> bool:
    """True for a value that is still the skeleton's (or blank)."""
    return isinstance(value, str) and value.strip() in PLACEHOLDERS
