"""Gates evaluated from the repo: evidence, verify commands, waivers, trust, staleness.

Core only (never imports Textual). ``GateSession`` is the entry point for the app and ``check``.

The names below are imported on first use (PEP 562), so that ``lint``, which needs only
``gates.paths``, does not pay for the runner, the session and the state file.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# These two share their submodule's name: importing the submodule (as anyone may) would make the
# package attribute the module, so the functions are bound here at once.
from readiness_tui.core.gates.redact import redact
from readiness_tui.core.gates.trust import commands_hash, commands_of, is_trusted, revoke, trust

if TYPE_CHECKING:
    from readiness_tui.core.gates.evaluate import (
        DRIFT_UNCLAIMED,
        DRIFT_UNVERIFIED,
        OK_STATUSES,
        STATUSES,
        GateView,
        evaluate_gate,
    )
    from readiness_tui.core.gates.evidence import EvidenceCheck, check_evidence
    from readiness_tui.core.gates.neutral import all_gate_neutral, gate_neutral
    from readiness_tui.core.gates.paths import PathEscape, repo_root, safe_path
    from readiness_tui.core.gates.runner import GateJob, GateRunner, RunResult, run_command
    from readiness_tui.core.gates.session import GateSession
    from readiness_tui.core.gates.state import GateState, state_path
    from readiness_tui.core.gates.waivers import WaiverInfo, waivers_by_item

#: Public name -> the submodule that defines it.
_WHERE = {
    **dict.fromkeys(
        ("DRIFT_UNCLAIMED", "DRIFT_UNVERIFIED", "OK_STATUSES", "STATUSES", "GateView", "evaluate_gate"), "evaluate"
    ),
    **dict.fromkeys(("EvidenceCheck", "check_evidence"), "evidence"),
    **dict.fromkeys(("all_gate_neutral", "gate_neutral"), "neutral"),
    **dict.fromkeys(("PathEscape", "repo_root", "safe_path"), "paths"),
    **dict.fromkeys(("GateJob", "GateRunner", "RunResult", "run_command"), "runner"),
    "GateSession": "session",
    **dict.fromkeys(("GateState", "state_path"), "state"),
    **dict.fromkeys(("WaiverInfo", "waivers_by_item"), "waivers"),
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DRIFT_UNCLAIMED",
    "DRIFT_UNVERIFIED",
    "OK_STATUSES",
    "STATUSES",
    "EvidenceCheck",
    "GateJob",
    "GateRunner",
    "GateSession",
    "GateState",
    "GateView",
    "PathEscape",
    "RunResult",
    "WaiverInfo",
    "all_gate_neutral",
    "check_evidence",
    "commands_hash",
    "commands_of",
    "evaluate_gate",
    "gate_neutral",
    "is_trusted",
    "redact",
    "repo_root",
    "revoke",
    "run_command",
    "safe_path",
    "state_path",
    "trust",
    "waivers_by_item",
]
