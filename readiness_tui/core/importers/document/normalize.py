"""Rewrites of the plan's text before it is parsed: shapes that say the same as one the importer reads.

Each rewrite keeps the line count (report lines keep pointing at the plan's own lines) and is reported.
- ``### ✅ TASK 2: x`` (a task word and a plain number): the id ``TASK-2``, and ``Task 2, 7`` elsewhere
  in the plan names those items; ``#### Task 2.4.1a: x`` (a dotted number): the id is the number.
- ``{{<mermaid>}}`` .. ``{{< /mermaid >}}`` (a site generator's shortcode) is the ```` ```mermaid ```` fence it stands for.
- a roadmap that ticks its phases off: ``Phase 3`` is the item ``PHASE-3`` (see ``sections.phases``).
- ``**TASK-010: x**`` over a list of ``Key: value`` bullets is a ticket heading (below).
- ``**Key Dependencies**: pandas, chardet`` names packages, not items: it is renamed so that no
  dependency reader takes its words.

A bold id-and-title line over a bullet list of ``Key: value`` fields is a ticket written without a heading.

    **TASK-010: Set up the package**
    - Depends on:  —
    - Size:        S
    - Description: Add the target and
                   its tests.

reads as ``#### TASK-010: Set up the package`` one level below the heading it stands under, so the ticket
handler reads its fields as it does for any id heading. The bold line alone (a paragraph that names an id)
or one over prose is left as it is: without fields beneath it, the line may as well be emphasis.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.sections.phases import phase_item_ids, rewrite_phase_line

#: A heading with a task word and a number: ``### ✅ TASK 2: x``, ``#### Task 2.4.1a: x``.
_TASK_HEADING = re.compile(
    r"^(?P<lead>#{1,6}\s+(?:[^\w\s#*]+\s*)*(?:\*\*)?)(?P<word>task|story|ticket|issue)\s+#?(?P<num>\d+(?:\.\d+)*[a-z]?)"
    r"(?P<sep>\s*(?::|—|–|\s-\s|\.\s))",
    re.I,
)
#: ``Task 2, 7``, ``Tasks 3 and 4``, ``Task 2.1.1``: a reference to items by their task word and number.
_TASK_REF = re.compile(
    r"\b(?P<word>tasks?|stor(?:y|ies)|tickets?|issues?)\s+#?(?P<nums>\d+(?:\.\d+)*[a-z]?(?:\s*(?:,|&|\band\b)\s*#?\d+(?:\.\d+)*[a-z]?)*)",
    re.I,
)
#: "Key dependencies", "External dependencies", "Package dependencies": libraries and services, not items.
_NOT_ITEM_DEPS = re.compile(
    r"^(?P<lead>\s*(?:[-*+]\s+)?\**)(?P<key>(?:key|external|package|library|third[- ]party|technical|tech)\s+dependenc(?:y|ies))(?=\**\s*:|\s*:)",
    re.I,
)
_FENCE = re.compile(r"^\s*(```|~~~)")
#: A site generator's diagram shortcode (Hugo, Docsy): ``{{<mermaid>}}`` .. ``{{< /mermaid >}}``.
_SHORTCODE = re.compile(r"^\s*\{\{[<%]\s*(?P<close>/)?\s*mermaid\b[^}]*[>%]\}\}\s*$", re.I)


def _task_ids(lines: list[str]) -> dict[str, str]:
    """Task numbers the plan's headings define -> the id each becomes."""
    found: dict[str, str] = {}
    for ln in lines:
        m = _TASK_HEADING.match(ln)
        if m:
            num = m.group("num")
            found[num.lower()] = num if "." in num else f"{m.group('word').upper()}-{num}"
    return found


def normalize(text: str, note: Callable[[int, str], None]) -> str:
    """The plan with the shapes above rewritten; ``note(line, text)`` reports each kind once per line."""
    lines = text.split("\n")
    promote_bold_tickets(lines, note)
    ids = _task_ids(lines)
    phases = phase_item_ids(lines)
    fenced = False
    for n, ln in enumerate(lines):
        sc = _SHORTCODE.match(ln)
        if sc:
            # Read as the fence it stands for, so the chart is one code block and not paragraphs.
            lines[n] = ln = "```" if sc.group("close") else "```mermaid"
            if not sc.group("close"):
                note(n + 1, "mermaid shortcode read as a ```mermaid block")
        if _FENCE.match(ln):
            fenced = not fenced
        if fenced:
            continue
        new = ln
        if phases:
            new, what = rewrite_phase_line(new, phases)
            if what:
                note(n + 1, what)
        m = _TASK_HEADING.match(new)
        if m and m.group("num").lower() in ids:
            rid = ids[m.group("num").lower()]
            new = m.group("lead") + rid + m.group("sep") + new[m.end() :]
            note(n + 1, f"heading names {m.group('word')} {m.group('num')}: item id {rid}")
        elif ids:

            def ref(mr: re.Match[str]) -> str:
                nums = re.findall(r"\d+(?:\.\d+)*[a-z]?", mr.group("nums"), re.I)
                if not all(x.lower() in ids for x in nums):
                    return mr.group(0)
                return ", ".join(ids[x.lower()] for x in nums)

            new = _TASK_REF.sub(ref, new)
        k = _NOT_ITEM_DEPS.match(new)
        if k:
            new = new[: k.start("key")] + "Uses" + new[k.end("key") :]
            note(n + 1, f"{k.group('key')!r} names libraries or services, not items: kept as text")
        lines[n] = new
    return "\n".join(lines)


#: ``**TASK-010: Title**``, ``**T-3 — Title**``: the whole line bold, an id, a separator, a title.
_BOLD_ID_LINE = re.compile(r"^\*\*(?P<id>[^\s*:]+?)\s*(?P<sep>:|—|–|\s-\s)\s*(?P<title>[^*].*?)\*\*\s*$")
#: ``- Depends on: TASK-1``, ``- **Owner:** Ana``: a bullet whose text opens with a short label and a colon.
_FIELD_BULLET = re.compile(r"^[-*+]\s+(?:\*\*)?(?P<key>[^\W\d_][\w ()/'-]{0,30}?)(?:\*\*)?\s*:(?:\*\*)?(?:\s|$)")
_BULLET = re.compile(r"^[-*+]\s")
_HEADING = re.compile(r"^(#{1,6})\s")


def _fields_follow(lines: list[str], start: int) -> bool:
    """The first block after ``start`` is a bullet list whose top-level entries are mostly ``Key: value``."""
    n = start + 1
    while n < len(lines) and not lines[n].strip():
        n += 1
    if n >= len(lines) or n - start > 2 or not _FIELD_BULLET.match(lines[n]):
        return False
    fields = bullets = 0
    while n < len(lines) and (lines[n].strip() == "" or lines[n][:1] in " \t" or _BULLET.match(lines[n])):
        if _BULLET.match(lines[n]):
            bullets += 1
            fields += bool(_FIELD_BULLET.match(lines[n]))
        elif (
            not lines[n].strip()
            and n + 1 < len(lines)
            and not (lines[n + 1][:1] in " \t" or _BULLET.match(lines[n + 1]))
        ):
            break
        n += 1
    return fields >= 2 and fields * 2 > bullets


def promote_bold_tickets(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Rewrite each bold id-and-title line over a field list as a heading below the current one, in place."""
    level = 1
    fenced = False
    for n, ln in enumerate(lines):
        if _FENCE.match(ln):
            fenced = not fenced
        if fenced:
            continue
        h = _HEADING.match(ln)
        if h:
            level = len(h.group(1))
            continue
        m = _BOLD_ID_LINE.match(ln)
        if not m or not is_id(m.group("id")) or not _fields_follow(lines, n):
            continue
        sep = ":" if m.group("sep") == ":" else f" {m.group('sep').strip()}"
        lines[n] = "#" * min(level + 1, 6) + f" {m.group('id')}{sep} {m.group('title').strip()}"
        note(n + 1, f"bold line {m.group('id')!r} over a field list read as the heading of an item")
