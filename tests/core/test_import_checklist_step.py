"""A numbered checklist heading among numbered steps that are items is a step too, its boxes its checks
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Upgrade PHP

## Your Task

### 1. Update Dockerfile

Change the base image to php:8.4-fpm.

### 2. Update Composer Dependencies

Run `composer update` and fix what breaks.

### 3. {title}

**Code Quality:**
- [ ] All tests passing
- [ ] No deprecation warnings

**Security:**
- [ ] Security audit passed

### 4. Commit Changes

Commit with a message naming the upgrade.
"""


def test_a_checklist_step_among_steps_is_an_item_with_its_boxes() -> None:
    report, items = imported(PLAN.format(title="Final Validation Checklist"))
    assert [(i.id, i.title) for i in items.values()] == [
        ("1", "Update Dockerfile"),
        ("2", "Update Composer Dependencies"),
        ("3", "Final Validation Checklist"),
        ("4", "Commit Changes"),
    ]
    assert "All tests passing" in items["3"].description
    assert any("a numbered step among steps made items; its boxes are its checks" in ln for ln in report)


def test_a_numbered_topic_over_boxes_of_work_still_groups_them() -> None:
    _, items = imported(PLAN.format(title="Security hardening"))
    assert "3" not in items
    assert "Security audit passed" in [i.title for i in items.values()]


def test_numbered_steps_counting_from_one_again_under_another_heading_are_other_work() -> None:
    plan = PLAN.format(title="Tag the release") + (
        "\n## Next Steps - Deployment Preparation\n\n### 1. Staging Environment Testing\n\nDeploy to staging.\n\n"
        "### 2. Production Deployment Planning\n\nPick a window.\n"
    )
    report, items = imported(plan)
    assert items["1"].title == "Update Dockerfile"
    assert items["NSD-1"].title == "Staging Environment Testing"
    assert items["NSD-2"].title == "Production Deployment Planning"
    assert not any("appears again" in ln for ln in report)
