"""Lint's overdue message names today, not the target a second time."""

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
