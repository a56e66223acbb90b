"""Boxes closing on a hash id of letters and a number (``… PreCompact hook #T2``), one alone under a state heading
too, whose inline dependencies name others so (``(depends: #T2, #T3)``); and a legend of the boxes' marks written as
bullets with the marks in code (``- `[-]` In Progress``) (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap

## Legend (Quick Reference)
- `[?]` Draft (pending approval)
- `[ ]` Todo (approved, ready for work)
- `[-]` In Progress
- `[~]` Review (awaiting review)
- `[>]` Competing (multiple implementations racing)
- `[x]` Done

## Feature: adaptive-memory

### In Progress
- [-] Tests + docs: observation parser tests (depends: #T2, #T3) #T9
### Review
- [~] Session notes: summarise each session #T4
### Done
- [x] Auto-checkpoint: implement PreCompact hook #T2
- [x] Parser: write it #T3
"""


def test_hash_tail_ids_name_their_boxes_and_dependencies() -> None:
    report, items = imported(PLAN)
    assert {i: (it.title, it.status, it.depends_on) for i, it in items.items()} == {
        "T9": ("Tests + docs: observation parser tests", "in_progress", ["T2", "T3"]),
        "T4": ("Session notes: summarise each session", "review", []),
        "T2": ("Auto-checkpoint: implement PreCompact hook", "done", []),
        "T3": ("Parser: write it", "done", []),
    }, report
