"""Rules about where gates may look: the repo root and evidence paths stay inside the repository.

The rule itself is ``core.gates.paths``, shared with ``check`` and the app; this reports it.
"""

from __future__ import annotations

from readiness_tui.core.gates.paths import refused_evidence, root_problem
from readiness_tui.core.lint.context import LintContext


def gate_paths(ctx: LintContext) -> None:
    if ctx.store.path is not None:  # a board read from stdin has no repository to escape
        why = root_problem(ctx.store.path, ctx.board.board.repo_root)
        if why:
            ctx.add("error", "repo-root-outside", why, ctx.lines.table("board", "repo_root"), None, "repo_root")
    items = ctx.board.items
    found = [(n, pat) for n, it in enumerate(items) if (gate := it.gate) is not None for pat in gate.evidence]
    for k, why in refused_evidence([pat for _, pat in found]):
        n = found[k][0]
        ctx.item("error", "evidence-outside", items[n].id, f"evidence {why}", "evidence", n)
