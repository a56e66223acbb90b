"""Whatever Markdown it is given, the importer returns a board that loads, and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers import import_markdown

HEADERS = [
    "ID",
    "Task ID",
    "Ticket",
    "Title",
    "Summary",
    "Owner",
    "Assignee",
    "Depends On",
    "Blocked by",
    "Status",
    "State",
    "Priority",
    "Effort",
    "Due",
    "Target",
    "Verify Command",
    "Evidence",
    "Notes",
    "Why now",
    "Risk ID",
    "Mitigated by",
    "Expires",
    "Row \\\\ Col",
    "#",
    "",
]
IDS = st.sampled_from(["T-1", "T-2", "T-3", "SEC-1", "1.1", "1.2", "2", "R-1", "CODEX-P0-001", "M-01", "X"])
CELL = st.one_of(
    IDS,
    st.sampled_from(
        [
            "none",
            "—",
            "N/A",
            "T-1..T-3",
            "SEC-1..SEC-9",
            "✅",
            "🚧 WIP",
            "Done",
            "P0",
            "High",
            "2d",
            "1 week",
            "2026-W08",
            "2026-02-30",
            "next sprint",
            "`make test`",
            "`a || b`",
            "0",
            "1",
            "",
        ]
    ),
    st.text(alphabet="abc -|`*_[]()#:>", max_size=12),
)


@st.composite
def tables(draw) -> str:  # type: ignore[no-untyped-def]
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(CELL, min_size=len(headers), max_size=len(headers) + 1), max_size=5))
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


BLOCK = st.one_of(
    tables(),
    st.builds(lambda i, t: f"### {i}: {t}", IDS, st.text(alphabet="abc ", min_size=1, max_size=10)),
    st.builds(lambda a, b: f"- {a} → {b}", IDS, IDS),
    st.builds(lambda c, i, d: f"- [{c}] {i} do it. Depends: {d}", st.sampled_from([" ", "x"]), IDS, CELL),
    st.builds(
        lambda k, v: f"- **{k}:** {v}",
        st.sampled_from(["Owner", "Estimate", "Dependencies", "Status", "Verify", "Acceptance", "Weird"]),
        CELL,
    ),
    st.sampled_from(
        [
            "## P0 Tickets",
            "## Phase A — Setup",
            "## Risks",
            "## Waivers",
            "## Milestones",
            "## Stream 1 (P0): Thing",
            "### Tasks",
            "### Owners",
            "## Template <Project>",
            "---",
            "<!-- Every task must have at least one Source reference. -->",
            "```\ncode\n```",
            "- Entrance: x; y",
            "- Tasks: T-1, T-2",
            "1. Milestone M1 (end of week 2): P0 complete",
            "- W-1: T-1 waived until 2026-04-30, approved by CISO",
            "**Date:** 2026-02-16",
        ]
    ),
    st.text(max_size=40),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(BLOCK, max_size=12))
def test_any_document_gives_a_loadable_board(blocks: list[str]) -> None:
    text = "# Plan\n\n" + "\n\n".join(blocks) + "\n"
    result = import_markdown(text, "fuzz.md")
    assert result.board is not None, "\n".join(result.report_lines)
    store = BoardStore.from_text(result.toml_text)
    assert [i.id for i in store.board.items] == [i.id for i in result.board.items]
    assert result.report_lines[-1].startswith("fuzz.md: imported items=")
    assert result.counts["items"] == len(store.board.items)


def test_control_characters_in_imported_text_are_escaped() -> None:
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.importers import import_markdown

    result = import_markdown("# Plan\n\n## A0: x\n\n\x7f and \x01 in the text\n", "ctl.md")
    assert result.board is not None
    store = BoardStore.from_text(result.toml_text)
    assert [i.id for i in store.board.items] == ["A0"]


def test_row_without_id_in_a_table_of_known_items_is_skipped_and_reported() -> None:
    from readiness_tui.core.importers import import_markdown

    result = import_markdown("| ID |\n|---|\n| T-1 |\n\n| ID |\n|---|\n| T-1 |\n|  |\n", "blank.md")
    assert result.board is not None and [i.id for i in result.board.items] == ["T-1"]
    # The empty row stands for nothing: skipped as a placeholder, and said so with its line.
    assert any("skipped: placeholder row" in line and ":8:" in line for line in result.report_lines)


def test_a_heading_of_marks_alone_does_not_hang_the_import() -> None:
    # A shell comment rule in a code block the plan forgot to fence (``# ====...``) is a heading of marks
    # alone. The heading patterns once read such a run with nested repeats and backtracked exponentially:
    # the import of a real plan never returned. Run in a child, so a regression fails here instead of
    # hanging the suite.
    import subprocess
    import sys

    rule = "=" * 60
    plan = f"# Plan\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| T-1 | a |\n\n# {rule}\n#### {'✅ ' * 40}\n# {rule}\n"
    code = (
        "import sys\nfrom readiness_tui.core.importers import import_markdown\n"
        "r = import_markdown(sys.stdin.read(), 'plan.md')\nprint([i.id for i in r.board.items])"
    )
    done = subprocess.run([sys.executable, "-c", code], input=plan, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['T-1']"
