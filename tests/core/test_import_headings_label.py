"""The ``headings`` relabel (issue 43): each heading right under the one relabelled is one item, its lists and
sub-headings what that item holds ("this heading level is one item each"); the headings beside it are left alone."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.guide import relabel_section
from readiness_tui.core.importers.guided.recipe import Recipe
from readiness_tui.core.importers.guided.recipe_file import parse_recipe

PLAN = """# DDI migration guide

# Prerequisites

## License Keys

- ensure that license keys are available on the first day

## Systems to be built

- Hostname
- Gateway

# Migration

## DNS Cutover

- switch the resolvers
- check the zones

### Baseline Test

- resolve the test names

# Appendix

## Agenda

- Welcome
"""


def _titles(recipe: Recipe | None) -> list[str]:
    result = import_markdown(PLAN, "plan.md", recipe=recipe)
    assert result.board is not None
    return [it.title for it in result.board.items]


def test_without_the_label_the_bullets_are_the_items() -> None:
    assert _titles(None) == [
        "ensure that license keys are available on the first day",
        "Hostname",
        "Gateway",
        "switch the resolvers",
        "check the zones",
        "resolve the test names",
        "Welcome",
    ]


def test_two_relabels_make_each_heading_under_them_one_item() -> None:
    recipe = relabel_section(relabel_section(Recipe(), "Prerequisites", "headings"), "Migration", "headings")
    assert _titles(recipe) == ["License Keys", "Systems to be built", "DNS Cutover"]
    result = import_markdown(PLAN, "plan.md", recipe=recipe)
    assert result.board is not None
    cutover = result.board.items[-1]
    # What the heading holds stays with its item, as under an "item" relabel.
    assert cutover.acceptance == ["switch the resolvers", "check the zones"]
    assert cutover.custom == {"baseline_test": ["resolve the test names"]}


def test_the_label_is_written_and_read_back_in_a_recipe_file() -> None:
    recipe = parse_recipe('[sections]\n"Prerequisites" = "headings"\n', "r.toml")
    # Items made, the plan is no longer one of plain lists only: the other parts' bullets are not read as work.
    assert _titles(recipe) == ["License Keys", "Systems to be built"]
