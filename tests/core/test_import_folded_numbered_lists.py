"""A bold label line right over a numbered list that carries on an earlier one: Markdown folds the list into the
label's paragraph; the label is read as the heading its writer meant (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.steps import folded_numbered_lists
from tests.core.import_plan import imported

PLAN = """## Plan

### Implementation Strategy

**Phase 1: Core Audit Logging**
1. **Create audit logging interfaces** (src/IAuditLogger.cs)
   - Define the contract

2. **Implement secure audit logger** (src/SecureAuditLogger.cs)
   - Append-only logging

**Phase 2: Integration Points**
3. **Enhance authentication system** (src/AuthenticationService.cs)
   - Add audit calls to all auth methods

4. **Create authorization middleware** (src/AuthorizationService.cs)
   - Log all authorization decisions
"""


def test_the_labels_over_numbered_lists_become_headings_under_their_section() -> None:
    lines = PLAN.split("\n")
    said: list[tuple[int, str]] = []
    folded_numbered_lists(lines, lambda n, text: said.append((n, text)))
    assert (lines[4], lines[11]) == ("#### Phase 1: Core Audit Logging", "#### Phase 2: Integration Points")
    assert [n for n, _ in said] == [5, 12]
    assert len(lines) == len(PLAN.split("\n"))


def test_each_phase_holds_its_named_steps() -> None:
    # Before: "3." joined the "**Phase 2 …**" paragraph, so Phase 2's first step was text and its second a list of
    # one entry, skipped; Phase 1's steps were read under "Implementation Strategy" only.
    _, items = imported(PLAN)
    assert [(i.id, i.title, i.phase) for i in items.values()] == [
        ("1", "Create audit logging interfaces", "1"),
        ("2", "Implement secure audit logger", "1"),
        ("3", "Enhance authentication system", "2"),
        ("4", "Create authorization middleware", "2"),
    ]


def test_labels_over_lists_that_each_start_at_one_stay_as_written() -> None:
    plan = PLAN.replace("3. **Enhance", "1. **Enhance").replace("4. **Create", "2. **Create")
    lines = plan.split("\n")
    folded_numbered_lists(lines, lambda n, text: None)
    assert lines == plan.split("\n")
