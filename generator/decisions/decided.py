"""What changed since a decision: the parts by name and line, and, where git
still has it, the text as decided.

The seal (`inhoud_per_veld`) names the parts that changed; their text as
decided is not in a hash. When the proposal is in a git repository, the
version whose content matches the seal (`inhoud_sha256`) is looked up in the
index and the last commits of the file, and compared with the file as it is now.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.decisions.seal import content_hash

HISTORY_DEPTH = 50  # commits of the file searched for the decided version


def decided_version(voorstel, besluit):
    """(the proposal as decided, where it was found) from git, or None."""
    path = Path(voorstel.path).resolve()
    root = _git(path.parent, "rev-parse", "--show-toplevel")
    if not root or not besluit.inhoud_sha256:
        return None
    rel = path.relative_to(Path(root.decode().strip()).resolve()).as_posix()
    log = _git(path.parent, "log", f"-n{HISTORY_DEPTH}", "--format=%H", "--", rel) or b""
    for ref, shown in [(f":{rel}", "de index van git")] + [
        (f"{c}:{rel}", f"git-commit {c[:10]}") for c in log.decode().split()
    ]:
        oud = _load(_git(path.parent, "show", ref), voorstel)
        if oud is not None and content_hash(oud) == besluit.inhoud_sha256:
            return oud, shown
    return None


def _load(raw: bytes | None, voorstel):
    from generator.errors import NotaFout
    from generator.proposal.load import load_bytes
    from generator.proposal.validate import validate

    if raw is None:
        return None
    try:
        return validate(load_bytes(raw, voorstel.path), voorstel.soort.search_path)
    except NotaFout:
        return None


def _git(cwd: Path, *args: str) -> bytes | None:
    try:
        r = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return r.stdout if r.returncode == 0 else None
