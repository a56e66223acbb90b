"""The lists under a phase heading: its work, and what ends it.

Lists a phase introduces with a bold label: ``**Actions:**`` over work, ``**Exit criteria:**`` over conditions.

    ## Phase 1 — Closed beta
    **Actions:**
    1. Create the accounts
    2. Send the welcome mail
    **Criteria to pass to Phase 2:**
    - [ ] No blocking bug open

The work lists become items of the phase, numbered ``P1-1``, ``P1-2`` .. in the order the phase gives them (the
plan names none), and so do the boxes under any other label ("**Prerequisites:**") when none has an id of its
own; the criteria lists become the phase's exit conditions, not items. A label that is neither is
left to the readers that come after.

A phase named again under a heading of criteria (``## Success Criteria`` > ``### Phase 1 Completion``) after the
plan laid it out with its work: the bullets beneath say what ends it, the phase's exit conditions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import LEAD_MARK_RE, entry_id, opening_mark
from readiness_tui.core.importers.entries.entry_marks import closing_bracket_status
from readiness_tui.core.importers.entries.entry_names import dashed_list, labelled_list, named_then_explained
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.phase_lists import phase_key
from readiness_tui.core.importers.guided.recipe import chosen_list, recipe_option
from readiness_tui.core.importers.references.ids import RISK_ID_RE, id_span, is_id
from readiness_tui.core.importers.sections.heading_numbers import document_fact
from readiness_tui.core.importers.sections.heading_words import names_deliverables
from readiness_tui.core.importers.sections.lead_ins import (
    is_criteria,
    is_task_label,
    is_work_label,
    leading_line,
    states_values,
)
from readiness_tui.core.importers.sections.patterns import PHASE_RE
from readiness_tui.core.importers.sections.phase_numbers import numbers_given, numbers_run_on
from readiness_tui.core.importers.sections.phase_states import phase_state
from readiness_tui.core.importers.sections.phases import marked_list
from readiness_tui.core.importers.vocabulary.dates import duration_days
from readiness_tui.core.importers.vocabulary.owners import names_a_person
from readiness_tui.core.importers.vocabulary.priorities import ranked_mark
from readiness_tui.core.importers.vocabulary.title_states import closing_state

#: A paragraph that is only a bold label ending in a colon: ``**Actions :**``, ``**Tasks**:``.
_LABEL_RE = re.compile(r"^\s*\*\*(?P<label>[^*\n]+?)\s*:?\s*\*\*\s*:?\s*$")


def _label(par: Paragraph) -> str | None:
    line = leading_line(par.text)  # "**Goal**: Basic backup" then "**Deliverables**:": the last line leads in
    m = _LABEL_RE.match(line)
    if not m or ":" not in line:
        return None
    label = m.group("label").rstrip(" :")
    if ":" in label and label.split(":", 1)[1].strip():
        # "**Gate: CI green on an empty game.**": a statement with its value, not a lead-in to the list after it.
        return None
    return " ".join(label.lower().split())


def _stated_criterion(par: Paragraph) -> str | None:
    """The criterion a bold line states with its label ("**Gate: CI green on an empty game.**" -> "CI green on an
    empty game"), or None."""
    m = _LABEL_RE.match(leading_line(par.text))
    if m is None or ":" not in m.group("label"):
        return None
    key, value = m.group("label").split(":", 1)
    return value.strip().rstrip(".") if value.strip() and is_criteria(key) else None


def _own_id(text: str) -> bool:
    """Whether a box opens with an id of its own; a risk's id ("R-01 resolved") names the risk, not the box."""
    lead = entry_id(text, plain(text))
    return bool(lead and is_id(lead[0]) and not RISK_ID_RE.match(lead[0]))


def _criteria_of_a_phase_before(b: Builder, sec: Section, pid: str) -> bool:
    """Whether a phase heading under a heading of criteria names a phase the plan laid out before ("### Phase 1:
    Essential Operations" over its work, then "## Success Criteria" > "### Phase 1 Completion"): its lists say what
    ends that phase. A phase first met there ("## Definition of Done" > "### Phase 1: Design") holds its work."""
    if not any(s.heading is not None and is_criteria(s.title) for s in sec.ancestors()):
        return False
    return any(rec.values.get("id") == pid and rec.line < sec.line for rec in b.records["phases"])


#: A phase heading naming what the phase leaves, beside its deliverables: "Phase 2 outputs", "Phase 3 artifacts".
_PHASE_OUTPUTS = re.compile(r"\b(?:outputs|artifacts)\b", re.I)


def _deliverables_of_a_phase_before(b: Builder, sec: Section, pid: str) -> bool:
    """Whether a phase heading naming deliverables ("### Phase 1 Deliverables") repeats a phase the plan laid out
    before with its work: its lists are what that work leaves, not more of it."""
    title = plain(sec.bare_title)
    if not (names_deliverables(title) or _PHASE_OUTPUTS.search(title)):
        return False
    return any(rec.values.get("id") == pid and rec.line < sec.line for rec in b.records["phases"])


def phase_task_entries(b: Builder, sec: Section, pid: str, lst: ListBlock, counter: list[int]) -> list[ListItem]:
    """Make the work a phase's list of fields holds under a label of work (``- **Tasks**:`` over sentences, beside
    ``- **Goal**:`` and ``- **Dependencies**: Phase 0``) its items ``P<phase>-<n>``; the entries left, its fields.
    Entries opening with ids name items made elsewhere (``- **Tasks**: T-1, T-2``) and are left to be read so."""
    rest: list[ListItem] = []
    for it in lst.items:
        kv = split_keyval(it.text)
        subs = it.sub_items()
        cites = any(_own_id(x.text) or is_id(plain(x.text).strip()) for x in subs)
        if kv and not plain(kv[1]) and phase_key(kv[0]) == "items" and subs and not cites:
            made: list[str] = []
            for block in it.children:
                _add_items(b, pid, block, counter, made, plan_numbers=numbers_run_on(sec.root))
            b.used(it.line, f"list under {plain(kv[0])!r} in {sec.title!r} -> items {id_span(made)} of phase {pid}")
        else:
            rest.append(it)
    return rest


def phase_label_lists(b: Builder, sec: Section, pid: str, values: dict[str, Any], counter: list[int]) -> None:
    """Read the phase's labelled lists: work -> items ``P<phase>-<n>``, criteria -> the phase's exit (or entrance).
    Boxes the phase heading stands over directly, without a label and without ids, are its work too. ``counter``
    numbers the items on from those ``phase_task_entries`` made."""
    blocks = sec.blocks
    for n, lst in enumerate(blocks):
        if not isinstance(lst, ListBlock) or id(lst) in b.used_blocks:
            continue
        par = blocks[n - 1] if n else None
        label = _label(par) if isinstance(par, Paragraph) else None
        if isinstance(par, Paragraph) and label is None and (gate := _stated_criterion(par)):
            # "**Gate: CI green on an empty game.**" over the phase's boxes: what ends the phase, said in the line.
            values["exit"] = values.get("exit", []) + [gate]
            b.consume(par, sec)
            b.note(par.line, f"line {gate[:40]!r} in {sec.title!r}: the criterion of phase {pid} (exit)")
        own_ids = any(_own_id(it.text) for it in lst.items)
        bare_boxes = lst.has_checkboxes and not own_ids
        if label is None and _deliverables_of_a_phase_before(b, sec, pid):
            # "### Phase 1 Deliverables" after phase 1's tasks: what they leave behind ("- [ ] Tagged v0.0.1-alpha").
            b.consume(lst, sec)
            b.keep_text(lst, sec.title, f"list under {sec.title!r}: what phase {pid}'s work leaves, not items")
            continue
        if label is None:
            what = _unlabelled_work(sec, lst, own_ids)
            # Only where the plan names no items in headings ("#### Task 1.1: x"): there, boxes beside them are
            # checks around the work ("### Phase 1 Deliverables"), and a criteria heading's boxes are conditions.
            # A line stating the phase's goal ("🎯 **Goal:** ...") above the list leads nothing in: the list stands alone.
            alone = not isinstance(par, Paragraph) or states_values(par.text)
            if what and alone and b.id_headings < 2 and not is_criteria(sec.title):
                if _criteria_of_a_phase_before(b, sec, pid):
                    # "## Success Criteria" > "### Phase 1 Completion" over "- ✅ Handles 50K msgs/s": what ends it.
                    values["exit"] = values.get("exit", []) + [plain(it.text, keep_code=True) for it in lst.items]
                    b.consume(lst, sec)
                    b.note(lst.line, f"list under {sec.title!r}, a heading of criteria: criteria of phase {pid} (exit)")
                    continue
                _items(b, sec, pid, lst, counter, f"{what} under {sec.title!r}")
            continue
        assert isinstance(par, Paragraph)
        said = chosen_list(label)
        if said == "text":
            # A person said the lists this label leads in are no items ("**Deliverables:**" under each phase).
            b.consume(par, sec)
            b.consume(lst, sec)
            b.keep_text(
                lst, sec.title, f"list under {label!r} in {sec.title!r}: text, as the recipe says ([[sections]])"
            )
        elif said == "items":
            b.consume(par, sec)
            _items(b, sec, pid, lst, counter, f"list under {label!r} in {sec.title!r}, as the recipe says,")
        elif is_criteria(label) or (is_criteria(sec.title) and not is_work_label(label)):
            # "### Phase 7 Verification" over "**Production Readiness:**": the checks closing the phase, whatever the
            # label says they are about.
            key = "entrance" if phase_key(label) == "entrance" else "exit"
            values[key] = values.get(key, []) + [plain(it.text, keep_code=True) for it in lst.items]
            b.consume(par, sec)
            b.consume(lst, sec)
            b.note(lst.line, f"list under {label!r} in {sec.title!r}: criteria of phase {pid}, not items ({key})")
        elif "deliverable" in label and (_lists_own_tasks(sec) or _tasks_led_in(sec)):
            # "**Deliverables**:" after the phase's tasks ("- [ ] **1.16**: Add rules", or boxes led in as
            # "**Tasks:**"): what they leave behind.
            b.consume(par, sec)
            b.consume(lst, sec)
            b.keep_text(
                lst,
                f"{sec.title}: {label}",
                f"list under {label!r} in {sec.title!r}: what the phase's tasks deliver, not items; kept as text",
            )
        elif is_work_label(label) or bare_boxes:
            b.consume(par, sec)
            _items(b, sec, pid, lst, counter, f"list under {label!r} in {sec.title!r}")


def _unlabelled_work(sec: Section, lst: ListBlock, own_ids: bool) -> str | None:
    """What makes a list right under a phase heading, with no label, its work (for the report), or None: boxes;
    bullets that tick themselves off ("- ✅ CI set up"), as boxes do (under a label, "**Exit criteria**:", they may be
    conditions met, so only boxes count there); or plain bullets where the plan's phases tick theirs ("### Phase 3:
    Advanced Features (Optional)" over what is not begun). Entries with ids of their own are items made elsewhere."""
    if own_ids:
        return None
    if lst.has_checkboxes:
        return "boxes"
    if marked_list(lst):
        return "ticked bullets"
    if _phases_tick_bullets(sec):
        return "bullets, as other phases tick theirs,"
    if closing_state(sec.title):
        return "bullets under a phase heading that ticks itself off"
    if any(s.heading is not None and not s.is_title and is_task_label(plain(s.bare_title)) for s in sec.ancestors()):
        # "## Tasks" > "### Phase 1: Discovery" over "- **Requirements Gathering** (5 days, Mike Chen)".
        return "bullets under a heading naming tasks"
    if _phases_tick_headings(sec):
        return "bullets, as a phase heading that ticks itself off holds its,"
    if any(s.heading is not None and not s.is_title and _AHEAD.search(plain(s.bare_title)) for s in sec.ancestors()):
        # "## 🚀 Future Phases (Post-M7)" > "### Phase B: Distributed Sharding" over "- Multi-node cell ownership".
        return "bullets under a heading of phases ahead"
    return None


#: A heading over the phases still ahead: "Future Phases", "Upcoming phases", "Planned Phases", "Next phases".
_AHEAD = re.compile(r"\b(?:future|upcoming|planned|next|later)\s+(?:phases|stages)\b", re.I)


def _phases_tick_headings(sec: Section) -> bool:
    """Whether a phase heading of the plan ticks itself off (``## Phase 1 – Setup ✔``) over plain bullets: its
    bullets are its work, done, and those of the phases not yet ticked are theirs (a plan is one shape)."""
    return _some_phase(
        sec,
        "phase headings tick themselves",
        lambda s: (
            bool(closing_state(s.title))
            and any(isinstance(blk, ListBlock) and not blk.has_checkboxes for blk in s.blocks)
        ),
    )


def _phases_tick_bullets(sec: Section) -> bool:
    """Whether a phase heading of the plan stands over bullets that tick themselves off (``marked_list``)."""
    return _some_phase(
        sec, "phases tick bullets", lambda s: any(isinstance(blk, ListBlock) and marked_list(blk) for blk in s.blocks)
    )


def _some_phase(sec: Section, fact: str, holds: Callable[[Section], bool]) -> bool:
    """Whether a phase heading of the plan ``holds`` (read once a document, as its ``fact``)."""
    root = sec.root
    return document_fact(
        root,
        fact,
        lambda: any(s.heading is not None and PHASE_RE.match(s.bare_title) and holds(s) for s in root.walk()),
    )


def _lists_own_tasks(sec: Section) -> bool:
    """Whether a phase writes out its tasks with ids of their own (``- [ ] **1.16**: Add rules``), here or below."""
    return any(
        isinstance(blk, ListBlock) and any(_own_id(it.text) for it in blk.items) for s in sec.walk() for blk in s.blocks
    )


def _tasks_led_in(sec: Section) -> bool:
    """Whether a phase leads a list of its own in as its tasks ("**Tasks:**" over its boxes)."""
    return any(
        isinstance(blk, ListBlock) and isinstance(par, Paragraph) and is_task_label(_label(par) or "")
        for par, blk in zip(sec.blocks, sec.blocks[1:])
    )


def _items(b: Builder, sec: Section, pid: str, lst: ListBlock, counter: list[int], what: str) -> None:
    named = [plain(it.text).strip() for it in lst.items]
    if all(n in b.items for n in named):
        # "**Tasks:**" over "1. TASK-vue-scaffold", "2. TASK-api-skeleton": the phase's share of items made elsewhere.
        for rid in named:
            b.items[rid].values.setdefault("phase", pid)
        b.consume(lst, sec)
        b.used(lst.line, f"{what}: names items {id_span(named)}, made elsewhere; phase {pid} holds them")
        return
    made: list[str] = []
    _add_items(b, pid, lst, counter, made, plan_numbers=numbers_run_on(sec.root))
    b.consume(lst, sec)
    b.used(lst.line, f"{what} -> items {id_span(made)} of phase {pid}")
    # The phase's own state ("#### Phase 2: Auth ✅", "**Status**: Completed") is that of the work it lists.
    state = phase_state(sec)
    for rid in made if state else []:
        if rid not in b.status_stated:
            b.items[rid].values.setdefault("status", state)


def _add_items(
    b: Builder,
    pid: str,
    lst: ListBlock,
    counter: list[int],
    made: list[str],
    parent: str | None = None,
    plan_numbers: bool = False,
) -> None:
    """Each entry of a phase's list an item ``P<phase>-<n>``, or numbered as the plan numbers its work across its
    phases (``plan_numbers``, see ``numbers_run_on``)."""
    numbers = numbers_given(b, lst)
    # Named, then explained after a dash, once the plan's number is off ("**Step 111:** Sign-up — records who …").
    dashed = dashed_list([numbers[id(it)][1] if numbers else plain(it.text) for it in lst.items])
    labelled = labelled_list([it.text for it in lst.items])
    for it in lst.items:
        stated = opening_mark(plain(it.text)) if it.box is None else (it.box, it.text)
        title = plain(stated[1]) if stated else plain(it.text)
        named = _named_task(b, it, title)
        fields: dict[str, Any] = {}
        if named:
            rid, title, fields = named
        elif numbers and plan_numbers:
            # "- [x] 2. Create feature branch" over "- [x] 2.1 Create branch": the plan numbers its work.
            rid, title = numbers[id(it)]
        else:
            title = numbers[id(it)][1] if numbers else title  # each phase counting from 1: its order, no id
            counter[0] += 1
            while f"P{pid}-{counter[0]}" in b.items:  # a second heading of the same phase numbers on past the first's
                counter[0] += 1
            rid = f"P{pid}-{counter[0]}"
        # "- [x] 🔴 Emit the files" where the plan's legend says "🔴 P0": its priority, cut from the title.
        prio, title = ranked_mark(title) or (None, title)
        item: dict[str, Any] = {"id": rid, "title": title, "kind": "task", "phase": pid}
        if prio:
            item["priority"] = prio
        if parent is not None:
            item["parent"] = parent
        if stated:
            item["status"] = stated[0]
            b.status_stated.add(rid)
        bare, said = closing_bracket_status(title) if not named else (title, None)
        if said and item.get("status") in (None, "todo"):
            # "- [ ] Document the toolchain (in progress)": an empty box says only "not done"; its words say more.
            item["title"], item["status"] = bare, said
            b.status_stated.add(rid)
        item.update({k: v for k, v in fields.items() if k not in item or k == "depends_on"})
        # "**Name** - what it means": the name is the title, as in any checklist (``entries.lists``).
        item["title"], said = named_then_explained(item["title"], it.text, dashed, labelled)
        if (sized := _effort_and_owner(said)) is not None:
            # "- **Requirements Gathering** (5 days, Mike Chen)": how long it takes and who does it, not its words.
            said = ""
            for key, value in sized.items():
                item.setdefault(key, value)
        # Entries beneath that tick themselves off are work of their own, not the entry's description; so are boxes
        # under a box (its child items, as in any checklist), unless the recipe keeps them its steps.
        own = [sub for sub in it.children if marked_list(sub) or (it.box is not None and _child_boxes(sub))]
        desc = "\n".join(part for part in (said, "" if own else b.item_source(it).strip()) if part)
        if desc:
            item["description"] = desc + "\n"
        got = b.add_item(item, it.line, "phase list")
        if got:
            made.append(got)
        for sub in own:
            _add_items(b, pid, sub, counter, made, got if _child_boxes(sub) else None, plan_numbers)


def _effort_and_owner(said: str) -> dict[str, Any] | None:
    """The estimate and owner a bracket after an entry's name states (``5 days, Mike Chen``), else None."""
    parts = [p.strip() for p in said.split(",")]
    if len(parts) != 2 or (days := duration_days(parts[0])) is None or not names_a_person(parts[1]):
        return None
    return {"estimate_days": days, "owner": parts[1].lstrip("@")}


def _named_task(b: Builder, it: ListItem, title: str) -> tuple[str, str, dict[str, Any]] | None:
    """(id, title, fields) of an entry that names its own id and a colon, as in a checklist ("- ✔️ TASK-001: Implement …
    (depends on: 001)"); None for one that only opens with another record's id ("R-2 settled") or one made already."""
    md = LEAD_MARK_RE.sub("", it.text.lstrip(), count=1)
    lead = entry_id(md, title)
    if lead is None or not _own_id(md) or not re.match(rf"\W*{re.escape(lead[0])}\W*\s*[:—–]", title):
        return None
    if lead[0] in b.items:
        return None
    named, fields = inline_fields(b, lead[1], it.line, lead[0])
    fields.pop("_mitigates", None)
    return lead[0], named, fields


def _child_boxes(lst: ListBlock) -> bool:
    """Whether a list under a box is boxes that are its child items (the recipe's ``sub_boxes = "steps"`` keeps them
    its steps, in its description)."""
    return lst.has_checkboxes and recipe_option("sub_boxes") != "steps"
