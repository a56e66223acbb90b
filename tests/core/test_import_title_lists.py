"""A list right under the plan's title: its work when nothing else is, else part of its introduction (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_plan_that_is_one_list_under_its_title_makes_its_entries_items() -> None:
    report, items = imported(
        "# Road Map\n\nThe breakdown of future contributions:\n\n- Sprints\n  - 30 day SLA to review PRs\n"
        "- Hackathons\n- Bug fixing\n"
    )
    assert [i.title for i in items.values()] == ["Sprints", "Hackathons", "Bug fixing"]
    assert "plan.md:5: used: list under 'Road Map', in a plan of plain lists only -> items T1 .. T3" in report


def test_a_list_under_the_title_beside_the_plans_items_is_its_introduction() -> None:
    from readiness_tui.core.importers import import_markdown

    result = import_markdown("# Plan\n\nIntro words.\n\n- note one\n- note two\n\n## Tasks\n\n- [ ] T-1 do\n", "p.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1"]
    assert [(s.title, s.body) for s in result.board.sections] == [
        ("Introduction", "Intro words.\n- note one\n- note two")
    ]
    assert "p.md:5: used: list under the title kept in the section 'Introduction'" in result.report_lines
