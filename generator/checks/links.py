"""Images and links that point outside the proposal's folder.

Rendering refuses them (a PDF must not publish a local path, nor read a file
the user did not put beside the proposal); `nota check` reports the same, at
the reference itself, so check and render agree.
"""

from __future__ import annotations

from generator.checks.registry import check
from generator.errors import Melding
from generator.proposal.references import is_outside, local_path, outside_message, position
from generator.proposal.validate import Voorstel
from generator.render.richtext import references


@check
def references_stay_in_folder(voorstel: Voorstel):
    folder = voorstel.path.resolve().parent
    roots = tuple(voorstel.soort.template_dirs())
    seen = set()
    for soort, href in references(voorstel.bron.data):
        if (soort, href) in seen or not _refused(soort, href, folder, roots):
            continue
        seen.add((soort, href))
        line, column = position(voorstel.bron.tekst, href)
        yield Melding(outside_message(soort, href), voorstel.path, line, column)


def _refused(soort: str, href: str, folder, roots) -> bool:
    """Links may go to the web; images are never fetched from it (render refuses them)."""
    if soort == "afbeelding":
        return local_path(href) is None or is_outside(folder, href, roots)
    return is_outside(folder, href)
