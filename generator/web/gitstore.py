"""Every change made through `nota serve` for a team is one git commit.

The folder is a git repository (made one, with what is there committed, if it
is not). Concurrent writers are serialised so that ten saves at once give ten
commits: a write of named files (a save, a decision, a restored version) holds
those files' locks from writing to committing, so saves of different proposals
write side by side and wait for each other only for the `git commit` itself; a
write that names no files in advance (a new proposal, a besluitenlijst) has the
folder to itself. The commits are serialised by a thread lock and a file lock in
`.git` (one `nota serve` per folder; another process's commits wait too). The
author is the logged-in user; the committer is nota itself, never the server
account's own git identity (its global and system git configuration are not read).
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from generator.errors import Melding, NotaFout

COMMITTER = ("nota", "nota@nota.invalid")
IGNORED = ".*.lock\noutput/\n"
LOCK_SECONDS = 60
FIELD = "\x1f"


@dataclass(frozen=True)
class Auteur:
    """Who made a change: the user's name and e-mail address from the ID token."""

    naam: str
    email: str

    def __str__(self) -> str:
        return f"{_clean(self.naam) or 'onbekend'} <{_clean(self.email)}>"


@dataclass(frozen=True)
class Versie:
    """One commit that changed a file."""

    commit: str
    naam: str
    email: str
    datum: str  # ISO 8601, with the author's time zone
    bericht: str


NOTA = Auteur(*COMMITTER)


@dataclass
class Wijziging:
    """One change being written: the commit message and the files it covers (both may
    be filled in while writing)."""

    bericht: str
    paths: list[Path] = field(default_factory=list)


class GitStore:
    """The folder as a git repository; `write` serialises a change and commits it."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._thread_lock = threading.Lock()  # around every commit
        self._gate = Gate()  # writes of named files share it; the others have it alone
        self._file_locks: dict[Path, threading.Lock] = {}
        self._file_locks_lock = threading.Lock()
        self._file_lock: FileLock | None = None
        self._top: Path | None = None
        self.git_dir: Path | None = None  # known after `ensure`

    def ensure(self) -> None:
        """Make the folder a repository and commit what is there, if it is not one yet."""
        if self._git("rev-parse", "--is-inside-work-tree", check=False).returncode != 0:
            self._git("init", "-q", "-b", "main")
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text(IGNORED, encoding="utf-8")
            self._git("add", "-A")
            self._git(
                "commit", "-q", "--allow-empty", "-m", "Map in beheer genomen door nota serve", f"--author={NOTA}"
            )
        git_dir = self.git_dir = Path(self._git("rev-parse", "--absolute-git-dir").stdout.strip())
        self._file_lock = FileLock(str(git_dir / "nota-schrijven.lock"), timeout=LOCK_SECONDS)

    @contextmanager
    def write(self, auteur: Auteur, bericht: str, paths: Sequence[Path] = ()) -> Iterator[Wijziging]:
        """Hold the writers' lock while the caller writes, then commit the change's files
        as one commit by `auteur`. Nothing changed: no commit. Enter it in a worker thread,
        never on the event loop: it waits for the other writers."""
        wijziging = Wijziging(bericht, list(paths))
        if not paths:
            with self._gate.alone(), self._locked():
                yield wijziging
                self.commit(auteur, wijziging.bericht, wijziging.paths)
            return
        with self._gate.shared(), self._files(paths):
            yield wijziging
            with self._locked():
                self.commit(auteur, wijziging.bericht, wijziging.paths)

    @contextmanager
    def _files(self, paths: Sequence[Path]) -> Iterator[None]:
        """Hold the locks of `paths` (in one order: no two writers wait for each other)."""
        names = sorted({Path(p).resolve() for p in paths})
        with self._file_locks_lock:
            locks = [self._file_locks.setdefault(name, threading.Lock()) for name in names]
        with ExitStack() as stack:
            for lock in locks:
                stack.enter_context(lock)
            yield

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with self._thread_lock:
            if self._file_lock is None:
                yield
                return
            try:
                with self._file_lock:
                    yield
            except Timeout:
                raise NotaFout(
                    Melding("een andere schrijver houdt de map al een minuut bezet; probeer het zo opnieuw")
                ) from None

    def commit(self, auteur: Auteur, bericht: str, paths: Sequence[Path]) -> bool:
        """Commit `paths` as they are now; False when nothing changed (no commit)."""
        names = [self._relative(p) for p in paths]
        if not names:
            return False
        command = ("commit", "-q", "--no-verify", "-m", bericht, f"--author={auteur}", "--", *names)
        done = self._git(*command, check=False)  # files git knows: one process
        if done.returncode != 0:  # a new or removed file, or nothing changed
            self._git("add", "-A", "--", *names)
            if self._git("diff", "--cached", "--quiet", "--", *names, check=False).returncode == 0:
                return False
            done = self._git(*command, check=False)
        if done.returncode != 0:
            raise NotaFout(Melding(f"git commit mislukte in {self.root}: {(done.stderr or done.stdout).strip()}"))
        return True

    def history(self, path: Path, limit: int = 200) -> list[Versie]:
        """The commits that changed `path`, newest first."""
        fmt = FIELD.join(("%H", "%an", "%ae", "%aI", "%s"))
        out = self._git("log", f"-n{limit}", f"--format={fmt}", "--", self._relative(path)).stdout
        return [Versie(*line.split(FIELD, 4)) for line in out.splitlines() if line.count(FIELD) == 4]

    def content(self, commit: str, path: Path) -> bytes | None:
        """The bytes of `path` at `commit`; None where the file did not exist."""
        spec = f"{commit}:{self._relative(path)}"
        result = self._git("show", spec, check=False, text=False)
        return result.stdout if result.returncode == 0 else None

    def parent(self, commit: str) -> str | None:
        result = self._git("rev-parse", "--verify", "-q", f"{commit}^", check=False)
        return result.stdout.strip() or None if result.returncode == 0 else None

    def is_commit(self, commit: str) -> bool:
        if not commit or len(commit) != 40 or any(c not in "0123456789abcdef" for c in commit):
            return False
        return self._git("cat-file", "-e", f"{commit}^{{commit}}", check=False).returncode == 0

    def _relative(self, path: Path) -> str:
        if self._top is None:
            self._top = Path(self._git("rev-parse", "--show-toplevel").stdout.strip()).resolve()
        return Path(path).resolve().relative_to(self._top).as_posix()

    def _git(self, *args: str, check: bool = True, text: bool = True) -> subprocess.CompletedProcess:
        try:
            result = subprocess.run(
                ["git", *args],
                check=False,
                cwd=self.root,
                env=git_env(),
                capture_output=True,
                text=text,
                timeout=LOCK_SECONDS,
            )
        except FileNotFoundError:
            raise NotaFout(
                Melding(
                    "git is niet geïnstalleerd; nota serve voor een team bewaart elke wijziging in git (installeer git)"
                )
            ) from None
        if check and result.returncode != 0:
            fout = result.stderr if text else result.stderr.decode("utf-8", "replace")
            raise NotaFout(Melding(f"git {args[0]} mislukte in {self.root}: {fout.strip()}"))
        return result


class Gate:
    """Shared by the writers of named files, held alone by a writer that names none; one
    waiting to be alone goes before the writers that come after it."""

    def __init__(self) -> None:
        self._change = threading.Condition()
        self._sharing = 0
        self._alone = False
        self._waiting = 0  # writers waiting to be alone

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._change:
            self._change.wait_for(lambda: not self._alone and not self._waiting)
            self._sharing += 1
        try:
            yield
        finally:
            with self._change:
                self._sharing -= 1
                self._change.notify_all()

    @contextmanager
    def alone(self) -> Iterator[None]:
        with self._change:
            self._waiting += 1
            self._change.wait_for(lambda: not self._alone and not self._sharing)
            self._waiting -= 1
            self._alone = True
        try:
            yield
        finally:
            with self._change:
                self._alone = False
                self._change.notify_all()


def git_env() -> dict[str, str]:
    """The environment for git: nota is the committer; the account's own configuration and
    identity are not read."""
    keep = ("PATH", "LANG", "LC_ALL", "TZ", "TMPDIR", "SYSTEMROOT")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update(
        {
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_COMMITTER_NAME": COMMITTER[0],
            "GIT_COMMITTER_EMAIL": COMMITTER[1],
            "GIT_AUTHOR_NAME": COMMITTER[0],
            "GIT_AUTHOR_EMAIL": COMMITTER[1],
            "GIT_TERMINAL_PROMPT": "0",
            "HOME": os.devnull,
            "LC_MESSAGES": "C",
        }
    )
    return env


def change(
    store: GitStore | None, auteur: Auteur, bericht: str, paths: Sequence[Path] = ()
) -> AbstractContextManager[Wijziging]:
    """`store.write(...)`, or nothing to commit when nota serve runs without git (one user)."""
    if store is None:
        return nullcontext(Wijziging(bericht, list(paths)))
    return store.write(auteur, bericht, paths)


def _clean(tekst: str) -> str:
    """A name or address as git takes it: no angle brackets or line breaks."""
    return " ".join(tekst.translate({ord(c): " " for c in "<>\n\r\x00"}).split())
