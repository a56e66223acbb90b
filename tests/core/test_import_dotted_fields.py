"""An entry naming its id and title in one bold span after a dash (``**UAT-001 — Lập manifest**``), then its priority
and state after middle dots (``· `P0` · `DONE```): the id, the title, and those fields (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Backlog

## Phase 1

- [x] **UAT-001 — Lập manifest release candidate UAT** · `P0` · `DONE`
- [ ] **UAT-002 — Chạy smoke test** · `P1` · `IN_PROGRESS`
  - Phụ thuộc: `UAT-001`.
- [ ] **UAT-003 — Viết báo cáo** · High · Blocked
- [ ] **UAT-004 — Dọn dẹp** · notes · more
"""


def test_dotted_fields_close_the_entry() -> None:
    report, items = imported(PLAN)
    assert {i: (it.title, it.priority, it.status, it.depends_on) for i, it in items.items()} == {
        "UAT-001": ("Lập manifest release candidate UAT", "P0", "done", []),
        "UAT-002": ("Chạy smoke test", "P1", "in_progress", ["UAT-001"]),
        "UAT-003": ("Viết báo cáo", "P1", "blocked", []),
        # Words that are no field stay the title's.
        "UAT-004": ("Dọn dẹp · notes · more", None, "todo", []),
    }, report
