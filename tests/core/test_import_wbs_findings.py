"""A work breakdown numbered epic > feature > story, with a map of its epics and a table of review findings the
stories fix (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_PLAN = """# WBS

## Epic map

| # | Epic | Priority |
|---|------|----------|
| E1 | Release integrity | P0 |
| E2 | Supply chain | P0 |

## Security review findings

| ID | Severity | Finding | Fixed by |
|----|----------|---------|----------|
| SEC-1 | High | Releases use a long-lived token. | E2.F1 (partial) |
| SEC-2 | High | Unpinned dependencies. | E2.F2 |
| SEC-3 | Medium | Files are overwritten. | E1.F1.S1 |

## E1 — Release integrity

### E1.F1 — Safe writes
- **E1.F1.S1** — *As a user, init never destroys my files.* **(M, P0)**

## E2 — Supply chain

### E2.F1 — Secure release pipeline
- **E2.F1.S1** — *As a user, a leaked token cannot publish.* **(L, P0)**
- **E2.F1.S2** — *As a user, I can verify a release.* **(M, P1)**

### E2.F2 — Dependency lockdown
- **E2.F2.S1** — *As a user, a compromised dependency does not reach me.* **(M, P0)**

### Risk mitigation tasks

| Risk Area | Mitigation Tasks | Story Points |
|-----------|------------------|--------------|
| Release trust | E2.F1.S1, E2.F1.S2 | 13 |
"""


def _result():
    result = import_markdown(_PLAN, "WBS.md")
    assert result.board is not None
    return result


def test_the_stories_are_the_items_and_the_epic_map_makes_none() -> None:
    board = _result().board
    assert [i.id for i in board.items] == ["E1.F1.S1", "E2.F1.S1", "E2.F1.S2", "E2.F2.S1"]
    # The epic holds its features' stories; each story keeps its feature.
    milestones = {m.id: m.items for m in board.milestones}
    assert milestones["E2"] == ["E2.F1.S1", "E2.F1.S2", "E2.F2.S1"]
    assert board.items[3].milestone == "E2.F2"


def test_findings_fixed_by_stories_are_risks_a_feature_standing_for_its_stories() -> None:
    result = _result()
    risks = {r.id: r.mitigated_by for r in result.board.risks}
    assert risks == {
        "SEC-1": ["E2.F1.S1", "E2.F1.S2"],
        "SEC-2": ["E2.F2.S1"],
        "SEC-3": ["E1.F1.S1"],
        "R-1": ["E2.F1.S1", "E2.F1.S2"],
    }
    assert not any("fails lint" in line for line in result.report_lines)
