"""An item's checklist steps: the boxes under a box, under an item's heading or its sub-headings.

Kept in the item's description as a checklist (its status from them when it states none), or made items of their
own, children of the item, where the plan (or the recipe's ``steps``) says the boxes are work of their own.

The same run of boxes under three boxes or more, word for word (``- [ ] Review the spec``, ``- [ ] Write the tests``,
``- [ ] Commit`` under every task), is each task's own checklist: its steps, not work of its own (``repeated_checks``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from readiness_tui.core.importers.assembly.builder import STEP_ITEMS, Builder
from readiness_tui.core.importers.document.blocks import ListItem, plain
from readiness_tui.core.importers.document.fields import plain_bullets
from readiness_tui.core.importers.document.steps import STEP_WORDS
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.guided.recipe import recipe_option
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.sections.lead_ins import opens_with_action
from readiness_tui.core.importers.vocabulary.dates import states_duration
from readiness_tui.core.importers.vocabulary.headers import WORK_FIELDS
from readiness_tui.core.model.board import CLOSED

#: "**Step 3: Run the test**": a step's own number and its title.
_STEP_NUMBER = re.compile(rf"^\W*(?:{STEP_WORDS})\s+(?P<n>\d+)\s*[:.)—–-]\s*", re.I)


def steps_into(
    b: Builder,
    rid: str,
    steps: list[ListItem],
    values: dict[str, Any],
    line: int,
    own_boxes: bool = False,
    inherited: tuple[str, ...] = (),
) -> None:
    """An item's checklist steps: kept in its description as a checklist; its status from them if unstated. With
    the recipe's ``steps = "items"`` each step is an item of its own instead, ``<item>.<n>`` (its "Step n" number,
    else its place), the item its parent; and so are ``own_boxes`` (right under the item's heading, not under its
    sub-headings) when the heading states none of an item's fields and most boxes open with a verb of work (``##
    IS-01 Know your organisation`` over ``- [ ] List your stakeholders``): the heading names a topic, the boxes its
    work (``inherited``: fields the item took from an enclosing heading, which the heading does not state). The
    recipe's ``steps = "description"`` keeps those steps."""
    option = recipe_option("steps")
    if option == "items" or (option == "plan" and own_boxes and _topic_work(steps, values, inherited)):
        made: list[str] = []
        _step_items(b, rid, steps, values, made)
        if option == "items":
            why = "recipe: steps = 'items'"
        else:
            why = "work under a heading that states no fields"
            b.topic_headings += 1  # a heading naming a topic, read so by the plan's own shape
        b.used(line, f"{rid}: {len(steps)} checklist steps -> items {id_span(made)} ({why})")
        return
    values["description"] = "\n".join(filter(None, [values.get("description", ""), *checklist_lines(steps)]))
    done = sum(1 for it in steps if it.box == "done")
    b.used(line, f"{rid}: {len(steps)} checklist steps ({done} ticked) -> its description, not items")
    if "status" in values or not done:
        if "status" in values and done == len(steps) and values["status"] not in CLOSED:
            b.note(line, f"{rid}: every step is ticked but its status says {values['status']}; took the status")
        return
    values["status"] = "done" if done == len(steps) else "in_progress"
    b.note(line, f"{rid}: status {values['status']} guessed from its steps ({done} of {len(steps)} ticked)")


def checklist_lines(boxes: list[ListItem]) -> list[str]:
    """Boxes as the checklist lines an item's text keeps them in (``- [x] Run the migration``)."""
    return [f"- [{'x' if it.box == 'done' else ' '}] {plain(it.text, keep_code=True)}" for it in boxes]


def task_boxes_into(b: Builder, rid: str, boxes: list[ListItem], values: dict[str, Any], lead_in: str) -> bool:
    """Boxes after a lead-in that calls them tasks (``**Tasks:**``, ``**Backend Tasks**:``) under an item's heading:
    the item's child items, as the plan says, even where the heading states the item's fields (the boxes nested
    under one are its children). False, and nothing made, when the recipe's ``steps = "description"`` keeps them as
    the item's checklist."""
    if recipe_option("steps") == "description":
        return False
    made: list[str] = []
    _step_items(b, rid, boxes, values, made)
    b.used(
        boxes[0].line, f"{rid}: {len(boxes)} boxes after {lead_in.strip()[:30]!r} -> its child items {id_span(made)}"
    )
    return True


def children_take(values: dict[str, Any], fields: dict[str, Any]) -> None:
    """The child items made of an item's boxes and tasks (and theirs) take ``fields`` they do not state: a priority
    an enclosing heading states for the items under it is theirs as much as the item's."""
    for child, _ in values.get(STEP_ITEMS, []):
        for key, value in fields.items():
            child.setdefault(key, value)
        children_take(child, fields)


def _topic_work(steps: list[ListItem], values: dict[str, Any], inherited: tuple[str, ...] = ()) -> bool:
    """Whether an item states none of its fields and most of its boxes (two at least) are work of their own: open
    with a verb of work, or say how long they take (``- [ ] **Vote Schema Refactor** (1-2 days)``)."""
    if any(values.get(k) for k in (WORK_FIELDS | {"target"}) - set(inherited)):
        return False
    own = sum(opens_with_action(it.text) or states_duration(plain(it.text)) for it in steps)
    return len(steps) >= 2 and 2 * own > len(steps)


def _step_items(b: Builder, rid: str, steps: list[ListItem], values: dict[str, Any], made: list[str]) -> None:
    """Each step an item ``<item>.<n>`` (its "Step n" number, else its place after the children ``rid`` has already),
    child of ``rid``; the boxes nested under a step (``- [ ] Design the data model`` over ``- [ ] Migrations table``)
    are the step's own children."""
    first = 1 + sum(1 for child, _ in values.get(STEP_ITEMS, []) if child.get("parent") == rid)
    for n, it in enumerate(steps, start=first):
        text = plain(it.text, keep_code=True)
        m = _STEP_NUMBER.match(text)
        sid = f"{rid}.{m.group('n') if m else n}"
        # "- [ ] **Vote Schema Refactor** (1-2 days)" over what it takes: its fields read as a box's are, its
        # plain bullets its description.
        title, fields = inline_fields(b, text[m.end() :].strip() if m else text, it.line, sid)
        if said := [f"- {plain(x.text, keep_code=True)}" for x in plain_bullets(it)]:
            fields.setdefault("description", "\n".join(said))
        if it.box:
            fields["status"] = it.box
        made.append(b.add_child(values, rid, sid, it.line, **{**fields, "title": title}))
        if it.box is not None:
            b.status_stated.add(sid)
        nested = [x for x in it.sub_items() if x.checked is not None]
        if nested:
            _step_items(b, sid, nested, values[STEP_ITEMS][-1][0], made)


#: A box on a line of its own: its indentation and its words.
_BOX_LINE = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d+[.)])\s+\[[^\]]{0,2}\]\s+(?P<text>\S.*?)\s*$")


def repeated_checks(lines: list[str]) -> frozenset[tuple[str, ...]]:
    """The runs of boxes (three or more) that stand, word for word, right under three boxes or more of the plan: a
    checklist each task carries (see the module doc)."""
    runs: Counter[tuple[str, ...]] = Counter()
    for n, line in enumerate(lines):
        parent = _BOX_LINE.match(line)
        if parent is None:
            continue
        depth, kids, at = len(parent.group("indent").expandtabs(4)), [], None
        for below in lines[n + 1 :]:
            box = _BOX_LINE.match(below)
            width = len(box.group("indent").expandtabs(4)) if box else -1
            if box is None or width <= depth:
                break
            if at is None:
                at = width
            if width == at:
                kids.append(box.group("text"))
        if len(kids) >= 3:
            runs[tuple(kids)] += 1
    return frozenset(run for run, count in runs.items() if count >= 3)
