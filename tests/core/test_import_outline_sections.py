"""Numbered sections of a numbered chapter are the document's outline unless they carry fields."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported


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


def test_numbered_sections_that_introduce_the_plan_are_no_items_under_any_parent() -> None:
    md = (
        "# Plan\n\n## 📋 Overview\n\n### 1.1 Background\n\n**Priority:** P0\n\n### 1.2 优化目标\n\n- **Owner:** Kim\n\n"
        "## Steps\n\n### 2.1 Migrate the links\n\n- **Status:** done\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [i.id for i in result.board.items] == ["2.1"]
    assert any("'1.1 Background': a numbered section about the plan" in line for line in result.report_lines)


def test_numbered_sections_under_a_chapter_rating_its_risk_are_its_tasks() -> None:
    md = (
        "**Projektplan**\n\n## **1. Kick-Off**  \n**Risiko:** Gering  \n**Details:** Kick-off-Meeting.  \n\n"
        "### **1.1 Kick-off-Meeting**  \n- Vorstellung des Projekts  \n- Definition der Ziele  \n\n"
        "### **1.2 Projektcharta**  \n- Dokumentation von Projektumfang  \n- Genehmigung  \n\n"
        "## **2. Design**  \n**Risiko:** Gering  \n\n### **2.1 Systemarchitektur entwerfen**  \n- Architekturentwurf  \n"
    )
    _, items = imported(md)
    assert [(i.id, i.title) for i in items.values()] == [
        ("1.1", "Kick-off-Meeting"),
        ("1.2", "Projektcharta"),
        ("2.1", "Systemarchitektur entwerfen"),
    ]
