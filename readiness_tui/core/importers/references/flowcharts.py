"""Mermaid ``flowchart`` / ``graph`` edges between nodes that stand for the plan's items: the later waits.

An edge ``A --> B`` between nodes whose labels open with items' ids (``T31[#31 Export]``), or that are named as items,
makes B wait on A; a node whose label names a group by its heading stands for every item of that group.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Other, Section
from readiness_tui.core.importers.references.drawn_edges import add_edge
from readiness_tui.core.importers.references.group_members import group_items
from readiness_tui.core.importers.references.ids import id_tails
from readiness_tui.core.importers.references.refs import parse_refs

#: A fence opening a Mermaid diagram.
MERMAID_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*mermaid\s*$", re.I)
#: The line a flowchart opens with: ``flowchart LR``, ``graph TD;``.
FLOWCHART = re.compile(r"^\s*(?:flowchart|graph)\b", re.I)
#: A flowchart node with its label: ``T31[#31 Export CSV]``, ``A("T-2: build")``.
_NODE = re.compile(r"\b(?P<node>[A-Za-z_][\w-]*)\s*[\[({]+\"?(?P<label>[^\])}\"]*)")
#: One edge of a flowchart: ``A --> B``, ``A -->|why| B``, ``A -.-> B``, ``A ==> B``.
_EDGE = re.compile(
    r"(?P<a>[A-Za-z_][\w-]*)(?:\s*[\[({][^\])}]*[\])}]+)?\s*(?P<arrow>--+>|-\.+->|==+>)(?:\|[^|]*\|)?\s*(?=(?P<b>[A-Za-z_][\w-]*))"
)
#: A flowchart's arrow, its label aside: the parts of a line between arrows are its nodes.
_ARROW = re.compile(r"\s*(--+>|-\.+->|==+>)(?:\|[^|]*\|)?\s*")


def _joined_nodes(part: str) -> list[str]:
    """The nodes of one side of an edge, joined by ``&`` (``T002 & T003[Priority] & T004``)."""
    nodes = [re.sub(r"\s*[\[({].*$", "", p).strip() for p in part.split("&")]
    return [x for x in nodes if re.fullmatch(r"[A-Za-z_][\w-]*", x)]


def read_flowchart(b: Builder, root: Section, blk: Other) -> None:
    """``flowchart`` / ``graph`` edges between nodes whose labels (or names) are items: the later waits.

    A node whose label names a group by its heading (``P1[Phase 1: Docker]`` over ``### Phase 1``) stands for
    every item of that group; a dotted edge between groups (``-.->``, "can run alongside") is no wait."""
    body = blk.text.strip()
    if not FLOWCHART.match(body):
        return
    items_of: dict[str, list[str]] = {}
    groups: set[str] = set()
    # "A001[A001: Setup Module]" in a plan of TASK-A001 …: a node may name an item by its id's last part.
    tails = id_tails(b.items)

    def item(ref: str) -> str | None:
        return ref if ref in b.items else tails.get(ref)

    for m in _NODE.finditer(body):
        label = m.group("label").strip()
        first = parse_refs(label.split(" ")[0] if label else "").ids
        if first and (found := item(first[0])):
            items_of[m.group("node")] = [found]
            continue
        members = group_items(b, root, label.split(":")[0], "") if label else []
        if members and m.group("node") not in items_of:
            items_of[m.group("node")] = members
            groups.add(m.group("node"))
    for node in set(re.findall(r"\b[A-Za-z_][\w-]*\b", body)):
        if found := item(node):
            items_of.setdefault(node, [found])
    for n, line in enumerate(blk.text.splitlines(), start=blk.line + 1):
        if "&" in line:
            # "T002 & T003 & T004 --> T005 & T006": each node on the right waits on each on the left.
            parts = _ARROW.split(line)
            sides, arrows = parts[0::2], parts[1::2]
            edges = [
                (a, arrow, z)
                for left, arrow, right in zip(sides, arrows, sides[1:], strict=False)
                for a in _joined_nodes(left)
                for z in _joined_nodes(right)
            ]
        else:
            edges = [(m.group("a"), m.group("arrow"), m.group("b")) for m in _EDGE.finditer(line)]
        for a, arrow, z in edges:
            if a in groups and z in groups and arrow.startswith("-."):
                continue
            x, y = items_of.get(z), items_of.get(a)
            if x and y:
                add_edge(b, n, x, y, line.strip(), grouped=a in groups or z in groups)
