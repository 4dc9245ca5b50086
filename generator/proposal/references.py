"""Files a proposal refers to: images and links in its markdown.

One rule for `nota check` and for rendering: a reference to a local file
must stay inside the proposal's own folder (images may also come from the
kind's template folders), so no document publishes or reads a local path
that the user did not put beside the proposal.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


def local_path(href: str) -> str | None:
    """The file path of a local reference (relative, or `file:`), else None."""
    parts = urlsplit(href.strip())
    if parts.scheme not in ("", "file") or not parts.path:
        return None
    return unquote(parts.path)


def is_outside(folder: Path, href: str, roots: tuple[Path, ...] = ()) -> bool:
    """True for a local reference that resolves outside `folder` (and `roots`)."""
    path = local_path(href)
    if path is None:
        return False
    if urlsplit(href.strip()).scheme == "file":
        return True  # an absolute local path: never published
    target = (folder / path).resolve()
    return not any(target.is_relative_to(r.resolve()) for r in (folder, *roots))


def position(tekst: str, href: str) -> tuple[int | None, int | None]:
    """Line and column (1-based) of `href` as a markdown target in the file's text."""
    at = tekst.find(f"]({href}")
    if at < 0:
        return None, None
    at += 2
    return tekst.count("\n", 0, at) + 1, at - (tekst.rfind("\n", 0, at) + 1) + 1


def outside_message(soort: str, href: str) -> str:
    """The refusal of an image ('afbeelding') or link outside the proposal's folder, in the
    words `nota check` and rendering both use."""
    if soort == "afbeelding":
        return (
            f"het document verwijst naar een bestand buiten de map van het voorstel: {href}; "
            "zet afbeeldingen en bijlagen naast het voorstel"
        )
    return (
        f"de link '{href}' wijst naar een bestand buiten de map van het voorstel; nota zet "
        "geen lokaal pad in het document: zet het bestand naast het voorstel en link ernaar "
        "met alleen de bestandsnaam"
    )
