"""Numbered entries with a backticked id, an inline `STATUS: WORD`, flush bullets and dependencies by number
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.blocks import ListBlock
from readiness_tui.core.importers.document.parse import parse_sections
from readiness_tui.core.importers.sections.patterns import PRIO_GROUP_RE
from readiness_tui.core.importers.vocabulary.statuses import parse_status


def _board(md: str) -> dict[str, tuple[str | None, str | None, list[str]]]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return {i.id: (i.status, i.priority, i.depends_on) for i in result.board.items}


def test_priority_n_heading_is_a_priority_group() -> None:
    m = PRIO_GROUP_RE.match("Priority 0 - Runtime blockers")
    assert m is not None and m.group("num") == "0" and m.group("title") == "Runtime blockers"
    assert PRIO_GROUP_RE.match("Priority scoring method") is None


def test_a_priority_heading_glossed_and_marked_is_a_priority_group() -> None:
    # "### P0 - Critical (Needed to compete) 🔥" beside "### P1 - High Value 💰": the mark after the gloss
    # decorates the heading as it does one without a gloss.
    m = PRIO_GROUP_RE.match("P0 - Critical (Needed to compete) 🔥")
    assert m is not None and m.group("prio") == "P0" and m.group("extra") == "Needed to compete"
    board = _board("# P\n\n## Ranking\n\n### P0 - Critical (Needed to compete) 🔥\n1. **Download analytics**\n")
    assert [(p, s) for s, p, _ in board.values()] == [("P0", "todo")]


def test_an_aside_saying_blocked_makes_work_blocked() -> None:
    assert parse_status("PARTIAL (runtime blocked)") == "blocked"
    assert parse_status("In progress (no longer blocked)") == "in_progress"
    assert parse_status("Done (was blocked)") == "done"


def test_flush_bullets_after_a_numbered_entry_are_its_own() -> None:
    root = parse_sections("1. First\n- Criteria:\n- a\n- b\n\n2. Second\n\n- free list\n")
    lists = [blk for blk in root.blocks if isinstance(blk, ListBlock)]
    # "2. Second" goes on from "1. First" once its bullets are adopted: one numbered list, then the free one.
    assert [len(lst.items) for lst in lists] == [2, 1]
    assert [it.text for it in lists[0].items] == ["First", "Second"]
    first = lists[0].items[0]
    assert [it.text for it in first.sub_items()] == ["Criteria:"]
    assert [it.text for it in first.sub_items()[0].sub_items()] == ["a", "b"]


def test_code_span_status_field_and_priority_heading() -> None:
    md = "# Q\n\n## Priority 1 - Soon\n\n1. `OPS-GATE-01` Fix it. `STATUS: COMPLETE`\n"
    assert _board(md) == {"OPS-GATE-01": ("done", "P1", [])}


def test_a_digitless_id_named_like_its_siblings_and_deps_by_list_number() -> None:
    md = (
        "# Q\n\n## Queue\n\n1. `OPS-GATE-01` Fix a.\n\n2. `OPS-GATE-02` Fix b until gate 01 is resolved.\n\n"
        "3. `SHIP-IT` Ship only after gates 1-2 pass.\n\n4. `OPS-GATE-04` See steps 1-3 for context.\n\n"
        "5. `LONE` Tidy up.\n"
    )
    board = _board(md)
    assert board["OPS-GATE-02"][2] == ["OPS-GATE-01"]
    assert board["SHIP-IT"][2] == ["OPS-GATE-01", "OPS-GATE-02"]
    assert board["OPS-GATE-04"][2] == []  # "see steps 1-3" names no wait
    assert "LONE" not in board  # one capital word, no hyphen: not named like the others


def test_a_list_number_counts_only_when_its_noun_names_the_entries() -> None:
    md = "# Q\n\n## Launch steps\n\n1. `WEB-01` Build.\n\n2. `WEB-02` Test.\n\n3. `WEB-03` Ship after sprint 2 ends.\n"
    assert _board(md)["WEB-03"][2] == []
    md = md.replace("after sprint 2 ends", "after step 2")
    assert _board(md)["WEB-03"][2] == ["WEB-02"]
