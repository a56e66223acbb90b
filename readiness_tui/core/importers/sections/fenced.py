"""Mermaid gantt charts: each task line with an id is an item; ``after`` names its dependencies.

A task line is ``Title :tags, id, start, end`` (Mermaid's own grammar): the tags ``done`` and ``active``
give the status, ``crit`` and ``milestone`` say nothing the board keeps; the start is a date or
``after a1 a2`` (the dependencies); the end is a date (the target) or a duration. With two fields there
is no id (``:after a1, 20d``) and with one only a duration: such a task is reported, not invented an id,
since nothing else in the plan could refer to it.

Task lists kept in a fenced YAML block: ``tasks:`` entries with ``id:``, ``depends-on: [...]`` and fields.

The YAML gives the structure outright, so its ids and dependency lists are taken as written (``anchor-extraction``
needs no digits); the other keys are read as the column headers of a table would be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Other, Section
from readiness_tui.core.importers.guided.recipe import chosen_label
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.tables.row_fields import apply_cell
from readiness_tui.core.importers.vocabulary.dates import parse_date
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field

_TAGS = {"done": "done", "active": "in_progress", "crit": None, "milestone": None}
#: Chart settings, not tasks.
_SETTINGS = re.compile(
    r"^(?:gantt|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|"
    r"inclusiveenddates|topaxis|displaymode|acctitle|accdescr|click|%%)\b",
    re.I,
)
_ID = re.compile(r"^[A-Za-z_][\w-]*$")
_DURATION = re.compile(r"^\d+(?:\.\d+)?\s*(?:ms|s|m|h|d|w|M|y)$")


@dataclass
class GanttTask:
    """One task line of a chart."""

    line: int
    title: str
    section: str
    tags: list[str] = field(default_factory=list)
    id: str | None = None
    after: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None


def is_gantt(text: str) -> bool:
    """Whether a code block's text is a Mermaid gantt chart (its first word is ``gantt``)."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("%%")), "")
    return first.lower() == "gantt"


def _point(text: str, task: GanttTask, which: str) -> None:
    if which == "start" and text.lower().startswith("after "):
        task.after = text.split()[1:]
    else:
        day = parse_date(text)
        if day is not None:
            setattr(task, which, day.isoformat())


def parse_gantt(text: str, first_line: int) -> tuple[list[GanttTask], list[tuple[int, str]]]:
    """The chart's tasks, and (line, reason) for each line that is neither a setting nor a task."""
    tasks: list[GanttTask] = []
    odd: list[tuple[int, str]] = []
    section = ""
    for n, raw in enumerate(text.splitlines()):
        ln, line = raw.strip(), first_line + n
        if not ln or _SETTINGS.match(ln):
            continue
        if ln.lower().startswith("section "):
            section = ln[8:].strip()
            continue
        title, sep, meta = ln.partition(":")
        if not sep or not title.strip():
            odd.append((line, f"gantt line {ln[:40]!r} is not a task (no ':')"))
            continue
        task = GanttTask(line, title.strip(), section)
        parts = [p.strip() for p in meta.split(",") if p.strip()]
        while parts and parts[0].lower() in _TAGS:
            task.tags.append(parts.pop(0).lower())
        if len(parts) >= 3 and _ID.match(parts[0]) and not _DURATION.match(parts[0]):
            task.id = parts.pop(0)
        if len(parts) >= 2:
            _point(parts[0], task, "start")
            _point(parts[1], task, "end")
        elif parts:
            _point(parts[0], task, "end")
        tasks.append(task)
    return tasks, odd


def read_gantts(b: Builder, sec: Section, fields: dict[str, Any]) -> None:
    """Every gantt chart among the section's own blocks, whatever the section's heading says it is."""
    for blk in sec.blocks:
        if isinstance(blk, Other) and blk.kind == "fence" and id(blk) not in b.used_blocks and is_gantt(blk.text):
            gantt_block(b, blk, sec, fields)


def gantt_block(b: Builder, block: Other, sec: Section, fields: dict[str, Any]) -> None:
    """Items from a gantt chart. A task without an id (Mermaid needs one only to be named by ``after``) is work of
    the plan where it states its state or waits on another (``Architecture design :done, 2024-10-18, 20d``,
    ``Fixes :after missing, 6w``): it is numbered ``T1``, ``T2`` … where no item has that id. A bare bar (``Team
    offsite :2025-04-01, 2d``) is reported, as are ``after`` ids the chart lacks."""
    tasks, odd = parse_gantt(block.text, block.line + 1)
    known = {t.id for t in tasks if t.id} | set(b.items)  # an earlier chart's tasks too
    # A chart under a heading the person labelled items is the work, whatever else the plan lists (``restated``).
    origin = "gantt, labelled" if chosen_label(sec) == "items" else "gantt"
    made, counter = 0, [0]
    for task in tasks:
        if task.id is None and not (task.after or any(_TAGS[t] for t in task.tags)):
            b.skipped(task.line, f"gantt task {task.title!r} has no id (':id, start, end') nor state: not imported")
            continue
        if task.id is None:
            task.id = b.free_id("T", counter, known)
            b.note(task.line, f"gantt task {task.title!r} has no id of its own: {task.id}")
        values: dict[str, Any] = {**fields, "id": task.id, "title": task.title}
        status = next((_TAGS[t] for t in task.tags if _TAGS[t]), None)
        if status:
            values["status"] = status
            b.status_stated.add(task.id)
        deps = [d for d in task.after if d in known]
        for d in task.after:
            if d not in known:
                b.warn(task.line, f"gantt task {task.id}: 'after {d}' names no task of the plan; dropped")
        if deps:
            values["depends_on"] = deps
            b.deps_stated.add(task.id)
        if task.end:
            values["target"] = task.end
        if task.section:
            values.setdefault("custom", {})["gantt_section"] = task.section
        if b.add_item(values, task.line, origin):
            made += 1
    for line, why in odd:
        b.skipped(line, why)
    b.consume(block, sec)
    b.used(block.line, f"Mermaid gantt chart in {sec.title or 'the preamble'!r}: {made} items")


#: Keys whose list holds the plan's work.
_LIST_KEYS = ("tasks", "items", "stories", "work_items", "work items", "backlog", "issues", "tickets")
#: Title keys, best first; a description is the title only when there is none.
_TITLE_KEYS = ("title", "name", "summary", "task", "description")


def _entries(text: str) -> tuple[str, list[dict[str, Any]]] | None:
    """(key, entries) when the block is YAML with a list of mappings that all carry an id; else None."""
    if ":" not in text:
        return None
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(doc, dict):
        return None
    if doc.get("id") not in (None, "") and any(header_field(str(k).replace("_", " ")) for k in doc if k != "id"):
        # One task's block under its heading: ``id: T-001``, ``status: pending``, ``depends_on: [T-000]``.
        return "task", [doc]
    for key, value in doc.items():
        if str(key).lower().replace("-", "_") in _LIST_KEYS and isinstance(value, list) and value:
            if all(isinstance(e, dict) and e.get("id") not in (None, "") for e in value):
                return str(key), value
    return None


def _refs(value: Any) -> list[str]:
    if value in (None, "", []):
        return []
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    return [str(v).strip() for v in items if str(v).strip()]


def yaml_task_id(block: Other) -> str | None:
    """The id of the one task a fenced YAML block describes (``id: T-001`` with its fields), else None."""
    found = _entries(block.text) if block.kind == "fence" else None
    return str(found[1][0]["id"]).strip() if found and found[0] == "task" else None


def yaml_tasks(b: Builder, block: Other, sec: Section, kind: str, one: bool = False) -> bool:
    """Read a fenced block that is a YAML task list into items; False when it is not one (left as it was).
    ``one``: the block may describe a single task (under that task's own heading; elsewhere it is a sample)."""
    found = _entries(block.text) if block.kind == "fence" else None
    if found is None or (found[0] == "task" and not one):
        return False
    key, entries = found
    made: list[str] = []
    for entry in entries:
        rid = str(entry["id"]).strip()
        values: dict[str, Any] = {"id": rid, "kind": kind}
        gate: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        title_key = next((k for k in _TITLE_KEYS if entry.get(k)), None)
        if title_key:
            values["title"] = str(entry[title_key]).strip()
        for k, v in entry.items():
            name = str(k).replace("-", " ").replace("_", " ")
            if k in ("id", title_key) or v in (None, ""):
                continue
            fld = header_field(name)
            if fld == "depends_on":
                values["depends_on"] = _refs(v)
                b.deps_stated.add(rid)
            elif fld and not isinstance(v, (list, dict)):
                if not apply_cell(b, fld, str(v), values, gate, custom, block.line, rid, name):
                    custom[custom_key(name)] = str(v)
            else:
                custom[custom_key(name)] = v if isinstance(v, (str, int, float, bool)) else str(v)
        if gate:
            values["gate"] = gate
        if custom:
            values["custom"] = custom
        got = b.add_item(values, block.line, "yaml")
        if got:
            made.append(got)
    b.consume(block, sec)
    b.used(block.line, f"YAML block ({key}: {len(entries)} entries with ids) -> items {id_span(made)}")
    return True
