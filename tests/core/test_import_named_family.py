"""A dependency on a milestone's code (``M0``) where its tasks are named by words after it (``M0.ACCESS``, ``M0.DB``)
waits on all of them (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.references.ids import family_of
from tests.core.import_plan import imported

PLAN = """# Task register

| ID | Цель | Зависимости | Статус |
|---|---|---|---|
| M0.ACCESS | Проверить repository | — | VERIFIED |
| M0.DB | PG18/pgvector/roles | ACCESS | REVIEW |
| M0.ACCEPT | Приёмка M0 | Все обязательные M0 проверки | BLOCKED |
| M1.1 | Tenant schema/context/RLS | VERIFIED M0 | TODO |
"""


def test_a_milestone_code_names_its_named_tasks() -> None:
    assert family_of(["M0.ACCESS", "M0.DB", "M01", "M1.1"], "M0") == ["M0.ACCESS", "M0.DB"]
    report, items = imported(PLAN)
    assert items["M0.ACCEPT"].depends_on == ["M0.ACCESS", "M0.DB"], report
    assert set(items["M1.1"].depends_on) == {"M0.ACCESS", "M0.DB", "M0.ACCEPT"}, report
