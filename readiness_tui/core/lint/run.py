"""Running the lint rules over a board: ``RULES`` in a fixed order, so problems on the same line come
out in the same order every time; a board that cannot be read is one located problem."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.parse import decode
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.lint import (
    aliases,
    attachments,
    dependencies,
    fields,
    gate_paths,
    recorded_order,
    records,
    risks,
    structure,
)
from readiness_tui.core.lint.context import LintContext, rule_levels
from readiness_tui.core.model.problems import BoardError, Level, Problem, Problems

RULES: tuple[Callable[[LintContext], None], ...] = (
    records.duplicate_item_ids,
    records.duplicate_record_ids,
    gate_paths.gate_paths,
    records.missing_titles,
    dependencies.references,
    dependencies.cycles,
    dependencies.statuses_and_targets,
    structure.item_groups,
    structure.parent_cycles,
    structure.phases,
    structure.phase_order,
    structure.milestones,
    risks.risks,
    attachments.waivers,
    attachments.deliverables,
    recorded_order.matrix,
    recorded_order.suggested_order,
    fields.scores,
    fields.required_fields,
    fields.overdue,
    records.unknown_keys,
    aliases.status_aliases,
    records.merge_conflicts,
    records.not_editable,
    records.board_views,
)


class LintStopped(Exception):
    """``lint_store`` stopped because its ``stop`` said so: nobody wants the result any more."""


def lint_store(
    store: BoardStore,
    analysis: Analysis | None = None,
    levels: Collection[Level] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Problems:
    """Every problem of ``store`` (of ``levels`` alone, when given). ``stop`` is asked before each
    rule; when it says so, ``LintStopped`` is raised. A thread cannot be stopped from outside: the
    app's lint of a board that has changed since (long on a big board) stops at the next rule
    instead of running on beside the newer board's read and lint."""
    ctx = LintContext(store, analysis or Analysis(store.board), levels)
    for rule in RULES:
        if stop is not None and stop():
            raise LintStopped
        only = rule_levels(rule)
        if levels is None or only is None or not only.isdisjoint(levels):
            rule(ctx)
    return ctx.out


def _unreadable(exc: BoardError, name: str) -> Problems:
    problems = Problems()
    for p in exc.problems or [Problem("error", "unreadable", str(exc), name)]:
        problems.add(p)
    return problems


def lint_path(path: Path | str, levels: Collection[Level] | None = None) -> Problems:
    """Lint a board file; syntax and schema errors come back as problems, never as exceptions
    (``levels``: as ``lint_store``; an unreadable board's errors are always given)."""
    try:
        store = BoardStore.load(path)
    except BoardError as exc:
        return _unreadable(exc, str(path))
    return lint_store(store, levels=levels)


def lint_bytes(data: bytes, name: str, levels: Collection[Level] | None = None) -> Problems:
    """Lint a board read from elsewhere (standard input), its problems located at ``name``."""
    try:
        store = BoardStore.from_text(decode(data, name), name)
    except BoardError as exc:
        return _unreadable(exc, name)
    return lint_store(store, levels=levels)
