"""Checklists (nested, numbered), and the helpers lists of every kind share: the prefix of the ids an entry list
makes, whether an entry gives its own id. Lists of ids: ``entries.id_lists``; phase lists: ``entries.phase_lists``;
risk lists: ``entries.risk_bullets``."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import STATUS_BY_MARK, Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.document.fields import field_parts
from readiness_tui.core.importers.entries.entry_ids import (
    LEAD_MARK_RE,
    entry_id,
    opening_mark,
    run_ids,
    struck_closed,
    trailing_ids,
)
from readiness_tui.core.importers.entries.entry_names import dashed_list, labelled_list, named_then_explained
from readiness_tui.core.importers.entries.entry_parts import ticks_itself, ungrouped, unjoined
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.item_steps import repeated_checks, steps_into
from readiness_tui.core.importers.entries.key_bullets import apply_key, link_risks
from readiness_tui.core.importers.guided.recipe import recipe_option
from readiness_tui.core.importers.references.ids import id_span, is_id, title_initials
from readiness_tui.core.importers.references.refs import ids_in_text, parse_refs
from readiness_tui.core.importers.sections.heading_numbers import document_fact, document_root
from readiness_tui.core.importers.sections.lead_ins import list_lead_in
from readiness_tui.core.importers.sections.patterns import Ctx, numbered
from readiness_tui.core.importers.tables.id_cells import cell_ids, struck_words
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.owners import split_owner, trailing_names
from readiness_tui.core.importers.vocabulary.priorities import parse_priority, ranked_mark
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from readiness_tui.core.importers.vocabulary.title_states import trailing_status

#: A box entry opening with a word in brackets: ``[HIGH]``, ``[P1]`` (a priority when the word is one).
_PRIORITY_TAG = re.compile(r"^\[(?P<word>[^\W\d_][\w -]{0,15}|P\d)\]\s+")


#: An entry named by a unit of the plan's sequence and its number: ``Step 10: Frontend onboarding``.
_UNIT_ENTRY = re.compile(
    r"^(?P<word>step|stage|part|task|card|ticket|tarjeta|tarea|tarefa|cartão|aufgabe|karte|tâche|carte)\s+"
    r"(?P<num>\d+)\s*[:—–]\s*(?P<title>\S.*)$",
    re.I,
)
#: Unit words naming one piece of work each (a card, a task): two entries so named are a numbering already.
_WORK_UNITS = frozenset(
    {"task", "card", "ticket", "tarjeta", "tarea", "tarefa", "cartão", "aufgabe", "karte", "tâche", "carte"}
)


def unit_entries(b: Builder, texts: list[str]) -> dict[int, tuple[str, str]]:
    """(id, title) by position of entries each named by one unit word and its own number (``Step 0: Planning`` ..
    ``Step 18: Deploy``, three or more; ``**Tarjeta 1: Limpieza**``, a card or a task, two or more), no number
    twice, no id taken: ``STEP-0`` .. ``STEP-18``, ``TARJETA-1``; else empty."""
    found = [_UNIT_ENTRY.match(t) for t in texts]
    named = [m for m in found if m]
    words = {m.group("word").lower() for m in named}
    if len(words) != 1 or len(named) < (2 if words <= _WORK_UNITS else 3):
        return {}
    ids = [f"{m.group('word').upper()}-{m.group('num')}" for m in named]
    if len(set(ids)) < len(ids) or any(i in b.items for i in ids):
        return {}
    return {k: (f"{m.group('word').upper()}-{m.group('num')}", m.group("title")) for k, m in enumerate(found) if m}


#: A role or a person in emphasised brackets opening an entry: ``***(QA)*** Ensure no test fails``, ``**(Ana)** x``.
#: Or both in square brackets, who then what (``[Release Lead] [Create release notes]``): the template's "[role] [action]".
_ROLE_LEAD = re.compile(
    r"^(?:(?P<em>\*{1,3}|_{1,3})\((?P<who>[^()*_\n]{1,30})\)(?P=em)|\[(?P<role>[^\[\]\n]{2,30})\](?=\s*\[[^\[\]]{3,}\]\s*$))"
    r"\s+(?=\S)"
)


#: A label leading notes in: "Notes", "Note", "NB", "Hinweise", "Notas", "Remarques".
_NOTES = re.compile(r"(?:notes?|nb|hinweise?|notas?|remarques?|anmerkungen?)", re.I)


def role_leads(mds: list[str]) -> bool:
    """Whether every entry of a list of boxes (three or more, their Markdown ``mds``) opens with a role or a person in
    emphasised brackets (``***(QA)***``), or in square ones before the work in its own (``[Release Lead] [Create
    release notes]``): a plan naming who does each step so."""
    return len(mds) >= 3 and all(_ROLE_LEAD.match(md.strip()) for md in mds)


def free_prefix(b: Builder, prefix: str) -> str:
    """``prefix``, or the first of ``D2-``, ``D3-`` … that no item uses yet: ids made for one list's boxes never
    name another's ("### Day 1" and "### Days 2-3" both give ``D-``; their boxes are different work)."""
    if f"{prefix}1" not in b.items:
        return prefix
    base = prefix.removesuffix("-")
    n = 2
    while f"{base}{n}-1" in b.items:
        n += 1
    return f"{base}{n}-"


def heading_prefix(b: Builder, sec: Section) -> str:
    """The prefix of the ids made for the id-less work under ``sec``: its heading's initials (``free_prefix``)."""
    return free_prefix(b, f"{title_initials(sec.title)}-")


def checklist(
    b: Builder, lst: ListBlock, sec: Section, ctx: Ctx, kind: str = "check", prefix: str | None = None
) -> None:
    """Each box an item; ``prefix`` names the id-less ones (else the parent's id + ``-C``, or the heading's
    initials)."""
    parent = ctx.parent
    if parent is None and prefix is None:
        refs = b.stream_refs(sec.title) or [r for r in ids_in_text(sec.title) if r in b.items]
        parent = refs[0] if len(refs) == 1 else None
    if prefix is None:
        prefix = free_prefix(b, f"{parent}-C") if parent else heading_prefix(b, sec)
    counter = [0]
    made: list[str] = []
    kids: set[int] = set()  # the plain bullets a recipe made child items of the box above them

    def visit(items: list[ListItem], under: str | None) -> None:
        if under is None and any(x.checked is not None for x in items):
            items = ungrouped(b, items)
        items = unjoined(b, items)
        k = 0
        bare = any(numbered(plain(it.text)) for it in items)
        tails = given_ids([plain(it.text, keep_code=True) for it in items])
        dashed = dashed_list([plain(it.text, keep_code=True) for it in items if it.checked is not None])
        labelled = labelled_list([it.text for it in items if it.checked is not None])
        units = unit_entries(b, [plain(it.text) for it in items])
        roled = role_leads([it.text for it in items if it.checked is not None])
        # "- [❌] Goomba movement (Noah)", "- [⭕] Coin art (Noah & Abel)": the list closes each box with who does it.
        names = trailing_names([plain(it.text, keep_code=True) for it in items])
        for pos, (it, tail) in enumerate(zip(items, tails, strict=True)):
            if it.checked is None and not numbered(plain(it.text)) and under is not None and not ticks_itself(it):
                if id(it) not in kids:
                    continue  # prose under an entry: part of its description
            k += 1
            counter[0] += 1
            text = plain(it.text, keep_code=True)
            md, tagged = it.text, None
            role = _ROLE_LEAD.match(md.strip()) if roled else None
            if role:
                # "- [ ] ***(QA)*** Ensure no test fails", every box so written: the role in brackets does the work.
                md = md.strip()[role.end() :]
                if role.group("role"):
                    md = md.strip()[1:-1]  # the work in its brackets
                text = plain(md, keep_code=True)
            drawn = opening_mark(text) if it.checked is None else None
            if drawn and (struck := struck_closed(text)):
                # "- ~~Fix the button~~ ✓ **DONE** - Added the link": a box drawn by a strike, named by the struck
                # words and explained by those after them, as a bold name and a dash are.
                text, md = drawn[1], f"**{struck[1]}** - {struck[2]}" if struck[2] else struck[1]
            elif drawn:
                # "- 📋 Find text": a box drawn as a mark of its state (the plan's legend says which).
                text, md = drawn[1], LEAD_MARK_RE.sub("", md.lstrip(), count=1)
            tag = _PRIORITY_TAG.match(text)
            if tag and (tagged := parse_priority(tag.group("word"))[0]):
                # "[HIGH] H1: Missing tests": the priority in brackets, then the entry's id.
                text, md = text[tag.end() :], _PRIORITY_TAG.sub("", md.lstrip(), count=1)
            lead_mark = LEAD_MARK_RE.match(text) if it.checked is not None and not tagged else None
            said = lead_mark.group("mark").replace("\ufe0f", "") if lead_mark else ""
            if lead_mark and (ranked := ranked_mark(text)):
                # "- [ ] 🟢 9. Custom Fields" where the plan's legend says "🟢 Low Priority": its priority, not a state.
                tagged, text, md = ranked[0], ranked[1], LEAD_MARK_RE.sub("", md.lstrip(), count=1)
            elif lead_mark and parse_status(said) == it.box and numbered(text[lead_mark.end() :], bare=bare):
                # "- [x] ✅ 1. Add Items": the mark repeats the box; the number after it is the entry's.
                text, md = text[lead_mark.end() :], LEAD_MARK_RE.sub("", md.lstrip(), count=1)
            m = numbered(text, bare=bare)
            unit = units.get(pos)
            lead = (
                (unit[0], unit[1], None) if unit else entry_id(md, text) or ((m[0], m[1], None) if m else None) or tail
            )
            known = _known_range(b, text) if not m else None
            if known:
                # "[ ] P3-3〜P3-7 the collectors" in a list that restates the plan: a box for each of them.
                for rid in known:
                    b.add_item({"id": rid, **({"status": it.box} if it.box else {})}, it.line, "checklist")
                continue
            span = _range_lead(text) if not m and not known else None
            if span:
                # "[x] **A9–A12** /lyrics, /admin, /help": one box for a range no block names an item of; work
                # tracked as one, as a table row for a range is (``tables.rows``).
                rid, text = span
                b.note(it.line, f"{rid}: one entry for a range of ids no other block names: one item")
            elif lead and is_id(lead[0]):
                rid, text = lead[0], lead[1]
            elif under is not None and under != parent:
                rid = f"{under}.{k}"
                b.made_ids.add(rid)
            else:
                rid = f"{prefix}{k}"
                b.made_ids.add(rid)
            title, fields = inline_fields(b, text, it.line, rid, md=md)
            if (who := names[pos]) and not fields.get("owner") and title.endswith(f"({who[1]})"):
                title = title[: -len(who[1]) - 2].rstrip()
                fields["owner"], contributors = split_owner(who[1])
                if contributors:
                    fields["contributors"] = contributors
                if fields["owner"] != who[1]:
                    b.owner_cells[rid] = who[1]  # the recipe's owner = "whole" keeps them as written
            stated_title, state = trailing_status(title)
            if state and "status" not in fields:
                # "[ ] T001.4: Investigate the merge (1h) - IN PROGRESS": the entry closes with its state.
                title, fields["status"] = stated_title, state
            title, explained = named_then_explained(title, md, dashed, labelled)
            if it.box is not None and (called_off := struck_words(title)) is not None:
                # "- [ ] ~~Old idea~~": work called off (ticked, it was done first); the words without the strike.
                title = called_off
                fields.setdefault("status", "done" if it.box == "done" else "cancelled")
            if it.children and title.endswith((":", "：")):
                title = title.rstrip(" :：")  # "Create config.py:" over its details: the colon leads them in
            values: dict[str, Any] = {"id": rid, "title": title, "kind": kind}
            if tagged:
                values["priority"] = tagged
            if it.box is not None:
                values["status"] = it.box
                b.status_stated.add(rid)
            if fields.get("status") and it.box in (None, "todo"):
                values["status"] = fields["status"]
            elif drawn:
                values["status"] = drawn[0]
                b.status_stated.add(rid)
            elif it.box == "todo":
                values[STATUS_BY_MARK] = True  # an empty box says only "not done": words or a heading say more
            fields.pop("status", None)
            if under:
                values["parent"] = under
            values.update(ctx.item_fields(parent=False))
            mit = fields.pop("_mitigates", [])
            values.update(fields)
            if role and not values.get("owner"):
                values["owner"] = (role.group("who") or role.group("role")).strip()
            prose = [
                x for x in it.sub_items() if x.checked is None and not numbered(plain(x.text)) and not ticks_itself(x)
            ]
            prose = _field_bullets(b, prose, values, rid, it.box)
            if prose and recipe_option("sub_bullets") == "items":
                # The recipe's sub_bullets = "items": the bullets under the box are its child items, read below.
                kids.update(id(x) for x in prose)
                b.note(prose[0].line, f"{rid}: the {len(prose)} bullets under it are its child items (recipe)")
                prose = []
            nested = [x for x in it.sub_items() if x.checked is not None and not entry_has_id(x)]
            # Boxes under a box are its child items (``<box>.1``, ``<box>.2``), read below as the list's own; a
            # recipe's ``sub_boxes = "steps"`` keeps them its steps, in its description.
            # The same boxes under every task ("設計書確認", "テスト実行", "コミット" …): each task's checklist, its steps.
            repeated = tuple(x.text.strip() for x in nested) in _repeated_checks(b, sec)
            steps = nested if recipe_option("sub_boxes") == "steps" or repeated else []
            if steps:
                steps_into(b, rid, steps, values, steps[0].line)
            elif nested:
                b.note(nested[0].line, f"{rid}: the {len(nested)} boxes under it are its child items")
            if explained:
                values["description"] = explained
            if prose:
                values["description"] = "\n".join(
                    [explained] * bool(explained) + [f"- {plain(x.text, keep_code=True)}" for x in prose]
                )
            if it.more:
                values["description"] = (
                    values.get("description", "") + "\n" + "\n".join(plain(x, keep_code=True) for x in it.more)
                ).strip()
            got = b.add_item(values, it.line, "checklist")
            if got:
                made.append(got)
                link_risks(b, got, mit, it.line)
            visit([x for x in it.sub_items() if x not in steps], rid)

    entries = lst.items
    lead = entries[: next((k for k, it in enumerate(entries) if it.checked is not None), 0)]
    if lead and _NOTES.fullmatch(list_lead_in(sec, lst) or ""):
        # "**Notes**:" over "* The release lead should update …" then "* [ ] [Release Lead] [Create release notes]": the
        # plain entries before the boxes are the notes the label leads in, the boxes the work.
        b.skipped(lead[0].line, f"{len(lead)} entries led in as notes before the list's boxes: notes, not items")
        entries = entries[len(lead) :]
    visit(entries, parent)
    b.consume(lst, sec)
    b.used(
        lst.line, f"checklist ({len(made)} entries) -> items {id_span(made)}" + (f", parent {parent}" if parent else "")
    )


def _known_range(b: Builder, text: str) -> list[str]:
    """The items a range or a list of ids opening an entry names (``P3-3〜P3-7 x``, ``C01–C03, C06, C09 closed``,
    ``C02 applied on prod``), when they are all items already made."""
    ids: list[str] = []
    for token in text.split():
        if token.lower() in ("and", "&", "+"):
            continue
        refs = parse_refs(token.rstrip(",;:"), loose=True)
        if not refs.ids or refs.rest:
            break
        ids += refs.ids
    if not ids or any(i not in b.items for i in ids):
        return []
    return list(dict.fromkeys(ids))


def _range_lead(text: str) -> tuple[str, str] | None:
    """(range, rest) of an entry opening with a range of ids (``A9–A12 x``), kept as written; None otherwise."""
    first, _, rest = text.strip().partition(" ")
    first = first.rstrip(":,;")
    if re.search(r"[/,&+]", first) or is_id(first):
        return None
    group = cell_ids(first)
    return (first, rest.lstrip(" :—–-")) if group and len(group) > 1 else None


def entry_has_id(it: ListItem) -> bool:
    """Whether a checklist entry names its own id (``**S1** ...``, ``T-4: ...``, ``2.3.1 ...``)."""
    text = plain(it.text, keep_code=True)
    lead = entry_id(it.text, text)
    m = numbered(text)
    return bool(lead and is_id(lead[0])) or bool(m and "." in m[0])


def given_ids(texts: list[str]) -> list[tuple[str, str, str | None] | None]:
    """Ids the list gives as a rule: a run of ``M0 x``, ``M1 y`` openings, or of closing ``(C1)`` ids."""
    runs = run_ids(texts)
    return runs if any(runs) else trailing_ids(texts)


def ids_given(entries: list[ListItem]) -> int:
    """How many of a list's entries name their own id, at their start or (as a run) closing in parentheses."""
    tails = given_ids([plain(it.text, keep_code=True) for it in entries])
    return sum(1 for it, tail in zip(entries, tails, strict=True) if entry_has_id(it) or tail)


#: Fields an indented ``- Owner: @x`` bullet under a checklist entry gives that entry.
_BULLET_FIELDS = frozenset(
    {"owner", "status", "priority", "depends_on", "blocks", "target", "estimate_days", "soft_depends_on"}
)


def _field_bullets(
    b: Builder, subs: list[ListItem], values: dict[str, Any], rid: str, box: str | None
) -> list[ListItem]:
    """Read ``- Status: Pending`` / ``- Owner: @x`` sub-bullets as the entry's fields; the rest stays prose.

    A status bullet wins over the checkbox (the box is often left as it was); a disagreement is reported.
    """
    rest: list[ListItem] = []
    for sub in subs:
        pairs = field_parts(sub.text)
        flds = [header_field(" ".join(k.lower().split())) for k, _ in pairs]
        if not pairs:
            # "needs OPS-2", "blocked by OPS-1": a dependency written as a phrase.
            left, said = inline_fields(b, sub.text, sub.line, rid, entry=False)
            if not left.strip(" .") and said.get("depends_on"):
                values["depends_on"] = values.get("depends_on", []) + said["depends_on"]
                continue
        if not pairs or not all(f in _BULLET_FIELDS for f in flds):
            rest.append(sub)
            continue
        for (key, value), fld in zip(pairs, flds, strict=True):
            apply_key(b, key, value, sub, values, rid)
            if fld == "status" and box is not None and values.get("status") != box:
                b.note(
                    sub.line,
                    f"{rid}: the checkbox says {box}, the Status bullet says {values.get('status')}; took the bullet",
                )
            if fld == "depends_on":
                b.deps_stated.add(rid)
    for key in ("custom", "gate"):
        if key in values and not values[key]:
            values.pop(key)
    return rest


def _repeated_checks(b: Builder, sec: Section) -> frozenset[tuple[str, ...]]:
    """``item_steps.repeated_checks`` of the plan, found once per import."""
    return document_fact(document_root(sec), "repeated checks", lambda: repeated_checks(b.lines))
