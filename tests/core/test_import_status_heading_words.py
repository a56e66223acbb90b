"""A status heading with a mark beside its word ("Done ✅", "🔄 In Progress") or words saying what the column holds
and where the work went ("PRs In Review", "Already Merged to Main") still gives its rows their state."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers.vocabulary.title_states import status_heading
from tests.core.import_plan import imported


@pytest.mark.parametrize(
    ("title", "state"),
    [
        ("Done ✅", "done"),
        ("In Progress 🔄", "in_progress"),
        ("PRs In Review 🔄", "review"),
        ("Already Merged to Main ✅", "done"),
        ("Deployed to production", "done"),
        ("Recently completed", "done"),
        ("✅ Completadas Recientemente", "done"),
        # Turkish names the column's work after its state: "completed tasks", "ongoing tasks", "awaited tasks".
        ("✅ TAMAMLANAN GÖREVLER", "done"),
        ("🔄 DEVAM EDEN GÖREVLER", "in_progress"),
        ("⏳ BEKLENEN GÖREVLER", "todo"),
        ("ACTIEF (In Progress)", "in_progress"),
        ("VOLTOOID (In Progress)", "done"),  # the words before the gloss say the column's state
        # English names it after the state too: "Completed Milestones", "Ongoing Work".
        ("Completed Milestones", "done"),
        ("Ongoing Work", "in_progress"),
        # A board's word for the heading before the state it names, and the stretch of the plan after it.
        ("🟢 Column: DONE (Sprint 0 / Foundation)", "done"),
        ("🚀 Column: IN PROGRESS (Sprint 1 — Core Features & Persistence)", "in_progress"),
        ("Lane: Review", "review"),
        ("🔍 Column: REVIEW / QA", "review"),
        ("Completed Tasks", "done"),
        # A column's words, then how its work is ordered or what it holds.
        ("Planned Features (in priority order)", "todo"),
        ("Deferred Items (Not Stage 1 Scope)", "todo"),
        # A status report asks and answers: "What's done", "What has been done", "Done so far".
        ("What's done", "done"),
        ("What has been done", "done"),
        ("Done so far", "done"),
        ("What’s in progress", "in_progress"),
    ],
)
def test_status_heading_reads_past_marks_and_what_the_column_holds(title: str, state: str) -> None:
    assert status_heading(title) == state


@pytest.mark.parametrize(
    "title",
    [
        "Tasks",
        "Main",
        "Done right now ✅",
        "Priority Queue",
        "Recently",
        "1. Sistem Analizi (Tamamlandı)",
        "New Features",  # a release's news, not a column of work to do
        "Key Features",
        "What's next",
        "What's Ready",
    ],
)
def test_headings_that_are_no_state_stay_none(title: str) -> None:
    assert status_heading(title) is None


def test_rows_under_such_headings_take_the_state() -> None:
    md = (
        "# Status\n\n### PRs In Review 🔄\n\n| PR | Task | Assignee |\n|---|---|---|\n| #346 | TASK-002 | Dev-A |\n"
        "| #347 | PHI-119 | Dev-C |\n\n### Already Merged to Main ✅\n\n| Task | Assignee | Commit |\n|---|---|---|\n"
        "| TASK-141 | Dev-C | de4901e |\n| TASK-142 | Dev-C | fbc3846 |\n"
    )
    _, items = imported(md)
    assert {i.id: i.status for i in items.values()} == {
        "TASK-002": "review",
        "PHI-119": "review",
        "TASK-141": "done",
        "TASK-142": "done",
    }


def test_an_empty_box_under_a_heading_of_work_under_way_is_under_way() -> None:
    plan = (
        "# Stato\n\n## Funziona\n- [x] Autenticazione\n- [x] CRUD Progetti\n\n"
        "## In corso\n- [ ] Notifiche multiple\n- [x] Vista Kanban\n\n"
        "## Testing\n- [ ] Test automatizzati\n- [ ] Backup\n"
    )
    _, items = imported(plan)
    states = {i.title: i.status for i in items.values()}
    # The empty box says "not done"; the heading says which. A ticked box keeps its "done".
    assert states["Notifiche multiple"] == "in_progress"
    assert states["Vista Kanban"] == "done"
    # "Testing" may be a checklist's part, not a column of work in review: the box is left as it says.
    assert states["Test automatizzati"] == "todo"


TRACKER = """# Proje ilerleme takibi

## Mevcut durum

### ✅ TAMAMLANAN GÖREVLER

#### 1. Sistem Analizi (Tamamlandı)

- [x] Database schema inceleme
- [x] API endpoint analizi

### 🔄 DEVAM EDEN GÖREVLER

#### 2. Firma Proje Görüntüleme (0% - Başlanmadı)

- [ ] API endpoint geliştirme

#### 3. Görev Yönetimi

- [ ] Yorum sistemi
"""


def test_numbered_work_glossed_with_its_state_under_turkish_columns_is_the_items() -> None:
    # A piece of work glossed with its state is no column: the numbered headings are the items, numbered on
    # across the columns, their boxes their steps.
    _, items = imported(TRACKER)
    assert {i.id: (i.title, i.status) for i in items.values()} == {
        "1": ("Sistem Analizi", "done"),
        "2": ("Firma Proje Görüntüleme", "todo"),  # its own state before the column's
        "3": ("Görev Yönetimi", "in_progress"),
    }
    assert items["1"].description == "- [x] Database schema inceleme\n- [x] API endpoint analizi"


def test_a_status_report_gives_each_sections_entries_its_state() -> None:
    md = (
        "# Current Status\n\n## Completed Milestones\n1. **User Management**:\n   - Roles for teachers.\n\n"
        "2. **Database Setup**:\n   - Schema done.\n\n## Ongoing Work\n1. **Feature Enhancements**:\n"
        "   - Grades and attendance.\n\n2. **Documentation**:\n   - Guides for users.\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("User Management", "done"),
        ("Database Setup", "done"),
        ("Feature Enhancements", "in_progress"),
        ("Documentation", "in_progress"),
    ]


def test_a_column_of_work_to_be_implemented_beside_a_completed_one_holds_its_cards() -> None:
    assert status_heading("To Be Implemented (Frontend)") == "todo"
    plan = (
        "# Crawler status\n\n## ✅ Completed (Backend)\n\n### Core modules\n- ✅ `fetcher.py` - URL fetching\n"
        "- ✅ `parser.py` - HTML parsing\n\n## 🚧 To Be Implemented (Frontend)\n\n### Pages\n"
        "- ⏳ `Home.jsx` - Landing page\n- ⏳ `History.jsx` - Extraction history\n\n"
        "## Next Phase\n\n1. **React setup**\n   - Vite app\n2. **UI components**\n   - Charts\n"
    )
    _, items = imported(plan)
    states = {i.title.split(" - ")[0]: i.status for i in items.values() if "`" in i.title}
    assert states == {"`fetcher.py`": "done", "`parser.py`": "done", "`Home.jsx`": "todo", "`History.jsx`": "todo"}


def test_planned_and_completed_feature_columns_make_their_entries_items() -> None:
    # Before: "Planned Features (in priority order)" named no state, so "Completed Features" had no sibling column and
    # its list, some entries with details beneath, was skipped.
    text = """# Feature Backlog

## Planned Features (in priority order)

### 1. Configurable work hours
- Default to 9-5 M-F

### 2. Calendar view for windows
- Calendar-style view of tide windows

## Completed Features

- Tidepooling locations directory
  - `/directory` page with an interactive map
  - Mobile-first responsive design
- Imperial/Metric toggle
- First light / Last light indicators
"""
    _, items = imported(text)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Configurable work hours", "todo"),
        ("Calendar view for windows", "todo"),
        ("Tidepooling locations directory", "done"),
        ("Imperial/Metric toggle", "done"),
        ("First light / Last light indicators", "done"),
    ]


def test_a_status_report_s_questions_are_its_columns() -> None:
    md = (
        "# OS - Kernel Dev Project\n\nMy personal kernel.\n\n### What's done\n- Page frame allocator\n"
        "- Context switching (x86 only)\n\n### In progress\n- Scheduler\n\n### TODO\n- Network stack\n- IPC\n"
    )
    _, items = imported(md)
    assert {i.title: i.status for i in items.values()} == {
        "Page frame allocator": "done",
        "Context switching (x86 only)": "done",
        "Scheduler": "in_progress",
        "Network stack": "todo",
        "IPC": "todo",
    }


def test_a_table_under_a_topic_under_a_done_heading_is_done_work() -> None:
    plan = """# Work tracker

## ✅ Done

### Export round-trip core

Verified against the git binary.

| Item | Crate(s) | Verified vs |
|---|---|---|
| Tree-editor | sley-object | `git write-tree` |
| Ref CAS | sley-refs | unit tests |

## 🔄 In progress

### Network driver

- [ ] Move the transport into its own crate
"""
    _, items = imported(plan)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Tree-editor", "done"),
        ("Ref CAS", "done"),
        ("Move the transport into its own crate", "in_progress"),
    ]


def test_who_completed_a_done_row_owns_it() -> None:
    plan = """# Tracker

## ✅ Done

| Task | Completed By | Merged |
|------|--------------|--------|
| Mobile auth screens | Winston | Jan 17 |
| Database migrations | Ana | Jan 18 |
"""
    _, items = imported(plan)
    assert [(i.title, i.owner, i.status) for i in items.values()] == [
        ("Mobile auth screens", "Winston", "done"),
        ("Database migrations", "Ana", "done"),
    ]
