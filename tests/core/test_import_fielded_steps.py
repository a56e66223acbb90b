"""Numbered steps under phase headings that carry an item's fields are the items (issue 43)."""

from __future__ import annotations

from typing import Any

from readiness_tui.core.importers import import_markdown

PLAN = (
    "# Execution plan\n\n## Execution order\n\n### Phase 1: Data layer\n\n"
    "1. **VoteType.java** - Create the enum\n   - Depends on: none\n   - Pattern: Kind.java\n\n"
    "2. **Comment.java** - Comment entity\n   - Depends on: Step 1\n\n"
    "### Phase 2: Database\n\n3. **V015__comments.sql** - Migration\n   - Depends on: Steps 1, 2\n\n"
    "### Phase 3: Tests\n\n4. **CommentTest.java** - Unit tests\n   - Tests: UT1, UT2\n"
)


def _items(md: str) -> dict[str, Any]:
    result = import_markdown(md, "E.md")
    assert result.board is not None
    return {i.id: i for i in result.board.items}


def test_steps_with_fields_under_phase_headings_are_the_items_not_the_phases() -> None:
    items = _items(PLAN)
    assert list(items) == ["1", "2", "3", "4"]
    assert items["2"].title == "Comment.java" and items["2"].phase == "1"
    assert items["3"].depends_on == ["1", "2"] and items["3"].phase == "2"


def test_a_later_list_that_goes_on_numbering_the_steps_is_more_of_them() -> None:
    items = _items(PLAN)
    assert items["4"].title == "CommentTest.java" and items["4"].phase == "3"


def test_phase_headings_over_plain_steps_group_the_steps() -> None:
    md = "# Plan\n\n## Phase 1: Audit\n\n1. List the hosts\n2. Tag them\n\n## Phase 2: Patch\n\n1. Patch the kernel\n"
    assert [i.title for i in _items(md).values()] == ["List the hosts", "Tag them", "Patch the kernel"]


def test_plain_numbered_entries_over_their_fields_are_items() -> None:
    md = (
        "# NFR Backlog\n\n## Starter NFRs\n\n1. Linting on PRs and Release Branches\n   - Category: Code Quality\n"
        "   - Owner: Platform / Engineering\n   - Priority: High\n   - Notes: Implemented via lint.yml.\n\n"
        "2. Secrets & SAST Scans\n   - Category: Security\n   - Owner: Security\n   - Priority: Medium\n\n"
        "## Next Actions\n\n- [ ] Assign the owners\n- [ ] Schedule the review\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.id: (i.title, i.owner, i.priority) for i in result.board.items if i.id in ("1", "2")}
    assert got == {
        "1": ("Linting on PRs and Release Branches", "Platform", "P1"),
        "2": ("Secrets & SAST Scans", "Security", "P2"),
    }
    assert len(result.board.items) == 4


def test_plain_numbered_entries_over_notes_stay_text() -> None:
    md = "# Notes\n\n## Lessons\n\n1. Caching\n   - it was slow\n2. Logging\n   - too noisy\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert result.board.items == []
