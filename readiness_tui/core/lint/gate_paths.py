"""Rules about where gates may look: the repo root and evidence paths stay inside the repository.

The rule itself is ``core.gates.paths``, shared with ``check`` and the app; this reports it.
"""

from __future__ import annotations

from readiness_tui.core.gates.paths import evidence_problem, root_problem
from readiness_tui.core.lint.context import LintContext


def gate_paths(ctx: LintContext) -> None:
    if ctx.store.path is not None:  # a board read from stdin has no repository to escape
        why = root_problem(ctx.store.path, ctx.board.board.repo_root)
        if why:
            ctx.add("error", "repo-root-outside", why, ctx.lines.table("board", "repo_root"), None, "repo_root")
    for n, it in enumerate(ctx.board.items):
        for pat in it.gate.evidence if it.gate else []:
            why = evidence_problem(pat)
            if why:
                ctx.item("error", "evidence-outside", it.id, f"evidence {why}", "evidence", n)
