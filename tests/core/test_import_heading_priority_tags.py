"""A priority word in square brackets closing a heading ("### Day 1-2: Fixes [URGENT]") ranks the work under it,
the lists led in as work beneath its subheadings too; a bracketed word that is no priority ranks nothing."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_a_bracketed_priority_closing_a_heading_ranks_its_boxes() -> None:
    md = "# Plan\n\n### Day 1-2: Fixes [URGENT]\n\n- [ ] Fix imports\n\n### Day 7: Docs [MEDIUM]\n\n- [ ] Write docs\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.priority for i in result.board.items] == ["P0", "P2"]


def test_a_bracketed_word_that_is_no_priority_ranks_nothing() -> None:
    md = "# Plan\n\n### Notes [WIP]\n\n- [ ] Fix imports\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.priority for i in result.board.items] == [None]


def test_lists_led_in_as_work_under_a_ranked_heading_take_its_priority() -> None:
    md = (
        "# Week 1\n\n## Actions\n\n### Day 3-4: Scripts [HIGH]\n\n#### Script audit\n\n**Actions**:\n"
        "1. Test all scripts\n2. Remove obsolete scripts\n\n#### Script cleanup\n\n1. Group the scripts\n"
        "2. Document the rest\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.title: i.priority for i in result.board.items}
    assert got["Test all scripts"] == "P1"
    assert got["Remove obsolete scripts"] == "P1"
