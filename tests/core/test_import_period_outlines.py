"""A plan pasted with no Markdown at all: period lines over labels and the lines under them (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.plain_text import period_outlines

from .import_plan import imported

PLAN = """Design System Roadmap
Phase 1 – Discovery & Strategy
Goals: Align on vision, scope, and success metrics.
Key Activities:
Audit existing product UI.
Identify key stakeholders and define governance model.
Deliverables:
UX/UI audit report
Design principles document
Phase 2 – Foundations
Goals: Establish the core visual language.
Key Activities:
Define color system.
Create base design tokens.
Deliverables:
Token specification
"""


def test_periods_are_headings_and_the_labelled_lines_lists() -> None:
    lines = PLAN.split("\n")
    period_outlines(lines, lambda n, what: None)
    assert lines[:6] == [
        "# Design System Roadmap",
        "## Phase 1 – Discovery & Strategy",
        "Goals: Align on vision, scope, and success metrics.",
        "### Key Activities",
        "- Audit existing product UI.",
        "- Identify key stakeholders and define governance model.",
    ]
    assert lines[6:8] == ["### Deliverables", "- UX/UI audit report"]


def test_a_phases_activities_are_its_work_and_its_deliverables_what_they_leave() -> None:
    lines, items = imported(PLAN)
    assert [(i.title, i.phase) for i in items.values()] == [
        ("Audit existing product UI.", "1"),
        ("Identify key stakeholders and define governance model.", "1"),
        ("Define color system.", "2"),
        ("Create base design tokens.", "2"),
    ]
    assert "plan.md:2: note: 2 period lines over labelled lines, in a plan without Markdown: headings, lists" in lines


def test_text_with_markdown_or_one_period_is_left_as_written() -> None:
    for text in (PLAN.replace("Audit existing", "- Audit existing"), PLAN.replace("Phase 2 – Foundations", "Next")):
        lines = text.split("\n")
        period_outlines(lines, lambda n, what: None)
        assert lines == text.split("\n")
