"""Writing quality (warnings; `nota check --strikt` makes them errors).

Long summaries, sentences over 25 words, a sentence written twice, the
readability of the summaries against B1 (Flesch-Douma), and a written-out
`voorstel` section that says something else than the beslispunten.
"""
from __future__ import annotations

import re

from .checks import check, waarschuwing
from .richtext import platte_tekst
from .validate import Voorstel

MAX_ZINSLENGTE = 25
MAX_SAMENVATTING = 200  # words
B1_DREMPEL = 60  # Flesch-Douma: 60-70 is "vrij gemakkelijk", about B1
SAMENVATTINGEN = ("samenvatting", "publiekssamenvatting")
_ZIN = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'‘“(])")
_LETTERGREEP = re.compile(r"(ij|[aeiouyàáâäèéêëìíîïòóôöùúûü]+)", re.IGNORECASE)


def teksten(voorstel: Voorstel):
    """(path, markdown) of every free text: markdown fields and section texts."""
    for veld in voorstel.soort.velden:
        waarde = getattr(voorstel.data, veld["sleutel"], None)
        if veld.get("type") == "markdown" and isinstance(waarde, str):
            yield (veld["sleutel"],), waarde
    secties = getattr(voorstel.data, "secties", None)
    for s in voorstel.soort.secties if secties is not None else []:
        inhoud = getattr(secties, s["sleutel"], None)
        delen = [inhoud] if isinstance(inhoud, str) else (inhoud or [])
        for i, deel in enumerate(delen):
            if isinstance(deel, str):
                yield ("secties", s["sleutel"]) + ((i,) if isinstance(inhoud, list) else ()), deel


def zinnen(markdown: str) -> list[str]:
    uit = []
    for alinea in platte_tekst(markdown).split("\n"):
        uit += [z.strip() for z in _ZIN.split(alinea) if z.strip()]
    return uit


def woorden(tekst: str) -> list[str]:
    return re.findall(r"[\wÀ-ÿ'’-]+", tekst)


def flesch_douma(tekst: str) -> float | None:
    """206.835 - 0.93 * words per sentence - 77 * syllables per word."""
    zinnen_ = zinnen(tekst)
    woorden_ = [w for z in zinnen_ for w in woorden(z)]
    if not zinnen_ or not woorden_:
        return None
    lettergrepen = sum(max(1, len(_LETTERGREEP.findall(w))) for w in woorden_)
    return 206.835 - 0.93 * len(woorden_) / len(zinnen_) - 77 * lettergrepen / len(woorden_)


def _plaats(voorstel: Voorstel, pad: tuple, zin: str, na: int = 0) -> tuple:
    """Line and column of the sentence itself (after line `na`), else of its field."""
    begin = " ".join(zin.split()[:3])
    regel0, _ = voorstel.bron.plaats(pad)
    regels = voorstel.bron.tekst.splitlines()
    for nr in range(max(regel0 - 1, na), len(regels)):
        kolom = regels[nr].find(begin)
        if kolom >= 0:
            return nr + 1, kolom + 1
    return regel0, 1


def _op_zin(voorstel: Voorstel, pad: tuple, zin: str, bericht: str, na: int = 0):
    melding = waarschuwing(voorstel, pad, bericht)
    regel, kolom = _plaats(voorstel, pad, zin, na)
    return type(melding)(melding.bericht, melding.bestand, regel, kolom, melding.niveau)


@check
def lange_zinnen(voorstel: Voorstel):
    for pad, tekst in teksten(voorstel):
        for zin in zinnen(tekst):
            n = len(woorden(zin))
            if n > MAX_ZINSLENGTE:
                yield _op_zin(voorstel, pad, zin, (
                    f"zin van {n} woorden (meer dan {MAX_ZINSLENGTE}): \"{_kort(zin)}\"; "
                    "splits hem voor de leesbaarheid"))


@check
def dubbele_zinnen(voorstel: Voorstel):
    gezien: dict[str, tuple] = {}
    for pad, tekst in teksten(voorstel):
        for zin in zinnen(tekst):
            sleutel = " ".join(woorden(zin.lower()))
            if len(woorden(zin)) < 5:
                continue
            if sleutel in gezien:
                eerder = _plaats(voorstel, gezien[sleutel], zin)[0]
                yield _op_zin(voorstel, pad, zin, (
                    f"deze zin staat er twee keer (ook op regel {eerder}): \"{_kort(zin)}\""), na=eerder)
            else:
                gezien[sleutel] = pad


@check
def samenvatting(voorstel: Voorstel):
    for veld in SAMENVATTINGEN:
        tekst = getattr(voorstel.data, veld, None)
        if not isinstance(tekst, str) or not tekst.strip():
            continue
        n = len(woorden(platte_tekst(tekst)))
        if n > MAX_SAMENVATTING:
            yield waarschuwing(voorstel, (veld,), (
                f"de {veld} telt {n} woorden; houd hem onder {MAX_SAMENVATTING} woorden"))
        score = flesch_douma(tekst)
        if score is not None and score < B1_DREMPEL:
            yield waarschuwing(voorstel, (veld,), (
                f"de {veld} is moeilijk leesbaar: Flesch-Douma {score:.0f} (B1 vraagt ongeveer "
                f"{B1_DREMPEL} of hoger); gebruik kortere zinnen en kortere woorden"))


@check
def voorstel_volgt_beslispunten(voorstel: Voorstel):
    punten = getattr(voorstel.data, "beslispunten", None) or []
    secties = getattr(voorstel.data, "secties", None)
    for s in voorstel.soort.secties if secties is not None else []:
        inhoud = getattr(secties, s["sleutel"], None)
        if not s.get("uit_beslispunten") or not isinstance(inhoud, str) or inhoud.strip().lower() == "nvt":
            continue
        tekst = " ".join(woorden(platte_tekst(inhoud).lower()))
        for i, punt in enumerate(punten):
            if " ".join(woorden(punt.lower())) not in tekst:
                yield waarschuwing(voorstel, ("secties", s["sleutel"]), (
                    f"sectie '{s['sleutel']}' noemt beslispunt {i + 1} niet letterlijk "
                    f"(\"{_kort(punt)}\"); laat de sectie leeg om de beslispunten te herhalen"))


def _kort(zin: str, n: int = 60) -> str:
    return zin if len(zin) <= n else zin[: n - 1].rstrip() + "…"
