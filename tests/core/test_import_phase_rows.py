"""A table of phases with dependencies and no phase heading: its rows are the items; questions are no items."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_TABLE = "| Phase | Scope | Dependencies |\n|---|---|---|\n| **A** | Schema | None |\n| **B** | Reader | Phase A |\n"
_TABLE += "| **C** | Screens | Phases A-B |\n"


def test_phase_rows_with_dependencies_are_items() -> None:
    result = import_markdown("# Spec\n\n## Phases\n\n" + _TABLE, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps == {"PHASE-A": [], "PHASE-B": ["PHASE-A"], "PHASE-C": ["PHASE-A", "PHASE-B"]}
    assert next(i for i in result.board.items if i.id == "PHASE-B").title == "Reader"


def test_phase_rows_stay_a_summary_when_phase_headings_write_the_work_out() -> None:
    md = "# Spec\n\n## Phases\n\n" + _TABLE + "\n## Phase A: Schema\n\n- [ ] T-1 Tables\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert not any(i.id.startswith("PHASE-") for i in result.board.items)


def test_a_table_of_open_questions_is_no_items() -> None:
    md = "# Spec\n\n| # | Question | Options |\n|---|---|---|\n| 1 | Cache per city? | yes / no |\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert result.board.items == []
    assert any("open questions" in line for line in result.report_lines)


def test_questions_with_who_decides_them_are_still_questions() -> None:
    # An owner says who decides; with no state, estimate or dependency the rows are still decisions to make.
    md = "# Plan\n\n## Work\n\n| ID | Task | Status |\n|---|---|---|\n| T-1 | Install the host | todo |\n\n"
    md += "## Knowledge items\n\n| ID | Question | Owner |\n|---|---|---|\n| KI-A | Proxmox or KVM? | Operator |\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1"], "\n".join(result.report_lines)
    assert any("open questions" in line for line in result.report_lines)
    # A question with a state of its own is tracked work, as before.
    tracked = md.replace("| ID | Question | Owner |", "| ID | Question | Status |").replace("Operator", "todo")
    tracked_board = import_markdown(tracked, "PLAN.md").board
    assert tracked_board is not None
    assert "KI-A" in [i.id for i in tracked_board.items]


def test_a_phase_heading_under_an_outline_number_is_the_phase_not_an_item() -> None:
    # "## 7.1 Phase 0: Vorbereitung" over a task table: the plan's section 7.1 is phase 0, and its rows are the work.
    md = "# Launch\n\n## 7.1 Phase 0: Vorbereitung\n\n| Aufgabe | Verantwortlich | Status |\n|---|---|---|\n"
    md += "| Repo anlegen | Du | ⬜ |\n| README schreiben | Du | ⬜ |\n\n## 7.2 Phase 1: Launch\n\n"
    md += "| Aufgabe | Verantwortlich | Status |\n|---|---|---|\n| Post auf HN | Du | ⬜ |\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert not any(i.id in ("7.1", "7.2") for i in result.board.items)
    assert len(result.board.items) == 3
    assert {p.id for p in result.board.phases} == {"0", "1"}
    assert sorted(str(i.phase) for i in result.board.items) == ["0", "0", "1"]


def test_a_phase_column_numbering_its_groups_names_them_and_dependencies_on_a_name_are_its_items() -> None:
    md = (
        "# Launch\n\n| Phase | Task | Owner | Dependencies |\n|---|---|---|---|\n"
        "| 1) Research | Interviews | Ana | |\n| 1) Research | Competitor map | Bo | |\n"
        "| 2) Narrative | Messaging | Cy | Research inputs |\n| 3) Demand | Channel plan | Di | Narrative |\n"
        "| 3) Demand | Ads | Di | MVP ready |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(p.id, p.title) for p in result.board.phases] == [("1", "Research"), ("2", "Narrative"), ("3", "Demand")]
    items = {i.title: i for i in result.board.items}
    ids = {t: i.id for t, i in items.items()}
    assert items["Messaging"].phase == "2"
    assert items["Messaging"].depends_on == [ids["Interviews"], ids["Competitor map"]]
    assert items["Channel plan"].depends_on == [ids["Messaging"]]
    assert items["Ads"].depends_on == []  # "MVP ready" names no phase of this plan


def test_a_phase_a_column_names_is_added_and_said() -> None:
    md = "# Launch\n\n| Phase | Task | Owner |\n|---|---|---|\n| 1) Research | Interviews | Ana |\n"
    md += "| 1) Research | Competitor map | Bo |\n"
    result = import_markdown(md, "P.md")
    assert any(
        "names phase 1 ('Research'), which the document does not describe; added it" in ln for ln in result.report_lines
    )


def test_a_duration_column_of_month_spans_is_no_column_of_ids() -> None:
    md = (
        "# Plan\n\n| Phase | Duration | Objective |\n|---|---|---|\n"
        "| **Phase 1: Prove Value** | M1-M3 | First incident resolved |\n"
        "| **Phase 2: Scale Coverage** | M4-M8 | Tier-1 covered |\n\n"
        "## Milestones\n\n| Mo | Milestone | Owner |\n|---|---|---|\n| M1 | Evidence schema | Platform |\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [p.id for p in result.board.phases] == ["1", "2"]
    assert not any(i.id.startswith("M") and "-" in i.id for i in result.board.items)
