"""Problems as CI systems read them: GitHub Actions workflow commands, and a JSON contract.

Failing gates become problems too (``gate_problems``), located on the gate's line in the board,
so ``check --format github`` annotates the board the way ``lint --format github`` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from readiness_tui.core.model.problems import Problem, count_levels

if TYPE_CHECKING:  # names for hints only: ``lint`` must not pay for the gate runner's imports
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.gates import GateView

PROBLEMS_FORMAT_VERSION = 1
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """``::error file=boards/plan.toml,line=12,col=3,title=unknown-dependency::message``."""
    props = [f"file={_escape_property(problem.file)}"] if problem.file else []
    if problem.line is not None:
        props.append(f"line={problem.line}")
    if problem.column is not None:
        props.append(f"col={problem.column}")
    props.append(f"title={_escape_property(problem.code)}")
    return f"::{_GITHUB_LEVEL[problem.level]} {','.join(props)}::{_escape_data(problem.message)}"


def problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "level": problem.level,
        "code": problem.code,
        "message": problem.message,
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "item": problem.item,
        "field": problem.field,
    }


def problems_document(by_board: Iterable[tuple[str, list[Problem]]]) -> dict[str, Any]:
    pairs = list(by_board)
    boards = [{"board": name, "problems": [problem_record(p) for p in problems]} for name, problems in pairs]
    errors = count_levels(p for _, problems in pairs for p in problems).errors
    return {"format_version": PROBLEMS_FORMAT_VERSION, "errors": errors, "boards": boards}


def gate_problems(store: BoardStore, views: Mapping[str, GateView]) -> list[Problem]:
    """One error per gate in scope that did not pass and is not waived, on the line of what failed:
    its evidence when that is what is wrong (missing, or outside the repository), else its verify
    command (failed, untrusted, not run, stale)."""
    lines = store.line_index()
    index = {it.id: n for n, it in reversed(list(enumerate(store.board.items)))}
    out = []
    for v in views.values():
        if v.ok or v.status == "no-gate":
            continue
        ran_fine = v.result is not None and v.result.outcome == "pass"
        about_evidence = any(e.error for e in v.evidence) or (v.status == "fail" and ran_fine)
        key = "evidence" if not v.command or about_evidence else "verify"
        n = index.get(v.item_id)
        line = lines.record("items", n, key) if n is not None else None
        message = f"{v.item_id}: gate {v.status}: {v.reason}"
        out.append(Problem("error", f"gate-{v.status}", message, store.name, line, None, v.item_id, key))
    return out
