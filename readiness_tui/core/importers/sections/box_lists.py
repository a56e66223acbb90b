"""A checklist met where it stands (``generic``): its boxes are the work, unless the section, the list's lead-in
or the plan around it says they are something else: criteria, a form to sign, questions, the answers of a go/no-go
decision, files to change, a view of items named elsewhere, checks around the plan's rows. Such boxes are kept as
text, and the report says why."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph, Section, plain
from readiness_tui.core.importers.entries.entry_ids import entry_id
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.item_steps import steps_into
from readiness_tui.core.importers.entries.lists import checklist, given_ids
from readiness_tui.core.importers.guided.recipe import chosen_label
from readiness_tui.core.importers.sections.box_views import (
    deliverables_beside_tasks,
    done_log,
    names_numbered_items,
    names_phases,
    restates_ids,
)
from readiness_tui.core.importers.sections.heading_groups import boxes_of_work, groups_checklists
from readiness_tui.core.importers.sections.heading_priority import lead_in_priority
from readiness_tui.core.importers.sections.heading_words import names_a_checklist, schedule_unit
from readiness_tui.core.importers.sections.headings import heading_role, names_actions
from readiness_tui.core.importers.sections.lead_ins import conditional, is_criteria, is_task_label, lead_in_aside
from readiness_tui.core.importers.sections.patterns import PHASE_RE, Ctx, numbered
from readiness_tui.core.importers.sections.state_choices import read_state_choice

#: A blank to fill in: "Tech Lead: _______________", "Date: ____".
_BLANK = re.compile(r"[:：]\s*(?:\\?_){4,}")


#: A box recording a value under its label, the value set apart in bold or code: "BUSCO version used: **v5.3.2**",
#: "Complete (C): **95.6%**", "Output directory: `/scratch/run`" (a date or a note in brackets may follow).
_RECORDED = re.compile(r"^(?:[^:*`\n]|`[^`\n]+`){2,60}:\s*(?:\*\*[^*\n]+\*\*|`[^`\n]+`)(?:\s*\([^()\n]*\))?\s*$")


#: An entry that opens with a file path in a code span: ```src/api.ts``` or ```setup.py```.
_FILE_LEAD_RE = re.compile(r"^`[\w./-]*(?:/[\w.-]+|\.[A-Za-z]{1,5})`")


def _under_criteria(sec: Section) -> bool:
    """A heading about criteria, or a subsection of one ("## Success criteria" > "### MVP"). A phase named by the
    topic of rules ("### Phase 1: Code Quality Standards" over its boxes) holds work; one named by its criteria
    ("### Phase 1 exit criteria") holds conditions."""
    return any(
        s.heading is not None and s.level > 1 and is_criteria(s.title, rules=not PHASE_RE.match(s.bare_title))
        for s in [sec, *sec.ancestors()]
    )


#: A heading over what the plan covers, set against what it leaves out: "In Scope", "### In-scope areas". ("## Scope"
#: alone as often lists the work itself: "- [ ] Ship the sync".)
_SCOPE = re.compile(r"^\W*(?:\d+(?:\.\d+)*[.)]?\s*)?in[\s-]scope\b", re.I)


def _under_scope(sec: Section) -> bool:
    """A heading over what the plan covers, or a subsection of one ("### In Scope" > "#### Functional Areas")."""
    return any(s.heading is not None and s.level > 1 and _SCOPE.match(s.bare_title) for s in [sec, *sec.ancestors()])


#: A heading about checking, in the plan languages read ("Final check", "最終整合性チェック", "Проверки").
_CHECKS = re.compile(
    r"\b(?:checks?|verification|verify|validation checklists?)\b|\b(?:test(?:ing)?|qa|smoke)\s+check\s?lists?\b|"
    r"チェック|確認|检查|核对|점검|검증|провер|prüf|vérif|verific|comprob",
    re.I,
)


def _files_section(sec: Section) -> bool:
    """A heading about files (``Files``, ``Files to modify``, ``Affected files``)."""
    return sec.heading is not None and bool(re.search(r"\bfiles?\b", sec.title, re.I))


#: An entry that is one answer of a go/no-go decision: "GO - Launch on March 1", "No-go: delay", "Conditional GO".
_GO_NO_GO = re.compile(r"^(?:conditional\s+)?(?:no[\s-]?go|go)\b(?!\s*(?:live|to|through|over|back)\b)", re.I)


#: An id numbering an acceptance or success criterion: "AC1", "AC-2", "SC-3".
_CRITERION_ID = re.compile(r"^(?:AC|SC)[-_]?\d+$")


#: A line naming one task by its word and number, then its title: "**Task 1.1:** Create the types (4 hours)",
#: "**Story 3: Sign-up flow**".
_TASK_LEAD = re.compile(
    r"^(?P<word>task|story|ticket|tarea|tâche|tache|aufgabe|tarefa|compito)\s+(?P<num>\d+(?:\.\d+)*[a-z]?)\s*:\s*"
    r"(?P<title>\S.*)$",
    re.I,
)


def _task_lead(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx) -> bool:
    """The item of the line right before ``lst`` when that line names one task in bold by its word and number and
    gives its title (``_TASK_LEAD``), the boxes its steps as under a task's heading (``item_steps.steps_into``);
    False when there is none. The line's fields in brackets ("(4 hours)") are the item's."""
    at = next((n for n, blk in enumerate(sec.blocks) if blk is lst), 0)
    par = sec.blocks[at - 1] if at else None
    if not isinstance(par, Paragraph) or "\n" in par.text.strip() or not par.text.lstrip().startswith("**"):
        return False
    m = _TASK_LEAD.match(plain(par.text, keep_code=True).strip())
    if m is None or m["num"] in b.items:
        return False
    rid = m["num"]
    title, fields = inline_fields(b, m["title"], par.line, rid)
    values: dict[str, Any] = {"id": rid, "title": title, "kind": "task", **ctx.item_fields(), **fields}
    steps_into(b, rid, list(lst.items), values, lst.line, own_boxes=True)
    if b.add_item(values, par.line, "task line") is None:
        return False
    b.consume(par, sec)
    b.consume(lst, sec)
    b.used(par.line, f"line naming {m['word']} {rid} over its boxes -> item {rid}")
    return True


def read_boxes(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx, lead_in: str | None, said: str | None) -> None:
    """The boxes of ``lst`` as items, or kept as text with the reason said. ``lead_in`` is the label leading the
    list in ("**Tasks:**"), ``said`` what a recipe calls the lists it leads."""
    entries = lst.items
    if chosen_label(sec) == "items" or said == "items":
        # A person said these boxes are items: none of the guesses below that keep boxes as text applies.
        checklist(b, lst, sec, ctx)
        return
    if ctx.parent is None and _task_lead(b, lst, sec, ctx):
        # "**Task 1.1:** Create the types (4 hours)" over its boxes: the task, and its steps.
        return
    tails = given_ids([plain(it.text, keep_code=True) for it in entries])
    with_ids = sum(
        1
        for it, tail in zip(entries, tails, strict=True)
        if (found := entry_id(it.text, plain(it.text)) or numbered(plain(it.text)) or tail)
        # "- [x] AC1: …", "SC-2": an id that numbers a criterion says what the box is, not that it is work.
        and not (isinstance(found, tuple) and _CRITERION_ID.match(str(found[0])))
    )
    if with_ids == 0 and all(_BLANK.search(it.text) for it in entries):
        # "- [ ] Tech Lead: _______________  Date: _______": a form's lines to sign, not work.
        b.note(lst.line, f"checklist under {sec.title!r} is a form to sign (blanks to fill): kept as text")
        return
    if (
        with_ids == 0
        and len(entries) >= 2
        and all(it.box == "done" and _RECORDED.match(it.text.strip()) for it in entries)
    ):
        # "- [x] BUSCO version used: **v5.3.2**", "- [x] Complete (C): **95.6%**": what a run gave, noted down once
        # known ("- [ ] Tool: `run_tests`", still open, names work).
        b.note(lst.line, f"checklist under {sec.title!r} records values under their labels: not work; kept as text")
        return
    if with_ids == 0 and all(plain(it.text).rstrip().endswith("?") for it in entries):
        # "**To decide:** - [ ] Prices OK? - [ ] Trial: 14 days?": questions for a person, not tasks.
        b.note(lst.line, f"checklist under {sec.title!r} asks questions: decisions to make, kept as text")
        return
    if ctx.parent is None and with_ids == 0 and read_state_choice(b, lst, sec):
        return  # "<summary>Set up the repo</summary>" over "1. [ ] Not started 2. [ ] In progress 3. [x] Done"
    if len(entries) >= 2 and all(_GO_NO_GO.match(plain(it.text)) for it in entries):
        # "- [ ] **GO** - Launch on March 1", "- [ ] **NO-GO** - Delay": the answers, one to tick; not work.
        b.note(lst.line, f"checklist under {sec.title!r}: the options of a go/no-go decision, kept as text")
        return
    if _under_criteria(sec) and ctx.parent is None and with_ids * 2 < len(entries):
        # "## Success criteria", "### Exit criteria for Phase 3": conditions; kept as the section's text.
        b.criteria_lists.append((lst, sec, ctx, f"checklist under {sec.title!r}: criteria, not tasks; no items made"))
        return
    if _under_scope(sec) and ctx.parent is None and with_ids == 0:
        # "## Scope" > "### In Scope" > "- [ ] Shopping cart operations": the areas the plan covers, not its work.
        b.note(lst.line, f"checklist under {sec.title!r}: what the plan covers, not tasks; kept as text")
        return
    if conditional(sec) and ctx.parent is None and with_ids == 0:
        # "## Troubleshooting" > "### 1. If Workflows Fail to Start": what to check should it happen, not work.
        b.note(lst.line, f"checklist under {sec.title!r}: steps for when something goes wrong; kept as text")
        return
    # ("**Behavior Checklist** (from Plan Acceptance Criteria):": the aside says what the boxes are.)
    criteria = lead_in is not None and (is_criteria(lead_in) or is_criteria(lead_in_aside(sec, lst)))
    if criteria and ctx.parent is None and with_ids * 2 < len(entries):
        # "**Expected outputs:**", "**Acceptance criteria:**" over boxes: what the work above must leave behind.
        b.criteria_lists.append((lst, sec, ctx, f"checklist under {lead_in!r}: criteria, not tasks; kept as text"))
        return
    if (
        with_ids == 0
        and _files_section(sec)
        and all(_FILE_LEAD_RE.match(plain(it.text, keep_code=True)) for it in entries)
    ):
        # "### Files" then "- [ ] `src/api.ts` — remove the route": where the change lands, not items.
        b.note(lst.line, f"checklist under {sec.title!r} names files to change: kept as text")
        return
    if with_ids == 0 and ctx.parent is None and (restates_ids(b, lst, entries) or names_numbered_items(b, entries)):
        # "- [ ] Finish SR-03", "- [ ] Unblock SR-05": every entry is about an item named elsewhere.
        b.note(lst.line, f"checklist under {sec.title!r} only names items by their ids: a view, kept as text")
        return
    if with_ids == 0 and ctx.parent is None and names_phases(b, entries):
        # "- [ ] Phase 1: Foundation" beside "## Phase 1 Tasks" over its boxes: the phases summed up.
        b.note(
            lst.line,
            f"checklist under {sec.title!r} lists the plan's phases, whose boxes are the work; kept as text",
        )
        return
    if with_ids == 0 and ctx.parent is None and deliverables_beside_tasks(sec):
        b.note(lst.line, f"checklist under {sec.title!r}: what the tasks beside it leave, not work; kept as text")
        return
    if with_ids == 0 and ctx.parent is None and done_log(sec, entries):
        # "## Ce qui est fait" then 17 ticked boxes, in a plan whose work is rows with ids: a record of what
        # was finished before the plan, not its items.
        b.note(lst.line, f"checklist under {sec.title!r}: a log of work done beside the plan's items; kept as text")
        return
    # Under "## Backlog" or "## Tasks" the boxes are work whatever the plan's other lists look like, and so under
    # "## Next Sprint" in "# Action items".
    # (The document's title says what the whole plan is: "Task List: Migration Guide" holds its checks too.)
    # A numbered section listing its tasks as boxes ("#### 1.1 Password hardening") names them work too.
    # So under "##### Category 1" in "#### 7.2 Test Categories", a heading over nothing but such checklists.
    # And boxes led in as "Tasks:" are the tasks they are called, whatever the heading above them.
    listed_work = (
        heading_role(sec) in ("actions", "task_group", "phase")
        or bool(lead_in and is_task_label(lead_in, boxes=True))
        or any(names_actions(s) for s in sec.ancestors() if not s.is_title)
        or (sec.parent is not None and groups_checklists(sec.parent))
        # "### Week 2-4: Optimization" over its boxes: what is done in that part of the schedule.
        or schedule_unit(sec.bare_title)
    )
    # "- [ ] **Data at Rest**" over boxes of its own: work with its steps, as the plan's boxes with ids are.
    stepped = boxes_of_work(entries)
    if with_ids == 0 and ctx.parent is None and b.checklists_with_ids and not listed_work and not stepped:
        # The plan gives its checklist entries ids ("- [ ] #214 ..."): boxes without any are reminders
        # or conditions ("QA sign-off on 3 devices"), not items of the plan.
        b.note(lst.line, f"checklist under {sec.title!r} has no ids where the plan's other checklists do: kept as text")
        return
    if (
        with_ids == 0
        and ctx.parent is None
        and b.id_headings >= 2
        # "### 1.1 Fix Broken MP Photos" over its boxes of work: headings that name topics, not items with
        # steps; the plan's other boxes are its work too.
        and 2 * b.topic_headings < b.id_headings
        and not listed_work
        and not stepped
        and not names_a_checklist(sec.bare_title)  # "## Checklist" beside "### 1.1 x": the plan's own boxes
    ):
        # The plan names its items in headings ("## Task 9.1: x"), their steps under them: boxes outside
        # any of them ("Pre-Implementation", "Verification") are checks around the work, not items.
        b.note(lst.line, f"checklist under {sec.title!r} has no ids where the plan's item headings do: kept as text")
        return
    # The plan's work is rows of a table, or the tasks listed under its phases.
    rows = b.named_id_rows >= 2 or sum(1 for r in b.items.values() if r.origin in ("table", "phase list")) >= 2
    checking = any(s.heading is not None and _CHECKS.search(s.title) for s in [sec, *sec.ancestors()])
    if with_ids == 0 and ctx.parent is None and rows and checking:
        # "## 7. Final consistency check" boxes in a plan whose items are table rows with ids (P0-A, 1.1), or
        # "### BYOK Hub" boxes under "## 🧪 TESTING CHECKLIST".
        b.note(lst.line, f"checklist under {sec.title!r}: checks around the plan's item rows, kept as text")
        return
    if prio := lead_in_priority(lead_in):
        # "Checklist (prioridade média):" over the boxes: each of them that priority.
        ctx = replace(ctx, priority=prio)
    checklist(b, lst, sec, ctx)
    return


def criteria_checklists(b: Builder) -> None:
    """The checklists read as criteria (``read_boxes``): said so, unless nothing else in the plan is work. Then
    the plan is a checklist ("# Release Sign-Off Checklist" over its boxes) and its boxes are its items."""
    other_work = bool(b.items)
    for lst, sec, ctx, why in b.criteria_lists:
        if other_work:
            b.note(lst.line, why)
            continue
        checklist(b, lst, sec, ctx)
        b.note(lst.line, f"checklist under {sec.title!r}: the plan holds no other work, so its boxes are its items")
