"""Boxes under a heading that names a checklist are work, even where the plan's other items are headings with
ids (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# ADR-0041: Django 6.x Upgrade Plan

### Phase 1: Preparation

#### 1.1 Run Deprecation Warnings
Run the checks with `-Wd`.

#### 1.2 Verify Package Compatibility
Check each package.

## Checklist

- [x] Update CheckConstraint syntax in `accounts/models.py`
- [ ] Deploy to staging environment

## Verification

- [ ] Smoke test passes
"""


def test_the_checklist_is_work_beside_numbered_headings() -> None:
    report, items = imported(PLAN)
    titles = {i.title: i.status for i in items.values()}
    assert titles["Update CheckConstraint syntax in `accounts/models.py`"] == "done"
    assert titles["Deploy to staging environment"] == "todo"
    # A heading that does not name a checklist keeps the old reading: checks around the item headings.
    assert "Smoke test passes" not in titles
    assert any("checklist under 'Verification' has no ids" in ln for ln in report)
