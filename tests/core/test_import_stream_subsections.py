"""A stream (epic) heading whose subsections hold the story tables: the tables are read (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

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
