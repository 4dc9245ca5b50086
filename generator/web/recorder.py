"""Who records a decision in the editor (`vastgelegd_door`).

The logged-in user (generator.web.auth, with [login] in nota.toml) when there is
one; else as `nota decide` without --door (generator.decisions.recorder):
nota.toml's [secretariaat] naam, the system user's full name, never "root".
"""

from __future__ import annotations

from pathlib import Path

from generator.decisions.recorder import default_recorder


def recorder_name(request, folder: Path | None = None) -> str:
    """The name to record as `vastgelegd_door` for this request."""
    from generator.web.auth import user_of

    user = user_of(request) if request is not None else None
    name = str(getattr(user, "naam", "") or "").strip()
    return name or default_recorder(folder)
