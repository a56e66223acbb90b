"""The JSON documents readiness prints (``--json`` on the command line, the MCP tools' answers).

Each is a contract with its own ``format_version``: keys are added, never renamed or removed, and
a key's meaning never changes, without raising the version. The README's "JSON output" lists
them; ``tests/core/test_cli_json.py`` pins each one's keys and types. ``lint`` (``annotations``),
``export -f json`` (``export``), ``report`` (``report``) and ``config`` keep theirs where they are
built.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.gonogo import evaluate
from readiness_tui.core.gates import GateView, redact
from readiness_tui.core.model.board import Board, MergeConflict
from readiness_tui.core.outputs.display import has_control
from readiness_tui.core.outputs.export import analysis_data
from readiness_tui.core.outputs.itemview import item_document as item_document  # kept here with the others
from readiness_tui.core.outputs.itemview import items_document as items_document

ORDER_FORMAT_VERSION = 1
CHECK_FORMAT_VERSION = 1
TRUST_FORMAT_VERSION = 1
HISTORY_FORMAT_VERSION = 1
CONFLICTS_FORMAT_VERSION = 1
GIT_SETUP_FORMAT_VERSION = 1
NOTE_FORMAT_VERSION = 1
IMPORT_FORMAT_VERSION = 1


def order_document(a: Analysis, include_closed: bool = False) -> dict[str, Any]:
    """``order --json``: the waves, then the analysis every surface shares, then root causes."""
    return {
        "format_version": ORDER_FORMAT_VERSION,
        "waves": a.waves(include_closed=include_closed),
        **analysis_data(a),
        "root_causes": {i: a.root_causes(i) for i in a.waiting},
    }


def check_document(
    board: Board,
    board_name: str,
    root: Path,
    trusted: bool,
    views: Mapping[str, GateView],
    output: bool = False,
) -> dict[str, Any]:
    """``check --json``: each gate in scope, whether all passed, and the go/no-go they lead to."""
    from readiness_tui.core.gates.levels import board_level

    now = time.time()
    status = {i: v.status for i, v in views.items()}
    return {
        "format_version": CHECK_FORMAT_VERSION,
        "board": board_name,
        "repo_root": str(root),
        "trusted": trusted,
        "ok": all(v.ok or v.status == "no-gate" for v in views.values()),
        "gates": [v.to_json(now, output=output) for v in views.values()],
        "go_no_go": evaluate(board, None, status).to_dict(),
        "level": board_level(board, status, gate_reasons={i: v.reason for i, v in views.items()}).to_json(),
    }


def trust_document(
    board_name: str, root: Path, commands: list[tuple[str, str]], trusted: bool, action: str
) -> dict[str, Any]:
    """``trust --json``: the commands a board would run, and whether they may.

    ``action`` is what this run did: ``trusted``, ``revoked`` or ``none`` (already trusted, nothing
    to trust, or ``--json`` without ``--yes``, which never asks). Commands are redacted, as in
    ``check --json``: this document ends up in CI logs.
    """

    return {
        "format_version": TRUST_FORMAT_VERSION,
        "board": board_name,
        "repo_root": str(root),
        "trusted": trusted,
        "action": action,
        "commands": [{"item": i, "command": redact(c), "control_characters": has_control(c)} for i, c in commands],
    }


def history_document(history: Path, records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """``audit log --json``: the records as written (each with its own ``v``), oldest first."""
    return {"format_version": HISTORY_FORMAT_VERSION, "history": str(history), "records": [dict(r) for r in records]}


def verify_document(
    history: Path, ok: bool, message: str, first_bad_line: int | None, head: str, records: int, anchors: int
) -> dict[str, Any]:
    """``audit verify --json``: whether the chain holds, and where it first breaks."""
    return {
        "format_version": HISTORY_FORMAT_VERSION,
        "history": str(history),
        "ok": ok,
        "message": message,
        "first_bad_line": first_bad_line,
        "head": head,
        "records": records,
        "anchors": anchors,
    }


def anchor_document(ref: str, head: str, records: int) -> dict[str, Any]:
    """``audit anchor --json``: the git ref that now holds the history's head."""
    return {"format_version": HISTORY_FORMAT_VERSION, "ref": ref, "head": head, "records": records}


def conflicts_document(board_name: str, conflicts: list[MergeConflict]) -> dict[str, Any]:
    """``resolve --json``: the conflicts a git merge left, numbered as ``resolve N`` takes them."""
    rows = [{"number": n, **c.model_dump(mode="json"), "description": c.describe()} for n, c in enumerate(conflicts, 1)]
    return {"format_version": CONFLICTS_FORMAT_VERSION, "board": board_name, "conflicts": rows}


def git_setup_document(root: Path, attributes_added: list[str], config_set: list[str]) -> dict[str, Any]:
    """``git-setup --json``: what was written (empty lists: it was set up already)."""
    return {
        "format_version": GIT_SETUP_FORMAT_VERSION,
        "root": str(root),
        "attributes_added": list(attributes_added),
        "config_set": list(config_set),
    }


def import_document(
    source: str,
    ok: bool,
    counts: Mapping[str, int],
    report: Iterable[tuple[int, str, str]],
    output: str | None,
    merge: str | None,
    changes: Iterable[str] = (),
) -> dict[str, Any]:
    """``import --json``: what was read and where the board went; ``report`` rows are (line, action, text),
    action being ``used``, ``skipped``, ``note`` or ``warning`` (every guess and skip is one)."""
    return {
        "format_version": IMPORT_FORMAT_VERSION,
        "source": source,
        "ok": ok,
        "counts": dict(counts),
        "report": [{"line": line, "action": action, "text": text} for line, action, text in report],
        "output": output,
        "merge": None if merge is None else {"board": merge, "changes": list(changes)},
    }


def note_document(values: Mapping[str, Any]) -> dict[str, Any]:
    """``note --json``: the progress note as recorded."""
    note = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in values.items()}
    return {"format_version": NOTE_FORMAT_VERSION, **note}
