"""Lists of ids under a plan's context headings (requirements, alternatives, files, tests, outside
dependencies) are kept as text; the work is the plan's steps (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

from .import_plan import imported

PLAN = """# Live narrator

## 1. Requirements & Constraints

### Source of truth

- **REQ-001**: The layer only narrates failures.
- **CON-001**: The model is a small one.

## 2. Implementation Steps

### Phase 1

| Task | Description | Completed | Date |
|------|-------------|-----------|------|
| TASK-001 | Build the layer | ✅ | 2026-08-01 |
| TASK-002 | Cap each client | | |

## 3. Alternatives

- **ALT-001**: Bake every pair by hand.
- **ALT-002**: Call the model from the client.

## 4. Dependencies

- **DEP-001**: The procedural narration plan.
- **DEP-002**: A Cloudflare account.

## 5. Files

- **FILE-001**: `src/narrator/live.ts`, the client.
- **FILE-002**: `worker/src/limiter.ts`, the limit.

## 6. Testing

- **TEST-001**: Without the URL the layer is off.
- **TEST-002**: A third failure stops the calls.
"""


def test_the_steps_are_the_items_and_the_context_lists_stay_text() -> None:
    report, items = imported(PLAN)
    assert sorted(items) == ["TASK-001", "TASK-002"]
    assert (items["TASK-001"].status, items["TASK-002"].status) == ("done", "todo")
    text = "\n".join(report)
    for heading in ("Source of truth", "3. Alternatives", "4. Dependencies", "5. Files", "6. Testing"):
        assert f"under {heading!r}" in text, heading


def test_a_task_list_under_a_testing_heading_is_still_work() -> None:
    _, items = imported("# P\n\n## Testing tasks\n\n- **T-1**: Write the load test.\n- **T-2**: Run it on staging.\n")
    assert sorted(items) == ["T-1", "T-2"]


def test_a_numbered_list_of_decisions_with_their_ids_is_a_record_not_work() -> None:
    md = (
        "# Plan\n\n## Backlog\n\n| # | Tarea | Estado |\n|---|---|---|\n| 1 | Auditar repo | Hecho |\n"
        "| 2 | Ensayar pitch | Pendiente |\n\n"
        "## Decisiones justificadas (extracto)\n\n"
        "1. **Embeddings locales** (D05): funciona sin internet.\n"
        "2. **El LLM solo redacta** (D10): reproducible.\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [i.id for i in result.board.items] == ["1", "2"]
    assert any("not work" in line and "Decisiones" in line for line in result.report_lines)


def test_escalation_levels_and_contacts_are_records_not_work() -> None:
    md = (
        "# Rollout\n\n## Steps\n\n- [ ] Enable the flag\n- [ ] Watch the errors\n\n## Support\n\n### Escalation Path\n"
        "1. **Level 1**: Support team (response: 1 hour)\n2. **Level 2**: Engineering team (response: 30 minutes)\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Enable the flag", "Watch the errors"]
