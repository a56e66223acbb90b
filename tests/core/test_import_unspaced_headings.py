"""A plan whose headings are written ``#TODO`` (no space after the hashes, which CommonMark reads as text) has
those headings all the same (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """#TODO: for the extension

- (done) Build the tree
- (done) Search filter in the tree
- () Publish to the store

#New Ideas
- () Remember the selected component
- (?) Refresh on DOM mutation
"""


def test_hashes_without_a_space_are_the_headings_of_a_plan_with_none() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Build the tree", "done"),
        ("Search filter in the tree", "done"),
        ("Publish to the store", "todo"),
        ("Remember the selected component", "todo"),
        ("Refresh on DOM mutation", "todo"),
    ]
    assert any("'#New Ideas' opens with hashes and no space: read as a heading" in ln for ln in report)


def test_brackets_drawn_as_boxes_leave_the_title() -> None:
    report, items = imported("# Plan\n\n- () Publish\n- (?) Refresh\n- (done) Build\n- Rename (old) things\n")
    assert [(i.title, i.status) for i in items.values()] == [
        ("Publish", "todo"),
        ("Refresh", "todo"),
        ("Build", "done"),
        ("Rename (old) things", "todo"),
    ]
    assert not any("statuses=4" in ln for ln in report)


def test_a_line_of_tags_stays_text() -> None:
    report, _ = imported("Plan for the week\n\n#urgent #backend\n\n- [ ] Fix the login\n")
    assert not any("opens with hashes" in ln for ln in report)


def test_a_plan_with_headings_keeps_an_unspaced_line_as_text() -> None:
    report, items = imported("# Plan\n\n## Work\n\n- [ ] T-1 Ship\n\n#later\n- [ ] T-2 Polish\n")
    assert not any("opens with hashes" in ln for ln in report)
    assert list(items) == ["T-1", "T-2"]


def test_headings_written_as_a_wiki_writes_them_are_sections() -> None:
    md = (
        "== Dendro ==\n- arreglar read.one.dendro de lib-dendro.R\n- pasar función de leer datos a lib-dendro.R\n\n"
        "= Análisis =\n- sacar funciones útiles a fichero lib.R externo\n- mejorar treenetproc\n"
    )
    result = import_markdown(md, "TAREAS.md")
    assert result.board is not None
    report = "\n".join(result.report_lines)
    assert "line '== Dendro ==' is a heading as a wiki writes it" in report
    assert "list under 'Dendro'" in report and "list under 'Análisis'" in report
    assert len(result.board.items) == 4
