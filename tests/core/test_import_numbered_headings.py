"""Numbered headings over prose (issue 43): ``### 1. x`` .. ``### 3. z`` under "Next features" are items."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported


def _items(md: str) -> dict[str, str]:
    result = import_markdown(md, "ROADMAP.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return {i.id: i.title for i in result.board.items}


def test_numbered_headings_under_a_work_heading_are_items() -> None:
    md = "# R\n\n## Planned work\n\n### 1. Cycle states\n\nText.\n\n### 2. Detail view\n\n- a point\n"
    assert _items(md) == {"1": "Cycle states", "2": "Detail view"}


def test_numbered_sections_of_a_document_are_not_items() -> None:
    # The heading above does not name work, or is numbered itself, or the numbers do not run from 1.
    assert _items("# R\n\n## Architecture\n\n### 1. Frontend\n\nText.\n\n### 2. Backend\n\nText.\n") == {}
    assert _items("# R\n\n## 2. Next steps\n\n### 1. Frontend\n\nText.\n\n### 2. Backend\n\nText.\n") == {}
    assert _items("# R\n\n## Next features\n\n### 3. Frontend\n\nText.\n\n### 5. Backend\n\nText.\n") == {}


def test_a_single_numbered_heading_is_not_a_list_of_items() -> None:
    assert _items("# R\n\n## Next features\n\n### 1. Only one\n\nText.\n") == {}


def test_numbered_headings_under_a_section_labelled_items_are_items() -> None:
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    md = (
        "# Go-live\n\n## MAJOR (after go-live)\n\n### 7. Cache warmup ✅\n\n**Aufwand:** 2h\n\n"
        "### 8. Rate limits\n\n**Aufwand:** 1h\n"
    )
    plain_run = import_markdown(md, "PLAN.md")
    assert plain_run.board is not None
    assert [i.id for i in plain_run.board.items] == []
    labelled = import_markdown(md, "PLAN.md", recipe=parse_recipe('[sections]\n"MAJOR*" = "items"\n', "r.toml"))
    assert labelled.board is not None, "\n".join(labelled.report_lines)
    assert [i.id for i in labelled.board.items] == ["7", "8"]


def test_a_table_with_no_title_column_under_a_section_said_to_hold_items_is_titled_by_its_names() -> None:
    md = (
        "# Release\n\n## 文档清单\n\n| 文档 | 状态 | 路径 |\n|---|---|---|\n"
        "| API 文档 | ⏳ 进行中 | docs/api.md |\n| 用户手册 | ⏳ 待完成 | docs/user.md |\n"
    )
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    plain_run = import_markdown(md, "R.md")
    assert plain_run.board is not None and plain_run.board.items == []
    labelled = import_markdown(md, "R.md", recipe=parse_recipe('[sections]\n"文档清单" = "items"\n', "r.toml"))
    assert labelled.board is not None, "\n".join(labelled.report_lines)
    assert [(i.title, i.status) for i in labelled.board.items] == [("API 文档", "in_progress"), ("用户手册", "todo")]


def test_headings_numbered_on_across_a_board_s_columns_are_items() -> None:
    plan = (
        "# Test Fix Progress\n\n## Completed Fixes ✅\n\n### 1. Monitoring tests - FIXED\nAdded asyncio mode.\n\n"
        "### 2. Annotation router (partial)\nPaths corrected.\n\n## In Progress 🔄\n\n### 3. E2E annotation tests\n"
        "**Issue**: the test database has no resources table\n"
    )
    _, items = imported(plan)
    assert sorted(items) == ["1", "2", "3"]
    assert items["3"].status == "in_progress"


def test_a_numbered_heading_over_a_table_of_tasks_groups_them() -> None:
    table = "| Task | Status | Effort |\n|---|---|---|\n"
    md = (
        "# R\n\n## Nice to have\n\n"
        f"### 1. UI Polish\n{table}| Badge redesign | Pending | Medium |\n| Dark mode pass | Done | Low |\n\n"
        f"### 2. Feature Parity\n{table}| Account page | Pending | Medium |\n| Change email | Pending | Low |\n"
    )
    titles = set(_items(md).values())
    assert titles == {"Badge redesign", "Dark mode pass", "Account page", "Change email"}


def test_a_ticket_heading_naming_a_range_over_its_entries_groups_them() -> None:
    md = (
        "# Maestro ML Platform - Improvement Tracker\n"
        "\n"
        "**Created**: 2025-10-04\n"
        "**Status**: Active Backlog\n"
        "**Total Items**: 38 improvements\n"
        "### ML-006: Implement Feature Discovery\n"
        "**Priority**: 🔴 P0 - Critical\n"
        "**Effort**: 4 weeks\n"
        "**Owner**: Data Science Team\n"
        "**Sprint**: Q1 2025\n"
        "**Status**: 📋 Planned\n"
        "\n"
        "**Description**:\n"
        "\n"
        "## P2 - Medium Priority (Nice to Have)\n"
        "\n"
        "### ML-024 through ML-038: See complete tracker\n"
        "\n"
        "*(Due to space, summarizing P2 items:)*\n"
        "\n"
        "- ML-024: PII Detection & Masking (3 weeks)\n"
        "- ML-025: Schema Evolution Support (2 weeks)\n"
        "- ML-026: Auto Feature Engineering (6 weeks)\n"
        "\n"
        "---\n"
    )
    got = _items(md)
    assert got == {
        "ML-006": "Implement Feature Discovery",
        "ML-024": "PII Detection & Masking",
        "ML-025": "Schema Evolution Support",
        "ML-026": "Auto Feature Engineering",
    }
