"""Editing risks, phases, milestones, waivers and deliverables from the app: which record a pane's
cursor is on, the record form, and the edit through the edit controller (saved at once, recorded,
``u`` undoes it).

The main screen's actions (``EditingScreen.action_edit_record`` ...) call in here; the risk, plan,
gates and detail panes bind their keys to those actions, and the palette lists ``palette_entries``.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from readiness_tui.core.edits.editor import EditResult
from readiness_tui.core.edits.record_edits import RecordRef, delete_record, edit_record, new_record, record_refs
from readiness_tui.core.edits.record_fields import KIND_NAMES
from readiness_tui.ui.widgets.line_list import LineList

if TYPE_CHECKING:
    from readiness_tui.ui.commands import PaletteCommand
    from readiness_tui.ui.panes.base import Pane
    from readiness_tui.ui.screens.edit_actions import EditingScreen
    from readiness_tui.ui.screens.record_form import RecordEdit

#: The row keys of the risk and plan panes that stand for a record (``risk:R-1/T-2``: a mitigation).
ROW_KINDS = {"risk": "risks", "att": "risks", "phase": "phases", "ms": "milestones"}


def cursor_key(pane: Pane | None) -> str | None:
    """The key of the row under the cursor of a line-drawn pane (risks, plan, ...); None elsewhere."""
    return pane.cursor_key if isinstance(pane, LineList) else None


def record_at_cursor(pane: Pane | None) -> RecordRef | None:
    """The record the pane's cursor row stands for, if it stands for one."""
    key = cursor_key(pane)
    if key is None:
        return None
    word, _, rest = key.partition(":")
    kind = ROW_KINDS.get(word)
    return RecordRef(kind, rest.split("/", 1)[0]) if kind else None


def edit_at(screen: EditingScreen, kind: str = "", key: str = "") -> None:
    """Edit the record ``kind``/``key``, else the one under the pane's cursor; on an item row, the item."""
    ref = RecordRef(kind, key) if kind else record_at_cursor(screen.active_pane())
    if ref is None:
        screen.action_edit_item()
    else:
        open_form(screen, ref.kind, ref)


def remove_at(screen: EditingScreen) -> None:
    """Remove the record under the pane's cursor (asking first); on an item row, delete the item."""
    ref = record_at_cursor(screen.active_pane())
    if ref is None:
        screen.action_delete()
    else:
        remove(screen, ref)


def keep_row(screen: EditingScreen, result: EditResult) -> None:
    """Show an edit's result with the pane's cursor staying on the record's row (a refresh puts
    it back on the current item, which may be a row far from the record just edited)."""
    pane = screen.active_pane()
    key = cursor_key(pane)
    screen.after_edit(result)
    if not isinstance(pane, LineList):
        return
    keys = [row[0] for row in pane.rows if row[0] is not None]
    if key in keys:
        pane.move_cursor(keys.index(key), post=False)


def new_initial(screen: EditingScreen, kind: str) -> dict[str, str]:
    """What a new record starts with: a risk added on a "P0 items no risk names" row is mitigated
    by that item."""
    key = cursor_key(screen.active_pane())
    if kind == "risks" and key is not None and key.startswith("p0:"):
        return {"mitigated_by": key[3:]}
    return {}


def open_form(
    screen: EditingScreen,
    kind: str,
    ref: RecordRef | None,
    initial: dict[str, str] | None = None,
    focus: str | None = None,
) -> None:
    from readiness_tui.ui.screens.record_form import RecordFormScreen

    def done(answer: RecordEdit | None) -> None:
        if answer is None:
            return
        if answer.remove and ref is not None:
            screen.after_edit(delete_record(screen.editor, ref))
        elif ref is not None and answer.values:
            keep_row(screen, edit_record(screen.editor, ref, answer.values))
        elif ref is None:
            screen.after_edit(new_record(screen.editor, kind, answer.values))

    screen.app.push_screen(RecordFormScreen(screen.store, kind, ref, initial, focus), done)


def choose(
    screen: EditingScreen, title: str, refs: list[RecordRef], kind: str, initial: dict[str, str], focus: str
) -> None:
    """One record opens at once; several (or none) offer a menu with "new" last."""
    if len(refs) == 1:
        open_form(screen, kind, refs[0])
        return
    if not refs:
        open_form(screen, kind, None, initial, focus)
        return
    from readiness_tui.ui.screens.dialogs import ChoiceScreen

    choices = [(r.key, f"{KIND_NAMES[kind]} {r.key}") for r in refs] + [("", f"New {KIND_NAMES[kind]}")]

    def chosen(key: str | None) -> None:
        if key is None:
            return
        open_form(screen, kind, RecordRef(kind, key) if key else None, None if key else initial, focus)

    screen.app.push_screen(ChoiceScreen(title, choices), chosen)


def edit_of_item(screen: EditingScreen, kind: str, item_id: str, focus: str) -> None:
    """The item's waivers or deliverables: one opens, several offer a menu; a new one is for the
    item (and starts with the core's defaults: a waiver for 30 days)."""
    refs = record_refs(screen.store.board, kind, lambda row: row.item == item_id)
    title = f"{KIND_NAMES[kind].capitalize()}s of {item_id}"
    choose(screen, title, refs, kind, {"item": item_id}, focus)


def edit_waiver(screen: EditingScreen, item_id: str) -> None:
    edit_of_item(screen, "waivers", item_id, "reason")


def edit_deliverables(screen: EditingScreen, item_id: str) -> None:
    edit_of_item(screen, "deliverables", item_id, "path")


def remove(screen: EditingScreen, ref: RecordRef) -> None:
    from readiness_tui.ui.screens.record_form import ask_remove

    ask_remove(screen.app, ref, lambda: screen.after_edit(delete_record(screen.editor, ref)))


def palette_entries(screen: EditingScreen) -> list[PaletteCommand]:
    """(name, callable, help) for the command palette: edit or add every kind of record."""
    board = screen.store.board
    out: list[PaletteCommand] = []
    for kind, rows in (("risks", board.risks), ("phases", board.phases), ("milestones", board.milestones)):
        name = KIND_NAMES[kind]
        out.append((f"Add {name}", partial(screen.action_add_record, kind), f"a new {name}"))
        for row in rows:
            title = f"  {row.title}" if row.title else ""
            out.append((f"Edit {name} {row.id}{title}", partial(screen.action_edit_record, kind, row.id), ""))
    cur = screen.current_item_id
    if cur and screen.store.has_item(cur):
        out.append((f"Waiver for {cur}: add, renew or revoke", partial(screen.action_waiver), "w in the Gates pane"))
        out.append((f"Deliverables of {cur}", partial(screen.action_deliverables), "D in the Detail pane"))
        out.append((f"Edit the gate of {cur}", partial(screen.action_edit_item, "gate.exit_criteria"), "e in Gates"))
        out.append((f"Edit the acceptance of {cur}", partial(screen.action_edit_item, "acceptance"), "A in Detail"))
    return out
