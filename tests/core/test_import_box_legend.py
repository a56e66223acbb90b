"""A plan's checkbox legend says what its marks mean (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.box_legends import box_legend
from readiness_tui.core.importers.vocabulary.statuses import exact_status


def test_a_legend_line_maps_marks_to_statuses() -> None:
    text = "# P\n\nKey: `[x]` done · `[~]` in review · `[ ]` open · `[-]` on hold\n"
    assert box_legend(text) == (3, {"x": "done", "~": "review", " ": "todo", "-": "blocked"})


def test_legend_words_in_other_scripts() -> None:
    assert box_legend("상태: `[x]` 완료 · `[~]` 진행 중 · `[-]` 보류")[1] == {
        "x": "done",
        "~": "in_progress",
        "-": "blocked",
    }
    assert exact_status("未开始") == "todo" and exact_status("完了") == "done"


def test_a_checklist_entry_or_one_mark_is_no_legend() -> None:
    assert box_legend("- [x] done with `[ ]` open items") == (0, {})
    assert box_legend("Tick `[x]` when done.") == (0, {})
    assert box_legend("```\n[x] done | [-] blocked\n```") == (0, {})


def test_boxes_take_the_legends_meaning() -> None:
    md = "# P\n\n`[x]` done, `[-]` on hold\n\n## Work\n\n- [x] T-1 Build\n- [-] T-2 Ship\n  - [-] T-3 Sign\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"T-1": "done", "T-2": "blocked", "T-3": "blocked"}


def test_without_a_legend_a_dash_box_is_cancelled() -> None:
    result = import_markdown("# P\n\n## Work\n\n- [x] T-1 Build\n- [-] T-2 Ship\n", "P.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"T-1": "done", "T-2": "cancelled"}


def test_a_checklist_of_marks_and_state_words_is_the_key_not_work() -> None:
    md = (
        "# Dashboard plan\n\n## Development Status Key\n\n- [x] Developed\n- [-] In Progress\n- [ ] Not Started\n"
        "- [~] Not Required\n\n## Setup\n\n- [x] Initialize the project\n- [-] Add the map\n- [~] Add the radar\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.title: i.status for i in result.board.items} == {
        "Initialize the project": "done",
        "Add the map": "in_progress",
        "Add the radar": "cancelled",
    }
    assert any(
        "checkbox legend: [x] done, [-] in_progress, [ ] todo, [~] cancelled" in ln for ln in result.report_lines
    )


def test_a_checklist_with_one_word_of_work_is_no_key() -> None:
    assert box_legend("- [x] Done\n- [ ] Deploy\n- [-] Blocked\n") == (0, {})


def test_a_checklist_of_marks_drawn_in_the_box_is_the_key_not_work() -> None:
    # Before: "## Status Indicators" over "- [❌] Not started" .. "- [⚠️] Blocked/Issues" made four items.
    text = (
        "# RBAC steps\n\n## Roles\n- [✅] Create the Role model\n- [🚧] Add role caching\n\n"
        "## Status Indicators\n- [❌] Not started\n- [🚧] In progress\n- [✅] Completed\n- [⚠️] Blocked/Issues\n"
    )
    assert box_legend(text)[1] == {"❌": "todo", "🚧": "in_progress", "✅": "done", "⚠️": "blocked"}
    result = import_markdown(text, "plan.md")
    assert result.board is not None
    assert [(i.title, i.status) for i in result.board.items] == [
        ("Create the Role model", "done"),
        ("Add role caching", "in_progress"),
    ]
