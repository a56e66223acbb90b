"""A stream (epic) heading whose subsections hold the story tables: the tables are read (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# Garden app stories

## Epic 1 — Planting

### 1A — Seeds (Sprint 1)

| Story ID | Story | Points | Priority |
|---|---|---|---|
| E1-S1 | List the seed packets | 2 | P0 |
| E1-S2 | Mark a packet as sown | 1 | P1 |

### 1B — Beds (Sprint 2)

The beds come after the seeds.

| Story ID | Story | Points | Priority |
|---|---|---|---|
| E1-S3 | Draw the beds | 3 | P1 |

### Notes

Keep it simple.
"""


def test_story_tables_in_an_epics_subsections_are_items_under_the_epic() -> None:
    result = import_markdown(PLAN, "P.md")
    assert result.board is not None
    stories = {i.id: (i.parent, i.priority) for i in result.board.items if i.id.startswith("E1-")}
    assert stories == {"E1-S1": ("E1", "P0"), "E1-S2": ("E1", "P1"), "E1-S3": ("E1", "P1")}


def test_a_subsection_of_prose_stays_the_epics_description() -> None:
    result = import_markdown(PLAN, "P.md")
    assert result.board is not None
    epic = next(i for i in result.board.items if i.id == "E1")
    assert "Keep it simple." in epic.description and "E1-S3" not in epic.description


_LETTERED = """# Worklog

| Stream | Scope | Status | Owner |
|---|---|---|---|
| Stream A | Auth foundations | Complete | Codex |
| Stream C | Access control | Complete | Codex |
| Stream G | Audit log | Complete | Codex |
| Stream H | Privacy | Complete | Codex |
| Stream 4 | Imports | Complete | Codex |

## Dependencies

- Stream H depends on Streams A and G.
- Stream A should land before work in Streams C and H.
- Stream 4 depends on Streams A-C.
"""


def test_streams_named_by_a_letter_are_items_the_plans_prose_can_name() -> None:
    result = import_markdown(_LETTERED, "WORKLOG.md")
    assert result.board is not None, "\n".join(result.report_lines)
    deps = {i.id: i.depends_on for i in result.board.items}
    assert list(deps) == ["SA", "SC", "SG", "SH", "S4"]
    assert deps["SH"] == ["SA", "SG"]
    assert deps["SC"] == ["SA"]
    assert deps["S4"] == ["SA", "SC"]
    assert next(i for i in result.board.items if i.id == "SA").title == "Stream A"


def test_lettered_stream_headings_and_rows_share_one_id_scheme() -> None:
    # A stream heading "Workstream A" is WSA (as it always was); a row titled "Stream A" is SA, by the same rule.
    md = (
        "# Plan\n\n## Workstream A: Storage\n\n### 1.1 Provision buckets\n**Status:** Done\n\n"
        "## Workstream B: Cut-over\n\n### 2.1 Cut over reads\n**Status:** Todo\n\n"
        "## Order\n\nWorkstream B depends on Workstream A.\n"
    )
    _, items = imported(md)
    assert items["1.1"].parent == "WSA" and items["2.1"].parent == "WSB"
    assert items["WSB"].depends_on == ["WSA"]


def test_a_row_sharing_one_word_with_its_epic_heading_is_a_row_of_the_epic_not_the_epic() -> None:
    # "Stripe" alone matched the row to "Epic 7: Stripe Billing": the epic became its own parent (a lint error).
    result = import_markdown(
        "# R\n\n## Epic 7: Stripe Billing\n\n### Minimal Viable Billing\n\n| Feature | Priorité | Notes |\n"
        "|---|---|---|\n| Créer compte Stripe | 🔴 Critique | Mode test |\n| Checkout Session | 🔴 Critique | x |\n",
        "plan.md",
    )
    assert result.board is not None
    got = [(i.id, i.parent) for i in result.board.items]
    assert got == [("E7", None), ("F1", "E7"), ("F2", "E7")]
    assert not any("fails lint" in line for line in result.report_lines)


def test_an_epic_numbered_with_a_leading_zero_is_read_not_a_crash() -> None:
    # "EPIC 01" is known as epic 1; the heading's own lookup used "01" and raised KeyError.
    lines, items = imported(
        "# Backlog\n\n## Epics\n\n### EPIC 01 — Infrastructure\n\n#### US-001 — Build chain\n\n**Statut** : ✅ Livré\n\n"
        "### EPIC 02 — Data model\n\n#### US-004 — Territory index\n\n**Statut** : À faire\n"
    )
    assert {"US-001", "US-004"} <= set(items)
    assert items["US-001"].status == "done"


def test_an_order_of_the_epics_names_them_and_makes_no_new_items() -> None:
    plan = (
        "# Backlog\n\n## Epic Overview\n\n### Epic 1: Remove the property button\n**Status:** Ready\n**Priority:** High\n\n"
        "### Epic 2: Resort map\n**Status:** Ready\n**Priority:** Medium\n\n## Implementation Order (Recommended)\n\n"
        "1. **Epic 2** - Resort map (Medium complexity)\n2. **Epic 1** - Remove the property button (Quick win)\n"
    )
    lines, items = imported(plan)
    assert {rid: i.title for rid, i in items.items()} == {"E1": "Remove the property button", "E2": "Resort map"}
    assert "list names items E2 .. E1 as EPIC-2 .. EPIC-1: theirs" in "\n".join(lines)


def test_an_order_naming_an_epic_the_plan_lacks_is_still_read() -> None:
    plan = (
        "# Backlog\n\n### Epic 1: Map\n**Status:** Ready\n\n## Order\n\n1. **Epic 1** - Map\n2. **Epic 7** - Search\n"
    )
    _, items = imported(plan)
    # Not every entry names a known epic, so the list is read as items; the one restating E1 names it again.
    assert {rid: i.title for rid, i in items.items()} == {"E1": "Map", "EPIC-7": "Search"}
