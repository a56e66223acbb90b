"""Ids of numbered parts then a named part (``01-01-02-BE-01``: topic, phase, task, track, number) name their boxes,
nested ones too (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.references.ids import is_id
from tests.core.import_plan import imported

PLAN = """# Topic01 Phase01 Task02

## 체크리스트

### 백엔드(B/E)
1. [ ] **01-01-02-BE-01**: Spring Initializr에서 프로젝트 생성
2. [x] **01-01-02-BE-02**: 필수 의존성 추가

### 프론트엔드(F/E)
1. [ ] **01-01-02-FE-01**: React + TypeScript + Vite 프로젝트 생성
   - [ ] **01-01-02-FE-01-01**: Git 초기화 및 .gitignore 설정
"""


def test_numbered_keys_are_the_ids_of_their_boxes() -> None:
    report, items = imported(PLAN)
    assert {i: (it.title, it.status, it.parent) for i, it in items.items()} == {
        "01-01-02-BE-01": ("Spring Initializr에서 프로젝트 생성", "todo", None),
        "01-01-02-BE-02": ("필수 의존성 추가", "done", None),
        "01-01-02-FE-01": ("React + TypeScript + Vite 프로젝트 생성", "todo", None),
        "01-01-02-FE-01-01": ("Git 초기화 및 .gitignore 설정", "todo", "01-01-02-FE-01"),
    }, report


def test_a_date_is_no_numbered_key() -> None:
    assert is_id("01-01-02-BE-01")
    assert not is_id("2026-01-05")
    assert not is_id("12-05-2026")
