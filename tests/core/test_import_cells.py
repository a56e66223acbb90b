"""The cell and phrase parsers of the Markdown importer, with examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core.importers.document.parse import parse_sections, split_row
from readiness_tui.core.importers.references.ids import expand_range, is_id
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.tables.cells import split_list
from readiness_tui.core.importers.vocabulary.dates import parse_estimate, parse_target
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import parse_status

PREFIXES = st.sampled_from(["T-", "SEC-", "CODEX-P1-", "M-", "NEW-RISK-", "OPS-"])


@pytest.mark.parametrize("cell", ["none", "None.", "-", "—", "–", "N/A", "n/a", "", "  ", "**none**"])
def test_empty_dependency_cells(cell: str) -> None:
    refs = parse_refs(cell)
    assert refs.ids == [] and refs.rest == ""


@pytest.mark.parametrize(
    ("cell", "ids"),
    [
        ("T-001", ["T-001"]),
        ("M-02, M-03", ["M-02", "M-03"]),
        ("CODEX-P1-001..005", [f"CODEX-P1-00{n}" for n in range(1, 6)]),
        ("SEC-3..SEC-5", ["SEC-3", "SEC-4", "SEC-5"]),
        ("SEC-3..SEC-5, T-0", ["SEC-3", "SEC-4", "SEC-5", "T-0"]),
        ("1.1 … 1.3", ["1.1", "1.2", "1.3"]),
        ("T-1 to T-3", ["T-1", "T-2", "T-3"]),
        ("`CODEX-P0-001`, `CODEX-P0-002`", ["CODEX-P0-001", "CODEX-P0-002"]),
        ("A-1; A-2 and A-3", ["A-1", "A-2", "A-3"]),
    ],
)
def test_dependency_cells(cell: str, ids: list[str]) -> None:
    assert parse_refs(cell).ids == ids


def test_words_in_a_dependency_cell_are_kept_not_guessed() -> None:
    refs = parse_refs("after T-3 (soft)")
    assert refs.ids == ["T-3"]
    assert "after" in refs.rest


def test_a_range_across_prefixes_is_not_expanded() -> None:
    assert expand_range("SEC-3", "OPS-5") is None
    assert expand_range("T-9", "T-2") is None
    assert parse_refs("SEC-3..OPS-5").bad_ranges == ["SEC-3..OPS-5"]


@settings(max_examples=200, deadline=None)
@given(PREFIXES, st.integers(0, 300), st.integers(0, 40), st.integers(1, 4), st.booleans())
def test_ranges_expand_to_every_id(prefix: str, start: int, span: int, width: int, short_end: bool) -> None:
    first = f"{prefix}{start:0{width}d}"
    last_num = f"{start + span:0{width}d}"
    cell = f"{first}..{last_num if short_end else prefix + last_num}"
    ids = parse_refs(cell).ids
    assert len(ids) == span + 1
    assert ids[0] == first
    assert ids[-1].endswith(str(start + span))
    assert all(i.startswith(prefix) for i in ids)
    assert len(set(ids)) == len(ids)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(PREFIXES, st.integers(0, 999)), min_size=1, max_size=8, unique=True),
    st.sampled_from([", ", ",", "; ", " and ", " / "]),
)
def test_id_lists_round_trip(pairs: list[tuple[str, int]], sep: str) -> None:
    ids = [f"{p}{n:03d}" for p, n in pairs]
    assert parse_refs(sep.join(ids)).ids == ids


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_parsers_never_raise(text: str) -> None:
    parse_refs(text)
    parse_status(text)
    parse_priority(text)
    parse_estimate(text)
    parse_target(text)
    header_field(text)
    split_row(text)
    split_list(text)


@pytest.mark.parametrize(
    ("cell", "days"),
    [
        ("2 days", 2),
        ("3d", 3),
        ("1 week", 5),
        ("2w", 10),
        ("4h", 0.5),
        ("2-3 days", 3),
        ("half a day", 0.5),
        ("1 sprint", 10),
        ("L", None),
        ("3 pts", None),
        ("5", None),
        # The units of the other languages read; a CJK unit follows its number with no space.
        ("4小时", 0.5),
        ("2-3天", 3),
        ("3 Tage", 3),
        ("2 semanas", 10),
        ("5 дней", 5),
        ("4時間", 0.5),
        # Arabic, Persian, Greek and Hebrew units: "3 أيام" (3 days), "2 أسابيع" (2 weeks), "2 εβδομάδες".
        ("3 أيام", 3),
        ("1 يوم", 1),
        ("2 أسابيع", 10),
        ("2 εβδομάδες", 10),
        ("3 ימים", 3),
        ("3 apples", None),
    ],
)
def test_estimates(cell: str, days: float | None) -> None:
    assert parse_estimate(cell) == days


def test_a_bare_number_is_days_only_when_the_header_says_so() -> None:
    assert parse_estimate("5", "days") == 5


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("Done", "done"),
        ("✅", "done"),
        ("✅ Done", "done"),
        ("🚧", "in_progress"),
        ("⛔ blocked", "blocked"),
        ("⬜", "todo"),
        ("Not started", "todo"),
        ("in review", "review"),
        ("doing", "in_progress"),
        ("nonsense", None),
    ],
)
def test_statuses(cell: str, status: str | None) -> None:
    assert parse_status(cell) == status


@pytest.mark.parametrize(
    ("cell", "prio"),
    [
        ("P0", "P0"),
        ("p2", "P2"),
        ("1", "P1"),
        ("High", "P1"),
        ("Critical", "P0"),
        ("low", "P3"),
        ("(P1)", "P1"),
        ("x", None),
    ],
)
def test_priorities(cell: str, prio: str | None) -> None:
    assert parse_priority(cell)[0] == prio


@pytest.mark.parametrize(
    ("cell", "target", "exact"),
    [
        ("2026-W08", "2026-W08", True),
        ("2026-02-20", "2026-02-20", True),
        ("Mar 20, 2026", "2026-03-20", False),
        ("20 March 2026", "2026-03-20", False),
        ("next sprint", None, False),
        ("2026-02-30", None, False),
        # Day first, as every language that writes dates with dots does; a two-digit year is this century's.
        ("01.05.25", "2025-05-01", True),
        ("4.5.2025", "2025-05-04", True),
        ("bis 30.06.2026", "2026-06-30", False),
        ("31.02.25", None, False),
        ("1.2.3", None, False),
        ("see 2.1.10", None, False),
    ],
)
def test_targets(cell: str, target: str | None, exact: bool) -> None:
    assert parse_target(cell) == (target, exact)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Task ID", "id"),
        ("Ticket", "id"),
        ("Owner/Role", "owner"),
        ("Assignee", "owner"),
        ("Lead", "owner"),
        ("Prereqs", "depends_on"),
        ("Depends On", "depends_on"),
        ("Blocked by", "depends_on"),
        ("Deps", "depends_on"),
        ("Estimate", "estimate_days"),
        ("Effort (days)", "estimate_days"),
        ("Due", "target"),
        ("Target", "target"),
        ("Verify Command", "gate.verify"),
        ("Check", "gate.verify"),
        ("Evidence Path", "gate.evidence"),
        ("Status", "status"),
        ("State", "status"),
        ("Exit Criteria", "gate.exit_criteria"),
        ("Why now", None),
        ("xtrlv2 Hook", None),
        ("Cost center", None),
        # A keyword counts at a word's start only.
        ("Est. days", "estimate_days"),
        ("REST base", None),
        ("Residue", None),
        # The one who builds the row owns it, in the plan languages read.
        ("développeur", "owner"),
        ("Developer", "owner"),
        ("Entwickler", "owner"),
        ("Dev", None),
        ("Person", "owner"),
    ],
)
def test_headers_by_meaning(header: str, field: str | None) -> None:
    assert header_field(header) == field


def test_pipes_inside_code_spans_stay_in_their_cell() -> None:
    md = "| A | B | C |\n|---|---|---|\n| x | uses `a || b` here | z |\n"
    table = parse_sections(md).blocks[0]
    assert table.rows[0].cells == ["x", "uses `a || b` here", "z"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="abcXYZ 019-_.`|", min_size=1, max_size=12), min_size=2, max_size=6))
def test_table_cells_never_lose_text(cells: list[str]) -> None:
    # Whatever the cells hold, every non-space character of the row lands in some cell.
    clean = [c.replace("|", "").replace("`", "").strip() or "v" for c in cells]
    header = "| " + " | ".join(f"h{n}" for n in range(len(clean))) + " |"
    sep = "|" + "---|" * len(clean)
    row = "| " + " | ".join(clean) + " |"
    table = parse_sections(f"{header}\n{sep}\n{row}\n").blocks[0]
    assert [c for c in table.rows[0].cells] == clean


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("⚪ Not started", "todo"),
        ("Not started ⚪", "todo"),
        ("not done", "todo"),
        ("Incomplete", "todo"),
        ("Not applicable", "cancelled"),
        ("Complete ✅", "done"),
        ("🔴 Blocked", "blocked"),
        ("Done (2026-02-16)", "done"),
    ],
)
def test_status_words_win_over_stray_words(cell: str, status: str) -> None:
    assert parse_status(cell) == status


def test_a_cjk_state_word_opening_a_sentence_is_its_status_but_a_verb_is_not() -> None:
    assert parse_status("已完成并经真实数据/Player 回测") == "done"
    assert parse_status("进行中，等待评审") == "in_progress"
    assert parse_status("未着手のまま") == "todo"
    # "完成登录页面" (finish the login page) opens with the verb, not a state.
    assert parse_status("完成登录页面") is None


def test_a_range_whose_end_names_only_the_parts_that_change() -> None:
    assert parse_refs("T-3-001..3-004").ids == ["T-3-001", "T-3-002", "T-3-003", "T-3-004"]
    assert parse_refs("T-3-001..4-004").ids == []  # the end would leave the phase: no range, reported instead
    assert parse_refs("T-3-001..4-004").bad_ranges == ["T-3-001..4-004"]


@pytest.mark.parametrize(
    ("cell", "ids"),
    [
        ("US-5.1–5.4", ["US-5.1", "US-5.2", "US-5.3", "US-5.4"]),
        ("US-5.1 t/m 5.4", ["US-5.1", "US-5.2", "US-5.3", "US-5.4"]),
        ("M1.2–M1.4", ["M1.2", "M1.3", "M1.4"]),
        ("A1.1 to A1.3", ["A1.1", "A1.2", "A1.3"]),
    ],
)
def test_ranges_of_ids_with_a_dotted_number_keep_their_letters(cell: str, ids: list[str]) -> None:
    refs = parse_refs(cell)
    assert refs.ids == ids and refs.rest == "" and refs.bad_ranges == []


def test_an_epics_lettered_number_and_the_storys_number_make_an_id() -> None:
    # "6a-1": story 1 of epic 6a (a sprint backlog's table of stories and their dependencies).
    assert is_id("6a-1")
    assert is_id("12b-10")
    assert parse_refs("6a-1, 6a-2").ids == ["6a-1", "6a-2"]
    # A lettered number alone reads as a size or a unit as often.
    assert not is_id("6a")
    assert not is_id("3d")


def test_a_range_of_ids_of_hyphened_numbers() -> None:
    # A Japanese work breakdown numbers its PRs 3-1, 3-2 … and writes "3-1〜3-7" for a run of them.
    assert parse_refs("3-1〜3-4").ids == ["3-1", "3-2", "3-3", "3-4"]
    assert parse_refs("3-1〜3-4").bad_ranges == []
    # A month of a year is no such id: "2024-01〜2024-03" stays words, reported as a range not read.
    assert parse_refs("2024-01〜2024-03").ids != ["2024-01", "2024-02", "2024-03"]


def test_a_range_of_whole_tasks_counts_their_outline_numbers() -> None:
    assert expand_range("07.0", "12.0") == ["07.0", "08.0", "09.0", "10.0", "11.0", "12.0"]
    assert expand_range("3.0.0", "5.0.0") == ["3.0.0", "4.0.0", "5.0.0"]
    assert expand_range("7.0", "12.1") is None  # not whole tasks at both ends


def test_a_critical_path_through_ranges_and_groups_of_whole_tasks() -> None:
    from readiness_tui.core.importers import import_markdown

    tasks = "".join(f"- [ ] {n:02d}.0 Task {n}\n" for n in range(1, 7))
    md = f"# SDK\n\n## Tasks\n\n{tasks}\n## Execution Plan\n\n- Critical Path: 01.0 → 02.0/03.0 → 04.0–06.0\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps == {
        "01.0": [],
        "02.0": ["01.0"],
        "03.0": ["01.0"],
        "04.0": ["02.0", "03.0"],
        "05.0": ["02.0", "03.0"],
        "06.0": ["02.0", "03.0"],
    }


def test_work_planned_in_japanese_is_to_do_whatever_mark_stands_before_it() -> None:
    # "🔄 実施予定" (to be carried out): the words say planned, the arrows a state they do not.
    assert parse_status("実施予定") == "todo"
    assert parse_status("🔄 **実施予定**") == "todo"
    assert parse_status("🔄 **Step2完了後実施予定**") == "todo"
