"""Sub-phases written as tasks: ``### Phase 9.1 — Exporter ✅`` under ``## Phase 9 — Telemetry``, each opening with
its own fields (``**Status:** Complete``, ``**Dependencies:** 9.0 (Contracts)``), are the phase's items, named by
their numbers, not phases of their own (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## Phase 9 — Metrics & Telemetry ✅

**Purpose:** Observability for the services.

---

### Phase 9.0 — Metrics Contracts ✅
**Status:** Complete
**Dependencies:** 8.9 (Execution Metrics)
**Task:** Define telemetry contracts

**Files:**
- `core/contracts.py`

### Phase 9.1 — Prometheus Exporter ✅
**Status:** Complete
**Dependencies:** 9.0 (Metrics Contracts)
**Task:** Serve metrics over HTTP

**Acceptance:**
- Binds to localhost by default

### Phase 9.2 — Service Instrumentation
**Status:** In Progress
**Dependencies:** 9.1 (Prometheus Exporter)
**Task:** Instrument the core services
"""


def test_sub_phases_opening_with_their_fields_are_the_phase_s_items() -> None:
    lines, items = imported(PLAN)
    assert [(i.id, i.title, i.status, i.phase) for i in items.values()] == [
        ("9.0", "Metrics Contracts", "done", "9"),
        ("9.1", "Prometheus Exporter", "done", "9"),
        ("9.2", "Service Instrumentation", "in_progress", "9"),
    ]
    assert items["9.1"].depends_on == ["9.0"]
    assert items["9.2"].depends_on == ["9.1"]


def test_sub_phases_without_fields_stay_phases() -> None:
    md = PLAN.replace("**Status:** Complete\n", "").replace("**Status:** In Progress\n", "")
    md = "\n".join(ln for ln in md.splitlines() if not ln.startswith(("**Dependencies", "**Task")))
    lines, items = imported(md)
    assert not any(i.id in ("9.0", "9.1", "9.2") for i in items.values())
