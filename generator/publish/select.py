"""What may be published: decided, intact, and `classificatie: openbaar`.

Every proposal in the folder is sorted into one of three: published; decided but
not public (counted on the besluitenlijst, nothing else of it leaves the folder);
skipped with the reason (not decided yet, only postponed). A proposal that does not
load, or whose decision is not intact (`verify_problems`), stops the publication:
nothing is published until it is mended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import Melding, NotaFout
from generator.proposal.vocabulary import OPENBAAR

AANGEHOUDEN = "aangehouden"  # postponed: not decided yet


@dataclass
class Skipped:
    path: Path
    reden: str


@dataclass
class Selection:
    published: list = field(default_factory=list)  # Voorstel: decided, intact, openbaar
    hidden: list = field(default_factory=list)  # Voorstel: decided, intact, not openbaar
    skipped: list[Skipped] = field(default_factory=list)


def verify_problems(voorstel: Any) -> list[Melding]:
    """Why the decision of `voorstel` cannot be trusted; empty when it is intact.

    The one place publication asks nota's verify (`nota verify`: every record sealed and
    unchanged, the content and the files it names as they were decided); its report,
    each line naming the file, is the melding."""
    from generator.decisions.verify import verify

    verslag = verify(voorstel, voorstel.path)
    return [] if verslag.ok else [Melding("nota verify zegt:\n" + "\n".join(verslag.lines))]


def classificatie(voorstel) -> str:
    return voorstel.data.field("classificatie") or OPENBAAR


def _decided(voorstel: Any) -> bool:
    """Decided: a decision in force other than 'aangehouden' (postponed)."""
    from generator.decisions.seal import in_force

    return any(getattr(b, "uitkomst", "") != AANGEHOUDEN for _, b in in_force(voorstel.data.besluiten).values())


def select(paths, search_path) -> Selection:
    """Sort `paths`; raises NotaFout naming every file that stops the publication."""
    from generator.checks import check_file

    selection, failures = Selection(), []
    voorstel: Any
    for path in paths:
        voorstel, meldingen = check_file(path, search_path)
        if voorstel is None:
            failures += _stop(path, [m for m in meldingen if m.is_error])
        elif not voorstel.data.besluiten:
            selection.skipped.append(Skipped(path, "nog geen besluit vastgelegd"))
        elif problems := verify_problems(voorstel) + [m for m in meldingen if m.is_error]:
            failures += _stop(path, problems)
        elif not _decided(voorstel):
            selection.skipped.append(Skipped(path, "aangehouden: nog niet besloten"))
        elif classificatie(voorstel) != OPENBAAR:
            selection.hidden.append(voorstel)
            selection.skipped.append(Skipped(path, f"classificatie {classificatie(voorstel)}: niet openbaar"))
        else:
            selection.published.append(voorstel)
    if failures:
        raise NotaFout(failures)
    return selection


def _stop(path: Path, meldingen: list[Melding]) -> list[Melding]:
    return [
        Melding(
            f"{path} wordt niet gepubliceerd en de publicatie is gestopt: nota verify of "
            "nota check keurt het af; er is niets geschreven",
            path,
            hint="herstel het voorstel of haal het uit de map",
        ),
        *meldingen,
    ]
