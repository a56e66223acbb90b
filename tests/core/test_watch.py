"""The watcher, live: real file changes seen through watchfiles and classified.

Every wait is bounded; a watcher needs a moment to register its inotify watches, so each test
first pokes a probe file until the watcher reports it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from watchfiles import Change

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.board.watch import BoardWatcher, WatchFeed

BOARD = """\
[board]
title = "w"

[[items]]
id = "A"
status = "todo"
[items.gate]
verify = "true"
evidence = ["reports/coverage.xml"]

[[items]]
id = "B"
status = "todo"
[items.gate]
verify = "true"
watch = ["src/**/*.py"]

[[items]]
id = "C"
status = "todo"
[items.gate]
evidence = ["docs/*.md"]
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "reports").mkdir()
    (root / "src").mkdir()
    (root / "docs").mkdir()
    (root / "board.toml").write_text(BOARD)
    return root


def watcher_for(repo: Path) -> BoardWatcher:
    store = BoardStore.load(repo / "board.toml")
    return BoardWatcher(store.path, board=store.board)


async def test_evidence_created_and_deleted(repo: Path) -> None:
    async with WatchFeed(watcher_for(repo)) as live:
        target = repo / "reports" / "coverage.xml"
        target.write_text("<coverage/>")
        b = await live.until(lambda b: b.evidence_items)
        assert b.evidence_items == {"A"} and str(target) in b.evidence_paths
        assert not b.board_changed and not b.board_deleted
        target.unlink()
        b = await live.until(lambda b: (Change.deleted, str(target)) in b.changes)
        assert b.evidence_items == {"A"}


async def test_glob_evidence_and_watched_files(repo: Path) -> None:
    async with WatchFeed(watcher_for(repo)) as live:
        (repo / "docs" / "runbook.md").write_text("# rb")
        b = await live.until(lambda b: b.evidence_items)
        assert b.evidence_items == {"C"}
        # A file in a brand-new directory can land before the kernel watches that directory
        # (an inotify race outside our control): wait until the directory itself is reported.
        (repo / "src" / "pkg").mkdir()
        await live.until(lambda b: any(p.endswith("pkg") for _, p in b.changes))
        (repo / "src" / "pkg" / "mod.py").write_text("x = 1")
        b = await live.until(lambda b: "B" in b.watched_items)
        assert any(p.endswith("mod.py") for p in b.watched_paths)


async def test_board_changed_outside_and_deleted(repo: Path) -> None:
    async with WatchFeed(watcher_for(repo)) as live:
        store = BoardStore.load(repo / "board.toml")
        store.set_board_fields({"title": "edited elsewhere"})
        store.save()  # an atomic write: temp file, rename
        b = await live.until(lambda b: b.board_changed)
        assert not b.board_deleted
        assert not any(".tmp" in p for _, p in b.changes)
        (repo / "board.toml").unlink()
        b = await live.until(lambda b: b.board_deleted)
        assert not b.board_changed


async def test_ignored_paths_never_show(repo: Path) -> None:
    async with WatchFeed(watcher_for(repo)) as live:
        for rel in (
            ".git/index",
            "node_modules/a/b.js",
            ".venv/bin/x",
            "__pycache__/m.pyc",
            "board.readiness-state.json",
            ".pytest_cache/v",
            ".board.toml.x1y2.tmp",
        ):
            p = repo / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text("x")
        (repo / "marker.txt").write_text("done")
        b = await live.until(lambda b: any(p.endswith("marker.txt") for _, p in b.changes))
        seen = {p for batch in (b, *live.drain()) for _, p in batch.changes}
        assert {os.path.basename(p) for p in seen} == {"marker.txt"}, seen


async def test_board_outside_the_repo_root(tmp_path: Path) -> None:
    # plans/ and code/ in one repository: repo_root may only point inside the repository holding the board
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    root = tmp_path / "code"
    (root / "reports").mkdir(parents=True)
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "board.toml").write_text(BOARD.replace('title = "w"', 'title = "w"\nrepo_root = "../code"'))
    w = watcher_for(plans)
    assert w.root == root.resolve() and str(plans.resolve()) in w.watched_roots()
    async with WatchFeed(w) as live:
        (root / "reports" / "coverage.xml").write_text("x")
        assert (await live.until(lambda b: b.evidence_items)).evidence_items == {"A"}
        (plans / "other.txt").write_text("not ours")
        (plans / "board.toml").write_text(BOARD + "\n# touched\n")
        b = await live.until(lambda b: b.board_changed)
        assert not any(p.endswith("other.txt") for _, p in b.changes)


async def test_set_board_reindexes(repo: Path) -> None:
    w = watcher_for(repo)
    (repo / "board.toml").write_text(BOARD.replace("reports/coverage.xml", "reports/new.xml"))
    w.set_board(BoardStore.load(repo / "board.toml").board)
    b = w.classify({(Change.added, str(repo / "reports" / "new.xml"))})
    assert b.evidence_items == {"A"}
    assert not w.classify({(Change.added, str(repo / "reports" / "coverage.xml"))}).evidence_items


def test_classify_without_a_live_watcher(repo: Path) -> None:
    w = watcher_for(repo)
    b = w.classify({(Change.modified, str(repo / "README.md"))})
    # A has no watch globs: it watches the whole repo, named once for every such item.
    assert b.default_watched and b.watched_items == set() and not b.evidence_items
    assert not w.classify({(Change.modified, str(repo / "reports" / "coverage.xml"))}).default_watched
    assert not w.keep(Change.modified, str(repo / ".git" / "HEAD"))
    assert not w.keep(Change.added, str(repo / ".board.toml.abcd.tmp"))
    assert w.keep(Change.modified, str(repo / "board.toml"))


async def test_live_evidence_updates_the_gate_through_a_session(repo: Path) -> None:
    from readiness_tui.core.gates import GateSession

    store = BoardStore.load(repo / "board.toml")
    session = GateSession(store.path, store.board)
    watcher = BoardWatcher(store.path, board=store.board)
    watcher.set_board(store.board, index=session.index)
    assert session.views()["C"].status == "fail"
    async with WatchFeed(watcher) as live:
        doc = repo / "docs" / "slo.md"
        doc.write_text("# SLO")
        b = await live.until(lambda b: "C" in b.evidence_items)
        assert "C" in session.note_changes(b.paths)
        assert session.views()["C"].status == "pass"
        doc.unlink()
        b = await live.until(lambda b: "C" in b.evidence_items and (Change.deleted, str(doc)) in b.changes)
        session.note_changes(b.paths)
        assert session.views()["C"].status == "fail"


async def test_the_feed_starts_on_a_board_whose_gates_watch_nothing(tmp_path: Path) -> None:
    # No gate watches the repo, so no file but the board is relevant: the probe must still get
    # through, or start() waits out its deadline and raises.
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "board.toml").write_text('[board]\ntitle = "w"\n\n[[items]]\nid = "A"\nstatus = "todo"\n')
    feed = WatchFeed(watcher_for(root))
    await feed.start(within=5.0)
    try:
        (root / "notes.txt").write_text("not watched")
        (root / "board.toml").write_text('[board]\ntitle = "w2"\n\n[[items]]\nid = "A"\nstatus = "done"\n')
        b = await feed.until(lambda b: b.board_changed)
        assert not b.probe and not b.watched_paths
    finally:
        await feed.stop()
