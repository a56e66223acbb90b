"""Id forms met in public roadmaps (issue 43): ``P0-2`` is an id, ``M-1.2`` is one id, asides are words."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.sections.patterns import TICKET_RE, strip_heading_marks


def test_p0_followed_by_a_number_is_an_id_not_a_priority_tag() -> None:
    assert strip_heading_marks("✅ P0-2 — Wire the tab") == ("P0-2 — Wire the tab", {"status": "done"})
    assert strip_heading_marks("P0 - Wire the tab")[1] == {"priority": "P0"}


def test_a_dotted_number_after_a_hyphen_belongs_to_the_id() -> None:
    m = TICKET_RE.match("M-1.3 — Sortable columns")
    assert m is not None and m.group("id") == "M-1.3" and m.group("title") == "Sortable columns"


def test_words_in_parentheses_after_ids_are_kept_as_words() -> None:
    refs = parse_refs("M-3.1 (WebView2 infrastructure), P0-2")
    assert refs.ids == ["M-3.1", "P0-2"] and refs.rest == "(WebView2 infrastructure)"


def test_parentheses_holding_only_ids_are_ids() -> None:
    assert parse_refs("A1 (A2, A3)").ids == ["A1", "A2", "A3"]


def test_a_depends_on_sentence_in_an_items_text_names_its_dependency() -> None:
    from readiness_tui.core.importers import import_markdown

    md = (
        "# R\n\n## Phase 1 — Results\n\n### M-1.4 — Sizes\nFix the sizes.\n\n"
        "### M-1.5 — Tree view\n**Shipped:** v1.4 — a tree of folders. Depends on M-1.4 for correct sizes.\n\n"
        "### M-1.6 — Export\nWrites CSV; requires Python 3.11 and is blocked by nothing here.\n"
    )
    result = import_markdown(md, "R.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"M-1.4": [], "M-1.5": ["M-1.4"], "M-1.6": []}


def test_an_id_and_its_title_in_one_bold_span() -> None:
    from readiness_tui.core.importers.entries.entry_ids import marked_id

    assert marked_id("**M0 Repo skeleton.** Deps: none.") == ("M0", "Repo skeleton. Deps: none", None)
    assert marked_id("**Note this** well") is None  # no id in the bold span


def test_a_dependency_field_ends_where_the_next_field_starts() -> None:
    from readiness_tui.core.importers import import_markdown

    md = (
        "# P\n\n## Milestones\n\n- [ ] **M0 Base.** Deps: none.\n"
        "- [ ] **M1 Next.** Deps: M0. Accept: `make e2e-live`. Parallel-safe with M2.\n- [ ] **M2 Other.** Deps: M0.\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"M0": [], "M1": ["M0"], "M2": ["M0"]}


def test_hyphenated_numbers_in_an_id_column_are_ids() -> None:
    md = "# P\n\n## Sprint 6\n\n| # | Task | Owner |\n|---|---|---|\n| 6-1 | Legal pages | ana |\n| 6-2 | Ops scripts | bo |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.owner) for i in result.board.items] == [("6-1", "ana"), ("6-2", "bo")]


def test_an_issue_number_in_brackets_after_an_id_is_that_ids_link() -> None:
    assert parse_refs("T05 (#102), T07 (#104)").ids == ["T05", "T07"]
    assert parse_refs("T05, #102").ids == ["T05", "#102"]


def test_a_first_column_with_no_header_numbering_the_rows_holds_the_ids() -> None:
    plan = (
        "# P\n\n## Sequence\n\n| | Step | Owner | Blocked by |\n|---|---|---|---|\n"
        "| 1 | Shoot the images | team | — |\n| 2 | Upload the picks | team | 1 |\n| 3 | Deploy and QA | dev | 2 |\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["1", "2", "3"]
    assert items["2"].title == "Upload the picks" and items["2"].owner == "team"
    assert items["3"].depends_on == ["2"]


def test_a_column_with_no_header_holding_words_is_no_id_column() -> None:
    plan = "# P\n\n| | Step | Owner |\n|---|---|---|\n| a | Shoot | team |\n| b | Upload | dev |\n"
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    # The rows are a runbook's steps, each its owner's work: named from the heading, not by the letters.
    assert [(i.id, i.title, i.owner) for i in result.board.items] == [
        ("P-1", "Shoot", "team"),
        ("P-2", "Upload", "dev"),
    ]


def test_a_first_column_of_bare_issue_numbers_names_the_rows() -> None:
    plan = (
        "# P\n\n| Issue | Titel | Blockiert durch |\n|---|---|---|\n| #22 | Regeln trennen | — |\n"
        "| #20 | Handover lesen | #22 |\n\n### #22 — Regeln trennen\n\n1. **Was:** Marker einführen\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["#22", "#20"]
    assert items["#20"].depends_on == ["#22"]


def test_a_first_column_of_issue_links_leaves_the_rows_to_their_task_codes() -> None:
    plan = (
        "# P\n\n| Issue | Task | Prio |\n|---|---|---|\n| [#2](https://example.org/r/issues/2) | B1 load data | P0 |\n"
        "| [#3](https://example.org/r/issues/3) | B2 features | P1 |\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["B1", "B2"]


def test_capitals_joined_by_hyphens_in_a_column_headed_as_ids_are_ids() -> None:
    plan = (
        "# R\n\n| WP ID | Title | Depends on |\n|---|---|---|\n| WP-05A | Registry | — |\n"
        "| WP-SET-UI | Settings UI | WP-05A |\n| WP-BE-HOST | App host | WP-SET-UI |\n"
    )
    result = import_markdown(plan, "R.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["WP-05A", "WP-SET-UI", "WP-BE-HOST"]
    assert items["WP-BE-HOST"].depends_on == ["WP-SET-UI"]


def test_words_in_a_column_not_headed_as_ids_are_not_taken_for_ids() -> None:
    plan = (
        "# R\n\n| Area | Title | Owner |\n|---|---|---|\n| UX-CORE | Settings UI | ana |\n| BE-HOST | App host | bo |\n"
    )
    result = import_markdown(plan, "R.md")
    assert result.board is not None
    assert "UX-CORE" not in {i.id for i in result.board.items}


def test_entries_naming_id_and_title_before_an_arrow_are_items_not_an_order() -> None:
    plan = (
        "# Gaps\n\n## Orchestration\n\n- #18: **Airflow pipeline setup** (P0) → M2\n"
        "- #19: **Pipeline monitoring** (P1) → M5\n\n## Order\n\n- T-1 → T-2\n- T-2 → T-3\n"
    )
    result = import_markdown(plan, "G.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["#18", "#19"]
    assert items["#18"].priority == "P0"
    assert any("list of arrows between ids that name no risk" in line for line in result.report_lines)


def test_an_issue_heading_written_with_a_hash_keeps_the_plans_own_id() -> None:
    plan = (
        "# Plan\n\n## Issue #1: Fix the task\n\nScope.\n\n## Issue #2: Handler\n\nScope.\n\n"
        "## Dependencies\n\n| Issue | Depends on |\n|---|---|\n| #1 Fix | — |\n| #2 Handler | #1 |\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["#1", "#2"]
    assert items["#2"].depends_on == ["#1"]
    assert [i.id for i in import_markdown("# P\n\n## Task 1: A\n\nx\n\n## Task 2: B\n\ny\n", "P.md").board.items] == [  # type: ignore[union-attr]
        "TASK-1",
        "TASK-2",
    ]


def test_a_code_and_words_in_one_bold_span_are_an_id_only_as_a_numbering() -> None:
    from readiness_tui.core.importers import import_markdown

    # "**ARM64 Test Kernel**" names a platform's kernel; M0, M1, M2 number the milestones.
    md = (
        "# Boot\n\n## Week 5: Kernels\n\n**Tasks**:\n1. **x86 Test Kernel**\n   ```asm\n   hlt\n   ```\n\n"
        "2. **ARM64 Test Kernel**\n   ```c\n   while(1);\n   ```\n\n3. **RISC-V Test Kernel**\n   ```c\n   x();\n   ```\n"
    )
    result = import_markdown(md, "B.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["x86 Test Kernel", "ARM64 Test Kernel", "RISC-V Test Kernel"]
    assert not {"x86", "ARM64"} & {i.id for i in result.board.items}


def test_lower_case_names_in_bold_are_names_even_with_a_digit_and_no_entry_is_dropped() -> None:
    md = (
        "# Status\n\n## Packages\n\n1. **so3_control** - SO3 control component\n"
        "2. **poscmd_2_odom** - Position command converter\n3. **bspline** - B-spline representation\n"
    )
    result = import_markdown(md, "S.md")
    assert result.board is not None
    got = [(i.id, i.title, i.description) for i in result.board.items]
    assert got == [
        ("1", "so3_control", "SO3 control component"),
        ("2", "poscmd_2_odom", "Position command converter"),
        ("3", "bspline", "B-spline representation"),
    ]
