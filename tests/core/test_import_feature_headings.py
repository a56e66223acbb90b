"""Sub-headings under a heading of planned features are the features, one item each (issue 43): ``### Planned
Features`` > ``#### Historical Tracking`` over prose, a code block and ``**Implementation:**`` bullets."""

from __future__ import annotations

from tests.core.import_plan import imported

_FEATURE = "#### {title}\n\n```bash\nroadmap {cmd}\n```\n\n**Implementation:**\n- {step}\n- Write the docs\n\n"


def test_each_feature_heading_is_one_item_its_bullets_its_description() -> None:
    md = "# Future features\n\n## v1.1: Analytics\n\n### Planned Features\n\n"
    md += _FEATURE.format(title="Historical Tracking", cmd="history", step="Add the history command")
    md += _FEATURE.format(title="Role-Based Access Control (RBAC)", cmd="roles", step="Add roles")
    _, items = imported(md)
    assert [(i.id, i.title) for i in items.values()] == [
        ("HT-1", "Historical Tracking"),
        ("RBA-1", "Role-Based Access Control (RBAC)"),
    ]
    # Its bullets stay with it (a ticket keeps the plain bullets under it as its checklist).
    assert "Add the history command" in [*items["HT-1"].acceptance, items["HT-1"].description]


def test_feature_headings_holding_boxes_group_them() -> None:
    md = "# Plan\n\n## Features\n\n### Login\n\n- [ ] Form\n- [ ] Errors\n\n### Export\n\n- [ ] CSV\n- [ ] JSON\n"
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Form", "Errors", "CSV", "JSON"]


def test_areas_listing_short_feature_names_are_groups_of_those_features() -> None:
    md = (
        "# LMS Project Plan\n\n## Features\n\n### User Management\n- User registration and login\n"
        "- Profile management\n\n### Enrollment\n- Course enrollment and unenrollment\n- Enrollment status tracking\n\n"
        "## Done so far\n\n- [x] Repository set up\n"
    )
    _, items = imported(md)
    got = {i.title: i.workstream for i in items.values() if i.status != "done"}
    assert got == {
        "User registration and login": "User Management",
        "Profile management": "User Management",
        "Course enrollment and unenrollment": "Enrollment",
        "Enrollment status tracking": "Enrollment",
    }
