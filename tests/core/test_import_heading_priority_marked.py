"""A phase heading that gives its priority in brackets with a mark before the word ("(🔴 High Priority)"), over
feature headings whose boxes are the work: every item under it takes the priority, and the boxes stay the feature's
child items, since a priority the enclosing heading gives is no field the feature's own heading states."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Game roadmap

## Upcoming Phases

### Phase 11: Essential Gameplay UX (🔴 High Priority)

#### UX-4 Smart Cell Highlighting

- [x] Add highlighting of the selected cell's row
- [x] Add highlighting of cells with the same fruit

### Phase 12: Engagement Features (🟡 Medium Priority)

#### UX-5 Hint System

- [ ] Add a hint button
- [ ] Implement a limit of hints per game
"""


def test_a_marked_bracketed_priority_reaches_every_item_under_the_phase() -> None:
    _, items = imported(PLAN)
    assert {i.id: i.priority for i in items.values() if i.parent is None} == {"UX-4": "P1", "UX-5": "P2"}


def test_boxes_under_a_heading_that_states_no_field_of_its_own_are_its_child_items() -> None:
    _, items = imported(PLAN)
    kids = {i.title: (i.parent, i.priority) for i in items.values() if i.parent}
    assert kids == {
        "Add highlighting of the selected cell's row": ("UX-4", "P1"),
        "Add highlighting of cells with the same fruit": ("UX-4", "P1"),
        "Add a hint button": ("UX-5", "P2"),
        "Implement a limit of hints per game": ("UX-5", "P2"),
    }


def test_a_chinese_priority_word_in_a_heading_beats_its_mark() -> None:
    md = (
        "# 看板\n\n## 🔴 第一周：高优先级任务\n\n### 📋 待办 (Backlog)\n\n#### 🔒 MFA双因素认证 (5天)\n\n"
        "**MFA-001: 创建MFA设置页面**\n- **估时**: 1.5天\n- **负责人**: 前端开发者\n\n"
        "**MFA-002: 实现MFA验证页面**\n- **估时**: 1天\n- **负责人**: 前端开发者\n\n## 🟡 第二周：中优先级任务\n\n"
        "### 📋 待办 (Backlog)\n\n#### 🔑 OAuth2.0登录 (5天)\n\n"
        "**OAUTH-001: 集成Google登录**\n- **估时**: 2天\n- **负责人**: 后端开发者\n\n"
        "**OAUTH-002: 集成GitHub登录**\n- **估时**: 2天\n- **负责人**: 后端开发者\n"
    )
    _, items = imported(md)
    assert [(i.id, i.priority) for i in items.values()] == [
        ("MFA-001", "P1"),
        ("MFA-002", "P1"),
        ("OAUTH-001", "P2"),
        ("OAUTH-002", "P2"),
    ]


def test_a_level_in_capitals_before_a_gloss_in_brackets_is_the_headings_priority() -> None:
    md = (
        "# Suivi des priorités\n\n## 🚨 CRITICAL (Bloqueurs) - Score: 2/2 ✅ 100%\n\n### ✅ 1. Persist the scheduler\n"
        "**STATUS:** ✅ IMPLÉMENTÉ\n\n### ✅ 2. Fix the race\n**STATUS:** ✅ IMPLÉMENTÉ\n\n"
        "## ⚠️ HIGH (Importants) - Score: 1/1 ✅ 100%\n\n### ✅ 3. Add idempotency\n**STATUS:** ✅ IMPLÉMENTÉ\n"
    )
    _, items = imported(md)
    assert [(i.id, i.priority, i.status) for i in items.values()] == [
        ("1", "P0", "done"),
        ("2", "P0", "done"),
        ("3", "P1", "done"),
    ]


def test_higher_and_lower_priority_headings_rank_their_work() -> None:
    plan = """# Docs plan

## Prioritized tasks

### Higher Priority (Immediate Focus)

1. **Getting Started Guide**
   - Quick installation
   - First-time setup
2. **Troubleshooting Guide**
   - Common errors
   - Log locations

### Lower Priority (Final Phase)

1. **Reference Documentation**
   - Configuration reference
   - CLI reference
2. **Contribution Guidelines**
   - Code style
   - Review process
"""
    _, items = imported(plan)
    assert [(i.title, i.priority) for i in items.values()] == [
        ("Getting Started Guide", "P1"),
        ("Troubleshooting Guide", "P1"),
        ("Reference Documentation", "P3"),
        ("Contribution Guidelines", "P3"),
    ]
