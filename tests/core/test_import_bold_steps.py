"""Numbered steps with bold titles (issue 43), and commands in code spans that are no ids."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.patterns import entry_id


def _items(md: str) -> dict[str, str]:
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return {i.id: i.description for i in result.board.items}


def test_bold_steps_under_a_work_heading_are_items_with_their_details() -> None:
    got = _items(
        "# P\n\n## Implementation order\n\n1. **Setup**: repo and CI\n   - review it\n2. **Profiles**: loader\n"
    )
    assert sorted(got) == ["1", "2"]
    assert "repo and CI" in got["1"] and "review it" in got["1"]


def test_bold_steps_under_a_heading_that_names_no_work_stay_text() -> None:
    result = import_markdown("# P\n\n## Background\n\n1. **Setup**: repo\n2. **Profiles**: loader\n", "P.md")
    assert result.board is not None
    assert result.board.items == []


def test_a_command_in_a_code_span_is_not_an_id() -> None:
    assert entry_id("`ec2-cli config init` - Validates", "ec2-cli config init - Validates") is None
    assert entry_id("`T-7` Fix the build", "T-7 Fix the build") is not None
