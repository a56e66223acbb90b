"""Nothing invented silently (issue 12): every guess, skip and disagreement is a line of the report.

Each test imports a small plan in one shape and asserts both what the board says and the report line
that says how the importer got there; the CLI test checks that ``--report`` writes those lines.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from readiness_tui.core.importers import ImportResult, import_markdown


def _import(text: str) -> tuple[ImportResult, dict[str, object]]:
    result = import_markdown(text, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result, {i.id: i for i in result.board.items}


def _said(result: ImportResult, *words: str) -> list[str]:
    """The report lines that contain every one of ``words``."""
    return [ln for ln in result.report_lines if all(w in ln for w in words)]


def test_checkbox_and_status_bullet_disagree() -> None:
    result, items = _import("# P\n\n## Work\n\n- [x] **A-1** Ship it\n  - Status: ⏳ Pending\n  - Owner: @ann\n")
    assert items["A-1"].status == "todo"  # type: ignore[attr-defined]
    assert _said(result, "plan.md:6:", "A-1", "checkbox says done", "Status bullet says todo", "took the bullet")


def test_steps_under_an_item_heading_are_steps_and_its_status_is_a_reported_guess() -> None:
    plan = "# P\n\n#### **2.3.1: data_imports table**\n- [x] Create migration\n- [ ] Backfill\n- Owner: @oli\n"
    result, items = _import(plan)
    assert set(items) == {"2.3.1"}
    item = items["2.3.1"]
    assert item.status == "in_progress"  # type: ignore[attr-defined]
    assert "- [x] Create migration" in item.description  # type: ignore[attr-defined]
    assert _said(result, "2.3.1", "2 checklist steps (1 ticked)", "not items")
    assert _said(result, "2.3.1", "status in_progress guessed from its steps (1 of 2 ticked)")


def test_steps_all_ticked_against_an_open_status_is_reported() -> None:
    plan = "# P\n\n### T-1: Rotate keys\n- Status: In progress\n- [x] Generate\n- [x] Deploy\n"
    result, items = _import(plan)
    assert items["T-1"].status == "in_progress"  # type: ignore[attr-defined]
    assert _said(result, "T-1", "every step is ticked but its status says in_progress")


def test_a_mark_and_words_for_one_status_take_the_words_and_say_so() -> None:
    plan = (
        "# P\n\n| ID | Task | State |\n|---|---|---|\n| T-1 | Build | 🚧 |\n\n"
        "### T-1: Build\n- **Status:** Not started\n"
    )
    result, items = _import(plan)
    assert items["T-1"].status == "todo"  # type: ignore[attr-defined]
    assert _said(result, "T-1: status in_progress from a mark at line 5, todo in words here; took the words")


def test_negated_dependency_is_not_one_and_is_reported() -> None:
    plan = "# P\n\n## T-1: A\n- Owner: x\n\n## T-2: B\n- Depends on: none — no longer depends on T-1 (dropped)\n"
    result, items = _import(plan)
    assert items["T-2"].depends_on == []  # type: ignore[attr-defined]
    assert _said(result, "T-2: T-1 is named as not a dependency")


def test_a_risk_sentence_that_denies_a_mitigation_is_reported() -> None:
    plan = (
        "# P\n\n- [ ] **A1** Quotas\n- [ ] **B2** Dashboard\n\n## Risks\n\n### R1 — Noisy tenant\n"
        "Mitigated by A1. B2 only makes it visible; it does not mitigate it.\n"
    )
    result, _ = _import(plan)
    assert result.board is not None
    assert result.board.risks[0].mitigated_by == ["A1"]
    assert _said(result, "risk R1: B2 named as not mitigating it")
    assert _said(result, "risk 'R1': mitigated by the tasks its text names (A1)")


def test_a_risk_register_cell_that_denies_a_mitigation_is_reported() -> None:
    plan = (
        "# P\n\n| ID | Task |\n|---|---|\n| SEC-1 | Vault |\n| SEC-8 | Playbook |\n\n## Risks\n\n"
        "| Risk | Impact | Mitigation |\n|---|---|---|\n| R-06 Slow response | High | Playbook SEC-8. Not covered by SEC-1. |\n"
    )
    result, _ = _import(plan)
    assert result.board is not None
    assert result.board.risks[0].mitigated_by == ["SEC-8"]
    assert _said(result, "risk R-06: SEC-1 named as not mitigating it")


def test_a_group_word_becomes_the_group_items_and_is_reported() -> None:
    plan = (
        "# P\n\n## Wave 1 — base\n\n| Task | Needs |\n|---|---|\n| W1-1 Cluster | — |\n| W1-2 Images | — |\n\n"
        "## Wave 2\n\n| Task | Needs |\n|---|---|\n| W2-1 Frontends | W1 |\n"
    )
    result, items = _import(plan)
    assert items["W2-1"].depends_on == ["W1-1", "W1-2"]  # type: ignore[attr-defined]
    assert _said(result, "W2-1: 'W1' read as the items under heading 'Wave 1 — base'")


def test_a_group_word_that_names_nothing_stays_a_note() -> None:
    result, items = _import("# P\n\n| ID | Task | Depends on |\n|---|---|---|\n| T-1 | A | Phase 9 |\n")
    assert items["T-1"].depends_on == []  # type: ignore[attr-defined]
    assert _said(result, "T-1: depends on 'Phase 9', which names no group of items here")


def test_severity_read_as_priority_is_reported() -> None:
    result, items = _import("# P\n\n| ID | Task | Severity |\n|---|---|---|\n| T-1 | A | Critical |\n")
    assert items["T-1"].priority == "P0"  # type: ignore[attr-defined]
    assert _said(result, "column 'Severity' of a task table read as the items' priority")


def test_severity_in_another_language_is_read_as_priority_too() -> None:
    result, items = _import(
        "# P\n\n| ID | Tarea | Severidad |\n|---|---|---|\n| T-1 | A | CRÍTICO |\n| T-2 | B | BAJO |\n"
    )
    assert items["T-1"].priority == "P0" and items["T-2"].priority == "P3"  # type: ignore[attr-defined]
    assert _said(result, "column 'Severidad' of a task table read as the items' priority")


def test_lists_the_plan_says_are_not_tasks_and_criteria_are_reported_not_items() -> None:
    plan = (
        "# P\n\n- [ ] **OPS-1** Paging\n\n## Things to remember (not tasks)\n\n- [ ] 2 people on call\n\n"
        "## Sprint goal\n\n- [ ] 5 priority use cases confirmed\n"
    )
    result, items = _import(plan)
    assert set(items) == {"OPS-1"}
    assert _said(result, "the heading says these are not tasks; kept as text")
    assert _said(result, "checklist under 'Sprint goal': criteria, not tasks; no items made")


def test_phrases_and_brackets_read_as_fields_are_reported() -> None:
    plan = (
        "# P\n\n1. **DC-1** Inventory (owner: @abe) [done]\n2. **DC-2** Tag hosts (owner: @bea) [todo] — after DC-1\n"
    )
    result, items = _import(plan)
    assert items["DC-1"].status == "done" and items["DC-1"].owner == "@abe"  # type: ignore[attr-defined]
    assert items["DC-2"].depends_on == ["DC-1"]  # type: ignore[attr-defined]
    assert _said(result, "DC-1: '[done]' read as status done")
    assert _said(result, "DC-2: 'after' followed by ids, without a colon, read as a dependency")


def test_a_dangling_reference_is_a_warning_and_the_summary_counts_the_report() -> None:
    result, _ = _import("# P\n\n| ID | Task | Depends on |\n|---|---|---|\n| T-1 | A | T-9 |\n")
    assert _said(result, "warning: T-1 depends on 'T-9', which names no item; kept as written")
    assert result.report_lines[-1].endswith("; report: 0 guesses and notes, 0 skipped, 1 warnings")


def test_cli_report_file_holds_the_guesses(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("# P\n\n- [x] **A-1** Ship it\n  - Status: Pending\n", encoding="utf-8")
    out, report = tmp_path / "board.toml", tmp_path / "report.txt"
    res = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "import", str(plan), "-o", str(out), "--report", str(report)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    text = report.read_text(encoding="utf-8")
    assert "plan.md:4: note: A-1: the checkbox says done, the Status bullet says todo; took the bullet" in text
    assert 'status = "todo"' in out.read_text(encoding="utf-8")


def test_jira_link_relations_are_dependencies_or_links_and_reported() -> None:
    plan = (
        "# P\n\n| Issue key | Summary | Linked issues |\n|---|---|---|\n| PAY-1 | Retry | blocks PAY-7 |\n"
        "| PAY-3 | Ledger | is blocked by PAY-1; relates to PAY-9 |\n| PAY-7 | Refunds | |\n| PAY-9 | Sandbox | |\n"
    )
    result, items = _import(plan)
    assert items["PAY-3"].depends_on == ["PAY-1"]  # type: ignore[attr-defined]
    assert items["PAY-3"].links == ["relates to PAY-9"]  # type: ignore[attr-defined]
    assert items["PAY-7"].depends_on == ["PAY-1"]  # type: ignore[attr-defined]
    assert _said(result, "PAY-3: link 'is blocked by' PAY-1 read as dependencies")
    assert _said(result, "PAY-1: link 'blocks' PAY-7: those items depend on PAY-1")


def test_a_phase_table_gives_phases_and_a_phase_word_its_items() -> None:
    plan = (
        "# P\n\n| Phase | Items | Exit criteria |\n|---|---|---|\n| Phase 1 — Land | DW-1, DW-2 | Loaded |\n\n"
        "| Ref | Work item | Prerequisites |\n|---|---|---|\n| DW-1 | Ingest | none |\n| DW-2 | Backfill | DW-1 |\n"
        "| DW-3 | Marts | Phase 1 |\n"
    )
    result, items = _import(plan)
    assert result.board is not None
    assert [(p.id, p.title, p.items, p.exit) for p in result.board.phases] == [
        ("1", "Land", ["DW-1", "DW-2"], ["Loaded"])
    ]
    assert items["DW-3"].depends_on == ["DW-1", "DW-2"]  # type: ignore[attr-defined]
    assert _said(result, "phase table (Phase->phase, Items->items, Exit criteria->exit) -> 1 phases")
    assert _said(result, "DW-3: 'Phase 1' read as the items of phase '1': DW-1, DW-2")


def test_a_closing_mark_and_words_are_a_status_but_words_alone_are_the_title() -> None:
    plan = (
        "# P\n\n- [ ] **T-1** Import/export done right\n- [ ] **T-2** Regression suite — ⚠️ at risk\n"
        "- [ ] **T-3** Café opening (owner @lu) (P1)\n- [ ] **T-4** Flaky tests (@zed, in progress)\n"
        "- [ ] **T-5** Import (done right)\n- [ ] **T-6** Execute the command (X)\n"
    )
    _, items = _import(plan)
    got = {i: (items[i].title, items[i].status) for i in items}  # type: ignore[attr-defined]
    assert got == {
        "T-1": ("Import/export done right", "todo"),
        "T-2": ("Regression suite", "blocked"),
        "T-3": ("Café opening", "todo"),
        "T-4": ("Flaky tests", "in_progress"),
        "T-5": ("Import (done right)", "todo"),
        "T-6": ("Execute the command (X)", "todo"),  # a lone letter labels, it is no box
    }
    assert (items["T-3"].owner, items["T-3"].priority) == ("@lu", "P1")  # type: ignore[attr-defined]


def test_a_dependency_line_without_a_colon_under_an_item_heading() -> None:
    plan = (
        "# P\n\n## BIL-1 Metering\nOwner: Dia\n\n## BIL-2 Invoices\nOwner: Eli\n\n"
        "## BIL-4 Tax\nOwner: Fen\nDepends on BIL-1. No longer waiting on BIL-2.\n"
    )
    result, items = _import(plan)
    assert items["BIL-4"].depends_on == ["BIL-1"]  # type: ignore[attr-defined]
    assert _said(result, "BIL-4: BIL-2 is named as not a dependency")


def test_numbered_entries_that_group_items_are_phases_not_items() -> None:
    plan = (
        "# P\n\n1. Phase A — preparation\n   1. A1 — Routes (Owner: Kim)\n   2. A2 — Keys (depends: A1)\n"
        "2. Phase B — rollout\n   1. B1 — Static (depends: A1)\n"
    )
    result, items = _import(plan)
    assert result.board is not None
    assert [(i, items[i].phase) for i in items] == [("A1", "A"), ("A2", "A"), ("B1", "B")]  # type: ignore[attr-defined]
    assert [(p.id, p.title) for p in result.board.phases] == [("A", "preparation"), ("B", "rollout")]
    assert _said(result, "list entry 'Phase A — preparation' is phase 'A' of its items, not an item")


def test_boxes_without_ids_where_the_plan_gives_its_boxes_ids_are_not_items() -> None:
    plan = (
        "# P\n\n### Blockers\n- [x] #210 Crash on start (@gwen)\n- [ ] #214 Login loop (@hal) — blocked by #210\n\n"
        "### Release checklist\n- [ ] QA sign-off on 3 devices\n- [ ] Store screenshots\n"
    )
    result, items = _import(plan)
    assert set(items) == {"#210", "#214"} and items["#214"].depends_on == ["#210"]  # type: ignore[attr-defined]
    assert _said(result, "checklist under 'Release checklist' has no ids where the plan's other checklists do")
    # With no checklist that gives ids, the same boxes are the plan's items.
    _, alone = _import("# P\n\n### Release checklist\n- [ ] QA sign-off on 3 devices\n- [ ] Store screenshots\n")
    assert len(alone) == 2
    # Under a heading that names a list of work ("Backlog"), boxes without ids are still its work.
    backlog = plan + "\n## Backlog (only if time remains)\n- [ ] Dark mode\n- [ ] Offline sync\n"
    _, items = _import(backlog)
    assert {items[i].title for i in items} >= {"Dark mode", "Offline sync"}  # type: ignore[attr-defined]


def test_an_item_the_plan_gives_no_title_is_titled_by_its_id_so_the_board_passes_lint() -> None:
    result, items = _import("# P\n\n| ID | Title | Owner |\n|---|---|---|\n| T-1 |  | Ana |\n| T-2 | Docs | Bo |\n")
    assert (items["T-1"].title, items["T-2"].title) == ("T-1", "Docs")
    assert _said(result, "T-1: the plan gives it no title; titled by its id")
    assert not _said(result, "fails lint")


def test_a_board_lint_would_refuse_is_a_warning_of_the_import() -> None:
    """What lint refuses in the board written is a warning of the import's report, naming the item."""
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.importers.assembly.assemble import _lint_errors
    from readiness_tui.core.importers.assembly.builder import Builder

    b = Builder("# P\n", "plan.md")
    store = BoardStore.from_text('[[items]]\nid = "T-1"\ntitle = ""\n[[items]]\nid = "T-2"\ntitle = "Docs"\n')
    _lint_errors(b, store)
    assert any("the board written fails lint (missing-title): T-1: has no title" in r.text for r in b.report)


def test_a_dependency_on_two_numbered_items_joined_by_a_dash_is_their_range() -> None:
    plan = (
        "# P\n\n| # | Title | Depends on |\n|---|---|---|\n| 01 | Auth | - |\n| 02 | Cache | 01 |\n"
        "| 03 | Jobs | 01 |\n| 04 | Health | Epics 01-03 |\n| 6-1 | Odd id | - |\n| 07 | Docs | 6-1 |\n"
    )
    result, items = _import(plan)
    assert items["04"].depends_on == ["01", "02", "03"]  # type: ignore[attr-defined]
    assert items["07"].depends_on == ["6-1"]  # type: ignore[attr-defined]  # an item's own id stays whole
    assert _said(result, "04: dependency '01-03' names no item; read as the range 01..03")


def test_a_waiver_of_no_item_is_reported_once() -> None:
    """Lint's error says it (as it says a deliverable of no item), and the import's report carries it once."""
    result = import_markdown(
        "# P\n\n| ID | Title |\n|---|---|\n| T-1 | Docs |\n\n## Waivers\n\n"
        "| Item | Reason | Expires |\n|---|---|---|\n| T-9 | vendor | 2027-01-01 |\n",
        "plan.md",
    )
    assert result.board is not None and [w.item for w in result.board.waivers] == ["T-9"]
    assert len(_said(result, "T-9", "names no item")) == 1


def test_a_deliverable_of_no_item_is_reported() -> None:
    result = import_markdown(
        "# P\n\n| ID | Title |\n|---|---|\n| T-1 | Docs |\n\n## Deliverables\n\n"
        "| Path | Purpose | Item |\n|---|---|---|\n| docs/run.md | Runbook | T-9 |\n",
        "plan.md",
    )
    assert result.board is not None and [d.item for d in result.board.deliverables] == ["T-9"]
    assert _said(result, "warning", "deliverable docs/run.md belongs to 'T-9', which names no item")


def test_a_list_of_described_entries_that_makes_no_items_is_reported() -> None:
    plan = (
        "# P\n\n| ID | Task |\n|---|---|\n| T-1 | a |\n\n## Plan\n\n- **Phase 1 — storage. Done.** Two stores\n"
        "  behind one interface.\n- **Phase 2 — push.** Events over SSE\n  + Redis pub/sub, one subscriber.\n"
    )
    result, items = _import(plan)
    assert set(items) == {"T-1"}
    assert _said(result, "skipped: list under 'Plan' (2 entries with text beneath): no ids, no items")


def test_boxes_under_headings_with_the_same_initials_stay_apart() -> None:
    plan = "# P\n\n### Day 1\n- [x] Clone the repo\n- [ ] Fill the env file\n\n### Days 2-3\n- [ ] Import the data\n"
    _, items = _import(plan)
    titles = {i: items[i].title for i in items}  # type: ignore[attr-defined]
    assert sorted(titles.values()) == ["Clone the repo", "Fill the env file", "Import the data"]


def test_a_dependency_written_as_hash_and_row_number_names_that_row() -> None:
    plan = "# P\n\n| # | Task | Depends |\n|---|---|---|\n| 1 | Schema | |\n| 2 | API | #1 |\n| 3 | UI | #1, #2 |\n"
    _, items = _import(plan)
    assert {i: items[i].depends_on for i in items} == {"1": [], "2": ["1"], "3": ["1", "2"]}  # type: ignore[attr-defined]
