"""Bold id-and-title lines over a list of ``Key: value`` bullets are items (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.refs import ids_in_text, parse_refs

_PLAN = """# Plan

## Phase 1: Build

**T-3 — Write the parser**
- Depends on:  —
- Owner:       Ana
- Description: Reads the files and
               reports bad lines.

**T-4: Ship it**
- Depends on: T-3
- Status: done
"""


def test_a_bold_id_line_over_field_bullets_is_an_item_with_those_fields() -> None:
    result = import_markdown(_PLAN, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    items = {i.id: i for i in result.board.items}
    assert sorted(items) == ["T-3", "T-4"]
    assert items["T-3"].owner == "Ana" and items["T-3"].depends_on == []
    assert "reports bad lines" in items["T-3"].description
    assert items["T-4"].depends_on == ["T-3"] and items["T-4"].status == "done"
    assert items["T-4"].phase == "1"
    assert any("bold line 'T-3'" in line for line in result.report_lines)


def test_a_bold_id_line_without_fields_beneath_is_no_item() -> None:
    result = import_markdown("# Plan\n\n## Notes\n\n**T-9: Remember the demo**\n\nWe meet on Friday.\n", "P.md")
    assert result.board is not None
    assert result.board.items == []


def test_a_bold_id_line_over_a_plain_list_is_no_item() -> None:
    md = "# Plan\n\n## Notes\n\n**T-9: Ideas**\n- faster builds\n- fewer flaky tests\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == []


def test_bare_numbers_after_an_id_name_its_siblings() -> None:
    assert ids_in_text("TASK-015, 016, 018") == ["TASK-015", "TASK-016", "TASK-018"]
    assert parse_refs("T-07, 08").ids == ["T-07", "T-08"]
    # A number of another width is no sibling: a year, a count.
    assert ids_in_text("PR-102, 2024") == ["PR-102"]


def test_a_run_of_bold_id_lines_opening_paragraphs_are_items_whatever_follows() -> None:
    plan = (
        "# Phase 08\n\n## Tasks\n\n**T08.1 - Bounded parallelism**\nDefault 8 in flight per trade.\n"
        "*Acceptance:* at most 8 concurrent sends.\n\n**T08.2 - Fair queueing**\nRound-robin across tenants.\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [
        ("T08.1", "Bounded parallelism"),
        ("T08.2", "Fair queueing"),
    ]


def test_one_bold_id_line_in_prose_stays_prose() -> None:
    plan = "# P\n\n## Notes\n\n**T-9 - see the audit**\nWe keep it as a reference.\n"
    result = import_markdown(plan, "P.md")
    assert result.board is not None and result.board.items == []


def test_a_run_of_bold_issue_lines_with_words_after_the_bold_are_items() -> None:
    plan = (
        "# Roadmap\n\n## Phase 2\n\n**#88 - Environment doctor** (1-2 days)\n- Check the binaries\n\n"
        "**#89 - Session manager** (2-3 days) ⚠️ CRITICAL\n- Locks and cancellation\n"
    )
    result = import_markdown(plan, "R.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["#88", "#89"]
    assert result.board.items[1].title.startswith("Session manager")
