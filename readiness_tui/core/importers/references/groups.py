"""Dependency words left over once ids were read, resolved against what the document defines.

A dependency cell or phrase keeps the words ``parse_refs`` could not read as ids in the item's
``dependency_note``. After the walk, when every item is known, two shapes among those words are read:

* a token that *is* an item id of this document though it looks like something else (``P1``..``P5``
  used as project ids, ``P1–P4`` ranges of them): a dependency on that item;
* a group reference (``Phase 2``, ``W1``, ``Wave 3``, ``MVP``): a dependency on every item under the
  heading that names that group, never a dangling id "2".

Each one is reported as a guess; a group word that names no heading is reported and left as a note.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import Section, plain
from readiness_tui.core.importers.references.group_members import (
    GROUP,
    group_key,
    group_members,
    heading_groups,
    heading_naming,
    phase_record,
    phase_titled,
)
from readiness_tui.core.importers.references.ids import RANGE_SEP, expand_range, family_of, id_tails, step_of
from readiness_tui.core.importers.references.refs import (
    NEGATION_RE,
    PERIOD_NOUN,
    WILDCARD_RE,
    expand_group_ranges,
    unglue,
)
from readiness_tui.core.importers.references.title_words import item_named_by_word, item_named_by_words, title_stems
from readiness_tui.core.importers.references.waits import counted_numbers

_TOKEN = re.compile(r"[A-Za-z0-9#][\w.#-]*")
_RANGE = re.compile(r"(?P<a>[A-Za-z]*\d+)\s*" + RANGE_SEP + r"\s*(?P<b>[A-Za-z]*\d+)")
#: "all previous milestones", "all prior phases", "all earlier tasks".
#: A dependency cell that says everything: "all", "All tasks", "everything else".
_ALL_CELL = re.compile(
    r"(?:all|all (?:other )?(?:tasks|items|others|of the above|packages)|everything(?: else)?)\.?", re.I
)
#: "All stories complete", "all epics done": every item of one kind, named by the plural of its ids' word.
_ALL_OF_KIND = re.compile(
    r"all\s+(?:the\s+)?(?P<noun>stories|tasks|tickets|issues|epics|features|bugs)"
    r"(?:\s+(?:are\s+)?(?:complete|completed|done|finished|merged|closed))?\.?",
    re.I,
)
#: The singular of each plural ``_ALL_OF_KIND`` reads, as ids spell it (STORY-3).
_KIND_WORDS = {"stories": "STORY", "tasks": "TASK", "tickets": "TICKET", "issues": "ISSUE", "epics": "EPIC",
               "features": "FEATURE", "bugs": "BUG"}  # fmt: skip
#: "All previous milestones", "All above": every earlier item named like the one waiting.
_ALL_EARLIER = re.compile(r"\ball (?:the )?(?:previous|prior|earlier|preceding) \w+|\b(?:all|everything) above\b", re.I)
#: The part of an id that names its kind: "MILESTONE-" of MILESTONE-6, "T" of T12.
_STEM = re.compile(r"^[A-Za-z]+-?")


#: A period of the plan named by its noun and number ("Phase 1"): its number is no item's id.
_PERIOD_NAME = re.compile(rf"\b{PERIOD_NOUN}\s+[A-Za-z0-9]+\b", re.I)
#: Where a dependency's words name several items by title: "Final Testing, Monitoring Setup and Docs", "学生、课程".
_PARTS = re.compile(r"\s*(?:[,;/&+、，；]|\band\b)\s*", re.I)


def title_key(text: str) -> str:
    """A title as it is compared with another: plain text, folded, its edge punctuation and spacing aside."""
    return " ".join(plain(text).lower().strip(" .:*_`\"'").split())


def titles_by_key(items: dict[str, Rec]) -> dict[str, str]:
    """Item title (folded) -> its id, for titles that name one item only."""
    seen: dict[str, list[str]] = {}
    for rid, rec in items.items():
        title = rec.values.get("title")
        if isinstance(title, str) and (key := title_key(title)):
            seen.setdefault(key, []).append(rid)
    return {key: ids[0] for key, ids in seen.items() if len(ids) == 1}


def _stem(item_id: str) -> str:
    m = _STEM.match(item_id)
    return m.group(0).upper() if m else ""


def _named_member(items: dict[str, Rec], members: list[str], after: str) -> str | None:
    """The one member whose title is the words right after a group's name ("S2 ComboBox, S2 Popover"), else None."""
    words = re.split(r"[,;]", after, maxsplit=1)[0].strip().lower()
    if not words:
        return None
    found = [i for i in members if str(items[i].values.get("title", "")).strip().lower() == words]
    return found[0] if len(found) == 1 else None


#: ``T3-T10``, ``A2–A5``: two ids joined by a dash, read as one id by the shape of ids (``S2-T1`` is one).
_JOINED = re.compile(r"^(?P<a>[A-Za-z][\w.]*\d[\w.]*)\s*[-–—]\s*(?P<b>[A-Za-z][\w.]*\d[\w.]*)$")


def _joined_ranges(b: Builder) -> None:
    """A dependency that is no item but two items of one kind joined by a dash (``T3-T10``) is the range of
    them: every item of that kind from the first to the last, in the plan's order (``T4B`` between T4 and T5)."""
    items = b.items
    order = sorted(items, key=lambda i: items[i].line)
    at = {i: n for n, i in enumerate(order)}
    for rid, rec in items.items():
        deps: list[str] = rec.values.get("depends_on", [])
        for dep in list(deps):
            m = _JOINED.match(dep)
            if dep in items or not m or m.group("a") not in items or m.group("b") not in items:
                continue
            first, last, stem = m.group("a"), m.group("b"), _stem(m.group("a"))
            if stem != _stem(last) or at[first] > at[last]:
                continue
            span = [i for i in order[at[first] : at[last] + 1] if _stem(i) == stem and i != rid]
            where = deps.index(dep)
            deps[where : where + 1] = [i for i in span if i not in deps]
            b.note(rec.line, f"{rid}: {dep!r} read as the range of items {first} .. {last}: {', '.join(span)}")


#: A range between dotted numbers of two phases: ``1.1-2.10``, ``4.1–5.10``.
_DOTTED_RANGE = re.compile(
    r"(?<![\w.])(?P<a>[A-Za-z]*\d+(?:\.\d+)+)\s*(?:-|" + RANGE_SEP + r")\s*(?P<b>[A-Za-z]*\d+(?:\.\d+)+)(?![\w.])"
)


def _span(b: Builder, first: str, last: str, rid: str) -> list[str]:
    """The items from ``first`` to ``last`` in the plan's order, of their kind and depth, when no prefix range
    (``3.8-3.11``) names them; none unless both ends are items."""
    if first not in b.items or last not in b.items or expand_range(first, last):
        return []
    order = sorted(b.items, key=lambda i: b.items[i].line)
    a, z = order.index(first), order.index(last)
    depth = first.count(".")
    if a > z or _stem(first) != _stem(last) or depth != last.count("."):
        return []
    return [i for i in order[a : z + 1] if _stem(i) == _stem(first) and i.count(".") == depth and i != rid]


def _peer(one: Rec, other: Rec) -> bool:
    """Whether two items are written alike: read the same way, neither under a parent item."""
    return one.origin == other.origin and not one.values.get("parent") and not other.values.get("parent")


def resolve_dependency_words(b: Builder, root: Section) -> None:
    """Read item ids and group references in each item's ``dependency_note`` (see the module doc)."""
    _joined_ranges(b)
    items = b.items
    read_ranges: set[tuple[str, str]] = set()
    waits_on_all: list[str] = []
    by_upper = {i.upper(): i for i in items}
    groups: dict[str, Section] | None = None
    tails: dict[str, str] | None = None
    titles: dict[str, str] | None = None
    stems: dict[str, set[str]] | None = None
    for rid, rec in items.items():
        note = rec.values.get("dependency_note")
        if not note:
            continue
        deps: list[str] = rec.values.setdefault("depends_on", [])
        # "no longer depends on X": the ids a negation names are no dependency (parse_refs reported them).
        text = NEGATION_RE.sub(" ", unglue(plain(note)))
        # "(M1 for synthetic data in tests)": an aside about the dependency, not one.
        text = expand_group_ranges(re.sub(r"\([^()]*\)", " ", text))
        found: list[str] = []
        for m in WILDCARD_RE.finditer(text):
            # "3.*": every item numbered under 3.
            under = [i for i in items if i.upper().startswith(m.group("prefix").upper()) and i != rid]
            deps.extend(i for i in under if i not in deps)
            if under:
                b.note(
                    rec.line, f"{rid}: {m.group(0)!r} read as the items under {m.group('prefix')!r}: {', '.join(under)}"
                )
        text = WILDCARD_RE.sub(" ", text)
        for m in _DOTTED_RANGE.finditer(text):
            span = _span(b, m.group("a"), m.group("b"), rid)
            if span:
                # "1.1-2.10": a range across two phases runs through the plan's order of tasks.
                deps.extend(i for i in span if i not in deps)
                text = text.replace(m.group(0), " ")
                b.note(rec.line, f"{rid}: {m.group(0)!r} read as the items from {m.group('a')} to {m.group('b')}")
                read_ranges.add((rid, m.group(0)))
        for m in _RANGE.finditer(text):
            ids = expand_range(m.group("a"), m.group("b"))
            if ids and all(i.upper() in by_upper for i in ids):
                found += [by_upper[i.upper()] for i in ids]
                text = text.replace(m.group(0), " ")
        counts = counted_numbers(text)  # "全 9 端点": nine of something, not item 9
        # "most of Phase 1": the phase's number names the phase (read below), not item 1.
        for tok in _TOKEN.findall(_PERIOD_NAME.sub(" ", text)):
            if tok in counts:
                continue
            # "V74.99": a step of the item V74 (written like a version, so no id), the dependency being on V74.
            whole = step_of(tok.upper(), by_upper) or tok.upper()
            if whole in by_upper and by_upper[whole] != rid:
                found.append(by_upper[whole])
            elif tok in (tails := tails if tails is not None else id_tails(items, words=True)) and tails[tok] != rid:
                found.append(tails[tok])  # "ACCESS" for M0.ACCESS: the item the plan's ids end with that word
        if found == [] and not deps:
            # "Dependencies: Final Testing": the words are the title of another item, and name it.
            titles = titles if titles is not None else titles_by_key(items)
            for part in _PARTS.split(text):
                named = titles.get(title_key(part))
                if named and named != rid and named not in deps:
                    deps.append(named)
                    b.note(rec.line, f"{rid}: {part.strip()!r} is the title of {named}; taken as a dependency")
                elif named is None:
                    # "Apple Developer account approved": most words of one item's title ("Create Apple Developer
                    # Account"), a guess reported as one.
                    stems = stems if stems is not None else title_stems(b)
                    # Among the items written as this one is (its sibling headings), first: fewer to tell apart.
                    peers = {i: ws for i, ws in stems.items() if _peer(items[i], rec)}
                    worded = (
                        item_named_by_word(part, rid, peers)
                        or item_named_by_words(part, rid, peers)
                        or item_named_by_words(part, rid, stems)
                    )
                    if worded and worded not in deps:
                        deps.append(worded)
                        b.note(
                            rec.line,
                            f"{rid}: {part.strip()!r} shares the words of {worded}'s title; guessed a dependency",
                        )
        for ref in dict.fromkeys(found):
            if ref not in deps:
                deps.append(ref)
                b.note(
                    rec.line, f"{rid}: {ref!r} in the dependency words is an item of this plan; taken as a dependency"
                )
        phase = phase_titled(b, text)
        if phase is not None:
            members = [i for i, r in items.items() if r.values.get("phase") == phase.values["id"] and i != rid]
            if b.wait_on_group(rid, members):
                b.note(rec.line, f"{rid}: {text.strip()!r} names phase {phase.values['title']!r}: {', '.join(members)}")
        kind = _ALL_OF_KIND.fullmatch(text.strip())
        word = _KIND_WORDS[kind["noun"].lower()] if kind else ""
        of_kind = [i for i in items if word and i != rid and _stem(i).rstrip("-").upper() == word]
        # A story's own sub-tasks (STORY-1.2) are part of it: waiting on the story is waiting on them.
        if of_kind := [i for i in of_kind if items[i].values.get("parent") not in of_kind]:
            # "All stories complete" under a docs task: every story of the plan (STORY-1..5), not every item.
            deps.extend(i for i in of_kind if i not in deps)
            b.note(rec.line, f"{rid}: {text.strip()!r} read as every item named {word}: {', '.join(of_kind)}")
        elif _ALL_CELL.fullmatch(text.strip()):
            waits_on_all.append(rid)  # read once every other item's words are: see below
        if _ALL_EARLIER.search(text):
            # "Requires all previous milestones": every earlier item named like this one (MILESTONE-1..5).
            stem = _stem(rid)
            # "2.4.4: All previous tasks": ids of numbers alone have no letters, and are all of one kind.
            # Its peers only: a task's own sub-tasks (1.1.1 under 1.1) are part of it, waited on with it.
            parent = rec.values.get("parent")
            earlier = [
                i
                for i, r in items.items()
                if r.line < rec.line and _stem(i) == stem and r.values.get("parent") == parent
            ]
            if earlier:
                deps.extend(i for i in earlier if i not in deps)
                b.note(rec.line, f"{rid}: 'all previous' read as the earlier items named like it: {', '.join(earlier)}")
        for m in GROUP.finditer(text):
            word = m.group("g")
            if word.upper() in by_upper:
                continue
            if groups is None:
                groups = heading_groups(root)
            sec = groups.get(group_key(word)) or heading_naming(root, word)
            members = group_members(items, sec, groups, rid)
            phase = None if members else phase_record(b, word)
            if phase is not None:
                members = [i for i in phase.values.get("items", []) if i in items and i != rid]
                b.wait_on_group(rid, members)
                b.note(
                    rec.line, f"{rid}: {word!r} read as the items of phase {phase.values['id']!r}: {', '.join(members)}"
                )
                continue
            if not members and (kin := [i for i in family_of(items, word) if i != rid]):
                deps.extend(i for i in kin if i not in deps)
                b.note(rec.line, f"{rid}: {word!r} names no item but the family after it: {', '.join(kin)}")
                continue
            if not members:
                if word not in deps:  # else read as a dependency already (a milestone's id is widened later)
                    b.note(
                        rec.line,
                        f"{rid}: depends on {word!r}, which names no group of items here; kept in dependency_note",
                    )
                continue
            assert sec is not None  # members is non-empty only when the heading was found
            named = _named_member(items, members, text[m.end() :])
            if named is not None:
                # "S2 ComboBox": the one item of sprint 2 titled so, not the whole sprint (nor "S2" as its family).
                deps[:] = [d for d in deps if d != word]
                if named not in deps:
                    deps.append(named)
                b.note(rec.line, f"{rid}: {word!r} and the title after it name {named} of heading {sec.title!r}")
                continue
            b.wait_on_group(rid, members)
            b.note(
                rec.line,
                f"{rid}: {word!r} read as the items under heading {sec.title!r} (line {sec.line}): "
                f"{', '.join(members)}",
            )
    for n, rid in enumerate(waits_on_all):
        # "Depends: all": every other item, but those that wait on this one (that would be a loop), and those after
        # it that say "all" too: of two closing steps ("Launch rehearsal", "Final approval"), the later waits.
        deps = items[rid].values.setdefault("depends_on", [])
        later = set(waits_on_all[n + 1 :])
        others = [
            i for i in items if i != rid and i not in later and rid not in (items[i].values.get("depends_on") or [])
        ]
        deps.extend(i for i in others if i not in deps)
        b.note(items[rid].line, f"{rid}: depends on 'all': every other item ({len(others)})")
    _families(b)
    _strays_in_prose(b)
    for line, rid, r in b.bad_ranges:
        if (rid, r) not in read_ranges:
            b.warn(line, f"{rid}: range {r!r} could not be expanded; kept in dependency_note")


#: A family of ids written with a wildcard for its last part: ``Q01.1.x``, ``2.*``.
_FAMILY = re.compile(r"^(?P<stem>.+)\.[xX*]$")


def _families(b: Builder) -> None:
    """A dependency on a family of ids (``Q01.1.x görevleri tamamlanmış``) that names no item itself waits on every
    item of the family: each whose id is the stem and one more part (``Q01.1.1``, ``Q01.1.2``)."""
    for rid, rec in b.items.items():
        deps = rec.values.get("depends_on") or []
        families = [(d, m.group("stem") + ".") for d in deps if d not in b.items and (m := _FAMILY.match(d))]
        for dep, stem in families:
            members = [i for i in b.items if i.startswith(stem) and "." not in i[len(stem) :] and i != rid]
            if not members:
                continue
            at = deps.index(dep)
            deps[at : at + 1] = [i for i in members if i not in deps]
            b.note(rec.line, f"{rid}: {dep!r} names a family of items: {', '.join(members)}")


#: Words of a dependency text beyond which it is prose ("Can keiran supply the S3 credentials …"), not a list of ids.
_PROSE_WORDS = 6


def _strays_in_prose(b: Builder) -> None:
    """Drop the ids that name no item of the plan from dependencies read out of sentences: "S3" in "Ask keiran
    whether there is a staging S3 bucket" is a word, where "FFAPP-9" alone in a dependency cell is a reference the
    person should see (it is kept, and warned about)."""
    for rid, rec in b.items.items():
        deps = rec.values.get("depends_on") or []
        note = plain(rec.values.get("dependency_note") or "")
        stray = [d for d in deps if d not in b.items and d not in b.aliases]
        if not stray or len(re.findall(r"[^\W\d_]{2,}", note)) < _PROSE_WORDS:
            continue
        rec.values["depends_on"] = [d for d in deps if d not in stray]
        b.note(rec.line, f"{rid}: {', '.join(stray)} in the words of its dependencies names no item; not a dependency")
