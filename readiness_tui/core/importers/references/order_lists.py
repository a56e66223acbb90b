"""An order of work written as a numbered list that cites the plan's items, under a heading naming an order::

    ## Current execution order
    1. Run T3.4 (strict smoke) to refresh all gate artifacts.
    2. Run T3.2 and T3.3 to confirm strict readiness.
    3. For external submissions, run T4.1 then refresh reports via T4.2 and T4.3.

Each step's items come after the items of the step before it; inside a step, ``then`` (or an arrow) orders it too,
so T4.2 and T4.3 come after T4.1. An order the plan prefers is not a wait it states: the edges are soft dependencies
(ordering only), which leave what is ready as it is. Read once every item is known, only when every step names
items of the plan by id.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section, plain
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


def _known(b: Builder, text: str) -> list[str]:
    """The plan's items ``text`` names by id ("T3.2 and T3.3": any id-shaped word that is one of them)."""
    found = ids_in_text(text) + parse_refs(text).ids
    return [i for i in dict.fromkeys(found) if i in b.items]
