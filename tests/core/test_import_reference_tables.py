"""A table keyed by bare numbers beside a plan's named ids, with nothing of work in it (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_SCOPE = """## Scope

| System | # | GDD | Depends On |
|--------|---|-----|------------|
| NPC System | 9 | `design/gdd/npc.md` | NpcState |
| Social System | 12 | `design/gdd/social.md` | NPC System |
| Chaos Meter | 13 | `design/gdd/chaos.md` | Social System |
"""

_TASKS = """## Tasks

| ID | Task | Owner | Status |
|----|------|-------|--------|
| S2-001 | Design NpcState | ana | Done |
| S2-002 | NPC behaviour | bo | Todo |
| S2-003 | Social graph | ana | Todo |
"""


def _ids(md: str) -> list[str]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items]


def test_systems_numbered_beside_named_tasks_are_a_reference_not_work() -> None:
    assert _ids("# Sprint 2\n\n" + _SCOPE + "\n" + _TASKS) == ["S2-001", "S2-002", "S2-003"]


def test_a_numbered_table_with_owners_is_work() -> None:
    scope = _SCOPE.replace("| GDD |", "| Owner |").replace("`design/gdd/npc.md`", "ana")
    assert _ids("# Sprint 2\n\n" + scope + "\n" + _TASKS)[:3] == ["9", "12", "13"]
