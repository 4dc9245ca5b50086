"""Dutch dates in old documents: "26 januari 2021" and "26-01-2021"."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import get_month_names

MONTHS = [get_month_names("wide", locale="nl_NL")[m] for m in range(1, 13)]
_DATE_RE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)


def datum_from(tekst: str) -> dt.date | None:
    try:
        t = _DATE_RE.search(tekst or "")
        if t:
            return dt.date(int(t.group(3)), MONTHS.index(t.group(2).lower()) + 1, int(t.group(1)))
        t = re.search(r"(\d{1,2})-(\d{1,2})-(\d{4})", tekst or "")
        return dt.date(int(t.group(3)), int(t.group(2)), int(t.group(1))) if t else None
    except ValueError:  # 31 februari
        return None
