"""Risks written as sections: a heading about risks over lists of risks or over one heading per risk.

``## Risks`` over ``- R-2 → T-4`` maps risks to their tasks; over ``### Vendor outage`` and its prose each
sub-heading is a risk (R-1 on), whose words name the tasks that mitigate it (``references.risk_prose``).
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import RISK_PROSE, Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import field_parts, split_keyval
from readiness_tui.core.importers.entries.entry_ids import LEAD_MARK_RE, opening_mark
from readiness_tui.core.importers.entries.entry_names import named_then_explained
from readiness_tui.core.importers.entries.risk_bullets import (
    RISK_KEYS,
    arrow_left_id,
    numbered_risks,
    risk_entries,
    risk_list,
)
from readiness_tui.core.importers.guided.recipe import chosen_label
from readiness_tui.core.importers.references.ids import RISK_ID_RE, is_id
from readiness_tui.core.importers.sections.generic import generic_block
from readiness_tui.core.importers.sections.headings import heading_role
from readiness_tui.core.importers.sections.patterns import ARROW_RE, Ctx, Walk, rule_for
from readiness_tui.core.importers.sections.risk_actions import (
    action_blocks,
    actions_risk,
    heading_risk,
    mitigation_rows,
    named_risk,
    names_mitigation,
)
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A heading about risks that names the work done against them: its numbered sub-headings are that work.
WORK_AGAINST = re.compile(r"\b(?:tasks?|actions?|work|todos?|steps|backlog)\b", re.I)


def risk_heading_id(sec: Section, rid: str) -> str | None:
    """The risk id of a heading that is a risk, else None: ``### R1 — GPU capacity`` under a heading about
    risks (R1), ``#### TR-001: Database bottleneck`` over a risk's fields there (``fielded_risk``), and ``### 1.
    Vendor outage`` right under one (R-1; not under "Risk mitigation tasks")."""
    if RISK_ID_RE.match(rid) or (is_id(rid) and fielded_risk(sec)):
        return rid if any(a.heading and "risk" in a.title.lower() for a in sec.ancestors()) else None
    parent = sec.parent
    if rid.isdigit() and parent is not None and parent.heading is not None and heading_role(parent) == "risks":
        return None if WORK_AGAINST.search(parent.title) else f"R-{rid}"
    return None


def _risk_fields(sec: Section, tables: bool = False) -> list[tuple[str, str]]:
    """(risk field, value as written) of each line of the section's own paragraphs and top-level entries that
    gives one (``- **Probability:** High (4)``, ``**Impact**: Medium``); with ``tables``, of each row of its tables of
    two columns too."""
    found = []
    for blk in sec.blocks:
        if tables and isinstance(blk, Table) and len(blk.headers) == 2:
            # "| Attribute | Value |" over "| **Likelihood** | 4 (Likely) |": a field in each row.
            found += [
                (field, plain(row.cells[1]))
                for row in blk.rows
                if len(row.cells) == 2 and (field := rule_for(RISK_KEYS, plain(row.cells[0]))) is not None
            ]
            continue
        lines = blk.text.splitlines() if isinstance(blk, Paragraph) else []
        lines += [it.text for it in blk.items] if isinstance(blk, ListBlock) else []
        for line in lines:
            for key, value in field_parts(line):
                if (field := rule_for(RISK_KEYS, key)) is not None:
                    found.append((field, value))
    return found


def _mitigations(sec: Section) -> list[ListItem]:
    """The entries of the risk's mitigation: the boxes under a ``- **Current Mitigation:**`` entry, or the list after
    a ``**Mitigation Strategies**:`` line."""
    found: list[ListItem] = []
    for n, blk in enumerate(sec.blocks):
        if isinstance(blk, ListBlock):
            for it in blk.items:
                kv = split_keyval(it.text)
                if kv and not kv[1].strip() and names_mitigation(kv[0]) and it.sub_items():
                    found += it.sub_items()
        before = sec.blocks[n - 1] if n else None
        if isinstance(blk, ListBlock) and isinstance(before, Paragraph):
            kv = split_keyval(before.text.strip().splitlines()[-1])
            if kv and not kv[1].strip() and names_mitigation(kv[0]):
                found += blk.items
    return found


#: A tag in brackets opening an entry: "[הפחתת סבירות · מתוכנן] …", "[Reduce likelihood · planned] …".
_TAG_FIRST = re.compile(r"^\s*\[(?P<tag>[^\[\]]{2,60})\]\s*(?=\S)")


def _tag_state(text: str) -> tuple[str | None, str]:
    """The state a tag opening ``text`` says (``[Reduce likelihood · planned] API throttling`` -> todo), and the words
    after the tag; (None, ``text``) when no tag opens it."""
    tag = _TAG_FIRST.match(text)
    if tag is None:
        return None, text
    states = [st for part in re.split(r"\s*[·/,|]\s*", tag["tag"]) if (st := parse_status(part))]
    return (states[0] if states else None), text[tag.end() :]


def _tracked(entries: list[ListItem]) -> bool:
    """Whether every entry states its state: a box, a mark (``✅ **Lock dependencies**``) or a tag saying it
    (``**[Reduce likelihood · planned]**``)."""
    return bool(entries) and all(
        it.box is not None or opening_mark(plain(it.text)) is not None or _tag_state(plain(it.text))[0] is not None
        for it in entries
    )


def fielded_risk(sec: Section) -> bool:
    """Whether a section opens with a risk's fields, how likely and how bad at least (``- **Probability:** High
    (4)``, ``- **Impact:** Major (4)``): a risk of a register, whatever its id."""
    keys = {key for key, _ in _risk_fields(sec)}
    return {"severity", "likelihood"} <= keys


def risk_heading(b: Builder, sec: Section, rid: str, title: str) -> None:
    """A risk from its heading; the task ids its prose names mitigate it (read by ``risk_prose`` once every
    item is known, so that short ids such as ``A1`` count too). Over a risk's fields (``fielded_risk``), those are
    its fields, and the boxes of its mitigation the work against it: items ``<risk>.1`` …, its owner's."""
    rows = mitigation_rows(sec)
    if rows:
        # "**Mitigations:**" over "| # | Mitigation | Owner | Status |": each row an item mitigating the risk.
        values: dict[str, Any] = {"id": rid, "title": title}
        for key, value in _risk_fields(sec, tables=True):
            if key in ("severity", "likelihood", "owner") and value.strip():
                values.setdefault(key, plain(value))
        actions_risk(b, sec, rid, title, values, rows)
        return
    work = _mitigations(sec)
    if _tracked(work) or (fielded_risk(sec) and not work):
        # Over the list of what is done against it ("**פעולות מנע והפחתה:**" over "1. …"), each entry in a state of
        # its own: work tracked against the risk; or over its fields alone. Plain bullets under "**Mitigation**:" say
        # what the risk's answer is, citing the plan's work ("as in 6.1"): its notes.
        _fielded_risk_heading(b, sec, rid, title, work)
        return
    # Its paragraphs, and the lists under a heading naming one risk ("**Mitigation**:" over what is done about it).
    text = "\n".join(
        plain(blk.text) if isinstance(blk, Paragraph) else b.src(blk.line, blk.end)
        for blk in sec.blocks
        if isinstance(blk, (Paragraph, ListBlock))
    )
    values = {"id": rid, "title": title, "mitigated_by": [], RISK_PROSE: text}
    if text:
        values["notes"] = text
    b.risk_prose.append(heading_risk(b, sec, values))


def _risk_key(left: str) -> bool:
    """Whether the text before an arrow opens with an id (``R-2``, ``SEC-4``); a bare number opens a phrase."""
    rid = arrow_left_id(left) or ""
    return is_id(rid) and not rid.isdigit()


def handle_risks(b: Builder, sec: Section, ctx: Ctx, walk: Walk) -> Ctx | None:
    """A heading about risks: its lists of risks (arrows to their tasks, or risk entries), and its sub-headings
    of prose, each one risk; every other block and heading is walked as anywhere else."""
    for blk in sec.blocks:
        # Boxes under a risks heading are mostly the work against them, but where a person labelled it risks, risks.
        chosen = chosen_label(sec) == "risks"
        if isinstance(blk, ListBlock) and (not blk.has_checkboxes or numbered_risks(blk) or chosen):
            texts = [plain(it.text) for it in blk.items]
            # Arrows map risks to their tasks when an entry opens with a risk's id ("R-2 → T-4") or every entry
            # has one ("Risk: x → T-4"); an arrow in some entries' prose ("3 scales → 15 stages") is what they say.
            split = [ARROW_RE.split(t, maxsplit=1) for t in texts]
            if all(len(p) == 2 for p in split) or any(len(p) == 2 and _risk_key(p[0]) for p in split):
                risk_list(b, blk, sec)
                continue
            if risk_entries(b, blk, sec, boxes=chosen):
                continue
        generic_block(b, blk, sec, ctx)
    # "## Risks" over "### Vendor outage" and its prose: each such heading is a risk, R-1 on.
    taken = {r.values.get("id") for r in b.records["risks"]}
    number = 0
    told = not WORK_AGAINST.search(sec.title)  # "Risk mitigation tasks": its headings are the work
    for child in sec.children:
        if told and (one := _one_risk(child)):
            # "### Risk 1: Breaking Changes for Users" over its impact and "**Mitigation**:" bullets: one risk, R-1
            # (the next number free, where the plan gave R-1 to another).
            num, title = one
            rid, free = f"R-{num}", int(num)
            while rid in taken:
                free += 1
                rid = f"R-{free}"
            risk_heading(b, child, rid, title)
            taken.add(rid)
        elif told and (titled := _titled_risk(child)):
            # "### Risk: Timeline slipping" over "**Mitigation Tasks**:" and their boxes: one risk, R-n, and its work.
            number += 1
            while f"R-{number}" in taken:
                number += 1
            risk_heading(b, child, f"R-{number}", titled)
        elif told and _prose_risk(child):
            number += 1
            while f"R-{number}" in taken:
                number += 1
            risk_heading(b, child, f"R-{number}", child.bare_title)
        else:
            walk(b, child, ctx)
    return None


#: Headings under "Risks" that speak of the list, not of one risk: "Overview", "Scoring", "Legend".
_ABOUT_THE_LIST = re.compile(
    r"^(?:overview|summary|legend|key|notes?|approach|method(?:ology)?|matrix|scoring|scale|introduction|context|"
    r"how to read|process|review)\b",
    re.I,
)


def _prose_risk(child: Section) -> bool:
    """A heading under one about risks that holds prose only (no sub-headings, tables or lists of work) and no role
    of its own: one risk, told in words."""
    return (
        not child.children
        and not _ABOUT_THE_LIST.match(child.bare_title)
        and heading_role(child) == "plain"
        and not any(isinstance(blk, (Table, ListBlock)) for blk in child.blocks)
    )


#: A heading naming one risk by its number: "Risk 1: Breaking Changes for Users", "Risk #2 — Vendor lock-in".
_ONE_RISK = re.compile(r"^risk\s*#?\s*(?P<num>\d{1,3})\s*[:.—–-]\s*(?P<title>\S.*)$", re.I)


def _one_risk(child: Section) -> tuple[str, str] | None:
    """The number and title of a heading naming one risk, over no heading, table or boxes of its own; else None."""
    m = _ONE_RISK.match(plain(child.bare_title).strip())
    if m is None or child.children or any(isinstance(blk, Table) for blk in child.blocks) or child.holds_boxes:
        return None
    return m.group("num"), m.group("title").strip()


#: A heading naming itself a risk with no number: "Risk: Timeline slipping", "Riesgo — Proveedor".
_TITLED_RISK = re.compile(r"^(?:risk|riesgo|risque|risiko|rischio|risco|риск)\s*[:—–-]\s*(?P<title>\S.*)$", re.I)


def _titled_risk(child: Section) -> str | None:
    """The title of a heading naming itself a risk with no number, over the boxes of its mitigation and no heading or
    table of its own; else None."""
    m = _TITLED_RISK.match(plain(child.bare_title).strip())
    if m is None or child.children or any(isinstance(blk, Table) for blk in child.blocks):
        return None
    return m.group("title").strip() if _tracked(_mitigations(child)) else None


def _fielded_risk_heading(b: Builder, sec: Section, rid: str, title: str, work: list[ListItem]) -> None:
    """The risk of a heading over its fields and ``work``, the entries of its mitigation: each an item mitigating it."""
    values: dict[str, Any] = {"id": rid, "title": title, "mitigated_by": []}
    for key, value in _risk_fields(sec):
        if key in ("severity", "likelihood", "owner"):
            values.setdefault(key, plain(value))
    # What else the section says (its description, state, contingency), kept in the risk's notes.
    taken = {id(it) for it in work}
    notes = []
    for blk in sec.blocks:
        if isinstance(blk, Paragraph):
            notes.append(plain(blk.text))
        elif isinstance(blk, ListBlock):
            notes += [
                "\n".join([plain(it.text, keep_code=True), b.item_source(it).strip()]).strip()
                for it in blk.items
                if id(it) not in taken and not any(_holds(sub, taken) for sub in it.children)
            ]
    if notes:
        values["notes"] = "\n".join(n for n in notes if n)
    for n, it in enumerate(work, start=1):
        text = plain(it.text, keep_code=True)
        state = it.box
        md = it.text
        if state is None and (marked := opening_mark(text)):
            # "1. ✅ **Stay on stable releases** - Avoid RC versions": the strategy's state, then its name.
            state, text, md = marked[0], marked[1], LEAD_MARK_RE.sub("", md.lstrip(), count=1)
        tagged, rest = _tag_state(text)
        if rest != text:
            # "**[הפחתת סבירות · מתוכנן]** חסימה ברמת ה-API: …": what kind of action and its state, then the action.
            text = md = rest
            state = state or tagged
        name, said = named_then_explained(text, md)
        if said == "" and (kv := split_keyval(text)) and len(kv[0].split()) <= 6 and kv[1].strip():
            name, said = kv[0].strip(), kv[1].strip()  # "אימות מיקום גיאוגרפי: שליחת מיקום …": named, then how
        item: dict[str, Any] = {"id": f"{rid}.{n}", "title": name}
        if said:
            item["description"] = said
        if state:
            item["status"] = state
        if values.get("owner"):
            item["owner"] = values["owner"]
        made = b.add_item(item, it.line, "risk mitigation")
        if made:
            values["mitigated_by"].append(made)
    heading_risk(b, sec, values)
    told = f", its {len(work)} mitigations the items mitigating it" if work else ""
    b.used(sec.line, f"heading {sec.title!r} over a risk's fields: risk {rid}{told}")


def _holds(blk: ListBlock, taken: set[int]) -> bool:
    """Whether a list holds one of the ``taken`` entries (by identity), at any depth."""
    return any(id(it) in taken or any(_holds(sub, taken) for sub in it.children) for it in blk.items)


def named_risk_heading(b: Builder, sec: Section) -> bool:
    """Read ``### Risk T1: x`` over the risk's fields and blocks of its actions (``risk_actions``) as that risk and the
    items mitigating it; False (nothing read) for any other heading."""
    named = named_risk(sec)
    if named is None or not fielded_risk(sec) or not action_blocks(sec):
        return False
    values: dict[str, Any] = {"id": named[0], "title": named[1]}
    for key, value in _risk_fields(sec):
        if key in ("severity", "likelihood") and value.strip():
            values.setdefault(key, plain(value))
    actions_risk(b, sec, named[0], named[1], values)
    return True
