"""Phases ticked off as items do not make the plan's numbered item headings its outline, and a heading opening with a
level in capitals ranks the work under it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Enhancement Roadmap

## 1. 🔴 CRITICAL: User Experience

### 1.1 User Authentication — `PENDING`
**Effort**: 2-3 weeks

- User accounts with progress saving

### 1.2 Enhanced UI — `PENDING`
**Effort**: 1 week

## 2. 🟢 MEDIUM: Analytics

### 2.1 Analytics Dashboard — `PENDING`
**Effort**: 2 weeks

## Implementation Roadmap

### Phase 1: Foundation (Next 2-3 months) — `PENDING`
- Start with authentication

### Phase 2: Expansion — `PENDING`
- Add the dashboard
"""


def test_numbered_item_headings_stay_items_beside_phases_ticked_off() -> None:
    _, items = imported(PLAN)
    assert {"1.1", "1.2", "2.1"} <= set(items)
    assert items["1.1"].title == "User Authentication"


def test_a_heading_opening_with_a_level_in_capitals_ranks_its_work() -> None:
    _, items = imported(PLAN)
    assert (items["1.1"].priority, items["1.2"].priority, items["2.1"].priority) == ("P0", "P0", "P2")


def test_a_level_word_in_a_sentence_heading_ranks_nothing() -> None:
    _, items = imported("# Plan\n\n## High: notes on altitude\n\n### 1.1 Map the peaks\n**Effort**: 1 week\n")
    assert items["1.1"].priority is None
