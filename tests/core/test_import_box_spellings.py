"""Boxes written the other ways plans write them: ``[]`` with no space, and a box closing each entry of a list
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported, imported_with, items_of


def _states(md: str) -> dict[str, str | None]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return {i.title: i.status for i in result.board.items}


def test_an_empty_box_without_its_space_is_open() -> None:
    md = "# P\n\n## Work\n\n- [x] Alpha\n- [] Beta\n- [ ] Gamma\n"
    assert _states(md) == {"Alpha": "done", "Beta": "todo", "Gamma": "todo"}


def test_brackets_inside_an_entry_are_no_box() -> None:
    md = "# P\n\n## Work\n\n- [x] Alpha\n- [ ] Return `[]` when empty\n"
    assert _states(md) == {"Alpha": "done", "Return `[]` when empty": "todo"}


def test_a_box_closing_every_entry_of_a_list_is_the_entrys_box() -> None:
    md = (
        "# P\n\n## Requisitos\n\n"
        "1. Inserir um novo projeto [x]\n"
        "2. Editar um projeto []\n"
        "3. Ver todas as tarefas, e filtrá-las de acordo\ncom o status [ ]\n"
    )
    assert _states(md) == {
        "Inserir um novo projeto": "done",
        "Editar um projeto": "todo",
        "Ver todas as tarefas, e filtrá-las de acordo com o status": "todo",
    }


def test_one_entry_ending_in_brackets_makes_no_checklist() -> None:
    md = "# P\n\n## Notes\n\n1. Arrays print as []\n2. Maps print as {}\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.items == []
    assert any("section 'Notes': no structure recognized; kept as text" in ln for ln in result.report_lines)


def test_a_list_before_the_first_heading_is_reported_when_skipped() -> None:
    md = "Requisitos\n1. Ver a lista de tarefas\n2. Filtrar por estado\n\n# P\n\n## Work\n\n- [x] Alpha\n"
    result = import_markdown(md, "P.md")
    assert any(line.startswith("P.md:2: skipped") for line in result.report_lines), result.report_lines


def test_boxes_closing_the_entries_of_a_list_beside_a_checklist_make_items() -> None:
    md = (
        "Requisitos\n1. Inserir um novo projeto [x]\n2. Editar um projeto []\n\n"
        "Casos de uso\n1. [x] Inserir uma tarefa\n2. [] Excluir uma tarefa\n"
    )
    assert _states(md) == {
        "Inserir um novo projeto": "done",
        "Editar um projeto": "todo",
        "Inserir uma tarefa": "done",
        "Excluir uma tarefa": "todo",
    }


def test_a_box_named_then_explained_at_length_is_titled_by_its_name() -> None:
    md = (
        "# P\n\n## Casos de uso\n\n"
        "- [x] Inserir um novo projeto: para criar um projeto, o usuário só precisa de um nome de projeto. As tarefas"
        " podem ser adicionadas depois.\n"
        "- [ ] Fix login: users cannot log in\n"
        "- [ ] Which store? TBD: postgres, sqlite, files or a hosted service picked by the platform team later on\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = {i.title: i.description for i in result.board.items}
    assert got["Inserir um novo projeto"].startswith("para criar um projeto")
    # A short remark after the colon, and a question before it, stay in the title.
    assert "Fix login: users cannot log in" in got
    assert any(t.startswith("Which store? TBD: postgres") for t in got)


def test_a_mark_between_spaces_in_a_box_is_its_state() -> None:
    md = "# P\n\n## Work\n\n- [ ✅ ] Alpha\n- [ x ] Beta\n- [ ] Gamma\n- [✅] Delta\n"
    assert _states(md) == {"Alpha": "done", "Beta": "done", "Gamma": "todo", "Delta": "done"}


def test_a_phase_lists_legend_marks_are_priorities_and_a_state_label_is_its_state() -> None:
    # The plan's legend ranks its coloured marks; an entry opening with one has that priority. A bullet beside the
    # boxes opening with a done mark and the word it stands for ("✅ COMPLETED:") is done, its title the rest.
    md = (
        "# Roadmap\n\nPriority legend: 🔴 P0 (critical) · 🟠 P1 (high) · 🟡 P2 (medium) · 🟢 P3 (low)\n\n"
        "## Phase 0 — Scaffolding\n"
        "- [ ✅ ] 🔴 Emit per-repeat JSON files\n"
        "- [ ] 🟡 Baseline discovery\n"
        "- **✅ COMPLETED**: Fixed benchmark harness\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = {i.title: (i.status, i.priority) for i in result.board.items}
    assert got == {
        "Emit per-repeat JSON files": ("done", "P0"),
        "Baseline discovery": ("todo", "P2"),
        "Fixed benchmark harness": ("done", None),
    }


def test_a_state_and_a_note_in_brackets_opening_an_entry() -> None:
    # "(Done, 2-pin JST)": the entry's state, then a note on it, kept in the item's notes.
    md = "# P\n\n## PCB TODO\n\n1. (Done) Add power switch\n2. (Done, 2-pin JST) Add LED connector\n3. Route traces\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = {i.title: (i.status, i.notes) for i in result.board.items}
    assert got == {
        "Add power switch": ("done", ""),
        "Add LED connector": ("done", "2-pin JST"),
        "Route traces": ("todo", ""),
    }


def test_marked_lines_and_drawn_boxes_in_one_paragraph_are_one_checklist_of_steps() -> None:
    # Hard-broken lines, each a state mark or a drawn box before "Step N:": one checklist, its steps' numbers ids.
    md = (
        "# Roadmap\n\n✅ Step 0: Planning  \n✅ Step 1: Schema design  \n✅ Step 2: Project setup  \n\n"
        "✅ Step 3: Frontend setup  \n☐ Step 4: Onboarding UIs  \n☐ Step 5: Booking flows  \n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.id, i.title, i.status) for i in result.board.items]
    assert got == [
        ("STEP-0", "Planning", "done"),
        ("STEP-1", "Schema design", "done"),
        ("STEP-2", "Project setup", "done"),
        ("STEP-3", "Frontend setup", "done"),
        ("STEP-4", "Onboarding UIs", "todo"),
        ("STEP-5", "Booking flows", "todo"),
    ]


def test_task_numbers_that_start_again_under_each_epic_name_each_runs_own_tasks() -> None:
    md = (
        "# Plan\n\n## Feature: Branching\n\n### Epic 1\n"
        "- [ ] Task 1: Write the brief\n  - Status: unstarted\n"
        "- [ ] Task 2: Define the ADR\n  - Depends on: Task 1\n\n"
        "## Feature: Logging\n\n### Epic 1\n"
        "- [ ] Task 1: Write the logging brief\n"
        "- [ ] Task 2: Build the logger\n  - Depends on: Task 1\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.id, i.title, i.status, i.depends_on) for i in result.board.items]
    assert got == [
        ("TASK-1", "Write the brief", "todo", []),
        ("TASK-2", "Define the ADR", "todo", ["TASK-1"]),
        ("TASK2-1", "Write the logging brief", "todo", []),
        ("TASK2-2", "Build the logger", "todo", ["TASK2-1"]),
    ]
    assert not any("appears again" in ln for ln in result.report_lines)


def test_a_code_span_before_a_comma_is_one_of_a_list_of_names_not_an_id() -> None:
    md = "# P\n\n## Types\n\n- [ ] `i32`, etc (integral)\n- [ ] `f32`, `f64` (floating)\n- [ ] `T-12` Parser\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.id, i.title) for i in result.board.items]
    assert [t for _, t in got] == ["`i32`, etc (integral)", "`f32`, `f64` (floating)", "Parser"]
    assert got[2][0] == "T-12"


def test_a_box_starred_as_optional_keeps_its_number_and_says_optional() -> None:
    md = "# Tasks\n\n- [x] 4.1 Build the panel\n- [ ]* 4.2 Write the property test\n- [ ] 4.3 Wire it up\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.id, i.title, i.status) for i in result.board.items]
    assert got == [
        ("4.1", "Build the panel", "done"),
        ("4.2", "Write the property test (optional)", "todo"),
        ("4.3", "Wire it up", "todo"),
    ]


def test_a_plain_entry_over_boxes_beside_boxes_names_their_group() -> None:
    md = (
        "# PLAN\n\n* Software\n  * [ ] Write the sensor class\n    * [X] Get angle detection working\n"
        "  * [X] Write the PID class\n* Hardware\n  * [ ] Design the chassis\n* [ ] Test and finish the bot.\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    titles = [(i.title, i.status) for i in result.board.items]
    assert titles == [
        ("Write the sensor class", "todo"),
        ("Get angle detection working", "done"),
        ("Write the PID class", "done"),
        ("Design the chassis", "todo"),
        ("Test and finish the bot.", "todo"),
    ]
    assert sum("names the group of the boxes under it" in ln for ln in result.report_lines) == 2


def test_a_closing_share_of_the_work_done_is_its_state() -> None:
    md = "# Roadmap\n\n## Version 0.2\n\n- GPX loading **[40%]**\n- zooming with keyboard **[100%]**\n- track rendering\n"
    assert _states(md) == {"GPX loading": "in_progress", "zooming with keyboard": "done", "track rendering": "todo"}


def test_a_done_list_without_boxes_beside_a_roadmaps_boxes_is_its_done_work() -> None:
    md = (
        "# SDK Roadmap\n\n## Current Status\n\n### ✅ Completed in This Release\n- Full async support\n"
        "- Type safety improvements\n\n## Version 1.2.0\n\n### API Features\n- [ ] **Webhooks**\n- [ ] **Batch calls**\n"
        "- [ ] **Streaming**\n"
    )
    assert _states(md) == {
        "Full async support": "done",
        "Type safety improvements": "done",
        "Webhooks": "todo",
        "Batch calls": "todo",
        "Streaming": "todo",
    }


def test_a_role_in_emphasised_brackets_opening_every_box_is_its_owner() -> None:
    md = (
        "# Release checklist\n\n## Code freeze\n\n- [ ] ***(QA)*** Ensure no test fails.\n"
        "- [ ] ***(SwEng)*** Tag the release.\n- [ ] ***(Signers)*** Sign the tarballs.\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.title, i.owner) for i in result.board.items] == [
        ("Ensure no test fails.", "QA"),
        ("Tag the release.", "SwEng"),
        ("Sign the tarballs.", "Signers"),
    ]


def test_boxes_naming_who_then_what_in_square_brackets_are_owned_and_notes_before_them_are_no_work() -> None:
    plan = """# Release v2.3

## Checklist

**Notes**:
* Copy this checklist into the release issue
* Tick each box when it is done

* [ ] [Release Lead] [Freeze the main branch]
* [x] [Release Lead] [Write the release notes]
* [ ] [Docs Team] [Publish the upgrade guide]
"""
    report, items = imported(plan)
    assert [(i.title, i.owner, i.status) for i in items.values()] == [
        ("Freeze the main branch", "Release Lead", "todo"),
        ("Write the release notes", "Release Lead", "done"),
        ("Publish the upgrade guide", "Docs Team", "todo"),
    ]
    assert any("2 entries led in as notes before the list's boxes" in line for line in report)


def test_crosses_in_boxes_are_open_work_and_a_group_label_says_how_far() -> None:
    plan = """# Tareas

## Lista

* **BACKLOG:**
    * [❌] modelo de datos en SQLite
    * [❌] patrón repository para el CRUD

* **ON PROGRESS:**
    * [❌] completar el readme

* **DONE:**
    * [✅] backend con hello world
"""
    _, items = imported(plan)
    assert [(i.title, i.status) for i in items.values()] == [
        ("modelo de datos en SQLite", "todo"),
        ("patrón repository para el CRUD", "todo"),
        ("completar el readme", "in_progress"),
        ("backend con hello world", "done"),
    ]


def test_a_condition_before_a_colon_is_no_name_of_the_work() -> None:
    # "For major releases: if it was decided …": when the work is due; the whole line says the work.
    line = (
        "For major releases: if it was decided to change the splash screen, make sure it has been merged or committed"
    )
    result = import_markdown(f"# P\n\n## Tasks\n\n- [ ] {line}\n- [ ] Update MLT in Craft\n", "P.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == [line, "Update MLT in Craft"]


def test_a_circle_against_a_cross_with_emoji_selectors_and_closing_names() -> None:
    # "[️⭕️]" (a selector before and after the circle) against "[❌️]": done and not done; the list closes each box
    # with who does it.
    plan = (
        "# To Do\n\n## Programming\n\n- [\ufe0f⭕\ufe0f] Code UI for timer (Noah & Abel)\n"
        "- [⭕\ufe0f] Fix DeathBox script (Noah)\n- [❌\ufe0f] Goomba movement (Noah)\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.status, i.owner) for i in items.values()] == [
        ("Code UI for timer", "done", "Noah"),
        ("Fix DeathBox script", "done", "Noah"),
        ("Goomba movement", "todo", "Noah"),
    ]


def test_a_closing_choice_of_people_is_who_does_it() -> None:
    # "(Nathan or Michael)": either of two does it, the first named owns it (``owners.split_owner``); the list still
    # closes its boxes with who does them.
    plan = (
        "# To Do\n\n## Art\n\n- [x] Coin art (Noah)\n- [ ] Brick art (Nathan or Michael)\n"
        "- [ ] Pipe art (Nathan or Michael)\n- [x] Design UI (Noah)\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Coin art", "Noah"),
        ("Brick art", "Nathan"),
        ("Pipe art", "Nathan"),
        ("Design UI", "Noah"),
    ]


def test_the_recipes_whole_owner_keeps_a_closing_pair_as_written() -> None:
    plan = "# To Do\n\n## Art\n\n- [x] Coin art (Noah & Abel)\n- [ ] Brick art (Nathan or Michael)\n- [x] UI (Noah)\n"
    items = items_of(imported_with(plan, '[options]\nowner = "whole"\n'))
    assert [i.owner for i in items.values()] == ["Noah & Abel", "Nathan or Michael", "Noah"]
