"""The recipe's ``[options] plain_lists = "labelled"`` (issue 43's guided import): in a plan of plain lists (a PRD),
labelling the one section of work leaves every other list read as work; with the option, only the labelled
sections hold items."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# PRD: Webhook relay

## Users and jobs
- Platform engineer: deliver every event reliably
- SRE: alert me before customers notice

## Minimal API
- `POST /v1/endpoints` create endpoint
- `POST /v1/replays` replay deliveries

## MVP dev plan
- Build the ingest endpoint
- Build the retry worker
"""

LABELLED = '[sections]\n"MVP dev plan" = "items"\n'


def _titles(recipe: str) -> list[str]:
    return [i.title for i in items_of(imported_with(PLAN, recipe)).values()]


def test_labelling_one_section_leaves_the_other_plain_lists_as_work() -> None:
    assert "SRE: alert me before customers notice" in _titles(LABELLED)


def test_with_the_option_only_the_labelled_section_holds_items() -> None:
    result = imported_with(PLAN, LABELLED + '[options]\nplain_lists = "labelled"\n')
    assert [i.title for i in items_of(result).values()] == ["Build the ingest endpoint", "Build the retry worker"]
    assert "plain lists outside the sections the recipe labels items are not read as work (recipe)" in report_of(result)
