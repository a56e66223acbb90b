"""The history as a DAG: merge of two branches, verification, and what tampering it still catches."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from readiness_tui.core import audit
from readiness_tui.core.audit import dag as history_dag
from readiness_tui.core.board.store import Change
from readiness_tui.core.edits.clone_ids import clone_id, clone_tag, new_item_id

NOW = dt.datetime(2026, 2, 20, 9, 0, tzinfo=dt.UTC)


def _append(path: Path, actor: str, *items: str) -> None:
    audit.append(path, [Change(i, "status", "todo", "done") for i in items], actor=actor, source="cli", now=NOW)


@pytest.fixture
def branches(tmp_path: Path) -> tuple[str, str, str]:
    base = tmp_path / "base.history.jsonl"
    _append(base, "Ada", "A-01", "A-02")
    ours, theirs = tmp_path / "ours.history.jsonl", tmp_path / "theirs.history.jsonl"
    ours.write_text(base.read_text())
    theirs.write_text(base.read_text())
    _append(ours, "Ada", "A-03")
    _append(ours, "Ada", "A-04")
    _append(theirs, "Bob", "B-01", "B-02")
    return base.read_text(), ours.read_text(), theirs.read_text()


def _verify(text: str) -> history_dag.DagVerification:
    return history_dag.verify_lines(enumerate(text.splitlines(), 1), dag=True)


def test_linear_history_verifies_like_the_chain(branches: tuple[str, str, str]) -> None:
    _, ours, _ = branches
    r = _verify(ours)
    assert r.ok and r.records == 4 and r.merges == 0
    assert r.head == audit.line_hash(ours.splitlines()[-1])


def test_merge_holds_both_branches_and_verifies(branches: tuple[str, str, str], tmp_path: Path) -> None:
    base, ours, theirs = branches
    merged = history_dag.merge(base, ours, theirs, actor="Ada", now=NOW, sides=("main", "feature"))
    lines = merged.splitlines()
    assert lines[: len(ours.splitlines())] == ours.splitlines()
    assert set(theirs.splitlines()) <= set(lines)
    last = json.loads(lines[-1])
    assert last["type"] == "merge" and last["sides"] == ["main", "feature"] and len(last["merges"]) == 1
    r = _verify(merged)
    assert r.ok and r.merges == 1 and r.records == len(lines)
    # Appending after the merge chains onto the merge record.
    path = tmp_path / "m.history.jsonl"
    path.write_text(merged)
    _append(path, "Ada", "A-05")
    assert history_dag.verify(path).ok
    # Merging again with nothing new changes nothing; the same merge is idempotent.
    assert history_dag.merge(ours, merged, theirs, actor="x") == merged
    assert history_dag.merge(base, ours, ours, actor="x") == ours


def test_merge_of_merges_and_rebase_replay(branches: tuple[str, str, str], tmp_path: Path) -> None:
    base, ours, theirs = branches
    m1 = history_dag.merge(base, ours, theirs, actor="Ada", now=NOW)
    # A third branch forked from theirs, merged into the merge result.
    third = tmp_path / "third.history.jsonl"
    third.write_text(theirs)
    _append(third, "Cy", "C-01")
    m2 = history_dag.merge(theirs, m1, third.read_text(), actor="Ada", now=NOW)
    assert _verify(m2).ok and _verify(m2).merges == 2
    # Rebase replays theirs' later commit onto a result that already holds its earlier records.
    assert _verify(history_dag.merge(base, m2, third.read_text(), actor="Ada", now=NOW)).ok


@pytest.mark.parametrize(
    "tamper, why",
    [
        ("edit", "modified"),
        ("delete-middle", "not above it"),
        ("delete-branch-tip", "not above it"),
        ("reorder", "not above it"),
        ("drop-merge", "no merge record joins"),
        ("blank", "empty line"),
        ("truncate-start", "does not start at the beginning"),
    ],
)
def test_tampering_after_a_merge_is_caught(branches: tuple[str, str, str], tamper: str, why: str) -> None:
    base, ours, theirs = branches
    lines = history_dag.merge(base, ours, theirs, actor="Ada", now=NOW).splitlines()
    bob = [n for n, ln in enumerate(lines) if json.loads(ln)["actor"] == "Bob"]
    if tamper == "edit":
        rec = json.loads(lines[bob[0]])
        rec["new"] = "blocked"
        lines[bob[0]] = audit.canonical(rec)
    elif tamper == "delete-middle":
        del lines[1]
    elif tamper == "delete-branch-tip":
        del lines[bob[-1]]
    elif tamper == "reorder":
        lines[bob[0]], lines[bob[1]] = lines[bob[1]], lines[bob[0]]
    elif tamper == "drop-merge":
        del lines[-1]
    elif tamper == "blank":
        lines.insert(3, "")
    else:
        del lines[0]
    r = _verify("\n".join(lines) + "\n")
    assert not r.ok and why in r.message and r.first_bad_line is not None


def test_expected_heads_catch_truncation(branches: tuple[str, str, str]) -> None:
    _, ours, _ = branches
    head = audit.line_hash(ours.splitlines()[-1])
    truncated = "".join(ours.splitlines(keepends=True)[:-1])
    assert _verify(truncated).ok
    r = history_dag.verify_lines(enumerate(truncated.splitlines(), 1), [head], dag=True)
    assert not r.ok and "truncated or rewritten" in r.message and r.missing_heads == (head,)


def test_audit_chain_of_the_old_verifier_is_accepted_unchanged(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    _append(board, "Ada", "A-01")
    _append(board, "Ada", "A-02")
    assert audit.verify(board).ok and history_dag.verify(board).ok
    assert history_dag.verify(board).head == audit.verify(board).head


# ---------------------------------------------------------------------- ids
def test_new_ids_carry_the_clone_tag_and_skip_taken_numbers() -> None:
    taken = {"SEC-01", "SEC-02", "SEC-03-abc", "OPS-9"}
    assert new_item_id(taken, "k7q", "SEC-02") == "SEC-04-k7q"
    assert new_item_id(taken, "k7q", "OPS-9") == "OPS-10-k7q"
    assert new_item_id(set(), "k7q") == "ITEM-01-k7q"
    assert new_item_id({"x"}, "k7q", "x") == "x-01-k7q"
    assert new_item_id({"SEC-04-k7q", "SEC-02"}, "k7q", "SEC-02") == "SEC-05-k7q"


def test_two_clones_adding_after_the_same_item_get_different_ids(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        (d / ".git").mkdir(parents=True)
    ida, idb = clone_id(a), clone_id(b)
    assert ida != idb and clone_id(a) == ida  # kept, not redrawn
    assert (a / ".git" / "readiness" / "clone-id").read_text().strip() == ida
    taken = {"SEC-01", "SEC-02"}
    # Fixed clone ids keep the test deterministic (random ones collide 1 time in 32,768).
    new_a = new_item_id(taken, clone_tag("0" * 32, "Ada"), "SEC-02")
    new_b = new_item_id(taken, clone_tag("1" * 32, "Ada"), "SEC-02")
    assert new_a.startswith("SEC-03-") and new_b.startswith("SEC-03-")
    assert new_a != new_b
    # The same person on two clones differs too; two people on one clone differ by actor.
    assert clone_tag(ida, "Ada") != clone_tag(ida, "Bob")
    tags = {clone_tag(f"{n:032x}", "Ada") for n in range(2000)}
    assert len(tags) > 1900  # spread over the 32,768 tags


def test_audit_verify_hands_a_merged_history_to_the_dag_verifier(
    branches: tuple[str, str, str], tmp_path: Path
) -> None:
    base, ours, theirs = branches
    path = tmp_path / "plan.history.jsonl"
    path.write_text(history_dag.merge(base, ours, theirs, actor="Ada", now=NOW))
    assert audit.verify(path).ok  # what the report and every other caller of audit.verify see
    lines = path.read_text().splitlines()
    del lines[-2]
    path.write_text("\n".join(lines) + "\n")
    assert not audit.verify(path).ok


# ---------------------------------------------------------------------- copied records
BOARD_TEXT = '[board]\ntitle = "B"\n\n[[items]]\nid = "A-01"\ntitle = "One"\nstatus = "todo"\n'


@pytest.fixture
def edited_board(tmp_path: Path) -> Path:
    """A board with three recorded edits, made by ``readiness set``."""
    from click.testing import CliRunner

    from readiness_tui.cli import cli

    board = tmp_path / "plan.toml"
    board.write_text(BOARD_TEXT, encoding="utf-8")
    for value in ("in_progress", "review", "done"):
        res = CliRunner().invoke(cli, ["set", str(board), "A-01", f"status={value}"])
        assert res.exit_code == 0, res.output
    assert len(audit.history_path(board).read_text().splitlines()) == 3
    return board


def _audit_verify(board: Path, *extra: str) -> tuple[int, str]:
    from click.testing import CliRunner

    from readiness_tui.cli import cli

    res = CliRunner().invoke(cli, ["audit", "verify", str(board), *extra])
    return res.exit_code, res.output


@pytest.mark.parametrize("where", ["end", "middle"])
def test_a_repeated_record_fails_audit_verify_naming_its_line(edited_board: Path, where: str) -> None:
    path = audit.history_path(edited_board)
    lines = path.read_text().splitlines()
    head = audit.line_hash(lines[-1])
    if where == "end":
        lines.append(lines[-1])
        bad, original = 4, 3
    else:
        lines.insert(2, lines[1])
        bad, original = 3, 2
    path.write_text("\n".join(lines) + "\n")
    for extra in ((), ("--head", head)):  # a head kept elsewhere is still in the file: no help
        code, out = _audit_verify(edited_board, *extra)
        assert code == 1, out
        assert f"{path}:{bad}: BAD: line {bad}: repeats line {original}" in out
    assert not history_dag.verify(path).ok and history_dag.verify(path).first_bad_line == bad


def test_a_repeated_record_after_a_merge_is_caught_naming_its_line(branches: tuple[str, str, str]) -> None:
    base, ours, theirs = branches
    lines = history_dag.merge(base, ours, theirs, actor="Ada", now=NOW).splitlines()
    assert _verify("\n".join(lines) + "\n").ok
    bob = next(n for n, ln in enumerate(lines) if json.loads(ln)["actor"] == "Bob")
    for copied in (lines[-1], lines[bob]):  # the merge record itself, a record of the merged branch
        r = _verify("\n".join([*lines, copied]) + "\n")
        assert not r.ok and r.first_bad_line == len(lines) + 1
        assert f"repeats line {lines.index(copied) + 1}" in r.message


def test_a_rehashed_copy_that_follows_a_followed_record_is_named_outside_a_merge(
    edited_board: Path, branches: tuple[str, str, str]
) -> None:
    path = audit.history_path(edited_board)
    lines = path.read_text().splitlines()
    rec = json.loads(lines[-1])
    rec["ts"] = rec["ts"].replace("Z", "1Z") if rec["ts"].endswith("Z") else rec["ts"] + "1"
    rec["hash"] = audit.record_hash(rec)
    path.write_text("\n".join([*lines, audit.canonical(rec)]) + "\n")
    code, out = _audit_verify(edited_board)
    assert code == 1 and f"{path}:4: BAD: line 4: follows the same record as line 3" in out
    # After a merge, a copy following the merge record's parent is named too, not the real record.
    base, ours, theirs = branches
    merged = history_dag.merge(base, ours, theirs, actor="Ada", now=NOW).splitlines()
    after = json.loads(merged[-1])
    after["ts"] = "2030-01-01T00:00:00.000Z"
    after["hash"] = audit.record_hash(after)
    r = _verify("\n".join([*merged, audit.canonical(after)]) + "\n")
    assert not r.ok and r.first_bad_line == len(merged) + 1 and f"as line {len(merged)}" in r.message
