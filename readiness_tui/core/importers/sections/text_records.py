"""A plan pasted as plain text, with no Markdown of its own: each item a line of its title, then its fields as
``Key: value`` lines, whatever blank lines fall between.

    Epic 1: Project Setup
    Set up version control system (Git)

    Story: As a developer, I want a version control system set up …
    Story Points: 3

Markdown reads such a file as paragraphs that each end with the next item's title. The lines are read in order
instead: a key that follows a line of words three times or more opens a record, that line its title, and the
``Key: value`` lines after it are its fields; a line ``Epic 1: name`` (a word and a number as the key) names the
group of the records after it. Where such a line (``Story 1: User Registration``, ``User Story 4: Offline Mode``)
stands above every record, each its own, it names the record: that is the title, the lines between are the story, its
description, and a record named again further down (the stories told once more with their criteria) is no second
item. Read only when nothing else in the document made an item, as ``bullet_plan`` is.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListItem, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.key_bullets import apply_key
from readiness_tui.core.importers.references.ids import id_span

#: The key of a line naming a group of the records after it: "Epic 1", "Phase 2", "Sprint 3".
_GROUP_KEY = re.compile(r"^[^\W\d_]+\s+\d+$")
#: The key of a line naming the one record under it: "Story 1", "User Story 12".
_NAME_KEY = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)?\s+\d+$")
#: Lines of a story between a record's name and its fields ("As a user" / "I want …" / "So that …").
_STORY_LINES = 4
#: Records needed before the lines are read so: fewer is a coincidence of prose.
_MIN_RECORDS = 3

_Line = tuple[int, str, "tuple[str, str] | None", Section, Paragraph]


def text_records(b: Builder, root: Section) -> None:
    """Make the items of a plan written as plain text records (see the module doc), when nothing else made any."""
    if b.items:
        return
    lines: list[tuple[int, str, tuple[str, str] | None, Section, Paragraph]] = []
    for sec in root.walk():
        for blk in sec.blocks:
            if isinstance(blk, Paragraph) and id(blk) not in b.used_blocks:
                for n, text in enumerate(blk.text.split("\n")):
                    if text.strip():
                        lines.append((blk.line + n, text.strip(), split_keyval(text), sec, blk))
    # The key that opens records: the one that most often follows a line of words.
    openers = Counter(
        kv[0].lower()
        for (_, _, before, _, _), (_, _, kv, _, _) in zip(lines, lines[1:])
        if before is None and kv is not None and kv[1] and not _GROUP_KEY.match(kv[0])
    )
    if not openers or (opener := openers.most_common(1)[0])[1] < _MIN_RECORDS:
        return
    starts = [
        n
        for n, (_, _, kv, _, _) in enumerate(lines)
        if kv is None and n + 1 < len(lines) and (nxt := lines[n + 1][2]) is not None and nxt[0].lower() == opener[0]
    ]
    names = _record_names(lines, starts)
    made: list[str] = []
    titles: dict[str, str] = {}
    group = ""
    used: dict[int, tuple[Section, Paragraph]] = {}
    read: set[int] = set()  # the lines a record or a group took
    for n, (line, text, kv, sec, blk) in enumerate(lines):
        if kv is not None and _GROUP_KEY.match(kv[0]) and kv[1] and n not in names.values():
            group = plain(kv[1])
            used[id(blk)] = (sec, blk)
            read.add(line)
            continue
        if n not in starts:
            continue
        rid = f"T{len(made) + 1}"  # free: nothing else made an item
        values: dict[str, Any] = {"id": rid, "title": plain(text, keep_code=True), "kind": "task"}
        if n in names:
            at = names[n]
            name = lines[at][2]
            assert name is not None
            values["title"] = plain(name[1], keep_code=True)
            values["description"] = "\n".join(lines[k][1] for k in range(at + 1, n + 1)) + "\n"
            for k in range(at, n):
                used[id(lines[k][4])] = (lines[k][3], lines[k][4])
                read.add(lines[k][0])
            earlier = titles.get(values["title"].casefold())
            if earlier is not None:
                for fline, _, _, fsec, fblk in _fields(lines, n):
                    used[id(fblk)] = (fsec, fblk)
                    read.add(fline)
                used[id(blk)] = (sec, blk)
                read.add(line)
                b.skipped(line, f"record {values['title']!r} again: told once more, {earlier} already holds it")
                continue
        if group:
            values["workstream"] = group
        for fline, _, fkv, fsec, fblk in _fields(lines, n):
            apply_key(b, fkv[0], fkv[1], ListItem(fline, fline, fkv[1]), values, rid)
            used[id(fblk)] = (fsec, fblk)
            read.add(fline)
        used[id(blk)] = (sec, blk)
        read.add(line)
        if b.add_item(values, line, "text record"):
            b.made_ids.add(rid)
            made.append(rid)
            titles.setdefault(values["title"].casefold(), rid)
    if not made:
        return
    for sec, blk in used.values():
        b.consume(blk, sec)
    b.used(lines[0][0], f"plain text records, each a title line and its {opener[0]!r} fields -> items {id_span(made)}")
    for line, text, _, _, blk in lines:
        # A paragraph is taken whole; its other lines (the document's title, "Note on story points:") are said.
        if id(blk) in used and line not in read:
            b.skipped(line, f"line {text[:50]!r} among the records: no record's title or field, not imported")


def _record_names(lines: list[_Line], starts: list[int]) -> dict[int, int]:
    """Record start -> the line naming it (``Story 1: User Registration`` a few lines above), when every record has
    one of its own; else none (``Epic 1: Setup`` over several records names their group)."""
    names: dict[int, int] = {}
    floor = 0
    for n in starts:
        for k in range(n - 1, max(floor, n - _STORY_LINES - 1) - 1, -1):
            kv = lines[k][2]
            if kv is not None:
                if _NAME_KEY.match(kv[0]) and kv[1]:
                    names[n] = k
                break
        floor = n + 1
    return names if len(names) == len(starts) else {}


def _fields(lines: list[_Line], n: int) -> list[tuple[int, str, tuple[str, str], Section, Paragraph]]:
    """The ``Key: value`` lines of the record whose title is line ``n``: up to a title, a lead-in ("Note on story
    points:") or a line naming the next group or record."""
    out = []
    for fline, text, fkv, fsec, fblk in lines[n + 1 :]:
        if fkv is None or not fkv[1] or _NAME_KEY.match(fkv[0]):  # a group's key is a name's too
            break
        out.append((fline, text, fkv, fsec, fblk))
    return out
