"""Boxes under a heading of what to do should something go wrong (``## Troubleshooting``, ``## Rollback Plan``) are
kept as text, not made items (issue 43); a step a plan may need (``### 13. CNI upgrade (if needed)``) is work."""

from __future__ import annotations

import pytest

from tests.core.import_plan import imported


@pytest.mark.parametrize(
    "heading",
    [
        "## ✅ Troubleshooting Common Issues\n\n### 1. Workflows",
        "## Rollback Plan (If Needed)\n\nIf critical issues arise:",
        "## Contingency",
    ],
)
def test_boxes_for_when_something_goes_wrong_are_no_items(heading: str) -> None:
    md = (
        "# Migration checklist\n\n## Migration steps\n\n- [ ] Remove the old workflow\n- [ ] Add the new one\n\n"
        f"{heading}\n\n- [ ] Check the YAML syntax\n- [ ] Verify the secrets\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Remove the old workflow", "Add the new one"]
    assert any("steps for when something goes wrong" in line for line in report)


def test_a_step_the_plan_may_need_is_still_work() -> None:
    md = "# Upgrade\n\n### 12. Masters\n\n- [ ] Master 1 upgraded\n\n### 13. CNI Plugin Upgrade (if needed)\n\n"
    md += "- [ ] CNI version checked\n\n### If Rejection Occurs\n\n- [ ] Review the reasons\n"
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Master 1 upgraded", "CNI version checked", "Review the reasons"]
