"""Which kind a document is: the one whose section titles and field labels it matches most."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from generator.importer.regel import Regel
from generator.importer.vocabulary import Vocabulary, _normalise
from generator.proposal.kinds import Soort


def choose_soort(regels: list[Regel], soorten: list[Soort]) -> Soort:
    """The kind whose section titles and field labels the document matches most.

    Every line is normalised once; a title is looked up exactly, then compared
    only with lines of about its length, so a long document stays linear."""
    lines = {_normalise(r.tekst) for r in regels if r.soort != "rij" and len(r.tekst) <= 120}
    by_length: dict[int, list[str]] = {}
    for a in lines:
        by_length.setdefault(len(a), []).append(a)
    labels = {r.tekst.split(":", 1)[0].strip().lower() for r in regels if ":" in r.tekst[:60]}

    def present(titel: str) -> bool:
        b = _normalise(titel)
        if b in lines or titel.lower() in labels:
            return True
        near = [a for n in range(int(0.78 * len(b)), int(len(b) / 0.78) + 2) for a in by_length.get(n, ())]
        return process.extractOne(b, near, scorer=fuzz.ratio, score_cutoff=88) is not None

    def score(soort) -> int:
        vocabulary = Vocabulary(soort)
        titles = [s["titel"] for s in soort.secties] + [v.get("label", "") for v in soort.velden]
        own_title = any(
            vocabulary.is_title(r.tekst) or vocabulary.title_with_onderwerp(r.tekst)
            for r in regels[:40]
            if r.soort != "rij"
        )
        named = sum(1 for n in set(vocabulary.all_names()) if n in lines or n in labels)
        return sum(present(t) for t in titles if t) + named + 10 * own_title

    return max(soorten, key=score)
