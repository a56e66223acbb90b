"""Lint: each problem is found, located on the right line, and the seed boards are clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.lint import lint_path

from ..conftest import BOARDS

BAD = """#:schema ./board.schema.json
[board]
title = "bad"
today = 2026-02-20
suggested_order = ["B", "A"]
tittle = "typo"

[board.scoring]
factors = [{ key = "impact" }, { key = "risk" }]

[board.rules]
require_fields = ["owner"]

[[items]]
id = "A"
owner = "@a"
score_factors = { impact = 9, speed = 1 }
score = 3

[[items]]
id = "B"
owner = "@b"
depends_on = ["A", "E1", "CODEX-1..3"]
status = "done"
phase = "Z"

[[items]]
id = "A"
owner = "@c"

[[items]]
id = "C"
depends_on = ["D"]
parent = "nobody"
staus = "done"
target = "2026-W05"

[[items]]
id = "D"
depends_on = ["C"]

[[items]]
id = "E"
status = "blocked"
owner = "@e"

[[risks]]
id = "R-1"

[[risks]]
id = "R-2"
mitigated_by = ["ZZ"]

[[waivers]]
item = "C"
expires = 2026-02-01

[[waivers]]
item = "D"
expires = 2026-02-25

[[waivers]]
item = "E"

[matrix]
order = ["A", "B"]
rows = ["00", "00"]
"""


@pytest.fixture
def problems(tmp_path: Path) -> dict[str, list]:
    path = tmp_path / "bad.toml"
    path.write_text(BAD)
    found: dict[str, list] = {}
    for p in lint_path(path):
        found.setdefault(p.code, []).append(p)
    return found


def lines_of(problems: dict[str, list], code: str) -> list[int | None]:
    return sorted(p.line for p in problems[code])


def test_every_problem_is_found(problems: dict[str, list]) -> None:
    expected = {
        "duplicate-id",
        "unknown-dependency",
        "cycle",
        "unknown-parent",
        "unknown-phase",
        "uncovered-risk",
        "unknown-item",
        "waiver-expired",
        "waiver-expiring",
        "waiver-without-expiry",
        "matrix-disagrees",
        "order-violates-dependency",
        "unknown-score-factor",
        "score-out-of-range",
        "score-mismatch",
        "missing-field",
        "overdue",
        "unknown-key",
        "done-before-dependency",
        "blocked-without-dependency",
    }
    assert expected <= set(problems), expected - set(problems)


def test_problems_point_at_their_lines(problems: dict[str, list]) -> None:
    lines = BAD.splitlines()

    def at(code: str) -> list[str]:
        return [lines[n - 1] for n in lines_of(problems, code)]

    assert at("duplicate-id") == ['id = "A"']
    assert lines_of(problems, "duplicate-id") == [28]  # the second A, not the first
    assert at("cycle") == ['depends_on = ["D"]']
    assert at("unknown-parent") == ['parent = "nobody"']
    assert set(at("unknown-key")) == {'tittle = "typo"', 'staus = "done"'}
    assert at("waiver-expired") == ["expires = 2026-02-01"]
    assert at("order-violates-dependency") == ['suggested_order = ["B", "A"]']
    assert at("matrix-disagrees") == ['rows = ["00", "00"]']


def test_messages_help_fix_the_problem(problems: dict[str, list]) -> None:
    unknown = {p.message for p in problems["unknown-dependency"]}
    assert any("'E1'" in m and "did you mean E?" in m for m in unknown)
    assert any("ranges must be expanded" in m for m in unknown)
    assert any("did you mean 'status'" in p.message for p in problems["unknown-key"])
    cycle = problems["cycle"][0].message
    assert "C -> D -> C" in cycle  # starts at the earliest item, whatever the hash seed
    assert {p.item for p in problems["missing-field"]} == {"C", "D"}
    assert {p.level for p in problems["missing-field"]} == {"warning"}


def test_formatted_as_file_line_level_code(tmp_path: Path, problems: dict[str, list]) -> None:
    text = problems["duplicate-id"][0].format()
    assert text.startswith(str(tmp_path / "bad.toml") + ":28: ERROR duplicate-id A: ")


def test_syntax_error_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[board\ntitle = 1\n")
    (p,) = list(lint_path(path))
    assert (p.level, p.code, p.line) == ("error", "toml-syntax", 1)


@pytest.mark.parametrize("board", sorted(p.name for p in BOARDS.glob("*.toml")))
def test_seed_boards_have_no_lint_errors(board: str) -> None:
    errors = [p.format() for p in lint_path(BOARDS / board) if p.level == "error"]
    assert errors == []


def test_seed_001_reports_its_real_defects() -> None:
    found = {(p.code, p.item) for p in lint_path(BOARDS / "final-implementation-plan.toml")}
    # T-004, T-006 and T-013 are listed in two phases each in the plan itself.
    assert {("multiple-phases", "T-004"), ("multiple-phases", "T-006"), ("multiple-phases", "T-013")} <= found


@pytest.mark.parametrize("levels", [("error",), ("warning",), ("info",), ("error", "info")])
def test_a_lint_for_some_levels_finds_exactly_those_of_a_full_lint(tmp_path: Path, levels: tuple) -> None:
    """``lint -q`` asks for errors alone: the same errors, on the same lines, as a full lint's."""
    boards = [BOARDS / name for name in sorted(p.name for p in BOARDS.glob("*.toml"))]
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD)
    boards.append(bad)
    seen: set[str] = set()
    for board in boards:
        full = [p for p in lint_path(board).sorted() if p.level in levels]
        assert lint_path(board, levels).sorted() == full, board
        seen.update(p.code for p in full)
    assert seen  # the boards hold problems of these levels: the comparison compared something


def test_a_rule_declaring_its_levels_reports_no_other(tmp_path: Path) -> None:
    """A lint for other levels skips such a rule: one that reported an error it had not declared
    would lose that error from ``lint -q``."""
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.lint import RULES, LintContext
    from readiness_tui.core.lint.context import rule_levels

    bad = tmp_path / "bad.toml"
    bad.write_text(BAD)
    declared = [rule for rule in RULES if rule_levels(rule) is not None]
    assert len(declared) >= 5
    reported: dict[str, set[str]] = {}
    for board in [*sorted(BOARDS.glob("*.toml")), bad]:
        store = BoardStore.load(board)
        for rule in declared:
            ctx = LintContext(store, Analysis(store.board))
            rule(ctx)
            levels = {p.level for p in ctx.out.sorted()}
            assert levels <= rule_levels(rule), (rule.__name__, board.name, levels)
            reported.setdefault(rule.__name__, set()).update(levels)
    assert {name for name, levels in reported.items() if levels} >= {"overdue", "statuses_and_targets"}


def test_a_lint_for_errors_alone_works_out_no_items_children(tmp_path: Path) -> None:
    """The children of every item serve a warning alone (a done parent over open children):
    ``lint -q`` does not work them out; a full lint does, and warns."""
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.lint import lint_store

    board = tmp_path / "parent.toml"
    board.write_text(
        '[board]\ntitle = "P"\n\n[[items]]\nid = "P-1"\ntitle = "Parent"\nstatus = "done"\n\n'
        '[[items]]\nid = "C-1"\ntitle = "Child"\nparent = "P-1"\n'
    )
    store = BoardStore.load(board)
    quiet = Analysis(store.board)
    assert lint_store(store, quiet, ("error",)).sorted() == []
    assert "children" not in vars(quiet)
    full = Analysis(store.board)
    assert [p.code for p in lint_store(store, full).sorted() if p.level == "warning"] == ["done-with-open-children"]
    assert "children" in vars(full)


PHASED = """[board]
title = "phased"

[[phases]]
id = "P1"
items = ["A"]

[[phases]]
id = "P2"
items = ["B", "C"]

[[items]]
id = "A"
depends_on = ["B"]

[[items]]
id = "B"

[[items]]
id = "C"
phase = "P1"
depends_on = ["B"]
"""


def test_work_waiting_on_a_later_phase_is_a_warning_lint_q_does_not_look_for(tmp_path: Path) -> None:
    board = tmp_path / "phased.toml"
    board.write_text(PHASED)
    found = {(p.code, p.item, p.level) for p in lint_path(board)}
    # A (phase 1) waits on B (phase 2); C is listed in phase 2 but says phase 1: its earliest counts.
    assert {(c, i) for c, i, _ in found if c == "phase-order"} == {("phase-order", "A"), ("phase-order", "C")}
    assert {lv for c, _, lv in found if c == "phase-order"} == {"warning"}
    assert not [p for p in lint_path(board, ("error",)) if p.code == "phase-order"]
