"""Pipe-separated lines without table syntax (no outer pipes, no ``---`` row) read as a table only when
their columns are named and each line carries an id; otherwise reported and kept as text."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_columns_line_names_the_pipe_lines_under_later_headings() -> None:
    report, items = imported(
        "# Index\n\nColumns: `ID | Priority | Status | Owner | Summary | Dependencies`\n\n## P0\n\n"
        "T-1 | P0 | DONE | ana | Fix the login | -\nT-2 | P0 | TODO | bo | Add the audit log | T-1\n\n"
        "## P1\n\nT-3 | P1 | DONE | ana | Docs | T-1, T-2\n"
    )
    assert set(items) == {"T-1", "T-2", "T-3"}
    t2 = items["T-2"]
    assert (t2.owner, t2.status, t2.priority, t2.title) == ("bo", "todo", "P0", "Add the audit log")
    assert items["T-3"].depends_on == ["T-1", "T-2"]
    assert items["T-1"].depends_on == []
    assert any("plan.md:3: used: line naming the columns" in ln for ln in report)
    assert any("plan.md:7: note: pipe-separated lines read as a table" in ln for ln in report)


def test_a_first_line_of_header_words_names_the_columns() -> None:
    _, items = imported("# Plan\n\n## Ops\n\nTask | Owner | Status\nOPS-1 | dev | done\nOPS-2 | sam | todo\n")
    assert set(items) == {"OPS-1", "OPS-2"}
    assert items["OPS-1"].status == "done" and items["OPS-2"].owner == "sam"


def test_pipe_lines_with_no_names_for_their_columns_are_reported_not_items() -> None:
    report, items = imported("# Plan\n\n## Work\n\nT-1 | P0 | ana | Fix the login\nT-2 | P1 | bo | Audit log\n")
    assert items == {}
    assert any("plan.md:5: skipped: pipe-separated lines with no line naming their columns" in ln for ln in report)


def test_pipe_lines_without_an_id_on_every_line_are_reported_not_items() -> None:
    report, items = imported(
        "# Plan\n\nColumns: `ID | Owner | Title`\n\n## Work\n\nT-1 | ana | Fix the login\nlater | bo | Audit log\n"
    )
    assert items == {}
    assert any("skipped: pipe-separated lines with no column of ids" in ln for ln in report)


def test_column_names_that_are_no_fields_do_not_make_a_table() -> None:
    report, items = imported("# Plan\n\n## Days\n\nMonday | Tuesday | Friday\nA-1 | B-2 | C-3\n")
    assert items == {}
    assert any("skipped: pipe-separated lines with no line naming their columns" in ln for ln in report)
