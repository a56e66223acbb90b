"""A work breakdown drawn as a tree in a plain fence gives one item a branch, under its parent (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

WBS = """# Master plan

## 2. Work Breakdown Structure (WBS)

```
ODSP
├── 1.0 Foundation ✅
│   ├── 1.1 Project Setup
│   └── 1.2 Multi-tenant Architecture
│
├── 2.0 IAM Context 🔄
│   └── 2.1 Tenant Management
│
└── 3.0 Reporting 📋
    ├── 3.1 Report Builder
    └── 3.2 Export (PDF/Excel)
```
"""


def test_each_numbered_branch_is_an_item_under_the_branch_it_hangs_from() -> None:
    report, items = imported(WBS)
    assert [(i.id, i.title, i.parent, i.status) for i in items.values()] == [
        ("1.0", "Foundation", None, "done"),
        ("1.1", "Project Setup", "1.0", "todo"),
        ("1.2", "Multi-tenant Architecture", "1.0", "todo"),
        ("2.0", "IAM Context", None, "in_progress"),
        ("2.1", "Tenant Management", "2.0", "todo"),
        ("3.0", "Reporting", None, "todo"),  # a mark that names no state leaves the status unsaid
        ("3.1", "Report Builder", "3.0", "todo"),
        ("3.2", "Export (PDF/Excel)", "3.0", "todo"),
    ]
    assert any("work breakdown drawn as a tree (8 branches)" in ln for ln in report)


def test_ascii_connectors_draw_the_same_tree() -> None:
    text = "## WBS\n\n```text\nPlan\n|-- 1 Design\n|   `-- 1.1 Sketch\n`-- 2 Build\n    +-- 2.1 Code\n```\n"
    _, items = imported(text.replace("1 Design", "1. Design").replace("2 Build", "2. Build"))
    assert [(i.id, i.parent) for i in items.values()] == [("1", None), ("1.1", "1"), ("2", None), ("2.1", "2")]


def test_a_directory_listing_is_no_work() -> None:
    listing = "## Layout\n\n```\nsrc/\n├── 1.0 notes.md\n├── main.py\n└── util/\n```\n\n## Work\n\n- [ ] T-9 Tune\n"
    _, items = imported(listing)
    assert list(items) == ["T-9"]


def test_a_tree_in_a_code_fence_of_a_language_is_code() -> None:
    _, items = imported(WBS.replace("```\nODSP", "```python\nODSP"))
    assert items == {}
