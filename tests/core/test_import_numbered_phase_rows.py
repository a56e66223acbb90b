"""A table whose rows are numbered phases with a state, and no heading of those phases: its rows are the items; a
checklist that follows them by the same word and number ("Fase 1 iniciada") is no more items."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_TABLE = (
    "| Fase | Descripción | Tiempo Est. | Estado |\n|---|---|---|---|\n"
    "| 1 | Limpieza inicial | 30 min | pending |\n| 2 | Crear estructura vacía | 20 min | done |\n"
    "| 3 | Migrar los requisitos | 1h | pending |\n"
)
_LOG = "\n## Log de Ejecución\n\n" + "".join(f"- [ ] Fase {n} iniciada\n- [ ] Fase {n} completada\n" for n in (1, 2, 3))


def test_numbered_phase_rows_with_a_state_are_the_items() -> None:
    result = import_markdown("# Plan: Migración\n\n## Resumen de Fases\n\n" + _TABLE, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = [(i.id, i.title, i.status) for i in result.board.items]
    assert got == [
        ("1", "Limpieza inicial", "todo"),
        ("2", "Crear estructura vacía", "done"),
        ("3", "Migrar los requisitos", "todo"),
    ]


def test_a_checklist_following_them_by_word_and_number_makes_no_items() -> None:
    result = import_markdown("# Plan: Migración\n\n## Resumen de Fases\n\n" + _TABLE + _LOG, "PLAN.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["1", "2", "3"]
    assert any("only names items" in line for line in result.report_lines)


def test_phases_written_out_under_their_own_headings_keep_the_work() -> None:
    md = "# Plan\n\n## Resumen\n\n" + _TABLE + "\n## Fase 1: Limpieza\n\n- [ ] Borrar duplicados\n- [ ] Archivar\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert not any(i.id in ("1", "2", "3") for i in result.board.items)


def test_a_checklist_naming_numbers_no_item_has_stays_items() -> None:
    md = "# Plan\n\n## Tasks\n\n- [ ] Step 7 wire the API\n- [ ] Step 8 ship the docs\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert len(result.board.items) == 2
