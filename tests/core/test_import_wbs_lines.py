"""A work breakdown of plain numbered lines under numbered phase headings: each line an item (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

# Each line ends in two spaces, Markdown's line break, as the breakdown writes them.
BREAK = "  \n"
PLAN = (
    "# Work Breakdown Structure\n\n### 1. Project Management\n"
    + "1.1 Establish charter, success metrics, and schedule baseline"
    + BREAK
    + "1.2 Configure productivity tools"
    + BREAK
    + "1.3 Monthly roadmap review\n\n### 2. Protocol Foundations\n"
    + "2.1 Evaluate existing IRC client libraries"
    + BREAK
    + "2.2 Spike on transport requirements\n"
)


def test_each_numbered_line_is_an_item() -> None:
    report, items = imported(PLAN)
    assert {rid: i.title for rid, i in items.items()} == {
        "1.1": "Establish charter, success metrics, and schedule baseline",
        "1.2": "Configure productivity tools",
        "1.3": "Monthly roadmap review",
        "2.1": "Evaluate existing IRC client libraries",
        "2.2": "Spike on transport requirements",
    }, report


def test_a_documents_numbered_sections_stay_sections() -> None:
    # "### 1.1 Background" over its prose: the document numbers its sections; no item.
    doc = "# Spec\n\n## 1. Context\n\n### 1.1 Background\n\nWe run a shop.\n\n### 1.2 Goals\n\nSell more.\n"
    _, items = imported(doc)
    assert items == {}
