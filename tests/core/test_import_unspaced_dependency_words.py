"""A dependency cell naming rows by a word of their titles in a script written without spaces, its names parted by
the enumeration comma: ``学生、课程`` names the rows ``学生 Excel`` and ``课程 Excel`` (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# 历史数据导入方案

## 导入顺序

| 顺序 | 数据类型 | 依赖 | 说明 |
|------|----------|------|------|
| 1 | 老师 Excel | 无 | 生成老师档案 |
| 2 | 课程 Excel | 无 | 生成课程产品 |
| 3 | 学生 Excel | 顾问账号 | 生成学员主档 |
| 4 | 班级/选课 Excel | 学生、课程、老师 | 导入班级 |
| 5 | 课时余额 Excel | 学生、课程 | 生成期初余额 |
"""


def test_each_name_of_the_cell_is_the_row_whose_title_has_that_word() -> None:
    report, items = imported(PLAN)
    deps = {i.title: i.depends_on for i in items.values()}
    assert deps["班级/选课 Excel"] == ["3", "2", "1"], report
    assert deps["课时余额 Excel"] == ["3", "2"], report
    # "顾问账号" (the advisers' accounts) is no row of the plan: no dependency made up.
    assert deps["学生 Excel"] == []
