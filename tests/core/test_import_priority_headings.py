"""A heading that is a priority level and the word for priority, in either order and in the plan languages read
("Priorité haute", "Priority: High", "Hohe Priorität"), gives the work under it that priority; plain lists too."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown


@pytest.mark.parametrize(
    ("heading", "prio"),
    [("Priorité Haute", "P1"), ("Priority: High", "P1"), ("Hohe Priorität", "P1"), ("Prioridad baja", "P3")],
)
def test_a_priority_heading_ranks_its_boxes(heading: str, prio: str) -> None:
    md = f"# Plan\n\n## {heading}\n\n- [ ] Set up CI\n- [ ] Write the docs\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.priority for i in result.board.items] == [prio, prio]


def test_a_word_that_only_opens_with_a_level_is_no_priority() -> None:
    md = "# Plan\n\n## Priority highlights\n\n- [ ] Set up CI\n- [ ] Write the docs\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.priority for i in result.board.items] == [None, None]


def test_numbered_entries_of_a_plain_list_take_their_priority_heading() -> None:
    md = (
        "## Priorité Haute\n\n1. Validation des tâches :\n\n    - Refuser une tâche sans titre.\n\n"
        "## Priorité Basse\n\n1. Extension web :\n\n    - Afficher les tâches sur chaque page.\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [(i.title, i.priority) for i in result.board.items] == [
        ("Validation des tâches", "P1"),
        ("Extension web", "P3"),
    ]


def test_a_priority_heading_labelled_items_keeps_its_priority() -> None:
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    md = "# Plan\n\n## Priorité Haute\n\n- Valider les tâches\n- Sauver les tâches\n\n## Priorité Basse\n\n- Extension web\n"
    result = import_markdown(md, "PLAN.md", recipe=parse_recipe('[sections]\n"Priorité *" = "items"\n', "r.toml"))
    assert result.board is not None, "\n".join(result.report_lines)
    assert [i.priority for i in result.board.items] == ["P1", "P1", "P3"]


def test_a_five_level_scales_last_step_is_the_boards_lowest() -> None:
    # "## Backlog (P4)": the board's scale ends at P3, so P4 is read as P3, as "Lowest" is.
    md = "# Tasks by priority\n\n## Backlog (P4)\n\n| Task ID | Task Name | Status |\n|---|---|---|\n"
    md += "| T-013 | Explore AI recommendations | Backlog |\n| T-014 | Evaluate vendors | Backlog |\n"
    result = import_markdown(md, "tasks.md")
    assert result.board is not None
    assert [i.priority for i in result.board.items] == ["P3", "P3"]


def test_a_level_of_priority_after_a_phase_label_ranks_the_phase() -> None:
    md = "# Coverage plan\n\n### Phase 1: High Priority Resource Completion (9 resources)\n\n#### ServiceRequest\n"
    md += "- [ ] **SERV-001** Document the search parameters\n\n### Phase 2: Medium Priority Resources\n\n"
    md += "#### Goal\n- [ ] **GOAL-001** Document the lifecycle\n\n### Phase 3: Cleanup\n\n#### Misc\n"
    md += "- [ ] **MISC-001** Remove the old pages\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.id, i.priority) for i in result.board.items] == [
        ("SERV-001", "P1"),
        ("GOAL-001", "P2"),
        ("MISC-001", None),
    ]


def test_a_word_glossed_by_its_moscow_rank_in_brackets_ranks_the_boxes_under_it() -> None:
    md = (
        "# Release Checklist\n\n## Initial Release\n\n### Critical (Must Have)\n\n- [ ] All unit tests pass\n\n"
        "### Important (Should Have)\n\n- [ ] Performance testing\n\n### Optional (Nice to Have)\n\n"
        "- [ ] Full UI test coverage\n\n### Important notes (see the wiki)\n\n- [ ] Read the wiki\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.title, i.priority) for i in result.board.items] == [
        ("All unit tests pass", "P0"),
        ("Performance testing", "P1"),
        ("Full UI test coverage", "P3"),
        ("Read the wiki", None),
    ]


def test_high_mid_and_low_headings_rank_their_boxes() -> None:
    md = "# Plan\n\n## High Priority\n\n- [ ] Set up CI\n\n## Mid Priority\n\n- [ ] Write the docs\n\n## Low Priority\n\n- [ ] Logo\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.priority for i in result.board.items] == ["P1", "P2", "P3"]
