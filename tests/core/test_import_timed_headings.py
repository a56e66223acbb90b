"""Headings that close with the time their work takes (``#### ⚡ Verify the system (2 min):``), two or more side by side,
each over its commands or notes: each heading is a step of work, one item, its time its estimate (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap

## Action plan

### Today (right now - 15 min)

#### ⚡ Verify the system (2 min):
```powershell
.\\verify.ps1
```
**Result:** everything works

#### 📖 Read the essentials (8 min):
```
1. QUICK_ACCESS.md (2 min)
2. STATUS_NOW.md (3 min)
```
**Result:** the system understood

### Tomorrow (optional - 30 min)

#### 🤖 Turn on the workflows (1 h):
Open the editor and import the workflow.

## Notes

#### Why (the short version)
Because it is quicker.
"""


def test_headings_closing_with_their_time_are_items() -> None:
    _, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Verify the system",
        "Read the essentials",
        "Turn on the workflows",
    ]
    est = [i.estimate_days for i in items.values()]
    assert est[2] is not None and est[2] > 0


def test_one_heading_with_a_time_alone_is_no_item() -> None:
    md = PLAN.split("#### 📖")[0]
    _, items = imported(md)
    assert not items


def test_timed_headings_over_lists_group_the_steps_listed() -> None:
    md = (
        "# Migration\n\n## Steps\n\n### Preparation (1h)\n1. ✅ Create the folders\n2. ✅ Write the scripts\n\n"
        "### Moving the tasks (2h)\n1. ⏳ Convert the tasks\n2. ⏳ Archive the old system\n"
    )
    _, items = imported(md)
    assert "Create the folders" in [i.title for i in items.values()]
    assert not any(i.title in ("Preparation", "Moving the tasks") for i in items.values())
