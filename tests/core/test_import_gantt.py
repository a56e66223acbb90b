"""Mermaid gantt charts (issue 43): tasks with ids become items, ``after`` their dependencies."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.fenced import is_gantt, parse_gantt


def _items(md: str) -> dict[str, object]:
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return {i.id: i for i in result.board.items}


def test_task_line_fields_follow_mermaid_grammar() -> None:
    tasks, odd = parse_gantt(
        "gantt\n  dateFormat YYYY-MM-DD\n  section Build\n"
        "  Ledger :done, crit, led1, 2025-03-03, 2025-03-10\n"
        "  Recon :rec1, after led1 tok1, 5d\n"
        "  Offsite :2025-04-01, 2d\n"
        "  a stray line\n",
        1,
    )
    led, rec, off = tasks
    assert (led.id, led.tags, led.start, led.end, led.section) == (
        "led1",
        ["done", "crit"],
        "2025-03-03",
        "2025-03-10",
        "Build",
    )
    assert (rec.id, rec.after, rec.end) == ("rec1", ["led1", "tok1"], None)
    assert off.id is None and off.start == "2025-04-01"
    assert odd == [(7, "gantt line 'a stray line' is not a task (no ':')")]


def test_only_a_chart_whose_first_word_is_gantt_is_read() -> None:
    assert is_gantt("%% comment\ngantt\n  A :a1, 1d")
    assert not is_gantt("graph LR\n  a --> b")


def test_chart_in_any_section_makes_items_statuses_and_dependencies() -> None:
    items = _items(
        "# Plan\n\n## Timeline\n\n```mermaid\ngantt\n  A :done, a1, 2025-01-01, 3d\n"
        "  B :active, b1, after a1, 2025-01-09\n  C :c1, after b1 zz, 2d\n```\n"
    )
    assert {k: (v.status, v.depends_on) for k, v in items.items()} == {  # type: ignore[attr-defined]
        "a1": ("done", []),
        "b1": ("in_progress", ["a1"]),
        "c1": ("todo", ["b1"]),
    }
    assert items["b1"].target == "2025-01-09"  # type: ignore[attr-defined]


def test_task_without_id_and_unknown_after_are_reported_not_invented() -> None:
    result = import_markdown("# P\n\n```mermaid\ngantt\n  A :a1, after nope, 1d\n  Lunch :1d\n```\n", "P.md")
    assert result.board is not None and [i.id for i in result.board.items] == ["a1"]
    lines = "\n".join(result.report_lines)
    assert "gantt task 'Lunch' has no id" in lines and "'after nope' names no task of the plan" in lines


def test_hugo_shortcode_is_read_as_a_fence_and_other_diagrams_make_no_items() -> None:
    items = _items(
        "# P\n\n## Chart\n\n{{< mermaid >}}\ngantt\n  X :x1, 2025-01-01, 1d\n  Y :y1, after x1, 1d\n{{< /mermaid >}}\n\n"
        "## Graph\n\n```mermaid\ngraph LR\n  x1 --> y1\n```\n"
    )
    assert sorted(items) == ["x1", "y1"] and items["y1"].depends_on == ["x1"]  # type: ignore[attr-defined]


def test_a_task_without_id_that_states_its_state_or_waits_is_work() -> None:
    chart = (
        "# P\n\n```mermaid\ngantt\n  Design :done, des, 2024-10-06, 30d\n  Architecture review :done, 2024-10-18, 20d\n"
    )
    chart += "  Fixes :after des, 6w\n  Team offsite :2025-04-01, 2d\n```\n"
    result = import_markdown(chart, "P.md")
    assert result.board is not None
    assert [(i.id, i.title, i.status, i.depends_on) for i in result.board.items] == [
        ("des", "Design", "done", []),
        ("T1", "Architecture review", "done", []),
        ("T2", "Fixes", "todo", ["des"]),
    ]
    assert "gantt task 'Team offsite' has no id" in "\n".join(result.report_lines)


SCHEDULED = """# Forum roadmap

## Roadmap Overview

```mermaid
gantt
    dateFormat YYYY-MM-DD
    section Foundation
    Core Forum System     :done, foundation, 2024-01-01, 2024-03-31
    Authentication        :done, auth, 2024-02-01, 2024-03-15
    section Growth
    Mobile App            :app, 2024-10-01, 2024-12-31
```

## Phase 1: Foundation

- [x] Basic forum structure
- [x] User registration and login
- [x] Post and reply threads

## Phase 2: Growth

- [ ] React Native app
- [ ] Push notifications
"""


def test_a_gantt_beside_the_work_listed_in_full_is_its_schedule_not_items() -> None:
    # The bars name the work again, coarser ("Core Forum System"): the plan's items are its checklists.
    result = import_markdown(SCHEDULED, "PLAN.md")
    assert result.board is not None
    titles = [i.title for i in result.board.items]
    assert titles == [
        "Basic forum structure",
        "User registration and login",
        "Post and reply threads",
        "React Native app",
        "Push notifications",
    ]
    assert any(
        "gantt chart: a schedule of the work the plan lists elsewhere (5 items beside its 3 bars); its bars are no items"
        in line
        for line in result.report_lines
    )


def test_a_gantt_labelled_items_keeps_its_bars() -> None:
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    recipe = parse_recipe('[sections]\n"Roadmap Overview" = "items"\n', "r.toml")
    result = import_markdown(SCHEDULED, "PLAN.md", recipe=recipe)
    assert result.board is not None
    assert {"foundation", "auth", "app"} <= {i.id for i in result.board.items}
