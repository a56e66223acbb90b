"""Bracketed tags beside an entry's id are labels, not its status (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def _status(entry: str) -> str:
    result = import_markdown(f"# P\n\n## Work\n\n{entry}\n", "P.md")
    assert result.board is not None
    return result.board.items[0].status


def test_a_status_word_among_tags_is_a_label() -> None:
    assert _status("- [ ] [T009] [P] [Testing] Load test the API") == "todo"
    assert _status("- [ ] [T010] [QA] [Docs] Write the guide") == "todo"


def test_a_bracket_alone_or_beside_the_id_is_the_status() -> None:
    assert _status("- [ ] [T011] [Blocked] Tune the weights") == "blocked"
    assert _status("- [ ] T012 Ship the file [In Progress]") == "in_progress"


def test_three_tags_label_the_entry_even_when_each_could_be_a_status() -> None:
    assert _status("- [x] [T013] [Review] [QA] Check the build") == "done"


def test_a_priority_in_brackets_before_a_boxes_id_is_its_priority() -> None:
    md = (
        "# P\n\n## Review follow-ups\n\n- [x] [HIGH] M1: Missing tests - added five\n- [ ] [LOW] L2: Lock file\n"
        "- [ ] [Scope] Decide the export format\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.id, i.priority, i.title) for i in result.board.items]
    assert got[:2] == [("M1", "P1", "Missing tests - added five"), ("L2", "P3", "Lock file")]
    # A bracketed word that is no priority is a tag of the entry, no part of its name.
    assert got[2][1] is None and got[2][2] == "Decide the export format"
    assert result.board.items[2].tags == ["Scope"]


def test_tags_opening_an_entry_label_it() -> None:
    # spec-kit's tasks: "T019 [P] [US1] Unit test …": may run in parallel, user story 1. Before, the title kept them.
    md = (
        "# Tasks\n\n## Phase 3: User Story 1\n\n- [ ] T019 [P] [US1] Unit test for token bucket refill\n"
        "- [x] T020 [US1] Implement the token bucket\n- [ ] T021 Add [P] markers to the docs\n"
    )
    result = import_markdown(md, "tasks.md")
    assert result.board is not None
    got = [(i.id, i.title, i.tags, i.status) for i in result.board.items]
    assert got == [
        ("T019", "Unit test for token bucket refill", ["P", "US1"], "todo"),
        ("T020", "Implement the token bucket", ["US1"], "done"),
        ("T021", "Add [P] markers to the docs", [], "todo"),
    ]


def test_an_id_in_brackets_then_a_dash_opens_the_entry() -> None:
    # "Format: `[Phase.Task] - Description`": the dash separates the id from its title, as after a bare id.
    md = "# P\n\n## Done\n\n### Setup\n\n- [0.0] - Scaffold the project\n- [0.1]: Basic player\n- [0.2] — Controls\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [
        ("0.0", "Scaffold the project"),
        ("0.1", "Basic player"),
        ("0.2", "Controls"),
    ]


def test_brackets_after_the_file_a_task_names_are_its_description() -> None:
    # spec-kit: "T008 Implement … in src/config.py (LimitConfig, TierConfig per data-model.md)". Before, the whole line
    # was the title. Brackets that are no list after a file, or after no file, stay in the title.
    md = (
        "# Tasks\n\n## Phase 2: Foundational\n\n"
        "- [ ] T008 Implement configuration models in src/rate_limiting/config.py (LimitConfig, TierConfig per "
        "data-model.md)\n- [ ] T009 [P] Create the test tree per plan.md (tests/unit/, tests/load/)\n"
        "- [ ] T010 Add social login (Google, Microsoft)\n- [ ] T011 Document the flags in docs/flags.md (two pages)\n"
    )
    result = import_markdown(md, "tasks.md")
    assert result.board is not None
    got = [(i.id, i.title, i.description) for i in result.board.items]
    assert got == [
        (
            "T008",
            "Implement configuration models in src/rate_limiting/config.py",
            "LimitConfig, TierConfig per data-model.md",
        ),
        ("T009", "Create the test tree per plan.md", "tests/unit/, tests/load/"),
        ("T010", "Add social login (Google, Microsoft)", ""),
        ("T011", "Document the flags in docs/flags.md (two pages)", ""),
    ]
