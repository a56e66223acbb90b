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
from readiness_tui.core.importers.references.ids import NEGATION_RE, expand_range

_TOKEN = re.compile(r"[A-Za-z0-9#][\w.#-]*")
_RANGE = re.compile(r"(?P<a>[A-Za-z]*\d+)\s*(?:–|—|\.\.|\bto\b)\s*(?P<b>[A-Za-z]*\d+)")
#: "Phase 2", "PHASE 2", "Wave 1", "Stage B", "W2", "Sprint 3", "MVP": a name a heading can open with
#: ("v1.1" is a version, not the group "v1").
_GROUP = re.compile(
    r"(?<![\w-])(?P<g>(?:phase|stage|wave|sprint|milestone|step)\s+[A-Za-z0-9]+|[A-Z]{1,3}\d+|MVP|GA|Beta)(?![\w-]|\.\d)",
    re.I,
)
#: "Wave 1" is also "W1", "Phase 2" "P2", "Milestone 3" "M3": the short names plans use for their groups.
_SHORT = re.compile(r"^(?P<word>phase|stage|wave|sprint|milestone)\s+(?P<num>\d+)$")


#: "all previous milestones", "all prior phases", "all earlier tasks".
_ALL_EARLIER = re.compile(r"\ball (?:the )?(?:previous|prior|earlier|preceding) \w+", re.I)
#: The part of an id that names its kind: "MILESTONE-" of MILESTONE-6, "T" of T12.
_STEM = re.compile(r"^[A-Za-z]+-?")


def _stem(item_id: str) -> str:
    m = _STEM.match(item_id)
    return m.group(0).upper() if m else ""


def _group_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _heading_groups(root: Section) -> dict[str, Section]:
    """Heading-opening group names -> their section: ``## 🧱 PHASE 1: Foundations`` -> "phase 1"."""
    out: dict[str, Section] = {}
    for sec in root.walk():
        if sec.heading is None:
            continue
        title = re.sub(r"^[^\w]+", "", plain(sec.title)).strip("* ")
        m = _GROUP.match(title)
        if m and m.end() < len(title) + 1 and (m.end() == len(title) or not title[m.end()].isalnum()):
            key = _group_key(m.group("g"))
            out.setdefault(key, sec)
            short = _SHORT.match(key)
            if short:
                out.setdefault(short.group("word")[0] + short.group("num"), sec)
    return out


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


def resolve_dependency_words(b: Builder, root: Section) -> None:
    """Read item ids and group references in each item's ``dependency_note`` (see the module doc)."""
    _joined_ranges(b)
    items = b.items
    by_upper = {i.upper(): i for i in items}
    groups: dict[str, Section] | None = None
    for rid, rec in items.items():
        note = rec.values.get("dependency_note")
        if not note:
            continue
        deps: list[str] = rec.values.setdefault("depends_on", [])
        # "no longer depends on X": the ids a negation names are no dependency (parse_refs reported them).
        text = NEGATION_RE.sub(" ", plain(note))
        # "(M1 for synthetic data in tests)": an aside about the dependency, not one.
        text = re.sub(r"\([^()]*\)", " ", text)
        found: list[str] = []
        for m in _RANGE.finditer(text):
            ids = expand_range(m.group("a"), m.group("b"))
            if ids and all(i.upper() in by_upper for i in ids):
                found += [by_upper[i.upper()] for i in ids]
                text = text.replace(m.group(0), " ")
        for tok in _TOKEN.findall(text):
            if tok.upper() in by_upper and by_upper[tok.upper()] != rid:
                found.append(by_upper[tok.upper()])
        for ref in dict.fromkeys(found):
            if ref not in deps:
                deps.append(ref)
                b.note(
                    rec.line, f"{rid}: {ref!r} in the dependency words is an item of this plan; taken as a dependency"
                )
        if _ALL_EARLIER.search(text):
            # "Requires all previous milestones": every earlier item named like this one (MILESTONE-1..5).
            stem = _stem(rid)
            earlier = [i for i, r in items.items() if stem and r.line < rec.line and _stem(i) == stem]
            if earlier:
                deps.extend(i for i in earlier if i not in deps)
                b.note(rec.line, f"{rid}: 'all previous' read as the earlier items named like it: {', '.join(earlier)}")
        for m in _GROUP.finditer(text):
            word = m.group("g")
            if word.upper() in by_upper:
                continue
            if groups is None:
                groups = _heading_groups(root)
            sec = groups.get(_group_key(word))
            members = [i for i, r in items.items() if sec is not None and sec.line <= r.line <= sec.end and i != rid]
            phase = None if members else _phase_record(b, word)
            if phase is not None:
                members = [i for i in phase.values.get("items", []) if i in items and i != rid]
                deps.extend(i for i in members if i not in deps)
                b.note(
                    rec.line, f"{rid}: {word!r} read as the items of phase {phase.values['id']!r}: {', '.join(members)}"
                )
                continue
            if not members:
                b.note(
                    rec.line, f"{rid}: depends on {word!r}, which names no group of items here; kept in dependency_note"
                )
                continue
            assert sec is not None  # members is non-empty only when the heading was found
            added = [i for i in members if i not in deps]
            deps.extend(added)
            b.note(
                rec.line,
                f"{rid}: {word!r} read as the items under heading {sec.title!r} (line {sec.line}): "
                f"{', '.join(members)}",
            )


def _phase_record(b: Builder, word: str) -> Rec | None:
    """The phase a group word names ("Phase 1", "Stage 2") when the plan lists phases in a table or list."""
    m = re.fullmatch(r"(?:phase|stage|wave)\s+(\S+)", word.strip(), re.I)
    if not m:
        return None
    return next(
        (r for r in b.records["phases"] if str(r.values.get("id")) == m.group(1) and r.values.get("items")), None
    )
