"""Headings that name no section of the kind by its title or a synonym.

A mixin of the Recognizer (structure.py). A heading in other words ("Gezondheid en
duurzaamheid") goes to the section whose title or synonym shares its words
(vocabulary.sectie_by_words), marked as a guess. A heading that matches none stays where it
stands as a subheading, marked; the numbering starting again under the beslispunten
("1. Waarom dit voorstel" after three points) ends them, and its text goes to the kind's first
section still empty, marked: a paragraph is never dropped.
"""

from __future__ import annotations

import re
from typing import Any

from generator.importer.points import BULLETS, STARTS, is_first, point
from generator.importer.regel import Regel
from generator.importer.vocabulary import bare, looks_like

# a heading that says "what we advise": above a numbered list, the beslispunten
_ADVIES = re.compile(
    r"^(ons\s+)?(advies|voorstel|geadviseerd)(\s+aan\s+(het\s+college|de\s+(gemeente)?raad|b\s*&\s*w))?\s*:?$",
    re.IGNORECASE,
)
SECTION_NUMBER = re.compile(r"^(\d{1,2}(\.\d{1,2})*\.?|§\s*\d{1,2}|[IVX]{1,4}\.)\s+(?=[^\d\s])")


class Headings:
    """Needs of the Recognizer it is mixed into, declared for the type checker."""

    soort: Any
    out: Any
    target: str | None
    vocabulary: Any
    unknown: list[tuple[str, str]]
    next_regel: Any
    bulleted: list[bool]  # per beslispunt read: was it a bullet

    section_size: float
    section_number: str | None  # "4" when "4. Argumenten" opened the section being filled

    def close_paragraph(self) -> None:
        raise NotImplementedError

    def heading_not_title(self, tekst: str) -> bool:
        raise NotImplementedError

    def block(self, tekst: str, list_: bool = False) -> None:
        raise NotImplementedError

    def unknown_heading(self, tekst: str) -> None:
        """A numbered heading that is no section by its title: a section by its words (marked),
        else kept as a subheading where it stands, and marked (unless it turns out to be a
        table's title)."""
        self.close_paragraph()
        if self.numbered_under(tekst):
            self.block(f"### {tekst.rstrip(':')}")  # "4.1 …" under "4. Argumenten": its subheading
            return
        if self.section_by_words(tekst):
            return
        if self.target is None or not self.target.startswith("secties."):
            self.heading_in_the_open(tekst)
            return
        self.block(f"### {tekst.rstrip(':')}")
        self.unknown.append((self.target or "", tekst))

    def numbered_under(self, tekst: str) -> bool:
        """A heading numbered one level deeper than the section it stands in, of any depth ("4.1",
        "4.1.2" under "4. Argumenten"): a subheading of that section, not a section of its own."""
        deeper = re.match(r"^(\d{1,2})(\.\d{1,2})+\.?\s+\S", tekst)
        return deeper is not None and self.target is not None and deeper.group(1) == self.section_number

    def section_by_words(self, tekst: str) -> bool:
        found = self.vocabulary.sectie_by_words(tekst)
        if found is None or "secties." + found[0]["sleutel"] in self.out.markdown:
            return False
        sectie, name, shared = found
        self.target, self.section_number = "secties." + sectie["sleutel"], top_number(tekst)
        woorden = "één woord" if shared == 1 else f"{shared} woorden"
        self.out.guessed.setdefault(self.target, []).append(
            f"kop '{tekst}' gelezen als sectie '{sectie['titel']}' ({woorden} gelijk met '{name}')"
        )
        return True

    def one_word_under_a_section(self, r: Regel, sectie: dict) -> bool:
        """A heading that names a section only by one word of its synonyms ("Kosten", "Planning"):
        under a section, it is a subheading where it names the section it stands in, sits above a
        table (its title), or is smaller than the section headings (a PDF); kept there (True).
        Anywhere else it opens the section (False: the caller opens it), marked as a guess when it
        stands under another section without a number or a size that shows its level."""
        words = re.findall(r"[^\W\d_]+", bare(r.tekst))  # "Argumenten/afwegingen": two words
        if len(words) != 1 or words == re.findall(r"[^\W\d_]+", bare(sectie["titel"])):
            return False
        in_sectie = self.target is not None and self.target.startswith("secties.")
        smaller = bool(r.size and self.section_size and r.size < self.section_size - 0.3)
        if in_sectie and (
            self.target == "secties." + sectie["sleutel"] or smaller or not self.heading_not_title(r.tekst)
        ):
            self.close_paragraph()
            self.block(f"### {r.tekst.rstrip(':')}")
            return True
        numbered = bool(SECTION_NUMBER.match(r.tekst))  # "6. Planning": numbered as the sections are
        level = bool(r.size and self.section_size and not smaller)  # a PDF heading as large as the sections
        if in_sectie and not numbered and not level:
            self.out.guessed.setdefault("secties." + sectie["sleutel"], []).append(
                f"kop '{r.tekst}' onder een andere sectie gelezen als sectie '{sectie['titel']}' (één woord, een "
                "synoniem van die sectie; het kan ook een tussenkop zijn)"
            )
        return False

    def heading_in_the_open(self, tekst: str) -> None:
        """A heading no section has, outside a section: before the beslispunten the summary
        field while it is empty, after them the kind's first section still empty; marked."""
        self.close_paragraph()
        if self.section_by_words(tekst):
            return
        summary = next(
            (v for v in self.soort.velden if v["type"] == "markdown" and v["sleutel"] not in self.out.markdown), None
        )
        if summary is not None and not self.out.beslispunten:
            self.target = summary["sleutel"]
            self.out.guessed.setdefault(self.target, []).append(
                f"kop '{tekst}' vóór de beslispunten gelezen als {summary['label'].lower()}"
            )
            return
        empty = next(
            (
                s
                for s in self.soort.secties
                if "secties." + s["sleutel"] not in self.out.markdown and not s.get("uit_beslispunten")
            ),
            None,
        )
        self.target = "secties." + empty["sleutel"] if empty is not None else None
        if self.target is None:
            self.out.unplaced.setdefault("beslispunten", []).append(tekst)
            return
        self.block(f"### {tekst.rstrip(':')}")
        self.unknown.append((self.target, tekst))

    def beslispunt(self, r: Regel) -> None:
        """A line under the intro of the beslispunten: a point ("1.", "a.", or a bullet when the points
        are bulleted), a point's next line, or the first heading after them."""
        number = point(r.tekst)  # "A. Jansen" (initials) is none
        bullet = number is not None and number[0] in BULLETS
        if bullet and any(not b for b in self.bulleted) and self.out.beslispunten:
            number = None  # a bullet under a numbered point belongs to it
        if number and self.out.beslispunten and is_first(number[0]) and headingish(r.tekst):
            self.heading_in_the_open(r.tekst)  # numbering starts again: the first section
        elif number:
            self.out.beslispunten.append(number[1])
            self.bulleted.append(bullet)
        elif self.soort.beslispunten_intro and looks_like(r.tekst, self.soort.beslispunten_intro):
            return
        elif self.out.beslispunten and r.soort == "tekst" and plain_heading(r.tekst, self.out.beslispunten[-1]):
            self.heading_in_the_open(r.tekst)  # "Wat is de aanleiding" after the last point's full stop
        elif self.out.beslispunten and r.soort == "tekst" and not r.tekst.endswith(":"):
            self.out.beslispunten[-1] += " " + r.tekst
        else:
            self.out.unplaced.setdefault("beslispunten", []).append(r.tekst)

    def intro_above_points(self, r: Regel) -> bool:
        """A short line ending in a colon right above a numbered list ("Advies aan het college:"),
        or a heading "Advies" / "Voorstel" there, before any section and while no beslispunten
        were read: opens them, marked as a guess."""
        volgende = self.next_regel
        if not (
            (r.soort == "tekst" and r.tekst.endswith(":") or r.soort in ("kop", "tekst") and _ADVIES.match(r.tekst))
            and len(r.tekst.split()) <= 6
            and not self.out.beslispunten
            and self.target != "beslispunten"
            and not any(k.startswith("secties.") for k in self.out.markdown)
            and volgende is not None
            and (volgende.soort == "genummerd" or bool(STARTS.match(volgende.tekst)) and _first_point(volgende.tekst))
        ):
            return False
        self.close_paragraph()
        self.target = "beslispunten"
        self.out.guessed.setdefault("beslispunten", []).append(
            f"'{r.tekst}' boven een genummerde lijst vóór de eerste sectie gelezen als inleiding van de beslispunten"
        )
        return True

    def mark_unknown_headings(self) -> None:
        """Marked at the end: a heading right above a table became its title and is no section;
        one whose title and first sentence speak of a section still empty moves there (a guess)."""
        for target, tekst in self.unknown:
            if f"### {tekst.rstrip(':')}" in self.out.markdown.get(target, []) and not self.by_first_sentence(
                target, tekst
            ):
                self.out.unplaced.setdefault(target, []).append(
                    f"kop '{tekst}' is geen sectie van de {self.soort.naam}; de tekst eronder staat nu bij "
                    f"'{target.removeprefix('secties.')}': verplaats die naar de juiste sectie"
                )

    def by_first_sentence(self, target: str, tekst: str) -> bool:
        """Move a subheading and what stands under it to the section its title and first
        paragraph share the most words with (names, synonyms, `begrippen`), at least two, when
        that section is still empty; marked as a guess."""
        blocks = self.out.markdown[target]
        start = blocks.index(f"### {tekst.rstrip(':')}")
        end = next(
            (n for n in range(start + 1, len(blocks)) if isinstance(blocks[n], str) and blocks[n].startswith("### ")),
            len(blocks),
        )
        first = next((b for b in blocks[start + 1 : end] if isinstance(b, str)), None)
        taken = {k.removeprefix("secties.") for k in self.out.markdown}
        found = self.vocabulary.sectie_by_meaning(f"{tekst} {first[:300]}", taken) if first else None
        if found is None or start == 0:
            return False
        sectie, shared = found
        key = "secties." + sectie["sleutel"]
        self.out.markdown[key] = blocks[start + 1 : end]
        del blocks[start:end]
        self.out.guessed.setdefault(key, []).append(
            f"kop '{tekst}' gelezen als sectie '{sectie['titel']}' (kop en eerste zin delen "
            f"{', '.join(shared)} met die sectie)"
        )
        return True


def top_number(tekst: str) -> str | None:
    """The first number of a numbered heading ("4" of "4. Argumenten", of "4.2 Risico's")."""
    hit = re.match(r"^(\d{1,2})[.)]?(\.\d{1,2})*\.?\s", tekst)
    return hit.group(1) if hit else None


def headingish(tekst: str, most: int = 7) -> bool:
    """A plain line that reads as a numbered heading: "8. Financiële gevolgen" (short, capitalised,
    no closing punctuation), not a list item ("1. Een krediet van … te verlenen.")."""
    words = SECTION_NUMBER.sub("", tekst).split()
    return (
        0 < len(tekst.split()) <= most
        and not tekst.rstrip().endswith((".", ";", ",", ":"))
        and bool(words)
        and words[0][:1].isupper()
    )


def plain_heading(tekst: str, before: str) -> bool:
    """In text without styles (pdftotext), a heading that has no number: a short capitalised
    line without digits or closing punctuation, or a short question, right after a sentence that
    ended."""
    words = tekst.split()
    question = tekst.rstrip().endswith("?")  # "Wat willen we bereiken?": the BBV programme's headings
    return (
        before.rstrip().endswith((".", "!", "?"))
        and 0 < len(words) <= (8 if question else 6)
        and words[0][:1].isupper()
        and not re.search(r"[\d.,;:!?€]", tekst.rstrip().removesuffix("?") if question else tekst)
        and not before.rstrip().endswith(("o.a.", "bijv.", "m.b.t."))
    )


def _first_point(tekst: str) -> bool:
    found = point(tekst)
    return found is not None and is_first(found[0])
