"""A cutover checklist timed by countdown labels (``**T-30min:** Stop the application``) and its checklists before and
after, in a plan whose headings name risks by id (``### R-001: Data Loss Prevention``): the countdown is no id and
the risk headings no item headings, so every box is work (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.references.ids import NOT_IDS
from tests.core.import_plan import imported

PLAN = """# Risk & Backout Plan

## Mitigation Strategies

### R-001: Data Loss Prevention
Full backups before every step.

### R-002: Downtime Management
Blue-green slots.

## Cutover Checklist

### Pre-Cutover (T-7 Days)
- [ ] Production SQL Server provisioned
- [ ] Deployment runbook reviewed by team

### Cutover Execution (T-0)
- [ ] **T-30min:** Stop application, take final backup
- [ ] **T-5min:** Go/No-Go decision

### Post-Cutover (T+1 Hour)
- [ ] Monitor Application Insights for errors
"""


def test_every_box_of_the_cutover_is_work() -> None:
    report, items = imported(PLAN)
    titles = [it.title for it in items.values()]
    assert len(titles) == 5, report
    assert "Production SQL Server provisioned" in titles
    assert "Monitor Application Insights for errors" in titles
    assert not any(i.startswith("T-") for i in items), list(items)


def test_a_countdown_is_no_id() -> None:
    assert NOT_IDS.match("T-30min")
    assert NOT_IDS.match("T+1h")
    assert not NOT_IDS.match("T-30")  # a task numbered so is still one
