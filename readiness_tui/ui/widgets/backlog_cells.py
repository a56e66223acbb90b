"""The backlog's columns and what each shows for an item (text and style), apart from the table
widget that scrolls and draws them: sort ranks, column widths, group rows and cell text."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.cells import cell_len

from readiness_tui.core.analysis.tree import Rollup
from readiness_tui.core.filters.filtering import Facts
from readiness_tui.core.model.board import PRIORITIES, STATUSES, Item
from readiness_tui.core.model.statuses import status_label
from readiness_tui.ui.widgets.line_list import pad_cells

PRIORITY_RANK = {p: n for n, p in enumerate(PRIORITIES)}
ROLLUP_BAR = 5  # cells of a parent's progress bar
STATUS_RANK = {s: n for n, s in enumerate(STATUSES)}
GROUPINGS: tuple[str | None, ...] = (None, "phase", "priority", "owner", "workstream")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int  # 0: takes the remaining width
    align: str = "left"


COLUMNS: tuple[Column, ...] = (
    Column("mark", "", 1),
    Column("id", "ID", 8),
    Column("title", "Title", 0),
    Column("status", "Status", 11),
    Column("priority", "Pri Sc", 7),
    Column("owner", "Owner", 7),
    Column("target", "Target", 11),
    Column("estimate", "Est", 4, "right"),
    Column("deps", "Deps", 5, "right"),
    Column("dependents", "Dpt", 3, "right"),
    Column("gate", "Gate", 8, "left"),
)
#: Below this many cells of title the narrow columns give way, in this order: (key, width, label);
#: width 0 drops the column, a smaller width shows the short form (``narrow``).
MIN_TITLE = 24
NARROWING: tuple[tuple[str, int, str], ...] = (
    ("dependents", 0, ""),
    ("estimate", 0, ""),
    ("deps", 0, ""),
    ("gate", 4, "Gate"),  # the mark alone: ✔ ✘ ⚠ ● ...
    ("target", 0, ""),
    ("priority", 3, "Pri"),  # the priority without its score
)
#: The live gate status (``core.gates``) as the Gate column shows it, and its style.
LIVE_GATE: dict[str, tuple[str, str]] = {
    "pass": ("✔ pass", "backlog--ready"),
    "fail": ("✘ fail", "backlog--blocked"),
    "error": ("‼ error", "backlog--blocked"),
    "waived": ("≈ waived", "backlog--review"),
    "stale": ("↻ stale", "backlog--review"),
    "running": ("… run", "backlog--in-progress"),
    "untrusted": ("⚠ trust", "backlog--dim"),
    "not-run": ("· never", "backlog--dim"),
    "no-gate": ("○", "backlog--dim"),
}
SORTABLE = tuple(c.key for c in COLUMNS if c.key != "mark")
#: The item fields each sort column reads (``deps`` also reads the status of the dependencies).
SORT_FIELDS: dict[str, frozenset[str]] = {
    "id": frozenset({"id"}),
    "title": frozenset({"title"}),
    "status": frozenset({"status"}),
    "priority": frozenset({"priority", "score", "score_factors"}),
    "owner": frozenset({"owner"}),
    "target": frozenset({"target"}),
    "estimate": frozenset({"estimate_days"}),
    "deps": frozenset({"depends_on", "status"}),
    "dependents": frozenset({"depends_on"}),
    "gate": frozenset({"gate"}),
}
#: The item field each grouping reads.
GROUP_FIELDS = {"phase": "phase", "priority": "priority", "owner": "owner", "workstream": "workstream"}


@dataclass(frozen=True)
class GroupRow:
    """A heading row when the backlog is grouped."""

    label: str
    count: int


def natural_key(text: str) -> tuple:
    """Sort key: digit runs compare as numbers (``A-2`` before ``A-10``)."""
    out: list = []
    num = ""
    word = ""
    for ch in text.lower():
        if ch.isdigit():
            if word:
                out.append((1, word))
                word = ""
            num += ch
        else:
            if num:
                out.append((0, int(num)))
                num = ""
            word += ch
    if num:
        out.append((0, int(num)))
    if word:
        out.append((1, word))
    return tuple(out)


def fmt_estimate(days: float | None) -> str:
    if days is None:
        return ""
    return f"{days:g}d" if days < 100 else f"{days:.0f}"


def gate_text(it: Item, gate_status: Mapping[str, str] | None) -> str:
    """The Gate column's mark: the live result when there is one, else whether a gate is defined."""
    live = gate_status.get(it.id) if gate_status else None
    if live:
        return LIVE_GATE.get(live, (live, ""))[0]
    g = it.gate
    if g is None or g.is_empty:
        return "—"
    return "●" if (g.verify or g.evidence) else "○"


def cell(
    key: str,
    it: Item,
    facts: Facts,
    open_deps: Callable[[str], int],
    dependents: Mapping[str, int],
    gate_status: Mapping[str, str] | None,
) -> tuple[str, str]:
    """The text of column ``key`` for an item, and the component class that styles it."""
    f = facts
    if key == "mark":
        if it.is_closed:
            return ("✓" if it.status == "done" else "×"), ""
        if it.id in f.blocked:  # status blocked
            return "■", "backlog--blocked"
        if it.id in f.waiting:  # on an open dependency
            return "◷", "backlog--blocked"
        if it.id in f.ready:
            return "▶", "backlog--ready"
        return " ", ""
    if key == "id":
        return it.id, ""
    if key == "title":
        return it.title, ""
    if key == "status":
        st = it.status
        label = status_label(st)
        if st == "blocked" or it.id in f.waiting:
            return label, "backlog--blocked"
        if st == "in_progress":
            return label, "backlog--in-progress"
        if st == "review":
            return label, "backlog--review"
        if it.id in f.ready:
            return label, "backlog--ready"
        return label, ""
    if key == "priority":
        score = it.total_score
        tree = f.tree
        if not it.priority and tree is not None and (inherited := tree.value(it.id, "priority")):
            return f"{inherited} {score if score is not None else ''}".rstrip(), "backlog--dim"  # core.tree
        text = f"{it.priority or '--'} {score if score is not None else ''}".rstrip()
        return text, ("backlog--p0" if it.priority == "P0" and not it.is_closed else "")
    if key == "owner":
        tree = f.tree
        if tree is not None and not it.owner.strip():
            return tree.owner(it.id), "backlog--dim"  # inherited from the parent chain (core.tree)
        return it.owner, ""
    if key == "target":
        if it.target and it.id in f.overdue:
            return f"{it.target}!", "backlog--overdue"
        return it.target or "", ""
    if key == "estimate":
        return fmt_estimate(it.estimate_days), ""
    if key == "deps":
        total = len(it.depends_on)
        if not total:
            return "", ""
        n_open = open_deps(it.id)
        return f"{n_open}/{total}", ("backlog--blocked" if n_open and not it.is_closed else "backlog--dim")
    if key == "dependents":
        n = dependents.get(it.id, 0)
        return (str(n) if n else ""), ""
    if key == "gate":
        live = gate_status.get(it.id) if gate_status else None
        if live:
            return LIVE_GATE.get(live, (live, ""))
        text = gate_text(it, gate_status)
        return text, ("backlog--dim" if text == "—" else "")
    return "", ""


def narrow(key: str, text: str) -> str:
    """A cell's short form when its column gave way to the title (``NARROWING``): the gate's mark,
    the priority without its score."""
    if key == "gate":
        return text[:1]
    if key == "priority":
        return text.split(" ", 1)[0]
    return text


def tree_title(it: Item, depth: int, has_children: bool, folded: bool, rollup: Rollup | None) -> tuple[str, str]:
    """The Title cell in the tree: indented, a fold mark on parents; and the roll-up to show at
    the cell's right end (``▰▰▱▱▱ 2/5``), empty for a leaf."""
    mark = ("▸ " if folded else "▾ ") if has_children else "  "
    text = "  " * depth + mark + it.title
    if rollup is None or not rollup.total:
        return text, ""
    filled = round(rollup.fraction * ROLLUP_BAR)
    return text, "▰" * filled + "▱" * (ROLLUP_BAR - filled) + f" {rollup.text()}"


def fit(text: str, width: int, align: str) -> str:
    """``pad_cells``, padded on the left when ``align`` is ``"right"``."""
    if align == "right":
        n = cell_len(text)
        if 0 < width and n <= width:
            return " " * (width - n) + text
    return pad_cells(text, width)
