"""Task headings numbered on across priority sections, and bold field labels in other scripts."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.fields import split_keyval

_PLAN = """# Audit

## CRITICAL - today

### 1. Fix the build

**Ответственный:** Frontend Lead

## HIGH PRIORITY - this week

### 2. Type safety

**Owner:** Team
"""


def test_numbered_headings_across_priority_sections_are_items_with_that_priority() -> None:
    result = import_markdown(_PLAN, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.id: (i.priority, i.owner) for i in result.board.items}
    assert got == {"1": ("P0", "Frontend Lead"), "2": ("P1", "Team")}


def test_numbering_that_restarts_is_not_read_across_sections() -> None:
    md = _PLAN.replace("### 2. Type safety", "### 1. Type safety")
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert result.board.items == []


def test_a_bold_key_in_another_script_is_a_field_a_plain_one_is_not() -> None:
    assert split_keyval("**Ответственный:** Frontend Lead") == ("Ответственный", "Frontend Lead")
    assert split_keyval("前提: core の task 6.1") is None
