"""Phase headings that close with their state: ``### Phase 2 — Search — implemented`` (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.phases import phase_item_ids
from readiness_tui.core.importers.vocabulary.title_states import trailing_status

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


def test_a_closing_state_may_be_glossed_or_say_what_the_work_waits_on() -> None:
    assert trailing_status("Docs sync — IN PROGRESS (this session)") == ("Docs sync", "in_progress")
    assert trailing_status("Auto-add — DONE (no change needed)") == ("Auto-add", "done")
    assert trailing_status("Graphs on mobile — pending spec") == ("Graphs on mobile", "todo")
    assert trailing_status("Search — done right") == ("Search — done right", None)


_BACKLOG = """# cricdb — deferred backlog

## Standing scope
- **Batting baseline:** 2,813 players

## 1. Auto-add vs Keep-Columns — **DONE** (no change needed)
Already additive.

## 2. Docs sync — **IN PROGRESS** (this session)
Reference docs.

## 3. Graphs on mobile — **pending spec**
Needs a spec.

## 4. Player pop-up — **pending spec**
Depends on #3 (the metric definitions).
"""


def test_numbered_top_headings_that_close_with_their_state_are_a_backlogs_items() -> None:
    result = import_markdown(_BACKLOG, "BACKLOG.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = [(i.id, i.title, i.status, i.depends_on) for i in result.board.items]
    assert got == [
        ("1", "Auto-add vs Keep-Columns", "done", []),
        ("2", "Docs sync", "in_progress", []),
        ("3", "Graphs on mobile", "todo", []),
        ("4", "Player pop-up", "todo", ["3"]),
    ]


def test_a_numbered_document_under_a_plan_title_is_not_items() -> None:
    md = "# Migration plan\n\n## 1. Overview\nWhy.\n\n## 2. Architecture\nHow.\n\n## 3. Rollout — done\nWhen.\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert result.board.items == []


def test_a_checklist_entry_closing_with_its_state_has_that_state() -> None:
    md = (
        "# Tracking\n\n### T001: TLS\n\n**Subtasks:**\n- [x] T001.1: Update the config (2h) - COMPLETE\n"
        "- [ ] T001.2: Investigate the merge issue (1h) - IN PROGRESS\n- [ ] T001.3: Deploy (1h)\n"
    )
    result = import_markdown(md, "T.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.id: (i.title, i.status, i.estimate_days) for i in result.board.items if i.id.startswith("T001.")}
    assert got == {  # "(2h)": how long it takes, its estimate
        "T001.1": ("Update the config", "done", 0.25),
        "T001.2": ("Investigate the merge issue", "in_progress", 0.125),
        "T001.3": ("Deploy", "todo", 0.125),
    }


def test_bullets_opening_with_other_marks_leave_stated_phases_items() -> None:
    lines = [
        "### Phase 1 — Capture — implemented",
        "- 📌 Notes kept in the wiki",
        "- 📝 Design doc linked",
        "### Phase 2 — Sync — not started",
        "- 📌 Needs the API",
    ]
    assert phase_item_ids(lines) == {"1": "PHASE-1", "2": "PHASE-2"}
    ticked = [*lines[:1], "- ✅ Capture screen", "- ✅ Capture API", *lines[3:4]]
    assert phase_item_ids(ticked) == {}
