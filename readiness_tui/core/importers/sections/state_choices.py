"""An issue template's boxes offering the states of a task to tick one of (``1. [ ] Not started``, ``2. [ ] In
progress``, ``3. [x] Done``), under each task's heading or collapsible summary: the task is one item, in the state
ticked, and the boxes are no work of their own. Read only where the plan repeats the shape (two such lists at
least): a single list of states is the plan's key or its own status line."""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.sections.heading_numbers import document_fact
from readiness_tui.core.importers.vocabulary.statuses import parse_status


def read_state_choice(b: Builder, lst: ListBlock, sec: Section) -> bool:
    """Make ``sec``'s heading one item in the state ``lst`` ticks, when ``lst`` offers the states to tick one of (see
    the module doc); False, and nothing done, otherwise."""
    choice = _choice(lst.items)
    if choice is None or sec.heading is None or _choices_in_plan(sec) < 2:
        return False
    values = {"id": b.free_id("T", [0]), "title": plain(sec.bare_title), "kind": "task"}
    if choice:
        values["status"] = choice
    got = b.add_item(values, sec.line, "state choice")
    b.consume(lst, sec)
    said = f"in the state ticked, {choice}" if choice else "no state ticked"
    b.used(lst.line, f"boxes under {sec.title!r} offer the task's states to tick one: item {got}, {said}")
    return True


def _choice(entries: list[ListItem]) -> str | None:
    """The state ticked among boxes each naming a state (two to five, each once, at most one ticked); "" when none is
    ticked; None when the boxes are anything else."""
    if not 2 <= len(entries) <= 5 or any(it.mark not in (" ", "x", "X") for it in entries):
        return None
    states = [parse_status(plain(it.text).strip(" .")) for it in entries]
    if not all(states) or len(set(states)) != len(states):
        return None
    ticked = [state for it, state in zip(entries, states, strict=True) if it.mark != " "]
    if len(ticked) > 1:
        return None
    return ticked[0] if ticked else ""


def _choices_in_plan(sec: Section) -> int:
    """How many lists of the plan offer states to tick one of (asked once per import)."""
    root = sec.root

    def count() -> int:
        lists = (blk for s in root.walk() for blk in s.blocks if isinstance(blk, ListBlock) and blk.has_checkboxes)
        return sum(1 for blk in lists if _choice(blk.items) is not None)

    return document_fact(root, "state choices", count)
