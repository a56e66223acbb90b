"""Phase headings that close with their state: ``### Phase 2 — Search — implemented`` (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.phases import phase_item_ids
from readiness_tui.core.importers.vocabulary.statuses import trailing_status

STATED = ["## Phases", "### Phase 1 — Capture — implemented", "### Phase 2A — Sync — not started"]


def test_two_stated_phase_headings_make_phases_items() -> None:
    assert phase_item_ids(STATED) == {"1": "PHASE-1", "2A": "PHASE-2A"}


def test_one_stated_heading_or_plain_phase_headings_stay_phases() -> None:
    assert phase_item_ids(STATED[:2]) == {}
    assert phase_item_ids(["### Phase 1 — Capture", "### Phase 2 — Sync — of notes"]) == {}


def test_a_trailing_state_word_is_the_status() -> None:
    assert trailing_status("Capture — implemented") == ("Capture", "done")
    assert trailing_status("Sync — not started") == ("Sync", "todo")
    assert trailing_status("Export — source written") == ("Export — source written", None)
    assert trailing_status("Client-server split") == ("Client-server split", None)


def test_stated_phase_headings_import_as_items_with_status() -> None:
    md = "# P\n\n" + "\n\n".join(STATED[1:]) + "\n\n### Phase 2B.1 — Print — source written\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"PHASE-1": "done", "PHASE-2A": "todo", "PHASE-2B.1": "todo"}
