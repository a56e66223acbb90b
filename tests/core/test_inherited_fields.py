"""What a child inherits (owner, workstream, priority, phase: ``core.tree.INHERITED``), read the
same by the filter, ``show``, ``list`` and ``--json``; ``--json`` carrying every field's value,
defaults included; and ``show`` listing the item's progress notes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.analysis import tree as tree_rules
from readiness_tui.core.model.board import Item

Q1 = Path(__file__).resolve().parents[2] / "boards" / "q1-2026-execution-backlog.toml"
ITEMS = [
    Item(id="S1", title="Stream", kind="stream", priority="P0", phase="A", owner="GTM"),
    Item(id="S1-T1", title="Task", parent="S1"),
    Item(id="S1-T2", title="Own", parent="S1", priority="P2", phase="B"),
    Item(id="S1-T2-a", title="Sub", parent="S1-T2"),
]


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "q1.toml"
    shutil.copy(Q1, path)
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def test_priority_and_phase_come_from_the_nearest_ancestor_that_has_one() -> None:
    tree = tree_rules.Hierarchy(ITEMS)
    assert tree_rules.INHERITED == ("owner", "workstream", "priority", "phase")
    assert tree.value("S1-T1", "priority") == "P0" and tree.inherited("S1-T1", "priority")
    assert tree.value("S1-T2-a", "priority") == "P2" and tree.value("S1-T2-a", "phase") == "B"
    assert tree.value("S1-T2", "priority") == "P2" and not tree.inherited("S1-T2", "priority")
    assert not tree.inherited("S1", "workstream")  # a stream's workstream is its own title


def test_ready_p0_finds_the_ready_children_of_a_p0_stream(board: Path) -> None:
    listed = [line.split()[0] for line in run("list", str(board), "-f", "ready p:P0").output.splitlines()]
    assert {"S1-T1", "S1-T2", "S1-T3"} <= set(listed)
    # and the filter agrees with what list and --json say of each item it lets through
    data = json.loads(run("list", str(board), "--json", "-f", "ready p:P0").output)
    assert all(r["priority_effective"] == "P0" for r in data["items"])
    s1_t1 = next(r for r in data["items"] if r["id"] == "S1-T1")
    assert s1_t1["fields"]["priority"] is None and s1_t1["inherited"] == ["owner", "workstream", "priority"]
    p1 = run("list", str(board), "-f", "p:P1").output
    assert "S1-T1" not in p1


def test_show_and_list_say_an_inherited_priority(board: Path) -> None:
    shown = run("show", str(board), "S1-T1").output
    assert "  priority: P0 (inherited from the parent)" in shown
    line = next(x for x in run("list", str(board)).output.splitlines() if x.startswith("S1-T1 "))
    assert line.split("  ")[2] == "P0 (inherited)"


def test_list_json_carries_every_field_defaults_included(board: Path) -> None:
    data = json.loads(run("list", str(board), "--json").output)
    names = set(Item.model_fields)
    for rec in data["items"]:
        assert set(rec["fields"]) == names, rec["id"]
        assert rec["fields"]["status"] in ("todo", "in_progress", "blocked", "review", "done", "cancelled")
    # an item whose file says nothing of its kind or status still has both
    task = next(r for r in data["items"] if r["id"] == "S1-T1")
    assert task["fields"]["status"] == "todo" and task["fields"]["kind"] == "task"


def test_show_lists_the_items_progress_notes_in_text_and_json(board: Path) -> None:
    assert run("note", str(board), "S1-T1", "demo", "recorded").exit_code == 0
    shown = run("show", str(board), "S1-T1").output
    assert "  progress:\n" in shown and "[todo] demo recorded" in shown
    data = json.loads(run("show", str(board), "S1-T1", "--json").output)
    assert [(n["status"], n["text"]) for n in data["progress"]] == [("todo", "demo recorded")]
    assert json.loads(run("show", str(board), "S1-T2", "--json").output)["progress"] == []


def test_an_empty_note_is_refused(board: Path) -> None:
    before = board.read_bytes()
    result = run("note", str(board), "S1-T1", "  ")
    assert result.exit_code == 1 and "an empty note is refused" in result.output
    assert board.read_bytes() == before
