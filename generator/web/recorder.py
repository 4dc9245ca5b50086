"""Who records a decision in the editor (`vastgelegd_door`).

The logged-in user (`request.scope["user"]`, set by the team server's login, with
a `naam` or `display_name`) when there is one; else as `nota decide` without
--door (generator.decisions.recorder): nota.toml's [secretariaat] naam, the
system user's full name, never "root".
"""
from __future__ import annotations

from pathlib import Path

from generator.decisions.recorder import default_recorder


def recorder_name(request, folder: Path | None = None) -> str:
    """The name to record as `vastgelegd_door` for this request."""
    user = request.scope.get("user") if request is not None else None
    if user is not None and getattr(user, "is_authenticated", True):
        for attribute in ("naam", "display_name"):
            name = str(getattr(user, attribute, "") or "").strip()
            if name:
                return name
    return default_recorder(folder)
