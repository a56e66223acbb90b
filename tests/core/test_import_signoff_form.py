"""Boxes that are a form's blanks to sign are no work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# 发布前检查清单

## 检查项

- [ ] 所有单元测试通过
- [ ] 数据库迁移已验证

**审批签字**:
- [ ] Tech Lead: _______________  Date: _______
- [ ] DevOps: _______________  Date: _______
"""


def test_the_signature_lines_are_kept_as_text() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == ["所有单元测试通过", "数据库迁移已验证"], report
    assert any("a form to sign" in line for line in report)
