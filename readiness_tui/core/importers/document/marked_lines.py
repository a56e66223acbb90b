"""Lines that tick work off by a mark of its state rather than a box: numbered outline lines (``2.1. ✅ Audit the
logging``), a paragraph of marked lines (``✅ AI opponents``, ``⏳ Weather system``) and marked bold names over their
bullets (``✅ **Sync API Endpoints**``). Each is rewritten as the checklist box it stands for, so the list readers
read it as any box; a marked bold state word over a list (``🔧 **进行中**``) as the heading of that state's column.
The line count is kept."""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.document.blocks import PICTOGRAPHS
from readiness_tui.core.importers.document.steps import prose_lines

#: A numbered line of an outline that states its own progress: ``2.1. ✅ Audit the logging``, ``  2.1.3. 🕔 Map the
#: gaps`` (indented under the line it details).
_MARKED_LINE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<num>\d+(?:\.\d+)+)\.?\s+(?P<mark>[{PICTOGRAPHS}]\ufe0f?)\s+(?P<title>\S.*)$"
)


def _box_of(mark: str, state: Callable[[str], str | None]) -> tuple[str, str]:
    """The box a mark of state draws (``x`` for done, else blank) and what to write after the entry for a state the
    box cannot say (`` (in progress)``). A mark ``state`` does not know (a clock face) is work not done yet."""
    status = state(mark) or "todo"
    said = "" if status in ("done", "todo") else f" ({status.replace('_', ' ')})"
    return ("x" if status == "done" else " "), said


def marked_outline_lines(
    lines: list[str], state: Callable[[str], str | None], note: Callable[[int, str], None]
) -> None:
    """A checklist written as numbered outline lines, each with a mark of its state after its number (``1.1. ✅ Create
    the branch``, nested ones indented): each line the box it stands for, ``- [x] 1.1 Create the branch``, nested as
    its indent nests it, a state other than done or to do after it in brackets. ``state`` reads a mark; a mark it does
    not know (a clock face) is work not done yet. Only where three lines or more are so written, outside fences."""
    found = [(n, m) for n, ln, _ in prose_lines(lines) if (m := _MARKED_LINE.match(ln))]
    if len(found) < 3:
        return
    base = min(len(m.group("indent").expandtabs(4)) for _, m in found)
    for n, m in found:
        depth = (len(m.group("indent").expandtabs(4)) - base) // 2
        box, said = _box_of(m.group("mark"), state)
        lines[n] = f"{'  ' * depth}- [{box}] {m.group('num')} {m.group('title').strip()}{said}"
    note(found[0][0] + 1, f"{len(found)} numbered lines marked with their state read as a checklist")


#: A numbered line of an outline with a box after its number: ``4.1 [ ] Data Kordinat``, ``    1. [x] Menerima data``.
_BOXED_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<num>\d+(?:\.\d+)*)(?P<dot>\.?)\s+\[(?P<box>[ xX~/-])\]\s+(?P<title>\S.*)$"
)


def boxed_outline_lines(lines: list[str], note: Callable[[int, str], None]) -> None:
    """A checklist written as an outline of numbered lines, each with its box after its number (``4. [ ] Feedback``
    over ``4.1 [ ] Data di Simpan``), indented as the writer liked (often as code): each line the box it is,
    ``- [ ] 4.1 Data di Simpan`` (``- [ ] 4. Feedback``), nested by its number's parts. Only where three lines or more are so written, one
    at least an outline number no Markdown list has (``4.1 [ ]``, no dot after it), outside fences."""
    found = [(n, m) for n, ln, _ in prose_lines(lines) if (m := _BOXED_LINE.match(ln))]
    if len(found) < 3 or not any("." in m.group("num") and not m.group("dot") for _, m in found):
        return
    # Numbers that start over under each heading (1, 2 … under "# Chatbot", again under "# Web Service") are places
    # in each outline, not ids: the nesting keeps the outline, and each box gets an id of its own.
    nums = [m.group("num") for _, m in found]
    again = len(set(nums)) != len(nums)
    for n, m in found:
        depth = m.group("num").count(".")
        num = "" if again else f"{m.group('num')}{m.group('dot')} "
        lines[n] = f"{'  ' * depth}- [{m.group('box')}] {num}{m.group('title').strip()}"
    note(found[0][0] + 1, f"{len(found)} numbered outline lines with their boxes read as a checklist")


#: A line opening with a mark of its state and no list marker: ``✅ Core game mechanics working``.
_MARKED_PLAIN_LINE = re.compile(rf"^(?P<mark>[{PICTOGRAPHS}]\ufe0f?)\s+(?P<title>\S.*)$")


#: A checklist entry flush with the margin: ``- [ ] Step 10: Onboarding UIs``.
_BOX_ENTRY = re.compile(r"^- \[[ xX]\] \S")

#: A name and a short measure of it: ``Backend: 200 OK``, ``Data: 1,127 students + 991 classes``.
_MEASURED = re.compile(r"^[^:]{1,30}:\s+(?=[^\s]*\d)\S+(?:\s+\S+){0,5}\s*$")
#: A bold name and what it means: ``**Payment security** - PCI compliant from day one``.
_NAMED_EXPLAINED = re.compile(r"^\*\*[^*]+\*\*\s*(?:[-–—:]|\*\*)\s*\S")


def marked_lines(lines: list[str], state: Callable[[str], str | None], note: Callable[[int, str], None]) -> None:
    """A paragraph of three lines or more, every one opening with a mark of its state and no list marker (``✅ AI
    opponents``, ``⏳ Weather system``): the checklist it draws, each line the box it stands for (``- [x] AI
    opponents``; a state other than done or to do after it in brackets). ``state`` reads a mark; the paragraph's
    every mark must be one. Outside fences; the line count is kept."""
    paragraph: list[int] = []

    def flush() -> None:
        found = [(n, m) for n in paragraph if (m := _MARKED_PLAIN_LINE.match(lines[n]))]
        states = [state(m.group("mark")) for _, m in found]
        # One mark before every line of bold names explained ("✅ **Payment security** - PCI compliant from day one"
        # under "Critical Success Factors") decorates a list of qualities; it ticks no work off.
        decorated = len(set(states)) == 1 and all(_NAMED_EXPLAINED.match(m.group("title")) for _, m in found)
        # "✅ Backend: 200 OK", "✅ Documentation: 18 files": each line a measure of what stands, a report of it.
        decorated = decorated or all(_MEASURED.match(m.group("title")) for _, m in found)
        # Lines already read as boxes (a drawn "☐ Step 10") run on the same checklist ("✅ Step 9" above them).
        boxed = sum(1 for n in paragraph if _BOX_ENTRY.match(lines[n]))
        # "✅ **已完成**" over boxes names their state (a label of the entries under it), no entry of the checklist.
        labels = any(state(m.group("title").strip(" *:：")) for _, m in found)
        if found and len(paragraph) >= 3 and len(found) + boxed == len(paragraph) and all(states) and not decorated:
            if labels:
                paragraph.clear()
                return
            for n, m in found:
                box, said = _box_of(m.group("mark"), state)
                lines[n] = f"- [{box}] {m.group('title').strip()}{said}"
            note(paragraph[0] + 1, f"{len(found)} lines opening with a mark of their state read as a checklist")
        paragraph.clear()

    for n, ln, _ in prose_lines(lines):
        if paragraph and n != paragraph[-1] + 1:
            flush()  # a heading or a fence came between
        if ln.strip():
            paragraph.append(n)
        else:
            flush()
    flush()


#: A line that is a mark of a state and a bold name alone: ``✅ **Sync Database Models**``.
_MARKED_LABEL = re.compile(rf"^(?P<mark>[{PICTOGRAPHS}]\ufe0f?)\s*\*\*(?P<name>[^*\n]{{1,80}}?)\*\*\s*:?\s*$")
#: A bullet flush with the margin: ``- `ClientSyncState` - Track sync state``.
_FLUSH_BULLET = re.compile(r"^[-*+]\s+\S")


def marked_label_lines(lines: list[str], state: Callable[[str], str | None], note: Callable[[int, str], None]) -> None:
    """Lines that tick a piece of work off by a mark and name it in bold, each right over the bullets that say what it
    holds (``✅ **Sync API Endpoints**`` then ``- POST /api/v1/sync/upload``): each is read as the box it stands for,
    ``- [x] **Sync API Endpoints**``, its bullets nested under it (a state other than done or to do after it in
    brackets). ``state`` reads a mark. Only where the plan has two such lines or more; the line count is kept."""
    found = [
        (n, m)
        for n, ln, _ in prose_lines(lines)
        if (m := _MARKED_LABEL.match(ln))
        and n + 1 < len(lines)
        and _FLUSH_BULLET.match(lines[n + 1])
        # "✅ **已完成**" (done) over its work names the state of the entries under it, as a "## Done" heading does.
        and not state(m.group("name").strip())
    ]
    if len(found) < 2:
        return
    for n, m in found:
        box, said = _box_of(m.group("mark"), state)
        lines[n] = f"- [{box}] **{m.group('name').strip()}**{said}"
        k = n + 1
        while k < len(lines) and (_FLUSH_BULLET.match(lines[k]) or lines[k].startswith((" ", "\t"))):
            lines[k] = "  " + lines[k]
            k += 1
    note(found[0][0] + 1, f"{len(found)} lines marked with their state over bullets read as boxes")


def marked_state_headings(
    lines: list[str], state: Callable[[str], str | None], note: Callable[[int, str], None]
) -> None:
    """A mark and a bold state word alone on a line right over a list (``✅ **已完成**`` over ``- [x] …``, ``🔧
    **进行中**`` over ``- [ ] …``): the heading of the entries in that state, one level below the heading it stands
    under, as a board's column is (``### 🔧 进行中``): its entries take that state where their boxes say less."""
    for n, ln, level in prose_lines(lines):
        m = _MARKED_LABEL.match(ln)
        if m is None or not state(m.group("name").strip()) or n + 1 >= len(lines) or not _ENTRY.match(lines[n + 1]):
            continue
        lines[n] = f"{'#' * min(level + 1, 6)} {m.group('mark')} {m.group('name').strip()}"
        note(n + 1, f"line {ln.strip()!r} over a list read as the heading of its state")


#: A list entry flush with the margin, a box or a bullet.
_ENTRY = re.compile(r"^(?:[-*+]|\d+[.)])\s+\S")
