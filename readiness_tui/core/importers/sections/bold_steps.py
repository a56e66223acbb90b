"""A numbered list of bold titles under a heading that names work: each entry a step of the plan.

    ## Implementation order                ## 🔴 Urgent Priority Tasks
    1. **Project setup**: Cargo.toml       ### Infrastructure and Deployment
    2. **Parser** - the grammar            1. **Origin Server Connection**
                                              - Diagnose Error 522

Each entry is an item numbered as the list numbers it, its text and nested bullets its description. Where lists
under sibling headings each count from 1 again, the same numbers name different work: each entry's id is then the
heading's number (or the list's place among them) and its own (``2.1``), as such tables' rows are
(``tables.row_numbers``, whose rule for a list restating another they share).
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_names import name_and_said
from readiness_tui.core.importers.entries.key_bullets import kv_children
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.sections.heading_priority import stated_priority
from readiness_tui.core.importers.sections.heading_words import about_the_plan, names_work
from readiness_tui.core.importers.sections.lead_ins import list_lead_in, sentences_of_work
from readiness_tui.core.importers.sections.patterns import PHASE_RE, Ctx, item_field
from readiness_tui.core.importers.sections.restated import restated_priorities
from readiness_tui.core.importers.tables.row_numbers import restarted
from readiness_tui.core.importers.tables.views import match_title
from readiness_tui.core.importers.vocabulary.statuses import exact_status

#: ``1. **Project setup**: Cargo.toml, main.rs``: a numbered entry that opens with its title in bold.
BOLD_TITLE_RE = re.compile(r"^\*\*(?P<title>[^*]+?)\*\*\s*(?:[:—–-]\s*)?(?P<rest>.*)$", re.S)

#: A heading over what to do next about the plan, not more of its work: "Next steps", "Immediate actions".
_NEXT_STEPS = re.compile(r"\b(?:next|immediate|follow[- ]?up)\b", re.I)

#: A heading over the way the plan's own work moves: "## Task Workflow" over "1. **Create Task**: Add to a section".
_WORKFLOW = re.compile(r"^(?:task|ticket|issue|work|development|contribution)\s+workflow\s*$", re.I)
#: A lead-in naming a way of working, not work: "RED-GREEN-REFACTOR Workflow", "Review process", "TDD cycle".
_METHOD = re.compile(r"\b(?:workflow|process|method(?:ology)?|cycle|loop|approach|routine)\s*$", re.I)

#: A heading over what to do if the work goes wrong: "Rollback Procedure", "Rollback steps", "Contingency plan".
_FALLBACK = re.compile(r"\b(?:rollback|roll-back|contingency)\b", re.I)


def _of_work(sec: Section, lst: ListBlock, ranked: bool) -> bool:
    """Whether a heading says the list under it is work: it names work, or a heading above ranks what it holds
    (``ranked``: "## 🔴 Urgent Priority Tasks" > "### Infrastructure" > "1. **Origin Server Connection**" over its
    steps), or it names a phase whose named steps each stand over their bullets ("Phase 1: Core Infrastructure" >
    "1. **Create the interfaces**")."""
    return names_work(sec.bare_title) or (all(it.children for it in lst.items) and ranked) or _phase_steps(sec, lst)


def _phase_steps(sec: Section, lst: ListBlock) -> bool:
    """Whether a list is the named steps of a phase, each over its bullets: one is enough, as its siblings have more.
    Not where the names only group sentences of work beneath them ("1. **BuildBuddy integration**" over "- Create the
    BuildBuddy project."): those sentences are the steps, as in any list (``lead_ins.sentences_of_work``)."""
    if not PHASE_RE.match(sec.bare_title) or not all(it.children for it in lst.items):
        return False
    nested = [plain(x.text).rstrip() for it in lst.items for x in it.sub_items() if x.checked is None]
    return not sentences_of_work(nested)


def _about_the_plan(sec: Section) -> bool:
    """Whether a heading, or one above it, is about the plan, not its work ("## Lessons Learned" > "### Areas for
    Improvement" > "1. **Automation**")."""
    return any(s.heading is not None and not s.is_title and about_the_plan(s.title) for s in [sec, *sec.ancestors()])


def _step_names(lst: ListBlock, fielded: bool) -> list[tuple[str, str]] | None:
    """(name, what follows it) of each entry of a numbered list: its bold title and the rest of its line; where every
    entry stands over nothing but its fields (``_fields_only``), its words whole ("1. Linting on PRs" over "- Owner:
    Platform", "- Priority: High"). None when some entry is named neither way."""
    bold = [BOLD_TITLE_RE.match(it.text.strip()) for it in lst.items]
    if all(bold):
        return [(m.group("title"), m.group("rest")) for m in bold if m]
    if fielded and all(_fields_only(it) for it in lst.items):
        return [(it.text.strip(), "") for it in lst.items]
    return None


def _fields_only(it: ListItem) -> bool:
    """Whether every bullet under an entry is a ``Key: value`` field, one of them an item's (``Owner: Platform``):
    the entry is a piece of work with its fields, not a group of the work beneath it."""
    subs = it.sub_items()
    return bool(subs) and all(split_keyval(sub.text) for sub in subs) and any(item_field(sub.text) for sub in subs)


def bold_steps(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx) -> bool:
    """A numbered list of bold titles under a heading that names work ("Implementation order"): each entry
    is a step, an item numbered as the list numbers it; its text and nested bullets are its description."""
    # "1. **PlannerComment.java** - entity" over "- Depends on: Steps 1, 2": steps carrying an item's fields.
    fielded = sum(1 for it in lst.items if any(item_field(sub.text) for sub in it.sub_items())) * 2 > len(lst.items)
    # "23. **ServiceTest.java**" under the next phase heading: the numbering of the steps made items before goes on.
    first = lst.items[0].number if lst.items else None
    before = b.items.get(str(first - 1)) if first is not None else None
    fielded = fielded or (before is not None and before.origin == "step")
    if not lst.ordered or sec.heading is None or not (fielded or _of_work(sec, lst, ctx.priority is not None)):
        return False
    if len(lst.items) < (1 if fielded or _phase_steps(sec, lst) else 2):
        return False
    if lst.groups_boxes:
        # "1. **Appoint a DPO**" over "- [ ] Register with the authority": the boxes are the work (``generic_list``).
        return False
    if any(s.heading is not None and _FALLBACK.search(s.title) for s in [sec, *sec.ancestors()]):
        # "## 7. Rollback Procedure" / "### Rollback Steps": what to do if the rollout fails, not the plan's work.
        b.consume(lst, sec)
        b.note(lst.line, f"numbered steps under {sec.title!r}: a procedure for when the plan fails, kept as text")
        return True
    if _about_the_plan(sec):
        return False
    if _METHOD.search(list_lead_in(sec, lst) or "") or _WORKFLOW.search(sec.bare_title):
        # "**RED-GREEN-REFACTOR Workflow**:" over "1. **RED**: Write a failing test": how each piece of work is done.
        b.consume(lst, sec)
        b.keep_text(lst, sec.title, f"numbered steps under {sec.title!r}: the method each task follows, kept as text")
        return True
    names = _step_names(lst, fielded)
    prefix = b.step_prefixes.get(lst.line, "")
    nums = [f"{prefix}{it.number}" if it.number is not None else "" for it in lst.items]
    if names is None or not all(nums) or any(n in b.items for n in nums):
        return False
    known = [match_title(b, plain(title)) for title, _ in names]
    found = [k for k in known if k]
    if len(found) >= 3 and len(found) * 4 >= len(known) * 3 and len(set(found)) == len(found):
        # "## Deliverables" then "1. **Retry Package** - internal/retry": the plan's items again, by their titles
        # (under "### High Priority", giving that priority to those it names for sure).
        b.consume(lst, sec)
        b.skipped(lst.line, f"numbered list under {sec.title!r} names items of the plan by their titles: not items")
        restated_priorities(b, lst, ctx)
        return True
    if len(lst.items) >= 2 and all(any(i in b.items for i in ids_in_text(it.text)) for it in lst.items):
        # "1. **CrewAI Agent Automation** (Issue #8, #27)": each entry cites the plan's items; a view of them.
        b.consume(lst, sec)
        b.skipped(lst.line, f"numbered list under {sec.title!r} cites items of the plan in every entry: not items")
        return True
    if (b.named_id_headings >= 2 or b.named_id_rows >= 2) and _NEXT_STEPS.search(sec.bare_title):
        # "1. **This week:** delegate P0" in a plan whose items have ids of their own: a note on them, not work.
        b.consume(lst, sec)
        b.skipped(lst.line, f"numbered list under {sec.title!r} beside the plan's items with ids: kept as text")
        return True

    for it, (named, rest), num in zip(lst.items, names, nums, strict=True):
        title, said = name_and_said(plain(named), plain(rest, keep_code=True))
        values: dict[str, Any] = {"id": num, "title": title, "kind": "task", **ctx.item_fields()}
        if state := _opening_state(said):
            # "**Reference data** — done (§2).", "**Customers** — blocked on the §4 decision.": the step's state.
            values["status"] = state
            b.status_stated.add(num)
        desc = (said + "\n" + b.item_source(it)).strip()
        if desc:
            values["description"] = desc + "\n"
        if fielded:
            kv_children(b, it, values, num)
        b.add_item(values, it.line, "step")
    b.consume(lst, sec)
    again = f" (the list counts from 1 again under its heading: ids {prefix}1, {prefix}2 …)" if prefix else ""
    b.used(lst.line, f"numbered steps under {sec.title!r} -> items {nums[0]} .. {nums[-1]}{again}")
    return True


def step_prefixes(root: Section) -> dict[int, str]:
    """List line -> what comes before its entries' numbers, for numbered lists of bold titles that count from 1
    again under two headings or more (see the module); empty when the plan has fewer, or one restates another."""
    found: list[tuple[Section, int, list[str]]] = []
    for sec in root.walk():
        for blk in sec.blocks:
            if not isinstance(blk, ListBlock) or not blk.ordered or sec.heading is None or not blk.items:
                continue
            titled = [BOLD_TITLE_RE.match(it.text.strip()) for it in blk.items]
            if not all(titled):
                continue
            if blk.items[0].number != 1:
                return {}  # "4. **Alt text**" under the next heading: the plan counts its steps on across headings
            # Only lists read as steps count: "### ✅ What's Working Well" over "1. **Core pipeline**" is no work.
            ranked = any(stated_priority(s) for s in [sec, *sec.ancestors()])
            if not _of_work(sec, blk, ranked) or _about_the_plan(sec):
                continue
            if [it.number for it in blk.items] == list(range(1, len(blk.items) + 1)):
                found.append((sec, blk.line, [plain(m.group("title")).lower() for m in titled if m]))
    return restarted(found)


#: The words a step's text opens with, up to a stop or "on": "done (§2).", "blocked on the decision."
_OPENING_WORDS = re.compile(r"^\W*(?P<words>[^\W\d_][^.;:,()]{0,24}?)\s*(?:[.;:,(]|\s+on\b|$)")


def _opening_state(said: str) -> str | None:
    """The state a step's text opens with ("done", "blocked", "in progress"), else None."""
    m = _OPENING_WORDS.match(said)
    return exact_status(m["words"]) if m else None
