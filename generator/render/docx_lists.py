"""Real Word lists: a numbering instance per list, so every list restarts at its start."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


class Numbering:
    """Creates w:num instances in the main document's numbering part."""

    def __init__(self, document, styles):
        self.numbering = document.part.numbering_part.element
        self.abstract = {
            True: self._abstract_of(styles["List Number"]),
            False: self._abstract_of(styles["List Bullet"]),
        }

    def _abstract_of(self, style_) -> str:
        num_id = style_.element.pPr.numPr.numId.val
        num = self.numbering.num_having_numId(num_id)
        return num.abstractNumId.val

    def new_list(self, ordered: bool, start: int = 1) -> int:
        num_id = max([n.numId for n in self.numbering.num_lst] + [0]) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), str(self.abstract[ordered]))
        num.append(abstract)
        for niveau in range(9):
            num.append(_start_override(niveau, start if niveau == 0 else 1))
        self.numbering.append(num)
        return num_id

    @staticmethod
    def pair(paragraph_, num_id: int, niveau: int) -> None:
        ppr = paragraph_._p.get_or_add_pPr()
        numpr = ppr.get_or_add_numPr()
        numpr.get_or_add_ilvl().val = niveau
        numpr.get_or_add_numId().val = num_id


def _start_override(niveau: int, start: int):
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), str(niveau))
    waarde = OxmlElement("w:startOverride")
    waarde.set(qn("w:val"), str(start))
    override.append(waarde)
    return override
