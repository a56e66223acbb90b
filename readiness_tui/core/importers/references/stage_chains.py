"""An order of stages drawn as one chain, each stage named in words with its items in parentheses::

    Migrations (T51→T52) → Backend Permission Helper (T53)
    → Backend New Endpoints (T54→T55) → Frontend New Sections (T59→T61)

The chain may run over several lines (a line opening with the arrow goes on from the one above). Each stage's first
items wait on the stage before it; inside the parentheses an arrow is an order too, and between two ids of one
numbering (``T59→T61``) it runs through the items between them, as the stage's name for a stretch of work does;
``T51 + T52`` are items side by side. Read only when every stage names items of the plan, and there are three or
more: a lone ``A (x) → B (y)`` is a line for ``drawings`` to read.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.references.ids import expand_range
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.sections.patterns import ARROW_RE

#: An edge of the chain: the items that wait, the items they wait on.
Edge = tuple[list[str], list[str]]

#: A stage: its words, then its items in one pair of parentheses, nothing after.
_STAGE = re.compile(r"^[^()]*\((?P<ids>[^()]+)\)\s*$")


def stage_chain(b: Builder, text: str) -> list[Edge]:
    """The edges the chain in ``text`` draws; none when ``text`` is no such chain (see the module doc)."""
    joined = " ".join(ln.strip() for ln in text.splitlines() if ln.strip())
    stages = [s for s in _outside_parens(joined) if s.strip()]
    if len(stages) < 3:
        return []
    runs: list[list[list[str]]] = []  # per stage: its steps in order, each step the items side by side
    for stage in stages:
        m = _STAGE.match(stage.strip())
        steps = [_step(b, s) for s in ARROW_RE.split(m.group("ids"))] if m else []
        if not steps or not all(steps):
            return []
        runs.append(_through(b, steps))
    return chain_edges(runs)


def chain_edges(runs: list[list[list[str]]]) -> list[Edge]:
    """The edges of stages in order, each stage its steps in order (a step: items side by side): a stage's first
    step waits on the last step of the stage before it, and each step on the step before it in its stage."""
    edges: list[Edge] = []
    for before, run in zip(runs, runs[1:]):
        edges.append((run[0], before[-1]))
    for run in runs:
        edges += [(then, first) for first, then in zip(run, run[1:])]
    return edges


def _outside_parens(text: str) -> list[str]:
    """``text`` cut at the arrows that stand outside parentheses."""
    parts, depth, start = [], 0, 0
    for m in re.finditer(r"[()]|" + ARROW_RE.pattern, text):
        if m.group() == "(":
            depth += 1
        elif m.group() == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    return [*parts, text[start:]]


def _step(b: Builder, text: str) -> list[str]:
    """The items one step names (``T51``, ``T51 + T52``), every one an item of the plan; else none."""
    refs = parse_refs(text.replace("+", ","))
    return refs.ids if refs.ids and not refs.rest.strip(" ,") and all(i in b.items for i in refs.ids) else []


def _through(b: Builder, steps: list[list[str]]) -> list[list[str]]:
    """Steps with the items between two single ids of one numbering put in (``T59 → T61``: T59, T60, T61)."""
    out = [steps[0]]
    for step in steps[1:]:
        last, first = out[-1], step
        if len(last) == 1 and len(first) == 1:
            between = expand_range(last[0], first[0]) or []
            out += [[i] for i in between[1:-1] if i in b.items]
        out.append(step)
    return out
