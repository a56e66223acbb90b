"""What the backlog shows about each item beside its fields (ready, waiting, blocked, overdue, open
dependencies, dependents, the tree's roll-ups), and how an edit of a few items updates it.

``build`` takes one pass over the analysis (the one rule, ``core.analysis``). ``follow`` takes an
edit's (or an outside change's) item changes: facts are recomputed for the edited items, for the
items that depend on an edited item whose status closed or reopened, and for the dependencies an
edit added or removed, so that a status edit on a 10,000-item board costs no pass over the board.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from readiness_tui.core.analysis.analyze import Analysis, is_overdue, item_state
from readiness_tui.core.analysis.tree import Hierarchy, tree_of
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.filters.filtering import Facts
from readiness_tui.core.model.board import CLOSED, Item


class BacklogFacts:
    """The facts of the board the backlog shows, kept up to date by ``follow``."""

    def __init__(self) -> None:
        self.items: dict[str, Item] = {}
        self.facts = Facts()
        self.n_open: dict[str, int] = {}
        self.dependents: dict[str, int] = {}
        self.today: dt.date | None = None
        self._items_owned = False
        self._tree_owned = False
        self._rdeps: dict[str, list[str]] | None = None
        self._stuck: set[str] = set()

    def build(self, analysis: Analysis) -> None:
        """One pass over the analysis' answers."""
        items = analysis.items
        self._stuck = set(analysis.stuck)
        n_open = dict(analysis.open_dep_counts)  # this copy follows edits (``_refact``)
        dependents = dict(Counter(d for it in items.values() for d in it.depends_on))
        self.facts = Facts(
            ready=set(analysis.ready),
            blocked=set(analysis.blocked),
            overdue=set(analysis.overdue),
            waiting=set(analysis.waiting),
            tree=tree_of(analysis),
        )
        self.items, self._items_owned, self._tree_owned = items, False, False
        self.n_open, self.dependents, self._rdeps = n_open, dependents, None
        self.today = analysis.today

    def edited(self, store: BoardStore, changes: Iterable[object]) -> dict[str, Item] | None:
        """The edited items of ``changes`` as ``store`` has them now; None when the changes are not
        ones ``follow`` can take (items added, removed, renamed or moved in the tree, another
        record, another day)."""
        board = store.board
        if self.today is None or len(board.items) != len(self.items) or board.today() != self.today:
            return None
        edited: dict[str, Item] = {}
        for c in changes:
            item, name = getattr(c, "item", ""), getattr(c, "field", "*")
            if getattr(c, "kind", "") != "items" or name in ("*", "id", "parent") or item not in self.items:
                return None
            if not store.has_item(item):
                return None
            edited[item] = store.item(item)
        return edited or None

    def follow(self, edited: dict[str, Item], changes: list) -> tuple[list[tuple[Item, Item]], set[str], set[str]]:
        """Take ``edited`` (from ``edited``): (old and new items, the ids whose facts or roll-ups
        may have changed, the top-level fields that changed)."""
        fields = {c.field.split(".", 1)[0] for c in changes}
        if not self._items_owned:
            self.items = dict(self.items)  # the analysis' own map stays as it was
            self._items_owned = True
        items = self.items
        replaced = [(items[i], new) for i, new in edited.items()]
        for i, new in edited.items():
            items[i] = new
        affected: set[str] = set(edited)
        self._follow_tree(replaced, fields, affected)
        for c in changes:
            if c.field == "status" and ((c.old in CLOSED) != (c.new in CLOSED)):
                affected.update(self._reverse_deps().get(c.item, ()))
            elif c.field == "depends_on":
                self._move_edges(c.item, Counter(c.old or []), Counter(c.new or []), affected)
        for iid in affected:
            self._refact(iid)
        return replaced, affected, fields

    def _move_edges(self, item: str, old_deps: Counter[str], new_deps: Counter[str], affected: set[str]) -> None:
        for d in old_deps | new_deps:
            delta = new_deps[d] - old_deps[d]
            if delta:
                n = self.dependents.get(d, 0) + delta
                if n > 0:
                    self.dependents[d] = n
                else:
                    self.dependents.pop(d, None)
                affected.add(d)
        rdeps = self._rdeps
        if rdeps is not None:  # built before this edit: move the item's edges
            for d in old_deps:
                if d not in new_deps and d in rdeps:
                    rdeps[d] = [x for x in rdeps[d] if x != item]
            for d in new_deps:
                if d not in old_deps:
                    rdeps.setdefault(d, []).append(item)

    def _follow_tree(self, replaced: list[tuple[Item, Item]], fields: set[str], affected: set[str]) -> None:
        """Keep the facts' hierarchy (its own copy, never the analysis') in step with an edit: one
        that moves items or changes what children inherit builds it again (one pass); any other
        (a leaf's title or owner too) counts its ancestors' roll-ups again, and their rows are
        repainted."""
        facts = self.facts
        if facts.tree is None:
            return
        if any(facts.tree.reshapes(old.id, fields) for old, _new in replaced):
            facts.tree = Hierarchy(self.items.values())
            self._tree_owned = True
            affected.update(facts.tree.items)  # inherited owners and roll-ups may move anywhere
            return
        if not self._tree_owned:  # the analysis' tree stays as it was
            facts.tree = facts.tree.copy()
            self._tree_owned = True
        for _old, new in replaced:
            facts.tree.replace(new)
            affected.update(facts.tree.ancestors(new.id))

    def _reverse_deps(self) -> dict[str, list[str]]:
        """Item -> the items that depend on it (built at the first edit that needs it)."""
        if self._rdeps is None:
            rdeps: dict[str, list[str]] = {}
            for it in self.items.values():
                for d in it.depends_on:
                    rdeps.setdefault(d, []).append(it.id)
            self._rdeps = rdeps
        return self._rdeps

    def _refact(self, iid: str) -> None:
        """The facts of one item, as the full pass of ``build`` computes them."""
        it = self.items.get(iid)
        if it is None:
            return
        facts, n_open, get = self.facts, self.n_open, self.items.get
        for s in (facts.ready, facts.waiting, facts.blocked, facts.overdue):
            s.discard(iid)
        # Unplaced (on or behind a cycle or an unknown id) as of the last full pass; an edit that
        # adds an unknown dependency, or one to an unplaced item, makes this item unplaced too.
        stuck = self._stuck
        if any(d in stuck or get(d) is None for d in it.depends_on):
            stuck.add(iid)
        state = item_state(it, get, iid in stuck)
        if state.open_deps:
            n_open[iid] = state.open_deps
        else:
            n_open.pop(iid, None)
        for flag, target in (
            (state.ready, facts.ready),
            (state.waiting, facts.waiting),
            (state.blocked, facts.blocked),
        ):
            if flag:
                target.add(iid)
        if self.today is not None and is_overdue(it, self.today):
            facts.overdue.add(iid)
