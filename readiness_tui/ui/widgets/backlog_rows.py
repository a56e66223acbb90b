"""The backlog's rows: which items show, in what order, under which group heading or parent, and
which of them an edit moves. No drawing here (``backlog_paint``) and no cursor (``backlog_table``).

Sorting happens once per (column, direction); filtering walks the sorted order with a parsed
query, so one keystroke costs at most a single pass over the items, reading what the terms need
(haystacks, inherited owners) from an index made once per board version. The last few filters'
results are kept: a filter met again (a backspace) costs nothing, and one that provably narrows a
kept one (``core.filter_narrow``: a word typed on) is tried on that result only. When the board has parent links and
the backlog is not grouped, the rows are the tree (``core.tree``): each item under its parent,
siblings in the sort order, the children of a folded parent left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import compress
from operator import is_not
from typing import TYPE_CHECKING

from readiness_tui.core.analysis.tree import Hierarchy
from readiness_tui.core.filters.filtering import Facts, Query, parse
from readiness_tui.core.model.board import Item
from readiness_tui.ui.widgets.backlog_cells import (
    GROUP_FIELDS,
    GROUPINGS,
    PRIORITY_RANK,
    SORT_FIELDS,
    SORTABLE,
    STATUS_RANK,
    GroupRow,
    gate_text,
    natural_key,
)

if TYPE_CHECKING:
    from readiness_tui.core.filters.match import ItemIndex
    from readiness_tui.core.filters.syntax import Node

Row = Item | GroupRow

#: How many filters' results are kept (the words of a query typed or backspaced over).
KEPT_RESULTS = 24


class RowModel:
    """Items, facts and the view settings in; ``rows`` (and each row's tree depth) out."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.facts = Facts()
        self.gate_status: dict[str, str] = {}
        self.dependents: dict[str, int] = {}
        self.open_deps: Callable[[str], int] = lambda _id: 0
        self.today: dt.date = dt.date.today()
        self.query: Query = parse("")
        self.sort_key: str | None = None
        self.sort_reverse = False
        self.grouping: str | None = None
        self.group_titles: dict[str, dict[str, str]] = {}
        #: Parents whose children are hidden; kept across boards and reloads (ids, not rows).
        self.folded: set[str] = set()
        self.rows: list[Row] = []
        #: Item id -> depth in the tree (only items below a parent; absent: 0).
        self.depth: dict[str, int] = {}
        self.shown = 0
        self._order_cache: dict[tuple, list[Item]] = {}
        #: Per-item values the filter reads; made when a filter is first applied to these items.
        self._index: ItemIndex | None = None
        #: Recent filters' results over ``_results_of`` (the sorted order they were taken from).
        self._results: dict[Node, list[Item]] = {}
        self._results_of: list[Item] | None = None
        #: Item id -> row, built when an edit under a filter needs it (reset by ``build``).
        self._row_pos: dict[str, int] | None = None
        #: The current item of an id (set by the pane; used by ``items_changed`` under a filter).
        self.item_lookup: Callable[[str], Item | None] = lambda _id: None

    @property
    def tree(self) -> Hierarchy | None:
        return self.facts.tree

    @property
    def tree_shown(self) -> bool:
        """Whether the rows are the parent/child tree (a board with parents, not grouped)."""
        return self.grouping is None and self.tree is not None and bool(self.tree.parent)

    # ------------------------------------------------------------------ data
    def set_data(
        self,
        items: list[Item],
        facts: Facts,
        open_deps: Callable[[str], int],
        today: dt.date,
        group_titles: dict[str, dict[str, str]] | None,
        dependents: dict[str, int] | None,
    ) -> None:
        self.items = items
        self.facts = facts
        self.open_deps = open_deps
        self.today = today
        self.group_titles = group_titles or {}
        if dependents is None:
            dependents = {}
            for it in items:
                for d in it.depends_on:
                    dependents[d] = dependents.get(d, 0) + 1
        self.dependents = dependents
        self._order_cache.clear()
        self._index = None
        self._results.clear()

    def adopt(self, items: list[Item], edited: set[str]) -> bool:
        """Show ``items`` (a reloaded board's list) instead of ``self.items`` when they are the same
        rows but for the ``edited`` ids; False, changing nothing, when they are not. The edited rows
        are then swapped in by ``items_changed``, as after an edit."""
        old = self.items
        if len(old) != len(items):
            return False
        # The rows that are new objects, found by a loop in C (a Python loop costs more on every
        # reload): each must be an edited id, in the same place.
        for n in compress(range(len(old)), map(is_not, old, items)):
            if old[n].id != items[n].id or old[n].id not in edited:
                return False
        self.items = items
        for spec in [s for s in self._order_cache if s[0] is None]:
            del self._order_cache[spec]  # board order was the old list itself
        self._index = None
        self._results.clear()
        return True

    def gates_changed(self, status: dict[str, str]) -> None:
        self.gate_status = status
        for spec in [s for s in self._order_cache if s[0] == "gate"]:
            del self._order_cache[spec]

    def set_query(self, query: Query) -> None:
        """Filter by ``query``. A query with no term lets go of what filtering kept (the per-item
        index, the recent results): the next filter typed makes them again, as it does after any
        change of the board, instead of their being held for the rest of the session."""
        self.query = query
        if query.node is None:
            self._index = None
            self._results.clear()
            self._results_of = None

    def owner(self, it: Item) -> str:
        tree = self.tree
        return tree.owner(it.id) if tree is not None else it.owner

    # ------------------------------------------------------------------ order
    def _sorted(self) -> list[Item]:
        spec = (self.sort_key, self.sort_reverse)
        cached = self._order_cache.get(spec)
        if cached is not None:
            return cached
        items = self.items
        if self.sort_key is not None:
            items = sorted(items, key=self._sort_fn(self.sort_key), reverse=self.sort_reverse)
        self._order_cache[spec] = items
        return items

    def _sort_fn(self, col: str) -> Callable[[Item], tuple]:
        far = dt.date.max
        if col == "id":
            return lambda it: natural_key(it.id)
        if col == "title":
            return lambda it: (it.title.lower(),)
        if col == "status":
            return lambda it: (STATUS_RANK.get(it.status, 9),)
        if col == "priority":
            return lambda it: (PRIORITY_RANK.get(it.priority or "", 9), -(it.total_score or 0))
        if col == "owner":
            return lambda it: (self.owner(it) == "", self.owner(it).lower())
        if col == "target":
            return lambda it: (it.due or far,)
        if col == "estimate":
            return lambda it: (it.estimate_days is None, it.estimate_days or 0.0)
        if col == "deps":
            return lambda it: (self.open_deps(it.id), len(it.depends_on))
        if col == "dependents":
            return lambda it: (self.dependents.get(it.id, 0),)
        if col == "gate":
            return lambda it: (gate_text(it, self.gate_status),)
        return lambda it: ()

    def _filtered(self) -> list[Item]:
        items = self._sorted()
        node = self.query.node
        if node is None:
            return items
        kept = self._results
        if self._results_of is not items:  # another order, or the items changed
            kept.clear()
            self._results_of = items
        got = kept.pop(node, None)
        if got is None:
            # The matching is imported with the first filter: an unfiltered first frame needs none.
            from readiness_tui.core.filters.match import select
            from readiness_tui.core.filters.narrow import narrows

            base = items
            for old, res in kept.items():  # the smallest kept result this filter narrows
                if len(res) < len(base) and narrows(old, node):
                    base = res
            got = select(node, base, self.facts, self._idx())
        kept[node] = got  # the newest last; the oldest goes first
        while len(kept) > KEPT_RESULTS:
            del kept[next(iter(kept))]
        return got

    def _idx(self) -> ItemIndex:
        if self._index is None:
            from readiness_tui.core.filters.match import ItemIndex

            self._index = ItemIndex(self.items, self.facts)
        return self._index

    def group_of(self, it: Item) -> str:
        g = self.grouping
        if g in ("phase", "priority"):  # inherited from the parent chain, as the filter reads it
            tree = self.tree
            return tree.value(it.id, g) if tree is not None else getattr(it, g) or ""
        if g == "owner":
            return self.owner(it)
        if g == "workstream":
            tree = self.tree
            return tree.workstream(it.id) if tree is not None else it.workstream
        return ""

    def build(self) -> list[Row]:
        items = self._filtered()
        self.shown = len(items)
        self.depth = {}
        self._row_pos = None
        if self.grouping is None:
            tree = self.tree
            if tree is not None and tree.parent:
                shown, self.depth = tree.rows(items, self.folded)
                rows: list[Row] = list(shown)
            else:
                rows = list(items)
            self.rows = rows
            return rows
        groups: dict[str, list[Item]] = {}
        for it in items:
            groups.setdefault(self.group_of(it), []).append(it)
        keys = list(groups)
        if self.grouping == "priority":
            keys.sort(key=lambda k: PRIORITY_RANK.get(k, 9))
        elif self.grouping == "phase":
            order = {p: n for n, p in enumerate(self.group_titles.get("phase", {}))}
            keys.sort(key=lambda k: (k == "", order.get(k, len(order)), natural_key(k)))
        else:
            keys.sort(key=lambda k: (k == "", k.lower()))
        rows = []
        titles = self.group_titles.get(self.grouping, {})
        for k in keys:
            label = k or f"(no {self.grouping})"
            if titles.get(k):
                label = f"{k} · {titles[k]}"
            rows.append(GroupRow(label, len(groups[k])))
            rows.extend(groups[k])
        self.rows = rows
        return rows

    # ------------------------------------------------------------------ sorting and grouping
    def sort_by(self, key: str | None, reverse: bool | None = None) -> None:
        """Sort by ``key`` (None: board order); the same key again without ``reverse`` flips it."""
        if key == self.sort_key and reverse is None:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key = key
            self.sort_reverse = bool(reverse)

    def sort_next(self) -> None:
        keys: list[str | None] = [None, *SORTABLE]
        n = keys.index(self.sort_key) if self.sort_key in keys else 0
        self.sort_key = keys[(n + 1) % len(keys)]
        self.sort_reverse = False

    def sort_reverse_or_by_priority(self) -> None:
        if self.sort_key is None:
            self.sort_key = "priority"
        else:
            self.sort_reverse = not self.sort_reverse

    def next_grouping(self) -> str | None:
        return GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]

    # ------------------------------------------------------------------ folding
    def fold(self, item_id: str, fold: bool | None = None) -> bool | None:
        """Fold (True), unfold (False) or toggle (None) a parent of the tree: whether that changed
        anything (None: not a parent in the tree shown)."""
        tree = self.tree
        if tree is None or not self.tree_shown or not tree.has_children(item_id):
            return None
        now = (item_id not in self.folded) if fold is None else fold
        if now == (item_id in self.folded):
            return False
        if now:
            self.folded.add(item_id)
        else:
            self.folded.discard(item_id)
        return True

    def fold_all(self) -> bool:
        """Unfold every parent when any is folded, else fold them all; False: no tree shown."""
        tree = self.tree
        if tree is None or not self.tree_shown:
            return False
        if self.folded:
            self.folded.clear()
        else:
            self.folded.update(tree.children)
        return True

    def parent_of(self, item_id: str) -> str | None:
        tree = self.tree
        return tree.parent.get(item_id) if tree is not None and self.tree_shown else None

    def shown_ancestor(self, item_id: str) -> int:
        """The row of the nearest ancestor of ``item_id`` that is shown (-1: none)."""
        tree = self.tree
        if tree is None or not self.tree_shown:
            return -1
        ups = tree.ancestors(item_id)
        if not ups:
            return -1
        pos = {r.id: n for n, r in enumerate(self.rows) if type(r) is not GroupRow}  # type: ignore[union-attr]
        return next((pos[a] for a in ups if a in pos), -1)

    # ------------------------------------------------------------------ edits
    def items_changed(
        self, replaced: list[tuple[Item, Item]], affected: set[str], fields: set[str], cursor: int
    ) -> bool:
        """Take edited items (``replaced``: old and new objects) into the cached orders and the
        rows; True when the edit can move a row (then ``build`` again)."""
        sort_moves = self.sort_key is not None and bool(SORT_FIELDS.get(self.sort_key, frozenset({"*"})) & fields)
        if not sort_moves and self.sort_key == "deps" and affected - {new.id for _old, new in replaced}:
            sort_moves = True  # a dependency closed or reopened: other items' open counts moved
        plain = self.query.is_empty and self.grouping is None and not self.tree_shown
        for spec in list(self._order_cache):
            key = spec[0]
            if key is None:
                continue  # board order is ``self.items`` itself, already up to date
            if (
                key == self.sort_key
                and sort_moves
                or key != self.sort_key
                and (SORT_FIELDS.get(key, frozenset({"*"})) & fields or key == "deps")
            ):
                del self._order_cache[spec]
                continue
            for old, new in replaced:
                _swap(self._order_cache[spec], old, new, cursor if plain else -1)
        # Facts, owners and the orders may have moved: no kept result holds for sure.
        self._results.clear()
        if self._index is not None:
            self._index.replaced([new for _old, new in replaced])
        moves = sort_moves or (self.grouping is not None and GROUP_FIELDS.get(self.grouping, "*") in fields)
        if not moves and not self.query.is_empty:
            moves = self._membership_changed(affected)
        if not moves:
            for old, new in replaced:
                _swap(self.rows, old, new, cursor)
        return moves

    def _membership_changed(self, ids: set[str]) -> bool:
        """Whether the filter now lets through a different subset of ``ids`` than the rows show."""
        if self._row_pos is None:
            self._row_pos = {r.id: n for n, r in enumerate(self.rows) if type(r) is not GroupRow}  # type: ignore[union-attr]
        shown = self._row_pos
        node = self.query.node
        if node is None:
            return False
        from readiness_tui.core.filters.match import predicate

        keep = predicate(node, self.facts, self._idx())
        for iid in ids:
            it = self.item_lookup(iid)
            if it is None:
                continue
            if keep(it) != (iid in shown):
                return True
        return False

    def describe(self) -> str:
        parts = [f"{self.shown} of {len(self.items)} items"]
        if self.sort_key:
            parts.append(f"sorted by {self.sort_key} {'↓' if self.sort_reverse else '↑'}")
        if self.grouping:
            parts.append(f"grouped by {self.grouping}")
        elif self.tree_shown:
            parts.append(f"tree, {len(self.folded)} folded" if self.folded else "tree")
        return " · ".join(parts)


def _swap(seq: list, old: object, new: object, hint: int = -1) -> None:
    """Replace the object ``old`` (by identity) with ``new`` in ``seq``; ``hint``: its likely index."""
    if 0 <= hint < len(seq) and seq[hint] is old:
        seq[hint] = new
        return
    for n, x in enumerate(seq):
        if x is old:
            seq[n] = new
            return


def same_rows(old: list[Row], new: list[Row]) -> bool:
    """Whether ``new`` shows what ``old`` does: the same item objects and headings, in order."""
    return len(old) == len(new) and all(a is b or (type(a) is GroupRow and a == b) for a, b in zip(old, new))
