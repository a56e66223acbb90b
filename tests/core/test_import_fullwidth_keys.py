"""Bold field labels followed by the full-width colon of Chinese and Japanese text (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.fields import split_keyval


def test_a_bold_label_with_a_full_width_colon_is_a_field() -> None:
    assert split_keyval("**状态**：[x] 已完成（备注：a；b）") == ("状态", "[x] 已完成（备注：a；b）")
    assert split_keyval("**ステータス：** 完了") == ("ステータス", "完了")
    # Without bold, words before a full-width colon are prose.
    assert split_keyval("状态：完成") is None


def test_a_status_line_opening_a_section_gives_its_item_a_status() -> None:
    md = (
        "# P\n\n## P0-1 列表动画\n\n**状态**：[x] 已完成（实施备注：见 P0-2）\n\n## P0-2 遮罩\n\n**状态**：[ ] 未开始\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"P0-1": "done", "P0-2": "todo"}
