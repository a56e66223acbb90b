"""What a coding agent may do with a board, as plain functions over one board path.

The MCP server (``readiness mcp``) exposes these as tools; each reads the board afresh (another
writer may have changed it) and every edit goes through the one write path (``EditController``),
recorded in the history under the agent's name with ``source="agent"``. No verify command runs
unless the board is trusted (``readiness trust``): an agent cannot trust a board.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.edits.expressions import assigned_values, new_item_values, parse_assignments
from readiness_tui.core.edits.ids import new_item_id
from readiness_tui.core.filters.filtering import Facts, FilterError, board_query
from readiness_tui.core.filters.views import settings_views
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

    def show_item(self, item_id: str) -> dict[str, Any]:
        """The same document as ``readiness show --json``."""
        store = self._load()
        if not store.has_item(item_id):
            raise AgentError(f"no item {item_id!r} on the board")
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

    def set_fields(self, item_id: str, assignments: list[str]) -> dict[str, Any]:
        store = self._load()
        if not store.has_item(item_id):
            raise AgentError(f"no item {item_id!r} on the board")
        try:
            values = assigned_values(store.board, store.item(item_id), parse_assignments(assignments, store.board))
        except ValueError as exc:
            raise AgentError(str(exc)) from None
        editor = self._editor(store)
        result = editor.set_fields(item_id, values)
        self._saved(editor, result)
        return {"changes": [{"item": c.item, "field": c.field, "old": c.old, "new": c.new} for c in result.changes]}

    def add_item(self, title: str, assignments: list[str] | None = None) -> dict[str, Any]:
        store = self._load()
        last = store.board.items[-1].id if store.board.items else None
        new_id = new_item_id(store, last)
        try:
            values = new_item_values(store.board, new_id, title, parse_assignments(assignments or [], store.board))
        except ValueError as exc:
            raise AgentError(str(exc)) from None
        editor = self._editor(store)
        result = editor.add_item(values)
        self._saved(editor, result)
        return {"id": new_id}

    def add_note(self, item_id: str, text: str) -> dict[str, Any]:
        store = self._load()
        if not store.has_item(item_id):
            raise AgentError(f"no item {item_id!r} on the board")
        day = store.board.today()
        values = {"date": day, "item": item_id, "status": store.item(item_id).status, "text": text}
        editor = self._editor(store)
        result = editor.apply(f"{item_id}: note", lambda s: s.add_record("progress", values), focus=item_id)
        self._saved(editor, result)
        return note_document(values)
