"""A Gantt chart drawn as a table (issue 43): a column naming each row's work and a column per period whose cells
mark how far the work got, by the plan's legend."""

from __future__ import annotations

from readiness_tui.core.importers.document.blocks import Table, TableRow
from readiness_tui.core.importers.tables.gantt import gantt_table
from tests.core.import_plan import imported

PLAN = (
    "# Sprint final\n\n> **Leyenda:** `██` = completado | `▒▒` = parcial/en progreso | `░░` = pendiente | `--` = fuera\n\n"
    "## Backend\n\n| RF | TAREA / MÓDULO | S15 · 06–12 Abr | S16 · 13–19 Abr | S17 · 20–26 Abr |\n|---|---|:---:|:---:|:---:|\n"
    "| RF-07 | Auditoría endpoints | `▒▒` | -- | -- |\n| RNF-01 | Rate limiting | `░░` | -- | -- |\n"
    "| RF-56 | Protección SQL injection | `██` | `▒▒` | -- |\n| RNF-02 | Landing fallback | `██` | `██` | -- |\n"
)


def test_each_row_s_state_is_read_from_the_marks_of_its_weeks_by_the_legend() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Auditoría endpoints", "in_progress"),
        ("Rate limiting", "todo"),
        ("Protección SQL injection", "in_progress"),
        ("Landing fallback", "done"),
    ]
    assert any("status legend: ██ done, ▒▒ in_progress, ░░ todo" in line for line in report)
    assert [i.notes for i in items.values()][2] == "runs S15 · 06–12 Abr – S16 · 13–19 Abr"


def test_words_in_a_week_s_cell_make_no_gantt_chart() -> None:
    table = Table(
        1,
        4,
        ["Task", "W1", "W2", "W3"],
        [TableRow(3, ["Plan", "kick-off meeting", "", ""]), TableRow(4, ["Build", "", "x", ""])],
    )
    assert gantt_table(table, ["title", None, None, None]) is None


def test_the_person_closing_each_area_s_heading_owns_its_rows() -> None:
    plan = PLAN.replace("## Backend", "## BACKEND – Seguridad · Tomás G.") + (
        "\n## FRONTEND – Auth · Carlos B.\n\n| RF | TAREA / MÓDULO | S15 | S16 | S17 |\n|---|---|---|---|---|\n"
        "| RF-01 | Pantalla Registro | `██` | `██` | -- |\n"
    )
    _, items = imported(plan)
    assert [i.owner for i in items.values()] == ["Tomás G."] * 4 + ["Carlos B."]


def test_one_heading_with_words_after_a_dot_names_no_owner() -> None:
    _, items = imported(PLAN.replace("## Backend", "## 12 · Project Plan"))
    assert {i.owner for i in items.values()} == {""}
