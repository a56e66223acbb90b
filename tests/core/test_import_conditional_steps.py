"""Boxes under a heading of what to do should something go wrong (``## Troubleshooting``, ``### 3. If Tests Fail``)
are kept as text, not made items (issue 43)."""

from __future__ import annotations

import pytest

from tests.core.import_plan import imported


@pytest.mark.parametrize(
    "heading",
    [
        "## ✅ Troubleshooting Common Issues\n\n### 1. Workflows",
        "## 4. If Tests Fail",
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
