"""A recipe's ``[lists]``: a list led in by a label (``**Checklist**:``) is items or text wherever it stands, so a
section holding both the work and the checks of each step needs one relabel, not one per box (issue 43)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.guide import relabel_count, relabel_list
from readiness_tui.core.importers.guided.recipe import Recipe, RecipeError
from readiness_tui.core.importers.guided.recipe_file import parse_recipe
from tests.core.import_plan import imported_with, items_of

PLAN = (Path(__file__).parents[1] / "fixtures" / "recipes" / "lead_in_lists.md").read_text(encoding="utf-8")


def _titles(recipe: str | None) -> list[str]:
    result = import_markdown(PLAN, "plan.md", recipe=parse_recipe(recipe, "r.toml") if recipe else None)
    assert result.board is not None
    return [i.title for i in result.board.items]


def test_a_list_label_says_every_list_it_leads_in_is_text() -> None:
    assert "Vault pod is running" in _titles(None)  # read as work without the relabel
    assert _titles('[lists]\n"Checklist" = "text"\n') == [
        "Apply the manifests",
        "Unseal the vault",
        "Run the populate script",
    ]


def test_a_list_label_says_the_lists_it_leads_in_are_items() -> None:
    assert "The team has the root token in the password manager" not in _titles(None)  # an outcome to meet
    titles = _titles('[lists]\n"Expected outcome" = "items"\n')
    assert titles[-1] == "The team has the root token in the password manager"


def test_the_report_says_which_list_relabel_applied_and_which_matched_nothing() -> None:
    recipe = parse_recipe('[lists]\n"Checklist" = "text"\n"Exit gates" = "text"\n', "r.toml")
    lines = import_markdown(PLAN, "plan.md", recipe=recipe).report_lines
    assert any("r.toml:2: [lists] 'checklist' = 'text' applied" in ln for ln in lines)
    said = "plan.md:12: used: list under 'Vault infrastructure' led in by 'Checklist': text, as the recipe says"
    assert any(ln.startswith(said) for ln in lines)
    assert any("warning: r.toml:3: [lists] 'exit gates' matches no list's lead-in of the plan" in ln for ln in lines)


def test_a_list_labelled_text_is_kept_as_the_section_s_text() -> None:
    recipe = parse_recipe('[lists]\n"Checklist" = "text"\n', "r.toml")
    board = import_markdown(PLAN, "plan.md", recipe=recipe).board
    assert board is not None
    kept = [s.body for s in board.sections if s.title == "Vault infrastructure"]
    assert kept == ["- [ ] Vault pod is running\n- [ ] Status shows unsealed\n"]


def test_a_list_relabel_is_one_relabel_saved_and_read_back() -> None:
    recipe = relabel_list(Recipe(), "**Checklist**", "text")
    assert relabel_count(recipe, None) == 1
    assert parse_recipe(recipe.to_toml(), "r.toml").lists == {"checklist": "text"}
    with pytest.raises(ValueError, match="only a list led in by a label"):
        relabel_list(Recipe(), "", "text")


def test_a_list_label_must_be_items_or_text() -> None:
    with pytest.raises(RecipeError, match="r.toml:2: \\[lists\\] 'Checklist' = 'risks': expected one of items, text"):
        parse_recipe('[lists]\n"Checklist" = "risks"\n', "r.toml")


TICKETS = """# Plan

#### Task 1.1: Create Safe Execution Module
**Owner:** TBD

**Deliverables:**
- [ ] Create `lib/safe_execution.sh`
- [x] Implement `safe_execute()` with input validation

#### Task 1.2: Audit eval usage
**Checklist:**
- [ ] Find every eval
- [ ] List files by risk level
"""


def _items(recipe: str | None) -> dict[str, tuple[str, str | None]]:
    result = import_markdown(TICKETS, "plan.md", recipe=parse_recipe(recipe, "r.toml") if recipe else None)
    assert result.board is not None
    return {i.id: (i.title, i.parent) for i in result.board.items}


def test_a_list_label_says_a_tickets_boxes_after_it_are_its_text() -> None:
    assert "1.1.1" in _items(None)  # the deliverables read as the task's child items without the relabel
    result = import_markdown(TICKETS, "plan.md", recipe=parse_recipe('[lists]\n"Deliverables" = "text"\n', "r.toml"))
    assert result.board is not None
    task = next(i for i in result.board.items if i.id == "1.1")
    assert [i.id for i in result.board.items if i.parent == "1.1"] == []
    assert "- [x] Implement `safe_execute()` with input validation" in task.description


def test_a_list_label_says_a_tickets_boxes_after_it_are_its_child_items() -> None:
    items = _items('[lists]\n"Checklist" = "items"\n')
    assert [i for i, (_, parent) in items.items() if parent == "1.2"] == ["1.2.1", "1.2.2"]


_JIRA = """# Phase 1 tasks

### TASK-A001: Set up the client module
- **Priority:** High
- **Jira Sub-tasks:**
    - Generate the Nx library
    - Install the HTTP client

### TASK-A002: Configure auth
- **Dependencies:** TASK-A001

## 9. Traceability Matrix

| Task ID | Technical Spec Section |
|---------|------------------------|
| A001 | Section 5.1 |
| A002 | Section 8.1 |
"""


def test_a_sub_tasks_field_the_recipe_calls_text_stays_the_item_s_words() -> None:
    plain_import = items_of(imported_with(_JIRA, None))
    assert list(plain_import) == ["TASK-A001", "TASK-A001.1", "TASK-A001.2", "TASK-A002"]
    items = items_of(imported_with(_JIRA, '[lists]\n"Jira Sub-tasks" = "text"\n'))
    assert list(items) == ["TASK-A001", "TASK-A002"]
    assert "Generate the Nx library" in items["TASK-A001"].description


def test_a_list_label_says_a_list_of_marks_and_a_box_under_an_item_is_text() -> None:
    md = (
        "# Suivi\n\n## HIGH\n\n### ✅ 8. Missing metrics\n**STATUS:** ✅ IMPLÉMENTÉ\n\n**Détails:**\n"
        "- ✅ `requests_total` (Counter)\n- ✅ Endpoint `/metrics`\n- [ ] Dashboard Grafana (reste à créer)\n"
    )
    recipe = '[sections]\n"8. Missing metrics" = "item"\n'
    assert len(items_of(imported_with(md, recipe))) == 3  # each mark its child
    items = items_of(imported_with(md, recipe + '[lists]\n"Détails" = "text"\n'))
    assert len(items) == 1
    (item,) = items.values()
    assert "Dashboard Grafana" in item.description and "`requests_total` (Counter)" in item.description
