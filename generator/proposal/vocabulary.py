"""nota's closed lists, each spelled once (as Open Zaak keeps its choices in constants.py).

Who decides (`orgaan`), what they decided (`uitkomst`), how public a proposal is
(`classificatie`) and how a writer says a section does not apply ("nvt"). The
model, the checks, the renderers, the importer and the editor import these;
nothing else in nota spells them. The words are the municipality's own, so
they stay Dutch; the Dutch labels beside them are what documents and messages
show.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

# --- orgaan: who decides -----------------------------------------------------
Orgaan = Literal["college", "raad"]
ORGANEN: Final[tuple[str, ...]] = get_args(Orgaan)
COLLEGE: Final = "college"
RAAD: Final = "raad"

# How a document names the orgaan as its author, as the subject of a besluitenlijst,
# and in a message ("het besluit van het college").
ORGAAN_AUTEUR: Final[dict[str, str]] = {COLLEGE: "College van burgemeester en wethouders", RAAD: "Gemeenteraad"}
ORGAAN_VOLLEDIG: Final[dict[str, str]] = {
    COLLEGE: "het college van burgemeester en wethouders",
    RAAD: "de gemeenteraad",
}
ORGAAN_KORT: Final[dict[str, str]] = {COLLEGE: "het college", RAAD: "de raad"}

# --- uitkomst: what was decided ---------------------------------------------
# aangehouden is no decision: back to concept for a later meeting (decisions.numbering);
# teruggetrokken takes the proposal off the agenda without a decision.
CollegeUitkomst = Literal["conform", "gewijzigd", "aangehouden", "afgewezen", "teruggetrokken"]
RaadUitkomst = Literal["aangenomen", "geamendeerd", "verworpen", "aangehouden", "teruggetrokken"]
Uitkomst = Literal[CollegeUitkomst, RaadUitkomst]
UITKOMSTEN: Final[dict[str, tuple[str, ...]]] = {COLLEGE: get_args(CollegeUitkomst), RAAD: get_args(RaadUitkomst)}
ALLE_UITKOMSTEN: Final[tuple[str, ...]] = get_args(Uitkomst)

# The decision line a document prints for each outcome.
UITKOMST_TEKST: Final[dict[str, str]] = {
    "conform": "Conform.",
    "gewijzigd": "Gewijzigd vastgesteld.",
    "aangehouden": "Aangehouden.",
    "afgewezen": "Afgewezen.",
    "aangenomen": "Aangenomen.",
    "geamendeerd": "Geamendeerd aangenomen.",
    "verworpen": "Verworpen.",
    "teruggetrokken": "Teruggetrokken.",
}
# After these the beslispunten are what was decided (as proposed, or as changed in the
# toelichting); after the others a besluitenlijst says only the outcome.
ALS_BESLOTEN: Final[frozenset[str]] = frozenset({"conform", "aangenomen", "gewijzigd", "geamendeerd"})
# Outcomes that decide nothing: aangehouden sends the proposal back to concept for a
# later meeting (history kept, editable, not on to the raad); teruggetrokken closes it.
NIET_BESLOTEN: Final[frozenset[str]] = frozenset({"aangehouden"})
AFGESLOTEN: Final[frozenset[str]] = frozenset({"teruggetrokken"})
# Outcomes that change the proposal: the record must say how (its toelichting).
TOELICHTING_VERPLICHT: Final[tuple[str, ...]] = ("gewijzigd", "geamendeerd")

# --- classificatie: how public a proposal is -------------------------------
Classificatie = Literal["openbaar", "vertrouwelijk", "geheim"]
CLASSIFICATIES: Final[tuple[str, ...]] = get_args(Classificatie)
OPENBAAR: Final = "openbaar"

# --- niet van toepassing ----------------------------------------------------
NVT: Final = "nvt"  # what nota writes (skeleton, importer)
NVT_SPELLINGS: Final[tuple[str, ...]] = ("nvt", "n.v.t.", "niet van toepassing")
NIET_VAN_TOEPASSING: Final = "Niet van toepassing"  # what a document shows


def is_nvt(text: object) -> bool:
    """Does this section content say "niet van toepassing", in any of its spellings?"""
    return isinstance(text, str) and text.strip().lower() in NVT_SPELLINGS


def decides(besluit: object) -> bool:
    """Whether a decision record decided (or closed) the proposal: not aangehouden."""
    return getattr(besluit, "uitkomst", None) not in NIET_BESLOTEN
