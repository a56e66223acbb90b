"""A wait stated in a section heading ("Next — once T-1 is closed") applies to the open items under it."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def _deps(md: str) -> dict[str, list[str]]:
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return {i.id: i.depends_on for i in result.board.items}


_ROWS = "| # | Task | State |\n|---|---|---|\n"


def test_open_items_under_a_waiting_heading_depend_on_what_it_names() -> None:
    md = "# B\n\n## Now\n\n" + _ROWS + "| T-1 | Oven | todo |\n\n## Siguiente — cuando T-1 esté cerrado\n\n" + _ROWS
    md += "| T-2 | Bread | todo |\n| T-3 | Cards | done |\n"
    assert _deps(md) == {"T-1": [], "T-2": ["T-1"], "T-3": []}


def test_a_heading_without_a_wait_word_adds_nothing() -> None:
    md = "# B\n\n## Now\n\n" + _ROWS + "| T-1 | Oven | todo |\n\n## Related to T-1\n\n" + _ROWS
    md += "| T-2 | Bread | todo |\n"
    assert _deps(md) == {"T-1": [], "T-2": []}


def test_a_range_of_short_ids_in_a_waiting_heading_is_every_item_in_it() -> None:
    # "ONLY after T007-T009 written": the items wait on the whole range, not on its two ends.
    md = "# B\n\n## Tests\n\n- [ ] **T007** One\n- [ ] **T008** Two\n- [ ] **T009** Three\n\n"
    md += "## Core (ONLY after T007-T009 written and failing)\n\n- [ ] **T010** Repo\n"
    assert _deps(md)["T010"] == ["T007", "T008", "T009"]
