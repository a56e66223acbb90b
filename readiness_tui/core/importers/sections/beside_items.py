"""Why a plain list beside the plan's other items is read as work (``bullet_plan`` reads a plan of nothing but plain
lists whole; beside other items, only these):

* one whose lead-in names work ("Key deliverables:") under a heading whose sibling holds items ("## Sprint 1" beside
  "## Sprint 0" and its story table);
* one whose entries name streams over their bullets under a heading naming the plan's streams ("## Workstreams" >
  "1. **Identity**" > "- Validate scopes");
* a numbered list whose every entry opens with a mark saying its state ("1. ✅ **Operator**: Running", "2. 🔄 …"),
  or any list whose every entry closes with its state ("- **Express.js Server** - ✅ Complete");
* the cards of a board's column ("## In Progress" beside "## Done");
* plain bullets under a heading naming a checklist ("## Load Test & CLI Checklist"): its boxes, drawn without them;
* a numbered list under a heading naming a piece of work's steps ("## Launch Steps");
* plain bullets under a heading that is a release ("## MVP", "## Post MVP", "## v2") beside a heading holding items;
* plain bullets led in as later work ("**Future:**") in a section holding items, or under a heading naming it
  ("## 💡 Future Considerations") or naming ideas ("## 💡 Ideas / Under Consideration", "### Wishlist");
* the lists under a heading naming a phase's work ("## Phase 2" > "### Deliverables", "#### Key Features"), the
  phase's other headings holding no items (nor, for deliverables, listing its features), or naming the tasks or
  user stories it lists ("## User Stories");
* the lists of a to-do list's sections ("# TODO" > "### Formulas to write"), or of a backlog's ("## Backlog
  (Post-MVP)" > "### Sprint 7+"), and those ranked under a heading of work ("### Feature Backlog" > "#### High
  Priority");
* the steps of a phase, day or week, listed right under its heading;
* the numbered steps of a cutover day ("## D-Day", "## Go-Live Day", "## Hari H"), under its times of day or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import opening_mark
from readiness_tui.core.importers.sections.board_columns import column_state
from readiness_tui.core.importers.sections.bullet_entries import DAY_LABEL, work_entry
from readiness_tui.core.importers.sections.feature_headings import names_a_todo_list, names_of_features
from readiness_tui.core.importers.sections.heading_priority import stated_priority
from readiness_tui.core.importers.sections.heading_words import (
    about_the_plan,
    names_a_checklist,
    names_deliverables,
    names_dependencies,
    names_work,
    schedule_unit,
)
from readiness_tui.core.importers.sections.headings import names_actions
from readiness_tui.core.importers.sections.lead_ins import bold_label, is_work_label, lead_in_label, opens_with_action
from readiness_tui.core.importers.sections.patterns import PHASE_RE
from readiness_tui.core.importers.vocabulary.title_states import status_heading, trailing_status
from readiness_tui.core.importers.vocabulary.words import STREAM_HEADINGS


def _beside_items(b: Builder, sec: Section, naming: Callable[[Section], bool] | None = None) -> bool:
    """Whether a sibling section (same parent, same level) holds items, one whose heading ``naming`` accepts when
    given: "## Sprint 1" beside "## Sprint 0" and its story table. A "Next steps:" list in a log's dated entry or a
    closing summary restates work; it is not a step of it."""
    if sec.parent is None:
        return False
    return any(
        other is not sec and other.level == sec.level and (naming is None or naming(other)) and _holds_items(b, other)
        for other in sec.parent.children
    )


def _names_work_list(sec: Section) -> bool:
    """Whether a heading names a list of work: "## TODO", "## Backlog", "## Tasks"."""
    return names_a_todo_list(sec) or names_actions(sec)


def _names_streams(sec: Section) -> bool:
    """Whether a heading names the plan's streams of work ("## Workstreams", "## 4. Work packages"): the entries of
    a list under it each name a stream, and the bullets beneath them are its work, beside the plan's other items."""
    bare = " ".join(re.sub(r"^[\d.)\s]+|[^\w\s&]", " ", sec.bare_title.lower()).split())
    return bare in STREAM_HEADINGS


#: A heading naming the steps of a piece of work: "Launch Steps", "Deployment steps", "Cutover tasks".
_STEPS = re.compile(r"^[\w &/-]{0,40}?\b(?:steps|tasks)\s*$", re.I)


#: A lead-in naming work for later: "**Future:**", "Later:", "Next up:".
_LATER = re.compile(r"^(?:future(?:\s+(?:work|tasks|ideas))?|later|next(?:\s+up)?|up\s+next)$", re.I)
#: A heading naming work for later: "Future Considerations", "💡 Future Enhancements", "7. Future Ideas (v2.0+)".
_LATER_HEADING = re.compile(
    r"^[\W\d.)]*\s*future\s+(?:considerations|enhancements|ideas|work|improvements|features)\b", re.I
)
#: A heading naming ideas for work not yet planned: "💡 Ideas / Under Consideration", "Ideas for Improvement", "Crazy
#: Ideas", "Wishlist", "Someday/Maybe"; not "Project Idea" (the one idea the plan is about), nor "Contributing Ideas"
#: (how to send one).
_IDEAS_HEADING = re.compile(
    r"^[\W\d.)]*\s*(?!contribut)(?:[^\W\d_][\w&-]*\s+){0,2}?"
    r"(?:ideas|wish\s?list|under\s+consideration|someday(?:\s*/\s*maybe)?)\b",
    re.I,
)
#: A heading that is a release and nothing more: "MVP", "Post MVP", "v1.2", "v2", and its time: "Version 1.1 (Month
#: 5)"; not "v1.0.0 (Current)", what a release holds already.
_RELEASE = re.compile(
    r"^(?:(?:pre|post)[- ]?)?mvp$|^(?:v|version\s+|release\s+)\d+(?:\.\d+)*(?:\s*\([^()\d]*\d[^()]*\))?$", re.I
)

#: A heading naming the work it lists, bulleted or numbered: "📋 Key Phase 2 Tasks (Detailed planning in phase-2.md)",
#: "## User Stories", "## 💡 Community Ideas Backlog".
_TASKS_TAIL = re.compile(
    r"\b(?:tasks|user\s+stories|backlog|to\s+fix"
    # "### Geplante Aktivitäten:", "Planned activities": the work a period plans, in a plan language read.
    r"|(?:planned|upcoming|geplante|anstehende|planificadas|previstas|prévues|planejadas)\s+"
    r"(?:activities|aktivitäten|actividades|activités|atividades))\s*(?:\([^()]*\))?\s*:?\s*$",
    re.I,
)


#: A heading naming the plan's backlog, over headings that group its work: "Backlog (Post-MVP)", "Product Backlog".
_BACKLOG = re.compile(r"^\W*(?:[^\W\d_][\w-]*\s+){0,2}backlog\s*(?:\([^()]*\))?\s*:?$", re.I)


#: "## 💡 Quick Wins (Low-hanging fruit)", "### Quick wins".
_QUICK_WINS = re.compile(r"^\W*quick\s+wins\b", re.I)


#: A heading naming the day a system goes live, whose numbered lists are its steps: "D-Day", "Cutover Day",
#: "Go-Live Day", "Launch day", "Hari H — Cutover", "Día D", "Jour J", "Tag X"; not a "Cutover Plan" as a whole.
_CUTOVER_DAY = re.compile(
    r"^\W*(?:d[- ]?day|hari[- ]h|d[íi]a[- ]d|jour[- ]j|tag[- ]x|(?:cutover|go[- ]?live|launch|switch[- ]?over)\s+day)\b",
    re.I,
)


def _headings(sec: Section) -> list[Section]:
    """The section and the headings above it, the document's title aside."""
    return [s for s in (sec, *sec.ancestors()) if s.heading is not None and not s.is_title]


def _names_steps(sec: Section) -> bool:
    """Whether a heading names a piece of work's steps ("## Launch Steps"): a numbered list under it is those steps."""
    return bool(_STEPS.match(sec.bare_title.strip()))


def _states_every_entry(blk: ListBlock, sec: Section) -> bool:
    """Whether every entry of a numbered list (three at least) opens with a mark saying its state, not all the same
    ("1. ✅ **Operator**: Running" .. "4. 🔄 **Current Process**: Creating backups"): steps of work, each as far as it
    says. A bulleted list so is a legend, findings or benefits as often as work; one state throughout, a summary,
    unless such lists under the sibling headings say other states ("### Fase 1" all ✅ beside "### Fase 2" half ⏳):
    the phases' steps, each list as far as it has got."""
    states = _marked_states(blk)
    if not states or len(states) >= 2:
        return bool(states)
    siblings = sec.parent.children if sec.parent is not None and sec.heading is not None else []
    for other in siblings:
        for x in other.blocks:
            if x is not blk and isinstance(x, ListBlock):
                states |= _marked_states(x)
    return len(states) >= 2


def _marked_states(blk: ListBlock) -> set[str]:
    """The states a numbered list's marks say, when every entry (three at least) opens with one; else none."""
    marks = [opening_mark(plain(it.text)) for it in blk.items]
    if not blk.ordered or len(marks) < 3 or not all(marks):
        return set()
    return {m[0] for m in marks if m}


def _weeks_mark_their_work(sec: Section) -> bool:
    """Whether a bulleted entry under ``sec`` or under a sibling heading naming a unit of the schedule opens with a
    mark of its state (``- ✅ Merchant credentials cache``)."""
    siblings = sec.parent.children if sec.parent is not None else [sec]
    return any(
        opening_mark(plain(it.text))
        for s in siblings
        if s is sec or schedule_unit(s.bare_title)
        for blk in s.blocks
        if isinstance(blk, ListBlock) and not blk.has_checkboxes
        for it in blk.items
    )


def _led_in_as_work(before: object) -> bool:
    """Whether the block before a list is a lead-in naming work: "Key deliverables:", "**Tasks:**"."""
    label = lead_in_label(before)
    return bool(label and is_work_label(label))


#: Why a list beside the plan's other items is read (see the module doc); the streams' reading groups its entries.
STREAMS = "its entries naming streams"
#: Why a list under a day or week is read: most of its entries open with a verb of work (``notes_among_steps``).
DAY_WORK = "the work of its day or week, most entries a verb of work"
#: Why a list under a board's column is read: its cards, in the column's state.
COLUMN = "the cards of a board's column"


def board_column_state(sec: Section) -> str | None:
    """The state of the board column a section is, or is right under ("## Done" > "### Completed Features"): a
    heading naming a state beside another one at its level (``## In Progress``, ``## Done``). Under a heading about
    the plan ("## Implementation Summary" > "### ✅ Completed") such lists sum the work up; they are no board."""
    if any(s.heading is not None and not s.is_title and about_the_plan(s.title) for s in [sec, *sec.ancestors()]):
        return None
    return column_state(sec) or (column_state(sec.parent) if sec.parent is not None else None)


def read_beside_items(b: Builder, sec: Section, blk: ListBlock, before: object) -> str | None:
    """Why a plain list beside the plan's other items is read as work (the module doc's list), or None."""
    if _led_in_as_work(before) and _beside_items(b, sec) and not _outputs_of_items(b, sec, before):
        return "led in as work"
    if id(blk) in b.unread_groups and _names_streams(sec):
        return STREAMS
    if board_column_state(sec) and not lead_in_label(before):
        return COLUMN
    if (
        status_heading(sec.bare_title) == "done"
        and not lead_in_label(before)
        and _beside_items(b, sec, _names_work_list)
    ):
        # "## Implemented" over "- Camera", "- Raycaster" beside "## TODO" and its work: the list of work's other
        # column. ("## Review" beside "## Tasks" holds notes of the sprint's review.)
        return "the work done, beside the plan's to-do list"
    if (
        status_heading(sec.bare_title) == "done"
        and not lead_in_label(before)
        and sum(1 for r in b.items.values() if r.origin == "checklist") >= 3
        and all(split_keyval(it.text) is None for it in blk.items)
    ):
        # "### ✅ Completed in This Release" over "- Full async support" in a roadmap whose work still to do is boxes:
        # the work done, written without its boxes.
        return "the work done, beside the plan's boxes still to do"
    if _LATER_HEADING.match(sec.bare_title) and not lead_in_label(before):
        return "work for later, as its heading says"
    if _IDEAS_HEADING.match(sec.bare_title) and not lead_in_label(before):
        # "## 💡 Ideas / Under Consideration" over "- **AR mode** - overlay for pointing": work not yet planned.
        return "ideas for later work, as its heading says"
    if _LATER.match(lead_in_label(before)) and _holds_items(b, sec):
        # "**Future:**" over plain bullets after the section's checklist: more of its work, not started.
        return "led in as later work beside the section's items"
    if (
        _RELEASE.match(sec.bare_title)
        and not lead_in_label(before)
        and any(_beside_items(b, s) for s in [sec, *sec.ancestors()] if s.heading is not None and not s.is_title)
    ):
        # "## MVP" and "## Post MVP" over plain bullets beside "## Backlog": the releases' work, as the backlog's is;
        # so "### Version 1.1" under "## Post-Launch Roadmap" beside the plan's waves of work.
        return "the work of a release beside the plan's other items"
    if _states_every_entry(blk, sec):
        return "each entry's mark stating its state"
    if len(blk.items) >= 2 and all(trailing_status(plain(it.text))[1] for it in blk.items):
        # "- **Express.js Server** - ✅ Complete", "- **Game Sessions** - ❌ Missing": work, each in its state.
        return "each entry closing with its state"
    if names_a_checklist(sec.bare_title):
        return "its heading naming a checklist"
    if _phase_steps(b, sec, blk, before):
        return "the steps of its phase"
    if blk.ordered and _names_steps(sec):
        return "the steps its heading names"
    if blk.ordered and _STEP_UNIT.match(sec.bare_title) and _mostly_work(blk) and not lead_in_label(before):
        # "### Step 2: Configure Authentication" over "1. Setup GitLab auth App", "2. Complete the same for …": what
        # the step is done by.
        return "the work of the step its heading names"
    # ("## How to use this backlog" over its rules names the backlog, not work.)
    if _TASKS_TAIL.search(sec.bare_title) and not _holds_items(b, sec) and not about_the_plan(sec.bare_title):
        return "the tasks its heading names"
    if _QUICK_WINS.match(sec.bare_title) and all(opens_with_action(it.text) for it in blk.items):
        # "## 💡 Quick Wins (Low-hanging fruit)" over "- Add a copy button": small work, each entry a thing to do (a
        # list of nouns there names work listed elsewhere again).
        return "small work its heading names"
    if names_of_features(sec) and not lead_in_label(before):
        return "the features of its area, under a heading of features"
    if _phase_work_heading(b, sec):
        # "## Phase 2: Game Logic" > "### Deliverables" > "**Deck & Cards**:" over "- [TDD] Card model": the phase's
        # work, grouped under labels of its own, as a "**Deliverables:**" label right under the phase leads it in.
        return "the work its phase's heading names"
    if any(names_a_todo_list(s) for s in sec.ancestors()) and not lead_in_label(before):
        # "# TODO" > "### Formulas to write" over its bullets, beside headings that are items: all of it is to do.
        return "in a to-do list"
    if (
        stated_priority(sec)
        and not names_dependencies(sec.bare_title)  # "#### High-Priority Dependencies": what waits on what
        and any(s.level > 1 and names_work(s.bare_title) for s in sec.ancestors() if s.heading)
    ):
        # "### Feature Backlog" > "#### High Priority" > "- **Multi-language Support**: ...": work, ranked.
        return "ranked under a heading of work"
    if any(
        _BACKLOG.match(plain(s.bare_title)) for s in sec.ancestors() if s.heading and not s.is_title
    ) and not lead_in_label(before):
        # "## Backlog (Post-MVP)" > "### Sprint 7+: Operational Excellence" over "- Audit Log": later work, grouped.
        return "in the plan's backlog"
    if blk.ordered and schedule_unit(sec.bare_title) and not lead_in_label(before):
        return "the steps of its day or week"
    if blk.ordered and not lead_in_label(before) and any(_CUTOVER_DAY.match(s.bare_title) for s in _headings(sec)):
        # "## Hari H — Cutover" > "### Before the shop opens" > "1. Start the system": the runbook's day, step by step.
        return "the steps of the cutover day"
    if schedule_unit(sec.bare_title) and not lead_in_label(before) and _mostly_work(blk) and _beside_items(b, sec):
        # "Day 0" over "- Run snapshot on prod", "- Turn on bucket encryption" beside the plan's checklist: the
        # day's work, most entries opening with a verb of work.
        return DAY_WORK
    if schedule_unit(sec.bare_title) and not lead_in_label(before) and _weeks_mark_their_work(sec):
        # "### Week 1: Critical Path Caching" over "- ✅ Merchant credentials cache" and "- Tests + monitoring": the
        # week's work, some of it ticked off (an entry naming an item described elsewhere is that item, its state);
        # "### Week 4: Testing" over "- Load tests" beside it, work not begun.
        return "the work of its week, as its weeks mark theirs"
    if schedule_unit(sec.bare_title) and all(DAY_LABEL.match(plain(it.text)) for it in blk.items):
        # "- **Days 1-2:** Issue #1 (README)": a schedule of the plan's items, not more work.
        if not any(b.refs_in(plain(it.text)) for it in blk.items):
            return "each entry a day of its week"
    return None


#: A heading over the features a phase builds or the work it does: "Key Features", "Key Activities", "Delivered
#: Features" (under a phase done), "Scope".
_PHASE_FEATURES = re.compile(
    r"^(?:(?:key|core|main|new|planned|delivered|completed|implemented)\s+)?(?:features?|activities|scope)$", re.I
)


def names_phase_activities(sec: Section) -> bool:
    """Whether a heading right under a phase heading names what the phase builds or does: "Key Features", "Key
    Activities", "Scope" (``## Stage 9: Wide Arithmetic`` > ``### Scope`` over its work, beside its key files)."""
    up = sec.parent
    return (
        up is not None
        and up.heading is not None
        and PHASE_RE.match(up.bare_title) is not None
        and _PHASE_FEATURES.match(sec.bare_title.strip()) is not None
    )


def _phase_work_heading(b: Builder, sec: Section) -> bool:
    """Whether the heading names the work ("Deliverables", "Tasks", "Key Features") of the phase it is right under,
    and no other heading of the phase holds items (beside "### Tasks" and its items, "### Deliverables" says what
    they leave) or lists its features (beside "#### Key Features", "#### Deliverables" is what they leave)."""
    up = sec.parent
    if up is None or up.heading is None or not PHASE_RE.match(up.bare_title):
        return False
    if not names_phase_activities(sec) and (not is_work_label(sec.bare_title) or outputs_beside_work(sec)):
        return False
    return not any(_holds_items(b, s) for s in up.children if s is not sec)


def outputs_beside_work(sec: Section) -> bool:
    """Whether a heading of a phase names its work in a word ("Deliverables", "Tasks") beside a heading of the same
    phase that lists its features or activities ("#### Key Activities" over its list): the work is there, and this
    heading says what it leaves."""
    up = sec.parent
    if up is None or up.heading is None or not PHASE_RE.match(up.bare_title) or not is_work_label(sec.bare_title):
        return False
    return any(
        s is not sec
        and _PHASE_FEATURES.match(s.bare_title.strip())
        and any(isinstance(blk, ListBlock) for blk in s.blocks)
        for s in up.children
    )


def _holds_items(b: Builder, sec: Section) -> bool:
    """Whether an item was made from something under ``sec`` (its own blocks or its sub-headings')."""
    return any(sec.line <= rec.line <= sec.end for rec in b.items.values())


def _phase_steps(b: Builder, sec: Section, blk: ListBlock, before: object) -> bool:
    """Whether a list right under a phase heading, with no lead-in, is the phase's work ("### Phase 1: Delete
    Controllers" over "- Delete 95+ controller files", "- Update 18 module files", "- **Time:** 1 day"): two entries
    of work at least, most opening with a verb of work, and no item made under the phase otherwise."""
    if lead_in_label(before) or sec.line not in {rec.line for rec in b.records["phases"]}:
        return False
    if _holds_items(b, sec):
        return False
    # "1. **BuildBuddy integration**" over "- Create the project.": an entry that only names its bullets is read by them.
    steps = [x for it in blk.items for x in (it.sub_items() if _names_its_bullets(it) else [it])]
    work = [it for it in steps if work_entry(it)]
    return len(work) >= 2 and 2 * sum(opens_with_action(it.text) for it in work) > len(work)


#: A heading naming one step of a plan by its number: "Step 2: Configure Authentication", "Stage 3 - Rollout".
_STEP_UNIT = re.compile(r"^(?:step|stage)\s+\d+[a-z]?\b", re.I)


#: An entry that says how things stand or when, not what to do: "It should take <40min …", "After UAT on the new
#: site …", "New site is live".
_NOTE_ENTRY = re.compile(
    r"^(?:(?:it|this|that|we|they|there)\s+(?:is|are|should|will|can|may|might|must)\b|(?:after|once|when|if)\s"
    r"|[\w .'-]{1,40}\b(?:is|are)\s+(?:live|done|ready|up|down|complete|working)\b\.?$)",
    re.I,
)


def notes_among_steps(b: Builder, blk: ListBlock) -> ListBlock:
    """The entries of a day's list of steps that are work: one opening with no verb of work that says how things
    stand, or when (``_NOTE_ENTRY``), is a note among them, reported and left out."""
    steps = []
    for it in blk.items:
        if not opens_with_action(it.text) and _NOTE_ENTRY.match(plain(it.text).strip()):
            b.skipped(it.line, f"entry {plain(it.text)[:50]!r} among the day's steps says how things stand: a note")
        else:
            steps.append(it)
    return blk if len(steps) == len(blk.items) else ListBlock(blk.line, blk.end, blk.ordered, steps)


def _mostly_work(blk: ListBlock) -> bool:
    """Whether two entries of a list at least are work, half of them or more opening with a verb of work."""
    work = [it for it in blk.items if work_entry(it)]
    return len(work) >= 2 and 2 * sum(opens_with_action(it.text) for it in work) >= len(work)


def _names_its_bullets(it: ListItem) -> bool:
    """Whether an entry is a bold label alone over plain bullets: "1. **Release automation**" over its steps."""
    return bold_label(it.text) and any(x.checked is None for x in it.sub_items())


def _outputs_of_items(b: Builder, sec: Section, before: object) -> bool:
    """Whether a list led in as deliverables ("**Deliverables:**") stands in a section that lists its tasks already
    (a checklist made items): what those tasks leave behind, not more work."""
    label = lead_in_label(before)
    return names_deliverables(label) and _holds_items(b, sec)
