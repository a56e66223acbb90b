"""One rule for counting and ordering lint's problems (``core.problems``), used by the Problems
pane, the header's badge and ``readiness lint``; and ``LatestLint``, the last result kept by its
owner rather than in a module-wide slot."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.lint import LatestLint, lint_path
from readiness_tui.core.lint import run as lint_pkg
from readiness_tui.core.model.problems import LEVELS, LevelCounts, Problem, Problems, count_levels

BROKEN = '[[items]]\nid = "A"\ntitle = "a"\ndepends_on = ["B"]\nstatuss = "todo"\n\n[[items]]\nid = "C"\n'


def _problems(*specs: tuple[str, int]) -> Problems:
    out = Problems()
    for n, (level, line) in enumerate(specs):
        out.add(Problem(level, f"code{n}", f"message {n}", "b.toml", line))  # type: ignore[arg-type]
    return out


#: Two errors, two warnings and one info, out of line order.
MIXED = (("warning", 9), ("error", 5), ("info", 1), ("error", 2), ("warning", 3))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A board with errors and a warning (``BROKEN``)."""
    path = tmp_path / "bad.toml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_counts_name_each_level_in_words() -> None:
    found = _problems(*MIXED)
    counts = found.counts()
    assert counts == LevelCounts(errors=2, warnings=2, info=1)
    assert counts.flagged == 4  # info is only noted
    assert [counts.of(level) for level in LEVELS] == [2, 2, 1]
    assert counts.describe() == "2 errors · 2 warnings · 1 info"
    assert LevelCounts(1, 1, 0).describe(", ") == "1 error, 1 warning, 0 info"
    assert count_levels([]) == LevelCounts()


def test_the_pane_order_is_worst_first_and_the_cli_order_is_by_line() -> None:
    found = _problems(*MIXED)
    assert [(p.level, p.line) for p in found.worst_first()] == [
        ("error", 2),
        ("error", 5),
        ("warning", 3),
        ("warning", 9),
        ("info", 1),
    ]
    assert [p.line for p in found.sorted()] == [1, 2, 3, 5, 9]


def test_lint_prints_the_tally_on_stderr_and_exits_by_the_error_count(tmp_path: Path, broken: Path) -> None:
    counts = lint_path(broken).counts()
    assert counts.errors and counts.warnings  # the fixture has both
    res = CliRunner().invoke(cli, ["lint", str(broken)])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"readiness lint: {counts.describe(', ')}"
    assert "readiness lint:" not in res.stdout  # stdout stays one problem per line
    assert len(res.stdout.splitlines()) == len(lint_path(broken))
    # JSON carries the same error count; a warning-only board exits 0 and still says its tally.
    assert CliRunner().invoke(cli, ["lint", str(broken), "--json"]).output.count(f'"errors": {counts.errors}') == 1
    warn = tmp_path / "warn.toml"
    warn.write_text('[[items]]\nid = "A"\ntitle = "a"\nstatuss = "todo"\n', encoding="utf-8")
    res = CliRunner().invoke(cli, ["lint", str(warn)])
    assert res.exit_code == 0 and res.stderr.strip() == "readiness lint: 0 errors, 1 warning, 0 info"
    quiet = CliRunner().invoke(cli, ["lint", "-q", str(broken)])  # errors only, no tally
    assert quiet.exit_code == 1 and quiet.stderr == "" and len(quiet.stdout.splitlines()) == counts.errors


def test_latest_lint_is_kept_for_exactly_the_analysis_it_ran_on(broken: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = BoardStore.load(broken)
    calls: list[Analysis | None] = []
    real = lint_pkg.lint_store

    def counting(s: BoardStore, a: Analysis | None = None) -> Problems:
        calls.append(a)
        return real(s, a)

    monkeypatch.setattr(lint_pkg, "lint_store", counting)
    latest, other = LatestLint(), LatestLint()
    first = Analysis(store.board)
    found = latest.lint(store, first)
    assert latest.lint(store, first) is found and len(calls) == 1  # kept: not linted again
    assert latest.get(first) is found and other.get(first) is None  # each owner its own result
    assert latest.get(Analysis(store.board)) is None  # an equal board, another analysis: not reused
    assert latest.get(None) is None
    second = Analysis(store.board)
    assert latest.lint(store, second) is not found and len(calls) == 2
    assert latest.get(first) is None  # one slot: the older board's result is gone


def test_lint_stops_before_the_next_rule_when_asked(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import readiness_tui.core.lint.run as lint_pkg
    from readiness_tui.core.board.store import BoardStore

    ran: list[str] = []
    rules = tuple((lambda ctx, n=n: ran.append(n)) for n in "abc")
    monkeypatch.setattr(lint_pkg, "RULES", rules)
    store = BoardStore.from_text('[[items]]\nid = "A"\ntitle = "a"\n')
    asked: list[int] = []
    with pytest.raises(lint_pkg.LintStopped):
        lint_pkg.lint_store(store, stop=lambda: asked.append(1) or len(asked) > 2)
    assert ran == ["a", "b"]
    ran.clear()
    lint_pkg.lint_store(store, stop=lambda: False)
    assert ran == ["a", "b", "c"]
