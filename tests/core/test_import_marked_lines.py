"""Lines that each open with a mark of their state, with no list marker, are the checklist they draw (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Mobile App Development Roadmap

## Phase 1: Foundation (Current)
✅ Core game mechanics working
✅ AI opponents
⏳ Missing weapons from PRD (65% remaining)
⏳ Weather system

## Phase 2: Mobile Optimization (Next)
- [ ] Touch controls refinement
- [ ] Offline play capability
"""


def test_a_paragraph_of_lines_opening_with_state_marks_is_a_checklist() -> None:
    report, items = imported(PLAN)
    got = [(i.title, i.status) for i in items.values()]
    assert got[:4] == [
        ("Core game mechanics working", "done"),
        ("AI opponents", "done"),
        ("Missing weapons from PRD (65% remaining)", "todo"),
        ("Weather system", "todo"),
    ]
    assert len(got) == 6
    assert any("4 lines opening with a mark of their state read as a checklist" in line for line in report)


def test_two_marked_lines_or_a_marked_line_in_prose_stay_text() -> None:
    prose = "# Plan\n\n## Status\n\n✅ Shipped the beta.\nThe rest waits on the vendor.\n✅ Docs are up.\n"
    _, items = imported(prose)
    assert not items


def test_marked_lines_closed_by_a_line_of_prose_stay_text() -> None:
    prose = (
        "# Plan\n\n## Status\n\n✅ Shipped the beta\n✅ Docs are up\n✅ Site is live\nThe rest waits on the vendor.\n"
    )
    _, items = imported(prose)
    assert not items


def test_lines_all_marked_done_under_a_heading_of_qualities_stay_text() -> None:
    factors = (
        "# Plan\n\n## Work\n\n- [ ] Build the QR scanner\n\n## Critical Success Factors\n\n"
        "✅ **Reliable QR check-in** - This must work every time\n✅ **Fast performance** - Booking feels instant\n"
        "✅ **Payment security** - PCI compliant from day one\n"
    )
    _, items = imported(factors)
    assert [i.title for i in items.values()] == ["Build the QR scanner"]


def test_marked_lines_each_a_measure_of_the_system_are_a_report_not_work() -> None:
    report = (
        "# Roadmap\n\n## Current situation\n\n✅ Backend: 200 OK\n✅ N8N: 200 OK\n✅ Documentation: 18 files\n"
        "✅ Data: 1,127 students + 991 classes\n\n## Next week\n\n- [ ] Better dashboard\n"
    )
    _, items = imported(report)
    assert [i.title for i in items.values()] == ["Better dashboard"]
