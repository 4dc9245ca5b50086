"""One line of an old document, as every reader gives it to the structure pass."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Regel:
    """The text, and whether it is a heading, a list item or a table row.

    A table row's cells are separated by tabs; paragraphs within one cell by
    newlines, so "burgemeester" and "Jeroen Nobel" stay apart.
    """

    tekst: str
    soort: str = "tekst"  # tekst | kop | subkop | titel | lijst | genummerd | rij | leeg | meubilair
    number: int = 0  # the source line, paragraph or page (1-based), for messages
    size: float = 0.0  # a PDF line's font size (0: the format has styles, or none at all)
