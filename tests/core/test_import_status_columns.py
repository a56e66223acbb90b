"""A board's columns written as bullets under status headings ("### Done", "### In Progress" side by side): each
entry is an item in that state. A status heading with no other beside it ("## Review") keeps its bullets as text."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_bullets_under_status_columns_are_items_in_that_state() -> None:
    md = (
        "# Board\n\n## Status\n\n### Done\n- Set up CI\n- Write docs\n\n### In Progress\n- Sync engine\n\n"
        "## Queue\n\n| ID | Task |\n|---|---|\n| Q-1 | Export |\n"
    )
    result = import_markdown(md, "BOARD.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.title, i.status) for i in result.board.items] == [
        ("Set up CI", "done"),
        ("Write docs", "done"),
        ("Sync engine", "in_progress"),
        ("Export", "todo"),
    ]


def test_a_status_heading_alone_keeps_its_bullets_as_text() -> None:
    md = "# Sprint 1\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| S-1 | Login |\n\n## Review\n- Demo went well\n- Ship Friday\n"
    result = import_markdown(md, "SPRINT.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["S-1"]


def test_validated_and_delivered_columns_hold_done_work_and_an_entrys_mark_is_its_state() -> None:
    md = (
        "# ViewRoyal\n\n## Requirements\n\n### Validated\n\n- ✓ CivicWeb scraper — v1.0\n- ✓ Legistar scraper — v1.0\n\n"
        "### Active\n\n- Document viewer\n- ✅ WIP badge heat indicator\n\n### Delivered\n\n- Static HTML scraper\n"
    )
    result = import_markdown(md, "PROJECT.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.title, i.status) for i in result.board.items] == [
        ("CivicWeb scraper — v1.0", "done"),
        ("Legistar scraper — v1.0", "done"),
        ("Document viewer", "in_progress"),
        # The mark says the entry's state, before its heading and before a state word in its title.
        ("WIP badge heat indicator", "done"),
        ("Static HTML scraper", "done"),
    ]


def test_phases_as_cards_are_items_named_by_their_phase_in_the_state_their_bracket_says() -> None:
    # A roadmap whose cards are its phases, each the unit of work: named PHASE-N, titled without "Phase N:", in the
    # state its closing bracket gives (a mark and a word, or a mark alone), over the column's.
    md = (
        "# Roadmap\n\n## Completed Phases\n- Phase 0: Foundation stack (🟢 done)\n- Phase 1: Member CRUD (🟢 done)\n\n"
        "## In Progress\n- Phase 2: Tasks & Duties (🟡 in progress)\n- Phase 3: Voting (🔴)\n- Phase 4: Analytics\n"
    )
    result = import_markdown(md, "ROADMAP.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.id, i.title, i.status) for i in result.board.items] == [
        ("PHASE-0", "Foundation stack", "done"),
        ("PHASE-1", "Member CRUD", "done"),
        ("PHASE-2", "Tasks & Duties", "in_progress"),
        ("PHASE-3", "Voting", "blocked"),
        ("PHASE-4", "Analytics", "in_progress"),
    ]


def test_completed_deliverables_over_a_table_are_done() -> None:
    md = (
        "# Roadmap\n\n## Sprint 0 – Design (Completed)\n\n### ✅ Completed Deliverables\n\n| Task | Owner |\n|---|---|\n"
        "| Schema finalized | Elvis |\n| Repository setup | Team |\n\n## Sprint 1\n\n### Sprint 1 Tasks\n\n"
        "| Task | Owner |\n|---|---|\n| Expense ingestion | Moffat |\n| Schema validation | Elvis |\n"
    )
    result = import_markdown(md, "ROADMAP.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.title, i.status) for i in result.board.items] == [
        ("Schema finalized", "done"),
        ("Repository setup", "done"),
        ("Expense ingestion", "todo"),
        ("Schema validation", "todo"),
    ]
