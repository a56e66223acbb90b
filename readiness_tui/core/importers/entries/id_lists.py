"""Lists of ids: entries that open with (or close on) an item's id, each that item (``- **T-4** Index the
logs``), and what such a list is when it is not new work: the group tags the plan's entries carry, an index of
documents, dependency sentences, ranges or short forms of items made already, the criteria of known items."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import similarity
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import (
    bold_span_id,
    bracket_slugs,
    entry_id,
    marked_id,
    opening_mark,
    trailing_ids,
)
from readiness_tui.core.importers.entries.entry_names import dashed_list, dashed_name
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.key_bullets import kv_children, link_risks
from readiness_tui.core.importers.entries.labels import labelled
from readiness_tui.core.importers.entries.lists import heading_prefix
from readiness_tui.core.importers.references.ids import (
    CAPS_ID_RE,
    expand_range,
    id_span,
    is_id,
    prefixed_numbers,
    short_forms,
)
from readiness_tui.core.importers.references.refs import ids_in_text, parse_refs
from readiness_tui.core.importers.references.sentences import dependency_sentence
from readiness_tui.core.importers.sections.heading_words import names_dependencies
from readiness_tui.core.importers.sections.lead_ins import is_criteria
from readiness_tui.core.importers.sections.patterns import Ctx, group_tags, heading_id_match

#: An entry that is one link to a document and nothing else: ``[EPIC-001: Security](docs/epic-001.md)``.
_LINK_ONLY = re.compile(r"^\[[^\]]+\]\((?!https?://[^)]*/(?:issues|pull)/)[^)\s]+\)$")


def list_leads(entries: list[ListItem]) -> list[tuple[str, str, str | None] | None]:
    """Each entry's own id and the rest: opening it (``**T-4** x``), or closing its label or itself in parentheses
    as a rule across the list (``Security (N01): x``, ``x (C1)``). A run of bare ``S07 x`` openings is left to
    checklists: in prose bullets it is as often a reference to an item made elsewhere."""
    texts = [plain(it.text, keep_code=True) for it in entries]
    tails = trailing_ids(texts)
    labels = labelled([it.text for it in entries])
    leads = [
        entry_id(it.text, t) or tail or label for it, t, tail, label in zip(entries, texts, tails, labels, strict=True)
    ]
    # A code and words in one bold span (``**M0 Repo skeleton.**``) open with an id where two entries or more share
    # its letters (M0, M1): "**x86 Test Kernel**" beside "**ARM64 Test Kernel**" names platforms, not tickets.
    spans = [bold_span_id(it.text) for it in entries]
    letters = Counter(_letters(s) for s in spans if s)
    leads = [
        None if span and lead and lead[0] == span and letters[_letters(span)] < 2 else lead
        for span, lead in zip(spans, leads, strict=True)
    ]
    # "**so3_control** - SO3 control" beside "**bspline** - B-spline representation": the list names packages or
    # files in bold, lower case; a digit in one of those names makes it no id.
    names = [m.group(1) if (m := _BOLD_NAME.match(it.text.strip())) else None for it in entries]
    if any(n and not any(c.isdigit() for c in n) for n in names):
        leads = [None if n and lead and lead[0] == n else lead for n, lead in zip(names, leads, strict=True)]
    # "**[rpc-ouvertes] Fermer les fonctions**": a slug in brackets opening every entry names each.
    if any(slugs := bracket_slugs(texts)):
        leads = list(slugs)
    # "- **DEF-78, DEF-79:** Validation over-engineering": several ids open the entry; the first stands for them here.
    return [
        lead or ((several[0][0], several[1], None) if (several := _several_ids(text)) else None)
        for lead, text in zip(leads, texts, strict=True)
    ]


#: An entry named in bold, then explained after a dash: ``**[rpc-ouvertes] Fermer les fonctions** — contexte``. Not
#: ``entry_names.split_label``: there the bold is a label of six words at most; here it is the entry's whole name.
_BOLD_NAMED = re.compile(r"^\s*(?:\d+[.)]\s+)?\*\*(?P<bold>[^*]+)\*\*\s+[—–-]\s+(?P<rest>\S.*)$", re.S)


#: An entry opening with a name in lower case set in bold: ``**so3_control**``, ``**bspline**``, ``**plan-env**``.
_BOLD_NAME = re.compile(r"^(?:\d+[.)]\s+)?\*\*([a-z][a-z0-9]*(?:[_-][a-z0-9]+)*)\*\*")


#: A heading over what the work taught: "Lessons Learned", "Cross-Phase Learnings", "Retrospective".
_LESSONS = re.compile(r"\b(?:lessons|learnings?|retro(?:spective)?s?)\b", re.I)


def _numbered_again(b: Builder, leads: list[tuple[str, str, str | None] | None]) -> dict[str, str]:
    """The list's ids as a new run (``KR1`` -> ``KR2-1``) when they number again from 1 ids the plan made already,
    two entries at least and none titled as the item it would repeat; else {}."""
    runs = [re.fullmatch(r"([A-Za-z]+)-?(\d+)", lead[0]) if lead else None for lead in leads]
    if len(runs) < 2 or not all(runs) or not all(lead and lead[0] in b.items for lead in leads):
        return {}
    words = {m.group(1) for m in runs if m}
    nums = [int(m.group(2)) for m in runs if m]
    if len(words) != 1 or nums != list(range(1, len(nums) + 1)):
        return {}
    if any(lead and similarity(lead[1], str(b.items[lead[0]].values.get("title") or "")) >= 0.5 for lead in leads):
        return {}
    word, run = words.pop(), 2
    while any(f"{word}{run}-{n}" in b.items for n in nums):
        run += 1
    return {lead[0]: f"{word}{run}-{n}" for lead, n in zip(leads, nums, strict=True) if lead}


def _letters(code: str) -> str:
    return re.sub(r"\d.*", "", code).upper()


def _task_id_first(text: str) -> tuple[str, str] | None:
    """(id, rest) when ``text`` opens with a named id (``CAPS_ID_RE``): ``TASK-002 — title`` after an issue number."""
    head, _, rest = text.strip().partition(" ")
    head = head.rstrip(":")
    return (head, rest.lstrip(" :—–-")) if CAPS_ID_RE.match(head) else None


def id_list(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx, kind: str) -> None:
    leads = list_leads(lst.items)
    ids = [lead[0] for lead in leads if lead]
    slugs = {lead[0] for lead in bracket_slugs([plain(it.text, keep_code=True) for it in lst.items]) if lead}
    if ids and set(ids) <= group_tags(b.lines, range(lst.line - 1, lst.end)):
        # "3. US1 (P1) — deliverables" where the tasks carry [US1]: the list restates the stories.
        b.consume(lst, sec)
        b.skipped(lst.line, f"list of group tags ({', '.join(ids)}) the entries elsewhere carry: a view, not items")
        return
    records = {str(r.values.get("id")) for kind in ("milestones", "phases") for r in b.records[kind]}
    if len(leads) >= 2 and all(lead and lead[0] in records for lead in leads):
        # "- **M4** traces to the social features in the design" after the table of milestones M1..M9: what the plan
        # says of its milestones, no work of their own.
        b.consume(lst, sec)
        b.skipped(lst.line, f"list of the plan's milestones or phases by their ids ({', '.join(ids)}): not items")
        return
    if sec.heading is not None and _LESSONS.search(sec.title):
        # "#### Cross-Phase Learnings" over "2. **Timer Cleanup** (Phase 5): … (FIX-001)": what the work taught, citing
        # the fixes by id; no work.
        b.consume(lst, sec)
        b.skipped(lst.line, f"list under {sec.title!r}: lessons, citing items by id; not items")
        return
    if len(lst.items) >= 2 and all(_LINK_ONLY.match(it.text.strip()) for it in lst.items):
        # "- [EPIC-001: Security](/docs/epics/epic-001.md)": an index of documents the work is written in.
        b.consume(lst, sec)
        b.skipped(lst.line, f"list of links ({len(lst.items)} entries) to documents: an index, not items")
        return
    if sec.heading is not None and is_criteria(sec.title) and _criteria_of_known(b, lst, sec, leads):
        return
    if len(lst.items) >= 2 and all(dependency_sentence(plain(it.text, keep_code=True)) for it in lst.items):
        # "- TICKET-1 must complete before TICKET-2 (...)": what waits on what (``references.prose`` reads it
        # once every item is known), not the items themselves: their titles are elsewhere.
        b.consume(lst, sec)
        b.used(lst.line, f"list of dependency sentences ({len(lst.items)} entries): read as dependencies, not items")
        return
    if len(lst.items) >= 2 and all(lead and _range_of_known(b, lead[0]) for lead in leads):
        # "- T008-T012 (test writing) can run in parallel": spans of the items listed before, said of them again.
        b.consume(lst, sec)
        b.skipped(lst.line, f"list of ranges of the plan's items ({len(lst.items)} entries): a view of them, not items")
        return
    # "- **KM-1.2 (Faz 1 planı):** ... KM-1.1'e bağlı" after milestones "1.1", "1.2", or "- t01: Define schema"
    # under an execution plan after the task e009_s01_t01: the same items, cited.
    restated = prefixed_numbers(b.items, ids) or short_forms(b.items, ids) or _named_streams(b, lst, leads)
    if not restated and (again := _numbered_again(b, leads)):
        # "Objective 2:" over "- KR1: Add a reproducible KPI run", after Objective 1's KR1..KR3: the numbers start
        # over under each objective; each run is its own (KR2-1: the second run's KR1), no restatement of the first.
        restated = again
        b.note(lst.line, f"list numbers its entries again ({', '.join(again)}): made {id_span(list(again.values()))}")
    if restated:
        b.aliases.update(restated)
        b.note(lst.line, f"list names items {id_span(list(restated.values()))} as {id_span(list(restated))}: theirs")
    made = []
    # "### Sprint 5" over "- **MVF-5:** Welcome experience" and "- Review the button labels": beside the plan's items
    # the list schedules, an entry of work without an id is work the list adds (numbered after its heading).
    cites = any(lead and lead[0] in b.items for lead in leads)
    prefix, k = heading_prefix(b, sec), 0
    # "- **SUB-1:** Registration — records who signed up…" on every entry: the name is the title, the rest explains it.
    dashed = dashed_list([plain(lead[1]) for lead in leads if lead]) and all(leads)
    for it, lead in zip(lst.items, leads, strict=True):
        if (
            not lead
            and cites
            and not it.children
            and split_keyval(it.text) is None
            and _WORDS.search(it.text)
            and not b.refs_in(plain(it.text))
        ):
            k += 1
            while f"{prefix}{k}" in b.items:
                k += 1
            title, fields = inline_fields(b, plain(it.text, keep_code=True), it.line, f"{prefix}{k}")
            got = b.add_item(
                {"id": f"{prefix}{k}", "title": title, "kind": kind, **ctx.item_fields(), **fields}, it.line, "list"
            )
            made += [got] if got else []
            continue
        if (several := _several_ids(plain(it.text, keep_code=True))) and (not lead or lead[0] == several[0][0]):
            # "- **DEF-63, DEF-64, DEF-65:** Directory/module consolidation": one entry for several items, each the
            # work its words name.
            ids, title = several
            b.note(it.line, f"list entry names {', '.join(ids)} before its words: an item each, titled alike")
            for one in ids:
                shared: dict[str, Any] = {"id": one, "title": title, "kind": kind, **ctx.item_fields()}
                if got := b.add_item(shared, it.line, "list"):
                    made.append(got)
            continue
        if not lead or not (is_id(lead[0]) or lead[0] in slugs or _named_like_siblings(it, sec)):
            b.skipped(it.line, f"list entry without an id: {plain(it.text)[:60]!r}")
            continue
        if dependency_sentence(plain(it.text, keep_code=True)):
            # "- T007-T017 must be executed sequentially": an order between items, read as such (``references.prose``).
            b.note(it.line, f"list entry {plain(it.text)[:50]!r} says an order between items; read as dependencies")
            continue
        rid, text, links = restated.get(lead[0], lead[0]), lead[1], []
        if rid not in b.items and _about_dependencies(sec):
            # "### Phase Dependencies" > "- **US1 (Phase 3)**: Depends on Setup": what a group of the plan's work
            # waits on, not an item; an entry naming an item gives that item its dependencies (below).
            b.skipped(it.line, f"list entry {plain(it.text)[:50]!r}: what {rid} waits on, and {rid} is no item")
            continue
        if re.fullmatch(r"#\d+", rid) and (named := _task_id_first(text)):
            # "- #346 TASK-002 (Dev-A) — Button standardization": the pull request's number, then the task's id.
            rid, text, links = named[0], named[1], [lead[0]]
        said = ""
        if (bold := _BOLD_NAMED.match(it.text)) and plain(bold.group("bold")).startswith(f"[{lead[0]}]"):
            # "**[rpc-ouvertes] Fermer les fonctions** — analyse du 8 oct.": named in bold, explained after the dash.
            text, said = plain(bold.group("bold"))[len(lead[0]) + 2 :].strip(), plain(bold.group("rest"), True)
        title, fields = inline_fields(b, text, it.line, rid)
        if dashed and not said:
            # After the fields: "Define SLOs — P0 — @amir" is named, then its fields, not explained.
            title, said = dashed_name(title)
        values: dict[str, Any] = {"id": rid, "title": title, "kind": kind, **ctx.item_fields()}
        if said:
            values["description"] = said
        if links:
            values["links"] = links
        mit = fields.pop("_mitigates", [])
        values.update(fields)
        if (mark := opening_mark(plain(it.text))) and "status" not in fields:
            values["status"] = mark[0]  # "- ⏳ T010: x": the entry's own mark, over its heading's state
            b.status_stated.add(rid)
        if "status" in fields:
            b.status_stated.add(rid)
        kv_children(b, it, values, rid)
        got = b.add_item(values, it.line, "list")
        if got:
            made.append(got)
            link_risks(b, got, mit, it.line)
    b.consume(lst, sec)
    if made:
        b.used(lst.line, f"list of ids ({len(made)} entries) -> items {id_span(made)}")


def _about_dependencies(sec: Section) -> bool:
    """Whether a heading is about what the plan's work waits on ("### Phase Dependencies"); one that names a piece
    of work by its id ("### E10.F2 — Dependency lockdown") is that work's."""
    return sec.heading is not None and names_dependencies(sec.title) and heading_id_match(plain(sec.bare_title)) is None


#: Several ids, then a colon or dash and the words: "DEF-63, DEF-64, DEF-65: Directory consolidation".
_SEVERAL_IDS = re.compile(r"^(?P<ids>[^:—–]+?)\s*(?::|—|–|\s-\s)\s*(?P<title>\S.*)$")


def _several_ids(text: str) -> tuple[list[str], str] | None:
    """(ids, title) of an entry opening with two ids or more and nothing else before its words; None otherwise."""
    m = _SEVERAL_IDS.match(text.strip())
    if m is None:
        return None
    refs = parse_refs(m.group("ids"))
    if (
        refs.rest.strip(" ,;&")
        or len(refs.ids) < 2
        or not all(is_id(i) and any(c.isalpha() for c in i) for i in refs.ids)
    ):
        return None
    return refs.ids, m.group("title").strip()


#: Words: three letters in a row at least.
_WORDS = re.compile(r"[^\W\d_]{3}")


def _range_of_known(b: Builder, rid: str) -> bool:
    """Whether an id is a range (``T008-T012``) whose ends and every id between are items made already."""
    ends = re.fullmatch(r"(\S+?)\s*[-–]\s*(\S+)", rid)
    span = expand_range(ends.group(1), ends.group(2)) if ends else None
    return bool(span) and all(i in b.items for i in span or [])


def _named_streams(b: Builder, lst: ListBlock, leads: list[tuple[str, str, str | None] | None]) -> dict[str, str]:
    """Lead id -> item, where every entry opens by naming a stream the plan has (``1. **Epic 1** - Remove the
    button`` after ``### Epic 1: Remove the button``, item E1): an order of the streams, not new work."""
    named = {}
    for it, lead in zip(lst.items, leads, strict=True):
        head = re.match(r"[\W_]*([^\W\d_]+\s+\w+)", plain(it.text))
        refs = b.stream_refs(head.group(1)) if head and lead else []
        if lead is None or len(refs) != 1:
            return {}
        named[lead[0]] = refs[0]
    return named


def _criteria_of_known(
    b: Builder, lst: ListBlock, sec: Section, leads: list[tuple[str, str, str | None] | None]
) -> bool:
    """``- AC-02 (FR-01, FR-04): WHEN … THE system SHALL …`` under "Acceptance Criteria": each entry a condition of
    the items it names, which are made already; kept as their acceptance, not made into items. False (nothing done)
    unless every entry names such items beside its own id."""
    named: list[list[str]] = []
    for it, lead in zip(lst.items, leads, strict=True):
        rest = f"{lead[1]} {lead[2] or ''}" if lead else plain(it.text, keep_code=True)  # the aside: "(FR-01)"
        ids = [i for i in ids_in_text(rest) if i in b.items and (not lead or i != lead[0])]
        if not ids:
            return False
        named.append(ids)
    for it, ids in zip(lst.items, named, strict=True):
        for rid in dict.fromkeys(ids):
            b.items[rid].values.setdefault("acceptance", []).append(plain(it.text, keep_code=True))
    b.consume(lst, sec)
    b.used(lst.line, f"criteria ({len(lst.items)} entries) naming items already made -> their acceptance, not items")
    return True


def _named_like_siblings(it: ListItem, sec: Section) -> bool:
    """Whether an entry opening with a marked id without digits (```BACKLOG-RESUME```) is an item: its id is
    capitals joined by hyphens, like the ids with digits that other entries of its section open with."""
    lead = marked_id(it.text)
    if lead is None or not CAPS_ID_RE.match(lead[0]):
        return False
    others = [
        found[0]
        for blk in sec.blocks
        if isinstance(blk, ListBlock)
        for other in blk.items
        if other is not it and (found := marked_id(other.text))
    ]
    return sum(1 for o in others if is_id(o) and CAPS_ID_RE.match(o)) >= 2
