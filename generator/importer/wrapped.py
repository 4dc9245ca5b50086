"""Hard-wrapped text (copied out of a PDF) joined back into paragraphs.

Text copied from a PDF has a line break at the end of every printed line, and
sometimes a blank line between every two lines. When most lines end near one
width, the text is wrapped: a line that reaches that width and does not end a
sentence continues on the next line. Text with one paragraph per line (the
usual export) has no such width and is left alone. Linear in the text.
"""

from __future__ import annotations

import re

from generator.importer.points import STARTS

_END = (".", ":", "!", "?", ";")
# a header label opening a line: "Kenmerk:", "Datum: 3 maart 2020", "Van team:" (at most three words)
_CAPTION = re.compile(r"^(tabel|figuur|grafiek|overzicht)\s+\d+[.:]?\s", re.IGNORECASE)  # "Tabel 1. Kosten"
_SUBNUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})+\.?\s+[A-ZÀ-Þ]")
_LABEL = re.compile(r"^[A-ZÀ-Þ][\w'’./&-]*(\s[\w'’./&-]+){0,2}:(\s|$)")


def _width(regels: list[str]) -> int | None:
    lengths = sorted(len(r.strip()) for r in regels if r.strip() and "\t" not in r)
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    near = sum(1 for n in lengths if 0.7 * width <= n <= width + 2)
    return width if 30 <= width <= 130 and near >= max(4, len(lengths) // 4) else None


def _continues(previous: str, volgende: str, width: int) -> bool:
    a, b = previous.strip(), volgende.strip()
    if not a or not b or "\t" in previous or "\t" in volgende or STARTS.match(b) or len(a) < 0.7 * width:
        return False
    if _LABEL.match(b) or _CAPTION.match(a):  # a value never swallows the label after it; a caption stands alone
        return False
    if _SUBNUMBER.match(b):  # "4.2 De beweegzaal …": a numbered subheading opens its own line
        return False
    if len(a.split()) <= 3 and b[0].isupper():  # "Financiële consequenties" over a sentence: a heading
        return False
    return not a.endswith(_END) or b[0].islower()


_EMAIL_CUT = re.compile(r"^[\w.+-]+@[\w.-]*$")  # "m.visser@examp": an address a narrow cell wrapped
_EMAIL_END = re.compile(r"^[\w.-]*\.[a-z]{2,6}$")  # "le.nl"


def join_cut_addresses(regels: list[str]) -> list[str]:
    """An e-mail address wrapped in a narrow table cell ("m.visser@examp" / "le.nl", a blank line
    between or not) made whole again; the line of the second part left blank, so numbers hold."""
    out = list(regels)
    for i, r in enumerate(out):
        if not _EMAIL_CUT.match(r.strip()) or "." in r.strip().rpartition("@")[2].rstrip("."):
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(out))) if out[k].strip()), None)
        if j is not None and _EMAIL_END.match(out[j].strip()):
            out[i], out[j] = r.strip() + out[j].strip(), ""
    return out


def unwrap(regels: list[str]) -> list[tuple[int, str]]:
    """(line number, line) with wrapped lines joined; blank lines between wrapped lines dropped."""
    width = _width(regels)
    if width is None:
        return list(enumerate(regels, 1))
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(regels):
        parts, start = [regels[i]], i + 1
        while True:
            j = i + 2 if i + 2 < len(regels) and not regels[i + 1].strip() else i + 1
            if j == i + 2 and _LABEL.match(parts[-1].strip()):
                break  # "Afdeling: Openbare Ruimte", a blank line, a heading: a header line ends there
            if j < len(regels) and _continues(parts[-1], regels[j], width):
                parts.append(regels[j])
                i = j
            else:
                break
        out.append((start, " ".join(p.strip() for p in parts) if len(parts) > 1 else parts[0]))
        i += 1
    return out


_BROKEN = re.compile(r"^[A-ZÀ-Þ][\w'’.&]*(\s[\w'’.&]+)?-$")  # "Organisatie-": a short label broken at its hyphen


def hyphen_joined(regels: list[str]) -> list[str]:
    """A short label a narrow cell broke at its hyphen ("Organisatie-" over "eenheid") made whole;
    the second line stays as an empty one (line numbers keep their place). Not "… -" over "en …"."""
    out = list(regels)
    for i in range(len(out) - 1):
        rest = out[i + 1].strip()
        if _BROKEN.match(out[i].strip()) and re.fullmatch(r"[a-zà-ÿ][\w'’]*:?", rest) and rest not in ("en", "of"):
            out[i], out[i + 1] = out[i].strip() + rest, ""
    return out


_DAY_MONTH = re.compile(
    r"^\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$",
    re.IGNORECASE,
)


def dates_joined(regels: list[str]) -> list[str]:
    """A date a narrow cell wrapped before its year ("3 maart" over "2024") made one line; the
    year's line stays as an empty one (line numbers keep their place)."""
    out = list(regels)
    for i in range(len(out) - 1):
        if _DAY_MONTH.match(out[i].strip()) and re.fullmatch(r"(19|20)\d\d", out[i + 1].strip()):
            out[i], out[i + 1] = f"{out[i].strip()} {out[i + 1].strip()}", ""
    return out
