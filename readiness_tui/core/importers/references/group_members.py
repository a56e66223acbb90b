"""The groups a plan's headings name (``## Phase 2: x``, ``### Wave 1``, ``## MVP``) and the items under them: what a
dependency on a group ("after Phase 1", "W2", "Sprint 3 complete") waits on."""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import Section, plain
from readiness_tui.core.importers.references.refs import GROUP_NOUN, expand_group_ranges
from readiness_tui.core.importers.sections.heading_numbers import document_fact

#: "Phase 2", "PHASE 2", "Wave 1", "Stage B", "W2", "Sprint 3", "MVP": a name a heading can open with
#: ("v1.1" is a version, not the group "v1").
GROUP = re.compile(
    r"(?<![\w-])(?P<g>" + GROUP_NOUN + r"\s+[A-Za-z0-9]+|[A-Z]{1,3}\d+|MVP|GA|Beta)(?![\w-]|\.\d)",
    re.I,
)
#: "Wave 1" is also "W1", "Phase 2" "P2", "Milestone 3" "M3": the short names plans use for their groups.
_SHORT = re.compile(r"^(?P<word>phase|stage|wave|sprint|milestone)\s+(?P<num>\d+)$")


def group_key(text: str) -> str:
    """A group's name as groups are looked up by it: folded, its spaces one."""
    return re.sub(r"\s+", " ", text.strip().lower())


def _clean_title(sec: Section) -> str:
    """The heading's words, marks left out, and the document's outline number before a group's noun (``8.1 Phase 1 -
    x``; "1.1 MVP task list" keeps its number: a section about the MVP, not the group)."""
    title = re.sub(r"^[^\w]+", "", plain(sec.title))
    return re.sub(rf"^\d+(?:\.\d+)*\.?\s+(?={GROUP_NOUN}\b)", "", title, flags=re.I).strip("* ")


def heading_groups(root: Section) -> dict[str, Section]:
    """Heading-opening group names -> their section: ``## 🧱 PHASE 1: Foundations`` -> "phase 1"."""
    out: dict[str, Section] = {}
    for sec in root.walk():
        if sec.heading is None:
            continue
        title = _clean_title(sec)
        m = GROUP.match(title)
        if m and m.end() < len(title) + 1 and (m.end() == len(title) or not title[m.end()].isalnum()):
            key = group_key(m.group("g"))
            out.setdefault(key, sec)
            short = _SHORT.match(key)
            if short:
                out.setdefault(short.group("word")[0] + short.group("num"), sec)
            # "WAVE P1": the group is also called by its name alone, "P1".
            name = key.split(" ")[-1]
            if " " in key and re.fullmatch(r"[a-z]{1,3}\d+", name):
                out.setdefault(name, sec)
    return out


#: A word after these is a point in time the heading is placed against ("Work after MVP"), not what it holds.
_AGAINST = re.compile(r"\b(?:after|before|post|pre|beyond|until|since|past|besides|outside)\s+$", re.I)


def heading_naming(root: Section, word: str) -> Section | None:
    """The one heading that names a group by a word inside it ("The 2-hour MVP" > "2.2 MVP task list"): the
    outermost of those headings, when exactly one holds the others; None when none or several apart do."""
    if re.fullmatch(r"v\d+", word, re.I):
        return None  # "v3": a version, named in titles of every kind
    rx = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.I)
    named = []
    for sec in root.walk():
        if sec.heading is None or sec.level == 1:  # the title names the whole plan, no group in it
            continue
        m = rx.search(plain(sec.title))
        if m and not _AGAINST.search(plain(sec.title)[: m.start()]):
            named.append(sec)
    outer = [s for s in named if not any(o is not s and o.line < s.line <= o.end for o in named)]
    return outer[0] if len(outer) == 1 else None


def group_heading(root: Section, name: str) -> Section | None:
    """The heading a group's name opens (``Fase 1`` -> ``### FASE 1 — Menu``), if one does."""
    return heading_groups(root).get(group_key(name))


def group_items(b: Builder, root: Section, text: str, rid: str) -> list[str]:
    """The items of every group ``text`` names by a heading ("after P1", "Phase 2"), but ``rid``."""
    groups = heading_groups(root)
    found: list[str] = []
    for m in GROUP.finditer(expand_group_ranges(text)):
        found += [i for i in group_members(b.items, groups.get(group_key(m.group("g"))), groups, rid) if i not in found]
    return found


def group_members(items: dict[str, Rec], sec: Section | None, groups: dict[str, Section], rid: str) -> list[str]:
    """The items under a group's heading, but those under a heading inside it that names a group of the same
    kind ("Vague 1a" inside "Vague 1" is named apart; all of them when that leaves none), and not the child items of
    one of them or of ``rid``."""
    if sec is None:
        return []
    # Asked for each item that waits on the group: read once per group while no item is added (a sprint of 50 tasks
    # each waiting on the sprint before read every item of the plan for each of them).
    every = document_fact(
        sec, f"items inside, of {len(items)}", lambda: [i for i, r in items.items() if sec.line <= r.line <= sec.end]
    )
    inside = [i for i in every if i != rid]
    noun = group_key(_clean_title(sec)).split(" ")[0]
    apart = [
        g for g in groups.values()
        if g is not sec and sec.line < g.line <= sec.end and group_key(_clean_title(g)).startswith(noun + " ")
    ]  # fmt: skip
    own = [i for i in inside if not any(g.line <= items[i].line <= g.end for g in apart)] or inside
    # A task's own steps (``3.1.2`` under ``3.1``) come with it: the group is its tasks (and the waiting task's own
    # steps wait with it, not on its group).
    above = {*own, rid}
    return [i for i in own if items[i].values.get("parent") not in above]


#: Words after a group's name that say it is done, not another thing: "Research inputs", "Product readiness".
_DONE_WORDS = re.compile(
    r"\s+(?:complete[d]?|done|ready|readiness|finished|inputs?|outputs?|results?|sign-?off|signed off|approved?|"
    r"approval|green|live)$",
    re.I,
)


def phase_titled(b: Builder, text: str) -> Rec | None:
    """The phase whose name the dependency words are, whole ("Narrative" for the phase "4) Narrative"), maybe with a
    word saying it is done ("Research inputs"); None when no phase is named so."""
    words = _DONE_WORDS.sub("", " ".join(text.split())).casefold()
    if not words:
        return None
    return next((r for r in b.records["phases"] if str(r.values.get("title", "")).casefold() == words), None)


def phase_record(b: Builder, word: str) -> Rec | None:
    """The phase a group word names ("Phase 1", "Stage 2") when the plan lists phases in a table or list."""
    m = re.fullmatch(r"(?:phase|stage|wave)\s+(\S+)", word.strip(), re.I)
    if not m:
        return None
    return next(
        (r for r in b.records["phases"] if str(r.values.get("id")) == m.group(1) and r.values.get("items")), None
    )
