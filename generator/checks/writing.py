"""Writing quality (warnings; `nota check --strikt` makes them errors).

Long summaries, sentences over 25 words, a sentence written twice, the
readability of the summaries against B1 (Flesch-Douma), and a written-out
`voorstel` section that says something else than the beslispunten.
"""

from __future__ import annotations

import re

from generator.checks.registry import check, warning
from generator.render.richtext import plain_text
from generator.proposal.placeholders import is_placeholder
from generator.proposal.sentences import FULL_STOPS
from generator.proposal.sentences import sentences as split
from generator.proposal.validate import Voorstel
from generator.proposal.vocabulary import is_nvt

MAX_SENTENCE_WORDS = 25
MAX_SAMENVATTING = 200  # words
B1_THRESHOLD = 60  # Flesch-Douma: 60-70 is "vrij gemakkelijk", about B1
SAMENVATTING_LABELS = ("samenvatting", "publiekssamenvatting")
_SYLLABLE = re.compile(r"(ij|[aeiouyàáâäèéêëìíîïòóôöùúûü]+)", re.IGNORECASE)


def texts(voorstel: Voorstel):
    """(path, markdown) of every free text: markdown fields and section texts.

    The skeleton's placeholders are left out: validation names them already."""
    for path, tekst in _all_texts(voorstel):
        if not is_placeholder(tekst):
            yield path, tekst


def _all_texts(voorstel: Voorstel):
    for veld in voorstel.soort.velden:
        value = voorstel.data.value(veld["sleutel"])
        if veld.get("type") == "markdown" and isinstance(value, str):
            yield (veld["sleutel"],), value
    for s in voorstel.soort.secties:
        inhoud = voorstel.data.sectie(s["sleutel"])
        parts = [inhoud] if isinstance(inhoud, str) else (inhoud or [])
        for i, part in enumerate(parts):
            if isinstance(part, str):
                yield ("secties", s["sleutel"]) + ((i,) if isinstance(inhoud, list) else ()), part


def sentences(markdown: str) -> list[str]:
    """The sentences of `markdown`'s plain text, stripped, a paragraph never joined to the next."""
    out = []
    for paragraph in plain_text(markdown).split("\n"):
        out += [z.strip() for z in split(paragraph, FULL_STOPS, capital_next=True) if z.strip()]
    return out


def words(tekst: str) -> list[str]:
    return re.findall(r"[\wÀ-ÿ'’-]+", tekst)


def flesch_douma(tekst: str) -> float | None:
    """206.835 - 0.93 * words per sentence - 77 * syllables per word."""
    sentences_ = sentences(tekst)
    words_ = [w for z in sentences_ for w in words(z)]
    if not sentences_ or not words_:
        return None
    syllables = sum(max(1, len(_SYLLABLE.findall(w))) for w in words_)
    return 206.835 - 0.93 * len(words_) / len(sentences_) - 77 * syllables / len(words_)


def _place(voorstel: Voorstel, path: tuple, sentence: str, after: int = 0) -> tuple:
    """Line and column of the sentence itself (after line `na`), else of its field."""
    begin = " ".join(sentence.split()[:3])
    first_line, _ = voorstel.bron.plaats(path)
    lines = voorstel.bron.tekst.splitlines()
    for nr in range(max(first_line - 1, after), len(lines)):
        column = lines[nr].find(begin)
        if column >= 0:
            return nr + 1, column + 1
    return first_line, 1


def _by_sentence(voorstel: Voorstel, path: tuple, sentence: str, message: str, after: int = 0):
    melding = warning(voorstel, path, message)
    line, column = _place(voorstel, path, sentence, after)
    return type(melding)(melding.message, melding.file, line, column, melding.level)


@check
def long_sentences(voorstel: Voorstel):
    for path, tekst in texts(voorstel):
        for sentence in sentences(tekst):
            n = len(words(sentence))
            if n > MAX_SENTENCE_WORDS:
                yield _by_sentence(
                    voorstel,
                    path,
                    sentence,
                    (
                        f'zin van {n} woorden (meer dan {MAX_SENTENCE_WORDS}): "{_short(sentence)}"; '
                        "splits hem voor de leesbaarheid"
                    ),
                )


@check
def repeated_sentences(voorstel: Voorstel):
    seen: dict[str, tuple] = {}
    for path, tekst in texts(voorstel):
        for sentence in sentences(tekst):
            sleutel = " ".join(words(sentence.lower()))
            if len(words(sentence)) < 5:
                continue
            if sleutel in seen:
                earlier = _place(voorstel, seen[sleutel], sentence)[0]
                yield _by_sentence(
                    voorstel,
                    path,
                    sentence,
                    (f'deze zin staat er twee keer (ook op regel {earlier}): "{_short(sentence)}"'),
                    after=earlier,
                )
            else:
                seen[sleutel] = path


@check
def samenvatting(voorstel: Voorstel):
    for veld in SAMENVATTING_LABELS:
        tekst = voorstel.data.value(veld)
        if not isinstance(tekst, str) or not tekst.strip():
            continue
        n = len(words(plain_text(tekst)))
        if n > MAX_SAMENVATTING:
            yield warning(voorstel, (veld,), (f"de {veld} telt {n} woorden; houd hem onder {MAX_SAMENVATTING} woorden"))
        score = flesch_douma(tekst)
        if score is not None and score < B1_THRESHOLD:
            yield warning(
                voorstel,
                (veld,),
                (
                    f"de {veld} is moeilijk leesbaar: Flesch-Douma {score:.0f} (B1 vraagt ongeveer "
                    f"{B1_THRESHOLD} of hoger); gebruik kortere zinnen en kortere woorden"
                ),
            )


@check
def voorstel_follows_beslispunten(voorstel: Voorstel):
    punten = voorstel.data.decision_points()
    for s in voorstel.soort.secties:
        inhoud = voorstel.data.sectie(s["sleutel"])
        if not s.get("uit_beslispunten") or not isinstance(inhoud, str) or is_nvt(inhoud):
            continue
        tekst = " ".join(words(plain_text(inhoud).lower()))
        for i, item in enumerate(punten):
            if " ".join(words(item.lower())) not in tekst:
                yield warning(
                    voorstel,
                    ("secties", s["sleutel"]),
                    (
                        f"sectie '{s['sleutel']}' noemt beslispunt {i + 1} niet letterlijk "
                        f'("{_short(item)}"); laat de sectie leeg om de beslispunten te herhalen'
                    ),
                )


def _short(sentence: str, n: int = 60) -> str:
    return sentence if len(sentence) <= n else sentence[: n - 1].rstrip() + "…"
