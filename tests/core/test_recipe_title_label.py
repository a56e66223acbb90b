"""A ``[sections]`` label on the plan's title: it is for the blocks right under the title (and, ``item``, for the
title as one item); the plan's other sections are read as ever (issue 43's guided import)."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# Billing service plan

- Goal: one invoice path for every region
- Owner of the plan: the payments team

## Tasks

- Add the invoice table
- Move refunds onto the new path
"""


def test_unlabelled_the_lines_under_the_title_are_read_as_the_plan_says() -> None:
    titles = [i.title for i in items_of(imported_with(PLAN, None)).values()]
    assert "Add the invoice table" in titles and "Move refunds onto the new path" in titles


def test_text_on_the_title_keeps_its_own_list_out_and_reads_the_sections_under_it() -> None:
    result = imported_with(PLAN, '[sections]\n"Billing service plan" = "text"\n')
    titles = [i.title for i in items_of(result).values()]
    assert titles == ["Add the invoice table", "Move refunds onto the new path"]
    report = report_of(result)
    assert "the recipe says text" in report and "matches no section" not in report
    assert result.board is not None and result.board.board.title == "Billing service plan"


def test_items_on_the_title_makes_its_own_list_items_and_leaves_the_sections_alone() -> None:
    plan = PLAN.replace(
        "- Goal: one invoice path for every region\n- Owner of the plan: the payments team",
        "- Draft the rollout\n- Book the review",
    )
    plan += "\n## Notes\n\n- We met on Monday\n- Finance agreed\n"
    result = imported_with(plan, '[sections]\n"Billing service plan" = "items"\n')
    titles = [i.title for i in items_of(result).values()]
    assert titles[:2] == ["Draft the rollout", "Book the review"]
    assert "Add the invoice table" in titles
    assert "We met on Monday" not in titles  # the title's label does not reach "## Notes"


def test_skip_on_the_title_reports_its_blocks_and_reads_the_rest() -> None:
    plan = PLAN.replace(
        "- Goal: one invoice path for every region\n- Owner of the plan: the payments team",
        "- Draft the rollout\n- Book the review",
    )
    result = imported_with(plan, '[sections]\n"Billing service plan" = "skip"\n')
    titles = [i.title for i in items_of(result).values()]
    assert titles == ["Add the invoice table", "Move refunds onto the new path"]
    assert "listblock under 'Billing service plan': the recipe says skip" in report_of(result)


def test_item_on_the_title_makes_a_one_ticket_file_its_item() -> None:
    plan = """# SEC-003: Rotate the signing keys

**Status:** In progress
**Owner:** dana

Rotate every signing key and record where each is used.

## Acceptance

- [ ] Old keys revoked
- [ ] New keys in the vault
"""
    assert "SEC-003" not in items_of(imported_with(plan, None))  # unlabelled, the title is the board's
    result = imported_with(plan, '[sections]\n"SEC-003: Rotate the signing keys" = "item"\n')
    items = items_of(result)
    assert list(items) == ["SEC-003"]
    item = items["SEC-003"]
    assert (item.title, item.status, item.owner) == ("Rotate the signing keys", "in_progress", "dana")
