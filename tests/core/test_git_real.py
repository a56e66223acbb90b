"""Boards and histories in real git: two clones, merge, rebase, cherry-pick, with the drivers git-setup installs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from readiness_tui.core import audit
from readiness_tui.core.audit import anchors
from readiness_tui.core.audit import dag as history_dag
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.lint import lint_path

BOARD = """# Team board
[board]
title = "Launch"

# first item
[[items]]
id = "A-01"
title = "Load tests"
status = "todo"
owner = "ana"

[[items]]
id = "A-02"
title = "Runbook"
status = "todo"

[[items]]
id = "A-03"
title = "Alerts"
status = "todo"
"""


@pytest.fixture
def git_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GIT_AUTHOR_NAME="Ada",
        GIT_AUTHOR_EMAIL="ada@example.invalid",
        GIT_COMMITTER_NAME="Ada",
        GIT_COMMITTER_EMAIL="ada@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=os.environ["HOME"],
    )
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if check and res.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{res.stdout}\n{res.stderr}")
    return res


def readiness(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "readiness_tui", *args], cwd=cwd, capture_output=True, text=True)


def edit(repo: Path, item: str, actor: str, **values: object) -> None:
    """One edit as the app makes it: through the store, recorded in the history, then committed."""
    store = BoardStore.load(repo / "plan.toml")
    changes = store.set_fields(item, values)
    store.save()
    audit.append(repo / "plan.toml", changes, actor=actor, source="cli")
    git(repo, "commit", "-qam", f"{actor}: {item} {values}")


def add_item(repo: Path, item: str, actor: str, title: str) -> None:
    store = BoardStore.load(repo / "plan.toml")
    change = store.add_item({"id": item, "title": title})
    store.save()
    audit.append(repo / "plan.toml", [change], actor=actor, source="cli")
    git(repo, "commit", "-qam", f"{actor}: add {item}")


@pytest.fixture
def clones(tmp_path: Path, git_env: dict[str, str]) -> tuple[Path, Path]:
    """Two clones of one repository with the board, its history and the drivers set up in both."""
    a = tmp_path / "alice"
    a.mkdir()
    git(a, "init", "-q", "-b", "main")
    (a / "plan.toml").write_text(BOARD, encoding="utf-8")
    store = BoardStore.load(a / "plan.toml")
    audit.append(a / "plan.toml", store.set_fields("A-03", {"owner": "bo"}), actor="Ada", source="cli")
    store.save()
    res = readiness(a, "git-setup", "plan.toml")
    assert res.returncode == 0, res.stderr
    git(a, "add", "-A")
    git(a, "commit", "-qm", "board")
    b = tmp_path / "bob"
    git(tmp_path, "clone", "-q", str(a), str(b))
    res = readiness(b, "git-setup", "plan.toml")
    assert res.returncode == 0, res.stderr
    return a, b


@pytest.fixture
def branched(clones: tuple[Path, Path]) -> tuple[Path, Path]:
    """The two clones, the second on a new branch ``feature`` (taken in with ``pull(a, b, "feature")``)."""
    a, b = clones
    git(b, "checkout", "-qb", "feature")
    return a, b


def pull(into: Path, other: Path, branch: str = "main") -> None:
    git(into, "fetch", "-q", str(other), f"{branch}:refs/remotes/other/{branch}")


def test_git_setup_writes_attributes_and_config_once(clones: tuple[Path, Path]) -> None:
    a, _ = clones
    attrs = (a / ".gitattributes").read_text()
    assert "plan.toml merge=readiness-board" in attrs
    assert "plan.history.jsonl merge=readiness-history" in attrs
    driver = git(a, "config", "--get", "merge.readiness-board.driver").stdout
    assert sys.executable in driver and "%O %A %B %P" in driver
    again = readiness(a, "git-setup", "plan.toml")
    assert again.returncode == 0 and "already set up" in again.stdout
    assert (a / ".gitattributes").read_text() == attrs
    assert git(a, "check-attr", "merge", "plan.history.jsonl").stdout.strip().endswith("readiness-history")


def test_disjoint_edits_merge_clean_with_comments_and_both_histories(branched: tuple[Path, Path]) -> None:
    a, b = branched
    text = (b / "plan.toml").read_text().replace('id = "A-02"', '# bob: runbook reviewed\nid = "A-02"')
    (b / "plan.toml").write_text(text)
    git(b, "commit", "-qam", "comment")
    edit(b, "A-02", "Bob", status="done")
    text = (a / "plan.toml").read_text().replace('title = "Load tests"', 'title = "Load tests"  # ana owns it')
    (a / "plan.toml").write_text(text)
    git(a, "commit", "-qam", "comment")
    edit(a, "A-01", "Ada", status="in_progress")
    add_item(a, "A-04", "Ada", "Dashboards")
    add_item(b, "B-01", "Bob", "Backups")
    pull(a, b, "feature")
    res = git(a, "merge", "-q", "--no-edit", "other/feature", check=False)
    assert res.returncode == 0, res.stdout + res.stderr
    merged = (a / "plan.toml").read_text()
    assert "# bob: runbook reviewed" in merged and "# ana owns it" in merged
    store = BoardStore.load(a / "plan.toml")
    assert store.item("A-01").status == "in_progress" and store.item("A-02").status == "done"
    ids = [it.id for it in store.board.items]
    assert ids == ["A-01", "A-02", "A-03", "A-04", "B-01"]
    assert not lint_path(a / "plan.toml").errors
    result = history_dag.verify(a / "plan.toml")
    assert result.ok, result.message
    assert result.merges == 1
    actors = {r.actor for r in audit.read(a / "plan.toml")}
    assert {"Ada", "Bob"} <= actors
    verify = readiness(a, "audit", "verify", "plan.toml")
    assert verify.returncode == 0, verify.stderr
    # The next edit after the merge chains onto the merge record and still verifies.
    edit(a, "A-03", "Ada", status="done")
    assert history_dag.verify(a / "plan.toml").ok


def test_same_field_edits_conflict_recorded_and_resolved(branched: tuple[Path, Path]) -> None:
    a, b = branched
    edit(b, "A-01", "Bob", status="blocked")
    edit(a, "A-01", "Ada", status="done")
    pull(a, b, "feature")
    res = git(a, "merge", "--no-edit", "other/feature", check=False)
    assert res.returncode != 0
    assert "plan.toml" in res.stdout + res.stderr
    store = BoardStore.load(a / "plan.toml")  # valid TOML, a valid board
    [c] = store.board.conflicts
    assert (c.kind, c.id, c.field, c.ours, c.theirs, c.base) == ("items", "A-01", "status", "done", "blocked", "todo")
    assert c.ours_side == "main" and c.theirs_side != "theirs"
    errors = lint_path(a / "plan.toml").errors
    assert [(p.code, p.item, p.field) for p in errors] == [("merge-conflict", "A-01", "status")]
    # The history merged clean even though the board did not.
    assert history_dag.verify(a / "plan.toml").ok
    listed = readiness(a, "resolve", "plan.toml")
    assert listed.returncode == 1 and "A-01: merge conflict on status" in listed.stdout
    done = readiness(a, "resolve", "plan.toml", "1", "--take", "theirs")
    assert done.returncode == 0, done.stderr
    store = BoardStore.load(a / "plan.toml")
    assert store.item("A-01").status == "blocked" and not store.board.conflicts
    assert not lint_path(a / "plan.toml").errors
    git(a, "add", "-A")
    git(a, "commit", "-qm", "merged")
    assert history_dag.verify(a / "plan.toml").ok


def test_rebase_and_cherry_pick(branched: tuple[Path, Path]) -> None:
    a, b = branched
    edit(b, "A-02", "Bob", status="in_progress")
    edit(b, "A-02", "Bob", owner="bob")
    add_item(b, "B-01", "Bob", "Backups")
    edit(a, "A-01", "Ada", status="done")
    edit(a, "A-03", "Ada", status="blocked")
    pull(b, a, "main")
    res = git(b, "rebase", "other/main", check=False)
    assert res.returncode == 0, res.stdout + res.stderr
    store = BoardStore.load(b / "plan.toml")
    assert store.item("A-01").status == "done" and store.item("A-02").owner == "bob"
    assert store.has_item("B-01")
    result = history_dag.verify(b / "plan.toml")
    assert result.ok, result.message
    assert {"Ada", "Bob"} <= {r.actor for r in audit.read(b / "plan.toml")}
    # Cherry-pick one commit of a fresh branch onto main.
    git(b, "checkout", "-qb", "hotfix", "other/main")
    edit(b, "A-03", "Bob", owner="cy")
    pick = git(b, "rev-parse", "HEAD").stdout.strip()
    edit(a, "A-02", "Ada", title="Runbook v2")
    pull(a, b, "hotfix")
    res = git(a, "cherry-pick", pick, check=False)
    assert res.returncode == 0, res.stdout + res.stderr
    store = BoardStore.load(a / "plan.toml")
    assert store.item("A-03").owner == "cy" and store.item("A-02").title == "Runbook v2"
    assert history_dag.verify(a / "plan.toml").ok


def _merged_history(branched: tuple[Path, Path]) -> Path:
    a, b = branched
    edit(b, "A-02", "Bob", status="done")
    edit(b, "A-02", "Bob", owner="bob")
    edit(a, "A-01", "Ada", status="done")
    pull(a, b, "feature")
    git(a, "merge", "-q", "--no-edit", "other/feature")
    return audit.history_path(a / "plan.toml")


@pytest.mark.parametrize("tamper", ["edit", "delete-branch-record", "delete-branch-tip", "reorder", "splice"])
def test_merged_history_still_detects_tampering(branched: tuple[Path, Path], tamper: str) -> None:
    hist = _merged_history(branched)
    lines = hist.read_text().splitlines()
    assert history_dag.verify(hist).ok
    bob = [n for n, ln in enumerate(lines) if json.loads(ln).get("actor") == "Bob"]
    if tamper == "edit":
        rec = json.loads(lines[bob[0]])
        rec["new"] = "cancelled"
        lines[bob[0]] = audit.canonical(rec)
    elif tamper == "delete-branch-record":
        del lines[bob[0]]
    elif tamper == "delete-branch-tip":
        del lines[bob[-1]]
    elif tamper == "reorder":
        lines[bob[0]], lines[bob[1]] = lines[bob[1]], lines[bob[0]]
    else:  # a forged record spliced in off the genesis record, re-hashed
        first = json.loads(lines[0])
        forged = {**first, "new": "done", "actor": "Mallory", "prev": audit.line_hash(lines[0])}
        forged["hash"] = audit.record_hash(forged)
        lines.insert(2, audit.canonical(forged))
    hist.write_text("\n".join(lines) + "\n")
    result = history_dag.verify(hist)
    assert not result.ok
    assert result.first_bad_line is not None
    cli = readiness(hist.parent, "audit", "verify", "plan.toml")
    assert cli.returncode == 1 and "BAD" in cli.stderr


def test_anchor_catches_truncation_and_rewrite(clones: tuple[Path, Path]) -> None:
    a, _ = clones
    edit(a, "A-01", "Ada", status="done")
    edit(a, "A-02", "Ada", status="done")
    res = readiness(a, "audit", "anchor", "plan.toml")
    assert res.returncode == 0, res.stderr
    assert anchors.status(a / "plan.toml").anchored
    hist = audit.history_path(a / "plan.toml")
    good = hist.read_text()
    # Truncation: the last record removed; the chain alone is intact.
    hist.write_text("".join(good.splitlines(keepends=True)[:-1]))
    assert history_dag.verify(hist).ok
    res = readiness(a, "audit", "verify", "plan.toml")
    assert res.returncode == 1 and "truncated or rewritten" in res.stderr
    # Rewrite: the whole file re-chained with one value changed.
    lines = good.splitlines()
    prev = audit.GENESIS
    out = []
    for ln in lines:
        rec = json.loads(ln)
        if rec.get("item") == "A-01":
            rec["new"] = "cancelled"
        rec["prev"] = prev
        rec["hash"] = audit.record_hash(rec)
        text = audit.canonical(rec)
        out.append(text)
        prev = audit.line_hash(text)
    hist.write_text("\n".join(out) + "\n")
    assert history_dag.verify(hist).ok
    assert not anchors.verify(a / "plan.toml").ok
    hist.write_text(good)
    assert anchors.verify(a / "plan.toml").ok
    # More records after the anchor: still fine, but the report says the new head is not anchored.
    edit(a, "A-03", "Ada", status="done")
    st = anchors.status(a / "plan.toml")
    assert st.in_repository and not st.anchored and st.anchors == 1
    # The anchor travels to another clone with the refs.
    c = a.parent / "carol"
    git(a.parent, "clone", "-q", str(a), str(c))
    git(c, "fetch", "-q", "origin", "refs/readiness/*:refs/readiness/*")
    assert len(anchors.anchors(c / "plan.toml")) == 1
    hist_c = audit.history_path(c / "plan.toml")
    hist_c.write_text("".join(hist_c.read_text().splitlines(keepends=True)[:1]))
    assert not anchors.verify(c / "plan.toml").ok


def test_anchor_outside_git_is_refused(tmp_path: Path) -> None:
    (tmp_path / "plan.toml").write_text(BOARD)
    res = readiness(tmp_path, "audit", "anchor", "plan.toml")
    assert res.returncode == 1 and "not inside a git repository" in res.stderr


def test_git_setup_without_boards_and_outside_a_repository(tmp_path: Path, git_env: dict[str, str]) -> None:
    outside = readiness(tmp_path, "git-setup")
    assert outside.returncode == 2 and "not inside a git repository" in outside.stderr
    git(tmp_path, "init", "-q", "-b", "main")
    res = readiness(tmp_path, "git-setup")
    assert res.returncode == 0, res.stderr
    assert (tmp_path / ".gitattributes").read_text() == (
        "*.toml merge=readiness-board\n*.history.jsonl merge=readiness-history\n"
    )
    assert git(tmp_path, "check-attr", "merge", "x/plan.toml").stdout.strip().endswith("readiness-board")
