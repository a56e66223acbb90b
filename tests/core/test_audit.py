"""The audit trail: hash chain, tamper detection, actor, diff of boards, rewinding."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core import audit
from readiness_tui.core.audit import chain as audit_chain
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.records import Change

TZ = dt.timezone(dt.timedelta(hours=1))
T0 = dt.datetime(2026, 2, 16, 9, 0, tzinfo=TZ)

BOARD = """\
[board]
title = "Audit test"

[[items]]
id = "A"
title = "First"
status = "todo"
priority = "P0"

[[items]]
id = "B"
title = "Second"
status = "in_progress"
depends_on = ["A"]
"""


@pytest.fixture
def board(write_board: Callable[..., Path]) -> Path:
    return write_board(BOARD, "plan.toml")


def _fill(board: Path, n: int = 5) -> Path:
    for k in range(n):
        audit.append(board, [Change(f"X{k}", "status", "todo", "done")], actor="ada", now=T0 + dt.timedelta(minutes=k))
    return audit.history_path(board)


def test_history_path_is_beside_the_board(board: Path) -> None:
    assert audit.history_path(board) == board.with_name("plan.history.jsonl")
    assert audit.history_path(audit.history_path(board)) == audit.history_path(board)


def test_append_writes_a_chain_that_verifies(board: Path) -> None:
    head = audit.append(
        board,
        [Change("A", "status", "todo", "done"), Change("B", "depends_on", ["A"], [])],
        actor="ada",
        now=T0,
    )
    hist = audit.history_path(board)
    lines = hist.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first, second = (json.loads(x) for x in lines)
    assert first["prev"] == audit.GENESIS
    assert second["prev"] == audit.line_hash(lines[0])
    assert head == audit.line_hash(lines[1]) == audit.head(board)
    assert first["ts"] == "2026-02-16T08:00:00.000Z"
    assert first["local"] == "2026-02-16T09:00:00.000+01:00"
    assert (first["actor"], first["item"], first["field"], first["old"], first["new"], first["kind"]) == (
        "ada",
        "A",
        "status",
        "todo",
        "done",
        "items",
    )
    assert first["source"] == "app" and first["type"] == "change"
    ok, bad, msg, count, vhead, *_ = audit.verify(board)
    assert ok and bad is None and count == 2 and vhead == head, msg


def test_append_is_one_write_per_batch(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    audit.append(board, [Change("A", "status", "done", "todo")], actor="ada", now=T0)
    writes, syncs = [], []
    real_write, real_fsync = os.write, os.fsync
    monkeypatch.setattr(audit_chain.os, "write", lambda fd, data: writes.append(data) or real_write(fd, data))
    monkeypatch.setattr(audit_chain.os, "fsync", lambda fd: syncs.append(fd) or real_fsync(fd))
    audit.append(board, [Change("A", "status", "todo", "done")] * 3, actor="ada", now=T0)
    assert len(writes) == 1 and writes[0].count(b"\n") == 3
    assert len(syncs) == 1


def test_empty_batch_writes_nothing(board: Path) -> None:
    assert audit.append(board, [], actor="ada") == audit.GENESIS
    assert not audit.history_path(board).exists()
    assert audit.verify(board).ok


def test_chain_continues_across_appends_and_sources(board: Path) -> None:
    audit.append(board, [Change("A", "status", "todo", "in_progress")], actor="ada", source="cli", now=T0)
    audit.record_standup(board, actor="bob", now=T0 + dt.timedelta(hours=1), speakers=["ada"])
    audit.append(
        board,
        [Change("A", "status", "in_progress", "done")],
        actor="ada",
        source="reload",
        now=T0 + dt.timedelta(hours=2),
    )
    assert audit.verify(board).ok
    recs = audit.read(board)
    assert [r.type for r in recs] == ["change", "standup", "change"]
    assert [r.source for r in recs] == ["cli", "app", "reload"]
    assert audit.last_standup(board) == T0 + dt.timedelta(hours=1)
    since = audit.changes_since(board, audit.last_standup(board))
    assert [(r.item, r.new) for r in since] == [("A", "done")]
    assert len(audit.changes_since(board, dt.date(2026, 2, 16))) == 2
    assert audit.changes_since(board, dt.date(2026, 2, 17)) == []


def test_bad_source_is_refused(board: Path) -> None:
    with pytest.raises(ValueError):
        audit.append(board, [Change("A", "status", "todo", "done")], actor="ada", source="web")


def _rewrite(hist: Path, lines: list[str]) -> None:
    hist.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _edit(lines: list[str]) -> list[str]:
    lines[2] = lines[2].replace('"new":"done"', '"new":"todo"')
    return lines


def _edit_and_rehash(lines: list[str]) -> list[str]:
    rec = json.loads(lines[1])
    rec["actor"] = "mallory"
    rec["hash"] = audit.record_hash(rec)
    lines[1] = audit.canonical(rec)
    return lines


def _reformat(lines: list[str]) -> list[str]:
    lines[3] = json.dumps(json.loads(lines[3]))  # same content, other spacing
    return lines


def _reorder(lines: list[str]) -> list[str]:
    lines[2], lines[3] = lines[3], lines[2]
    return lines


TAMPERING = [
    pytest.param(_edit, 3, "modified", id="edited line"),
    pytest.param(_edit_and_rehash, 3, "line 2", id="edited line with its hash recomputed: caught on the next"),
    pytest.param(_reformat, 4, "rewritten", id="reformatted line"),
    pytest.param(lambda lines: lines[:1] + lines[2:], 2, "removed", id="deleted line"),
    pytest.param(lambda lines: lines[1:], 1, "earlier records were removed", id="deleted first line"),
    pytest.param(_reorder, 3, "reordered", id="reordered lines"),
]


@pytest.mark.parametrize(("tamper", "bad_line", "says"), TAMPERING)
def test_tampering_is_named(board: Path, tamper: Callable[[list[str]], list[str]], bad_line: int, says: str) -> None:
    hist = _fill(board)
    _rewrite(hist, tamper(hist.read_text(encoding="utf-8").splitlines()))
    ok, bad, msg, *_ = audit.verify(board)
    assert not ok and bad == bad_line and says in msg, msg


def test_garbage_line_is_named(board: Path) -> None:
    hist = _fill(board, 3)
    with open(hist, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    ok, bad, msg, *_ = audit.verify(board)
    assert not ok and bad == 4 and "JSON" in msg


def test_truncation_is_caught_against_a_published_head(board: Path) -> None:
    hist = _fill(board, 4)
    published = audit.head(board)
    lines = hist.read_text(encoding="utf-8").splitlines()
    _rewrite(hist, lines[:2])
    assert audit.verify(board).ok  # a prefix of a chain is a chain
    result = audit.verify(board, expected_head=published)
    assert not result.ok and "truncated or rewritten" in result.message
    _rewrite(hist, lines)
    audit.append(board, [Change("Z", "status", "todo", "done")], actor="ada", now=T0)
    assert audit.verify(board, expected_head=published).ok  # grew since: fine


def test_a_torn_last_line_is_repaired_with_a_record_saying_so(board: Path) -> None:
    hist = _fill(board, 2)
    with open(hist, "a", encoding="utf-8") as fh:
        fh.write('{"torn":')
    audit.append(board, [Change("Z", "status", "todo", "done")], actor="ada", now=T0)
    lines = hist.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and '{"torn":' not in lines
    repair = json.loads(lines[2])
    assert repair["type"] == "repair" and repair["dropped_bytes"] == len('{"torn":')
    assert repair["dropped_sha256"] == hashlib.sha256(b'{"torn":').hexdigest()
    assert json.loads(lines[3])["item"] == "Z"
    assert audit.verify(board).ok


def test_a_torn_line_cut_inside_a_character_is_repaired_too(board: Path) -> None:
    hist = _fill(board, 1)
    torn = '{"title":"Zü'.encode()[:-1]  # the write died between the two bytes of "ü"
    with open(hist, "ab") as fh:
        fh.write(torn)
    audit.append(board, [Change("Z", "status", "todo", "done")], actor="ada", now=T0)
    data = hist.read_bytes()
    assert torn not in data and data.endswith(b"\n")
    assert json.loads(data.splitlines()[1])["dropped_bytes"] == len(torn)
    assert audit.verify(board).ok


def test_actor_from_repo_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "config").write_text(
        '[core]\n\tbare = false\n[remote "origin"]\n\tname = nope\n[user]\n\temail = a@b\n\tname = "Ada Lovelace" # me\n'
    )
    (repo / "boards").mkdir()
    board = repo / "boards" / "plan.toml"
    board.write_text(BOARD)
    monkeypatch.setenv("USER", "fallback")
    assert audit.default_actor(board) == "Ada Lovelace"
    audit.append(board, [Change("A", "status", "todo", "done")], now=T0)
    assert audit.read(board)[0].actor == "Ada Lovelace"


def test_actor_from_global_git_config(board: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    home = Path(__import__("os").environ["HOME"])
    (home / ".gitconfig").write_text("[User]\n    Name = Grace Hopper\n")
    monkeypatch.setenv("USER", "fallback")
    assert audit.default_actor(board) == "Grace Hopper"


def test_actor_from_worktree_gitdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main_git = tmp_path / "main" / ".git"
    wt_git = main_git / "worktrees" / "wt"
    wt_git.mkdir(parents=True)
    (main_git / "config").write_text("[user]\nname = Linus\n")
    (wt_git / "commondir").write_text("../..\n")
    wt = tmp_path / "wt"
    wt.mkdir()
    (wt / ".git").write_text(f"gitdir: {wt_git}\n")
    monkeypatch.setenv("USER", "fallback")
    assert audit.default_actor(wt / "plan.toml") == "Linus"


def test_actor_falls_back_to_user(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "casey")
    assert audit.default_actor(board) == "casey"
    audit.append(board, [Change("A", "status", "todo", "done")], now=T0)
    assert audit.read(board)[0].actor == "casey"


def test_diff_boards_every_field_and_added_removed(board: Path) -> None:
    old = BoardStore.load(board).board
    text = BOARD.replace('status = "todo"', 'status = "done"').replace('depends_on = ["A"]', "depends_on = []")
    text = text.replace('id = "B"', 'id = "C"') + '\n[[risks]]\nid = "R1"\ntitle = "Oops"\n'
    text = text.replace('priority = "P0"\n', 'priority = "P0"\n[items.gate]\nverify = "make test"\n')
    new = BoardStore.from_text(text).board
    changes = audit.diff_boards(old, new)
    got = {(c.kind, c.item, c.field, json.dumps(c.old), json.dumps(c.new)) for c in changes}
    assert ("items", "A", "status", '"todo"', '"done"') in got
    assert ("items", "A", "gate.verify", "null", '"make test"') in got
    assert any(c.item == "B" and c.field == "*" and c.new is None and c.old["depends_on"] == ["A"] for c in changes)
    assert any(c.item == "C" and c.field == "*" and c.old is None for c in changes)
    assert any(c.kind == "risks" and c.item == "R1" and c.field == "*" for c in changes)
    assert audit.diff_boards(new, new) == []


def test_diff_then_append_round_trips_through_json(board: Path) -> None:
    old = BoardStore.load(board).board
    new = BoardStore.from_text(BOARD.replace('status = "todo"', 'status = "review"')).board
    audit.append(board, audit.diff_boards(old, new), actor="ada", source="reload", now=T0)
    assert audit.verify(board).ok
    (rec,) = audit.read(board)
    assert (rec.item, rec.field, rec.old, rec.new, rec.source) == ("A", "status", "todo", "review", "reload")


def test_rewinder_undoes_records(board: Path) -> None:
    store = BoardStore.load(board)
    changes = store.set_status("A", "done")
    audit.append(board, changes, actor="ada", now=T0 + dt.timedelta(days=2))
    add = store.add_item({"id": "C", "title": "New", "status": "todo"})
    audit.append(board, [add], actor="ada", now=T0 + dt.timedelta(days=3))
    rew = audit.Rewinder(store.board, audit.read(board))
    assert set(rew.state_after(dt.date(2026, 2, 19))) == {"A", "B", "C"}
    after_add_undone = rew.state_after(dt.date(2026, 2, 18))
    assert set(after_add_undone) == {"A", "B"} and after_add_undone["A"]["status"] == "done"
    assert rew.state_after(dt.date(2026, 2, 17))["A"]["status"] == "todo"


@given(data=st.binary(max_size=300).map(lambda b: b.replace(b"\r", b"\n")), block=st.integers(1, 64))
@settings(max_examples=200, deadline=None)
def test_reverse_lines_are_the_files_lines_from_the_end(tmp_path_factory, data: bytes, block: int) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("rev") / "h.jsonl"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert list(audit_chain.reverse_lines(fd, block)) == list(reversed(data.split(b"\n")))
        tail = data.rsplit(b"\n", 1)[-1] if b"\n" in data else data
        assert audit_chain._torn_tail(fd) == tail
    finally:
        os.close(fd)
