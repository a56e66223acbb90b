"""Tables of pre-requisites met in plan indexes and handoffs (issue 43)."""

from __future__ import annotations

from typing import Any

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.guided.recipe_file import parse_recipe


def _import(md: str) -> tuple[Any, dict[str, Any]]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return result, {i.id: i for i in result.board.items}


INDEX = (
    "# Round\n\n| # | File | Tier | Pre-reqs |\n|---|---|---|---|\n"
    "| 1 | [`rng_split.md`](rng_split.md) | Hygiene | None — must land first |\n"
    "| 2 | [`regime.md`](regime.md) | Mechanism | None directly; enables 3 |\n"
    "| 3 | [`align.md`](align.md) | Mechanism | 1, 2 |\n"
)


def test_a_pre_reqs_column_holds_the_dependencies() -> None:
    _, items = _import(INDEX)
    assert items["3"].depends_on == ["1", "2"]


def test_a_cell_opening_with_none_names_no_dependency_whatever_follows() -> None:
    result, items = _import(INDEX)
    assert items["1"].depends_on == [] and items["2"].depends_on == []
    assert items["2"].custom["pre_reqs"] == "None directly; enables 3"
    assert any("2: dependencies 'None directly; enables 3' open with 'None': none" in ln for ln in result.report_lines)


def test_rows_with_no_column_of_words_are_named_by_their_file() -> None:
    result, items = _import(INDEX)
    assert items["1"].title == "`rng_split.md`"
    assert not any("missing-title" in line for line in result.report_lines)


def test_a_column_of_bare_ids_gives_the_rows_their_ids() -> None:
    md = (
        "# Handoff\n\n| Step | Story | Pre-reqs |\n|:--|:--|:--|\n| 1 | **5.0 (NEW)** | Cluster access |\n"
        "| 2 | 5.1 | Story 5.0 done |\n| 3 | 5.2 | 5.1 done |\n"
    )
    _, items = _import(md)
    assert list(items) == ["5.0", "5.1", "5.2"]
    assert items["5.1"].depends_on == ["5.0"] and items["5.2"].depends_on == ["5.1"]
    assert items["5.0"].title == "5.0 (NEW)" and items["5.2"].title == "5.2"


def test_a_status_cell_naming_what_the_row_waits_on_gives_the_dependency() -> None:
    md = (
        "# Epic\n\n| ID | Title | Status |\n|---|---|---|\n| 5.2 | Tokens | ✅ APPROVED |\n"
        "| 5.3 | Storybook | ✅ APPROVED (blocked by 5.2) |\n| 5.4 | Tests | In progress (waiting on the vendor) |\n"
        "| 5.5 | A11y | hecho (bloqueado por 5.2) |\n"
    )
    result, items = _import(md)
    assert items["5.3"].depends_on == ["5.2"] and items["5.3"].status == "done"
    assert items["5.4"].depends_on == [] and items["5.4"].status == "in_progress"
    assert items["5.5"].depends_on == ["5.2"]  # the plan's wait words in any language it is read in
    assert any("5.3: status cell names what it waits on: depends on 5.2" in line for line in result.report_lines)


def test_a_status_cell_waiting_on_an_id_shaped_like_the_rows_own_gives_the_dependency() -> None:
    md = (
        "# Queue\n\n| # | Task | Status |\n|---|---|---|\n| T17 | Bench | done |\n| T18 | Recipe | queued (after T17) |\n"
        "| T19 | Cleanup | queued (after T18) |\n| T20 | Docs | queued (after v2) |\n"
    )
    _, items = _import(md)
    assert items["T18"].depends_on == ["T17"] and items["T19"].depends_on == ["T18"]
    assert items["T19"].status == "todo"
    # "v2" is no id of the plan's shape: a version, not a row waited on.
    assert items["T20"].depends_on == []


def test_a_status_cell_that_is_only_its_wait_words_and_ids_gives_the_dependency() -> None:
    md = (
        "# M0\n\n| ID | Task | Status |\n|---|---|---|\n| IMP-001 | Skeleton | READY |\n"
        "| IMP-006 | Primitives | BLOCKED BY IMP-001 |\n| IMP-007 | Config | BLOCKED BY IMP-001 |\n"
        "| IMP-009 | Auth | BLOCKED BY IMP-006 AND IMP-007 |\n| IMP-012 | Docs | Blocked by the vendor |\n"
    )
    _, items = _import(md)
    assert items["IMP-006"].depends_on == ["IMP-001"] and items["IMP-006"].status == "blocked"
    assert items["IMP-009"].depends_on == ["IMP-006", "IMP-007"]
    assert items["IMP-012"].depends_on == [] and items["IMP-012"].status == "blocked"


def test_a_register_row_naming_items_on_both_sides_links_them_and_is_no_item() -> None:
    md = (
        "# Backlog\n\n| ID | Task | Status |\n|---|---|---|\n| D-1 | Datasets | Open |\n| D-3 | Codes | Open |\n"
        "| US-004 | Model | Blocked |\n| US-006 | Import | Todo |\n\n## Dépendances & blocages\n\n"
        "| ID | Dépendance | Bloque | Statut |\n|---|---|---|---|\n"
        "| BLK-01 | D-3 (codes canoniques) | US-004, tout le modèle | 🔴 Ouvert |\n"
        "| BLK-02 | D-1 (datasets) | US-006 | 🔴 Ouvert |\n| BLK-03 | `tests/` inexistant | US-006 | ✅ Résolu |\n"
    )
    result, items = _import(md)
    assert items["US-004"].depends_on == ["D-3"]
    assert set(items["US-006"].depends_on) == {"D-1", "BLK-03"}  # a blocker that is no item of the plan stays one
    assert "BLK-01" not in items and "BLK-02" not in items
    assert any("row links D-3 before US-004: dependencies, not an item" in line for line in result.report_lines)


def test_a_register_rows_links_are_item_waits_that_group_waits_none_keeps() -> None:
    md = (
        "# Backlog\n\n| ID | Task | Status |\n|---|---|---|\n| D-3 | Codes | Open |\n| US-004 | Model | Blocked |\n\n"
        "## Dépendances\n\n| ID | Dépendance | Bloque | Statut |\n|---|---|---|---|\n"
        "| BLK-01 | D-3 (codes canoniques) | US-004 | 🔴 Ouvert |\n"
    )
    result = import_markdown(md, "P.md", recipe=parse_recipe('[options]\ngroup_waits = "none"\n', "r.toml"))
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items}["US-004"] == ["D-3"]


def test_rows_whose_titles_open_with_ids_keep_them_beside_rows_without() -> None:
    md = (
        "# Ledger\n\n| Task | Owner | Status |\n|---|---|---|\n| F1 bootstrap/env/auth | ana | implemented |\n"
        "| F2 schema/RLS | bo | implemented |\n| Phase 2 Ticket core | bo | pending |\n| Whole V1 review | cy | pending |\n"
    )
    result, items = _import(md)
    assert {i: it.title for i, it in items.items()} == {
        "F1": "bootstrap/env/auth",
        "F2": "schema/RLS",
        "T3": "Phase 2 Ticket core",
        "T4": "Whole V1 review",
    }
    assert any("where it has them, made for the rest" in line for line in result.report_lines)


def test_one_row_opening_with_an_id_like_word_names_none() -> None:
    md = "# Ledger\n\n| Task | Owner |\n|---|---|\n| S3 bucket policy | ana |\n| Rotate keys | bo |\n| Audit logs | cy |\n"
    _, items = _import(md)
    assert "S3" not in items and len(items) == 3


def test_all_above_in_a_dependency_cell_is_every_earlier_row_named_alike() -> None:
    md = (
        "# Tracker\n\n| ID | Task | Status | Depends on |\n|---|---|---|---|\n| X-01 | Other | done | — |\n"
        "| RADAR-01 | Feed | done | — |\n| RADAR-02 | Score | todo | — |\n| RADAR-03 | Lock the run | todo | All above |\n"
    )
    result, items = _import(md)
    assert items["RADAR-03"].depends_on == ["RADAR-01", "RADAR-02"]
    assert any("RADAR-03: 'all previous' read as the earlier items named like it" in ln for ln in result.report_lines)
