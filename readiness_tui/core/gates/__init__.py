"""Gates evaluated from the repo: evidence, verify commands, waivers, trust, staleness.

Core only (never imports Textual). ``GateSession`` is the entry point for the app and ``check``.
"""

from .evaluate import DRIFT_UNCLAIMED, DRIFT_UNVERIFIED, OK_STATUSES, STATUSES, GateView, evaluate_gate
from .evidence import EvidenceCheck, check_evidence
from .paths import PathEscape, repo_root, safe_path
from .redact import redact
from .runner import GateJob, GateRunner, RunResult, run_command
from .session import GateSession
from .state import GateState, state_path
from .trust import commands_hash, commands_of, is_trusted, revoke, trust
from .waivers import WaiverInfo, waivers_by_item

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
    "check_evidence",
    "commands_hash",
    "commands_of",
    "evaluate_gate",
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
