"""What a coding agent may do with a board, as plain functions over one board path.

The MCP server (``readiness mcp``) exposes these as tools; each reads the board afresh (another
writer may have changed it) and every edit goes through the one write path (``EditController``),
recorded in the history under the agent's name with ``source="agent"``. No verify command runs
unless the board is trusted (``readiness trust``): an agent cannot trust a board.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness_tui.core import audit
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.agent_fields import ItemFields, field_assignments
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.edits.expressions import Assignment, assigned_values, new_item_values, parse_assignments
from readiness_tui.core.edits.ids import new_item_id
from readiness_tui.core.edits.record_edits import RecordRef
from readiness_tui.core.edits.set_command import SetOp, set_result
from readiness_tui.core.filters.filtering import Facts, FilterError, board_query
from readiness_tui.core.filters.views import settings_views
from readiness_tui.core.model.problems import no_item
from readiness_tui.core.outputs.documents import (
    check_document,
    item_document,
    items_document,
    note_document,
    order_document,
)
from readiness_tui.core.outputs.itemview import search_items


class AgentError(Exception):
    """A request the board refuses; the message says why (it goes back to the agent as is)."""


class BoardOps:
    def __init__(self, board: Path, actor: str = "agent") -> None:
        self.board = board
        self.actor = actor

    # ------------------------------------------------------------------ reading
    def _load(self) -> BoardStore:
        from readiness_tui.core.model.problems import BoardError

        try:
            return BoardStore.load(self.board)
        except BoardError as exc:
            raise AgentError(exc.describe()) from None

    def list_items(self, filter_expr: str = "") -> dict[str, Any]:
        """The same document as ``readiness list --json``."""
        store = self._load()
        a = Analysis(store.board)
        facts = Facts.of(a)
        try:
            views = settings_views(store.path.parent if store.path else None)
            query = board_query(filter_expr, store.board, facts.tree, views)
        except FilterError as exc:
            raise AgentError(f"bad filter {filter_expr!r}: {exc}") from None
        items = query.filter(store.board.items, facts)
        return items_document(items, a, filter=filter_expr)

    def _check_item(self, store: BoardStore, item_id: str) -> None:
        if not store.has_item(item_id):
            raise AgentError(no_item(item_id, (it.id for it in store.board.items), store.name))

    def show_item(self, item_id: str) -> dict[str, Any]:
        """The same document as ``readiness show --json``."""
        store = self._load()
        self._check_item(store, item_id)
        return item_document(store.item(item_id), Analysis(store.board))

    def search(self, words: str) -> dict[str, Any]:
        """The same document as ``readiness search --json``."""
        store = self._load()
        found = search_items(store.board, words.split())
        return items_document(found, Analysis(store.board), query=words)

    def order(self) -> dict[str, Any]:
        """The same document as ``readiness order --json``."""
        return order_document(Analysis(self._load().board))

    def report(self, week: str | None = None) -> dict[str, Any]:
        from readiness_tui.core.outputs.report import weekly_report

        store = self._load()
        return weekly_report(store.board, self.board, week=week).to_dict()

    def check(self) -> dict[str, Any]:
        """Gates as they stand (``readiness check --json``); verify commands run only where the
        board is trusted."""
        from readiness_tui.core.gates import GateSession

        store = self._load()
        session = GateSession(self.board, store.board)
        try:
            scope = [it.id for it in session.gated_items() if it.status != "cancelled"]
            session.run(scope)  # untrusted commands are not run: they show as "untrusted"
            views = session.views(scope)
        finally:
            session.close()
        return check_document(store.board, str(self.board), session.root, session.trusted, views)

    # ------------------------------------------------------------------ editing
    def _editor(self, store: BoardStore) -> EditController:
        editor = EditController(store, audit_source="agent", actor=self.actor)
        editor.open_check()
        return editor

    def _saved(self, editor: EditController, result: Any) -> None:
        if not result.ok:
            raise AgentError(result.error)
        if not result.saved.on_disk:
            raise AgentError(f"not saved: {editor.last_save_error}")

    def _assignments(
        self, store: BoardStore, fields: ItemFields | None, assignments: list[str] | None
    ) -> list[Assignment]:
        """Typed fields first, then ``FIELD=VALUE`` words (``depends_on+=M-02``, ``gate.verify=...``)."""
        aliases = store.board.board.status_aliases
        try:
            return field_assignments(fields, aliases) + parse_assignments(assignments or [], store.board)
        except ValueError as exc:
            raise AgentError(str(exc)) from None

    def set_fields(
        self, item_id: str, fields: ItemFields | None = None, assignments: list[str] | None = None
    ) -> dict[str, Any]:
        """The same document as ``readiness set ID ... --json``."""
        store = self._load()
        self._check_item(store, item_id)
        parsed = self._assignments(store, fields, assignments)
        if not parsed:
            raise AgentError("nothing to set: give fields (or assignments like depends_on+=M-02)")
        try:
            values = assigned_values(store.board, store.item(item_id), parsed)
        except ValueError as exc:
            raise AgentError(str(exc)) from None
        head = audit.head(self.board)  # the records after it are this edit's
        editor = self._editor(store)
        result = editor.set_fields(item_id, values)
        self._saved(editor, result)
        op = SetOp(RecordRef("items", item_id), "set", values)
        return set_result(editor.store, op, result.changes, str(result.saved), False, head)

    def set_status(self, item_id: str, status: str) -> dict[str, Any]:
        """``set_fields`` of the status alone (``readiness set ID status=... --json``)."""
        return self.set_fields(item_id, ItemFields.model_validate({"status": status}))

    def add_item(
        self, title: str, fields: ItemFields | None = None, assignments: list[str] | None = None
    ) -> dict[str, Any]:
        """The same document as ``readiness add --json``: the new item's record."""
        store = self._load()
        last = store.board.items[-1].id if store.board.items else None
        new_id = new_item_id(store, last)
        parsed = self._assignments(store, fields, assignments)
        try:
            values = new_item_values(store.board, new_id, title, parsed)
        except ValueError as exc:
            raise AgentError(str(exc)) from None
        editor = self._editor(store)
        result = editor.add_item(values)
        self._saved(editor, result)
        return item_document(editor.store.item(new_id), Analysis(editor.store.board))

    def add_note(self, item_id: str, text: str) -> dict[str, Any]:
        store = self._load()
        self._check_item(store, item_id)
        day = store.board.today()
        values = {"date": day, "item": item_id, "status": store.item(item_id).status, "text": text}
        editor = self._editor(store)
        result = editor.apply(f"{item_id}: note", lambda s: s.add_record("progress", values), focus=item_id)
        self._saved(editor, result)
        return note_document(values)

    # ------------------------------------------------------------------ the board whole
    def board_text(self) -> str:
        """The board file as it is on disk now (TOML)."""
        self._load()  # a board that no longer reads is said as such, not served half-written
        return self.board.read_text(encoding="utf-8")

    def board_json(self) -> str:
        """The same document as ``readiness export -f json``, with the project's settings."""
        from readiness_tui.core.outputs.export import to_json_data
        from readiness_tui.core.outputs.json_doc import document_text
        from readiness_tui.core.settings.config import load_config, with_settings

        store = self._load()
        board = with_settings(store.board, load_config(self.board.parent))
        return document_text(to_json_data(board)) + "\n"
