"""A work breakdown drawn as a tree in text: one branch a line, under the branch it hangs from.

    ODSP
    ├── 1.0 Foundation ✅
    │   ├── 1.1 Project Setup
    │   └── 1.2 Multi-tenant Architecture
    └── 2.0 IAM Context 🔄

Each branch is an item, under the branch it hangs from (its ``parent``); a status mark closing the branch is the
item's status. Read only where it cannot be a directory listing or a diagram: every branch (three or more) opens
with an outline number (``1.1``, ``2.0``, ``3.2.1``) or an id (``AUTH-1``), and that number or id is the item's.
The line above the branches, without a connector, names the whole and is no item.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Other, Paragraph, Section
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.sections.patterns import Ctx
from readiness_tui.core.importers.vocabulary.title_states import closing_marks

#: A branch: rails (``│   `` or blanks) then a connector (``├──``, ``└──``, ``|--``, ``+--``, `` `-- ``) and its text.
_BRANCH = re.compile(r"^(?P<rails>(?:[│|┃]\s*|\s)*)(?:[├└╰┣┗]|[|+`])[─━-]{1,3}\s*(?P<text>\S.*?)\s*$")
#: The branch's own number or id, then its title.
_NUMBERED = re.compile(r"^(?P<id>\d+(?:\.\d+)+|\d+\.|[A-Z][A-Z0-9]*-\d+(?:\.\d+)*)\s+(?P<title>\S.*)$")


def read_text_trees(b: Builder, sec: Section, ctx: Ctx) -> None:
    """Every work breakdown tree among the section's own paragraphs and plain fences (see above)."""
    for blk in sec.blocks:
        if isinstance(blk, (Paragraph, Other)) and id(blk) not in b.used_blocks:
            if isinstance(blk, Paragraph) or (blk.kind == "fence" and b.plain_fence(blk.line)):
                text_tree(b, blk, sec, ctx)


def _branches(text: str) -> list[tuple[int, int, str]] | None:
    """(line offset, depth column, text) of each branch; None unless every branch (three or more) is numbered."""
    out: list[tuple[int, int, str]] = []
    for n, line in enumerate(text.splitlines()):
        m = _BRANCH.match(line.rstrip())
        if m is None:
            continue
        if not _NUMBERED.match(m.group("text")):
            return None  # a branch without a number: a listing or a diagram, not a breakdown of work
        out.append((n, len(m.group("rails")), m.group("text")))
    return out if len(out) >= 3 else None


def text_tree(b: Builder, block: Paragraph | Other, sec: Section, ctx: Ctx) -> bool:
    """Items from the branches of ``block``; False, and nothing done, when it is no breakdown of work."""
    branches = _branches(block.text)
    if branches is None:
        return False
    first = block.line + (1 if isinstance(block, Other) else 0)  # a fence's text starts a line below it
    made: list[str] = []
    above: list[tuple[int, str]] = []  # (depth, id) of the branches the next one may hang from
    for offset, depth, text in branches:
        m = _NUMBERED.match(text)
        assert m
        title, status = closing_marks(m.group("title"))
        while above and above[-1][0] >= depth:
            above.pop()
        values: dict[str, Any] = {"id": m.group("id").rstrip("."), "title": title, **ctx.item_fields()}
        if status:
            values["status"] = status
        if above:
            values["parent"] = above[-1][1]
        rid = b.add_item(values, first + offset, "work breakdown tree")
        if rid:
            made.append(rid)
            above.append((depth, rid))
    b.consume(block, sec)
    b.used(block.line, f"work breakdown drawn as a tree ({len(branches)} branches) -> items {id_span(made)}")
    return True
