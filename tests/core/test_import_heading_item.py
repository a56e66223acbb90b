"""The ``item`` relabel (issue 43): a heading is one item; ``"Milestone *"`` relabels every such heading."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.guide import relabel_section
from readiness_tui.core.importers.guided.recipe import Recipe
from readiness_tui.core.importers.guided.recipe_file import parse_recipe
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from tests.core.import_plan import imported

PLAN = (
    "# Roadmap\n\n## Milestones\n\n"
    "### ✅ Milestone 1: Foundation\n\n**Status**: 19/19 tasks complete (100%)\n\n**Deliverables**:\n- [x] Repo\n- [x] CI\n\n"
    "### 🔜 Milestone 2: Auth\n\n**Status**: 0/24 tasks complete (0%)\n\n**Deliverables**:\n- [ ] Login\n\n"
    "**Dependencies**: None (can start immediately)\n\n"
    "### Milestone 3: Identity\n\n**Status**: 3/22 tasks complete\n\n**Deliverables**:\n- [ ] CRUD\n\n"
    "**Dependencies**: Requires Milestone 2 (Auth)\n"
)


def _board(recipe: Recipe | None):  # type: ignore[no-untyped-def]
    result = import_markdown(PLAN, "ROADMAP.md", recipe=recipe)
    assert result.board is not None, "\n".join(result.report_lines)
    return result


def test_without_the_label_the_deliverables_are_the_items() -> None:
    ids = [i.id for i in _board(None).board.items]
    assert ids and not any(i.startswith("MILESTONE") for i in ids)


def test_one_wildcard_relabel_makes_each_milestone_heading_an_item() -> None:
    result = _board(parse_recipe('[sections]\n"Milestone *" = "item"\n'))
    got = {i.id: (i.status, i.depends_on) for i in result.board.items}
    assert got == {
        "MILESTONE-1": ("done", []),
        "MILESTONE-2": ("todo", []),
        "MILESTONE-3": ("in_progress", ["MILESTONE-2"]),
    }
    assert any("'milestone *' = 'item' applied" in line for line in result.report_lines)


def test_a_wildcard_matches_only_headings_that_start_with_its_words() -> None:
    recipe = parse_recipe('[sections]\n"Milestone *" = "item"\n')
    assert recipe.section_label("Milestone 4: x") == "item"
    assert recipe.section_label("Milestones") is None and recipe.section_label("Big Milestone 4") is None


def test_the_guide_keys_an_item_relabel_on_the_heading_word() -> None:
    assert relabel_section(Recipe(), "Milestone 2: Auth (Weeks 3-4)", "item").sections == {"milestone *": "item"}
    assert relabel_section(Recipe(), "Launch review", "item").sections == {"launch review": "item"}


@pytest.mark.parametrize(
    ("text", "status"),
    [("19/19 tasks complete (100%)", "done"), ("0/24 tasks complete (0%)", "todo"), ("3 / 8 done", "in_progress")],
)
def test_a_count_of_work_done_is_the_status(text: str, status: str) -> None:
    assert parse_status(text) == status


def test_a_checklist_under_a_metrics_heading_is_targets_not_items() -> None:
    md = "# P\n\n## Tasks\n\n- [ ] T-1 Build it\n\n## Success metrics\n\n- [ ] p99 under 10 ms\n- [ ] 0 critical issues\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1"]


def test_a_checklist_under_monitoring_and_metrics_is_checks_like_its_siblings() -> None:
    # "Monitoring & Metrics" names a part of the system to check, as "Networking" does; not the plan's targets.
    md = "# Pre-upgrade checklist\n\n### 18. Networking\n\n- [ ] DNS resolves\n- [ ] Ingress answers\n\n"
    md += "### 19. Monitoring & Metrics\n\n- [ ] Prometheus scraping all targets\n- [ ] Alerting rules firing\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert len(result.board.items) == 4


def test_all_previous_names_the_earlier_items_named_like_this_one() -> None:
    md = (
        PLAN
        + "\n### Milestone 4: Hardening\n\n**Deliverables**:\n- [ ] Audit\n\n**Dependencies**: Requires all previous milestones\n"
    )
    result = import_markdown(md, "ROADMAP.md", recipe=parse_recipe('[sections]\n"Milestone *" = "item"\n'))
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps["MILESTONE-4"] == ["MILESTONE-1", "MILESTONE-2", "MILESTONE-3"]


def test_steps_numbered_on_across_tiers_under_a_heading_that_names_work_are_items() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# P\n\n## Prioritized next steps\n\n### Tier 1: Critical path\n\n#### 1. Draft chapter 3\n"
    md += "- **Why now:** completes Part I.\n\n#### 2. Draft chapters 4-5\n- **Why now:** first regional part.\n\n"
    md += "### Tier 2: High priority\n\n#### 3. Add cloud targets\n- **Status:** P0 elsewhere, in progress since May.\n"
    md += "- **Action:** Add Colab notebooks.\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.status) for i in result.board.items}
    assert got == {
        "1": ("Draft chapter 3", "todo"),
        "2": ("Draft chapters 4-5", "todo"),
        "3": ("Add cloud targets", "in_progress"),
    }
    assert "Action: Add Colab notebooks." in next(i for i in result.board.items if i.id == "3").description


def test_numbered_sections_of_a_document_under_headings_that_name_no_work_are_no_items() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# Spec\n\n## Background\n\n### Part A\n\n#### 1. Context\n\nText.\n\n#### 2. Scope\n\nText.\n"
    result = import_markdown(md, "spec.md")
    assert result.board is not None and result.board.items == []


def test_a_numbered_section_over_descriptive_sub_headings_is_the_outline_not_an_item() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# Análise\n\n## 1. Avaliação\n\n### 1.1 Status geral\n- **Progresso Atual**: 70%\n\n"
    md += "### 1.2 Componentes implementados\n\n#### Frontend (95% completo)\n- ✅ Aplicação React\n\n"
    md += "#### Sistema de IA\n- ✅ Cloud Vision\n\n## 2. Tarefas\n\n### 2.1 Migrar o deploy\n- **Status:** em andamento\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"2.1": "in_progress"}


def test_a_bold_group_label_over_a_list_of_ids_and_a_total_line_groups_them() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# Sprint\n\n## Deliverables\n\n**M1 — Infrastructure (2 stories)**\n\n- `STORY-1`: Worktrees\n"
    md += "- `STORY-2`: State schema\n\n**M2 — Agents (2 stories)**\n\n- `STORY-3`: Interrupts\n- `STORY-4`: Flashcards\n\n"
    md += "**Total: 4 stories, 1 Epic.**\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["STORY-1", "STORY-2", "STORY-3", "STORY-4"]


def test_step_headings_under_a_heading_that_names_work_are_items_numbered_as_written() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# Plan\n\n## Implementation steps\n\n### Step 1 — Add CONFIG constants\n\nIn `CONFIG`, add a key.\n\n"
    md += "### Step 2 — Add the helper\n\nReturns a date.\n\n### Step 3: Wire it\n\nCall it.\n\n## Notes\n\n### Step 9 — not one\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.title for i in result.board.items} == {
        "1": "Add CONFIG constants",
        "2": "Add the helper",
        "3": "Wire it",
    }


def test_a_chapter_numbered_in_cjk_numerals_makes_its_sections_the_outline() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# 修复报告\n\n## 一、修复工作总览\n\n### 1.1 问题统计汇总\n\n| 阶段 | 严重问题 |\n|---|---|\n| 阶段二 | 0 |\n\n"
    md += "### 1.2 问题严重程度分布\n\n- 严重：1\n\n## 二、修复计划\n\n### 2.1 修复 vLLM 初始化\n- **状态**: 待修复\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["2.1"]


def test_a_heading_naming_a_range_of_phases_is_no_phase() -> None:
    from readiness_tui.core.importers.sections.patterns import PHASE_RE

    assert PHASE_RE.match("Phase 1-4交付物") is None and PHASE_RE.match("Phase 1–4 deliverables") is None
    m = PHASE_RE.match("Phase 1 - Setup")
    assert m is not None and (m.group("num"), m.group("title")) == ("1", "Setup")


def test_a_state_mark_and_its_bracketed_gloss_closing_a_heading_are_its_state() -> None:
    md = "# P\n\n## Timeline\n\n### T-1: Announce ✅ (Completed)\n\n### T-2: Warning period 🔄 (Current)\n\n### T-3: Sunset 🚨 (Upcoming)\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.status) for i in result.board.items}
    # 🚨 says how urgent, not how far: the words stay the title's.
    assert got == {
        "T-1": ("Announce", "done"),
        "T-2": ("Warning period", "in_progress"),
        "T-3": ("Sunset 🚨 (Upcoming)", "todo"),
    }


def test_work_on_metrics_is_work_not_a_list_of_targets() -> None:
    # "2) Metrics Cardinality Protection Deepening" names work on the metrics; "Success metrics" lists targets.
    md = "# Backlog\n\n### 1) Rate limiter\n\n- [x] Add a cooldown\n- [x] Add fallback mode\n- [ ] Add tests\n\n"
    md += (
        "### 2) Metrics Cardinality Protection Deepening\n\n- [x] Bound the method label\n- [ ] Bound the path label\n"
    )
    md += "- [ ] Bound the status label\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert len(result.board.items) == 6


def test_a_milestones_burnup_heading_is_a_report_not_an_item() -> None:
    md = (
        "# PlanBoard\n\n## M0: Foundations\n\n| Ticket | Owner | Status |\n|---|---|---|\n| **A0** | Lead | ⏳ Pending |\n"
        "| **A1** | FE | ⏳ Pending |\n\n### M0 Burnup\n- **Planned Story Points:** 42h\n- **Completion Rate:** 0% (0/2)\n\n"
        "### M0 Exit Criteria\n- [ ] Expo runs on iOS\n- [ ] No P0 bugs\n"
    )
    report, items = imported(md)
    assert list(items) == ["A0", "A1"]
    assert "heading 'M0 Burnup': a report on, or the criteria of, M0's work; not an item" in "\n".join(report)
