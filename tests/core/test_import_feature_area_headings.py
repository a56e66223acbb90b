"""A heading word that is about the plan elsewhere ("## Evidence", "## Team") names a part of the product when a
feature noun follows it ("## Evidence Management", "## Team Dashboard"): its list is work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Records system

## Case Management

- Record the details of criminal cases
- Manage case documents

## {heading}

- Catalogue the physical evidence
- Track the chain of custody
"""


def test_a_feature_area_heading_holds_work() -> None:
    _, items = imported(PLAN.format(heading="Evidence Management"))
    assert "Track the chain of custody" in {i.title for i in items.values()}


def test_a_heading_about_the_plan_keeps_its_list_as_text() -> None:
    _, items = imported(PLAN.format(heading="Evidence"))
    assert "Track the chain of custody" not in {i.title for i in items.values()}
