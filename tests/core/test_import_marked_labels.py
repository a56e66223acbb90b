"""Lines that tick a piece of work off by a mark and name it in bold, each over the bullets saying what it holds
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.marked_lines import marked_label_lines
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from tests.core.import_plan import imported

PLAN = """# Offline sync

## What Was Implemented

✅ **Sync Database Models**
- `ClientSyncState` - Track sync state per device
- `SyncConflict` - Manage data conflicts

✅ **Sync API Endpoints**
- `POST /api/v1/sync/upload` - Batch upload offline actions

🚧 **Conflict Resolution Strategies**
- Server wins (default)
"""


def test_each_marked_line_is_the_box_it_stands_for() -> None:
    lines = PLAN.split("\n")
    marked_label_lines(lines, parse_status, lambda n, text: None)
    assert lines[4:7] == ["- [x] **Sync Database Models**", "  - `ClientSyncState` - Track sync state per device",
                          "  - `SyncConflict` - Manage data conflicts"]  # fmt: skip
    assert lines[11] == "- [ ] **Conflict Resolution Strategies** (in progress)"
    assert len(lines) == len(PLAN.split("\n"))


def test_the_marked_lines_are_items_in_their_state() -> None:
    # Before: the lines were paragraphs and their bullets a list of groups with no items.
    _, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Sync Database Models", "done"),
        ("Sync API Endpoints", "done"),
        ("Conflict Resolution Strategies", "in_progress"),
    ]


STATE_LABELS = """# 项目路线图

## 2025 Q3
✅ **已完成**
- [x] 项目初始化与基础架构搭建
- [x] 实现核心 API v0.1

🔧 **进行中**
- [ ] 编写开发者文档
- [ ] 集成 CI/CD 流水线

## 2025 Q4
🛠 **规划中**
- [ ] 支持插件系统（PoC 阶段）
- [ ] 发布首个稳定版 v1.0.0
"""


def test_a_marked_state_word_labels_its_entries_and_is_no_item() -> None:
    # "✅ **已完成**" (done) over boxes names the state of the work under it, as a "## Done" heading does: no box of
    # its own, and its entries are in that state.
    lines = STATE_LABELS.split("\n")
    marked_label_lines(lines, parse_status, lambda n, text: None)
    assert lines[3] == "✅ **已完成**"
    report, items = imported(STATE_LABELS)
    assert [(i.title, i.status) for i in items.values()] == [
        ("项目初始化与基础架构搭建", "done"),
        ("实现核心 API v0.1", "done"),
        ("编写开发者文档", "in_progress"),
        ("集成 CI/CD 流水线", "in_progress"),
        ("支持插件系统（PoC 阶段）", "todo"),
        ("发布首个稳定版 v1.0.0", "todo"),
    ], report
