"""What the standup slides show, computed from a board, its analysis and its history (no Textual).

* ``overview(...)``: go/no-go with reasons, counts by status, gate summary, overdue items,
  uncovered risks, milestone progress.
* ``groups(...)``: one ``GroupSlide`` per owner (or workstream; a child without one takes its
  parent's, ``core.tree``): done since the last standup, in
  progress, blocked (status ``blocked``), waiting (on open dependencies, with the chains down to
  each root and who owns it), ready next: the words of ``core.analysis``.

"Since the last standup" is the time of the latest ``standup`` record of the audit trail; without
one, the last ``DEFAULT_LOOKBACK_DAYS`` days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness_tui.core import audit
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.gonogo import Decision, evaluate, gate_state, waived_items
from readiness_tui.core.analysis.tree import Hierarchy, tree_of
from readiness_tui.core.model.board import STATUS_CYCLE, STATUSES, Board, Item, next_status

if TYPE_CHECKING:
    from readiness_tui.core.gates.levels import LevelSummary

NO_OWNER = "(no owner)"
NO_WORKSTREAM = "(no workstream)"
DEFAULT_LOOKBACK_DAYS = 7
READY_LIMIT = 5
#: ``s`` in the standup follows the one rule of ``core.model`` (re-exported for the screen).
__all__ = ["STATUS_CYCLE", "next_status"]


@dataclass
class MilestoneLine:
    id: str
    title: str
    closed: int
    total: int
    due: dt.date | None
    late: bool


@dataclass
class Overview:
    decision: Decision
    counts: dict[str, int]
    gates: dict[str, int] | None
    overdue: list[Item]
    uncovered: list[tuple[str, str]]
    milestones: list[MilestoneLine]
    #: The board's readiness level, when it declares levels and gate results are known.
    level: LevelSummary | None = None


@dataclass
class BlockedEntry:
    item: Item
    #: Each chain runs from the item's open dependency down to a root blocker: [(id, owner), ...].
    chains: list[list[tuple[str, str]]] = field(default_factory=list)


@dataclass
class GroupSlide:
    key: str
    label: str
    done: list[Item] = field(default_factory=list)
    in_progress: list[Item] = field(default_factory=list)
    #: Status ``blocked`` (with chains too when it also waits on dependencies).
    blocked: list[BlockedEntry] = field(default_factory=list)
    #: In progress or in review while a dependency is open (or names no item).
    waiting: list[BlockedEntry] = field(default_factory=list)
    ready: list[Item] = field(default_factory=list)

    def item_ids(self) -> list[str]:
        return [e.id for sec in self.sections() for e in sec.entries]

    def sections(self) -> tuple[DeckSection, ...]:
        """The slide as every surface shows it (the standup screen, the served app, the HTML
        page): its five sections in order, empty ones included, each entry with what it says."""

        def plain(it: Item, note: str = "") -> DeckEntry:
            return DeckEntry(it.id, it.title, it.priority or "", it.owner, note)

        def stuck(b: BlockedEntry) -> DeckEntry:
            # A status beside "blocked"/"todo" says why an item waits while it is being worked on.
            note = "" if b.item.status in ("blocked", "todo") else b.item.status.replace("_", " ")
            reason = ""
            if b.item.status == "blocked" and not b.chains:
                # The reason someone gave in the notes; a dependency note is not a blocker.
                lines = b.item.notes.strip().splitlines()
                reason = "marked blocked" + (f": {lines[0][:60]}" if lines else "")
            return DeckEntry(b.item.id, b.item.title, b.item.priority or "", b.item.owner, note, b.chains, reason)

        return (
            DeckSection("done", "Done since last standup", [plain(i) for i in self.done]),
            DeckSection(
                "in_progress",
                "In progress",
                [plain(i, "in review" if i.status == "review" else "") for i in self.in_progress],
            ),
            DeckSection("blocked", "Blocked", [stuck(b) for b in self.blocked]),
            DeckSection("waiting", "Waiting", [stuck(b) for b in self.waiting]),
            DeckSection("ready", "Ready next", [plain(i) for i in self.ready]),
        )


#: How many of an entry's chains a slide shows (the rest are the same root seen another way).
CHAINS_SHOWN = 2


@dataclass(frozen=True)
class DeckEntry:
    """One line of a slide: the item, a note on its status, the chains it waits on, and why it
    is blocked when no chain says so."""

    id: str
    title: str
    priority: str
    owner: str
    note: str = ""
    chains: list[list[tuple[str, str]]] = field(default_factory=list)
    reason: str = ""

    def chain_texts(self) -> list[str]:
        """``DEP (owner) ← ROOT (owner)`` for each chain shown (``CHAINS_SHOWN``)."""
        return [" ← ".join(f"{i} ({o or 'no owner'})" for i, o in chain) for chain in self.chains[:CHAINS_SHOWN]]


@dataclass(frozen=True)
class DeckSection:
    key: str
    title: str
    entries: list[DeckEntry]


def overview(board: Board, analysis: Analysis, gate_status: dict[str, str] | None = None) -> Overview:
    counts = {s: 0 for s in STATUSES}
    counts.update(analysis.counts_by_status())
    gates: dict[str, int] | None = None
    if gate_status is not None:
        gates = {"pass": 0, "waived": 0, "fail": 0, "stale": 0, "unknown": 0}
        waived = waived_items(board, analysis.today)  # as go/no-go excuses them
        for it in analysis.items.values():
            if it.gate is None or it.gate.is_empty or it.status == "cancelled":
                continue
            gates[gate_state(it.id, gate_status, waived)] += 1
    overdue = [analysis.items[i] for i in analysis.overdue]
    titles = {r.id: r.title for r in board.risks}
    uncovered = [(rid, titles.get(rid, "")) for rid in analysis.uncovered_risks]
    miles = []
    for m in board.milestones:
        ids = list(dict.fromkeys([*m.items, *(it.id for it in board.items if it.milestone == m.id)]))
        closed, total = analysis.progress(ids)
        due = m.due_date
        miles.append(
            MilestoneLine(m.id, m.title, closed, total, due, bool(due and due < analysis.today and closed < total))
        )
    level = None
    if board.board.levels and gate_status is not None:
        from readiness_tui.core.gates.levels import board_level

        level = board_level(board, gate_status, analysis.today)
    return Overview(evaluate(board, analysis, gate_status), counts, gates, overdue, uncovered, miles, level)


def since_last_standup(history: Path | None, today: dt.date, records: list[audit.Record] | None = None) -> dt.datetime:
    """When the last standup was held (else the start of the lookback window)."""
    if records is None:
        records = audit.read(history) if history is not None else []
    held = [r.ts for r in records if r.type == "standup"]
    if held:
        return max(held)
    start = dt.datetime.combine(today - dt.timedelta(days=DEFAULT_LOOKBACK_DAYS), dt.time())
    return start.astimezone()


def done_since(board: Board, records: list[audit.Record], since: dt.datetime) -> set[str]:
    """Items that are done now and whose status became done at or after ``since``."""
    last: dict[str, object] = {}
    for r in records:
        if r.type == "change" and r.kind == "items" and r.field == "status" and r.ts >= since:
            last[str(r.item)] = r.new
    items = board.item_map()
    return {i for i, s in last.items() if s == "done" and i in items and items[i].status == "done"}


def group_key(item: Item, by: str, tree: Hierarchy | None = None) -> str:
    """The slide an item is on: its owner or workstream, inherited from its parent chain when it
    has none of its own (``core.tree``), else the "(no ...)" slide."""
    if by == "workstream":
        return (tree.workstream(item.id) if tree else item.workstream.strip()) or NO_WORKSTREAM
    return (tree.owner(item.id) if tree else item.owner.strip()) or NO_OWNER


def groups(board: Board, analysis: Analysis, done_ids: set[str], by: str = "owner") -> list[GroupSlide]:
    """One slide per owner (``by="owner"``) or workstream with anything to talk about."""
    slides: dict[str, GroupSlide] = {}
    rank = {i: n for n, i in enumerate(analysis.ranking)}
    waiting = set(analysis.waiting)
    blocked = set(analysis.blocked)
    ready = set(analysis.ready)

    def slide(key: str) -> GroupSlide:
        if key not in slides:
            slides[key] = GroupSlide(key, key)
        return slides[key]

    tree = tree_of(analysis)
    for it in analysis.items.values():
        key = group_key(it, by, tree)
        if it.id in done_ids:
            slide(key).done.append(it)
        elif it.id in blocked or it.id in waiting:
            chains = []
            for chain in analysis.blocking_chain(it.id):
                chains.append([(c, analysis.items[c].owner if c in analysis.items else "?") for c in chain[1:]])
            entry = BlockedEntry(it, chains)
            (slide(key).blocked if it.id in blocked else slide(key).waiting).append(entry)
        elif it.status in ("in_progress", "review"):
            slide(key).in_progress.append(it)
        elif it.status == "todo" and it.id in ready:
            slide(key).ready.append(it)
    for s in slides.values():
        s.ready.sort(key=lambda i: rank.get(i.id, len(rank)))
        s.ready = s.ready[:READY_LIMIT]
    placeholder = NO_WORKSTREAM if by == "workstream" else NO_OWNER
    order = sorted((k for k in slides if k != placeholder), key=str.casefold)
    if placeholder in slides:
        order.append(placeholder)
    return [slides[k] for k in order if slides[k].item_ids()]
