"""A Korean task table headed "작업명" (task name) gives its rows as items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# 작업 목록

## PM Agent 작업 목록

| 우선순위 | 작업명 | 상태 | 담당자 |
| -------- | ------ | ---- | ------ |
| High | 경쟁사 분석 | 대기 | PM Agent |
| ✅ | PRD 검수 | 완료 | PM Agent |
"""


def test_a_task_name_column_in_korean() -> None:
    _, items = imported(PLAN)
    assert [(i.title, i.status, i.owner, i.priority) for i in items.values()] == [
        ("경쟁사 분석", "todo", "PM Agent", "P1"),
        ("PRD 검수", "done", "PM Agent", None),
    ]
