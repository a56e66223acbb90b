"""When one filter's matches are, on any board, among another's: then the new filter need only be
tried on what the old one let through (the app's filter line, as a word is typed on).

``narrows(old, new)`` answers only what follows from the language's rules (``core.filter_match``);
"don't know" is False, and the caller matches every item. What it knows:

- a term narrows itself; every filter narrows the empty one;
- a plain word narrows a part of it (``own`` after ``ow``: the haystack holds both);
- ``field:values`` narrows the same field with values that each start with one of the old values
  for fields matched by their start (``owner:@an`` after ``owner:@a``, ``status:in_pr`` after
  ``status:in``), or are among the old values for the rest (``p:P0`` after ``p:P0,P1``);
- ``a b`` narrows what ``a`` or ``b`` narrows; it is narrowed by what narrows both ``a`` and ``b``;
- ``a OR b`` is narrowed by what narrows ``a`` or ``b``; it narrows what both ``a`` and ``b`` narrow;
- ``NOT b`` narrows ``NOT a`` when ``a`` narrows ``b``; a named view is the filter it names.
"""

from __future__ import annotations

from readiness_tui.core.filters.match import PREFIX_FIELDS
from readiness_tui.core.filters.syntax import And, Field, Node, Not, Or, Text, View
from readiness_tui.core.model.board import STATUSES


def narrows(old: Node | None, new: Node | None) -> bool:
    """Whether every item ``new`` matches is matched by ``old`` (None: the empty filter)."""
    if old is None:
        return True
    if new is None:
        return False
    return _within(new, old)


def _within(new: Node, old: Node) -> bool:
    """Whether ``new``'s matches are among ``old``'s. Each rule holds on its own, so any that
    applies is an answer."""
    if new == old:
        return True
    if isinstance(old, View):
        return _within(new, old.node)
    if isinstance(new, View):
        return _within(new.node, old)
    if isinstance(old, And) and all(_within(new, o) for o in old.nodes):
        return True
    if isinstance(new, And) and any(_within(n, old) for n in new.nodes):
        return True
    if isinstance(old, Or) and any(_within(new, o) for o in old.nodes):
        return True
    if isinstance(new, Or) and new.nodes and all(_within(n, old) for n in new.nodes):
        return True
    if isinstance(new, Not) and isinstance(old, Not):
        return _within(old.node, new.node)
    if isinstance(new, Text) and isinstance(old, Text):
        return old.value in new.value
    if isinstance(new, Field) and isinstance(old, Field) and new.name == old.name:
        return all(any(_value_within(new.name, v, u) for u in old.values) for v in new.values)
    return False


def _value_within(name: str, new: str, old: str) -> bool:
    """Whether what ``name:new`` matches, ``name:old`` matches."""
    if new == old:
        return True
    if name == "status":
        # A whole status matches only itself; a part of one, every status starting with it.
        return old not in STATUSES and new.startswith(old)
    return name in PREFIX_FIELDS and new.startswith(old)
