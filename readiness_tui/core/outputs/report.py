"""The weekly update, in the shape of the template plans already use (seed 003)::

    - Week of:
    - Completed IDs:
    - Blocked IDs:          (status blocked, with what each also waits on)
    - Waiting IDs:          (open dependencies: the words of core.analysis)
    - Risks introduced:
    - Changes to dependency graph:
    - Go/No-Go recommendation:

What happened in the week comes from the audit trail (status changes to done, risks added,
``depends_on`` edits, in the week's Monday..Sunday by local date) and from dated progress notes.
What is blocked and the go/no-go are taken from the board as it stood at the end of the week: the
current board for this week, else the board rewound through the history. "Completed" is checked
against that board too: an item the history says was done but the board no longer has done (a
status reverted by hand, a ``git checkout`` of the board) is listed as undone since, and so is a
dependency change the board no longer holds. The update ends with the
history's head hash (and whether the chain verifies), so a history rewritten later is caught.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from readiness_tui.core import audit
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.gonogo import Decision, evaluate
from readiness_tui.core.board import hooks
from readiness_tui.core.model.board import Board, Item
from readiness_tui.core.model.dates import iso_week, week_bounds
from readiness_tui.core.outputs.json_doc import document_text

if TYPE_CHECKING:
    from readiness_tui.core.gates.levels import LevelSummary

SCHEMA = "readiness.weekly-update/1"
#: ``report --json``: keys are added, never renamed or removed, without raising it.
REPORT_FORMAT_VERSION = 1


@dataclass
class RiskEntry:
    id: str
    title: str
    state: str


@dataclass
class DependencyChange:
    item: str
    added: list[str]
    removed: list[str]
    #: The dependencies among ``added`` and ``removed`` whose change the board no longer holds.
    undone: list[str] = field(default_factory=list)

    def describe(self) -> str:
        def part(sign: str, d: str) -> str:
            return f"{sign}{d}" + (" (undone since)" if d in self.undone else "")

        parts = [part("+", d) for d in self.added] + [part("−", d) for d in self.removed]
        return f"{self.item}: {', '.join(parts)}"


@dataclass
class Reopened:
    """An item the week's history says was completed that the board no longer has done."""

    id: str
    #: Its status at the end of the week by the board as it is ("removed" when it is gone).
    status: str

    def describe(self) -> str:
        return f"{self.id} (done in the week, undone since: now {self.status})"


@dataclass
class WeeklyReport:
    title: str
    week: str
    week_start: dt.date
    week_end: dt.date
    as_of: dt.date
    #: Done at the end of the week, by the board as it is (not by the history alone).
    completed: list[str] = field(default_factory=list)
    #: Completed in the week by the history, not done by the board since (a revert, a checkout).
    reopened: list[Reopened] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    #: Open items waiting on a dependency that is not closed (or names no item).
    waiting: list[str] = field(default_factory=list)
    #: Item -> its open dependencies, for every blocked or waiting item that has some.
    blocked_by: dict[str, list[str]] = field(default_factory=dict)
    risks_introduced: list[RiskEntry] = field(default_factory=list)
    dependency_changes: list[DependencyChange] = field(default_factory=list)
    decision: Decision = field(default_factory=lambda: Decision(True))
    head: str = audit.GENESIS
    history_records: int = 0
    history_ok: bool = True
    history_message: str = ""
    #: Whether git holds this head (``readiness audit anchor``); None outside a git repository.
    anchored: bool | None = None
    anchors: int = 0
    #: The board's readiness level, when it declares levels.
    level: LevelSummary | None = None

    # ------------------------------------------------------------------ output
    def render_markdown(self) -> str:
        def ids(values: list[str]) -> str:
            return ", ".join(values) if values else "none"

        def on(values: list[str]) -> list[str]:
            return [
                f"{b} (waiting on {', '.join(self.blocked_by[b])})" if self.blocked_by.get(b) else b for b in values
            ]

        blocked, waiting = on(self.blocked), on(self.waiting)
        risks = [f"{r.id} {r.title} ({r.state})".replace("  ", " ") for r in self.risks_introduced]
        deps = [d.describe() for d in self.dependency_changes]
        lines = [
            f"# Weekly update: {self.title}",
            "",
            f"- Week of: {self.week} ({self.week_start.isoformat()} to {self.week_end.isoformat()})",
            f"- Completed IDs: {'; '.join([ids(self.completed), *(r.describe() for r in self.reopened)])}",
            f"- Blocked IDs: {ids(blocked)}",
            f"- Waiting IDs: {ids(waiting)}",
            f"- Risks introduced: {'; '.join(risks) if risks else 'none'}",
            f"- Changes to dependency graph: {'; '.join(deps) if deps else 'none'}",
            f"- Go/No-Go recommendation: **{self.decision.recommendation.capitalize()}**",
        ]
        lines += [f"  - {r}" for r in self.decision.reasons]
        if self.level is not None:
            lines.append(f"- Readiness level: **{self.level.reached or 'none'}** ({', '.join(self.level.levels)})")
            if self.level.next is not None:
                n = len(self.level.blocking)
                lines.append(f"  - before {self.level.next}: {n} gate{'' if n == 1 else 's'}")
                lines += [f"    - {g}" for g in self.level.gap_lines(limit=10)]
        if self.history_records == 0:
            state = "no history yet"
        elif self.history_ok:
            state = f"{self.history_records} records, chain intact"
        else:
            state = f"CHAIN BROKEN: {self.history_message}"
        if self.anchored is None:
            anchor = "not in a git repository: no anchor"
        elif self.anchored:
            anchor = f"anchored in git ({self.anchors} anchor{'s' if self.anchors != 1 else ''})"
        else:
            anchor = "not anchored: `readiness audit anchor` keeps it in git"
        lines += ["", f"History head: `{self.head}` ({state}; {anchor})", f"As of {self.as_of.isoformat()}.", ""]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format_version": REPORT_FORMAT_VERSION,
            "schema": SCHEMA,
            "title": self.title,
            "week": self.week,
            "week_start": self.week_start.isoformat(),
            "week_end": self.week_end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "completed": list(self.completed),
            "completed_undone": [{"id": r.id, "status": r.status} for r in self.reopened],
            "blocked": [{"id": b, "waiting_on": self.blocked_by.get(b, [])} for b in self.blocked],
            "waiting": [{"id": b, "waiting_on": self.blocked_by.get(b, [])} for b in self.waiting],
            "risks_introduced": [{"id": r.id, "title": r.title, "state": r.state} for r in self.risks_introduced],
            "dependency_changes": [
                {"item": d.item, "added": d.added, "removed": d.removed, "undone": d.undone}
                for d in self.dependency_changes
            ],
            "go_no_go": self.decision.to_dict(),
            "level": self.level.to_json() if self.level is not None else None,
            "history": {
                "head": self.head,
                "records": self.history_records,
                "verified": self.history_ok,
                "message": self.history_message,
                "anchored": self.anchored,
                "anchors": self.anchors,
            },
        }

    def to_json(self) -> str:
        return document_text(self.to_dict()) + "\n"


# ---------------------------------------------------------------------- building
def board_at(board: Board, records: list[audit.Record], day: dt.date) -> Board:
    """The board with its items as they were at the end of ``day`` (other tables as they are now)."""
    if not any(r.local_date > day for r in records if r.type == "change"):
        return board
    items = audit.Rewinder(board, records).state_after(day)
    try:
        rebuilt = [Item.model_validate(d) for d in items.values()]
    except ValidationError:
        return board
    return board.model_copy(update={"items": rebuilt})


def build(
    board: Board,
    records: list[audit.Record] | None = None,
    week: str | None = None,
    gate_status: dict[str, str] | None = None,
    head: str = audit.GENESIS,
    verification: audit.Verification | None = None,
) -> WeeklyReport:
    """The weekly update of ``week`` (default: the week of the board's today)."""
    records = records or []
    today = board.today()
    week = week or iso_week(today)
    monday, sunday = week_bounds(week)
    week = iso_week(monday)
    in_week = [r for r in records if r.type == "change" and monday <= r.local_date <= sunday]
    end_board = board_at(board, records, sunday) if sunday < today else board
    analysis = Analysis(end_board, today=min(sunday, today))
    order = {it.id: n for n, it in enumerate(board.items)}

    # completed: the item's last status change in the week made it done
    last_status: dict[str, Any] = {}
    for r in in_week:
        if r.kind == "items" and r.field == "status":
            last_status[str(r.item)] = r.new
        elif r.kind == "items" and r.field == "*" and isinstance(r.new, dict):
            last_status[str(r.item)] = r.new.get("status", "todo")
    completed = [i for i, s in last_status.items() if s == "done"]
    for note in board.progress:
        if note.item and note.status == "done" and note.date and monday <= note.date <= sunday:
            completed.append(note.item)
    completed = sorted(dict.fromkeys(completed), key=lambda i: (order.get(i, len(order)), i))
    # "Completed" is what the board as it is says was done at the end of the week: a status
    # reverted since (by hand, by a checkout) is reported as undone, not as completed.
    at_end = analysis.items
    reopened = [Reopened(i, at_end[i].status if i in at_end else "removed") for i in completed]
    reopened = [r for r in reopened if r.status != "done"]
    completed = [i for i in completed if i in at_end and at_end[i].status == "done"]

    # blocked (status) and waiting (open dependencies), as the analysis says
    blocked = list(analysis.blocked)
    waiting = list(analysis.waiting)
    blocked_by = {i: analysis.open_dependencies(i) for i in dict.fromkeys([*blocked, *waiting])}
    blocked_by = {i: deps for i, deps in blocked_by.items() if deps}

    # risks introduced: risks added in the week
    states = {r.id: r.state for r in analysis.risk_status}
    titles = {r.id: r.title for r in board.risks}
    risks: list[RiskEntry] = []
    for r in in_week:
        if r.kind == "risks" and r.field == "*" and r.old is None:
            rid = str(r.item)
            title = titles.get(rid) or (r.new.get("title", "") if isinstance(r.new, dict) else "")
            state = states.get(rid, "removed since")
            if all(x.id != rid for x in risks):
                risks.append(RiskEntry(rid, title, state))

    # dependency graph: net change of depends_on per item over the week
    first: dict[str, list[str]] = {}
    last: dict[str, list[str]] = {}
    for r in in_week:
        if r.kind != "items":
            continue
        item = str(r.item)
        if r.field == "depends_on":
            old, new = list(r.old or []), list(r.new or [])
        elif r.field == "*":
            old = list((r.old or {}).get("depends_on", [])) if isinstance(r.old, dict) else []
            new = list((r.new or {}).get("depends_on", [])) if isinstance(r.new, dict) else []
        else:  # a rename (field "id") shows as its own line, not as dependency churn
            continue
        first.setdefault(item, old)
        last[item] = new
    dep_changes = []
    for item in sorted(last, key=lambda i: (order.get(i, len(order)), i)):
        a, b = first[item], last[item]
        added = [d for d in b if d not in a]
        removed = [d for d in a if d not in b]
        if added or removed:
            # A change the board no longer holds (undone by hand or by a checkout) says so.
            now = set(at_end[item].depends_on) if item in at_end else set()
            undone = [d for d in added if d not in now] + [d for d in removed if d in now]
            dep_changes.append(DependencyChange(item, added, removed, undone))

    decision = evaluate(end_board, analysis, gate_status)
    level = None
    if end_board.board.levels:
        from readiness_tui.core.gates.levels import board_level

        level = board_level(end_board, gate_status or {}, today)
    v = verification
    return WeeklyReport(
        title=board.board.title,
        week=week,
        week_start=monday,
        week_end=sunday,
        as_of=today,
        completed=completed,
        reopened=reopened,
        blocked=blocked,
        waiting=waiting,
        blocked_by=blocked_by,
        risks_introduced=risks,
        dependency_changes=dep_changes,
        decision=decision,
        level=level,
        head=head,
        history_records=len(records),
        history_ok=v.ok if v is not None else True,
        history_message=v.message if v is not None else "",
    )


def weekly_report(
    board: Board,
    board_path: Path | str | None,
    week: str | None = None,
    gate_status: dict[str, str] | None = None,
) -> WeeklyReport:
    """The weekly update of a board file, reading and verifying its history. A board that declares
    levels and gives no ``gate_status`` has its gates read as they stand (checks and evidence now,
    commands' last recorded runs; nothing is run) so that the level is its real one."""
    if gate_status is None and board.board.levels and board_path is not None:
        from readiness_tui.core.gates.session import GateSession

        session = GateSession(board_path, board)
        try:
            gate_status = session.gate_status()
        finally:
            session.close()
    if board_path is None:
        return build(board, [], week, gate_status)
    from readiness_tui.core.audit import anchors

    path = Path(board_path)
    if hooks.current().noting():  # before the reads: a history changed while read is a miss next time
        from readiness_tui.core.board.fsutil import file_sha256

        history = audit.history_path(path)
        hooks.current().note("file", (str(history.absolute()),), file_sha256(history))
    records = hooks.current().history(path)  # parsed again only when the file changed (week after week)
    verification = anchors.verify(path)  # the chain as a DAG, holding every head kept in git
    report = build(board, records, week, gate_status, head=audit.head(path))
    report.history_ok, report.history_message = verification.ok, verification.message
    kept = anchors.status(path)
    report.anchored = kept.anchored if kept.in_repository else None
    report.anchors = kept.anchors
    return report
