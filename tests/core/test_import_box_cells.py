"""A checklist written as a table: each row opens a cell with a checkbox (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def _items(md: str) -> dict[str, tuple[str, str]]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return {i.id: (i.title, i.status) for i in result.board.items}


def test_boxed_rows_are_checklist_entries() -> None:
    md = "# P\n\n## Go live\n\n| Krok | Odpowiedzialny |\n|---|---|\n| [x] Rotate keys | SecOps |\n| [ ] Flip flag | SRE |\n"
    assert _items(md) == {"GL-1": ("Rotate keys", "done"), "GL-2": ("Flip flag", "todo")}


def test_a_status_column_beats_the_box() -> None:
    md = "# P\n\n## Drills\n\n| Drill | Status |\n|---|---|\n| [ ] Pull release | Blocked |\n| [ ] Restore | Done |\n"
    assert _items(md) == {"D-1": ("Pull release", "blocked"), "D-2": ("Restore", "done")}


def test_numbers_go_on_past_ids_already_taken() -> None:
    md = "# P\n\n## Go live\n\n- [ ] GL-1 First\n\n| Step | Who |\n|---|---|\n| [ ] Second | a |\n| [ ] Third | b |\n"
    assert set(_items(md)) == {"GL-1", "GL-2", "GL-3"}


def test_a_table_boxing_only_some_rows_is_no_checklist() -> None:
    md = "# P\n\n## Notes\n\n| Topic | Remark |\n|---|---|\n| [ ] means open | x |\n| Sign-off | y |\n"
    assert _items(md) == {}
