"""A checklist confirming the plan's own completion (``## 3. 完了確認チェックリスト`` over ``- [x] ファイル単位で
チェックボックスを付与``) holds conditions the plan meets, not work (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.sections.lead_ins import is_criteria
from tests.core.import_plan import imported

PLAN = """# TODOリスト

## 2. モデル実装

- [ ] `models/user.py` Userモデル実装
- [x] `models/issue.py` Issueモデル実装

## 3. 完了確認チェックリスト
- [x] 実装計画書のフェーズごとにTODOを分類
- [x] ファイル単位でMarkdownチェックボックスを付与
"""


def test_a_completion_confirmation_checklist_makes_no_items() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "`models/user.py` Userモデル実装",
        "`models/issue.py` Issueモデル実装",
    ], report


def test_completion_confirmation_in_the_plan_languages() -> None:
    for title in ("完了確認チェックリスト", "完成确认清单", "완료 확인 체크리스트"):
        assert is_criteria(title), title
    assert not is_criteria("確認画面の実装")  # a confirmation screen to build is work
