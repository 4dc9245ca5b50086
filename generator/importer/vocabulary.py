"""What a kind's headings and labels may look like in another municipality's document.

A section is known by its title and the `synoniemen` kind.yaml lists for it; a field by its
label and the kind's `synoniemen:` map (field key -> labels; `titel`: the kind's own title).
Titles are compared after numbering ("2.1", "§ 3", "IV."), typography (curly quotes, case,
a trailing colon, a parenthesis) is taken away, exactly first, then fuzzily (rapidfuzz).
"""

from __future__ import annotations

import difflib
import os
import re
from functools import lru_cache

from rapidfuzz import fuzz, process

_NUMBER = re.compile(
    r"^\s*(§\s*|hoofdstuk\s+|artikel\s+)?(\d{1,2}(\.\d{1,2})*|[ivx]{1,4}|[a-h])[.)]?\s+", re.IGNORECASE
)
THRESHOLD = 88
_STOP = {
    "en",
    "of",
    "de",
    "het",
    "een",
    "van",
    "op",
    "tot",
    "in",
    "voor",
    "met",
    "aan",
    "bij",
    "naar",
    "om",
    "te",
    "is",
    "zijn",
    "wat",
    "hoe",
    "wie",
    "waarom",
    "welke",
    "wij",
    "we",
    "dit",
    "dat",
    "deze",
    "die",
    "and",
    "the",
    "doen",  # verbs of the question-form titles ("Wat gaan we daarvoor doen"): no meaning of their own
    "gaan",
    "nodig",
    "daarvoor",
    # the same in other question headings ("Welk beleid geldt hier?", "Waarom ligt dit voorstel voor?",
    # "Wat betekent dit voor de organisatie?"): "geldt" is no "geld", "ligt" no place
    "welk",
    "hier",
    "hiervoor",
    "geldt",
    "gelden",
    "ligt",
    "liggen",
    "betekent",
    "betekenen",
    "wordt",
    "worden",
}
# who decides or is asked to: the college (in every spelling of B&W), the raad, "wij", "u"
_BODY = (
    r"((het\s+)?college(\s+van\s+(burgemeester\s+(en|&)\s+wethouders|b\s*(en|&)\s*w))?|"
    r"burgemeester\s+(en|&)\s+wethouders|b\s*(en|&)\s*w|de\s+(gemeente)?raad)"
    r"(\s+van\s+(de\s+gemeente\s+)?[A-Z][\w'’-]+(\s+[A-Z][\w'’-]+)?)?|wij|we|u"  # "… van Oosterlo"
)
# what is asked of it: "wordt voorgesteld/gevraagd/geadviseerd (om) (te besluiten)", "stelt (u) voor"
_ASK = (
    r"(besluit|besluiten|beslist|(wordt|worden)\s+(voorgesteld|gevraagd|geadviseerd)|(adviseert|adviseren)|"
    r"(stelt|stellen)\s+((u|de\s+(gemeente)?raad|het\s+college)\s+)?voor)"
)
# what may follow the ask before the colon: "(om) te besluiten", "u", "om", "in te stemmen met"
_ASK_REST = r"(\s+(u|de\s+(gemeente)?raad|het\s+college))?((\s+om)?\s+te\s+besluiten|\s+om|\s+in\s+te\s+stemmen\s+met)?"
_INTRO = re.compile(
    rf"^(({_BODY})\s+{_ASK}{_ASK_REST}|"
    r"aan\s+(de\s+(gemeente)?raad|het\s+college)\s+wordt\s+(voorgesteld|gevraagd|geadviseerd)((\s+om)?\s+te\s+besluiten)?|"
    r"(voorgestelde?|geadviseerde?|gevraagde?|ontwerp|te\s+nemen)\s*(raads|college)?(besluit(en)?|beslissing(en)?)|"
    r"besluit|beslissing|beslispunten|besluitpunten|"
    r"(het\s+)?voorstel\s+is|(voorgesteld|geadviseerd|gevraagd|besloten)\s+wordt((\s+om)?\s+te\s+besluiten|\s+om)?)\s*:?$",
    re.IGNORECASE,
)


_TITLED = re.compile(
    r"^(.{4,40}?)(?:\s*:\s*|\s+[-–—]\s+|\s+(?:inzake|betreffende|over|m\.b\.t\.|aangaande)\s+)(\S.{5,})$",
    re.IGNORECASE,
)
_DECISION_WORD = re.compile(
    r"\b(besluit|besluiten|beslispunten|beslispunt|beslissing|beslissingen|besluitpunten)\b", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def bare(tekst: str) -> str:
    """A title without numbering and typography: "2.1 Risico’s:" -> "risico's"."""
    tekst = tekst.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").strip()
    tekst = _NUMBER.sub("", tekst).rstrip(":").strip().rstrip(".").lower()
    return " ".join(re.sub(r"\s*\(.*?\)\s*", " ", tekst).split())


def close(a: str, b: str) -> bool:
    """Bare titles that are the same, or nearly (a typo, a letter of a plural)."""
    if a == b:
        return True
    if not a or not b or min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    return fuzz.ratio(a, b) >= THRESHOLD


def is_intro(tekst: str) -> bool:
    """The line that opens the beslispunten: "Het college besluit:", "Besluit:", … or by its
    shape, a short line ending in a colon that speaks of the decision ("Gevraagd besluit:")."""
    tekst = " ".join(tekst.replace("\u00a0", " ").split())
    return (
        len(tekst) < 130
        and bool(_INTRO.match(tekst))
        or (len(tekst.split()) <= 8 and tekst.endswith(":") and bool(_DECISION_WORD.search(tekst)))
    )


class Vocabulary:
    """The titles and labels of one kind, with their synonyms, bare."""

    def __init__(self, soort):
        synoniemen = soort.raw.get("synoniemen") or {}
        self.titels = {bare(t) for t in [soort.titel, *synoniemen.get("titel", [])]}
        self.secties = [(s, [bare(t) for t in [s["titel"], *s.get("synoniemen", [])]]) for s in soort.secties]
        # a section's meaning in a few words (kind.yaml `begrippen`), for headings in other words
        self.begrippen = {s["sleutel"]: [bare(b) for b in s.get("begrippen", [])] for s in soort.secties}
        # flat lists for rapidfuzz: exact names score 100 and win; own titles first
        self._own = ([names[0] for _, names in self.secties], [s for s, _ in self.secties])
        self._all = ([n for _, names in self.secties for n in names], [s for s, names in self.secties for _ in names])
        self.field_labels = (
            [_normalise(v["label"]) for v in soort.velden if v.get("label")],
            [v for v in soort.velden if v.get("label")],
        )
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

    def sectie_by_words(self, tekst: str) -> tuple[dict, str, int] | None:
        """(section, name, words shared) for a heading in other words: the one section whose title,
        a synonym or one of its `begrippen` shares the most content words with it, a word counting as shared in
        another form ("effecten"/"effect", "kader"/"beleidskader", "resultaat"/"resultaten").
        None when no section, or two equally, share words. Unsure by nature: the caller marks it."""
        words = set(_content_words(tekst))
        if len(tekst) > 90 or not words:
            return None
        best: dict[str, tuple[int, dict, str]] = {}
        for sectie, names in self.secties:
            for name in [*names, *self.begrippen[sectie["sleutel"]]] if not sectie.get("uit_beslispunten") else []:
                own = _content_words(name)
                shared = sum(1 for w in words if any(same_word(w, n) for n in own))
                if shared and shared > best.get(sectie["sleutel"], (0,))[0]:
                    best[sectie["sleutel"]] = (shared, sectie, name)
        ranked = sorted(best.values(), key=lambda t: -t[0])
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            ranked = _first_named(tekst, [t for t in ranked if t[0] == ranked[0][0]])
        if not ranked:
            return None
        shared, sectie, name = ranked[0]
        return sectie, name, shared

    def sectie_by_meaning(self, tekst: str, taken: set[str]) -> tuple[dict, list[str]] | None:
        """(section, the words shared) for a heading with its first sentence: the one section not
        in `taken` whose names and `begrippen` share at least two content words with it, more
        than any other. Unsure by nature: the caller marks it."""
        words = sorted(set(_content_words(tekst)))
        ranked: list[tuple[int, dict, list[str]]] = []
        for sectie, names in self.secties:
            if sectie["sleutel"] in taken or sectie.get("uit_beslispunten"):
                continue
            own = [w for n in [*names, *self.begrippen[sectie["sleutel"]]] for w in _content_words(n)]
            shared = [w for w in words if any(same_word(w, n) for n in own)]
            ranked.append((len(shared), sectie, shared))
        ranked.sort(key=lambda t: -t[0])
        if not ranked or ranked[0][0] < 2 or len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None
        return ranked[0][1], ranked[0][2]

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

    def title_with_onderwerp(self, tekst: str) -> str | None:
        """The onderwerp in the title line: "Raadsvoorstel: Nieuwe speeltuin", "Collegevoorstel
        inzake de lichtmasten", "Raadsvoorstel - Krediet De Linde" -> the words after the title
        (at least two), else None."""
        hit = _TITLED.match(" ".join(tekst.split()))
        if hit is None or bare(hit.group(1)) not in self.titels or len(hit.group(2).split()) < 2:
            return None
        return hit.group(2).strip()

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


def same_word(a: str, b: str) -> bool:
    """The same word in another form: a plural, a compound ending or starting with it, a shared stem."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short) or len(short) >= 5 and long_.endswith(short):
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= 6 and common >= 0.6 * len(long_)


def _content_words(tekst: str) -> list[str]:
    return [w for w in re.findall(r"\w+", bare(tekst)) if w not in _STOP and len(w) > 2]


def _first_named(tekst: str, tied: list[tuple[int, dict, str]]) -> list[tuple[int, dict, str]]:
    """Of sections a heading "A en B" names equally (one word each), the one its first part names
    ("Vervolg en communicatie": the vervolg); [] when the heading is no such pair."""
    parts = re.split(r"\s+(?:en|&)\s+", tekst.strip(), maxsplit=1, flags=re.IGNORECASE)
    if len(parts) != 2 or len(tied) != 2:
        return []
    first = set(_content_words(parts[0]))
    named = [t for t in tied if any(same_word(w, n) for w in first for n in _content_words(t[2]))]
    return named if len(named) == 1 else []
