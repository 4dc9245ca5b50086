"""The git layer and the sessions of `nota serve` for a team, without a server: who is the
author and the committer, what a failed write leaves, how sessions expire, which
group gives which role, and `--host` without [login]."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest

from generator.errors import NotaFout
from generator.proposal.settings import Login
from generator.web.auth import SessionStore, role_of, user_from
from generator.web.gitstore import Auteur, GitStore

ANNA = Auteur("Anna de Steller", "anna@gemeente.nl")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def server_account(tmp_path, monkeypatch) -> None:
    """The server account has its own git identity, in its configuration and its environment."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tname = Serveraccount\n\temail = root@server\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Serveraccount")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Serveraccount")


def test_a_folder_becomes_a_repository_and_each_write_one_commit_by_the_user(tmp_path, server_account):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "a.yaml").write_text("onderwerp: a\n", encoding="utf-8")
    store = GitStore(folder)
    store.ensure()
    with store.write(ANNA, "a.yaml: Onderwerp gewijzigd", [folder / "a.yaml"]):
        (folder / "a.yaml").write_text("onderwerp: b\n", encoding="utf-8")
    assert git(folder, "log", "--format=%an <%ae>|%cn <%ce>|%s") == (
        "Anna de Steller <anna@gemeente.nl>|nota <nota@nota.invalid>|a.yaml: Onderwerp gewijzigd\n"
        "nota <nota@nota.invalid>|nota <nota@nota.invalid>|Map in beheer genomen door nota serve\n"
    )
    assert git(folder, "show", "HEAD~1:.gitignore") == ".*.lock\noutput/\n"
    assert [v.naam for v in store.history(folder / "a.yaml")] == ["Anna de Steller", "nota"]
    assert store.content(store.history(folder / "a.yaml")[1].commit, folder / "a.yaml") == b"onderwerp: a\n"


def test_nothing_changed_or_a_failed_write_makes_no_commit(tmp_path):
    (tmp_path / "a.yaml").write_text("onderwerp: a\n", encoding="utf-8")
    store = GitStore(tmp_path)
    store.ensure()
    with store.write(ANNA, "niets", [tmp_path / "a.yaml"]):
        pass
    with pytest.raises(NotaFout), store.write(ANNA, "mislukt", [tmp_path / "a.yaml"]):
        (tmp_path / "a.yaml").write_text("half", encoding="utf-8")
        raise NotaFout([])
    assert git(tmp_path, "rev-list", "--count", "HEAD") == "1\n"


def test_an_existing_repository_keeps_its_history_and_its_other_changes(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "a.yaml").write_text("a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("b\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=Eerder", "-c", "user.email=e@x", "commit", "-qm", "eerder")
    (tmp_path / "b.yaml").write_text("b, nog niet opgeslagen via nota\n", encoding="utf-8")
    store = GitStore(tmp_path)
    store.ensure()
    with store.write(ANNA, "a.yaml: gewijzigd", [tmp_path / "a.yaml"]):
        (tmp_path / "a.yaml").write_text("a2\n", encoding="utf-8")
    assert git(tmp_path, "log", "--format=%an|%s") == "Anna de Steller|a.yaml: gewijzigd\nEerder|eerder\n"
    assert git(tmp_path, "status", "--porcelain") == " M b.yaml\n"


def test_concurrent_writers_wait_for_each_other(tmp_path):
    store = GitStore(tmp_path)
    store.ensure()

    def write(i: int) -> None:
        with store.write(
            Auteur(f"Steller {i}", f"s{i}@gemeente.nl"), f"{i}.yaml: nieuw voorstel", [tmp_path / f"{i}.yaml"]
        ):
            (tmp_path / f"{i}.yaml").write_text(f"{i}\n", encoding="utf-8")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert git(tmp_path, "rev-list", "--count", "HEAD") == "11\n"
    assert git(tmp_path, "status", "--porcelain") == ""
    for i in range(10):  # each file in exactly one commit, by its own writer
        assert git(tmp_path, "log", "--format=%an|%s", "--", f"{i}.yaml") == f"Steller {i}|{i}.yaml: nieuw voorstel\n"


LOGIN = Login("https://login.example", "nota", "groups", ("griffie",), ("medewerkers",))


@pytest.mark.parametrize(
    ("groups", "rol"),
    [
        (["medewerkers"], "steller"),
        (["/griffie"], "secretariaat"),
        ("griffie", "secretariaat"),
        (["medewerkers", "griffie"], "secretariaat"),
        (["inwoners"], "lezer"),
        (None, "lezer"),
    ],
)
def test_the_groups_claim_gives_the_role(groups, rol):
    assert role_of({"groups": groups}, LOGIN) == rol


def test_the_user_is_named_from_the_token_with_fallbacks():
    assert user_from({"sub": "x1", "preferred_username": "jdv", "groups": ["medewerkers"]}, LOGIN).naam == "jdv"
    assert user_from({"sub": "x1"}, LOGIN).auteur == Auteur("x1", "")


def test_sessions_expire_and_half_done_logins_make_room_first():
    store = SessionStore(seconds=-1)
    sid = store.create({"gebruiker": {}})
    assert store.load(sid) is None
    store = SessionStore(limit=3)
    ingelogd = [store.create({"gebruiker": {"naam": str(i)}}) for i in range(2)]
    half = store.create({"_state_nota_x": {}})
    store.create({"gebruiker": {"naam": "3"}})
    assert store.load(half) is None and all(store.load(s) for s in ingelogd)
    store.delete(ingelogd[0])
    store.update(ingelogd[0], {"gebruiker": {"naam": "0"}})  # a request that ends after the logout
    assert store.load(ingelogd[0]) is None


def test_without_login_another_host_is_a_usage_error(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from generator.cli import main

    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["serve", str(tmp_path), "--host", "0.0.0.0", "--geen-browser"])
    assert r.exit_code == 2, r.output
    assert "zet een [login]-tabel in nota.toml" in r.output and "'0.0.0.0'" in r.output


def test_a_name_with_angle_brackets_or_line_breaks_is_still_an_author(tmp_path):
    store = GitStore(tmp_path)
    store.ensure()
    with store.write(
        Auteur("Anna <de>\nSteller", "anna@gemeente.nl>"), "a.yaml: nieuw voorstel", [tmp_path / "a.yaml"]
    ):
        (tmp_path / "a.yaml").write_text("a\n", encoding="utf-8")
    assert git(tmp_path, "log", "-1", "--format=%an <%ae>") == "Anna de Steller <anna@gemeente.nl>\n"
