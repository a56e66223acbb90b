"""A plan kept in the todo.txt format (todotxt.org): one task a line, ``x`` opening a done one, ``(A)`` its
priority, then dates and its words with ``+project``, ``@context`` and ``key:value`` tags.

Rewritten as the checklist it is, each task's tags as its fields in brackets (``entries.inline`` reads them): a done
task a ticked box; ``(A)`` priority P1, ``(B)`` P2, ``(C)`` or any later letter P3 (the high, medium and low most
todo.txt lists mean by their letters; P0 is for a plan that says critical); ``due:`` its target; the project, the
context, the dates, other tags and a link in its words kept beside it. Lines a writer added under a task (notes,
links) are its description, as bullets under its entry (the line count stays). Only in a file with no heading and no
list, where three lines at least are tasks so marked and every paragraph opens with one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.document.blocks import FENCE_LINE, HEADING_LINE
from readiness_tui.core.importers.document.steps import LIST_LINE

_DATE = r"\d{4}-\d{2}-\d{2}"
#: A task marked as todo.txt marks one: done, or with a priority (a bare line may be a task too, but also prose).
_MARKED = re.compile(rf"^(?:(?P<done>x)\s+(?:{_DATE}\s+)?)?(?:\((?P<prio>[A-Z])\)\s+)?(?P<rest>\S.*)$")
_DATES = re.compile(rf"^(?P<first>{_DATE})\s+(?:(?P<second>{_DATE})\s+)?")
_TAG = re.compile(r"(?<!\S)(?:(?P<sign>[+@])(?P<name>\S+)|(?P<key>[A-Za-z][\w-]*):(?P<value>[^\s/:]\S*))(?!\S)")
_URL = re.compile(r"(?<!\S)https?://\S+")


def _is_task(line: str) -> bool:
    m = _MARKED.match(line)
    return m is not None and bool(m.group("done") or m.group("prio"))


def todo_txt(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Rewrite a todo.txt plan as a checklist (see the module's doc); any other text is left as it is."""
    if any(HEADING_LINE.match(ln) or LIST_LINE.match(ln) or FENCE_LINE.match(ln) for ln in lines):
        return
    opening = [n for n, ln in enumerate(lines) if ln.strip() and (n == 0 or not lines[n - 1].strip())]
    tasks = [n for n, ln in enumerate(lines) if _is_task(ln.strip())]
    if len(tasks) < 3 or not all(n in tasks for n in opening):
        return
    under = False  # a line under a task, no blank line between: a note of the task's, its description
    for n, ln in enumerate(lines):
        text = ln.strip()
        if n in tasks:
            lines[n], under = _entry(text), True
        elif text and under:
            lines[n] = f"  - {text}"
        else:
            under = False
    note(tasks[0] + 1, f"{len(tasks)} todo.txt tasks (x done, (A) priority, +project, @context) read as a checklist")


def _entry(line: str) -> str:
    """A todo.txt task as a checklist entry with its tags as fields in brackets."""
    m = _MARKED.match(line)
    assert m is not None
    done, prio, rest = m.group("done"), m.group("prio"), m.group("rest")
    fields: list[str] = []
    if prio:
        fields.append(f"priority: P{min(ord(prio) - ord('A') + 1, 3)}")
    if dates := _DATES.match(rest):
        # The creation date follows the completion date on a done task, else it comes alone.
        if done and dates.group("second"):
            fields += [f"completed: {dates.group('first')}", f"created: {dates.group('second')}"]
        else:
            fields.append(f"created: {dates.group('first')}")
        rest = rest[dates.end() :]
    for tag in _TAG.finditer(rest):
        if tag.group("sign"):
            fields.append(f"{'project' if tag.group('sign') == '+' else 'context'}: {tag.group('name')}")
        else:
            fields.append(f"{tag.group('key')}: {tag.group('value')}")
    links = _URL.findall(rest)
    fields += [f"links: {url}" for url in links]
    words = " ".join(_URL.sub(" ", _TAG.sub(" ", rest)).split())
    said = f" ({'; '.join(fields)})" if fields else ""
    return f"- [{'x' if done else ' '}] {words}{said}"
