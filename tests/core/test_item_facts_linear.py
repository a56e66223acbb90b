"""Issue 46: ``list``, ``search`` and their MCP tools read each item's facts (ready, blocked,
waiting, overdue) from sets built once per analysis, not from lists turned into sets per item."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from readiness_tui.bench.generate import write_board
from readiness_tui.cli import cli
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.agent_ops import BoardOps
from readiness_tui.core.outputs.itemview import item_facts

FACTS = ("ready", "blocked", "waiting", "overdue")
#: Late enough that some of the generated board's targets have passed (the conftest's is before all).
TODAY = "2026-11-30"


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count every read of the analysis' four lists (a property or a cached property each)."""
    reads: Counter[str] = Counter()
    for name in FACTS:
        original = Analysis.__dict__[name]

        def get(self: Analysis, _original: Any = original, _name: str = name) -> Any:
            reads[_name] += 1
            return _original.__get__(self, Analysis)

        monkeypatch.setattr(Analysis, name, property(get))
    return reads


def _cli(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args))
    assert res.exit_code == 0, res.output
    return res.output


def _json_cli(*args: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(_cli(*args))
    return doc


#: Each surface, and how often it reads each list: once for the item facts' sets, and once more
#: where a filter runs (``Facts.of``, which list and the MCP's list_items build).
SURFACES: dict[str, tuple[Callable[[Path], Any], int]] = {
    "list --json": (lambda b: _json_cli("list", str(b), "--json"), 2),
    "list": (lambda b: _cli("list", str(b)), 2),
    "search --json": (lambda b: _json_cli("search", str(b), "t-0", "--json"), 1),
    "search": (lambda b: _cli("search", str(b), "t-0"), 1),
    "mcp list_items": (lambda b: BoardOps(b).list_items(), 2),
    "mcp search": (lambda b: BoardOps(b).search("t-0"), 1),
}


@pytest.mark.parametrize("surface", list(SURFACES))
def test_the_facts_of_every_item_cost_the_same_reads_at_any_size(
    surface: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READINESS_TODAY", TODAY)
    reads = _count_reads(monkeypatch)
    seen = {}
    for n in (40, 160):
        board = write_board(tmp_path / f"b{n}.toml", n)
        reads.clear()
        show, reads_each = SURFACES[surface]
        out = show(board)
        seen[n] = dict(reads)
        if isinstance(out, dict):
            assert len(out["items"]) == n
            # Each fact is true of some item: every set was asked, not skipped.
            assert {f for rec in out["items"] for f in FACTS if rec[f]} == set(FACTS)
    # Each list is read the same few times however many items are shown (it was once per item).
    assert seen[40] == seen[160] == {f: reads_each for f in FACTS}


def test_fact_sets_are_built_once_and_agree_with_the_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READINESS_TODAY", TODAY)
    a = Analysis(BoardStore.load(write_board(tmp_path / "b.toml", 120)).board)
    assert a.fact_sets is a.fact_sets
    for item_id in a.items:
        assert item_facts(item_id, a) == {f: item_id in getattr(a, f) for f in FACTS}
    assert all(getattr(a, f) for f in FACTS)  # the board has items of every fact
