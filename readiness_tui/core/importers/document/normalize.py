"""Rewrites of the plan's text before it is parsed: shapes that say the same as one the importer reads.

Each rewrite keeps the line count (report lines keep pointing at the plan's own lines) and is reported.
- a plan quoted whole in a ```` ```markdown ```` fence (an agent's "output format", a plan pasted into a note) is
  the plan: the fence is dropped when it holds three item headings or more and few placeholders; a template
  (``[Task IDs]``, ``YYYY-MM-DD``) or a short example stays a code block; so is a plain block right under a heading
  that holds its notes and a ``Tasks:`` list (both in ``fences``).
- ``### ✅ TASK 2: x`` (a task word and a plain number): the id ``TASK-2``, and ``Task 2, 7`` elsewhere
  in the plan names those items; ``#### Task 2.4.1a: x`` (a dotted number): the id is the number; an
  ``**ID:** TASK-002`` line right under the heading gives the id instead.
- ``{{<mermaid>}}`` .. ``{{< /mermaid >}}`` (a site generator's shortcode) is the ```` ```mermaid ```` fence it stands for.
- a roadmap that ticks its phases off: ``Phase 3`` is the item ``PHASE-3`` (see ``sections.phases``).
- ``**TASK-010: x**`` over a list of ``Key: value`` bullets is a ticket heading (``steps.promote_bold_tickets``).
- ``**Key Dependencies**: pandas, chardet`` names packages, not items: it is renamed so that no
  dependency reader takes its words.
- a line that opens with a box drawn as a character (``▢ Agree on budget``, ``**▢** Set aside a budget``, ``☑ Done``;
  a word processor's checklist pasted as text) is the checkbox entry it draws: ``- [ ] Agree on budget``.
- a ```` ```markdown ```` block that shows code blocks of its own (```` ```bash ```` .. ```` ``` ````) and is no plan
  is given a longer fence, so that it closes where its writer meant (see ``_quote_end``).
- a collapsible section (``<details>`` over ``<summary>Week 1: Set Up</summary>``, as GitHub renders it) is a heading
  one level below the one it stands under, its contents under it; the ``<details>`` tags are dropped.
- a plan in the todo.txt format (``x (A) 2026-01-05 Ship it +web @home due:2026-02-01``) is the checklist it keeps
  (``document.todo_txt``).
- a link written with a space before its target (``[A1 – Editor basics] (issues/A1.md)``, which Markdown reads as
  text) is the link its author meant, when the target is a path or an address.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from readiness_tui.core.importers.document.blocks import FENCE_LINE, HEADING_LINE, HEADING_MARKS, PICTOGRAPHS
from readiness_tui.core.importers.document.fences import fence_end, unfence_task_notes, unquote_plans
from readiness_tui.core.importers.document.html_tables import html_headings, joined_html_tables
from readiness_tui.core.importers.document.list_marks import (
    bracket_boxes,
    emoji_shortcodes,
    glyph_bullets,
    indented_lists,
    shallow_sublists,
    starred_boxes,
    unspaced_bullets,
)
from readiness_tui.core.importers.document.marked_lines import (
    boxed_outline_lines,
    marked_label_lines,
    marked_lines,
    marked_outline_lines,
    marked_state_headings,
)
from readiness_tui.core.importers.document.plain_text import (
    label_headings,
    label_line_blocks,
    label_paragraphs,
    period_lines,
    period_outlines,
    unspaced_headings,
    verb_lines,
    wiki_headings,
)
from readiness_tui.core.importers.document.steps import (
    bare_number_headings,
    folded_numbered_lists,
    outside_fences,
    promote_bold_steps,
    promote_bold_substeps,
    promote_bold_tickets,
)
from readiness_tui.core.importers.document.todo_txt import todo_txt
from readiness_tui.core.importers.references.ids import expand_range, is_id
from readiness_tui.core.importers.sections.phases import phase_item_ids, rewrite_phase_line
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A heading with a task word and a number: ``### ✅ TASK 2: x``, ``#### Task 2.4.1a: x``.
_TASK_HEADING = re.compile(
    rf"^(?P<lead>#{{1,6}}\s+{HEADING_MARKS}(?:\*\*)?)(?P<word>task|story|feature|ticket|issue|pr)\s+(?P<hash>#)?(?P<num>\d+(?:\.\d+)*[a-z]?)"
    r"(?P<sep>(?:\*\*)?\s*(?::|—|–|\s-\s|\.\s))",
    re.I,
)
#: A box that opens with a task word and a number: ``- [ ] **Task 5.1:** Unit tests``, ``**Task 5.1**: x``, or a bullet
#: whose mark ticks it off as a box does (``- ✔️ Task 001: x``; ``_task_entry``). (Plain entries so labelled are read
#: where lists are: ``entries.labels``.)
_TASK_ENTRY = re.compile(
    rf"^(?P<lead>\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX~/-]\]|(?P<mark>[{PICTOGRAPHS}]\ufe0f?))\s+(?:\*\*)?)"
    r"(?P<word>task|story|ticket)\s+(?P<hash>#)?"
    r"(?P<num>\d+(?:\.\d+)*[a-z]?)(?P<sep>(?:\*\*)?\s*(?::|—|–|\s-\s))",
    re.I,
)


#: A heading naming a task by the plan language's word for it and a number: ``#### 任务 1.1: 初始化``, ``### Tarea 3 —
#: x``, ``### Задача 2: x``.
_TASK_WORD_HEADING = re.compile(
    rf"^(?P<lead>#{{1,6}}\s+{HEADING_MARKS}(?:\*\*)?)(?P<word>任务|任務|タスク|작업|태스크|tarea|tarefa|tâche|tache|aufgabe|"
    r"задача|zadanie)\s*(?P<num>#?\d+(?:\.\d+)*[a-z]?)(?P<sep>(?:\*\*)?\s*(?::|：|—|–|\s-\s|\.\s))",
    re.I,
)


def task_word_headings(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Each heading naming a task by its word in the plan's language and a number (``#### 任务 1.1: 初始化``) written
    with the word the reader knows (``#### Task 1.1: 初始化``), as the same heading in English reads; in place."""
    for n, ln in outside_fences(lines):
        m = _TASK_WORD_HEADING.match(ln)
        if m:
            sep = ":" if m.group("sep").strip(" *") == "：" else m.group("sep")
            lines[n] = f"{m.group('lead')}Task {m.group('num')}{sep} {ln[m.end() :].lstrip()}"
            note(n + 1, f"heading names a task as {m.group('word')!r} {m.group('num')}: read as Task {m.group('num')}")


def _task_entry(line: str) -> re.Match[str] | None:
    """``_TASK_ENTRY`` on ``line``, where a mark in place of the box is one the statuses read as a state."""
    e = _TASK_ENTRY.match(line)
    return e if e and (e.group("mark") is None or parse_status(e.group("mark"))) else None


#: ``Task 2, 7``, ``Tasks 3 and 4``, ``Task 2.1.1``, ``Task 1-9``: a reference to items by their task word and number.
_TASK_NUM = r"#?\d+(?:\.\d+)*[a-z]?(?:\s*(?:-|–|〜|~|\bto\b)\s*\d+(?:\.\d+)*[a-z]?)?"
_TASK_REF = re.compile(
    rf"\b(?P<word>tasks?|stor(?:y|ies)|tickets?|issues?)\s+(?P<nums>{_TASK_NUM}(?:\s*(?:,|&|\band\b)\s*{_TASK_NUM})*)",
    re.I,
)
_TASK_RANGE = re.compile(r"(\d+(?:\.\d+)*[a-z]?)\s*(?:-|–|〜|~|\bto\b)\s*(\d+(?:\.\d+)*[a-z]?)", re.I)
#: "Key dependencies", "External dependencies", "Package dependencies": libraries and services, not items.
_NOT_ITEM_DEPS = re.compile(
    r"^(?P<lead>\s*(?:[-*+]\s+)?\**)(?P<key>(?:key|external|package|library|third[- ]party|technical|tech)\s+dependenc(?:y|ies))(?=\**\s*:|\s*:)",
    re.I,
)
#: ``[A1 – Editor basics] (issues/A1.md)``: link text, a space, and a target that is a path or an address.
_SPACED_LINK = re.compile(
    r"(?<![\]`])\[(?P<text>[^\[\]\n`]{2,})\]\s+\((?P<target>(?:[a-z]+://|#|\.{0,2}/)?[\w.~%-]+(?:/[\w.~%#-]*)+|[\w./~%-]+\.(?:md|html?|txt))\)",
    re.I,
)
#: ``**ID:** TASK-002``, ``- ID: T-2``: the line under a task heading that states its id.
_ID_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?id(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*`?(?P<id>[^\s`*]+)`?\s*(?:\*\*|__)?\s*$", re.I
)
#: A site generator's diagram shortcode (Hugo, Docsy): ``{{<mermaid>}}`` .. ``{{< /mermaid >}}``.
_SHORTCODE = re.compile(r"^\s*\{\{[<%]\s*(?P<close>/)?\s*mermaid\b[^}]*[>%]\}\}\s*$", re.I)


def _task_ids(lines: list[str]) -> dict[str, str]:
    """Task numbers the plan's headings define -> the id each becomes."""
    found: dict[str, str] = {}
    fenced = False
    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            fenced = not fenced
        m = None if fenced else _TASK_HEADING.match(ln)
        if m:
            num = m.group("num")
            # "Issue #3": the plan cites it as #3 elsewhere; "Task 3" as TASK-3.
            made = f"#{num}" if m.group("hash") else f"{m.group('word').upper()}-{num}"
            found[num.lower()] = _stated_id(lines, n) or (num if "." in num else made)
    for ln in lines:  # then the entries that name a task the headings do not ("- [ ] **Task 5.1:** Unit tests")
        e = _task_entry(ln)
        if e and e.group("num").lower() not in found:
            num = e.group("num")
            found[num.lower()] = num if "." in num else f"{e.group('word').upper()}-{num}"
    return found


def _named_tasks(mr: re.Match[str], named: dict[str, str]) -> str:
    """A reference to tasks by number (``_TASK_REF``) as the ids ``named`` gives them; unchanged where one is not."""
    nums = _task_numbers(mr.group("nums"))
    if not nums or not all(x.lower() in named for x in nums):
        return mr.group(0)
    return ", ".join(named[x.lower()] for x in nums)


def _numbers_restart(lines: list[str]) -> bool:
    """Whether the plan's task entries number again from 1 (``- [ ] Task 1:`` under each epic), no heading naming a
    task by number: then each run of numbers is its own."""
    seen, again = set[str](), False
    for _, ln in outside_fences(lines):
        if _TASK_HEADING.match(ln):
            return False
        if e := _task_entry(ln):
            again = again or e.group("num").lower() in seen
            seen.add(e.group("num").lower())
    return again


def _task_numbers(nums: str) -> list[str]:
    """``2, 7`` -> 2, 7; ``1-9`` -> 1 .. 9 (a range whose ends differ in their last number only)."""
    out: list[str] = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", nums.replace("#", ""), flags=re.I):
        r = _TASK_RANGE.fullmatch(part.strip())
        if r:
            span = expand_range(r.group(1), r.group(2), limit=100)
            if span is None:
                return []
            out += span
        else:
            out += re.findall(r"\d+(?:\.\d+)*[a-z]?", part, re.I)
    return out


def _stated_id(lines: list[str], head: int) -> str | None:
    """The id an ``ID:`` line among the first lines under the heading at ``head`` states, if one does."""
    for ln in lines[head + 1 : head + 4]:
        if HEADING_LINE.match(ln):
            return None
        m = _ID_LINE.match(ln)
        if m and is_id(m.group("id")):
            return m.group("id")
    return None


#: ``<summary>Week 1: Set Up</summary>``, maybe in bold or with tags inside (``<summary><b>Week 1</b></summary>``).
_SUMMARY = re.compile(r"^\s*(?:\*\*|__)?\s*<summary>(?P<text>.*?)</summary>\s*(?:\*\*|__)?\s*$", re.I)
_DETAILS_TAG = re.compile(r"^\s*<(?P<close>/)?details(?:\s[^>]*)?>\s*$", re.I)


def summary_headings(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Each ``<summary>`` line of a ``<details>`` block as a heading one level below the heading the block stands
    under, and the ``<details>`` tags as blank lines (an HTML block would hide what follows them), outside code
    blocks."""
    level, fenced, found = 1, False, False
    outer: list[int] = []  # the heading level each open <details> stands under
    tags = []
    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            fenced = not fenced
        if fenced:
            continue
        if h := HEADING_LINE.match(ln):
            level = len(h.group(1))
        elif t := _DETAILS_TAG.match(ln):
            tags.append(n)
            if t.group("close"):
                level = outer.pop() if outer else level
            else:
                outer.append(level)
        elif m := _SUMMARY.match(ln):
            text = " ".join(re.sub(r"<[^<>]+>", " ", m.group("text")).split())
            if text:
                level = (outer[-1] if outer else level) + 1
                lines[n] = "#" * min(level, 6) + " " + text
                note(n + 1, f"collapsible section {text!r} read as a heading")
                found = True
    for n in tags if found else []:
        lines[n] = ""


def normalize(text: str, note: Callable[[int, str], None]) -> str:
    """The plan with the shapes above rewritten; ``note(line, text)`` reports each kind once per line."""
    # "TASK‑010" with a non-breaking hyphen (U+2011, or U+2010) is TASK-010, as every reference to it means.
    lines = text.replace("\u2011", "-").replace("\u2010", "-").split("\n")
    emoji_shortcodes(lines, note)
    joined_html_tables(lines, note)
    html_headings(lines, note)
    unspaced_headings(lines, note)
    wiki_headings(lines, note)
    unspaced_bullets(lines, note)
    indented_lists(lines, note)
    shallow_sublists(lines, note)
    todo_txt(lines, note)
    verb_lines(lines, note)
    glyph_bullets(lines, note)
    bracket_boxes(lines, note)
    starred_boxes(lines, note)
    label_line_blocks(lines, note)
    label_paragraphs(lines, note)
    period_outlines(lines, note)
    period_lines(lines, note)
    label_headings(lines, note)
    unquote_plans(lines, note)
    unfence_task_notes(lines, note)
    summary_headings(lines, note)
    drawn_boxes(lines, note)
    promote_bold_tickets(lines, note)
    folded_numbered_lists(lines, note)
    bare_number_headings(lines, note)
    promote_bold_steps(lines, note)
    marked_outline_lines(lines, parse_status, note)
    boxed_outline_lines(lines, note)
    marked_lines(lines, parse_status, note)
    marked_label_lines(lines, parse_status, note)
    marked_state_headings(lines, parse_status, note)
    promote_bold_substeps(lines, note)
    task_word_headings(lines, note)
    ids = _task_ids(lines)
    restart = _numbers_restart(lines)
    run, scope = 1, dict[str, str]()  # where the entries number again from 1: the run's count, and its ids
    phases = phase_item_ids(lines)
    fenced = False
    for n, ln in enumerate(lines):
        sc = _SHORTCODE.match(ln)
        if sc:
            # Read as the fence it stands for, so the chart is one code block and not paragraphs.
            lines[n] = ln = "```" if sc.group("close") else "```mermaid"
            if not sc.group("close"):
                note(n + 1, "mermaid shortcode read as a ```mermaid block")
        if FENCE_LINE.match(ln):
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
            if rid != m.group("num"):  # "### Task 4.1: x" reads as item 4.1 as written, its word kept
                new = m.group("lead") + rid + m.group("sep") + new[m.end() :]
            note(n + 1, f"heading names {m.group('word')} {m.group('num')}: item id {rid}")
        elif (e := _task_entry(new)) and e.group("num").lower() in ids:
            num = e.group("num").lower()
            rid = ids[num]
            if restart:
                # "Task 1" .. "Task 3" under each epic: each run of numbers names its own items (TASK-1, TASK2-1).
                if num in scope:
                    run, scope = run + 1, {}
                if run > 1 and "." not in num:
                    rid = f"{e.group('word').upper()}{run}-{e.group('num')}"
                scope[num] = rid
            new = e.group("lead") + rid + e.group("sep") + new[e.end() :]
            note(n + 1, f"list entry names {e.group('word')} {e.group('num')}: item id {rid}")
        elif ids:
            # "Depends on: Task 1" names the task of its own run.
            new = _TASK_REF.sub(partial(_named_tasks, named={**ids, **scope}), new)
        if "] (" in new:
            new, spaced = _SPACED_LINK.subn(r"[\g<text>](\g<target>)", new)
            if spaced:
                note(n + 1, "a link written with a space before its target read as that link")
        k = _NOT_ITEM_DEPS.match(new)
        if k:
            new = new[: k.start("key")] + "Uses" + new[k.end("key") :]
            note(n + 1, f"{k.group('key')!r} names libraries or services, not items: kept as text")
        lines[n] = new
    return "\n".join(lines)


#: A box drawn as a character opening a line that is no list entry: open (``▢``, ``□``, ``☐``, ``⬜``) or ticked
#: (``☑``, ``☒``); maybe bold (``**▢** x``).
_DRAWN_BOX = re.compile(
    r"^(?P<indent>\s*)(?:\*\*)?(?P<box>[\u25a2\u25a1\u2610\u2b1c\u2611\u2612])(?:\*\*)?\s+(?P<rest>\S.*)$"
)


#: A label over boxes in a fenced checklist: ``Tasks:``, ``Subtasks:``, ``Pre-Launch (24 hours):``.
_LIST_LABEL = re.compile(r"^\s*[A-Za-z][^:|`\[\]]{0,60}:\s*$")


def _fenced_checklist(lines: list[str], start: int, end: int) -> bool:
    """Whether the code block between ``start`` and ``end`` (its fences) holds nothing but a checklist of
    drawn boxes: two boxes or more, label lines over them (``Booking Flow:`` over its boxes, then ``Payment
    Processing:``) and each box's own indented notes; no code reads so."""
    boxes, under_box = 0, False
    for ln in lines[start + 1 : end]:
        if not ln.strip():
            continue
        if _DRAWN_BOX.match(ln):
            boxes, under_box = boxes + 1, True
        elif under_box and ln[:1].isspace():
            continue
        elif _LIST_LABEL.match(ln):
            continue
        else:
            return False
    return boxes >= 2


def drawn_boxes(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Each line opening with a drawn box (see the module) as a checklist entry, outside code blocks; a code
    block that holds only such a checklist (``Tasks:`` over ``□`` lines, fenced for its layout) is that
    checklist."""
    n = 0
    while n < len(lines):
        if FENCE_LINE.match(lines[n]):
            end = fence_end(lines, n)
            if end > n and _fenced_checklist(lines, n, end):
                lines[n] = lines[end] = ""
                note(n + 1, "a code block holding only a checklist of drawn boxes read as the checklist")
            n = end
        n += 1
    fenced = False
    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            fenced = not fenced
        m = None if fenced else _DRAWN_BOX.match(ln)
        if m:
            mark = "x" if m.group("box") in "\u2611\u2612" else " "
            lines[n] = f"{m.group('indent')}- [{mark}] {m.group('rest')}"
            note(n + 1, f"a line opening with {m.group('box')} read as a checkbox entry")
