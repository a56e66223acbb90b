"""Dependencies drawn with arrows in a plain code block (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

ITEMS = "# P\n\n| ID | Task |\n|---|---|\n| A-1 | a |\n| A-2 | b |\n| A-3 | c |\n| B-1 | d |\n\n"


def _deps(drawing: str, fence: str = "```", items: str = ITEMS) -> dict[str, list[str]]:
    result = import_markdown(f"{items}## Order\n\n{fence}\n{drawing}\n```\n", "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_the_item_right_of_an_arrow_waits_on_the_left() -> None:
    deps = _deps("A-1 → A-2 (needs the schema)\nA-1 + A-2 → A-3")
    assert deps["A-2"] == ["A-1"]
    assert deps["A-3"] == ["A-1", "A-2"]
    assert deps["A-1"] == []


def test_after_on_the_right_makes_the_left_wait() -> None:
    deps = _deps("A-3 (cleanup)  -> after A-1; each run alone\nB-1 → independent")
    assert deps["A-3"] == ["A-1"]
    assert deps["B-1"] == []


def test_a_chain_counts_only_when_every_step_is_ids() -> None:
    assert _deps("A-1 → A-2 → A-3")["A-3"] == ["A-2"]
    assert _deps("A-1 → review → A-3")["A-3"] == []


def test_last_is_every_other_item_of_its_kind() -> None:
    assert _deps("A-3 → last")["A-3"] == ["A-1", "A-2"]


def test_a_fence_with_a_language_is_no_drawing() -> None:
    assert _deps("A-1 -> A-2", fence="```python")["A-2"] == []


def test_an_end_that_is_no_item_adds_nothing() -> None:
    deps = _deps("A-9 → A-2\nA-1 → Z-4")
    assert deps["A-2"] == [] and "Z-4" not in deps


def test_an_item_that_states_its_dependencies_keeps_them() -> None:
    items = "# P\n\n| ID | Task | Depends on |\n|---|---|---|\n| A-1 | a | - |\n| A-2 | b | - |\n| A-3 | c | A-1 |\n\n"
    assert _deps("A-2 → A-3", items=items)["A-3"] == ["A-1"]


def test_all_previous_tasks_with_numeric_ids() -> None:
    md = "# P\n\n" + "".join(
        f"### Task 1.{n}: t{n}\n- **Dependencies**: {'All previous tasks' if n == 3 else 'None'}\n\n" for n in (1, 2, 3)
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items}["1.3"] == ["1.1", "1.2"]


def test_a_mermaid_flowchart_between_labelled_items_draws_waits() -> None:
    items = "# P\n\n| ID | Task |\n|---|---|\n| I-5 | a |\n| I-6 | b |\n| I-7 | c |\n\n"
    chart = (
        "flowchart TD\n  H[Harness] --> T5[I-5 Boot]\n  T5 --> T6[I-6 DB]\n  T6 -->|then| T7[I-7 Auth] --> V2[Wave 2]"
    )
    deps = _deps(chart, fence="```mermaid", items=items)
    assert deps == {"I-5": [], "I-6": ["I-5"], "I-7": ["I-6"]}


def test_a_mermaid_gantt_or_pie_is_no_flowchart() -> None:
    items = "# P\n\n| ID | Task |\n|---|---|\n| I-5 | a |\n| I-6 | b |\n\n"
    deps = _deps("pie\n  T5[I-5] --> T6[I-6]", fence="```mermaid", items=items)
    assert deps == {"I-5": [], "I-6": []}


PHASES = (
    "# P\n\n### Phase 0: base\n\n| ID | Task |\n|---|---|\n| P0-1 | a |\n| P0-2 | b |\n\n"
    "### Phase 1: build\n\n| ID | Task |\n|---|---|\n| P1-1 | c |\n| P1-2 | d |\n\n"
    "### Phase 2: ship\n\n| ID | Task |\n|---|---|\n| P2-1 | e |\n\n"
)


def test_a_mermaid_edge_between_phase_nodes_makes_each_item_wait_on_the_other_phase() -> None:
    chart = "flowchart LR\n  P0[Phase 0: base] --> P1[Phase 1: build]\n  P1 --> P2[Phase 2: ship]\n  P2 --> DONE[Live]"
    deps = _deps(chart, fence="```mermaid", items=PHASES)
    assert deps["P0-1"] == [] and deps["P0-2"] == []
    assert deps["P1-1"] == ["P0-1", "P0-2"] and deps["P1-2"] == ["P0-1", "P0-2"]
    assert deps["P2-1"] == ["P1-1", "P1-2"]


def test_group_waits_none_takes_back_what_an_edge_between_phase_nodes_drew() -> None:
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    chart = "flowchart LR\n  P0[Phase 0: base] --> P1[Phase 1: build]\n  P1-1 --> P1-2\n"
    md = f"{PHASES}## Order\n\n```mermaid\n{chart}```\n"
    result = import_markdown(md, "P.md", recipe=parse_recipe('[options]\ngroup_waits = "none"\n', "r.toml"))
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps["P1-1"] == [] and deps["P1-2"] == ["P1-1"]  # the edge between two items stays


def test_a_dotted_edge_between_phases_is_no_wait() -> None:
    chart = "flowchart LR\n  P0[Phase 0: base] --> P1[Phase 1: build]\n  P2[Phase 2: ship] -.->|alongside| P1"
    deps = _deps(chart, fence="```mermaid", items=PHASES)
    assert deps["P1-1"] == ["P0-1", "P0-2"]
    assert deps["P2-1"] == []


def test_a_drawn_tree_s_branches_wait_on_the_line_above_them() -> None:
    drawing = "A-1 (types)\n ├─▶ A-2 (card) ──────▶ A-3 (inbound)\n └─▶ B-1 (client)\nA-3 (inbound) [last]"
    deps = _deps(drawing)
    assert deps["A-2"] == ["A-1"]
    assert deps["A-3"] == ["A-2", "A-1"]
    assert deps["B-1"] == ["A-1"]


def test_a_tree_whose_nodes_name_their_items_in_brackets_after_who_does_them() -> None:
    # "[경은] LLM API 연동 (A-1)": a person in brackets, the work, its item last; a branch naming no item adds nothing.
    drawing = (
        "[지용] API 스키마 확정 (A-1)\n     ├──→ [지영] Mock API로 UI 개발 시작\n     └──→ [혜빈] API 구현 (A-2)\n\n"
        "[경은] LLM API 연동 (A-3)\n     └──→ [승언] document_agent (B-1)"
    )
    deps = _deps(drawing)
    assert deps == {"A-1": [], "A-2": ["A-1"], "A-3": [], "B-1": ["A-3"]}


def test_a_flowcharts_ampersands_join_the_nodes_of_an_edge() -> None:
    chart = "flowchart TD\n    A1[A-1: a] --> A2[A-2: b]\n    A1 --> A3 & B1\n    A2 & A3 --> B1\n"
    chart = chart.replace("A1", "A-1").replace("A2", "A-2").replace("A3", "A-3").replace("B1", "B-1")
    deps = _deps(chart, fence="```mermaid")
    assert deps == {"A-1": [], "A-2": ["A-1"], "A-3": ["A-1"], "B-1": ["A-1", "A-2", "A-3"]}


def test_box_drawn_arrows_are_arrows() -> None:
    assert _deps("A-1 ─▶ A-2, A-3")["A-3"] == ["A-1"]


def test_an_order_written_as_groups_of_indented_ids_waits_group_on_group() -> None:
    drawing = (
        "Phase 1 (no deps, start immediately):\n  A-1 (schemas) — first\n  B-1 (review)\n"
        "Phase 2 (after A-1 schemas exist):\n  A-2 (resume)\n  A-3 (lookup)\n"
        "Phase 3 (after Phase 2 endpoints exist):\n  B-1x\n"
    )
    items = "# P\n\n| ID | Task |\n|---|---|\n| A-1 | a |\n| A-2 | b |\n| A-3 | c |\n| B-1 | d |\n| B-2 | e |\n\n"
    deps = _deps(drawing.replace("B-1x", "B-2 (escalation)"), items=items)
    assert deps["A-2"] == ["A-1"] and deps["A-3"] == ["A-1"]
    assert deps["B-2"] == ["A-2", "A-3"]
    assert deps["A-1"] == [] and deps["B-1"] == []


def _prose_deps(text: str, items: str = ITEMS) -> dict[str, list[str]]:
    result = import_markdown(f"{items}## Order\n\n{text}\n", "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_a_critical_path_in_prose_is_a_chain_its_first_step_may_open_with_a_noun() -> None:
    deps = _prose_deps("- **Critical path:** Tasks A-1 → A-2 → A-3. Then B-1 → A-1 runs alone.")
    assert deps == {"A-1": [], "A-2": ["A-1"], "A-3": ["A-2"], "B-1": []}
    assert _prose_deps("Ruta crítica: A-3 → B-1")["B-1"] == ["A-3"]


def test_a_critical_path_naming_anything_but_items_reads_nothing() -> None:
    assert _prose_deps("Critical path: A-1 → review → A-3")["A-3"] == []
    assert _prose_deps("The path: A-1 → A-3")["A-3"] == []


def test_a_critical_path_against_the_plans_stated_order_loses_that_step() -> None:
    items = "# P\n\n| ID | Task | Depends on |\n|---|---|---|\n| A-1 | a | |\n| A-2 | b | A-3 |\n| A-3 | c | |\n\n"
    deps = _prose_deps("Critical path: A-1 → A-2 → A-3", items)
    # A-2 states its own dependencies; A-3 does not, but waiting on A-2 would close a loop.
    assert deps == {"A-1": [], "A-2": ["A-3"], "A-3": []}


def test_an_arrow_pointing_back_makes_the_left_side_wait() -> None:
    deps = _deps("A-3 ◄── A-1 + A-2\nB-1 <- A-3          │")
    assert (deps["A-3"], deps["B-1"], deps["A-1"]) == (["A-1", "A-2"], ["A-3"], [])


def test_a_drawing_names_an_items_own_wait_where_its_heading_names_the_groups() -> None:
    plan = (
        "# P\n\n### Base\n\n| ID | Task |\n|---|---|\n| A-1 | a |\n| A-2 | b |\n\n"
        "### Services (depend on A-1)\n\n| ID | Task |\n|---|---|\n| B-1 | c |\n| B-2 | d |\n\n"
        "## Graph\n\n```\nB-2 ◄── A-2\n```\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"A-1": [], "A-2": [], "B-1": ["A-1"], "B-2": ["A-2"]}


def test_a_critical_path_on_a_later_line_of_a_paragraph_counts() -> None:
    assert _prose_deps("**Team:** two people\n**Critical path:** A-1 → A-3")["A-3"] == ["A-1"]


def test_a_list_of_arrow_chains_between_ids_is_read_as_a_drawing() -> None:
    md = ITEMS + "### Critical path\n\n1. **A-1** (schema) → **A-2** (API) → **A-3** (UI)\n2. **B-1** → **A-3**\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps == {"A-1": [], "A-2": ["A-1"], "A-3": ["A-2", "B-1"], "B-1": []}


def test_a_drawing_top_to_bottom_makes_each_group_wait_on_the_one_above() -> None:
    md = (
        "# P\n\n## 8. Plan\n\n### 8.1 Phase 1 - Core\n\n| ID | Task |\n|---|---|\n| P1-T1 | a |\n| P1-T2 | b |\n\n"
        "### 8.2 Phase 2 - Cards\n\n| ID | Task |\n|---|---|\n| P2-T1 | c |\n\n"
        "### 8.3 Phase 3 - Checks\n\n| ID | Task |\n|---|---|\n| P3-T1 | d |\n\n"
        "## Order\n\n```\nPhase 1 (core)\n  ↓\nPhase 2 (cards)\n  ↓\nPhase 3 (checks) ← needs the Phase 2 cards\n```\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps == {"P1-T1": [], "P1-T2": [], "P2-T1": ["P1-T1", "P1-T2"], "P3-T1": ["P2-T1"]}


def test_a_prose_line_of_edges_between_ids_is_read_chain_by_chain() -> None:
    md = ITEMS + "## Plan\n\nProposed edges: A-1 → A-2; A-2 → A-3; B-1 → A-3. A-1 supplies the schema.\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps == {"A-1": [], "A-2": ["A-1"], "A-3": ["A-2", "B-1"], "B-1": []}
    # A chain that names anything but ids of the board is no drawing: the line says nothing.
    other = import_markdown(ITEMS + "## Plan\n\nProposed edges: A-1 → the API; A-2 → A-3.\n", "P.md")
    assert other.board is not None and all(i.depends_on == [] for i in other.board.items)


def test_a_drawing_under_a_heading_the_recipe_labels_text_says_nothing() -> None:
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    md = f"{ITEMS}## Order\n\n```\nA-1 → A-2\n```\n"
    assert {i.id: i.depends_on for i in import_markdown(md, "P.md").board.items}["A-2"] == ["A-1"]  # type: ignore[union-attr]
    result = import_markdown(md, "P.md", recipe=parse_recipe('[sections]\n"Order" = "text"\n', "r.toml"))
    assert result.board is not None and all(i.depends_on == [] for i in result.board.items)


def test_a_labelled_line_and_a_line_saying_depends_on_are_drawn_waits() -> None:
    # Before: "Sequential:" made the chain's first step words, and a line with no arrow said nothing.
    deps = _deps(
        "Parallel: A-1, B-1 (different files)\nSequential: A-2 depends on A-1 (package must exist)\n"
        "Sequential: A-1 → A-3 → B-1 (same class)\nNotes: the schema depends on the team"
    )
    assert deps == {"A-1": [], "A-2": ["A-1"], "A-3": ["A-1"], "B-1": ["A-3"]}


def test_a_flowchart_naming_items_by_their_ids_last_part_orders_them() -> None:
    md = (
        "# Jira client\n\n| ID | Task |\n|---|---|\n| TASK-A001 | Set up the module |\n| TASK-A002 | Authentication |\n"
        "| TASK-B001 | Fetch releases |\n\n```mermaid\ngraph TD\n    A001[A001: Setup Module] --> A002[A002: Authentication]\n"
        "    A002 --> B001[B001: Fetch Releases]\n```\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {
        "TASK-A001": [],
        "TASK-A002": ["TASK-A001"],
        "TASK-B001": ["TASK-A002"],
    }


def test_after_and_last_in_the_plan_languages() -> None:
    deps = _deps("A-2 (upgrade) → tras A-1; cada uno aislado\nA-3 (cierre) → último\nB-1 → independiente")
    assert (deps["A-2"], deps["A-3"], deps["B-1"]) == (["A-1"], ["A-1", "A-2"], [])
    deps = _deps("A-2 → tras/junto A-1\nA-3 → en dernier")
    assert (deps["A-2"], deps["A-3"]) == (["A-1"], ["A-1", "A-2"])
    assert _deps("A-3 → zuletzt")["A-3"] == ["A-1", "A-2"]


def test_a_wave_named_in_spanish_stands_for_its_items() -> None:
    md = (
        "# Plan\n\n### OLA P1 — Upgrades\n\n#### P1-01 — Bump aiohttp\n\n- [ ] Edit the lock\n\n"
        "#### P1-02 — Bump prefect\n\n- [ ] Edit the lock\n\n### OLA P2 — Higiene\n\n#### P2-01 — Sync ignores\n\n"
        "- [ ] Edit the lists\n\n## Dependencias\n\n```\nP2-01 (sync) → tras P1 (estado final)\n```\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items if "." not in i.id} == {
        "P1-01": [],
        "P1-02": [],
        "P2-01": ["P1-01", "P1-02"],
    }


def test_chains_drawn_one_under_another_are_read_along_not_down() -> None:
    # The arrow down between two chains points at no step of either: each chain is read, the down arrows are not.
    deps = _deps("A-1 → A-2\n     ↓\nA-3 → B-1 (parallel)")
    assert (deps["A-2"], deps["B-1"], deps["A-3"]) == (["A-1"], ["A-3"], [])


def test_all_previous_tasks_means_the_earlier_tasks_not_their_subtasks() -> None:
    plan = """# Librarian tools

### Task 1.1: Write the metadata standard
**Dependencies:** None

**Subtasks:**
1. Create the standard document
2. Define the schema

### Task 1.2: Build the shared module
**Dependencies:** Task 1.1

**Subtasks:**
1. Create the module
2. Parse the front matter

### Task 1.3: Final review
**Dependencies:** All previous tasks
"""
    _, items = imported(plan)
    assert items["1.3"].depends_on == ["1.1", "1.2"]
