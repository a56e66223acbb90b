"""A struck-through row is closed: cancelled, unless its own status cell (not struck) says how (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.model.item_model import Item
from tests.core.import_plan import imported

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "struck_rows.md"


def _items() -> tuple[str, dict[str, Item]]:
    result = import_markdown(PLAN.read_text(encoding="utf-8"), PLAN.name)
    assert result.board is not None, "\n".join(result.report_lines)
    return "\n".join(result.report_lines), {i.id: i for i in result.board.items}


def test_a_stated_state_beats_the_strike() -> None:
    report, items = _items()
    assert items["T-02"].status == "done"
    assert items["T-05"].status == "in_progress"
    assert "T-02: its id is struck through and its status cell says done: kept" in report


def test_a_struck_row_with_no_state_is_cancelled() -> None:
    _, items = _items()
    assert items["T-03"].status == "cancelled"  # empty status cell
    assert items["I-2"].status == "cancelled"  # no status column


def test_a_struck_status_cell_is_no_stated_state() -> None:
    _, items = _items()
    assert items["T-04"].status == "cancelled"


def test_rows_not_struck_keep_their_status() -> None:
    _, items = _items()
    assert items["T-01"].status == "todo" and items["I-1"].status == "todo"


def test_a_struck_title_closes_a_row_of_a_table_with_no_id_column() -> None:
    lines, items = imported(
        "## Next steps\n\n"
        "| Priority | Task | Owner |\n|---|---|---|\n"
        "| ~~High~~ | ~~Fix the naming clash~~ | ~~Bridge~~ |\n"
        "| Medium | Run the end-to-end tests | Testing |\n"
    )
    struck, open_ = sorted(items.values(), key=lambda i: i.title)
    assert (struck.title, struck.status, struck.owner, struck.priority) == (
        "Fix the naming clash",
        "cancelled",
        "Bridge",
        "P1",
    )
    assert open_.status == "todo"
    assert any(f"{struck.id}: its row is struck through: cancelled" in line for line in lines)


def test_entries_struck_through_and_closed_by_a_done_mark_are_done_items() -> None:
    md = (
        "# Checklist\n\n## COMPLETED TASKS ✓\n\n### Page Layout\n"
        "- ~~Remove max-width from /services~~ ✓ **DONE** - Removed the class, now full-width\n"
        "- ~~Fix the back button on /dashboard~~ ✓ **DONE**\n\n### Style Guide\n"
        "- ~~Create the /styleguide page~~ ✅ **DONE** (2026-01-15)\n\n## PENDING TASKS\n\n### Admin\n"
        "- [ ] Audit the admin paths\n- ~~Expand the /tokens page~~ ✅ **DONE**\n"
    )
    report, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Remove max-width from /services", "done"),
        ("Fix the back button on /dashboard", "done"),
        ("Create the /styleguide page", "done"),
        ("Audit the admin paths", "todo"),
        ("Expand the /tokens page", "done"),
    ]
    first = next(iter(items.values()))
    assert "Removed the class, now full-width" in first.description


def test_a_label_in_bold_holding_a_state_mark_says_the_entrys_state() -> None:
    md = (
        "# Go-live plan\n\n## Readiness ledger\n\n### 4a.1 · Performance\n- **Built ✅** CloudFront CDN and autoscale\n"
        "- **Owed ⬜** Load and spike test before GA\n\n### 4a.2 · Resilience\n- **Built ✅** Multi-AZ database\n"
        "- **Owed ⬜** Region-loss drill\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("CloudFront CDN and autoscale", "done"),
        ("Load and spike test before GA", "todo"),
        ("Multi-AZ database", "done"),
        ("Region-loss drill", "todo"),
    ]


def test_rows_struck_with_single_tildes_are_read_and_a_struck_done_stays_done() -> None:
    plan = """| ID | User Story | Owner | Status |
|----|------------|-------|--------|
|~001~| ~As a member, I want a vision statement~ | ~Ana~ | ~COMPLETED~ |
|~002~| ~As a member, I want a burndown chart~ | ~Bo~ | ~NOT STARTED~ |
|003| As a user, I want to add movies to my backlog | Cy | IN PROGRESS |
"""
    _, items = imported(plan)
    assert [(i.id, i.title, i.owner, i.status) for i in items.values()] == [
        ("001", "As a member, I want a vision statement", "Ana", "done"),
        ("002", "As a member, I want a burndown chart", "Bo", "cancelled"),
        ("003", "As a user, I want to add movies to my backlog", "Cy", "in_progress"),
    ]
