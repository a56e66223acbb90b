"""``**#4. Report Generation System** ⏳ **STARTING NOW**`` over its bullets, one of a run of such lines: the heading
of an item, its bullets its own (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Backlog Summary

## Complete Backlog

#### 🔴 URGENT Priority (1 task)

**#4. Report Generation System** ⏳ **STARTING NOW**
- PDF & Excel report export
- BAS summary reports with GST
- **Estimated**: 10-12 hours

#### 🟠 HIGH Priority (2 tasks)

**#5. Multi-Tenant Support** 📅 After Reports
- Organisation switcher UI
- **Estimated**: 12-15 hours

**#6. Historical Data Analysis**
- Multi-year trend analysis
"""


def test_each_bold_issue_line_is_an_item_and_its_bullets_are_its_own() -> None:
    report, items = imported(PLAN)
    assert list(items) == ["#4", "#5", "#6"]
    assert items["#4"].title.startswith("Report Generation System")
    assert items["#5"].priority == "P1"
    assert any("bold line '#4'" in line for line in report)


def test_one_bold_numbered_line_alone_stays_emphasis() -> None:
    report, _ = imported("# Notes\n\n## Log\n\n**#4. Remember the milk**\n\nThen go home.\n")
    assert not any("bold line" in line for line in report)
