"""What a kind's headings and labels may look like in another municipality's document.

A section is known by its title and the `synoniemen` kind.yaml lists for it; a field by its
label and the kind's `synoniemen:` map (field key -> labels; `titel`: the kind's own title).
Titles are compared after numbering ("2.1", "§ 3", "IV."), typography (curly quotes, case,
a trailing colon, a parenthesis) is taken away, exactly first, then fuzzily (rapidfuzz).
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from rapidfuzz import fuzz, process

_NUMBER = re.compile(r"^\s*(§\s*|hoofdstuk\s+|artikel\s+)?(\d{1,2}(\.\d{1,2})*|[ivx]{1,4}|[a-h])[.)]?\s+",
                     re.IGNORECASE)
THRESHOLD = 88
_INTRO = re.compile(
    r"^((het\s+college|burgemeester\s+en\s+wethouders)\s+(besluit|besluiten|wordt\s+(voorgesteld|gevraagd)\s+te\s+"
    r"besluiten)|de\s+(gemeente)?raad\s+wordt\s+(voorgesteld|gevraagd)\s+te\s+besluiten|(voorgesteld|geadviseerd|"
    r"ontwerp)\s*(raads)?besluit|besluit|beslispunten|wij\s+stellen\s+(u|de\s+raad)\s+voor(\s+te\s+besluiten)?|"
    r"(het\s+)?voorstel\s+is|voorgesteld\s+wordt\s+te\s+besluiten)\s*:?$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def bare(tekst: str) -> str:
    """A title without numbering and typography: "2.1 Risico’s:" -> "risico's"."""
    tekst = tekst.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").strip()
    tekst = _NUMBER.sub("", tekst).rstrip(":").strip().lower()
    return " ".join(re.sub(r"\s*\(.*?\)\s*", " ", tekst).split())


def close(a: str, b: str) -> bool:
    """Bare titles that are the same, or nearly (a typo, a letter of a plural)."""
    if a == b:
        return True
    if not a or not b or min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    return fuzz.ratio(a, b) >= THRESHOLD


def is_intro(tekst: str) -> bool:
    """The line that opens the beslispunten: "Het college besluit:", "Besluit:", …"""
    return len(tekst) < 90 and bool(_INTRO.match(" ".join(tekst.replace("\u00a0", " ").split())))


class Vocabulary:
    """The titles and labels of one kind, with their synonyms, bare."""

    def __init__(self, soort):
        synoniemen = soort.raw.get("synoniemen") or {}
        self.titels = {bare(t) for t in [soort.titel, *synoniemen.get("titel", [])]}
        self.secties = [(s, [bare(t) for t in [s["titel"], *s.get("synoniemen", [])]]) for s in soort.secties]
        # flat lists for rapidfuzz: exact names score 100 and win; own titles first
        self._own = ([names[0] for _, names in self.secties], [s for s, _ in self.secties])
        self._all = ([n for _, names in self.secties for n in names],
                     [s for s, names in self.secties for _ in names])
        self.field_labels = ([_normalise(v["label"]) for v in soort.velden if v.get("label")],
                             [v for v in soort.velden if v.get("label")])
        self.labels: dict[str, dict] = {}
        for veld in soort.velden:
            for label in [veld.get("label"), *synoniemen.get(veld["sleutel"], [])]:
                if label:
                    self.labels.setdefault(bare(label), veld)

    def sectie(self, tekst: str, own_only: bool = False) -> dict | None:
        """The section a heading names. A line with a colon ("Uitvoering:" above a
        paragraph), or `own_only` (a subheading), names a section only by its own title."""
        if len(tekst) > 90 or tekst.rstrip().endswith((".", ";", ",")):
            return None
        b = bare(tekst)
        own_only = own_only or tekst.rstrip().endswith(":")
        names, owners = self._own if own_only else self._all
        if not b:
            return None
        found = process.extractOne(b, names, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
        return owners[found[2]] if found else None

    def own_label(self, tekst: str) -> dict | None:
        """The field whose own label this line is, exactly or nearly (numbering, case aside)."""
        if len(tekst) > 120:
            return None
        b = _normalise(tekst)
        found = process.extractOne(b, self.field_labels[0], scorer=fuzz.ratio, score_cutoff=THRESHOLD) if b else None
        return self.field_labels[1][found[2]] if found else None

    def veld(self, label: str) -> dict | None:
        """The field a label names (its own label or a synonym), exactly after `bare`."""
        return self.labels.get(bare(label)) if len(label) <= 60 else None

    def is_title(self, tekst: str) -> bool:
        return len(tekst) <= 60 and bare(tekst) in self.titels

    def all_names(self) -> list[str]:
        return [n for _, names in self.secties for n in names] + list(self.labels) + list(self.titels)


@lru_cache(maxsize=65536)
def _normalise(tekst: str) -> str:
    tekst = re.sub(r"^\d{1,2}[.)]\s+", "", tekst.strip()).rstrip(":").strip().lower()
    return re.sub(r"\s*\(.*?\)\s*", " ", tekst).strip()


@lru_cache(maxsize=65536)
def looks_like(regel: str, titel: str) -> bool:
    """Is this line the heading or label `titel`? Exact after normalising, or close;
    the cheap length bound runs first, so a long document stays linear."""
    if len(regel) > 120:
        return False
    return _similar(_normalise(regel), _normalise(titel))


def _similar(a: str, b: str) -> bool:
    if not a or len(a) > 90:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < 0.78 * max(len(a), len(b)):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.88 and matcher.quick_ratio() >= 0.88 and matcher.ratio() >= 0.88
