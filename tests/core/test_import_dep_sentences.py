"""Dependencies stated in a sentence of the plan's prose (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

TABLE = "| ID | Story |\n|---|---|\n| 3.0 | Harden |\n| 3.1 | Search |\n| 3.2 | Export |\n| 3.3 | Import |\n\n"


def _deps(md: str) -> dict[str, list[str]]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_a_range_that_depends_on_an_id() -> None:
    deps = _deps("# P\n\n" + TABLE + "Stories 3.1-3.3 depend on 3.0.\n")
    assert deps == {"3.0": [], "3.1": ["3.0"], "3.2": ["3.0"], "3.3": ["3.0"]}


def test_must_be_done_before() -> None:
    deps = _deps("# P\n\n" + TABLE + "Note: 3.1 must be done before 3.2 and 3.3, and the rest is free.\n")
    assert deps["3.2"] == ["3.1"] and deps["3.3"] == ["3.1"] and deps["3.0"] == []


def test_before_starting_a_range_the_following_list() -> None:
    md = "# P\n\n" + TABLE + "## Pre-work\n\nBefore starting stories (3.1-3.3), the following must be addressed:\n\n"
    md += "1. **Hardening (Story 3.0)** - ready\n2. **Test fixes** - backlog item 1732978800001\n"
    deps = _deps(md)
    assert [deps[i] for i in ("3.0", "3.1", "3.2", "3.3")] == [[], ["3.0"], ["3.0"], ["3.0"]]


def test_ids_of_no_item_and_sentences_without_a_waiting_side_add_nothing() -> None:
    deps = _deps("# P\n\n" + TABLE + "This requires 3.0. Release 9.9 depends on 3.1.\n")
    assert all(d == [] for d in deps.values())


def test_the_id_list_ends_with_its_clause() -> None:
    deps = _deps("# P\n\n" + TABLE + "3.2 depends on 3.1, 3.0, while 3.3 is free.\n")
    assert deps["3.2"] == ["3.1", "3.0"] and deps["3.3"] == []


def test_should_be_completed_before_with_ids_in_brackets() -> None:
    deps = _deps("# P\n\n" + TABLE + "4. The stories (3.1-3.2) should be completed before opening the release (3.3).\n")
    assert deps["3.3"] == ["3.1", "3.2"] and deps["3.1"] == []


def test_two_item_ids_joined_by_a_hyphen_are_a_range() -> None:
    table = "| ID | Task |\n|---|---|\n| T017 | CI |\n| T018 | Lint |\n| T019 | Docs |\n| T022 | PR |\n\n"
    deps = _deps("# P\n\n" + table + "- CI work (T017-T019) should be completed before opening the PR (T022).\n")
    assert deps["T022"] == ["T017", "T018", "T019"]


def test_a_list_of_dependency_sentences_before_the_tickets_is_no_list_of_items() -> None:
    md = "# Tickets\n\n**Dependencies**:\n- TICKET-1 must complete before TICKET-2 (struct used in lookup)\n"
    md += "- TICKET-2 must complete before TICKET-3\n\n"
    md += "".join(f"## TICKET-{n}: {t}\n\nDo it.\n\n" for n, t in ((1, "Helper struct"), (2, "Lookup"), (3, "Tests")))
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = {i.id: (i.title, i.depends_on) for i in result.board.items}
    assert got == {
        "TICKET-1": ("Helper struct", []),
        "TICKET-2": ("Lookup", ["TICKET-1"]),
        "TICKET-3": ("Tests", ["TICKET-2"]),
    }
    assert (
        "P.md:4: used: list of dependency sentences (2 entries): read as dependencies, not items" in result.report_lines
    )


def test_a_list_of_items_that_say_what_they_wait_on_stays_a_list_of_items() -> None:
    md = (
        "# P\n\n## Work\n\n- T-1 Build the schema\n- T-2 Build the API, depends on T-1\n- T-3 Ship it, depends on T-2\n"
    )
    deps = _deps(md)
    assert deps == {"T-1": [], "T-2": ["T-1"], "T-3": ["T-2"]}


_AFTER = """# Orchestrator state

## Story Queue

| ID | Title | Status |
|---|---|---|
| mp3-001 | Track types | IN PROGRESS |
| mp3-002 | AudioEngine | PENDING |
| mp3-003 | Store integration | PENDING |
| mp3-004 | File picker | PENDING |
| mp3-005 | Drag and drop | PENDING |

**Parallel after mp3-003:** mp3-004, mp3-005
Once mp3-001 is done: mp3-002
After the review: mp3-004
"""


def test_a_line_naming_what_may_start_after_items_makes_those_wait_on_them() -> None:
    report, items = imported(_AFTER)
    assert items["mp3-004"].depends_on == ["mp3-003"] and items["mp3-005"].depends_on == ["mp3-003"]
    assert items["mp3-002"].depends_on == ["mp3-001"]
    # "After the review": no item named before the colon, so no wait is read from it.
    assert any("mp3-004, mp3-005 after mp3-003" in line for line in report)


def test_a_prerequisite_before_items_named_among_words() -> None:
    # "OTel removal (#311) – prerequisite before sampling (#315) & correlation (#316)": both wait on #311.
    md = "# P\n\n| # | Task |\n|---|---|\n| #311 | OTel removal |\n| #315 | Sampling |\n| #316 | Correlation |\n\n"
    md += "- OTel removal & consolidation (#311) – prerequisite before sampling adjustment (#315) & correlation "
    md += "enrichment (#316).\n"
    deps = _deps(md)
    assert deps == {"#311": [], "#315": ["#311"], "#316": ["#311"]}
    assert _deps(md.replace("– prerequisite before", "is a prerequisite for"))["#316"] == ["#311"]


_GROUPS = (
    "# Tasks\n\n## 1. Setup\n\n- [x] 1.1 Create the folders\n- [x] 1.2 Create the config\n\n"
    "## 2. Extract\n\n- [ ] 2.1 Write the extractor\n- [ ] 2.2 Test the extractor\n\n"
    "## 3. Verify\n\n- [ ] 3.1 Dry run with sample data\n\n## Dependencies\n\n"
)


def test_a_numbered_group_written_with_x_is_every_task_of_the_group() -> None:
    deps = _deps(_GROUPS + "- Tasks 2.x can run in parallel\n- Task 2.x depends on completion of 1.x\n")
    assert deps == {"1.1": [], "1.2": [], "2.1": ["1.1", "1.2"], "2.2": ["1.1", "1.2"], "3.1": []}


def test_all_previous_tasks_are_those_before_the_waiting_ones() -> None:
    deps = _deps(_GROUPS + "- Task 3.x depends on all previous tasks\n")
    assert deps["3.1"] == ["1.1", "1.2", "2.1", "2.2"]
    assert deps["2.1"] == deps["1.1"] == []


def test_dependency_sentences_naming_what_their_ids_hold_in_brackets_are_no_items() -> None:
    # "T004 (proto generation) must complete before …": the bracket says what T004 is; the entry is a dependency.
    tasks = "".join(
        f"- [ ] {i} {t}\n"
        for i, t in (
            ("T004", "Generate protos"),
            ("T020", "Repo client"),
            ("T021", "Repo server"),
            ("T028", "Service update"),
        )
    )
    md = (
        "# Tasks\n\n## Phase 1\n\n" + tasks + "\n## Task Dependencies\n\n**Critical Dependencies:**\n"
        "- T004 (proto generation) must complete before T020-T021 (repository clients)\n"
        "- T028 (service updates) requires T020-T021 (repositories)\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = {i.id: (i.title, i.depends_on) for i in result.board.items}
    assert got == {
        "T004": ("Generate protos", []),
        "T020": ("Repo client", ["T004"]),
        "T021": ("Repo server", ["T004"]),
        "T028": ("Service update", ["T020", "T021"]),
    }
    assert "P.md:13: used: list of dependency sentences (2 entries): read as dependencies, not items" in (
        result.report_lines
    )


def test_runs_of_ids_one_before_the_other_wait_on_the_run_before() -> None:
    md = (
        "# P\n\n"
        + TABLE
        + "### Within each story\n\n- **Search**: 3.0 (hardening) before 3.1 before 3.2-3.3 (exports)\n"
    )
    assert _deps(md) == {"3.0": [], "3.1": ["3.0"], "3.2": ["3.1"], "3.3": ["3.1"]}


def test_before_among_other_words_is_no_run_of_ids() -> None:
    # "before launch" names no item: the line is left alone.
    md = "# P\n\n" + TABLE + "- **Search**: 3.1 before launch, 3.2 after\n"
    assert _deps(md) == {"3.0": [], "3.1": [], "3.2": [], "3.3": []}


def test_named_runs_of_ids_before_and_after_others_and_a_run_named_on_an_earlier_line() -> None:
    # A spec-kit "## Dependencies" list: each side a name with its ids in brackets; a later line names a run by the
    # name an earlier line gave it, even a line whose other side names nothing of the plan ("any implementation",
    # "core and API functionality"), which adds nothing.
    boxes = "".join(f"- [ ] T00{n} Task {n}\n" for n in range(1, 9))
    md = (
        "# Tasks\n\n## Phase 1\n\n" + boxes + "\n## Dependencies\n"
        "- Setup (T001) before any implementation\n"
        "- Tests (T002-T003) before core implementation (T004)\n"
        "- Core system before API layer\n"
        "- Template work (T005-T006) after core and API functionality\n"
        "- Integration (T007) after template work\n"
        "- Polish (T008) after core implementation\n"
    )
    assert _deps(md) == {
        "T001": [],
        "T002": [],
        "T003": [],
        "T004": ["T002", "T003"],
        "T005": [],
        "T006": [],
        "T007": ["T005", "T006"],
        "T008": ["T004"],
    }
