"""Numbered steps of a rollback procedure are what to do if the rollout fails, not its work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Rollout Plan

## 1. Pre-launch

- [ ] Load test the API
- [ ] Train support staff

## 7. {heading}

### {sub}
1. **Decision** - Product Owner + Developer agree
2. **Communication** - Notify users of downtime
3. **Execute** - Developer reverts deployment
"""


def test_rollback_steps_are_kept_as_text() -> None:
    report, items = imported(PLAN.format(heading="Rollback Procedure", sub="Rollback Steps"))
    assert len(items) == 2
    assert any("a procedure for when the plan fails" in ln for ln in report)


def test_numbered_steps_of_the_rollout_itself_are_items() -> None:
    _, items = imported(PLAN.format(heading="Launch", sub="Launch Steps"))
    assert len(items) == 5
