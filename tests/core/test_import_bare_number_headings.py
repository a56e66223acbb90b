"""Headings that are a number alone, named by the line under them (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.steps import bare_number_headings
from tests.core.import_plan import imported

PLAN = r"""# Tasks

## User Story 1: As a user, I want to re-order the pages.

### Tasks

#### 1.1
\anchor t1_1

Add a navigation bar of all the pages. Each page shows its number.

#### 1.1.1

convert pdf to image

#### 1.2
\anchor t1_2

Implement drag and drop to reorder the pages. (5 points)
"""


def test_a_number_alone_is_named_by_its_first_sentence() -> None:
    lines = PLAN.split("\n")
    bare_number_headings(lines, lambda n, text: None)
    assert len(lines) == len(PLAN.split("\n"))
    assert lines[6:10] == ["#### 1.1 Add a navigation bar of all the pages.", "", "", "Each page shows its number."]
    assert lines[11:14] == ["#### 1.1.1 convert pdf to image", "", ""]


def test_each_numbered_heading_is_an_item_its_other_sentences_its_words() -> None:
    # Before: "#### 1.1" named nothing, and nothing was imported.
    _, items = imported(PLAN)
    assert [(i.id, i.title) for i in items.values()] == [
        ("1.1", "Add a navigation bar of all the pages."),
        ("1.1.1", "convert pdf to image"),
        ("1.2", "Implement drag and drop to reorder the pages."),
    ]
    assert "Each page shows its number." in items["1.1"].description


def test_a_release_number_over_its_groups_stays_as_written() -> None:
    plan = "# Roadmaps\n\n## 0.1\n\n**ModSystem**\n\n- [x] Rewrite\n\n## 0.2\n\n**Editor**\n\n- [ ] Tasks\n"
    lines = plan.split("\n")
    bare_number_headings(lines, lambda n, text: None)
    assert lines == plan.split("\n")
