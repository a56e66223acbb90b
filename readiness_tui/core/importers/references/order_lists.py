"""An order of work written as a numbered list that cites the plan's items, under a heading naming an order::

    ## Current execution order
    1. Run T3.4 (strict smoke) to refresh all gate artifacts.
    2. Run T3.2 and T3.3 to confirm strict readiness.
    3. For external submissions, run T4.1 then refresh reports via T4.2 and T4.3.

Each step's items come after the items of the step before it; inside a step, ``then`` (or an arrow) orders it too,
so T4.2 and T4.3 come after T4.1. An order the plan prefers is not a wait it states: the edges are soft dependencies
(ordering only), which leave what is ready as it is. Read once every item is known, only when every step names
items of the plan by id.

An order of the plan's groups, numbered under a heading naming their dependencies or the order they complete in::

    ### Dependency Graph (User Story Completion Order)
    1. Phase 1 (Setup)
    2. Phase 2 (Foundational) — blocks all user stories
    3. US1 (P1) — phase deliverables
    4. Polish

Each step names a group: a phase by its noun and number, a tag the plan's entries carry (``[US1]``), or the words a
phase's title opens with ("Polish" for "Polish & Cross-Cutting Concerns"). Each group's items wait on the items of
the group before it, and a step that "blocks all user stories" makes the items of every later step naming a story
wait on it too. Read only when every step names a group with items, three steps or more.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section, plain
from readiness_tui.core.importers.references.group_members import group_items
from readiness_tui.core.importers.references.refs import ids_in_text, parse_refs
from readiness_tui.core.importers.references.stage_chains import Edge, chain_edges
from readiness_tui.core.importers.sections.patterns import ARROW_RE

#: A heading naming the order the work runs in: "Current execution order", "Order of work", "Sequence",
#: "Reihenfolge", "Orden de ejecución", "Ordre d'exécution", "実行順序", "执行顺序".
_ORDER = re.compile(
    r"\b(?:(?:execution|implementation|work|build|delivery|rollout)\s+order|order\s+of\s+(?:work|execution|"
    r"implementation)|sequence|sequencing|reihenfolge|orden\s+de\s+ejecuci[oó]n|ordre\s+d'ex[ée]cution)\b|順序|顺序",
    re.I,
)
#: What splits a step into an order of its own: "run T4.1 then refresh via T4.2".
_THEN = re.compile(r"\bthen\b|\bafterwards\b|;\s*next\b", re.I)


def names_an_order(sec: Section) -> bool:
    """Whether a heading names the order of the plan's work (see ``_ORDER``)."""
    return sec.heading is not None and bool(_ORDER.search(sec.bare_title))


def order_edges(b: Builder, lst: ListBlock) -> list[Edge]:
    """The waits a numbered list of steps says (see the module doc); none unless every step names known items."""
    if not lst.ordered or len(lst.items) < 2:
        return []
    steps: list[list[list[str]]] = []
    for it in lst.items:
        parts = [_known(b, q) for p in _THEN.split(plain(it.text)) for q in ARROW_RE.split(p)]
        parts = [p for p in parts if p]
        if not parts:
            return []
        steps.append(parts)
    return chain_edges(steps)


#: A heading over an order of the plan's groups: "Dependency Graph", "Story Completion Order", "Phase Dependencies".
_GROUP_ORDER = re.compile(r"\bdependenc(?:y|ies)\b|\bcompletion\s+order\b", re.I)
#: A step's group name: what comes before its aside (``(Setup)``) or its note (``— blocks all``).
_STEP_NAME = re.compile(r"^\s*(?P<name>[^()—–:]+?)\s*(?:[(—–:]|\s-\s|$)")
#: A step saying it holds up every story after it.
_BLOCKS_STORIES = re.compile(r"\bblocks?\s+all\s+(?:user\s+)?stor(?:y|ies)\b", re.I)
#: A step naming a story: its tag (``US2``) or the word.
_STORY = re.compile(r"\bUS-?\d+\b|\bstor(?:y|ies)\b", re.I)


def names_group_order(sec: Section) -> bool:
    """Whether a heading names the dependencies or the completion order of the plan's groups (see the module doc)."""
    return sec.heading is not None and bool(_GROUP_ORDER.search(sec.bare_title))


def group_order_edges(b: Builder, root: Section, lst: ListBlock) -> list[Edge]:
    """The waits a numbered list of the plan's groups says (see the module doc); none unless every step names one."""
    if not lst.ordered or len(lst.items) < 3:
        return []
    groups: list[list[str]] = []
    for it in lst.items:
        text = plain(it.text)
        name = _STEP_NAME.match(text)
        members = _step_items(b, root, name.group("name")) if name else []
        if not members:
            return []
        groups.append(members)
    edges: list[Edge] = [(then, first) for first, then in zip(groups, groups[1:])]
    for n, it in enumerate(lst.items):
        if _BLOCKS_STORIES.search(plain(it.text)):
            edges += [
                (groups[k], groups[n]) for k in range(n + 2, len(groups)) if _STORY.search(plain(lst.items[k].text))
            ]
    return edges


def _step_items(b: Builder, root: Section, name: str) -> list[str]:
    """The items of the group a step names: by a heading (``group_items``), a tag they carry, or the words the title
    of one phase opens with (the phase set on its items)."""
    if found := group_items(b, root, name, ""):
        return found
    if tagged := [i for i, r in b.items.items() if name in (r.values.get("tags") or [])]:
        return tagged
    words = name.casefold()
    if not re.match(r"\w", words):
        return []
    phases = {
        str(r.values.get("id"))
        for r in b.records["phases"]
        if str(r.values.get("title", "")).casefold().startswith(words)
    }
    return [i for i, r in b.items.items() if str(r.values.get("phase")) in phases] if len(phases) == 1 else []


def _known(b: Builder, text: str) -> list[str]:
    """The plan's items ``text`` names by id ("T3.2 and T3.3": any id-shaped word that is one of them)."""
    found = ids_in_text(text) + parse_refs(text).ids
    return [i for i in dict.fromkeys(found) if i in b.items]
