"""A gate closing a phase ("**Gate:** do not proceed until 0.2 is green and 0.3 is answered"): the items of the next
phase wait on the items it names; a sentence naming no item of its phase gates nothing."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Go-live plan

### Phase 0 — Safety net

| # | Step | Owner |
|---|---|---|
| 0.1 | Fresh corpus backup | Me |
| 0.2 | Verified restore | You |
| 0.3 | Confirm the corpus location | You |

**Gate:** do not proceed until 0.2 is green and 0.3 is answered.

### Phase 1 — Converge the box

| # | Step | Owner |
|---|---|---|
| 1.1 | Write apply-edge.sh | Me |
| 1.2 | Run it on the box | You |

Nothing else changes until the release notes are out.

### Phase 2 — Open the firewall

| # | Step | Owner |
|---|---|---|
| 2.1 | Apply the 80/443 rules | You |
"""


def test_a_gate_closing_a_phase_holds_the_next_phase() -> None:
    report, items = imported(PLAN)
    assert items["1.1"].depends_on == ["0.2", "0.3"]
    assert items["1.2"].depends_on == ["0.2", "0.3"]
    assert items["2.1"].depends_on == []  # the second gate names no item of its phase
    assert any("gate 'do not proceed until 0.2 is green and 0.3 is answered.'" in ln for ln in report)
