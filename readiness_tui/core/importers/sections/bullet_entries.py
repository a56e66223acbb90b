"""The entries of a plain list read as items (``bullet_plan`` decides which lists): each entry of work an item
numbered ``T1``, ``T2`` … (or by its own number), its bold label its title, its ``Key: value`` bullets its fields, a
short entry over bullets the group of those (``1) Reliability``), an entry citing the plan's issues an item for
each, and the milestone or workstream its headings name."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import NOTHING_TITLE
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain, without_entries
from readiness_tui.core.importers.document.fields import field_parts, plain_bullets, split_keyval
from readiness_tui.core.importers.entries.entry_ids import labelled_mark
from readiness_tui.core.importers.entries.entry_marks import struck_whole
from readiness_tui.core.importers.entries.entry_names import first_sentence, labelled_entry
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.key_bullets import duty_pairs, kv_children
from readiness_tui.core.importers.entries.phase_lists import phase_cards
from readiness_tui.core.importers.guided.recipe import recipe_option
from readiness_tui.core.importers.sections.board_columns import column_state
from readiness_tui.core.importers.sections.heading_numbers import document_fact, document_root
from readiness_tui.core.importers.sections.heading_priority import stated_priority
from readiness_tui.core.importers.sections.heading_words import names_features
from readiness_tui.core.importers.sections.lead_ins import opens_with_action, sentences_of_work
from readiness_tui.core.importers.sections.patterns import PHASE_RE
from readiness_tui.core.importers.sections.people_lists import people_heads
from readiness_tui.core.importers.vocabulary.box_legends import struck_state
from readiness_tui.core.importers.vocabulary.dates import duration_days, states_duration
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.owners import split_owner, trailing_names
from readiness_tui.core.importers.vocabulary.statuses import exact_status
from readiness_tui.core.importers.vocabulary.title_states import status_heading, trailing_status
from readiness_tui.core.importers.vocabulary.words import KIND_LABEL

#: An entry this short over a nested list names a group of the entries beneath ("1) Reliability").
_GROUP_WORDS = 5


#: A heading naming one milestone by its number: "Milestone 0", "Milestone 1-1", "Milestone 2: Beta".
_ONE_MILESTONE = re.compile(r"^milestone\s+(?P<num>\d+(?:[.-]\d+)*)\b\s*(?:[:—–-]\s*(?P<title>.*))?$", re.I)


def one_milestone(sec: Section) -> re.Match[str] | None:
    """The number (and title) of a heading that names one milestone, else None."""
    return _ONE_MILESTONE.match(plain(sec.bare_title).strip())


#: An entry naming the days it takes, then the work: "Day 1-2: Create manifest_v3.json", "✅ Day 5: Beta release".
DAY_LABEL = re.compile(r"^(?P<lead>\W{1,3}\s*)?(?P<when>days?\s+\d+(?:\s*[-–]\s*\d+)?)(?:\s*:|\s+[—–-])\s*(?=\S)", re.I)


#: An entry that is only a file's path: ``apps/web/tests/api.test.ts``, ``docs/PLAN.md``.
_PATH_ONLY = re.compile(r"[\w.-]*(?:/[\w.-]+)+/?|[\w-]+\.[A-Za-z]{1,5}")


#: ``TODO: Create the timer``, ``WIP: Add sound``: a state in capitals tagging the work after it.
_STATE_TAG = re.compile(r"^(?P<tag>[A-Z][A-Z -]{1,14}[A-Z]):\s+(?P<rest>\S.*)$")


def state_tag(text: str) -> tuple[str, str] | None:
    """The state and the words of an entry written ``TODO: Create the timer`` (a state in capitals, then the work in
    two words or more, itself no state); None otherwise. "To Do: not started" explains a state: a legend."""
    m = _STATE_TAG.match(plain(text, keep_code=True).strip())
    if m is None or (state := exact_status(m.group("tag"))) is None:
        return None
    rest = m.group("rest").strip()
    return (state, rest) if len(rest.split()) >= 2 and exact_status(rest) is None else None


#: A task's file: in a folder of tasks, named by the task's id and words (``doc/tasks/E1-D1_repo_scaffold.md``,
#: ``tasks/T-004-add-login.md``).
_TASK_FILE = re.compile(
    r"^`?(?:[\w.-]+/)*(?i:tasks?|issues?|tickets?|stories|backlog|todos?)/(?:[\w.-]+/)*"
    r"(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z]*\d+[a-z]?)+)[_-](?P<words>[A-Za-z0-9][\w-]*)\.md`?$"
)


def task_file(text: str) -> tuple[str, str] | None:
    """(id, title) of an entry that is only a task's file (``_TASK_FILE``), the title the words of its name."""
    m = _TASK_FILE.match(plain(text, keep_code=True).strip())
    if m is None or not any(c.isdigit() for c in m["id"]):
        return None
    return m["id"], " ".join(re.split(r"[_-]+", m["words"])).strip()


def work_entry(it: ListItem) -> bool:
    """An entry naming work: words, not a field and its value ("Owner: Ana"), a bare link, a file's path or a name in
    code alone.
    "Instances page: connect agents" is work, titled by what stands before its colon."""
    text = plain(it.text).strip()
    kv = split_keyval(it.text)
    # "Owner: Ana" sets a field; "To Do: not started" explains a status (a legend); "STORY: As a user…" is work.
    # "**Time:** 1 day", "Effort: 2-3 weeks": a label of a word or two over a duration says how long, not what.
    field = (
        kv is not None
        and not KIND_LABEL.match(text)
        and state_tag(it.text) is None
        and (
            header_field(kv[0]) is not None
            or exact_status(kv[0]) is not None
            or (len(kv[0].split()) <= 2 and duration_days(plain(kv[1])) is not None)
        )
    )
    # "RANK.EQ", "T.INV": a name in capitals with a dot is a function's, not a file's ("README.md").
    named = not re.fullmatch(r"\S+://\S+", text) and not (_PATH_ONLY.fullmatch(text) and not text.isupper())
    # "- `ncurses`", "- `autoconf`" under "# Requirements": a package's or a command's name in code, no work; so is a
    # label over names in code ("Components: `desktop` `web` `server`": a legend of the plan's tags).
    code = re.fullmatch(r"`[^`]+`", it.text.strip()) is not None or bool(
        kv and len(re.findall(r"`[^`\s]+`", kv[1])) >= 2 and not re.sub(r"`[^`\s]+`|[\s,]", "", kv[1])
    )
    # "## Bugs" over "- None reported yet": the list says it is empty.
    return bool(re.search(r"[^\W\d_]", text)) and not field and named and not code and not NOTHING_TITLE.fullmatch(text)


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


def milestone_of(b: Builder, sec: Section, m: re.Match[str], made: list[str]) -> None:
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


def read_list(
    b: Builder,
    blk: ListBlock,
    sec: Section,
    counter: list[int],
    prefix: str | None = None,
    streams: bool = False,
    groups_of_entries: bool = True,
) -> list[str]:
    """The items of a list of work. ``groups_of_entries=False``: no entry names a group of the bullets under it (a
    milestone over what it delivers is the work itself)."""
    made: list[str] = []
    group = _group_of(sec)
    # "Domänenmodell (Timo)": a list that closes its entries with names says who does each.
    owners = dict(zip(map(id, blk.items), trailing_names([plain(it.text, keep_code=True) for it in blk.items])))
    # "#### Features" over "- **Price Alerts**" and its bullets: each entry is a feature, its bullets what it does.
    groups = _group_entries(blk, streams) if groups_of_entries and not names_features(sec.bare_title) else set()
    if recipe_option("sub_bullets") == "groups":
        # The recipe's sub_bullets = "groups": every entry with bullets under it is their group.
        groups = {id(it) for it in blk.items if any(x.checked is None for x in it.sub_items())}
    cited = _cited_ids(blk)
    people = people_heads(b, blk, sec)
    phases = phase_cards(b, blk)
    for it in blk.items:
        nested = [x for x in it.sub_items() if x.checked is None]
        if id(it) in phases:
            # "- Phase 3: Voting (🔴)" under "## In Progress": the phase is the unit of work, named by its number.
            made += [
                rid
                for rid in [_entry(b, it, sec, group, counter, numbered=phases[id(it)][0], text=phases[id(it)][1])]
                if rid
            ]
        elif id(it) in cited:
            # "1. **Backlog #17, #18, #19 — Investigations**": the entry names the plan's items it schedules.
            ids, rest = cited[id(it)]
            made += [rid for one in ids if (rid := _entry(b, it, sec, group, counter, numbered=one, text=rest))]
        elif id(it) in people:
            # "* **Alden (TX Generator):**" over "* Write the generator script": who does the work beneath.
            b.note(it.line, f"list entry {plain(it.text)[:40]!r} names who does the entries under it: each theirs")
            for x in nested:
                if rid := _entry(b, x, sec, group, counter):
                    b.items[rid].values.setdefault("owner", people[id(it)])
                    made.append(rid)
        elif duties := duty_pairs(it):
            # "**Responsibilities**:" over "- Network Team: Configure the routers.": each role's work is an item.
            for role, work, line in duties:
                rid = _entry(b, ListItem(line, line, work), sec, group, counter)
                if rid:
                    b.items[rid].values.setdefault("owner", role)
                    made.append(rid)
        elif work_entry(it) and id(it) in groups:
            # "1) Reliability" over its bullets: the entry names their group.
            b.note(it.line, f"list entry {plain(it.text)[:40]!r} groups the entries under it, not an item")
            grouped = [rid for x in nested if (rid := _entry(b, x, sec, plain(it.text), counter))]
            if (phase := PHASE_RE.match(plain(it.text))) and grouped:
                _phase_of(b, phase, it.line, grouped)
            made += grouped
        elif rid := _entry(
            b, it, sec, group, counter, owners.get(id(it)), f"{prefix}{it.number}" if prefix is not None else None
        ):
            made += [rid, *_child_bullets(b, it, rid, sec, group, counter)]
    return made


def _child_bullets(b: Builder, it: ListItem, rid: str, sec: Section, group: str, counter: list[int]) -> list[str]:
    """The recipe's ``sub_bullets = "items"``: the plain bullets under an entry of work are its child items (fields
    stay its fields), and leave its description. Without it they say what the entry holds: [] and nothing done."""
    if recipe_option("sub_bullets") != "items":
        return []
    kids = plain_bullets(it)
    made = [(x, k) for x in kids if (k := _entry(b, x, sec, group, counter))]
    if not made:
        return []
    values = b.items[rid].values
    values["description"] = without_entries(str(values.get("description", "")), kids)
    b.note(kids[0].line, f"{rid}: the {len(made)} bullets under it are its child items (recipe)")
    out: list[str] = []
    for x, k in made:
        b.items[k].values["parent"] = rid
        out += [k, *_child_bullets(b, x, k, sec, group, counter)]  # and theirs, each level down
    return out


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


#: A phase's title closing with its time in brackets: "Foundation (1-2 months)", "Launch (Weeks 5-6)".
_WINDOW_TAIL = re.compile(r"\s*\(([^()]*\b(?:days?|weeks?|months?|sprints?|q[1-4]|\d{4})\b[^()]*)\)$", re.I)


def _phase_of(b: Builder, phase: re.Match[str], line: int, made: list[str]) -> None:
    """Items grouped under an entry naming a phase ("* Phase 1: Foundation (1-2 months):") are in that phase."""
    pid = phase.group("num")
    for rid in made:
        b.items[rid].values.pop("workstream", None)
        b.items[rid].values.setdefault("phase", pid)
    if not any(r.values.get("id") == pid for r in b.records["phases"]):
        title = phase.group("title").rstrip(" :")
        window = phase.group("extra") or ""
        if not window and (wm := _WINDOW_TAIL.search(title)):  # "Foundation (1-2 months)"
            title, window = title[: wm.start()].rstrip(), wm.group(1)
        values = {"id": pid, "title": title or f"Phase {pid}", "items": made}
        if window:
            values["window"] = window
        b.records["phases"].append(Rec("phases", values, line, "phase entry"))


def _group_entries(blk: ListBlock, streams: bool = False) -> set[int]:
    """The entries of ``blk`` (by ``id``) that name a group of the entries beneath them ("1) Reliability" over its
    bullets): in an ordered list, or one whose every entry has some, when every entry with bullets is that short and
    its bullets are not sentences about it ("- Ajouter la possibilité d'attribuer des étiquettes.", each closing
    with a full stop: the entry's description), unless the heading says the entries are ``streams``. Siblings are
    read alike: a list is one shape."""
    heads = [it for it in blk.items if any(x.checked is None for x in it.sub_items())]
    if not heads or not (blk.ordered or all(x.children for x in blk.items)):
        return set()
    phases = [m for it in heads if (m := PHASE_RE.match(plain(it.text)))]
    if len(heads) >= 2 and len(phases) == len(heads) and not any(opens_with_action(m.group("title")) for m in phases):
        # "* Phase 1: Foundation (1-2 months):" over its bullets: a period of the plan, however long, not a task.
        # ("1. Phase 1: Freeze duplicate growth" names the work done then: a task and its steps.)
        return {id(it) for it in heads}
    if any(trailing_status(plain(it.text))[1] for it in heads):
        return set()  # "**Express.js Server** - ✅ Complete" over its details: a piece of work in its state
    if any(len(plain(it.text).split()) > _GROUP_WORDS for it in heads):
        return set()
    if not streams and any(opens_with_action(it.text) for it in heads):
        return set()  # "2. **Fix src/lib/**:" over its bullets: a task and its steps ("1) Reliability" opens with none)
    if not streams and any(states_duration(plain(it.text)) for it in heads):
        # "3. Active Directory Setup (7 days)" over its bullets: how long it takes, so a task and its steps.
        return set()
    nested = [plain(x.text).rstrip() for it in heads for x in it.sub_items() if x.checked is None]
    if len(heads) >= 2 and all(len(it.sub_items()) == 1 for it in heads) and not any(map(opens_with_action, nested)):
        # "- Billing and payments" over "  - Transaction details, invoices, payment methods": one bullet under each
        # entry says what it covers (a group of one piece of work is none); the entry is the work.
        return set()
    # Sentences that open with a verb of work ("- Create the BuildBuddy project.") are steps, not a description.
    if not streams and sentences_of_work(nested) is False:
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
    task = task_file(it.text) if text is None and not named else None
    if task:
        # "doc/tasks/E1-D1_repo_scaffold.md": the task its file describes, named by the file.
        numbered, text = numbered or task[0], task[1]
    elif not work_entry(it):
        b.skipped(
            it.line,
            f"entry {plain(it.text)[:50]!r} under {sec.title!r}: a field, a legend, a link or a file, or says there is none: not an item",
        )
        return None
    if numbered and numbered not in b.items:
        rid = numbered
    else:
        rid = b.free_id("T", counter)  # beside the plan's other items, a number none of them has
    own = text is None and not named  # the entry's own words, not a part the caller cut from them
    text = text or (named[0] if named else plain(it.text, keep_code=True))
    # "1. Étiquettes pour les Tâches :" over its bullets: the colon leads into them; it is no part of the title.
    text = text.rstrip(" :：") if it.children and text.rstrip().endswith((":", "：")) else text
    tagged = (state_tag(text) or labelled_mark(it.text)) if own else None
    if tagged:  # "TODO: Create the timer", "**Owed ⬜** Load test": the state, then the work
        text = tagged[1]
    elif own and (struck := struck_whole(it.text)):
        # "~~Write the report~~ [Here](…)", "<del>Define the method</del>": crossed off, done unless a legend says
        # what a strike means here.
        strike = document_fact(document_root(sec), "what a strike means", lambda: struck_state(b.text))
        text, tagged = plain(struck, keep_code=True), (strike, "")
    kind = KIND_LABEL.match(plain(text)) if own else None
    if kind:  # "**STORY:** As a user, I …": the label says what kind of work the words name
        text = plain(text, keep_code=True)[kind.end() :]
    when = DAY_LABEL.match(plain(text, keep_code=True))
    if when:  # "Day 1-2: Create the manifest" under "### Week 1": when, then what; a mark before it, the state
        text = (when.group("lead") or "") + plain(text, keep_code=True)[when.end() :]
    title, fields = inline_fields(b, text, it.line, rid, md=it.text)
    bare, closing = trailing_status(title)
    if closing and "status" not in fields:
        title, fields["status"] = bare, closing  # "Testing framework - Done": the entry closes with its state
    # "1. **Monitor Progress**: Use the monitoring commands": the label names the work; the rest says how.
    title, description = labelled_entry(b, it, title, split=own and not kind)
    if own and not kind:
        # "Fix the layer numbering. Instead we should …": the first sentence says the work, the rest explains it.
        title, said = first_sentence(title)
        description = "\n".join(part for part in (said, description) if part)
    values: dict[str, Any] = {"id": rid, "title": title, "kind": kind.group("kind").lower() if kind else "task"}
    if when:
        week = re.match(r"^(?:week|sprint|iteration)\s+\d+", plain(sec.bare_title), re.I)
        values["notes"] = f"{week.group(0)}, {when.group('when')}" if week else when.group("when")
    if any(field_parts(sub.text) for sub in it.sub_items()):
        kv_children(b, it, values, rid)  # "  - **Priority:** High" beneath: the entry's fields
    if named:
        values["owner"], contributors = split_owner(named[1])
        if contributors:
            values["contributors"] = contributors
        if values["owner"] != named[1]:
            b.owner_cells[rid] = named[1]  # the recipe's owner = "whole" keeps them as written
    if group:
        values["workstream"] = group
    state = tagged[0] if tagged else status_heading(sec.title) or column_state(sec)
    if state:
        values["status"] = state
        b.status_stated.add(rid)
    fields.pop("_mitigates", None)
    values.update(fields)
    if description:
        values["description"] = description
    return b.add_item(values, it.line, "plain list")
