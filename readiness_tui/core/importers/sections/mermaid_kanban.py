"""Boards drawn as Mermaid kanban diagrams: columns at one indentation, their cards beneath them.

    ```mermaid
    kanban
      todo[To do]
        card1[Write the tests]@{ assigned: 'ana', priority: 'High' }
      Done
        Set up the repo
    ```

Each card is an item in the state its column names (``To do``, ``In progress``, ``Done``), titled by its text (the
words in brackets after a node id, or the line itself), owned by the ``assigned`` of its metadata and ranked by its
``priority``. A column naming no state leaves its cards' state unsaid (reported).
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Other, Section
from readiness_tui.core.importers.entries.lists import heading_prefix
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A node: an id and its words in brackets (``card1[Write the tests]``), maybe metadata after it (``@{ … }``).
_NODE = re.compile(r"^(?P<id>[\w-]+)\s*\[(?P<text>[^\]]*)\]\s*(?:@\{(?P<meta>[^}]*)\})?\s*$")
#: One ``key: 'value'`` pair of a card's metadata.
_META = re.compile(r"(?P<key>\w+)\s*:\s*['\"]?(?P<value>[^'\",}]*)['\"]?")


def is_kanban(text: str) -> bool:
    """Whether a code block's text is a Mermaid kanban diagram (its first word is ``kanban``)."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("%%")), "")
    return first.lower() == "kanban"


def read_kanbans(b: Builder, sec: Section, fields: dict[str, Any]) -> None:
    """Every Mermaid kanban diagram among the section's own blocks, each card an item."""
    for blk in sec.blocks:
        if isinstance(blk, Other) and blk.kind == "fence" and id(blk) not in b.used_blocks and is_kanban(blk.text):
            _kanban(b, blk, sec, fields)


def _words(line: str) -> tuple[str, dict[str, str]]:
    """A node's words and metadata: ``card1[Write the tests]@{ assigned: 'ana' }`` -> the words, {assigned: ana}."""
    node = _NODE.match(line.strip())
    if node is None:
        return line.strip(), {}
    meta = {m["key"].lower(): m["value"].strip() for m in _META.finditer(node["meta"] or "")}
    return node["text"].strip(), meta


def _kanban(b: Builder, blk: Other, sec: Section, fields: dict[str, Any]) -> None:
    lines = [(n, ln) for n, ln in enumerate(blk.text.splitlines(), start=blk.line + 1) if ln.strip()]
    body = [(n, ln) for n, ln in lines[1:] if not ln.strip().startswith("%%")]  # after "kanban"
    if not body:
        return
    column_indent = min(len(ln) - len(ln.lstrip()) for _, ln in body)
    prefix, counter, made = heading_prefix(b, sec), [0], []
    state: str | None = None
    for n, ln in body:
        words, meta = _words(ln)
        if len(ln) - len(ln.lstrip()) == column_indent:
            state = parse_status(words)
            if state is None:
                b.note(n, f"kanban column {words!r} names no state: its cards' state is not said")
            continue
        rid = b.free_id(prefix, counter)
        values: dict[str, Any] = {**fields, "id": rid, "title": words}
        if state:
            values["status"] = state
            b.status_stated.add(rid)
        if meta.get("assigned"):
            values["owner"] = meta["assigned"]
        if meta.get("priority") and (prio := parse_priority(meta["priority"])[0]):
            values["priority"] = prio
        if meta.get("ticket"):
            values["links"] = [meta["ticket"]]
        if got := b.add_item(values, n, "kanban"):
            made.append(got)
    b.consume(blk, sec)
    if made:
        b.used(blk.line, f"Mermaid kanban -> items {made[0]} .. {made[-1]}, each in its column's state")
