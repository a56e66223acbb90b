"""The backlog's filter language: what each term means for an item (the grammar is in
``core.filter_syntax``, the matching in ``core.filter_match``, and when one filter's matches
are within another's in ``core.filter_narrow``). Plain Python, no Textual: the app,
``readiness list -f`` and the agent tools read the same rules.

- a plain word matches the item's id, title, owner, workstream, kind, tags, description, notes
  and acceptance (case-insensitive, substring); ``"quoted words"`` keep their spaces;
- ``field:value`` matches one field, a value may list alternatives: ``p:P0,P1``. ``owner:@ana``
  is the owner, inherited from the parent when the item has none (``core.tree``), not the
  contributors (``contributor:@ana``); ``ws:`` is the workstream, inherited the same way;
  ``status:`` takes aliases (``wip``); ``parent:S1`` is everything under S1; ``view:NAME`` is a
  named view;
- ``score``, ``estimate``, ``target`` and ``due`` compare: ``score>=15``, ``estimate<3``,
  ``target<2026-W10`` (targeted before that week), ``due<=2026-03-01``; a week is the span of
  its days, so ``target=2026-W10`` holds every date of that week;
- the flags ``ready``, ``waiting``, ``blocked``, ``overdue``, ``open``, ``closed``, ``gate``,
  ``parent`` (has children), ``child`` (has a parent) are what the analysis says;
- words side by side are ANDed; ``OR``, ``NOT`` / ``-`` / ``!`` and parentheses combine them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from readiness_tui.core.analysis.tree import INHERITED, Hierarchy, tree_of
from readiness_tui.core.filters.values import FLAGS, FilterError, Vocabulary
from readiness_tui.core.filters.views import views_for
from readiness_tui.core.model.board import Board, Item

if TYPE_CHECKING:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.filters.syntax import Node

# The grammar (``syntax``) and the matching (``match``) are imported where a filter is read or
# applied: an app showing an unfiltered board (its first frame) needs neither.

__all__ = [
    "FLAGS",
    "Facts",
    "FilterError",
    "Query",
    "Vocabulary",
    "board_query",
    "filter_help",
    "parse",
    "vocabulary",
]


@dataclass
class Facts:
    """What the filter needs to know beyond an item's own fields (from the analysis)."""

    ready: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)
    overdue: set[str] = field(default_factory=set)
    waiting: set[str] = field(default_factory=set)
    #: Parents and children, for inherited owners and workstreams (None: no inheritance).
    tree: Hierarchy | None = None

    @classmethod
    def of(cls, analysis: Analysis) -> Facts:
        return cls(
            set(analysis.ready),
            set(analysis.blocked),
            set(analysis.overdue),
            set(analysis.waiting),
            tree_of(analysis),
        )


@dataclass(frozen=True)
class Query:
    node: Node | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self.node is None

    def __str__(self) -> str:
        from readiness_tui.core.filters.syntax import unparse

        return unparse(self.node)

    def matches(self, item: Item, facts: Facts) -> bool:
        if self.node is None:
            return True
        from readiness_tui.core.filters.match import Lookups, predicate

        return predicate(self.node, facts, Lookups(facts))(item)

    def filter(self, items: Iterable[Item], facts: Facts) -> list[Item]:
        if self.node is None:
            return list(items)
        from readiness_tui.core.filters.match import Lookups, select

        return select(self.node, list(items), facts, Lookups(facts))


def parse(text: str, vocab: Vocabulary | None = None) -> Query:
    """A filter; raises ``FilterError`` (column and hint) on a mistake."""
    if not text.strip():  # no term: the grammar reads none either
        return Query(None, text)
    from readiness_tui.core.filters.syntax import parse_tree

    return Query(parse_tree(text, vocab), text)


def board_query(
    text: str, board: Board, tree: Hierarchy | None = None, settings_views: Mapping[str, str] | None = None
) -> Query:
    """``parse`` with the board's values and named views (``core.views``) to check against."""
    if not text.strip():
        return parse(text)  # no term to check: the board's values are not gathered
    return parse(text, vocabulary(board, views_for(board, settings_views), tree))


def vocabulary(board: Board, views: Mapping[str, str] | None = None, tree: Hierarchy | None = None) -> Vocabulary:
    """What ``board`` has, for checking a filter's values; ``views`` are the named views
    (``core.views.views_for``)."""
    tree = tree or Hierarchy(board.items)
    items = board.items
    return Vocabulary(
        phases=frozenset(p.id.lower() for p in board.phases) | {it.phase.lower() for it in items if it.phase},
        milestones=frozenset(m.id.lower() for m in board.milestones)
        | {it.milestone.lower() for it in items if it.milestone},
        owners=frozenset(o.lower().lstrip("@") for o in (tree.owner(it.id) for it in items) if o),
        kinds=frozenset(it.kind.lower() for it in items),
        workstreams=frozenset(w.lower() for w in (tree.workstream(it.id) for it in items) if w),
        tags=frozenset(t.lower() for it in items for t in it.tags),
        ids=frozenset(it.id.lower() for it in items),
        views=dict(views or {}),
    )


def filter_help() -> str:
    """What the filter does, in a paragraph, made from the definitions the parser and the matcher
    use (``TEXT_FIELDS``, ``FIELDS``, ``COMPARABLE``, ``FLAGS``, ``core.tree.INHERITED``): the app's
    help cannot drift from them."""
    from readiness_tui.core.filters.match import TEXT_FIELDS
    from readiness_tui.core.filters.syntax import COMPARABLE, FIELDS, OPS

    names: dict[str, list[str]] = {}
    for alias, canon in FIELDS.items():
        names.setdefault(canon, []).append(alias)
    fields = " ".join(
        f"{canon}:" + (f" ({', '.join(a + ':' for a in aliases if a != canon)})" if len(aliases) > 1 else "")
        for canon, aliases in names.items()
        if canon not in COMPARABLE or canon == "target"
    )
    inherited = list(INHERITED)
    return (
        f"A word matches {', '.join(TEXT_FIELDS[:-1])} or {TEXT_FIELDS[-1]} (any case, any part); "
        '"quoted words" keep their spaces. '
        f"Fields: {fields}; @ana is owner:ana; commas list alternatives (p:P0,P1); "
        f"{', '.join(inherited[:-1])} and {inherited[-1]} are inherited from the parent when the item has none. "
        f"Compare ({' '.join(OPS)}): {', '.join(COMPARABLE)}, e.g. score>=15 target<2026-W10. "
        f"Flags: {' '.join(FLAGS)}. "
        "Side by side (or AND) both must match; a OR b either; NOT a, -a or !a negates; ( ) groups; "
        'AND binds tighter than OR; quote "or" to search for the word. view:NAME is a named view.'
    )
