"""Headings naming a role under a heading of responsibilities (issue 43): ``## Team Responsibilities`` >
``### Designer`` over its boxes says who does them."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_role_heading_under_responsibilities_owns_its_boxes() -> None:
    md = (
        "# Release checklist\n\n## Team Responsibilities\n\n### Developer\n- [ ] Build and upload\n- [ ] Fix bugs\n\n"
        "### Project Manager\n- [ ] Coordinate the release\n"
    )
    _, items = imported(md)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Build and upload", "Developer"),
        ("Fix bugs", "Developer"),
        ("Coordinate the release", "Project Manager"),
    ]


def test_a_topic_heading_elsewhere_names_no_owner() -> None:
    md = "# Release checklist\n\n## Preparation\n\n### Developer tooling\n- [ ] Build and upload\n- [ ] Fix bugs\n"
    _, items = imported(md)
    assert [i.owner for i in items.values()] == ["", ""]
