"""A table of the people or agents who own the plan's work, read as items by its id column: a roster, not work; and
the role a task names as doing it, its owner where none is named.

``| Agent | ID | Role | Status |`` over ``OWL-FE``, ``OWL-BE``, then a task table assigning ``OWL-BE``: the first
table's ids are who does the work. Told apart by that alone: every row, by its id or its name, is an owner of the
plan's other items (two rows in three, in a table giving each row a role: a member may own nothing yet), and no
other record cites the rows as work (a dependency, a parent, a risk's mitigation).
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.id_references import id_run
from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET
from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.vocabulary.owners import names_a_person, split_owner


def _owned_by(b: Builder) -> dict[str, list[str]]:
    """Each owner named by an item, without ``@``, in capitals (``OWL-FE, OWL-BE`` is two) -> the items naming it."""
    found: dict[str, list[str]] = {}
    for i, r in b.items.items():
        owner = r.values.get("owner")
        if isinstance(owner, str):
            for name in {o.strip().lstrip("@").upper() for o in re.split(r"[,/&]", owner) if o.strip()}:
                found.setdefault(name, []).append(i)
    return found


def drop_rosters(b: Builder) -> None:
    """Drop the items of a table whose every row (two or more) names an owner of the plan's other items."""
    cited: set[str] = set()
    for r in b.items.values():
        cited |= set(r.values.get("depends_on") or [])
        if r.values.get("parent"):
            cited.add(str(r.values["parent"]))
    for rec in b.records["risks"]:
        cited |= set(rec.values.get("mitigated_by") or [])
    owned_by = _owned_by(b)  # dropped rows are passed over below (``j in b.items``)
    for made in b.table_items.values():
        # The rows that made items of their own (a row restating an item made elsewhere is that item's).
        rows = [i for i in dict.fromkeys(made) if i in b.items and b.items[i].origin == "table"]
        if len(rows) < 2 or any(i in cited for i in rows):
            continue
        own = set(rows)
        # A row is an owner by its id ("OWL-BE") or by its name ("| TM-01 | Michael Chen |" beside owners written
        # "Michael Chen (TM-01)").
        names = {i: {i.upper(), str(b.items[i].values.get("title", "")).strip().upper()} - {""} for i in rows}
        owners = sum(any(j in b.items and j not in own for n in names[i] for j in owned_by.get(n, ())) for i in rows)
        # Every row an owner; or, in a table of people by their roles ("| Member ID | Name | Role |"), two in three
        # (a member may own nothing yet).
        roles = all(b.items[i].values.get("role") for i in rows)
        if owners < len(rows) and not (roles and 3 * owners >= 2 * len(rows)):
            continue
        line = min(b.items[i].line for i in rows)
        for i in rows:
            del b.items[i]
        b.skipped(
            line,
            f"table rows {', '.join(rows)} name the owners of the plan's work: a roster of people; dropped, not items",
        )


def roles_own(b: Builder) -> None:
    """The role a task names as doing it (``- **Roles:** Administrador DevOps (principal), Líderes Técnicos``, a
    ``Role`` column of a task table) owns it where nothing else names an owner: the first role named, the others
    contributing. Read once rosters are dropped (their rows' roles describe people, not work)."""
    given = []
    for rid, rec in b.items.items():
        role = rec.values.get("role")
        if not isinstance(role, str) or not role.strip() or rec.values.get("owner"):
            continue
        owner, more = split_owner(role)
        if not owner:
            continue
        rec.values["owner"] = owner
        # "Líderes Técnicos (apoyo)": the role, without the part it plays in brackets.
        more = [m for x in more if (m := re.sub(r"\s*\([^()]*\)\s*$", "", x).strip())]
        if more:
            rec.values["contributors"] = [*rec.values.get("contributors", []), *more]
        given.append(rid)
    if given:
        first = min(b.items[i].line for i in given)
        b.note(first, f"the role each of {len(given)} items names as doing it owns it (no owner named): {given[0]} ..")


#: A paragraph naming who, alone and in bold: ``**Agent Type A: Backend Specialist**``.
_WHO = re.compile(r"^\s*\*\*(?P<who>[^*\n]{2,60}?)\*\*\s*:?\s*$")
#: The key of an entry listing the work assigned: ``Assigned to``, ``Owns``, ``Responsible for``.
_ASSIGNED_KEY = re.compile(r"^(?:assigned(?:\s+to|\s+tasks)?|owns|responsible\s+for)$", re.I)


def assigned_lists(b: Builder, root: Section) -> None:
    """Who a bold line (or a bold heading) names owns the items the entry under it says are assigned to it
    (``**Agent Type B: AI/ML Specialist**`` over ``- Assigned to: TASK-011-017``), where no item names its owner."""
    for sec in root.walk():
        led: list[tuple[str, ListBlock, int]] = []
        if sec.heading is not None and sec.blocks and isinstance(sec.blocks[0], ListBlock):
            if who := _WHO.match(sec.heading.text):
                led.append((who["who"], sec.blocks[0], sec.line))
        for blk, after in zip(sec.blocks, sec.blocks[1:], strict=False):
            if isinstance(blk, Paragraph) and isinstance(after, ListBlock) and (who := _WHO.match(blk.text)):
                led.append((who["who"], after, blk.line))
        for who_text, lst, line in led:
            who_name = who_text.strip()
            for it in lst.items[:2]:
                kv = split_keyval(it.text)
                if kv is None or not _ASSIGNED_KEY.match(" ".join(plain(kv[0]).split())):
                    continue
                given = [i for i in _assigned_ids(b, kv[1]) if not b.items[i].values.get("owner")]
                for i in given:
                    b.items[i].values["owner"] = who_name
                if given:
                    b.note(line, f"{who_name!r} owns the items assigned to it: {', '.join(given)}")
                break


def _assigned_ids(b: Builder, refs: str) -> list[str]:
    """The items a list of ids names, a run written ``TASK-011-017`` counted out (its ids must all be items)."""
    out: list[str] = []
    for ref in parse_refs(refs, loose=False).ids:
        out += [ref] if ref in b.items else id_run(ref, b.items) or []
    return out


#: A heading over one sub-heading per person or role: "Issues by Team Member", "Tasks per assignee", "By owner".
_BY_MEMBER = re.compile(
    r"\b(?:by|per)\s+(?:team\s+)?(?:members?|owners?|assignees?|persons?|people|roles?|developers?)\b", re.I
)


def _member(sec: Section) -> str:
    """Who a sub-heading under such a heading names: its words without marks or a closing count ("🎨 UI/UX Designer
    (7 Issues)" -> "UI/UX Designer")."""
    return CLOSING_BRACKET.sub("", plain(sec.bare_title)).strip()  # ``bare_title`` has no marks before its words


#: A heading's title closing with who does the work under it, after a middle dot: "BACKEND – Seguridad · Tomás G.".
_OWNED_TITLE = re.compile(r"^(?P<what>\S.*?)\s[·•]\s+(?P<who>[^·•]+?)\s*$")
#: What a heading names before its owner: words of an area ("BACKEND – Seguridad"), not a number or an id ("12", "M1").
_AREA_WORDS = re.compile(r"[^\W\d_]{3,}")


def heading_owners(b: Builder, root: Section) -> None:
    """The items under a heading that closes with a person after a middle dot are that person's, where they name no
    owner (a section per member: "## FRONTEND – Auth · Carlos B.")."""
    owned: list[tuple[Section, str]] = []
    for sec in root.walk():
        m = _OWNED_TITLE.match(plain(sec.bare_title)) if sec.heading is not None else None
        if m and _AREA_WORDS.search(m["what"]) and names_a_person(m["who"]):
            owned.append((sec, m["who"].lstrip("@")))
        if sec.heading is not None and _BY_MEMBER.search(plain(sec.bare_title)):
            # "## Issues by Team Member" > "### 🎨 UI/UX Designer (7 Issues)": each sub-heading names who owns its work.
            owned += [(sub, who) for sub in sec.children if (who := _member(sub))]
    # Two such headings at least (a section per member, or per area of one): a single heading closing with words after
    # a dot ("# Roadmap · Draft") names no one.
    if len(owned) < 2:
        return
    given: dict[str, list[str]] = {}
    for rid, rec in b.items.items():
        around = [(sec, who) for sec, who in owned if sec.line < rec.line <= sec.end]
        if around and not rec.values.get("owner"):
            who = max(around, key=lambda pair: pair[0].level)[1]
            rec.values["owner"] = who
            given.setdefault(who, []).append(rid)
    for who, rids in given.items():
        b.note(b.items[rids[0]].line, f"{who!r}, named closing the heading above them, owns {len(rids)} items")
