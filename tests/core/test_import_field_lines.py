"""Fields under a checklist entry written several to a line, or behind a pictograph (issue 43):
``- ⏱️ Depends on: T001 | Blocks: T003, T004``."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = (
    "# Tasks\n\n## Phase 1: Setup\n\n"
    "- [x] **T001** Initialise the config\n  - Install the driver\n  - ⏱️ Depends on: None | Blocks: T002, T003\n\n"
    "- [ ] **T002** Create the schema\n  - ⏱️ Depends on: T001 | Blocks: T003\n\n"
    "- [ ] **T003** Generate migrations\n  - Owner: ana · Depends on: T002\n"
)


def test_each_field_of_a_joined_line_is_read_and_blocks_is_the_other_way_round() -> None:
    result = import_markdown(PLAN, "tasks.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert items["T001"].depends_on == []  # "None | Blocks: ..." is no dependency of T001's
    assert items["T002"].depends_on == ["T001"]
    assert items["T003"].depends_on == ["T002"] and items["T003"].owner == "ana"
    # T001 "blocks" T003 too, but T003 states its own dependencies: the report says which was kept.
    assert any("blocks T003" in line for line in result.report_lines)


def test_a_line_whose_value_holds_a_pipe_stays_one_field() -> None:
    md = "# Tasks\n\n- [ ] **T001** Wire it\n  - Depends on: T002 | see the notes\n- [ ] **T002** Base\n"
    result = import_markdown(md, "tasks.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items}["T001"] == ["T002"]
