"""A bracket closing a title whose every part is a priority level or story points ("(P0, 5 pts)") gives those
fields and leaves the title; a bracket holding anything else stays in the title."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported


def test_a_story_heading_closing_with_priority_and_points() -> None:
    md = "# Sprint 3\n\n### US-3.1: Transcribe MP3 to Text (P0, 5 pts)\n\nAs a user I want a transcript.\n"
    md += "\n### US-3.2: Retry on API errors (P1 · 3 SP)\n\nAs a user I want retries.\n"
    result = import_markdown(md, "SPRINT.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = [(i.id, i.title, i.priority, i.score) for i in result.board.items]
    assert got == [("US-3.1", "Transcribe MP3 to Text", "P0", 5), ("US-3.2", "Retry on API errors", "P1", 3)]


def test_a_bracket_with_other_words_stays_in_the_title() -> None:
    md = "# Sprint\n\n- [ ] T-1 Retry on errors (see #12, 3 pts)\n"
    result = import_markdown(md, "SPRINT.md")
    assert result.board is not None
    item = result.board.items[0]
    assert (item.title, item.priority, item.score) == ("Retry on errors (see #12, 3 pts)", None, None)


def test_a_bracket_naming_a_priority_in_words_gives_it() -> None:
    md = "# Takenlijst\n\n## Functionaliteit bouwen\n- Taken sorteren\n- Inlogfunctionaliteit (lage prioriteit)\n"
    md += "- Export (high priority)\n- Kafka (low latency)\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = [(i.title, i.priority) for i in result.board.items]
    assert got == [
        ("Taken sorteren", None),
        ("Inlogfunctionaliteit", "P3"),
        ("Export", "P1"),
        ("Kafka (low latency)", None),
    ]


def test_a_level_in_brackets_closing_an_entrys_bold_label_is_its_priority_and_a_full_stop_no_name() -> None:
    _, items = imported(
        "## 2. Outstanding Actions\n"
        "1. **PDF validation & hash (Critical)** – Validate the signed PDF. Owner: Corporate Comms + Legal.\n"
        "2. **Placeholder population (High)** – Fill the placeholders. Owner: Legal & Compliance.\n"
        "3. **Acceptance evidence (after go-live)** – Attach the log. Owner: Customer Ops.\n"
    )
    got = {i.title.split(" –")[0]: (i.priority, i.owner, i.contributors) for i in items.values()}
    assert got == {
        "PDF validation & hash": ("P0", "Corporate Comms", ["Legal"]),
        "Placeholder population": ("P1", "Legal", ["Compliance"]),
        "Acceptance evidence (after go-live)": (None, "Customer Ops", []),
    }
