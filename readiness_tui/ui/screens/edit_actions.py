"""The main screen's editing actions: keys -> dialogs -> the edit controller.

``EditingScreen`` is the base of ``MainScreen``: a Screen whose abstract hooks (``active_pane``,
``refresh_panes``, ``board_loaded``, ``show_state``) the main screen fills in. Every action works
on the current item (the last one highlighted in any pane) and ends in ``after_edit``, which
refreshes the panes and deals with a save that was refused.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from readiness_tui.core.board.file import DiskState
from readiness_tui.core.edits.editor import EditController, EditResult, SaveState
from readiness_tui.core.edits.fields import check_field, parse_field
from readiness_tui.core.edits.ids import new_item_id
from readiness_tui.core.edits.itemform import field_value
from readiness_tui.core.model.board import PRIORITIES, STATUSES
from readiness_tui.core.model.statuses import status_label
from readiness_tui.ui.background_save import BackgroundSave
from readiness_tui.ui.messages import SaveFinished
from readiness_tui.ui.screens import conflict_flow

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.ui.host import BoardOwner
    from readiness_tui.ui.panes.base import Pane

STATUS_CHOICES = [(s, status_label(s)) for s in STATUSES]
LONG_TEXT_FIELDS = [
    ("description", "description"),
    ("notes", "notes"),
    ("dependency_note", "dependency note"),
    ("gate.exit_criteria", "gate exit criteria"),
]


class EditingScreen(Screen[None]):
    """A screen that edits the owner's board through its edit controller (undo, save, audit)."""

    def __init__(self, owner: BoardOwner) -> None:
        super().__init__()
        self.owner = owner
        #: The item the edit keys act on: the last one highlighted in any pane.
        self.current_item_id: str | None = None
        self.last_edit = ""
        #: Writes the hot keys' edits in a thread, after the frame that shows them.
        self.saver = BackgroundSave(self)

    @property
    def editor(self) -> EditController:
        return self.owner.editor

    @property
    def store(self) -> BoardStore:
        return self.owner.store

    # ------------------------------------------------------------------ hooks of the main screen
    def active_pane(self) -> Pane | None:
        raise NotImplementedError

    def refresh_panes(self, focus: str | None = None, changes: list | None = None, state: bool = True) -> None:
        raise NotImplementedError

    def board_loaded(self, changes: list | None = None) -> None:
        raise NotImplementedError

    def show_state(self, dirty: bool | None = None) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ plumbing
    def _current(self) -> str | None:
        # Ask the visible pane first: its highlight message may still be queued behind this key.
        pane = self.active_pane()
        now = pane.current_id if pane is not None else None
        if isinstance(now, str):
            self.current_item_id = now
        return self.current_item_id

    def _need_item(self) -> str | None:
        cur = self._current()
        if cur is None or not self.store.has_item(cur):
            self.notify("No item selected.", severity="warning")
            return None
        return cur

    def after_edit(self, result: EditResult | None) -> None:
        if result is None:
            self.notify("Nothing to undo or redo.", severity="information")
            return
        if not result.ok:
            self.notify(result.error, title="Edit refused", severity="error", timeout=8)
            return
        if result.saved == SaveState.UNCHANGED and not result.changes and not result.history:
            return
        changes = None if result.history or result.merged else result.changes
        # A saved edit shows the state once, in report_save; others show "unsaved" here.
        shown_later = not result.saved.failed
        self.refresh_panes(focus=result.focus, changes=changes, state=not shown_later)
        if result.saved == SaveState.PENDING:
            self._save_after_frame(result.label)
            return
        self.report_save(result.saved, result.label)
        if result.saved == SaveState.OFF and self.owner.on_sample:  # kept in memory: a sample is never written
            self.owner.samples.offer()

    def _save_after_frame(self, label: str) -> None:
        """Write an edit the screen shows already (``SaveState.PENDING``) right after that frame, in
        a thread (``BackgroundSave``); edits before it starts are written by the same save."""
        self.saver.request(label)

    def on_save_finished(self, message: SaveFinished) -> None:
        self.saver.finished(message.job)

    def save_done(self, saved: SaveState, label: str, note: str = "", merged: bool = False) -> None:
        """What became of a save the screen did not wait for (``merged``: it took in someone
        else's edits, even if a later save has cleared the editor's flag since)."""
        if merged or self.editor.merged:  # someone else's edits came in with ours: show the whole board
            self.refresh_panes(state=False)
        # A failed write is shown: the top bar says unsaved, the reason is notified or asked.
        self.report_save(saved, label)
        if note:
            self.notify(note, title="Saved with others' edits", severity="warning", timeout=12)

    def report_save(self, saved: SaveState, label: str) -> None:
        # A saved edit is reported in the top bar (a toast per keystroke would be noise).
        audit_error = self.editor.take_audit_error()
        if audit_error:
            self.notify(
                f"The edit is saved, but its audit record is not: {audit_error}",
                title="Audit trail",
                severity="warning",
                timeout=10,
            )
        if not saved.failed:
            self.last_edit = label
            self.show_state(dirty=False if saved == SaveState.SAVED else None)
        elif saved in (SaveState.CONFLICT, SaveState.MISSING):
            self.show_conflict(saved == SaveState.MISSING)
        else:
            self.show_state()  # unsaved, in the top bar too
            self.notify(self.editor.last_save_error, title="Could not save", severity="error", timeout=10)

    def show_conflict(self, missing: bool) -> None:
        """The file changed on disk (or is gone) under unsaved edits: ask (``conflict_flow``)."""
        conflict_flow.ask(self, missing)

    # ------------------------------------------------------------------ status and fields
    def set_status_of(self, item_id: str, status: str) -> None:
        self.after_edit(self.editor.set_status(item_id, status))

    def action_cycle_status(self) -> None:
        if (cur := self._need_item()) is not None:
            # The hot key of a board review: the row shows the new status, then the file is written.
            self.after_edit(self.editor.cycle_status(cur, save=False))

    def action_status_menu(self) -> None:
        from readiness_tui.ui.screens.dialogs import ChoiceScreen

        if (cur := self._need_item()) is None:
            return
        current = self.store.item(cur).status

        def chosen(st: str | None) -> None:
            if st:
                self.set_status_of(cur, st)

        self.app.push_screen(ChoiceScreen(f"Status of {cur}", STATUS_CHOICES, current), chosen)

    def action_priority_menu(self) -> None:
        from readiness_tui.ui.screens.dialogs import ChoiceScreen

        if (cur := self._need_item()) is None:
            return
        current = self.store.item(cur).priority or ""
        choices = [(p, p) for p in PRIORITIES] + [("", "none")]

        def chosen(p: str | None) -> None:
            if p is not None:
                self.after_edit(self.editor.set_fields(cur, {"priority": p or None}))

        self.app.push_screen(ChoiceScreen(f"Priority of {cur}", choices, current, hotkeys="01234"), chosen)

    def _prompt_field(
        self,
        field: str,
        title: str,
        hint: str,
        validate: Any = None,
        suggestions: list[str] | None = None,
        convert: Any = None,
    ) -> None:
        from readiness_tui.ui.screens.dialogs import PromptScreen

        if (cur := self._need_item()) is None:
            return
        value = getattr(self.store.item(cur), field)
        text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))

        def done(answer: str | None) -> None:
            if answer is None:
                return
            new = (convert(answer) if convert else answer) if answer else None
            self.after_edit(self.editor.set_fields(cur, {field: new}))

        self.app.push_screen(PromptScreen(f"{title} of {cur}", text, hint, validate, suggestions or []), done)

    def action_set_owner(self) -> None:
        owners = sorted({it.owner for it in self.store.board.items if it.owner})
        self._prompt_field("owner", "Owner", "empty removes the owner; tab completes a known owner", suggestions=owners)

    def action_set_target(self) -> None:
        self._prompt_field(
            "target",
            "Target",
            "an ISO week (2026-W09) or a date (2026-02-20); empty removes it",
            partial(check_field, "target"),
            convert=partial(parse_field, "target"),
        )

    def action_set_estimate(self) -> None:
        self._prompt_field(
            "estimate_days",
            "Estimate (days)",
            "a number of days; empty removes it",
            partial(check_field, "estimate_days"),
            convert=partial(parse_field, "estimate_days"),
        )

    def action_edit_item(self, focus: str | None = None) -> None:
        from readiness_tui.ui.screens.edit_form import EditItemScreen

        if (cur := self._need_item()) is None:
            return

        def edited(values: dict[str, Any] | None) -> None:
            if values:
                self.after_edit(self.editor.set_fields(cur, values, label=f"{cur}: edit"))

        self.app.push_screen(EditItemScreen(self.store, cur, focus=focus), edited)

    def action_score_factors(self) -> None:
        scoring = self.store.board.board.scoring
        first = f"factor.{scoring.factors[0].key}" if scoring and scoring.factors else "score"
        self.action_edit_item(focus=first)

    def action_edit_text(self) -> None:
        from readiness_tui.core.edits.external import NO_EDITOR, editor_command
        from readiness_tui.ui.screens.dialogs import ChoiceScreen

        if (cur := self._need_item()) is None:
            return
        if editor_command() is None:  # said before asking what to edit, not after
            self.app.notify(NO_EDITOR, severity="warning")
            return

        def chosen(field: str | None) -> None:
            if field:
                self._edit_in_editor(cur, field)

        self.app.push_screen(ChoiceScreen(f"Edit a text of {cur} in $EDITOR", LONG_TEXT_FIELDS), chosen)

    def _edit_in_editor(self, item_id: str, field: str) -> None:
        from readiness_tui.ui.external_editor import edit_text

        old = field_value(self.store.item(item_id), field)
        new = edit_text(self.app, old or "", prefix=f"{item_id}-")
        if new is not None and new.rstrip("\n") != (old or "").rstrip("\n"):
            value = new.rstrip("\n") + ("\n" if "\n" in new.rstrip("\n") else "")
            self.after_edit(self.editor.set_fields(item_id, {field: value or None}))

    def action_add_note(self) -> None:
        from readiness_tui.core.edits.notes import add_note, note_values
        from readiness_tui.ui.screens.dialogs import PromptScreen

        if (cur := self._need_item()) is None:
            return

        def check(text: str) -> str | None:
            try:
                note_values(self.store.board, cur, text)
            except ValueError as exc:
                return str(exc)
            return None

        def done(text: str | None) -> None:
            if text is not None and check(text) is None:
                self.after_edit(add_note(self.editor, note_values(self.store.board, cur, text)))

        hint = "what happened, dated today and recorded with the item's status (readiness note does the same)"
        self.app.push_screen(PromptScreen(f"Progress note on {cur}", "", hint, check), done)

    # ------------------------------------------------------------------ items
    def action_add_item(self) -> None:
        from readiness_tui.ui.screens.edit_form import EditItemScreen

        near = self._current()
        suggestion = new_item_id(self.store, near)
        initial = {"id": suggestion}
        if near and self.store.has_item(near):
            src = self.store.item(near)
            initial.update(phase=src.phase or "", workstream=src.workstream, owner=src.owner)

        def done(values: dict | None) -> None:
            if values:
                self.after_edit(
                    self.editor.add_item(values, after=near if near is not None and self.store.has_item(near) else None)
                )

        self.app.push_screen(EditItemScreen(self.store, None, initial=initial, focus="title"), done)

    def action_duplicate(self) -> None:
        if (cur := self._need_item()) is not None:
            self.after_edit(self.editor.duplicate(cur))

    def action_delete(self) -> None:
        from readiness_tui.ui.screens.dialogs import ConfirmScreen

        if (cur := self._need_item()) is None:
            return
        refs = self.store.references_to(cur)
        it = self.store.item(cur)
        msg = f"Delete {cur} “{it.title}”?"
        if refs:
            names = ", ".join(f"{k} {key}" if k == "items" else k for k, key, _ in refs[:8])
            msg += f"\n\nIt is referenced by {len(refs)} record(s) ({names}); those references are removed too."
        msg += "\n\nu undoes it."

        def confirmed(ok: bool | None) -> None:
            if ok:
                self.after_edit(self.editor.delete(cur, cascade=bool(refs)))

        self.app.push_screen(ConfirmScreen("Delete item", msg, yes="Delete", no="Keep", danger=True), confirmed)

    # ------------------------------------------------------------------ dependencies
    def _items_for_pick(self, exclude: set[str]) -> list[tuple[str, str, str]]:
        return [(it.id, it.status, it.title) for it in self.store.board.items if it.id not in exclude]

    def action_add_dependency(self) -> None:
        from readiness_tui.ui.screens.dialogs import PickItemScreen

        if (cur := self._need_item()) is None:
            return
        it = self.store.item(cur)

        def picked(dep: str | None) -> None:
            if dep:
                self.after_edit(self.editor.add_dependency(cur, dep))

        self.app.push_screen(PickItemScreen(f"{cur} depends on …", self._items_for_pick({cur, *it.depends_on})), picked)

    def action_remove_dependency(self) -> None:
        from readiness_tui.ui.screens.dialogs import PickItemScreen

        if (cur := self._need_item()) is None:
            return
        deps = self.store.item(cur).depends_on
        if not deps:
            self.notify(f"{cur} has no dependencies.")
            return
        items = self.store.board.item_map()
        rows = [
            (d, items[d].status if d in items else "?", items[d].title if d in items else "(unknown id)") for d in deps
        ]

        def picked(dep: str | None) -> None:
            if dep:
                self.after_edit(self.editor.remove_dependency(cur, dep))

        self.app.push_screen(PickItemScreen(f"{cur} no longer depends on …", rows), picked)

    def toggle_dependency(self, item_id: str, dep_id: str) -> None:
        result = self.editor.toggle_dependency(item_id, dep_id)
        if result.cycle:
            # Panes that can draw the refused cycle (the matrix) get to show it.
            pane = self.active_pane()
            if pane is not None:
                pane.show_cycle(result.cycle)
        self.after_edit(result)

    def edit_fields(self, item_id: str, values: dict) -> None:
        self.after_edit(self.editor.set_fields(item_id, values))

    # ------------------------------------------------------------------ risks, phases, milestones ... (record_actions)
    # Imported when first used: the record edits and their list widget are not on the first frame's path.
    def action_edit_record(self, kind: str = "", key: str = "") -> None:
        from readiness_tui.ui.screens import record_actions

        record_actions.edit_at(self, kind, key)

    def action_add_record(self, kind: str) -> None:
        from readiness_tui.ui.screens import record_actions

        record_actions.open_form(self, kind, None, record_actions.new_initial(self, kind))

    def action_remove_record(self) -> None:
        from readiness_tui.ui.screens import record_actions

        record_actions.remove_at(self)

    def action_waiver(self) -> None:
        from readiness_tui.ui.screens import record_actions

        if (cur := self._need_item()) is not None:
            record_actions.edit_waiver(self, cur)

    def action_deliverables(self) -> None:
        from readiness_tui.ui.screens import record_actions

        if (cur := self._need_item()) is not None:
            record_actions.edit_deliverables(self, cur)

    # ------------------------------------------------------------------ history and saving
    def action_history(self, step: int) -> None:
        """Undo (``step`` -1) or redo (+1) the last edit."""
        self.after_edit(self.editor.undo() if step < 0 else self.editor.redo())

    def action_save(self) -> None:
        if self.owner.on_sample:
            self.owner.samples.offer(asked=True)
            return
        if self.store.path is not None and self.store.disk_state() == DiskState.MISSING:
            self.owner.live.save_again()
            return
        if not self.editor.dirty:
            self.notify("Nothing to save: the file matches the board.")
            return
        self.report_save(self.editor.save(), "board")
        self.refresh_panes()
