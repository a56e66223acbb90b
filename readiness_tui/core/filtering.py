"""The backlog's filter language: plain Python, no Textual, so it is unit-tested on its own.

A query is words separated by spaces (``"quoted words"`` keep their spaces):

- a plain word matches the item's id, title, owner, workstream, tags (case-insensitive, substring);
- ``field:value`` matches one field: ``owner:@ana`` (``@`` optional), ``status:blocked`` (aliases
  such as ``wip`` or ``done`` work), ``p:P0`` / ``priority:0``, ``phase:A``, ``kind:ticket``,
  ``ws:`` / ``workstream:``, ``tag:``, ``milestone:``, ``id:``, ``target:2026-W09`` (prefix);
  a value may list alternatives with commas: ``p:P0,P1``;
- the flags ``ready``, ``waiting``, ``blocked``, ``overdue``, ``open``, ``closed``, ``gate`` select
  what the analysis says: ``blocked`` is status blocked, ``waiting`` is held up by an open (or
  unknown) dependency, the two words of ``core.analysis``;
- ``-word`` or ``!word`` negates any of the above.

Words are ANDed. ``parse`` raises nothing: a field it does not know is treated as text, so typing
never produces an error mid-word.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import STATUSES, Item, normalize_status

if TYPE_CHECKING:
    from .analysis import Analysis

FLAGS = ("ready", "waiting", "blocked", "overdue", "open", "closed", "gate")

#: Field names and their aliases -> canonical field.
FIELDS: dict[str, str] = {
    "owner": "owner",
    "o": "owner",
    "who": "owner",
    "@": "owner",
    "status": "status",
    "s": "status",
    "st": "status",
    "priority": "priority",
    "p": "priority",
    "prio": "priority",
    "phase": "phase",
    "ph": "phase",
    "kind": "kind",
    "k": "kind",
    "type": "kind",
    "workstream": "workstream",
    "ws": "workstream",
    "stream": "workstream",
    "tag": "tag",
    "tags": "tag",
    "t": "tag",
    "milestone": "milestone",
    "ms": "milestone",
    "id": "id",
    "target": "target",
    "due": "target",
}


@dataclass(frozen=True)
class Term:
    kind: str  # "text" | "field" | "flag"
    value: str
    field: str = ""
    negate: bool = False
    alternatives: tuple[str, ...] = ()


@dataclass
class Facts:
    """What the filter needs to know beyond an item's own fields (from the analysis)."""

    ready: set[str] = field(default_factory=set)
    blocked: set[str] = field(default_factory=set)
    overdue: set[str] = field(default_factory=set)
    waiting: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, analysis: Analysis) -> Facts:
        return cls(set(analysis.ready), set(analysis.blocked), set(analysis.overdue), set(analysis.waiting))


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = ()
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def matches(self, item: Item, facts: Facts, haystack: str | None = None) -> bool:
        for term in self.terms:
            if _match(term, item, facts, haystack) == term.negate:
                return False
        return True

    def filter(self, items: Iterable[Item], facts: Facts, haystacks: dict[str, str] | None = None) -> list[Item]:
        if self.is_empty:
            return list(items)
        hs = haystacks or {}
        return [it for it in items if self.matches(it, facts, hs.get(it.id))]


def _split(text: str) -> list[str]:
    try:
        return shlex.split(text)
    except ValueError:  # an unclosed quote while typing
        return text.replace('"', " ").replace("'", " ").split()


def parse(text: str) -> Query:
    terms: list[Term] = []
    for word in _split(text):
        negate = False
        while word[:1] in ("-", "!") and len(word) > 1:
            negate = not negate
            word = word[1:]
        if not word or word in ("-", "!"):
            continue
        low = word.lower()
        if low in FLAGS:
            terms.append(Term("flag", low, negate=negate))
            continue
        if low.startswith("@") and len(low) > 1:
            terms.append(Term("field", low[1:], "owner", negate, (low[1:],)))
            continue
        if ":" in low:
            name, _, value = low.partition(":")
            canon = FIELDS.get(name)
            if canon is not None:
                alts = tuple(_norm_value(canon, v) for v in value.split(",") if v)
                if not alts:
                    continue  # "owner:" while typing: no constraint yet
                terms.append(Term("field", value, canon, negate, alts))
                continue
        terms.append(Term("text", low, negate=negate))
    return Query(tuple(terms), text)


def _norm_value(field_name: str, value: str) -> str:
    value = value.strip().lower()
    if field_name == "owner":
        return value.lstrip("@")
    if field_name == "priority":
        v = value.upper()
        return ("P" + v if v.isdigit() else v).lower()
    if field_name == "status":
        try:
            return normalize_status(value)
        except ValueError:
            # A prefix while typing ("in_pr") or an unknown word: match statuses starting with it.
            return value
    return value


def haystack(item: Item) -> str:
    """The lower-cased text plain words search in."""
    return " ".join((item.id, item.title, item.owner, item.workstream, item.kind, " ".join(item.tags))).lower()


def _match(term: Term, item: Item, facts: Facts, hay: str | None) -> bool:
    if term.kind == "text":
        return term.value in (hay if hay is not None else haystack(item))
    if term.kind == "flag":
        v = term.value
        if v == "ready":
            return item.id in facts.ready
        if v == "blocked":
            return item.id in facts.blocked
        if v == "waiting":
            return item.id in facts.waiting
        if v == "overdue":
            return item.id in facts.overdue
        if v == "open":
            return not item.is_closed
        if v == "closed":
            return item.is_closed
        if v == "gate":
            return item.gate is not None and not item.gate.is_empty
        return False
    return any(_field_match(term.field, alt, item) for alt in term.alternatives)


def _field_match(name: str, value: str, item: Item) -> bool:
    if name == "owner":
        owner = item.owner.lower().lstrip("@")
        return owner.startswith(value) or any(c.lower().lstrip("@").startswith(value) for c in item.contributors)
    if name == "status":
        if value in STATUSES:
            return item.status == value
        return item.status.startswith(value)
    if name == "priority":
        return (item.priority or "").lower() == value
    if name == "phase":
        return (item.phase or "").lower() == value
    if name == "kind":
        return item.kind.lower().startswith(value)
    if name == "workstream":
        return item.workstream.lower().startswith(value)
    if name == "tag":
        return any(t.lower() == value for t in item.tags)
    if name == "milestone":
        return (item.milestone or "").lower() == value
    if name == "id":
        return item.id.lower().startswith(value)
    if name == "target":
        return (item.target or "").lower().startswith(value)
    return False


def predicate(text: str, facts: Facts) -> Callable[[Item], bool]:
    q = parse(text)
    return lambda it: q.matches(it, facts)
