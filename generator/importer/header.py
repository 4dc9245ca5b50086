"""Header fields from label/value pairs, with the labels the kind itself uses.

A label is a field's `label`, or a label the kind's `kop` gives a part of a
field ({veld: adviseur.email, label: E-mail}). Every cell pair of a row is a
pair (`Kenmerk | 2021.00412 | Datum | 26 januari 2021`); "Telefoon" and
"E-mail" rows belong to the person named just before them.
"""

from __future__ import annotations

import re

from generator.importer.shapes import ANSWER, shape_fits

CONTACT = {
    "telefoon": "telefoon",
    "tel": "telefoon",
    "telefoonnummer": "telefoon",
    "e-mail": "email",
    "email": "email",
    "e-mailadres": "email",
    "mail": "email",
    "mailadres": "email",
    "emailadres": "email",
    "tel.nr": "telefoon",
    "tel. nr": "telefoon",
    "telnr": "telefoon",
    "telefoonnr": "telefoon",
    "telefoon nr": "telefoon",
    "mobiel": "telefoon",
    "mobiel nummer": "telefoon",
}
SKIP = ("markdown", "beslispunten", "bijlagen", "lijst", "vragen", "aspecten")


# "Archiefnummer: Z/24/1", "Datum besluit: …": a capitalised label of at most three words, a colon, a value
LABEL_COLON = re.compile(r"^[A-ZÀ-Þ][\w'’./&-]*(\s[\w'’./&-]+){0,2}:\s+\S")
_BOLD_LABEL = re.compile(r"^\*\*([^*]{1,60}?)\s*(:?)\s*\*\*\s*(:?)\s*(.*)$")


def _unbold(tekst: str) -> str:
    """ "**Zaaknummer:** Z.24-871" (a bold label in Word, as markdown) -> "Zaaknummer: Z.24-871"."""
    hit = _BOLD_LABEL.match(tekst)
    if hit is None or not (hit.group(2) or hit.group(3)) or "**" in hit.group(4):
        return tekst
    return f"{hit.group(1).strip()}: {hit.group(4).strip()}".strip()


def _bare(tekst: str) -> str:
    """ "Zaaknr.:" -> "zaaknr": case, a colon and an abbreviation's last full stop aside, and a
    qualifier in brackets ("Portefeuillehouder(s)", "Telefoon (direct)"); a word broken at its hyphen
    where a narrow cell wrapped it and the reader joined the lines with a space."""
    tekst = re.sub(r"\s?\([^()]{1,15}\)\s*(?=:?\s*$)", "", tekst.strip())
    tekst = re.sub(r"(\w)-\s+(?!(?:en|of)\b)(?=\w)", r"\1-", tekst)  # "Organisatie- eenheid": a cell wrapped it
    return " ".join(tekst.rstrip(":").strip().rstrip(".").lower().split())


class Labels:
    """Normalised label -> (veld, part) for one kind."""

    def __init__(self, soort):
        self.by_label: dict[str, tuple[dict | None, str | None]] = {}
        self.aliases: set[str] = set()  # labels of the header block that are not a field's own label
        self._inline: re.Pattern[str] | None = None
        for veld in soort.velden:
            if veld.get("label") and veld["type"] not in SKIP:
                self.by_label[_bare(veld["label"])] = (veld, None)
        for k in soort.kop:
            if isinstance(k, dict) and k.get("label") and k.get("veld"):
                sleutel, _, part = k["veld"].partition(".")
                veld = next((v for v in soort.velden if v["sleutel"] == sleutel), None)
                if veld is not None and _bare(k["label"]) not in self.by_label:
                    self.by_label[_bare(k["label"])] = (veld, part or None)
                    self.aliases.add(_bare(k["label"]))
        self.asking: set[str] = set()  # "Geheimhouding": a field's label that names one of its options
        for sleutel, labels in (soort.raw.get("synoniemen") or {}).items():
            veld = next((v for v in soort.velden if v["sleutel"] == sleutel and v["type"] not in SKIP), None)
            for label in labels if veld is not None else []:
                if _bare(label) not in self.by_label:
                    self.by_label[_bare(label)] = (veld, _asks(veld, _bare(label)) if veld is not None else None)
                    self.asking |= {_bare(label)} if self.by_label[_bare(label)][1] else set()
        for veld in soort.velden:  # "Vertrouwelijk: Nee": an option as a yes/no question
            for optie in veld.get("opties", []) if veld["type"] == "keuze" else []:
                if _bare(str(optie)) not in self.by_label:
                    self.by_label[_bare(str(optie))] = (veld, ANSWER + str(optie))
                    self.aliases.add(_bare(str(optie)))
        if any(v["type"] == "persoon" for v in soort.velden):
            for label, part in CONTACT.items():
                if label not in self.by_label:
                    self.by_label[label] = (None, part)  # None: the person named last
                    self.aliases.add(label)

    def inline(self, tekst: str) -> list[str]:
        """ "Onderwerp: X Kenmerk: 2024-12 Datum: 3 maart 2024" (a header table copied as one line)
        split before every known label with a colon after the first: a value never swallows the
        label after it; a bold label ("**Datum:** …") made plain. A line that does not open with a
        known label stays as it is."""
        tekst = _unbold(tekst)
        if self.prefixed(tekst) is None:
            return [tekst]
        if self._inline is None:
            names = sorted((n for n in self.by_label if len(n) > 2), key=len, reverse=True)
            self._inline = re.compile(r"\s(" + "|".join(re.escape(n) for n in names) + r")\s?:(\s|$)", re.IGNORECASE)
        starts = [0] + [m.start(1) for m in self._inline.finditer(tekst) if tekst[m.start(1)].isupper()]
        return [tekst[a:b].strip() for a, b in zip(starts, [*starts[1:], len(tekst)]) if tekst[a:b].strip()]

    def spaced(self, tekst: str):
        """(veld, part, value) for "Kenmerk 2024-0012", "Datum 3 maart 2024" (a label, a space, and a
        short value of the field's shape: a header copied without its colons), else None."""
        words = tekst.split()
        if ":" in tekst or not 2 <= len(words) <= 10 or tekst.rstrip().endswith((".", ";", ",")) or self.of(tekst):
            return None
        for n in range(min(4, len(words) - 1), 0, -1):
            hit, waarde = self.by_label.get(_bare(" ".join(words[:n]))), " ".join(words[n:])
            if hit is not None and shape_fits(hit[0], hit[1], waarde) and _capitalised(hit[0], waarde):
                return (*hit, waarde)
        return None

    def prefix_key(self, tekst: str) -> str | None:
        """The field "Label: value" names by its label ("Datum: 3 maart 2024" -> "datum"), else None."""
        hit = self.prefixed(tekst) or self.spaced(tekst)
        return None if hit is None or hit[0] is None else hit[0]["sleutel"]

    def opens(self, tekst: str) -> bool:
        """The line is a label, or opens with one and its value: "Kenmerk", "Datum: 3 maart 2020",
        "Kenmerk 2024-0012", or a label nota does not know before a colon ("Archiefnummer: Z/24/1")."""
        return (
            self.of(tekst) is not None
            or self.prefixed(tekst) is not None
            or self.spaced(tekst) is not None
            or bool(LABEL_COLON.match(tekst))
        )

    def of(self, cell: str, answers: bool = False):
        """(veld, part) when the whole cell is a label, else None. An option as a yes/no question
        ("Vertrouwelijk") is a label with a colon, or where a value follows it (`answers`); alone
        it is a value ("Openbaar" under "Classificatie")."""
        bare = _bare(cell) if len(cell) <= 60 and "\n" not in cell.strip() else ""
        hit = self.by_label.get(bare) if bare else None
        if hit is None and len(bare.split()) == 2:  # "Zaaknum mer": a narrow cell broke the word
            hit = self.by_label.get(bare.replace(" ", ""))
        asked = (hit[1] or "").startswith(ANSWER) if hit is not None else False
        if asked and bare not in self.asking and not (answers or cell.rstrip().endswith(":")):
            return None
        return hit

    def is_alias(self, tekst: str) -> bool:
        return _bare(tekst) in self.aliases

    def asks(self, tekst: str) -> bool:
        """ "Geheimhouding:": a label that asks a yes or a no about an option (see _asks)."""
        return _bare(tekst) in self.asking

    def prefixed(self, tekst: str):
        """(veld, part, value) for "Onderwerp: X" (label, colon, value), else None."""
        label, colon, waarde = tekst.partition(":")
        hit = self.by_label.get(_bare(label)) if colon and waarde.strip() else None
        return None if hit is None else (*hit, waarde.strip())

    def pairs(self, cells: list[str]) -> list[tuple]:
        """(veld, part, value) for every label cell followed by a value cell."""
        out, k = [], 0
        while k < len(cells):
            hit = self.of(cells[k], answers=True) if cells[k].strip() else None
            value = next((j for j in range(k + 1, len(cells)) if cells[j].strip()), None)
            if hit is not None and value is not None and self.of(cells[value]) is None:
                out.append((*hit, cells[value].strip()))
                k = value + 1
            else:
                k += 1
        return out


def _asks(veld: dict, label: str) -> str | None:
    """A keuze field's synonym that is one of its options as a noun ("Geheimhouding" for geheim,
    "Vertrouwelijkheid" for vertrouwelijk), not the default one: a yes/no question about that option
    (ANSWER + option), its answer "Nee" the default (marked when that leaves a choice)."""
    if veld["type"] != "keuze":
        return None
    standaard = str(veld.get("standaard") or "")  # "Openbaarheid" heads the option itself ("Openbaar")
    optie = next(
        (str(o) for o in veld.get("opties", []) if str(o) != standaard and label.startswith(_bare(str(o)))), None
    )
    return ANSWER + optie if optie is not None else None


def persoon(waarde: str) -> dict:
    """ "A. Jansen, a.jansen@example.nl, 043 350 0000" (or one per line) as a Persoon."""
    waarde = re.sub(
        r"(@[\w.-]*?[\w-])\s*\n\s*([\w.-]*\.[a-z]{2,6})$", r"\1\2", waarde.strip(), flags=re.M
    )  # wrapped address
    parts = [d.strip() for d in re.split(r"[,\n]", waarde) if d.strip()]
    out = {"naam": parts[0] if parts else waarde.strip()}
    for d in parts[1:]:
        if "@" in d:
            out.setdefault("email", d)
        elif re.search(r"\d{3}", d):
            out.setdefault("telefoon", d)
        else:
            out.setdefault("functie", d)
    return out


def label_like(tekst: str) -> bool:
    """Two words without a digit ("Titel voorstel"): as short as a label, too short for an onderwerp."""
    return len(tekst.split()) == 2 and not re.search(r"\d", tekst)


def _capitalised(veld: dict | None, waarde: str) -> bool:
    """A text value of a header opens with a capital or a digit ("Team Jeugd", "J. Jansen"): "Titel
    voorstel" is a label of two words, not "Titel" with the value "voorstel"."""
    return veld is None or veld["type"] not in ("tekst", "persoon") or waarde[:1].isupper() or waarde[:1].isdigit()
