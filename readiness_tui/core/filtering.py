"""The backlog's filter language: what each term means for an item (the grammar is in
``core.filter_syntax``). Plain Python, no Textual: the app, ``readiness list -f`` and the agent
tools read the same rules.

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

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dates import ISO_WEEK_RE, week_bounds
from .filter_syntax import (
    COMPARABLE,
    FIELDS,
    FLAGS,
    And,
    Compare,
    Field,
    Flag,
    Node,
    Not,
    Or,
    Text,
    View,
    parse_tree,
    unparse,
)
from .filter_values import FilterError, Vocabulary
from .model import STATUSES, Board, Item
from .tree import Hierarchy, tree_of

if TYPE_CHECKING:
    from .analysis import Analysis

__all__ = [
    "COMPARABLE",
    "FIELDS",
    "FLAGS",
    "Facts",
    "FilterError",
    "Query",
    "Vocabulary",
    "board_query",
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

    @property
    def reads_text(self) -> bool:
        """Whether a plain word is in it (then matching reads each item's haystack)."""
        return _has_text(self.node)

    def __str__(self) -> str:
        return unparse(self.node)

    def matches(self, item: Item, facts: Facts, haystack: str | None = None) -> bool:
        return self.node is None or _match(self.node, item, facts, haystack)

    def filter(self, items: Iterable[Item], facts: Facts, haystacks: dict[str, str] | None = None) -> list[Item]:
        if self.node is None:
            return list(items)
        hs = haystacks or {}
        node = self.node
        return [it for it in items if _match(node, it, facts, hs.get(it.id))]


def parse(text: str, vocab: Vocabulary | None = None) -> Query:
    """A filter; raises ``FilterError`` (column and hint) on a mistake."""
    return Query(parse_tree(text, vocab), text)


def board_query(
    text: str, board: Board, tree: Hierarchy | None = None, settings_views: Mapping[str, str] | None = None
) -> Query:
    """``parse`` with the board's values and named views (``core.views``) to check against."""
    from .views import views_for

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


def haystack(item: Item) -> str:
    """The lower-cased text plain words search in."""
    parts = (item.id, item.title, item.owner, item.workstream, item.kind, " ".join(item.tags), item.description)
    return " ".join((*parts, item.notes, " ".join(item.acceptance))).lower()


def _has_text(node: Node | None) -> bool:
    if isinstance(node, Text):
        return True
    if isinstance(node, (Not, View)):
        return _has_text(node.node)
    if isinstance(node, (And, Or)):
        return any(_has_text(n) for n in node.nodes)
    return False


def _match(node: Node, item: Item, facts: Facts, hay: str | None) -> bool:
    if isinstance(node, Text):
        return node.value in (hay if hay is not None else haystack(item))
    if isinstance(node, Flag):
        return _flag(node.name, item, facts)
    if isinstance(node, Field):
        return any(_field(node.name, v, item, facts) for v in node.values)
    if isinstance(node, Compare):
        return _compare(node, item)
    if isinstance(node, Not):
        return not _match(node.node, item, facts, hay)
    if isinstance(node, And):
        return all(_match(n, item, facts, hay) for n in node.nodes)
    if isinstance(node, Or):
        return any(_match(n, item, facts, hay) for n in node.nodes)
    return _match(node.node, item, facts, hay)  # a View


def _flag(name: str, item: Item, facts: Facts) -> bool:
    iid = item.id
    tree = facts.tree
    checks: dict[str, Callable[[], bool]] = {
        "ready": lambda: iid in facts.ready,
        "blocked": lambda: iid in facts.blocked,
        "waiting": lambda: iid in facts.waiting,
        "overdue": lambda: iid in facts.overdue,
        "open": lambda: not item.is_closed,
        "closed": lambda: item.is_closed,
        "gate": lambda: item.gate is not None and not item.gate.is_empty,
        "parent": lambda: tree.has_children(iid) if tree else False,
        "child": lambda: (iid in tree.parent) if tree else item.parent is not None,
    }
    return checks[name]()


def _field(name: str, value: str, item: Item, facts: Facts) -> bool:
    tree = facts.tree
    if name == "owner":
        owner = tree.owner(item.id) if tree is not None else item.owner
        return owner.lower().lstrip("@").startswith(value)
    if name == "contributor":
        return any(c.lower().lstrip("@").startswith(value) for c in item.contributors)
    if name == "workstream":
        ws = tree.workstream(item.id) if tree is not None else item.workstream
        return ws.lower().startswith(value)
    if name == "status":
        return item.status == value if value in STATUSES else item.status.startswith(value)
    if name == "parent":
        up = tree.ancestors(item.id) if tree is not None else [item.parent or ""]
        return any(a.lower() == value for a in up)
    if name == "tag":
        return any(t.lower() == value for t in item.tags)
    own = {
        "priority": item.priority or "",
        "phase": item.phase or "",
        "milestone": item.milestone or "",
        "kind": item.kind,
        "id": item.id,
        "target": item.target or "",
    }[name]
    if name in ("kind", "id", "target"):
        return own.lower().startswith(value)
    return own.lower() == value


def _span(target: str) -> tuple[dt.date, dt.date]:
    if ISO_WEEK_RE.match(target):
        return week_bounds(target)
    day = dt.date.fromisoformat(target)
    return day, day


def _compare(node: Compare, item: Item) -> bool:
    op = node.op
    if node.name in ("score", "estimate"):
        have = item.total_score if node.name == "score" else item.estimate_days
        if have is None:
            return False
        want = float(node.value)
        return {"<": have < want, "<=": have <= want, ">": have > want, ">=": have >= want, "=": have == want}[op]
    if not item.target:
        return False
    lo, hi = _span(item.target)
    vlo, vhi = _span(node.value)
    # Spans: "before W10" is over before W10 starts; "by W10" is over by its end.
    return {"<": hi < vlo, "<=": hi <= vhi, ">": lo > vhi, ">=": lo >= vlo, "=": vlo <= lo and hi <= vhi}[op]
