"""Lint says what it means: the overdue message names today (not the target a second time), a
duplicate id of any record kind names both lines."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.lint import lint_path

BOARD = """[board]
title = "late"
today = 2026-03-10

[[items]]
id = "A"
title = "a date"
target = 2026-02-22

[[items]]
id = "B"
title = "a week"
target = "2026-W09"
"""


def test_overdue_names_today_and_a_weeks_last_day(tmp_path: Path) -> None:
    path = tmp_path / "late.toml"
    path.write_text(BOARD, encoding="utf-8")
    messages = {p.item: p.message for p in lint_path(path) if p.code == "overdue"}
    assert messages == {
        "A": "A: target 2026-02-22 passed (today is 2026-03-10) and it is todo",
        "B": "B: target 2026-W09 (due 2026-03-01) passed (today is 2026-03-10) and it is todo",
    }


DUPLICATES = """[board]
title = "twice"

[[items]]
id = "T1"
title = "t"

[[phases]]
id = "A"

[[phases]]
id = "A"

[[milestones]]
id = "M1"

[[milestones]]
id = "M1"

[[waivers]]
id = "W-1"
item = "T1"
expires = 2099-01-01

[[waivers]]
id = "W-1"
item = "T1"
expires = 2099-01-01

[[risks]]
id = "R-1"
mitigated_by = ["T1"]

[[risks]]
id = "R-1"
mitigated_by = ["T1"]
"""


def test_a_duplicate_id_is_reported_per_kind_naming_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "twice.toml"
    path.write_text(DUPLICATES, encoding="utf-8")
    found = sorted((p.line, p.message) for p in lint_path(path) if p.code == "duplicate-id")
    assert found == [
        (12, "phase id A is also used by the phase on line 9"),
        (18, "milestone id M1 is also used by the milestone on line 15"),
        (26, "waiver id W-1 is also used by the waiver on line 21"),
        (35, "risk id R-1 is also used by the risk on line 31"),
    ]
