"""No-break spaces where two parts belong together, in every output.

"€ 371.358", "3 maart 2020", "artikel 3" and "lid 2" never break across lines:
the HTML rendition (and so the PDF and the DOCX written from it) and the
besluitenlijst get a no-break space (U+00A0) between the parts.
"""

from __future__ import annotations

import re

from generator.proposal.formatting import NBSP, keep_euro_together

MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_SPACE = r"(?:[ \t\r\n]|&nbsp;|&#160;)+"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_SPACE}({MAANDEN})\b")
_MONTH_YEAR = re.compile(rf"\b({MAANDEN}){_SPACE}(\d{{4}})\b")
_ARTICLE = re.compile(rf"\b([Aa]rtikel|[Aa]rt\.|[Ll]id|[Hh]oofdstuk|[Bb]ijlage){_SPACE}(?=\d)")


def keep_together(tekst: str) -> str:
    """`tekst` (plain text or HTML) with a no-break space inside amounts, dates and
    references to an article ("artikel 3", "lid 2")."""
    tekst = keep_euro_together(tekst)
    tekst = _DAY_MONTH.sub(lambda m: m.group(1) + NBSP + m.group(2), tekst)
    tekst = _MONTH_YEAR.sub(lambda m: m.group(1) + NBSP + m.group(2), tekst)
    return _ARTICLE.sub(lambda m: m.group(1) + NBSP, tekst)
