"""A table tracing requirements to the tasks that meet them (``| REQ-FR-001 | DSN-001 | TASK-011, TASK-014 |``) names
the plan's tasks, each by the short form of its id (``TASK-011`` for ``TASK-011-BE``): a view of them, no items of
its own (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# 작업 분해

| ID | 작업 | 상태 | 의존성 |
|----|------|------|--------|
| TASK-011-BE | 이슈 API | 완료 | - |
| TASK-012-BE | 댓글 API | 완료 | TASK-011 |
| TASK-013-FE | 이슈 목록 화면 | 진행 중 | TASK-011 |
| TASK-014-FE | 이슈 상세 화면 | 미착수 | TASK-013 |

## 5. 추적성

| 요구사항 | 설계 | 작업 |
|----------|------|------|
| REQ-FR-001 | DSN-001 | TASK-011, TASK-014 |
| REQ-FR-002 | DSN-002 | TASK-012 |
| REQ-FR-003 | DSN-003 | TASK-011, TASK-013 |
"""


def test_the_trace_table_makes_no_items() -> None:
    report, items = imported(PLAN)
    assert list(items) == ["TASK-011-BE", "TASK-012-BE", "TASK-013-FE", "TASK-014-FE"], report
    assert items["TASK-014-FE"].depends_on == ["TASK-013-FE"]
