"""Lint looks for statuses written as aliases a run of segments at a time: the board's text is
never joined whole for it, and a run's edge moves no warning to another line."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from readiness_tui.bench.generate import write_board
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.lint import aliases
from readiness_tui.core.lint.context import LintContext
from readiness_tui.core.lint.run import lint_store


def board_with_aliases(n: int) -> str:
    rows = []
    for k in range(n):
        status = '"Done"' if k % 7 == 3 else '"todo"'
        rows.append(
            f'# row {k}\n[[items]]\nid = "A{k}"\ntitle = "t"\nstatus = {status}\n\n[items.gate]\nverify = "x"\n\n'
        )
    return '[board]\ntitle = "t"\n\n' + "".join(rows) + '[[deliverables]]\npath = "d.md"\nstatus = "WIP"\n'


def alias_lines(path: Path) -> list[tuple[int | None, str | None]]:
    store = BoardStore.load(path)
    return [(p.line, p.item) for p in lint_store(store).items if p.code == "status-alias"]


@pytest.mark.parametrize("chars", [1, 40, 333, 1 << 18])
def test_every_alias_is_found_on_its_own_line_whatever_the_run_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chars: int
) -> None:
    path = tmp_path / "b.toml"
    path.write_text(board_with_aliases(30), encoding="utf-8")
    # Three lines of [board], nine a row; "Done" on rows 3, 10, 17 and 24, on each row's fifth line.
    expected: list[tuple[int | None, str | None]] = [(35, "A3"), (98, "A10"), (161, "A17"), (224, "A24")]
    expected.append((276, None))  # the deliverable's status, after the 30 rows (273 lines)
    monkeypatch.setattr(aliases, "CHUNK_CHARS", chars)
    assert alias_lines(path) == expected


@pytest.mark.parametrize(
    ("parts", "size", "runs"),
    [
        (["ab", "c", "def", "g"], 3, [(0, "abc"), (2, "def"), (3, "g")]),
        (["ab", "c"], 100, [(0, "abc")]),
        (["abcd", "e"], 1, [(0, "abcd"), (1, "e")]),
        ([], 5, []),
    ],
)
def test_runs_keep_whole_parts_and_name_their_first(parts: list[str], size: int, runs: list[tuple[int, str]]) -> None:
    assert list(aliases.segment_runs(parts, size)) == runs


def test_the_alias_rule_holds_no_copy_of_the_whole_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aliases, "CHUNK_CHARS", 64 * 1024)  # runs far shorter than this board
    path = write_board(tmp_path / "big.toml", 3000)
    store = BoardStore.load(path)
    store.set_fields(store.board.items[0].id, {"status": "done"})  # held as segments, as after an edit
    size = len(store.text())
    assert size > 1_000_000
    ctx = LintContext(store, Analysis(store.board))
    ctx.lines  # noqa: B018 - counted before measuring, as the rules before this one do
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        aliases.status_aliases(ctx)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    # Before: the store's text joined whole (its size in bytes, for this ASCII board).
    assert peak < size / 2, f"the rule peaked at {peak / 1e6:.2f} MB for a {size / 1e6:.1f} MB text"
