"""A plan written as nothing but plain bullets of work under its headings.

``## Pre-Go-Live`` then "- Complete UAT sign-off", ``## v0.3 (instances)`` then "- Per-instance health": many teams
write a checklist or a roadmap this way, with no ids, boxes or tables. Elsewhere such bullets are notes beside the
plan's items, so they are read only when nothing else in the document made an item; the import would otherwise say
the plan holds nothing. Then each entry of a plain list under a heading of work is an item, numbered ``T1``, ``T2``
… in the plan's order, its heading (or the short entry it sits under: "1) Reliability") its workstream. Headings
about something other than the work (context, goals, scope, criteria, risks, rollback, references) keep their
bullets as text.

Beside other items, these lists are read still:

* one whose lead-in names work ("Key deliverables:") under a heading whose sibling holds items ("## Sprint 1" beside
  "## Sprint 0" and its story table);
* one whose entries name streams over their bullets under a heading naming the plan's streams ("## Workstreams" >
  "1. **Identity**" > "- Validate scopes");
* a numbered list whose every entry opens with a mark saying its state ("1. ✅ **Operator**: Running", "2. 🔄 …");
* plain bullets under a heading naming a checklist ("## Load Test & CLI Checklist"): its boxes, drawn without them;
* a numbered list under a heading naming a piece of work's steps ("## Launch Steps").
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder, field_parts, split_keyval
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.entries.inline import id_span, inline_fields, labelled_entry, opening_mark
from readiness_tui.core.importers.entries.key_bullets import kv_children
from readiness_tui.core.importers.guided.recipe import chosen_label
from readiness_tui.core.importers.sections.heading_priority import stated_priority
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.lead_ins import (
    about_the_plan,
    excludes,
    is_criteria,
    is_work_label,
    lead_in_label,
    opens_with_action,
)
from readiness_tui.core.importers.tables.row_numbers import heading_prefixes
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.owners import split_owner, trailing_names
from readiness_tui.core.importers.vocabulary.statuses import exact_status, status_heading
from readiness_tui.core.importers.vocabulary.words import STREAM_HEADINGS

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

#: An entry this short over a nested list names a group of the entries beneath ("1) Reliability").
_GROUP_WORDS = 5


def _work_heading(sec: Section) -> bool:
    """Whether a section and the headings above it are about work (see the module doc). A heading the recipe labels
    is read as labelled (``text``, ``skip``: no items), never by this guess."""
    if chosen_label(sec) is not None:
        return False
    for s in [sec, *sec.ancestors()]:
        if s.heading is None or s.level == 1:
            continue
        role = heading_role(s)
        if role == "milestones" and one_milestone(s):
            continue  # "## Milestone 1-1" over its bullets groups work, as a phase does; "## Milestones" lists them
        if role in _NOT_WORK_ROLES or is_criteria(s.title) or about_the_plan(s.title):
            return False
    return True


#: A heading naming one milestone by its number: "Milestone 0", "Milestone 1-1", "Milestone 2: Beta".
_ONE_MILESTONE = re.compile(r"^milestone\s+(?P<num>\d+(?:[.-]\d+)*)\b\s*(?:[:—–-]\s*(?P<title>.*))?$", re.I)


def one_milestone(sec: Section) -> re.Match[str] | None:
    """The number (and title) of a heading that names one milestone, else None."""
    return _ONE_MILESTONE.match(plain(sec.bare_title).strip())


def _work_lead(before: object) -> bool:
    """Whether the block before a list lets it be work: anything but a lead-in naming something else."""
    label = lead_in_label(before)
    return not (label and (is_criteria(label) or about_the_plan(label) or excludes(label)))


def _beside_items(b: Builder, sec: Section) -> bool:
    """Whether a sibling section (same parent, same level) holds items: "## Sprint 1" beside "## Sprint 0" and its
    story table. A "Next steps:" list in a log's dated entry or a closing summary restates work; it is not a step of it."""
    if sec.parent is None:
        return False
    lines = [rec.line for rec in b.items.values()]
    return any(
        other is not sec and other.level == sec.level and any(other.line <= n <= other.end for n in lines)
        for other in sec.parent.children
    )


def _names_streams(sec: Section) -> bool:
    """Whether a heading names the plan's streams of work ("## Workstreams", "## 4. Work packages"): the entries of
    a list under it each name a stream, and the bullets beneath them are its work, beside the plan's other items."""
    bare = " ".join(re.sub(r"^[\d.)\s]+|[^\w\s&]", " ", sec.bare_title.lower()).split())
    return bare in STREAM_HEADINGS


#: An entry labelled by the kind of work it names: "STORY: As a user, …", "**TASK:** The tool …", "Bug: …".
_KIND_LABEL = re.compile(r"^(?P<kind>story|user story|task|bug|feature|epic|chore|spike)\s*:\s*(?=\S)", re.I)


#: A heading naming a checklist: "Load Test & CLI Checklist", "Go-live checklist", "Checkliste".
_CHECKLIST = re.compile(r"\bcheck[\s-]?list[es]*\b", re.I)


#: A heading naming the steps of a piece of work: "Launch Steps", "Deployment steps", "Cutover tasks".
_STEPS = re.compile(r"^[\w &/-]{0,40}?\b(?:steps|tasks)\s*$", re.I)


def _names_steps(sec: Section) -> bool:
    """Whether a heading names a piece of work's steps ("## Launch Steps"): a numbered list under it is those steps."""
    return bool(_STEPS.match(sec.bare_title.strip()))


def _names_a_checklist(sec: Section) -> bool:
    """Whether a heading names a checklist: its plain bullets are the boxes, drawn without them."""
    return bool(_CHECKLIST.search(sec.bare_title))


def _states_every_entry(blk: ListBlock) -> bool:
    """Whether every entry of a numbered list (three at least) opens with a mark saying its state, not all the same
    ("1. ✅ **Operator**: Running" .. "4. 🔄 **Current Process**: Creating backups"): steps of work, each as far as it
    says. A bulleted list so is a legend, findings or benefits as often as work; one state throughout, a summary."""
    states = [opening_mark(plain(it.text)) for it in blk.items]
    return blk.ordered and len(states) >= 3 and all(states) and len({s[0] for s in states if s}) >= 2


def _led_in_as_work(before: object) -> bool:
    """Whether the block before a list is a lead-in naming work: "Key deliverables:", "**Tasks:**"."""
    label = lead_in_label(before)
    return bool(label and is_work_label(label))


#: An entry that is only a file's path: ``apps/web/tests/api.test.ts``, ``docs/PLAN.md``.
_PATH_ONLY = re.compile(r"[\w.-]*(?:/[\w.-]+)+/?|[\w-]+\.[A-Za-z]{1,5}")


def _work_entry(it: ListItem) -> bool:
    """An entry naming work: words, not a field and its value ("Owner: Ana"), a bare link or a file's path.
    "Instances page: connect agents" is work, titled by what stands before its colon."""
    text = plain(it.text).strip()
    kv = split_keyval(it.text)
    # "Owner: Ana" sets a field; "To Do: not started" explains a status (a legend); "STORY: As a user…" is work.
    field = (
        kv is not None
        and not _KIND_LABEL.match(text)
        and (header_field(kv[0]) is not None or exact_status(kv[0]) is not None)
    )
    named = not re.fullmatch(r"\S+://\S+", text) and not _PATH_ONLY.fullmatch(text)
    return bool(re.search(r"[^\W\d_]", text)) and not field and named


def bullet_plan(b: Builder, root: Section) -> None:
    """Make the items of a plan written only as plain lists, or beside other items those of lists led in as work
    (see the module doc). The group lists the walk could read nothing from, and this reading did not either, are reported skipped."""
    _read_plain_lists(b, root, led_in_only=bool(b.items))
    for line, why in b.unread_groups.values():
        b.skipped(line, why)


def _read_plain_lists(b: Builder, root: Section, led_in_only: bool) -> None:
    """``led_in_only``: the plan has other items; only the lists ``_read_beside_items`` gives a reason for are read
    ("Key deliverables:" under "## Sprint 1" beside a sprint whose stories are table rows, and the others the module
    doc names). Each list read is reported with its reason."""
    lists: list[tuple[Section, ListBlock]] = []
    why: dict[int, str] = {}  # list (by ``id``) -> why it is read
    for sec in root.walk():
        if sec.heading is None or id(sec) in b.templates or not _work_heading(sec):
            continue
        for n, blk in enumerate(sec.blocks):
            if not isinstance(blk, ListBlock) or blk.has_checkboxes:
                continue
            if id(blk) in b.used_blocks and id(blk) not in b.unread_groups:
                continue
            before = sec.blocks[n - 1] if n else None
            if not led_in_only:
                reason = "in a plan of plain lists only" if _work_lead(before) else None
            else:
                reason = _read_beside_items(b, sec, blk, before)
            if reason:
                lists.append((sec, blk))
                why[id(blk)] = reason
    counter = [0]
    # "### P0 — Foundations" over its bullets, read as a phase by the walk: the items made here are in it.
    phases = {rec.line: str(rec.values.get("id")) for rec in b.records["phases"]}
    prefixes = _restart_prefixes(lists)
    for sec, blk in lists:
        made = _read_list(b, blk, sec, counter, prefixes.get(id(blk)), why[id(blk)] == _STREAMS)
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
            _milestone(b, sec, m, made)
        if made:
            b.unread_groups.pop(id(blk), None)
            b.consume(blk, sec)
            b.used(blk.line, f"list under {sec.title!r}, {why[id(blk)]} -> items {id_span(made)}")


def _group_of(sec: Section) -> str:
    """The workstream of a list's entries: its heading's title, or (where the heading says when or how urgent the
    work is: "## Milestone 2", "### High Priority") the nearest heading above it that names a group; "" under the
    title."""
    for s in (sec, *sec.ancestors()):
        if s.heading is None or s.level == 1:
            return ""
        if not (one_milestone(s) or stated_priority(s)):
            return plain(s.title)
    return ""


def _milestone(b: Builder, sec: Section, m: re.Match[str], made: list[str]) -> None:
    """The milestone a heading names, holding the items read under it (a second list under it adds to it)."""
    mid = f"M{m.group('num')}"
    rec = next((r for r in b.records["milestones"] if r.values.get("id") == mid), None)
    if rec is None:
        rec = Rec(
            "milestones",
            {"id": mid, "title": m.group("title") or plain(sec.bare_title), "items": []},
            sec.line,
            "heading",
        )
        b.records["milestones"].append(rec)
    rec.values["items"] += made


#: Why a list beside the plan's other items is read (see the module doc); the streams' reading groups its entries.
_STREAMS = "its entries naming streams"


def _read_beside_items(b: Builder, sec: Section, blk: ListBlock, before: object) -> str | None:
    """Why a plain list beside the plan's other items is read as work (the module doc's list), or None."""
    if _led_in_as_work(before) and _beside_items(b, sec) and not _outputs_of_items(b, sec, before):
        return "led in as work"
    if id(blk) in b.unread_groups and _names_streams(sec):
        return _STREAMS
    if _states_every_entry(blk):
        return "each entry's mark stating its state"
    if _names_a_checklist(sec):
        return "its heading naming a checklist"
    if blk.ordered and _names_steps(sec):
        return "the steps its heading names"
    if blk.ordered and _SCHEDULE_UNIT.match(plain(sec.bare_title)) and not lead_in_label(before):
        return "the steps of its day or week"
    return None


def _outputs_of_items(b: Builder, sec: Section, before: object) -> bool:
    """Whether a list led in as deliverables ("**Deliverables:**") stands in a section that lists its tasks already
    (a checklist made items): what those tasks leave behind, not more work."""
    label = lead_in_label(before).lower()
    return "deliverable" in label and any(sec.line <= rec.line <= sec.end for rec in b.items.values())


#: A heading naming one unit of a schedule, over the numbered steps done in it: "Day 1: Core models", "Week 3".
_SCHEDULE_UNIT = re.compile(r"^(?:day|week|sprint|iteration)\s+\d+\b", re.I)


def _restart_prefixes(lists: list[tuple[Section, ListBlock]]) -> dict[int, str]:
    """List (by ``id``) -> what comes before its entries' numbers, where two or more numbered lists under their own
    headings each count from 1 again ("## Sprint 1" > "1. …" "2. …", "## Sprint 2" > "1. …"): the same numbers name
    different work, so each entry is the heading's number and its own (``2.1``), as such tables' rows are. A plan
    whose one list of work is numbered keeps its numbers."""
    numbered = [
        (sec, blk)
        for sec, blk in lists
        if blk.ordered and len(blk.items) >= 2 and [it.number for it in blk.items] == list(range(1, len(blk.items) + 1))
    ]
    if len(lists) == 1 and len(numbered) == 1:
        # "1. Überprüfung des Sprint-Backlogs" .. "6. Kommunikation": the plan's one numbered list numbers its work.
        return {id(numbered[0][1]): ""}
    if len(numbered) < 2 or len({id(sec) for sec, _ in numbered}) < len(numbered):
        return {}
    return {id(blk): p for (_, blk), p in zip(numbered, heading_prefixes([s for s, _ in numbered]), strict=True)}


def _read_list(
    b: Builder, blk: ListBlock, sec: Section, counter: list[int], prefix: str | None = None, streams: bool = False
) -> list[str]:
    made: list[str] = []
    group = _group_of(sec)
    # "Domänenmodell (Timo)": a list that closes its entries with names says who does each.
    owners = dict(zip(map(id, blk.items), trailing_names([plain(it.text, keep_code=True) for it in blk.items])))
    groups = _group_entries(blk, streams)
    cited = _cited_ids(blk)
    for it in blk.items:
        nested = [x for x in it.sub_items() if x.checked is None]
        if id(it) in cited:
            # "1. **Backlog #17, #18, #19 — Investigations**": the entry names the plan's items it schedules.
            ids, rest = cited[id(it)]
            made += [rid for one in ids if (rid := _entry(b, it, sec, group, counter, numbered=one, text=rest))]
        elif _work_entry(it) and id(it) in groups:
            # "1) Reliability" over its bullets: the entry names their group.
            b.note(it.line, f"list entry {plain(it.text)[:40]!r} groups the entries under it, not an item")
            made += [rid for x in nested if (rid := _entry(b, x, sec, plain(it.text), counter))]
        elif rid := _entry(
            b, it, sec, group, counter, owners.get(id(it)), f"{prefix}{it.number}" if prefix is not None else None
        ):
            made.append(rid)
    return made


#: An entry opening with a noun and the issue numbers it schedules: ``**Backlog #17, #18, #19 — Investigations**``,
#: ``Issue #5: x``.
_CITED_LEAD = re.compile(
    r"^[\s*_]*[^\W\d_][\w-]*\s+(?P<ids>#\d+(?:\s*(?:,|&|and|\+)\s*#\d+)*)[\s*_]*[—–:-]\s*(?P<rest>\S.*)$"
)


def _cited_ids(blk: ListBlock) -> dict[int, tuple[list[str], str]]:
    """The entries of ``blk`` (by ``id``) with the issue numbers each opens with and its words after them, when every
    entry (two at least) opens so: the list schedules the plan's numbered items, each entry naming its own."""
    found = {id(it): m for it in blk.items if (m := _CITED_LEAD.match(plain(it.text, keep_code=True)))}
    if len(blk.items) < 2 or len(found) < len(blk.items):
        return {}
    return {k: (re.findall(r"#\d+", m.group("ids")), m.group("rest").strip("* ")) for k, m in found.items()}


def _group_entries(blk: ListBlock, streams: bool = False) -> set[int]:
    """The entries of ``blk`` (by ``id``) that name a group of the entries beneath them ("1) Reliability" over its
    bullets): in an ordered list, or one whose every entry has some, when every entry with bullets is that short and
    its bullets are not sentences about it ("- Ajouter la possibilité d'attribuer des étiquettes.", each closing
    with a full stop: the entry's description), unless the heading says the entries are ``streams``. Siblings are
    read alike: a list is one shape."""
    heads = [it for it in blk.items if any(x.checked is None for x in it.sub_items())]
    if not heads or not (blk.ordered or all(x.children for x in blk.items)):
        return set()
    if any(len(plain(it.text).split()) > _GROUP_WORDS for it in heads):
        return set()
    if not streams and any(opens_with_action(it.text) for it in heads):
        return set()  # "2. **Fix src/lib/**:" over its bullets: a task and its steps ("1) Reliability" opens with none)
    nested = [plain(x.text).rstrip() for it in heads for x in it.sub_items() if x.checked is None]
    if not streams and all(text.endswith((".", "。")) for text in nested):
        return set()
    return {id(it) for it in heads}


def _entry(
    b: Builder,
    it: ListItem,
    sec: Section,
    group: str,
    counter: list[int],
    named: tuple[str, str] | None = None,
    numbered: str | None = None,
    text: str | None = None,
) -> str | None:
    """The item an entry of work makes (``text``: its words, when not the entry's own): ``numbered`` (``2.1``, see
    ``_restart_prefixes``; ``#17``, named by the entry) when it is free, else ``T1``, ``T2`` … in the plan's order.
    An entry that is a field, a legend or a link is reported and makes none."""
    if not _work_entry(it):
        b.skipped(
            it.line,
            f"entry {plain(it.text)[:50]!r} under {sec.title!r}: a field, a legend, a link or a file, not an item",
        )
        return None
    if numbered and numbered not in b.items:
        rid = numbered
    else:
        counter[0] += 1
        while f"T{counter[0]}" in b.items:  # beside the plan's other items, a number none of them has
            counter[0] += 1
        rid = f"T{counter[0]}"
        b.made_ids.add(rid)
    own = text is None and not named  # the entry's own words, not a part the caller cut from them
    text = text or (named[0] if named else plain(it.text, keep_code=True))
    # "1. Étiquettes pour les Tâches :" over its bullets: the colon leads into them; it is no part of the title.
    text = text.rstrip(" :：") if it.children and text.rstrip().endswith((":", "：")) else text
    kind = _KIND_LABEL.match(plain(text)) if own else None
    if kind:  # "**STORY:** As a user, I …": the label says what kind of work the words name
        text = plain(text, keep_code=True)[kind.end() :]
    title, fields = inline_fields(b, text, it.line, rid)
    # "1. **Monitor Progress**: Use the monitoring commands": the label names the work; the rest says how.
    title, description = labelled_entry(b, it, title, split=own and not kind)
    values: dict[str, Any] = {"id": rid, "title": title, "kind": kind.group("kind").lower() if kind else "task"}
    if any(field_parts(sub.text) for sub in it.sub_items()):
        kv_children(b, it, values, rid)  # "  - **Priority:** High" beneath: the entry's fields
    if named:
        values["owner"], contributors = split_owner(named[1])
        if contributors:
            values["contributors"] = contributors
            b.owner_cells[rid] = named[1]  # the recipe's owner = "whole" keeps them as written
    if group:
        values["workstream"] = group
    state = status_heading(sec.title)
    if state:
        values["status"] = state
        b.status_stated.add(rid)
    fields.pop("_mitigates", None)
    values.update(fields)
    if description:
        values["description"] = description
    return b.add_item(values, it.line, "plain list")
