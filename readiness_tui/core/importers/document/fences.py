"""Code fences around what is the plan's own text: a plan quoted whole in a ```` ```markdown ```` block, and a
heading's notes and tasks kept in a plain block for their layout. Each rewrite keeps the line count and is reported."""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.document.blocks import FENCE_LINE, HEADING_LINE, HEADING_MARKS
from readiness_tui.core.importers.sections.lead_ins import leads_in_tasks

#: A fence whose info string says its text is Markdown.
_MD_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})\s*(?:markdown|md)\s*$", re.I)
#: A bare closing fence, and a fence opened with an info string (a code block nested in the quoted plan).
_BARE_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*$")
_INFO_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})\s*\S")
#: The fence of a line, to be made one character longer.
_LONGER = re.compile(r"(`{3,}|~{3,})")
#: A heading that names an item: a task word and a number, or an id (``### T-3: x``, ``## TASK-001 — x``).
_ITEM_HEADING = re.compile(
    rf"^#{{2,6}}\s+{HEADING_MARKS}(?:\*\*)?(?:(?:task|story|ticket|issue|step)\s+#?\d|[A-Z][A-Z0-9]*[-_]\d)", re.I
)
#: Placeholders of a template: ``[Task IDs]``, ``YYYY-MM-DD``, ``XXms``, ``<owner>``.
_PLACEHOLDER = re.compile(r"\[[A-Z][^\]\n]*\](?!\()|\bY{4}\b|\bX{2,}|<[a-z][\w -]*>")


def unquote_plans(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Drop the fence around each ```` ```markdown ```` block that holds a plan (see above), in place."""
    n = 0
    while n < len(lines):
        m = _MD_FENCE.match(lines[n])
        if not m:
            if FENCE_LINE.match(lines[n]):
                n = fence_end(lines, n)
            n += 1
            continue
        end = _quote_end(lines, n)
        body = lines[n + 1 : end]
        heads = sum(bool(_ITEM_HEADING.match(ln)) for ln in body)
        if end < len(lines) and heads >= 3 and len(_PLACEHOLDER.findall("\n".join(body))) < heads:
            lines[n] = lines[end] = ""
            note(n + 1, f"a plan quoted in a ```markdown block ({heads} item headings): read as the plan it holds")
        elif end < len(lines) and end != fence_end(lines, n):
            # Markdown that shows a code block of its own (```` ```bash ```` .. ```` ``` ````) inside the quote: the
            # first bare fence closes that block, not the quote. A longer fence says so to the parser; read as
            # written, every fence after it would swap code and text to the end of the plan.
            lines[n] = _LONGER.sub(lambda f: f.group(1) + f.group(1)[0], lines[n], count=1)
            lines[end] = _LONGER.sub(lambda f: f.group(1) + f.group(1)[0], lines[end], count=1)
            note(
                n + 1,
                f"a ```markdown block holding code blocks of its own: closed at line {end + 1}, as its writer meant",
            )
        n = end + 1


def unfence_task_notes(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Drop the fence around a plain code block (no language) right under a heading when it holds the heading's
    notes in plain text: ``File: app/blog/page.tsx``, then ``Tasks:`` over ``- Design the homepage layout`` (two
    entries at least). The writer fenced them to keep their layout; read, they are the item's fields and tasks. A
    block with a heading inside or placeholders (``[Task name]``, ``XXX``) is an example or a template: kept."""
    n = 0
    while n < len(lines):
        if not _BARE_FENCE.match(lines[n]):
            if FENCE_LINE.match(lines[n]):
                n = fence_end(lines, n)
            n += 1
            continue
        end = fence_end(lines, n)
        body = lines[n + 1 : end]
        above = next((ln for ln in reversed(lines[:n]) if ln.strip()), "")
        led = [k for k, ln in enumerate(body) if leads_in_tasks(ln)]
        listed = any(sum(1 for ln in body[k + 1 : k + 3] if ln.lstrip().startswith("- ")) == 2 for k in led)
        if (
            end < len(lines)
            and HEADING_LINE.match(above)
            and listed
            and not any(HEADING_LINE.match(ln) for ln in body)
            and not _PLACEHOLDER.search("\n".join(body))
        ):
            lines[n] = lines[end] = ""
            note(n + 1, "a code block under a heading holding its notes and tasks in plain text: read as text")
        n = end + 1


def fence_end(lines: list[str], start: int) -> int:
    """The line that closes the plain code fence opened at ``start`` (the last line if none does)."""
    mark = FENCE_LINE.match(lines[start])
    assert mark
    for k in range(start + 1, len(lines)):
        b = _BARE_FENCE.match(lines[k])
        if b and b.group(1)[0] == mark.group(1)[0]:
            return k
    return len(lines) - 1


def _quote_end(lines: list[str], start: int) -> int:
    """The bare fence that closes the quote opened at ``start``, as its author meant; ``len(lines)`` when unsure.

    Code blocks nested in the quote and opened with an info string (```` ```java ````) take the bare fence that
    closes them first. The other bare fences (up to the next quote) pair up as code blocks inside or after the
    quote but one, the quote's end: the end taken is the first for which no such code block holds a heading, since
    a heading is Markdown the author meant to be read, not shown."""
    bare: list[int] = []
    depth = 0
    for k in range(start + 1, len(lines)):
        if _MD_FENCE.match(lines[k]) and depth == 0:
            break
        if _BARE_FENCE.match(lines[k]):
            if depth == 0:
                bare.append(k)
            else:
                depth -= 1
        elif _INFO_FENCE.match(lines[k]):
            depth += 1
    for i in range(0, len(bare), 2):
        pairs = [bare[j : j + 2] for j in (*range(0, i, 2), *range(i + 1, len(bare), 2))]
        if (len(bare) - i) % 2 and all(
            len(p) == 2 and not any(HEADING_LINE.match(ln) for ln in lines[p[0] : p[1]]) for p in pairs
        ):
            return bare[i]
    return len(lines)
