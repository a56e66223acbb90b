"""A heading naming a task by the plan language's word and a number (``#### 任务 1.1: 初始化``) is that task, ``1.1``,
as ``#### Task 1.1: x`` is; its dependencies name the tasks by number (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# MCP 迁移计划

### Phase 1: MCP基础架构 (Day 1-3)

#### 任务 1.1: 初始化MCP项目结构
**负责人**: Coder
**依赖**: 无

#### 任务 1.2：安装MCP SDK依赖
**负责人**: Coder
**依赖**: 1.1

### Phase 2: 工具迁移

#### 任务 2.1: 迁移 pty_spawn
**负责人**: Tester
**依赖**: 1.1, 1.2
"""


def test_task_word_headings_are_the_tasks_they_number() -> None:
    report, items = imported(PLAN)
    assert {i: (it.title, it.owner, it.depends_on) for i, it in items.items()} == {
        "1.1": ("初始化MCP项目结构", "Coder", []),
        "1.2": ("安装MCP SDK依赖", "Coder", ["1.1"]),
        "2.1": ("迁移 pty_spawn", "Tester", ["1.1", "1.2"]),
    }, report
