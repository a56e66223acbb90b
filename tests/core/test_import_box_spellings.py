"""Boxes written the other ways plans write them: ``[]`` with no space, and a box closing each entry of a list
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


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
