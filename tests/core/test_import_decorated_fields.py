"""Fields of an item written with decorations: a pictograph inside the bold key (``**🔗 Dependencies:**``), a
"**Title:**" line rewording the heading, a rank beside a priority column (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

STORIES = """# Sprint plan

## 🏗️ 1. Architecture

### Task 1.1: Define the schema

* **👥 Team Assigned:** Architecture
* **⏱️ Sprint:** 1
* **🔗 Dependencies:** None

## ⚙️ 2. Backend Development

### Task 2.1: Implement the upload endpoint

* **🏷️ Title:** Create an API for secure upload
* **👥 Team Assigned:** Backend
* **⏱️ Sprint:** 1
* **🔗 Dependencies:** Task 1.1 (the bucket layout).
"""


def test_a_pictograph_inside_a_bold_key_decorates_it() -> None:
    _, items = imported(STORIES)
    got = {i: (it.owner, it.depends_on) for i, it in items.items()}
    assert got == {"1.1": ("Architecture", []), "2.1": ("Backend", ["1.1"])}


def test_a_title_line_under_a_heading_that_names_the_item_is_its_description() -> None:
    _, items = imported(STORIES)
    assert items["2.1"].title == "Implement the upload endpoint"
    assert "Create an API for secure upload" in items["2.1"].description


def test_a_column_named_priority_wins_over_a_rank() -> None:
    md = (
        "# Release 1\n\n| Rank | ID | Story Name | Priority |\n|---|---|---|---|\n"
        "| 1 | **HM-1** | Approve requisition | 🔴 High |\n| 2 | **REC-1** | Publish the job | 🟡 Medium |\n"
    )
    _, items = imported(md)
    assert {i: it.priority for i, it in items.items()} == {"HM-1": "P1", "REC-1": "P2"}
    assert items["HM-1"].custom.get("rank") == "1"
