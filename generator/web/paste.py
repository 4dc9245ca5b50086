"""Text that arrives in the editor, cleaned so the file always loads again.

`clean` (everything the form or the YAML tab sends) normalises what a YAML file
cannot hold: Word's line break (U+000B) and page break (U+000C), line and
paragraph separators and every other control character YAML refuses. `paste`
(text pasted from Word or a PDF) also turns non-breaking spaces into spaces,
drops soft hyphens and zero-width characters, and turns bullets and numbering
into markdown lists, one item per line, with a blank line around the list.
Smart quotes, dashes and accents are text: they stay.
"""

from __future__ import annotations

import re
from typing import Any

from generator.proposal.sentences import ENDS

REPLACE = {
    "\r\n": "\n",
    "\r": "\n",
    "\v": "\n",
    "\f": "\n\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\u0085": "\n",
    "\ufeff": "",
}
_REPLACE = re.compile("|".join(map(re.escape, REPLACE)))
# What a paste from Word or a PDF brings besides: spaces that do not break, hyphens that
# only might, characters of no width. Text typed in the form keeps them.
TIDY = {
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
}
_TIDY = re.compile("|".join(map(re.escape, TIDY)))
# What a YAML file may not hold (generator.proposal.load refuses it); a tab stays.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
BULLETS = "•·▪◦○■□●➢➤►‣⁃∙-–—*o§"
_BULLET = re.compile(rf"^([ \t]*)([{re.escape(BULLETS)}])[ \t]+(\S.*)$")
_NUMBER = re.compile(r"^([ \t]*)\(?(\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)][ \t]+(\S.*)$")
_SENTENCE_END = re.compile(rf"[{re.escape(ENDS)}]\s*$")
_LINE_BREAK = re.compile("\v")
_LINE_BREAK_AT_END = re.compile("[ \t]*\v+(?=[ \t]*(\r?\n|\f|$))")  # a break before a line end is none
LEVEL = {"o": 1, "◦": 1, "○": 1, "▪": 2, "■": 2, "§": 2}


def clean(tekst: str) -> str:
    """What a YAML file cannot hold, normalised (line and page breaks to newlines, other
    control characters left out); everything else unchanged."""
    tekst = _REPLACE.sub(lambda m: REPLACE[m.group()], tekst)
    return _FORBIDDEN.sub("", tekst)


def clean_tree(value: Any) -> Any:
    """Every string in a form's tree cleaned (keys too)."""
    if isinstance(value, str):
        tekst = clean(value)
        return tekst.rstrip("\n") + "\n" if tekst.endswith("\n\n") else tekst
    if isinstance(value, dict):
        return {clean(k) if isinstance(k, str) else k: clean_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_tree(v) for v in value]
    return value


def paste(tekst: str, multiline: bool = True) -> str:
    """Pasted text for a field: cleaned; in a text of several lines, bullets and numbering
    become markdown list items; in a one-line field, the lines joined by spaces."""
    if multiline:  # Word's line break (Shift+Enter) stays one: a markdown hard break
        tekst = _LINE_BREAK.sub("\\\\\n", _LINE_BREAK_AT_END.sub("", tekst))
    tekst = _TIDY.sub(lambda m: TIDY[m.group()], clean(tekst)).strip("\n")
    if not multiline:
        return re.sub(r"\s*\n\s*", " ", tekst).strip()
    out: list[str] = []
    in_list = False
    for line in tekst.split("\n"):
        item = _list_item(line)
        if item is not None:
            other_kind = in_list and item.lstrip()[:1].isdigit() != out[-1].lstrip()[:1].isdigit()
            if (not in_list or other_kind) and out and out[-1].strip():
                out.append("")  # a list starts after a blank line, also a numbered after a bulleted one
            out.append(item)
        elif in_list and line.strip():
            if _SENTENCE_END.search(out[-1]) or line[:1].isupper():
                out += ["", line.strip()]  # a paragraph after the list
                item = None
            else:
                out[-1] += " " + line.strip()  # a wrapped line of the item (PDF)
                continue
        else:
            out.append(line.rstrip())
        in_list = item is not None
    return "\n".join(out)


def _list_item(line: str) -> str | None:
    """The markdown list item a Word or PDF list line is, or None."""
    bullet = _BULLET.match(line)
    if bullet and (bullet.group(2) != "o" or "\t" in line):  # "o" is Word's second-level bullet
        level = LEVEL.get(bullet.group(2), 0) or len(bullet.group(1).expandtabs(4)) // 4
        return "  " * level + "- " + bullet.group(3).strip()
    number = _NUMBER.match(line)
    if number and ("\t" in line or number.group(2).isdigit()):
        mark = number.group(2)
        return (f"{int(mark)}. " if mark.isdigit() else "- ") + number.group(3).strip()
    return None
