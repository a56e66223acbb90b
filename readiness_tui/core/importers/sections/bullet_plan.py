"""A plan written as nothing but plain bullets of work under its headings.

``## Pre-Go-Live`` then "- Complete UAT sign-off", ``## v0.3 (instances)`` then "- Per-instance health": many teams
write a checklist or a roadmap this way, with no ids, boxes or tables. Elsewhere such bullets are notes beside the
plan's items, so they are read only when nothing else in the document made an item; the import would otherwise say
the plan holds nothing. Then each entry of a plain list under a heading of work is an item, numbered ``T1``, ``T2``
… in the plan's order, its heading (or the short entry it sits under: "1) Reliability") its workstream. Headings
about something other than the work (context, goals, scope, criteria, risks, rollback, references) keep their
bullets as text.

Beside other items, the lists ``beside_items`` gives a reason for are read still.

A numbered list under "## Milestones" is read in a plan with nothing else: each milestone an item.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import LEAD_MARK_RE
from readiness_tui.core.importers.guided.recipe import chosen_label, recipe_option
from readiness_tui.core.importers.references.groups import title_key, titles_by_key
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.references.title_words import epic_tasks_named
from readiness_tui.core.importers.sections.beside_items import (
    COLUMN,
    DAY_WORK,
    STREAMS,
    board_column_state,
    names_phase_activities,
    notes_among_steps,
    outputs_beside_work,
    read_beside_items,
)
from readiness_tui.core.importers.sections.bullet_entries import (
    milestone_of,
    one_milestone,
    read_list,
)
from readiness_tui.core.importers.sections.heading_priority import stated_priority
from readiness_tui.core.importers.sections.heading_words import about_the_plan, names_work, schedule_unit
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.lead_ins import excludes, is_criteria, lead_in_label, opens_with_action
from readiness_tui.core.importers.sections.phases import opening_phases
from readiness_tui.core.importers.tables.row_numbers import heading_prefixes
from readiness_tui.core.importers.vocabulary.legends import column_legend

#: Roles of headings whose lists are about the plan, not its work (``headings.HEADING_RULES``).
_NOT_WORK_ROLES = frozenset(
    {
        "risks",
        "template",
        "not_in_scope",
        "progress",
        "notes",
        "definition",
        "scoring",
        "assumptions",
        "objectives",
        "milestones",
        "waivers",
    }
)


def _work_heading(sec: Section) -> bool:
    """Whether a section and the headings above it are about work (see the module doc). A heading the recipe labels
    is read as labelled (``text``, ``skip``: no items), never by this guess."""
    if chosen_label(sec) is not None or outputs_beside_work(sec):
        return False
    chain = [sec, *sec.ancestors()]
    for below, s in zip([None, *chain], chain):
        if s.heading is None or s.level == 1:
            continue
        role = heading_role(s)
        if role == "milestones" and one_milestone(s):
            continue  # "## Milestone 1-1" over its bullets groups work, as a phase does; "## Milestones" lists them
        if role == "milestones" and below is not None and (schedule_unit(below.bare_title) or one_milestone(below)):
            # "## Milestones" > "### Week 1: Set Up" (or "### Milestone 2: Dec.2") > "- Go over GitHub basics": the
            # work of each week, or of each milestone
            continue
        # "## Tasks by Team Member" names work, whoever it is about.
        if role in _NOT_WORK_ROLES or is_criteria(s.title) or (about_the_plan(s.title) and not names_work(s.title)):
            # "### Scope" right under "## Stage 9": not the plan's scope, the stage's work.
            return names_phase_activities(s)
    return True


def _about_phases(b: Builder, blk: ListBlock) -> bool:
    """Whether every entry of a list opens by naming the plan's phases by their numbers ("**Phase 1** comes first",
    "Phases 2-3 follow")."""
    phases = {str(r.values.get("id")) for r in b.records["phases"]}
    named = [opening_phases(plain(it.text)) for it in blk.items]
    return bool(phases) and all(nums and set(nums) <= phases for nums in named)


def _names_epic_tasks(b: Builder, blk: ListBlock) -> bool:
    """Whether every entry opens with an epic of the plan and words naming one of its tasks (two entries or more)."""
    named = [epic_tasks_named(b, plain(it.text)) for it in blk.items]
    return len(named) >= 2 and all(found is not None and found[1] for found in named)


def _field_cards(root: Section) -> set[int]:
    """The lists (by ``id``) whose every entry labels a value (``- **Traffic Impact:** +8% organic``), two labels at
    least and half of their own used by a list under a sibling heading too: the same facts recorded under each heading
    (a brand, a service), not work. Each list's labels are read once, and counted per group of sibling headings."""
    cards: set[int] = set()
    for parent in root.walk():
        levels: dict[int, list[tuple[Section, ListBlock, set[str]]]] = {}
        for sec in parent.children:
            for blk in sec.blocks:
                if isinstance(blk, ListBlock) and (labels := _labels(blk)):
                    levels.setdefault(sec.level, []).append((sec, blk, labels))
        for lists in levels.values():
            # How many sibling headings hold a list using each label.
            headings: dict[str, set[int]] = {}
            for sec, _, labels in lists:
                for label in labels:
                    headings.setdefault(label, set()).add(id(sec))
            for _, blk, labels in lists:
                shared = [label for label in labels if len(headings[label]) >= 2]
                if len(shared) >= 2 and 2 * len(shared) >= len(labels):
                    cards.add(id(blk))
    return cards


def _labels(blk: ListBlock) -> set[str]:
    """The labels of a list whose every entry is a label and its value, but a schedule's (``- Day 1-2: Create the
    manifest``: when, then the work) or one whose values are mostly work (``- Chaos: Run the first experiment``);
    none otherwise."""
    pairs = [kv for it in blk.items if (kv := split_keyval(it.text)) is not None and kv[1].strip()]
    if not pairs or len(pairs) < len(blk.items) or any(schedule_unit(k) for k, _ in pairs):
        return set()
    if 2 * sum(opens_with_action(v) for _, v in pairs) > len(pairs):
        return set()
    return {k.strip().lower() for k, _ in pairs}


#: A user story's opening: "I want to be able to add new blends", "As a roaster, I want …", "I need to …".
_STORY = re.compile(r"^(?:as an?\b[^,]{1,60},?\s+)?i\s+(?:want|need|would like|'d like)\b", re.I)


def _stories(blk: ListBlock) -> bool:
    """Whether most entries of a list (two at least) are user stories: what a person wants done is work, whatever
    lead-in ("Requirements:") stands over them."""
    stories = sum(1 for it in blk.items if _STORY.match(plain(it.text).strip()))
    return stories >= 2 and 3 * stories >= 2 * len(blk.items)


def _work_lead(before: object) -> bool:
    """Whether the block before a list lets it be work: anything but a lead-in naming something else."""
    label = lead_in_label(before)
    return not (label and (is_criteria(label) or about_the_plan(label) or excludes(label)))


def bullet_plan(b: Builder, root: Section) -> None:
    """Make the items of a plan written only as plain lists, or beside other items those of lists led in as work
    (see the module doc). The group lists the walk could read nothing from, and this reading did not either, are reported skipped."""
    if recipe_option("plain_lists") == "labelled":
        # The recipe's plain_lists = "labelled": the person named every section whose plain lists are work.
        b.note(0, "plain lists outside the sections the recipe labels items are not read as work (recipe)")
    else:
        _read_plain_lists(b, root, led_in_only=_plan_items(b, root))
    for line, why in b.unread_groups.values():
        b.skipped(line, why)


def _plan_items(b: Builder, root: Section) -> bool:
    """Whether the plan has items of its own beside its plain lists: not counting those a person made so by labelling
    their section ``items``, which would otherwise turn every other list of a plan of plain lists to text."""
    said = [s for s in root.walk() if s.heading is not None and chosen_label(s) == "items"]
    return any(not any(s.line <= rec.line <= s.end for s in said) for rec in b.items.values())


def _read_plain_lists(b: Builder, root: Section, led_in_only: bool) -> None:
    """``led_in_only``: the plan has other items; only the lists ``read_beside_items`` gives a reason for are read
    ("Key deliverables:" under "## Sprint 1" beside a sprint whose stories are table rows, and the others the module
    doc names). Each list read is reported with its reason."""
    lists: list[tuple[Section, ListBlock]] = []
    why: dict[int, str] = {}  # list (by ``id``) -> why it is read
    roadmaps = [] if led_in_only else _roadmaps(root)
    cards = _field_cards(root)
    for sec in root.walk():
        if sec.heading is None or id(sec) in b.templates:
            continue
        if roadmaps and not _in_or_naming_work(sec, roadmaps):
            continue
        work = _work_heading(sec)
        if not work and (led_in_only or not _milestone_list_heading(sec)):
            continue
        for n, blk in enumerate(sec.blocks):
            if not isinstance(blk, ListBlock) or blk.has_checkboxes:
                continue
            if id(blk) in b.used_blocks and id(blk) not in b.unread_groups:
                continue
            before = sec.blocks[n - 1] if n else None
            if id(blk) in cards:
                b.note(
                    blk.line, f"list under {sec.title!r}: the labelled facts its sibling headings list too, not work"
                )
                continue
            if column_legend(sec, blk):
                # "- `Depends on` - The ID(s) of the task that this task depends on": what the tables' columns hold.
                b.note(blk.line, f"list under {sec.title!r}: says what the columns of the plan's tables hold; no work")
                continue
            if not work:
                # "## Milestones" over "1. Framework demo" and what it delivers, in a plan with nothing else: the
                # milestones are its work (a milestone with an id is a record, ``records.handle_milestones``).
                reason = _MILESTONES if blk.ordered and _work_lead(before) else None
            elif not led_in_only:
                reason = "in a plan of plain lists only" if _work_lead(before) or _stories(blk) else None
            else:
                reason = read_beside_items(b, sec, blk, before)
            if reason and _about_phases(b, blk):
                # "## Order" over "- **Phase 1** must complete first": what the plan says of its phases, not work.
                b.note(blk.line, f"list under {sec.title!r}: each entry speaks of one of the plan's phases, not work")
            elif reason and _names_epic_tasks(b, blk):
                # "1. EPIC 10: Beachhead Niche Decision Matrix (P0)" in a shortlist: tasks of the epics, named again.
                b.note(
                    blk.line, f"list under {sec.title!r}: each entry names a task of an epic above; a view, not work"
                )
            elif reason:
                lists.append((sec, blk))
                why[id(blk)] = reason
    counter = [0]
    # "### P0 — Foundations" over its bullets, read as a phase by the walk: the items made here are in it.
    phases = {rec.line: str(rec.values.get("id")) for rec in b.records["phases"]}
    prefixes = _restart_prefixes(lists)
    for sec, whole in lists:
        if _schedules_items(b, whole):
            # "- Day 1: E1-D1 scaffold + i18n toggle" after the list naming task E1-D1: when each is done, not work.
            b.note(
                whole.line,
                f"list under {sec.title!r}: each entry names items of the plan by their ids; their schedule, not work",
            )
            continue
        blk = _new_cards(b, sec, whole) if why[id(whole)] == COLUMN else whole
        blk = notes_among_steps(b, blk) if why[id(whole)] == DAY_WORK else blk
        gaps = board_column_state(sec) is not None and _gaps_of_heading(sec, blk)
        if gaps:
            # "### 1. Email Notifications" over "- ❌ No email service integration", "- ❌ No receipts": under a column
            # of work not done, the heading names the card; its entries say what is missing.
            name = re.sub(r"^\d+[.)]\s+", "", plain(sec.bare_title)).strip()
            blk = ListBlock(blk.line, blk.end, False, [ListItem(sec.line, blk.end, name, children=[blk])])
        made = read_list(
            b,
            blk,
            sec,
            counter,
            prefixes.get(id(whole)),
            why[id(whole)] == STREAMS,
            why[id(whole)] != _MILESTONES and not gaps,
        )
        for rid in made if gaps else []:
            b.items[rid].values.pop("workstream", None)  # its heading is the card, not a group of cards
        pid = next(
            (phases[s.line] for s in (sec, *sec.ancestors()) if s.heading is not None and s.line in phases), None
        )
        for rid in made if pid else []:
            b.items[rid].values.setdefault("phase", pid)
        # "## Priorité haute", "### Day 1-2: Fixes [URGENT]" over "#### Security" and its list: the nearest heading
        # stating a priority ranks them.
        prio = next((p for s in (sec, *sec.ancestors()) if (p := stated_priority(s))), None)
        for rid in made if prio else []:
            b.items[rid].values.setdefault("priority", prio)
        if made and (m := one_milestone(sec)):
            milestone_of(b, sec, m, made)
        if made or blk is not whole:
            # The list and the lists nested in its entries (their descriptions now) are read.
            for key, (line, _) in list(b.unread_groups.items()):
                if whole.line <= line <= whole.end:
                    del b.unread_groups[key]
            b.consume(whole, sec)
        if made:
            b.used(blk.line, f"list under {sec.title!r}, {why[id(whole)]} -> items {id_span(made)}")


#: An entry saying what a piece of work lacks: "No email service integration", "❌ Not connected", "Missing tests".
_GAP = re.compile(r"^(?:no|not|missing|lacks?|without)\b", re.I)


def _schedules_items(b: Builder, blk: ListBlock) -> bool:
    """Whether every entry of ``blk`` names, by its id, an item the plan made from another block."""
    outside = {i for i, rec in b.items.items() if not blk.line <= rec.line <= blk.end}
    return bool(outside) and all(set(ids_in_text(plain(it.text))) & outside for it in blk.items)


def _gaps_of_heading(sec: Section, blk: ListBlock) -> bool:
    """Whether every entry of a list right under a sub-heading of a column says what the heading's work lacks."""
    if sec.level < 3 or not blk.items:
        return False
    return all(_GAP.match(LEAD_MARK_RE.sub("", plain(it.text))) for it in blk.items)


#: A heading over the plan's roadmap or its breakdown of tasks: "## 🎯 Version History & Roadmap", "## Roadmap", "#
#: ROUGH BREAKDOWN OF TASKS:".
_ROADMAP = re.compile(r"\b(?:roadmap|breakdown of tasks|tasks? breakdown)\b", re.I)
#: A heading over the plan's user stories, "# USER STORY:": what users want built is work.
_STORIES = re.compile(r"^user\s+stor(?:y|ies)\s*:?$", re.I)
#: A heading over what a product has, not work on it: "## Key Features", "### Features".
_FEATURES_HELD = re.compile(r"^(?:key\s+|main\s+|core\s+)?features?$", re.I)


def _roadmaps(root: Section) -> list[Section]:
    """The sections under the title whose heading names a roadmap: in a README that has one, its other lists (key
    features, architecture, security) describe the product. None where the title names work ("# zwasm Roadmap"):
    the whole document is the plan."""
    if any(s.is_title and names_work(s.bare_title) for s in root.walk()):
        return []
    return [s for s in root.walk() if s.heading is not None and not s.is_title and _ROADMAP.search(s.bare_title)]


def _in_or_naming_work(sec: Section, roadmaps: list[Section]) -> bool:
    """Whether a section is (under) one of the plan's ``roadmaps``, or its heading or one above it names work other
    than the features a product has."""
    chain = [sec, *sec.ancestors()]
    if any(s in roadmaps for s in chain):
        return True
    return any(
        s.heading is not None
        and not s.is_title
        and (names_work(s.bare_title) or _STORIES.match(s.bare_title))
        and not _FEATURES_HELD.match(s.bare_title)
        for s in chain
    )


def _new_cards(b: Builder, sec: Section, blk: ListBlock) -> ListBlock:
    """The entries of a column's list that are new work. A card whose title is an item's ("Implement basic move
    validation" under "## In Progress", its box still under "## Backlog") moved to this column: the item takes the
    column's state, and makes no second item."""
    state = board_column_state(sec)
    titles = titles_by_key(b.items)
    new = []
    for it in blk.items:
        rid = titles.get(title_key(it.text))
        if rid is None or state is None:
            new.append(it)
            continue
        b.items[rid].values["status"] = state
        b.status_stated.add(rid)
        b.note(it.line, f"card {plain(it.text)[:50]!r} under {sec.title!r} is {rid}: now {state}")
    return blk if len(new) == len(blk.items) else ListBlock(blk.line, blk.end, blk.ordered, new)


#: Why the numbered list under a heading of milestones is read; each entry is one, what it delivers beneath it.
_MILESTONES = "the milestones of a plan with nothing else"


def _milestone_list_heading(sec: Section) -> bool:
    """Whether ``sec`` is a heading of milestones ("## Milestones", not "## Milestone 2") under headings of work."""
    return (
        heading_role(sec) == "milestones"
        and not one_milestone(sec)
        and (sec.parent is None or sec.parent.heading is None or _work_heading(sec.parent))
    )


def _restart_prefixes(lists: list[tuple[Section, ListBlock]]) -> dict[int, str]:
    """List (by ``id``) -> what comes before its entries' numbers, where two or more numbered lists under their own
    headings each count from 1 again ("## Sprint 1" > "1. …" "2. …", "## Sprint 2" > "1. …"): the same numbers name
    different work, so each entry is the heading's number and its own (``2.1``), as such tables' rows are. A plan
    whose one list of work is numbered keeps its numbers."""
    # A list of one entry ("### Phase 3" over "1. Bigger buttons") counts from 1 as its siblings do.
    numbered = [
        (sec, blk)
        for sec, blk in lists
        if blk.ordered and [it.number for it in blk.items] == list(range(1, len(blk.items) + 1))
    ]
    if not any(len(blk.items) >= 2 for _, blk in numbered):
        return {}
    if len(lists) == 1 and len(numbered) == 1:
        # "1. Überprüfung des Sprint-Backlogs" .. "6. Kommunikation": the plan's one numbered list numbers its work.
        return {id(numbered[0][1]): ""}
    if len(numbered) < 2 or len({id(sec) for sec, _ in numbered}) < len(numbered):
        return {}
    return {id(blk): p for (_, blk), p in zip(numbered, heading_prefixes([s for s, _ in numbered]), strict=True)}
