"""Headers, status and priority words of plans written in other languages (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from readiness_tui.core.importers.vocabulary.title_states import closing_state
from tests.core.import_plan import imported


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Verantwortlich", "owner"),
        ("Responsável", "owner"),
        ("Ответственный", "owner"),
        ("负责人", "owner"),
        ("담당", "owner"),
        ("Odpowiedzialny", "owner"),
        ("Priorität", "priority"),
        ("优先级", "priority"),
        ("Stato", "status"),
        ("Статус", "status"),
        ("Зависимости", "depends_on"),
        ("Dependencias", "depends_on"),
        ("Geschätzt", "estimate_days"),
        ("预计工时", "estimate_days"),
        ("任务ID", "id"),
        ("Tarefa", "title"),
        ("Závisí na", "depends_on"),  # Czech
        ("Odpovědný", "owner"),
        ("Stav", "status"),
        ("Ведущий", "owner"),
        ("Beroenden", "depends_on"),  # Swedish
        ("Afhængigheder", "depends_on"),
    ],
)
def test_a_header_in_another_language_names_its_field(header: str, field: str) -> None:
    assert header_field(header) == field


def test_an_unknown_header_stays_custom() -> None:
    assert header_field("Artefakty") is None and header_field("Kosten") is None


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Erledigt", "done"),
        ("⬜ Da fare", "todo"),
        ("Em Progresso", "in_progress"),
        ("⏳ 待开始", "todo"),
        ("Hotovo", "done"),
        ("Probíhá", "in_progress"),
        # "Started", and "not started", in the languages read.
        ("🚀 Iniciada", "in_progress"),
        ("Begonnen", "in_progress"),
        ("Avviato", "in_progress"),
        ("Noch nicht begonnen", "todo"),
        ("Non iniziato", "todo"),
        ("No iniciada", "todo"),
    ],
)
def test_status_words_of_other_languages(word: str, status: str) -> None:
    assert parse_status(word) == status


def test_priority_words_of_other_languages() -> None:
    assert [parse_priority(w)[0] for w in ("Hoch", "Média", "Baixa", "высокий", "高")] == ["P1", "P2", "P3", "P1", "P1"]


def test_a_table_of_german_headers_fills_owner_priority_and_status() -> None:
    md = "# P\n\n| # | Aufgabe | Verantwortlich | Priorität | Status |\n|---|---|---|---|---|\n| A1 | Sichern | Jonas | Hoch | Erledigt |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    (item,) = result.board.items
    assert (item.title, item.owner, item.priority, item.status) == ("Sichern", "Jonas", "P1", "done")


def test_a_details_column_after_a_thing_column_makes_no_items() -> None:
    md = "# P\n\n## Inventory\n\n| Component | Status | Details |\n|---|---|---|\n| API | ✅ | ready |\n| Queue | ✅ | ready |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.items == []


def test_a_risk_table_headed_in_another_language_is_a_register() -> None:
    md = "# P\n\n| ID | Tarea |\n|---|---|\n| A1 | Sichern |\n\n| Riesgo | Impacto | Mitigación |\n|---|---|---|\n| Pérdida | Alto | A1 |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(r.id, r.mitigated_by) for r in result.board.risks] == [("R-1", ["A1"])]


def test_open_and_done_in_italian_french_and_japanese_with_an_update_after_them() -> None:
    from readiness_tui.core.importers.vocabulary.statuses import parse_status

    assert parse_status("Aperta — sollecitata il 08/06") == "todo"
    assert parse_status("Fatta il 16/06 — non licenziata") == "done"
    assert parse_status("ouvert") == "todo"
    assert parse_status("起票のみ") == "todo"


@pytest.mark.parametrize(
    "word", ["Deferred", "DEFERRED", "⏸️ DEFERRED", "Postponed", "⏸️ 已搁置 —— 范围保持不变，并非取消"]
)
def test_deferred_work_is_still_to_do_not_cancelled(word: str) -> None:
    # Put off with a decision, not given up: it stays on the board as work to do.
    assert parse_status(word) == "todo"


@pytest.mark.parametrize("word", ["Descoped", "Dropped", "Out of scope", "Superseded"])
def test_work_given_up_is_cancelled(word: str) -> None:
    assert parse_status(word) == "cancelled"


@pytest.mark.parametrize("cell", ["❌", "❌ Missing", "❌ No reports exist", "❌ Not started", "✗", "✖", "✘ Missing"])
def test_a_cross_is_work_not_done_yet(cell: str) -> None:
    # "- ❌ ABV calculator" beside "- ✅ Basic CRUD": what a plan has not built, not what is held up.
    assert parse_status(cell) == "todo"


@pytest.mark.parametrize("cell", ["❌ Blocked", "❌ Blocked on the vendor", "⛔"])
def test_a_cross_that_says_blocked_is_blocked(cell: str) -> None:
    assert parse_status(cell) == "blocked"


@pytest.mark.parametrize(
    "word", ["❌ Відмовились (24.04 — ROI низький)", "❌ Відмовились — long polling достатньо", "Declined", "Abgelehnt"]
)
def test_declined_work_is_cancelled_whatever_mark_comes_first(word: str) -> None:
    assert parse_status(word) == "cancelled"


@pytest.mark.parametrize(
    "cell",
    [
        "🔧 IN PROGRESS（PARTIAL）— 9 handler 全接通但 DEFINITION-ONLY / NOT PUBLIC-READY",
        "In progress—waiting on the vendor, not ready",
    ],
)
def test_the_state_before_an_unspaced_em_dash_or_full_width_brackets_is_the_state(cell: str) -> None:
    # "not ready" after the dash is a note; the state is what the cell opens with.
    assert parse_status(cell) == "in_progress"


def test_the_state_before_a_dash_is_read_before_the_mark() -> None:
    assert [parse_status(w) for w in ("✅ Done — shipped", "Blocked — waiting on legal", "In progress — 50%")] == [
        "done",
        "blocked",
        "in_progress",
    ]


@pytest.mark.parametrize(
    ("word", "status"), [("커밋완료", "done"), ("배포완료", "done"), ("开发完成", "done"), ("実装完了", "done")]
)
def test_a_cjk_state_word_closing_a_short_compound_is_its_state(word: str, status: str) -> None:
    # "Commit done", "deploy done": a step named before the state, glued to it as CJK writes it.
    assert parse_status(word) == status


def test_a_cjk_title_opening_with_a_state_word_is_no_state() -> None:
    # "Finish the login page": the verb opens a title; nor does a long sentence end in a state.
    assert parse_status("完成登录页") is None
    assert parse_status("로그인페이지를다시설계하고완료") is None


def test_a_state_word_inside_an_aside_is_not_the_cells_state() -> None:
    # The aside speaks of another item ("US-T.2 deferred"): the cell's own words name no state.
    assert parse_status("Epic branch pushed to development (US-T.2 deferred until Epic 9)") is None
    assert parse_status("Done (2026-02-16)") == "done"


def test_a_column_numbering_the_sprint_of_each_row_holds_no_ids() -> None:
    # "Sprint #" repeats down the rows: it says which sprint a task is in; the tasks have no ids of their own.
    rows = "".join(f"| Aufgabe {n} | Dominic | ✅ | {1 + n // 3} |\n" for n in range(6))
    md = "# Arbeitsplan\n\n| Task | Verantwortlich | Status | Sprint # |\n|---|---|---|---|\n" + rows
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == [f"Aufgabe {n}" for n in range(6)]
    assert {i.status for i in result.board.items} == {"done"}


@pytest.mark.parametrize("header", ["№", "N°", "№ п/п"])
def test_the_numero_sign_heads_the_row_numbers(header: str) -> None:
    md = f"# План\n\n| {header} | Завдання | Відповідальний |\n|---|---|---|\n| 1 | Схема БД | Team Lead |\n| 2 | DAO | Developer 1 |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.owner) for i in result.board.items] == [("1", "Team Lead"), ("2", "Developer 1")]


def test_an_icon_before_a_priority_word_leaves_the_word_to_say_it() -> None:
    assert [parse_priority(c)[0] for c in ("🚨 Critical", "🔧 High", "🎨 Medium", "📊 Low", "⭐⭐ Alta")] == [
        "P0",
        "P1",
        "P2",
        "P3",
        "P1",
    ]


def test_a_feature_column_in_any_language_read_titles_its_rows() -> None:
    md = (
        "# Release\n\n## 核心功能验收\n\n| 功能 | 状态 | 测试 | 备注 |\n|---|---|---|---|\n"
        "| 剧本解析 | ✅ 完成 | 通过 | - |\n| 分镜生成 | ⏳ 待完成 | - | - |\n"
    )
    result = import_markdown(md, "RELEASE.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.title, i.status) for i in result.board.items] == [("剧本解析", "done"), ("分镜生成", "todo")]
    assert header_field("features") == header_field("功能") == header_field("fonctionnalité") == "title"


@pytest.mark.parametrize("cell", ["部分已有，待补齐", "一部完了", "부분 완료", "Partially done"])
def test_part_of_the_work_there_is_work_under_way(cell: str) -> None:
    # "Partly there, to be completed": neither to do nor done.
    assert parse_status(cell) == "in_progress"


@pytest.mark.parametrize("cell", ["⏳ Activo", "Activa", "Aktiv", "Actif", "Attivo", "Ativo"])
def test_active_in_the_plan_languages_is_work_under_way_as_in_english(cell: str) -> None:
    assert parse_status(cell) == "in_progress"


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("In progress - scheduled for 9/4", "in_progress"),
        ("In progress, waiting on program team feedback", "in_progress"),
        ("Not started, blocked by the vendor", "todo"),
        ("Done - merged", "done"),
    ],
)
def test_the_state_a_cell_opens_with_wins_over_its_note(cell: str, status: str) -> None:
    # The note after a hyphen or a comma says more ("scheduled", "waiting on"); it does not undo the state.
    assert parse_status(cell) == status


def test_a_keycap_digit_numbers_a_row_as_the_digit_does() -> None:
    from tests.core.import_plan import imported

    md = "# Day\n\n| # | Task | Owner |\n|---|---|---|\n| 1️⃣ | Fix the test | Ana |\n| 2️⃣ | Add outputs | Bo |\n"
    _, items = imported(md)
    assert [(i.id, i.title) for i in items.values()] == [("1", "Fix the test"), ("2", "Add outputs")]


def test_a_waiting_on_column_holds_blocked_work() -> None:
    from tests.core.import_plan import imported

    md = "# TODO\n\n## Up Next\n\n- [ ] Draft the guide\n\n## Waiting On\n\n- [ ] Source facts from Christina\n"
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Draft the guide", "todo"),
        ("Source facts from Christina", "blocked"),
    ]


@pytest.mark.parametrize(
    ("title", "state"),
    [
        ("Phase 2: Authentication ✅", "done"),
        ("Phase 1: Development ✅ COMPLETE", "done"),
        ("Phase 3: Core Implementation ⏳ NOT STARTED", "todo"),  # the capitals read together, not "STARTED"
        ("### 1.1 Install the dependencies 🚧", "in_progress"),
        ("Search — implemented", "done"),
        ("Phase E — Operate & Improve (Ongoing)", None),
        ("Phase 3: Cleanup", None),
        ("Phase 4: API", None),
        ("Stage 1: Library Quality + CLI Polish (COMPLETE)", "done"),  # the capitals in brackets too
        ("Stage 7: Memory64 Table Operations (W18)", None),
        ("Phase 1 (MVP)", None),
    ],
)
def test_the_state_a_heading_closes_with(title: str, state: str | None) -> None:
    assert closing_state(title) == state


@pytest.mark.parametrize(
    ("word", "status"),
    [("in_review", "review"), ("IN_REVIEW", "review"), ("not_started", "todo"), ("On-Hold", "blocked")],
)
def test_a_state_written_as_a_code_or_a_slug_is_read(word: str, status: str) -> None:
    assert parse_status(word) == status


def test_a_code_that_only_holds_a_state_word_is_no_state() -> None:
    assert parse_status("migration_in_progress") is None


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ('![progress](https://progress-bar.dev/100/ "progress")', "done"),
        ("![progress](https://progress-bar.dev/50/)", "in_progress"),
        ("![progress](https://progress-bar.dev/0/)", "todo"),
    ],
)
def test_a_progress_bar_image_says_how_far_the_work_is(cell: str, status: str) -> None:
    assert parse_status(cell) == status


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Asignee", "owner"),
        ("Asignees", "owner"),
        ("Priortiy", "priority"),
        ("Desciption", "description"),
        ("Episode", None),
    ],
)
def test_a_header_word_one_letter_off_a_known_one_names_its_field(header: str, field: str | None) -> None:
    # One letter left out, added or changed, or two swapped, in a word of six letters or more is a typo of that word.
    assert header_field(header) == field


def test_a_short_header_one_letter_off_stays_custom() -> None:
    # "Stats" is one letter from "status", but a word that short is as likely another word.
    assert header_field("Stats") is None


def test_a_tasks_column_in_a_table_with_no_risks_names_the_work() -> None:
    plan = """## Arbeitsplan

| Woche | Tasks | Asignee | Status |
| --- | --- | --- | --- |
| 1 | Upgrade to Ruby 3 | Dario | In Review |
|   | Fix the folder arrow | Ramona | Done |
|   | Make the toggle pretty | Julien | TO DO |
"""
    _, items = imported(plan)
    got = sorted((i.title, i.owner, i.status) for i in items.values())
    assert got == [
        ("Fix the folder arrow", "Ramona", "done"),
        ("Make the toggle pretty", "Julien", "todo"),
        ("Upgrade to Ruby 3", "Dario", "review"),
    ]


def test_a_dated_table_right_under_a_heading_naming_tasks_lists_them() -> None:
    plan = (
        "# Planung\n\n## Aufgaben\n\n| Datum | Event |\n|:---|:---|\n| 08.10.2019 | Entwurf Projektvereinbarung |\n"
        "| 22.10.2019 | Analyse Phase |\n| 05.11.2019 | Wallets analysieren |\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.target) for i in items.values()] == [
        ("Entwurf Projektvereinbarung", "2019-10-08"),
        ("Analyse Phase", "2019-10-22"),
        ("Wallets analysieren", "2019-11-05"),
    ]


def test_an_owned_table_with_dependencies_is_work_named_by_its_worded_column() -> None:
    plan = (
        "# Roadmap\n\n## Cycle 3 - Supporting Features\n\n| Owner | Feature group | SRS | Important dependency |\n"
        "|---|---|---|---|\n| Dan | Google OAuth, security and health checks | FR-AUTH-003, FR-OBS-001 to FR-OBS-003 |"
        " Main application flows |\n| Han | MinIO storage and welcome email job | FR-FILE-001, FR-JOB-001 | Stable auth |\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Google OAuth, security and health checks", "Dan"),
        ("MinIO storage and welcome email job", "Han"),
    ]


def test_a_priority_code_opening_a_box_is_its_priority() -> None:
    plan = "# Kanban\n\n## Todo\n\n- [ ] P0 Formalizar regra de negocio\n- [x] P1: Atualizar setup no README\n- [ ] Revisar logs\n"
    _, items = imported(plan)
    assert [(i.title, i.priority, i.status) for i in items.values()] == [
        ("Formalizar regra de negocio", "P0", "todo"),
        ("Atualizar setup no README", "P1", "done"),
        ("Revisar logs", None, "todo"),
    ]


def test_who_a_list_assigns_work_to_owns_it_and_a_run_of_ids_is_counted_out() -> None:
    plan = (
        "# Map\n\n| Task | Name | Dependencies |\n|---|---|---|\n| TASK-011 | Agent core | None |\n"
        "| TASK-012 | Agent tools | TASK-011 |\n| TASK-013 | Agent memory | TASK-011 |\n"
        "| TASK-026 | Agent tests | TASK-011-013 |\n\n## Agents\n\n**Agent Type B: AI/ML Specialist**\n"
        "- Assigned to: TASK-011-013\n- Skills: OpenAI\n\n**Agent Type E: QA Engineer**\n- Assigned to: TASK-026\n"
    )
    _, items = imported(plan)
    assert {i.id: i.owner for i in items.values()} == {
        "TASK-011": "Agent Type B: AI/ML Specialist",
        "TASK-012": "Agent Type B: AI/ML Specialist",
        "TASK-013": "Agent Type B: AI/ML Specialist",
        "TASK-026": "Agent Type E: QA Engineer",
    }
    assert items["TASK-026"].depends_on == ["TASK-011", "TASK-012", "TASK-013"]


def test_an_okr_s_key_results_open_with_a_priority_code_in_code_and_maybe_who() -> None:
    plan = (
        "# OKRs\n\n## 2018 Q4\n\n**It is a joy to use go-ipfs programatically**\n"
        "- `PX` @magik6k - The Core API is finalized and released\n- `P1` - Rewrite the pinning structures\n\n"
        "**gx becomes a beloved tool**\n- `PX` - \n- `PX` - \n\n**Outstanding endeavours**\n"
        "- `P0` @kevina - base32 is enabled by default\n"
    )
    report, items = imported(plan)
    assert [(i.title, i.priority, i.owner) for i in items.values()] == [
        ("The Core API is finalized and released", None, "magik6k"),
        ("Rewrite the pinning structures", "P1", ""),
        ("base32 is enabled by default", "P0", "kevina"),
    ]
    assert sum("a placeholder to fill in, not an item" in line for line in report) == 2
