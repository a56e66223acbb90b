"""Task lists in batches: ``**T1.1**`` boxes, ``**前置**：Batch 2。**风险**：中。`` lines, a batch overview (issue 43)."""

from __future__ import annotations

from typing import Any

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.entries.entry_ids import marked_id
from readiness_tui.core.importers.references.refs import expand_group_ranges

PLAN = (
    "# TASKLIST\n\n## Batch 1 — 删除依赖\n\n**前置**：无。**风险**：低。\n\n"
    "- [x] **T1.1** 删 `lakesoul-io-java`。\n- [x] **T1.V** 验证：BUILD SUCCESS。\n\n"
    "## Batch 2 — 死代码\n\n**前置**：Batch 1（T1.1 已删）。**风险**：中。整批一起验证。\n\n"
    "- [ ] **T2.1** 删 `getIcebergColumnStats`。\n\n"
    "## Batch 3 — 迁移\n\n**前置**：Batch 1–2 完成更干净。**风险**：高。\n\n- [ ] **T3.1** 迁测试类。\n\n"
    "## 状态总览\n\n| 批次 | 标题 | 前置 | 状态 |\n|---|---|---|---|\n| 1 | 删除依赖 | — | ✅ |\n"
    "| 2 | 死代码 | B1 | 🔄 |\n| 3 | 迁移 | B1–2 | ⬜ |\n"
)


def _items(md: str) -> dict[str, Any]:
    result = import_markdown(md, "T.md")
    assert result.board is not None
    return {i.id: i for i in result.board.items}


def test_a_bold_id_with_a_dotted_part_opens_an_entry() -> None:
    assert marked_id("**T0.1** 读 HANDOFF") == ("T0.1", "读 HANDOFF", None)
    assert marked_id("**T1.V** 验证") == ("T1.V", "验证", None)
    assert marked_id("**v2.0** release notes") is None  # a version, not an id


def test_the_boxes_are_the_items_and_the_overview_of_batches_makes_none() -> None:
    items = _items(PLAN)
    assert list(items) == ["T1.1", "T1.V", "T2.1", "T3.1"]
    assert items["T1.1"].status == "done" and items["T2.1"].status == "todo"


def test_a_batch_line_with_several_labels_gives_its_dependency_to_every_item_of_the_batch() -> None:
    items = _items(PLAN)
    assert items["T2.1"].depends_on == ["T1.1", "T1.V"]
    assert items["T1.1"].depends_on == []


def test_a_range_of_batches_after_one_noun_names_each_batch() -> None:
    items = _items(PLAN)
    assert items["T3.1"].depends_on == ["T1.1", "T1.V", "T2.1"]
    assert expand_group_ranges("Batch 1–3 done") == "batch 1, batch 2, batch 3 done"
    assert expand_group_ranges("Step 8-11 done") == "Step 8-11 done"  # a hyphen after one noun may be one step's id
