"""The text `nota new` writes where the steller still has to write something.

The skeleton writes these; validation refuses them in required fields and
sections, so a blank skeleton never passes `nota check`.
"""

from __future__ import annotations

MARKDOWN = "Schrijf hier de tekst (markdown)."
ITEM = "..."
FILL_IN = "invullen"

PLACEHOLDERS = frozenset({MARKDOWN, ITEM, FILL_IN, ""})


def is_placeholder(value) -> bool:
    """True for a value that is still the skeleton's (or blank)."""
    return isinstance(value, str) and value.strip() in PLACEHOLDERS


_ADVICE = {
    "tekst": "schrijf de tekst",
    "markdown": "schrijf de tekst (markdown)",
    "datum": "schrijf een datum als JJJJ-MM-DD",
    "beslispunten": "schrijf het beslispunt",
    "lijst": "schrijf de tekst",
    "bedrag": 'schrijf een bedrag, zoals 371358 of "€ 371.358,50"',
}


def blanks(data: dict, soort) -> list[tuple[tuple, str]]:
    """(path, message) for each required field or section still blank, and for every
    field or section that still holds the skeleton's text."""
    out = []
    for veld in soort.velden:
        sleutel = veld["sleutel"]
        if sleutel in data:
            out += _blank_field((sleutel,), data[sleutel], veld, bool(veld.get("verplicht")))
    secties = data.get("secties")
    if not isinstance(secties, dict):
        secties = {}
    for s in soort.secties:
        sleutel = s["sleutel"]
        if sleutel in secties and _blank_section(secties[sleutel], bool(s.get("verplicht"))):
            advies = (
                "schrijf de tekst van deze sectie"
                if s.get("verplicht")
                else ("schrijf de tekst, of 'nvt' als de sectie niet van toepassing is")
            )
            out.append((("secties", sleutel), f"sectie '{sleutel}' is nog niet ingevuld; {advies}"))
    return out


def _blank_field(path: tuple, waarde, veld: dict, required: bool) -> list[tuple[tuple, str]]:
    sleutel, soort = path[0], veld["type"]
    advies = _ADVICE.get(soort, "vul het in")
    if isinstance(waarde, list):
        return [m for i, item in enumerate(waarde) for m in _blank_item(path, i, item, advies)]
    if isinstance(waarde, dict):
        return [
            (path + (k,), f"'{k}' (in {sleutel}) is nog niet ingevuld; vul het in")
            for k, v in waarde.items()
            if _filler(v, required=required and k in _REQUIRED_PARTS)
        ]
    if (required and waarde is None) or _filler(waarde, required):
        return [(path, f"'{sleutel}' is nog niet ingevuld; {advies}")]
    return []


def _blank_item(path: tuple, i: int, item, advies: str) -> list[tuple[tuple, str]]:
    """A list item still blank, or the blank parts of a record in a list (a vraag, an aspect)."""
    sleutel = path[0]
    if isinstance(item, dict):
        return [
            (path + (i, k), f"'{k}' (in {sleutel}, punt {i + 1}) is nog niet ingevuld; vul het in")
            for k, v in item.items()
            if _filler(v, required=k in _REQUIRED_PARTS)
        ]
    if _filler(item, required=True):
        return [(path + (i,), f"'{sleutel}' punt {i + 1} is nog niet ingevuld; {advies}")]
    return []


_REQUIRED_PARTS = ("naam", "burgemeester", "secretaris", "titel", "vraag", "antwoord", "aspect", "functie")


def _filler(waarde, required: bool) -> bool:
    """A skeleton's text; for a required value also a blank one."""
    if not isinstance(waarde, str):
        return False
    return is_placeholder(waarde) if required else waarde.strip() in PLACEHOLDERS - {""}


def _blank_section(inhoud, required: bool) -> bool:
    if isinstance(inhoud, list):
        teksten = [p for p in inhoud if not isinstance(p, dict)]
        return len(teksten) == len(inhoud) and all(_filler(p, required) or (required and p is None) for p in teksten)
    return (required and inhoud is None) or _filler(inhoud, required)
