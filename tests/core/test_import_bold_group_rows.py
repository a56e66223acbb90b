"""A work breakdown's row set in bold over its parts (``| **P1** | **Storage** | … | **4 d** |`` over ``| P1.1 |``,
``| P1.2 |``) heads them, no item of its own: a dependency on it, or a risk mitigated by it, names its parts
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Plan

## Work breakdown

| ID | Task / sub-task | Owner | Est. | Depends on |
|---|---|---|---|---|
| **P1** | **Storage & remaining endpoints** | Backend dev | **1 d** | |
| P1.1 | Alembic baseline migration | Backend dev | 0.5 d | |
| P1.2 | Postgres audit_log triggers | Backend dev | 0.5 d | P1.1 |
| **P2** | **Hardening** | Security | **1 d** | |
| P2.1 | Brute-force limiter | Security | 0.5 d | P1 |
| P2.2 | Secrets rotation | Security | 0.5 d | P2.1 |

## Risks

| Risk | Mitigating task(s) |
|---|---|
| R-01 SQLite limits | P1 |
| R-02 Credential leakage | P2.2 |
"""


def test_a_bold_row_heads_its_parts() -> None:
    result = import_markdown(PLAN, "plan.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["P1.1", "P1.2", "P2.1", "P2.2"], result.report_lines
    assert items["P2.1"].depends_on == ["P1.1", "P1.2"]
    assert {r.id: r.mitigated_by for r in result.board.risks} == {"R-01": ["P1.1", "P1.2"], "R-02": ["P2.2"]}
