"""Numbered sections of a numbered chapter are the document's outline unless they carry fields."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_a_numbered_section_without_fields_under_its_chapter_is_no_item() -> None:
    md = "# Spec\n\n## 3. Entities\n\n### 3.1 Imaging\n\nThe fields we keep.\n\n### 3.2 Pathology\n\nMore fields.\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert result.board.items == []
    assert any("a section number under its numbered chapter" in line for line in result.report_lines)


def test_a_numbered_section_with_fields_is_an_item() -> None:
    md = "# Spec\n\n## 3. Work\n\n### 3.1 Migrate\n\n- **Status:** done\n\n### 3.2 Expire holds\n\n- **Owner:** Rui\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert sorted(i.id for i in result.board.items) == ["3.1", "3.2"]
