"""The college's decision as another municipality records it on the proposal: a box with
☒/☐ ("☒ Conform advies ☐ Gewijzigd ☐ Aangehouden") under a date line ("Collegevergadering:
26 november 2024", "Datum besluit: …"). A ticked box with a date is a decision; a ticked box
without a date, or an outcome nota does not know, stays marked in the YAML.
"""

from __future__ import annotations

import re

from generator.importer.dates import datum_from
from generator.proposal.vocabulary import ALLE_UITKOMSTEN, COLLEGE, RAAD

UITKOMST = {**{u: u for u in ALLE_UITKOMSTEN}, "akkoord": "conform"}
# "Besluit B&W d.d. 26-11-2024: conform advies": the college's decision as one line
BESLUIT_LINE = re.compile(
    r"^Besluit\s+(Burgemeester en Wethouders|B&W|college)\s+d\.d\.\s+"
    r"(\d{1,2}\s+\w+\s+\d{4}|\d{1,2}-\d{1,2}-\d{4}):?\s*(.*)$",
    re.IGNORECASE,
)
_AAN = re.compile(r"^\s*([☒☑✔✓■⊠]|\[x\])\s*(.*)$", re.IGNORECASE)
_UIT = re.compile(r"^\s*([☐□❑]|\[\s\])")
_DATUM = re.compile(
    r"^(collegevergadering|datum\s+(collegebesluit|besluit|collegevergadering|vergadering\s+b&w)|"
    r"vergadering\s+(b&w|college))\s*:?\s*(.*)$",
    re.IGNORECASE,
)
# by its words: a label of the college and of a meeting or date ("Vergaderdatum college: …")
_COLLEGE = re.compile(r"\b(college|b\s*&\s*w|burgemeester\s+en\s+wethouders)", re.IGNORECASE)
_COLLEGE_OR_BESLUIT = re.compile(r"\b(college|collegebesluit|b\s*&\s*w|burgemeester\s+en\s+wethouders)", re.IGNORECASE)
_WANNEER = re.compile(r"(vergader|datum|besluitdatum|collegebesluit|d\.d\.)", re.IGNORECASE)
# "Besluit college: akkoord", "Besluit van B&W: conform advies"
_UITSPRAAK = re.compile(
    r"^(het\s+)?besluit\s+(van\s+)?(het\s+)?(college|b&w|burgemeester\s+en\s+wethouders)"
    r"\s*:\s*(\S.*)$",
    re.IGNORECASE,
)
# "Het college heeft dit voorstel in zijn vergadering van 26 november 2024 conform vastgesteld."
# "Het college heeft op 3 december 2024 besloten conform …", "Besloten in de collegevergadering van …"
_ZIN = re.compile(
    r"^((het\s+)?(college|b&w|burgemeester\s+en\s+wethouders)\b.{0,60}?|besloten\b.{0,40}?)"
    r"(vergadering\s+van|\bop|\bd\.d\.)\s+(?P<datum>\d{1,2}\s+\w+\s+\d{4}|\d{1,2}-\d{1,2}-\d{4})\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_KOP = re.compile(
    r"^((het\s+)?besluit\s+(van\s+)?(het\s+)?(college|b&w|burgemeester\s+en\s+wethouders)|"
    r"collegebesluit)\s*:?$",
    re.IGNORECASE,
)


# the outcome under a bare label in a decision record, and the numbers a record adds
_OUTCOME_LABELS = ("besluit", "uitkomst", "besluit college", "collegebesluit", "besluit b&w", "advies college")
_NUMBER_LABELS = ("agendapunt", "agendanummer", "besluitnummer", "besluitnr", "besluitnr.")


def uitkomst(tekst: str) -> str | None:
    word = tekst.strip().rstrip(".").split()[0].lower() if tekst.strip() else ""
    return next((v for k, v in UITKOMST.items() if word.startswith(k)), None)


class Besluitvak:
    def __init__(self, soort):
        self.orgaan = soort.orgaan
        self.datum = None
        self.waiting = False  # the date label alone; its value is on the next line
        self.line_read: str | None = None  # the date line read, until an outcome uses it
        self.stamped: str | None = None  # that line was a stamp's ("B&W-besluit d.d. …"): the decision is marked
        self.tail: str | None = None  # the rest of a decision sentence wrapped onto the next line, taken

    def line(self, rec, tekst: str, record_only: bool = False) -> bool:
        """Takes a line of the decision box (and returns True), else leaves it to the caller.
        `record_only`: a table row, taken only when it belongs to a decision record."""
        if self.tail is not None and tekst == self.tail:
            self.tail = None
            return True
        if self.record_line(rec, tekst) or self.outcome_line(rec, tekst):
            return True
        if record_only:
            return _date_label(tekst) is not None and bool(datum_from(tekst)) and self.line(rec, tekst)
        if self.waiting:
            self.waiting = False
            if datum_from(tekst):
                self.datum = datum_from(tekst)
                return True
        waarde = _date_label(tekst)
        if waarde is not None and rec.target is None and rec.labels.prefix_key(tekst):
            return False  # "Datum collegebesluit: …" in the header, a label of the kind's own: a field
        if waarde is not None:
            rec.close_paragraph()
            self.datum = datum_from(waarde) or self.datum
            self.waiting, self.line_read = not waarde.strip(), tekst
            gekozen = _word_outcome(waarde)  # "Collegebesluit: 3 december 2024 conform": date and outcome
            return self.ticked(rec, tekst, gekozen) if gekozen else True
        zin = _ZIN.match(tekst)
        if zin and len(tekst.split()) >= 6 and not _word_outcome(zin["rest"]) and (tail := _tail(rec)):
            self.tail, tekst = tail, tekst + " " + tail  # "… heeft op 3 december 2024 besloten" / "conform advies."
            zin = _ZIN.match(tekst)
        if zin and datum_from(zin["datum"]) and _word_outcome(zin["rest"]):
            rec.close_paragraph()
            record = {"orgaan": _orgaan(zin.group(1), self.orgaan), "datum": datum_from(zin["datum"])}
            record["uitkomst"] = _word_outcome(zin["rest"])
            rec.out.besluiten.append(record)
            rec.out.guessed.setdefault("besluiten", []).append(f"besluit gelezen uit de zin '{tekst}'")
            return True
        if self.stamp(rec, tekst):
            return True
        uitspraak = _UITSPRAAK.match(tekst)
        if uitspraak:
            return self.ticked(rec, tekst, uitspraak.group(5))
        if _KOP.match(tekst) or _UIT.match(tekst) and not _AAN.match(tekst):
            rec.close_paragraph()
            return True
        ticked = _AAN.match(tekst)
        return self.ticked(rec, tekst, ticked.group(2)) if ticked else False

    def stamp(self, rec, tekst: str) -> bool:
        """A decision stamp: a short line naming the college, a date and an outcome, in any order
        ("Akkoord B&W 03-12-2024", "B&W-besluit 3 december 2024: conform advies"); marked."""
        words = re.findall(r"[\w&-]+", tekst)
        datum = datum_from(tekst)
        gekozen = _word_outcome(re.sub(r"\d{1,2}\s+\w+\s+\d{4}", " ", tekst))
        if len(words) > 12 or datum is None or not _COLLEGE_OR_BESLUIT.search(tekst):
            return False
        if gekozen is None:
            return self.stamp_without_outcome(rec, tekst, datum, words)
        rec.close_paragraph()
        rec.out.besluiten.append({"orgaan": _orgaan(tekst, self.orgaan), "datum": datum, "uitkomst": gekozen})
        rec.out.guessed.setdefault("besluiten", []).append(f"besluit gelezen uit de regel '{tekst}'")
        return True

    def stamp_without_outcome(self, rec, tekst: str, datum, words: list[str]) -> bool:
        """ "B&W-besluit d.d. 03-12-2024" (a stamp's first line, anywhere on the page): a decision's
        date; the outcome is the short line under it ("Conform advies"), see `outcome_line`."""
        if len(words) > 8 or not re.search(r"besluit|\bd\.d\.", tekst, re.IGNORECASE):
            return False
        rec.close_paragraph()
        self.datum, self.line_read, self.stamped = datum, tekst, tekst
        return True

    def outcome_line(self, rec, tekst: str) -> bool:
        """Right under a decision's date line, an outcome alone ("Conform advies", "Akkoord.")."""
        bare = re.fullmatch(
            r"(\w+)(\s+(advies|voorstel|het\s+advies|het\s+voorstel))?\s*\.?", tekst.strip(), re.IGNORECASE
        )
        if not self.line_read or self.datum is None or not bare or uitkomst(bare.group(1)) is None:
            return False
        if self.stamped:
            rec.out.guessed.setdefault("besluiten", []).append(
                f"besluit gelezen uit de stempel '{self.stamped}' / '{tekst}'"
            )
        self.stamped = None
        return self.ticked(rec, tekst, tekst)

    def cells(self, rec, cells: list[str]) -> bool:
        """A row of a decision recorded as a small table ("Datum collegevergadering | 3 december
        2024", "Besluit | Conform advies", "Agendapunt | B.4"): read as its lines are."""
        filled = [c.strip() for c in cells if c.strip()]
        if len(filled) == 1 and _KOP.match(filled[0]):
            rec.close_paragraph()
            return True
        if len(filled) == 1 and "\n" in filled[0]:  # a stamp in a bordered box: its lines
            first, *rest = filled[0].split("\n")
            if not self.line(rec, first):
                return False
            for regel in rest:
                if regel.strip() and not self.line(rec, regel):
                    rec.out.unplaced.setdefault(rec.target or "", []).append(regel)
            return True
        return len(filled) == 2 and self.line(rec, f"{filled[0].rstrip(':')}: {filled[1]}", record_only=True)

    def ticked(self, rec, tekst: str, keuze: str) -> bool:
        """The outcome chosen ("Conform advies", "akkoord"), with the date read before it."""
        rec.close_paragraph()
        gekozen = uitkomst(keuze)
        if gekozen is None or self.datum is None:
            waarom = "geen datum erbij" if gekozen else "onbekende uitkomst"
            rec.out.unplaced.setdefault(rec.target or "", []).append(
                f"{tekst} ({waarom}; leg het besluit vast met nota decide)"
            )
            return True
        rec.out.besluiten.append({"orgaan": self.orgaan, "datum": self.datum, "uitkomst": gekozen})
        self.line_read = None
        return True

    def record_line(self, rec, tekst: str) -> bool:
        """In a decision record, after its date line: "Besluit: Conform advies" (the outcome under a
        bare label), and after the decision "Agendapunt: B.4" / "Besluitnummer: 2024-118" (kept)."""
        label, colon, waarde = tekst.partition(":")
        label = " ".join(label.lower().split())
        if not colon or not waarde.strip():
            return False
        if self.line_read and self.datum and label in _OUTCOME_LABELS and uitkomst(waarde):
            return self.ticked(rec, tekst, waarde.strip())
        record = rec.out.besluiten[-1] if rec.out.besluiten and self.line_read is None and self.datum else None
        if record is not None and label in _NUMBER_LABELS:
            sleutel = "besluitnummer" if label.startswith("besluit") else "toelichting"
            record.setdefault(sleutel, waarde.strip() if sleutel == "besluitnummer" else tekst.strip())
            return True
        return False

    def finish(self, rec) -> None:
        """A date line no outcome followed is kept, marked: never dropped."""
        if self.line_read:
            rec.out.unplaced.setdefault("besluiten", []).append(
                f"{self.line_read} (geen uitkomst erbij; leg het besluit vast met nota decide)"
            )


def _orgaan(tekst: str, standaard: str) -> str:
    """The body a decision sentence names ("… in de collegevergadering …", "… de raad …")."""
    if _COLLEGE.search(tekst):
        return COLLEGE
    return RAAD if re.search(r"raad", tekst, re.IGNORECASE) else standaard


def _tail(rec) -> str | None:
    """The next line when it is the short rest of a wrapped sentence (not a stamp: six words or more)
    with an outcome ("conform advies.")."""
    volgende = rec.next_regel
    if volgende is None or volgende.soort != "tekst" or len(volgende.tekst.split()) > 6:
        return None
    return volgende.tekst if _word_outcome(volgende.tekst) else None


def _word_outcome(tekst: str) -> str | None:
    """The first word of a sentence's rest that is an outcome ("conform vastgesteld" -> conform)."""
    return next((u for w in re.findall(r"\w+", tekst) if (u := uitkomst(w)) is not None), None)


def _date_label(tekst: str) -> str | None:
    """The value of the decision's date line ("" when it is on the next line), else None."""
    label = _DATUM.match(tekst)
    if label:
        waarde = label.group(4)
    else:
        head, colon, waarde = tekst.partition(":")
        if not colon or len(head) > 40 or not (_COLLEGE.search(head) and _WANNEER.search(head)):
            return None
    return waarde if datum_from(waarde) or not waarde.strip() else None


def record_label(tekst: str) -> bool:
    """The label a decision record opens with: the date of the college's meeting or decision."""
    return _date_label(tekst.rstrip(":") + ":") is not None


def decision_record(names: list[str], values: list[str]) -> bool:
    """Label and value lines of a decision record printed column by column: the first label a
    decision's date label with a date, the second an outcome's label with an outcome."""
    return (
        len(names) >= 2
        and record_label(names[0])
        and datum_from(values[0]) is not None
        and " ".join(names[1].rstrip(":").lower().split()) in _OUTCOME_LABELS
        and uitkomst(values[1]) is not None
    )
