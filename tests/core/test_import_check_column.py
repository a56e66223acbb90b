"""A release checklist's numbered rows named only in a "Check" column are its items; a "Check" column beside a
title is the rows' verify command, as before (issue 43)."""

from __future__ import annotations

from .import_plan import imported


def test_numbered_checks_with_a_status_column_are_the_items() -> None:
    _, items = imported(
        "# Release checklist\n\n## Pre-release validation\n\n| # | Check | Status | Notes |\n|---|---|---|---|\n"
        "| 1 | **CI** - all workflows pass on main | ✅ | ci.yml |\n"
        "| 2 | **Lint** - `pnpm lint` exits 0 | | all packages |\n"
        "| 3 | **Health check** - `/health` returns 200 | | |\n"
    )
    assert {i: (t.title, t.status) for i, t in items.items()} == {
        "1": ("CI - all workflows pass on main", "done"),
        "2": ("Lint - `pnpm lint` exits 0", "todo"),
        "3": ("Health check - `/health` returns 200", "todo"),
    }


def test_a_check_column_beside_a_title_is_the_verify_command() -> None:
    _, items = imported(
        "# Tracker\n\n| ID | Task | Check | Status |\n|---|---|---|---|\n"
        "| T-1 | Lint clean | `make lint` | done |\n| T-2 | Tests pass | `make test` | todo |\n"
    )
    assert items["T-1"].title == "Lint clean"
    assert items["T-1"].gate is not None and items["T-1"].gate.verify == "make lint"
