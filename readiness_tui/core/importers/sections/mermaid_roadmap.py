"""A roadmap drawn as a Mermaid flowchart: each labelled node is a piece of work, each arrow a wait.

    ## Road map
    ```mermaid
    flowchart LR
        start((Today)) --> a[1. Offline sync of forms]
        a --> c[?Conflict resolution]
        c --> r1([v2.0: Public beta])
    ```

Read only under a heading that names a roadmap (in the plan languages), and only a drawing of four labelled nodes or
more joined by three arrows or more: elsewhere a flowchart draws the system or the order of work listed in full, and
its nodes are no items (``references.drawings`` reads its arrows between items named there). A node labelled with the
plan's own number (``1. Offline sync …``) keeps it as its id where it is free; the others are numbered after the
heading's initials. A label's ``?`` (not yet scheduled) and its version (``v1.x:``) are not its title (the version is
kept as a custom field). Where the drawing starts or ends (``Now``, ``Start``, ``Today``, ``End``) is no work.
``A --> B``: B waits on A.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Other, Section
from readiness_tui.core.importers.entries.lists import heading_prefix
from readiness_tui.core.importers.references.flowcharts import FLOWCHART, MERMAID_FENCE

#: A heading over a roadmap, in the plan languages.
_ROADMAP = re.compile(
    r"\b(?:road\s?map|hoja de ruta|feuille de route|fahrplan|roteiro|дорожная карта)\b|路线图|路線圖|ロードマップ|로드맵",
    re.I,
)
#: A node and its label in any of Mermaid's shapes: ``10[x]``, ``0((Now))``, ``a([x])``, ``b{x}``, ``c>x]``.
_NODE = re.compile(
    r"^(?P<id>[\w-]+)\s*(?:(?:\(\(\(|\(\(|\(\[|\[\[|\[\(|\{\{|\[/|\[\\|[\[({>])\s*\"?(?P<label>[^\])}\"]*?)\"?\s*"
    r"(?:\)\)\)|\)\)|\]\)|\]\]|\)\]|\}\}|/\]|\\\]|[\])}]))?\s*;?\s*$"
)
#: An arrow between nodes, its label aside: ``-->``, ``-.->``, ``==>``, ``-->|why|``, ``-- why -->``.
_ARROW = re.compile(r"\s*(?:--+>|-\.+->|==+>|--\s[^->|]+\s-->)(?:\|[^|]*\|)?\s*")
#: Where a drawing starts or ends: no work.
_ENDS = re.compile(r"^(?:now|start|today|begin|end|finish|done|goal|jetzt|heute|hoy|ahora|maintenant)$", re.I)
#: A label's own number opening it: ``1. Offline sync of forms``.
_NUMBER = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?=\S)")
#: A version naming the release a node belongs to: ``v2.0: Public beta``.
_VERSION = re.compile(r"^(?P<v>v?\d+(?:\.(?:\d+|x))+)\s*:\s*(?=\S)", re.I)


def read_flowchart_roadmaps(b: Builder, sec: Section, fields: dict[str, Any]) -> None:
    """Every roadmap flowchart among the section's own blocks, when its heading names a roadmap."""
    if not _ROADMAP.search(sec.bare_title):
        return
    for blk in sec.blocks:
        if isinstance(blk, Other) and blk.kind == "fence" and id(blk) not in b.used_blocks:
            _roadmap(b, blk, sec, fields)


def _nodes_and_edges(text: str, first_line: int) -> tuple[dict[str, tuple[int, str]], list[tuple[str, str, int]]]:
    """The labelled nodes (name -> line, label) and the edges (from, to, line) of a flowchart's body."""
    labels: dict[str, tuple[int, str]] = {}
    edges: list[tuple[str, str, int]] = []
    for n, raw in enumerate(text.splitlines(), start=first_line):
        line = raw.strip().rstrip(";")
        if not line or line.startswith("%%") or FLOWCHART.match(line):
            continue
        sides = []
        for part in _ARROW.split(line):
            names = []
            for piece in part.split("&"):
                node = _NODE.match(piece.strip())
                if node is None:
                    break
                names.append(node.group("id"))
                if (label := (node.group("label") or "").strip()) and node.group("id") not in labels:
                    labels[node.group("id")] = (n, label)
            sides.append(names)
        for left, right in zip(sides, sides[1:], strict=False):
            edges += [(a, z, n) for a in left for z in right]
    return labels, edges


def _roadmap(b: Builder, blk: Other, sec: Section, fields: dict[str, Any]) -> None:
    if not MERMAID_FENCE.match(b.src(blk.line, blk.line)) or not FLOWCHART.match(blk.text.strip()):
        return
    labels, edges = _nodes_and_edges(blk.text, blk.line + 1)
    work = {name: (n, label) for name, (n, label) in labels.items() if not _ENDS.match(label.strip("?! "))}
    joined = [(a, z, n) for a, z, n in edges if a in work and z in work]
    if len(work) < 4 or len(joined) < 3:
        return
    prefix, counter = heading_prefix(b, sec), [0]
    ids: dict[str, str] = {}
    for name, (n, label) in work.items():
        values: dict[str, Any] = {**fields}
        title = label.lstrip("?").strip()
        if version := _VERSION.match(title):
            values.setdefault("custom", {})["version"] = version.group("v")
            title = title[version.end() :]
        number = _NUMBER.match(title)
        if number and number.group("n") not in b.items and number.group("n") not in ids.values():
            rid = number.group("n")
            title = title[number.end() :]
        else:
            rid = b.free_id(prefix, counter, ids.values())
        values.update(id=rid, title=title.strip())
        if got := b.add_item(values, n, "flowchart"):
            ids[name] = got
    waits: dict[str, list[str]] = {}
    for a, z, _ in joined:
        if a in ids and z in ids and ids[a] not in waits.setdefault(ids[z], []):
            waits[ids[z]].append(ids[a])
    for rid, deps in waits.items():
        b.items[rid].values["depends_on"] = deps
        b.deps_stated.add(rid)
    b.consume(blk, sec)
    made = list(ids.values())
    b.used(
        blk.line,
        f"Mermaid flowchart under {sec.title!r}: a roadmap -> items {made[0]} .. {made[-1]}, its arrows the waits",
    )
