"""A priority word in brackets closing an item's heading ("### MVF-1: Chat Readability Overhaul (Critical)") is the
item's priority, not words of its title (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers.sections.heading_priority import closing_priority
from tests.core.import_plan import imported

PLAN = """# BooKlub roadmap

### MVF-1: Chat Readability Overhaul (Critical)

**Problem:** the chat is hard to read.

### MVF-2: Topic Explorer [High]

**Problem:** the mind map confuses testers.

### MVF-3: Export to PDF (PDF)

**Problem:** no way to share a summary.
"""


def test_a_closing_priority_word_is_the_items_priority_and_leaves_its_title() -> None:
    # Before: "(Critical)" stayed in the title and the item had no priority.
    _, items = imported(PLAN)
    assert [(i.id, i.title, i.priority) for i in items.values()] == [
        ("MVF-1", "Chat Readability Overhaul", "P0"),
        ("MVF-2", "Topic Explorer", "P1"),
        ("MVF-3", "Export to PDF (PDF)", None),
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Chat Readability Overhaul (Critical)", ("Chat Readability Overhaul", "P0")),
        # An issue tracker's scale: Blocker, Critical, Major, Minor, Trivial.
        ("Replace Mind Map with Topic Explorer (Major)", ("Replace Mind Map with Topic Explorer", "P1")),
        ("Fix the footer links (Minor)", ("Fix the footer links", "P3")),
        ("Component completion [URGENT]", ("Component completion", "P0")),
        ("Next Priority (Should Implement)", ("Next Priority (Should Implement)", None)),  # more than a rank
        ("Intelligence & Automation (High Value)", ("Intelligence & Automation (High Value)", None)),
        ("(High)", ("(High)", None)),  # a tag alone names nothing
    ],
)
def test_closing_priority(title: str, expected: tuple[str, str | None]) -> None:
    assert closing_priority(title) == expected
