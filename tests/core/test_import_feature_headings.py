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


AREAS = """# Roadmap

## Features
### Core
- Add ability to search for stations?
- Add walking/running icons
- Add first/last bus indicator
### Backend
- Scrape public holiday data from [https://www.gov.hk/en/about/abouthk/holiday/2025.htm]
- Add ability to fetch timing data from repo
### UI
- Dropdown styling follow colour theme
- Fix location picker flickering
  - Merge into same file?
- Find a better way to display error messages with the new toast component
"""


def test_feature_areas_beside_one_of_short_names_are_read_alike() -> None:
    # Before: "### Backend" (a link's colon) and "### UI" (a note under one entry, a long entry) were each taken for one
    # feature described by its bullets: items "Backend" and "UI", their work lost in the descriptions.
    _, items = imported(AREAS)
    titles = [i.title for i in items.values()]
    assert "Backend" not in titles and "UI" not in titles
    assert len(titles) == 8
    assert "Fix location picker flickering" in titles
    assert "Find a better way to display error messages with the new toast component" in titles


PHASE_FEATURES = """# Vinyl roadmap

## Priority Feature Implementation

### Phase 1: Catalog

#### Features
- **Pressing Variant Tracking**
  - Runout/matrix number fields
  - Color/weight specifications

- **QR Shelf Labels**
  - Generate printable QR codes per record
  - Guest scanning for instant details

### Phase 2: Valuation

#### Features
- **Price Alerts**
  - Wishlist price drops
  - Value appreciation notifications
"""


def test_named_entries_under_features_are_the_features_and_their_bullets_what_they_do() -> None:
    # Before: each bold entry was read as the group of its bullets, and the six bullets became the items.
    _, items = imported(PHASE_FEATURES)
    assert sorted(i.title for i in items.values()) == ["Pressing Variant Tracking", "Price Alerts", "QR Shelf Labels"]
    alerts = next(i for i in items.values() if i.title == "Price Alerts")
    assert "Wishlist price drops" in alerts.description
