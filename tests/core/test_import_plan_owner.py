"""The owner a plan names once, on the first line under its title (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = (
    "# Backend backlog\n\nOwner: backend dev. Build to the contract; most tickets harden the scaffold.\n\n"
    "## BE-1 · Health check\n\nDepends on: —\n\n## BE-2 · Sessions\n\nOwner: ana\n"
)


def _owners(md: str) -> dict[str, str | None]:
    result = import_markdown(md, "B.md")
    assert result.board is not None
    return {i.id: i.owner for i in result.board.items}


def test_the_plans_owner_goes_to_every_item_that_names_none() -> None:
    assert _owners(PLAN) == {"BE-1": "backend dev", "BE-2": "ana"}
    result = import_markdown(PLAN, "B.md")
    assert any("the plan's owner 'backend dev', said under its title" in line for line in result.report_lines)


def test_an_owner_line_further_down_the_introduction_is_not_the_plans() -> None:
    md = PLAN.replace("Owner: backend dev. Build", "Build").replace("scaffold.\n", "scaffold.\n\nOwner: backend dev.\n")
    assert not _owners(md)["BE-1"]


def test_a_sentence_is_no_owner() -> None:
    md = PLAN.replace(
        "Owner: backend dev.", "Owner: whoever picks the ticket up from the board first and runs with it."
    )
    assert not _owners(md)["BE-1"]
