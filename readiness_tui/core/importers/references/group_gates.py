"""Groups and items a plan puts before all the rest, read once every item is known.

* A heading, or a paragraph right under it, that says its group goes first: "## Wave 0 — Foundation (blocking
  everything else)", "### Phase 1" over "Must complete before any feature work.". The group is the items written or
  restated under that heading (a phase table listing ids made earlier counts); each item written or restated under the
  headings after it at the same level, within the same parent, waits on every item of the group.
* A sentence anywhere that names one group by its heading and says it goes before all the others ("A Fase 1 é
  pré-requisito para todas as outras", "Phase 1 is a prerequisite for all the others"): the same, for that heading.
* An item whose own section says "This blocks every other capability", or whose title ends "— BLOCKS ALL": every
  other item waits on it. One whose own words say "every other item in Sprint 1 depends on these": every other item
  under its heading waits on it (and on the items its entry names with it).

Each dependency read this way is reported as a guess.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Block, Other, Paragraph, Section, plain
from readiness_tui.core.importers.references.group_members import group_heading
from readiness_tui.core.importers.references.refs import GROUP_NOUN
from readiness_tui.core.importers.sections.heading_numbers import ticket_id

#: What a group says when it goes before everything after it.
_FIRST_RE = re.compile(
    r"\bblock(?:s|ing)\s+(?:everything|all)\s+(?:else|others?|later|that\s+follows)\b"
    r"|\bmust\s+(?:be\s+)?(?:complete[ds]?|finish(?:ed)?|done|land(?:ed)?|merge[ds]?)\s+before\s+(?:any|all|everything)\b"
    r"|\bbefore\s+any\s+(?:other|feature|further|later)\s+work\b"
    # "Pré-requisito de tudo", "Prerrequisito de todo", "Bloquea: todo el desarrollo posterior", "Bloque tout".
    r"|\bpr[ée]-?(?:r)?requisit[oe]\s+(?:de|para)\s+(?:tudo|todo)\b|\bbloque(?:a|ia)\s*:?\s*todo\b"
    r"|\bprerequisite\s+(?:for|of|to)\s+(?:everything|all)\b"
    # "pré-requisito para todas as outras", "prerrequisito para todas las demás", "Voraussetzung für alle anderen".
    r"|\bpr[ée]-?r?requisit[oe]\s+(?:de|para)\s+tod[oa]s\s+(?:as\s+outras|los\s+dem[áa]s|las\s+dem[áa]s|os\s+outros)\b"
    r"|\bvoraussetzung\s+f[üu]r\s+alle\s+(?:anderen|weiteren)\b|\bpr[ée]requis\s+(?:à|a|pour)\s+tout",
    re.I,
)
#: The group a sentence names before it says so: "A Fase 1 é …", "Phase 1 is …".
_NAMED_GROUP_RE = re.compile(rf"(?<![\w-])(?P<g>{GROUP_NOUN}\s+[A-Za-z0-9]+)\b", re.I)
#: What an item says of itself when everything else waits on it.
_ITEM_FIRST_RE = re.compile(r"\b(?:this|it)\s+blocks\s+(?:every|all)\s+other\b", re.I)
#: What an item's own words say when the rest of its section waits on it: "every other item in Sprint 1 depends on
#: these answers", "all other tasks here depend on this".
_SECTION_FIRST_RE = re.compile(
    r"\b(?:every|all)\s+other\s+(?:items?|tasks?|stor(?:y|ies)|tickets?|work)\b[^.;]{0,40}?"
    r"\bdepends?\s+on\s+(?:this|these|it|them)\b",
    re.I,
)
#: The same said at the end of an item's title: "Project scaffolding (M) — BLOCKS ALL".
_TITLE_FIRST_RE = re.compile(r"[—–:-]\s*blocks\s+(?:all|everything)(?:\s+(?:else|others?))?\s*$", re.I)


def _in(b: Builder, sec: Section) -> list[str]:
    """The items written or restated inside ``sec``, in board order."""
    return [i for i, lines in b.seen_at.items() if i in b.items and any(sec.line <= n <= sec.end for n in lines)]


def _says_first(sec: Section) -> bool:
    said = [sec.title] + [plain(blk.text) for blk in sec.blocks if isinstance(blk, Paragraph)]
    return any(_FIRST_RE.search(text) for text in said)


def _wait(b: Builder, waiting: list[str], first: list[str]) -> int:
    return sum(len(b.wait_on(x, first)) for x in waiting)


def read_group_gates(b: Builder, root: Section) -> None:
    """Add the dependencies of groups and items that go first (see the module doc)."""
    for rid, rec in list(b.items.items()):
        title = str(rec.values.get("title", ""))
        if _TITLE_FIRST_RE.search(title) and _wait(b, [i for i in b.items if i != rid], [rid]):
            rec.values["title"] = _TITLE_FIRST_RE.sub("", title).rstrip()
            b.note(rec.line, f"{rid} says it blocks all: every other item waits on it")
    _section_gates(b, root)
    _until_gates(b, root)
    _in_sequence(b, root)
    for sec in root.walk():
        if sec.heading is None or sec.parent is None:
            continue
        own = ticket_id(sec)
        if own in b.items and _ITEM_FIRST_RE.search(b.src(sec.line, sec.end)):
            if _wait(b, [i for i in b.items if i != own], [own]):
                b.note(sec.line, f"{own} says it blocks every other item: every other item waits on it")
            continue
        if own or not _says_first(sec):
            continue
        _goes_first(b, sec, sec.line)
    for sec in root.walk():
        for blk in sec.blocks:
            for sentence in _sentences_saying_first(blk):
                named = {m.group("g") for m in _NAMED_GROUP_RE.finditer(sentence)}
                first = group_heading(root, named.pop()) if len(named) == 1 else None
                if first is not None and first.parent is not None and not _says_first(first):
                    _goes_first(b, first, blk.line)


def _section_gates(b: Builder, root: Section) -> None:
    """Items whose own words say every other item of their section waits on them: the items made from the same
    entry ("Backlog #17, #18, #19" and its "every other item in Sprint 1 depends on these answers") go first; every
    other item under the nearest heading waits on them."""
    sections = [sec for sec in root.walk() if sec.heading is not None]
    done: set[int] = set()
    for rec in list(b.items.values()):
        if rec.line in done or not _SECTION_FIRST_RE.search(str(rec.values.get("description", ""))):
            continue
        done.add(rec.line)
        sec = max((s for s in sections if s.line <= rec.line <= s.end), key=lambda s: s.line, default=None)
        if sec is None:
            continue
        first = [i for i, r in b.items.items() if r.line == rec.line]
        rest = [i for i in _in(b, sec) if i not in first]
        if _wait(b, rest, first):
            b.note(rec.line, f"{', '.join(first)} say every other item under {sec.title!r} waits on them")


def _sentences_saying_first(blk: Block) -> list[str]:
    """The sentences of a paragraph or a quote that say something goes before all the rest."""
    if not (isinstance(blk, Paragraph) or (isinstance(blk, Other) and blk.kind == "blockquote")):
        return []
    return [s for s in re.split(r"(?<=[.!?])\s+", plain(blk.text)) if _FIRST_RE.search(s)]


def _goes_first(b: Builder, sec: Section, line: int) -> None:
    """Every item under the headings after ``sec`` at its level, within its parent, waits on the items under it."""
    assert sec.parent is not None
    group = _in(b, sec)
    later = [s for s in sec.parent.children if s.line > sec.end and s.level == sec.level]
    waiting = list(dict.fromkeys(i for s in later for i in _in(b, s) if i not in group))
    if group and waiting and sum(len(b.wait_on_group(x, group)) for x in waiting):
        b.note(
            line,
            f"heading {sec.title!r} goes before the rest: the {len(waiting)} items after it wait on {', '.join(group)}",
        )


#: A gate at the end of a group: "**Gate:** do not proceed until 0.2 is green and 0.3 is answered", "No firewall
#: opens until 3.2 is signed off". What follows "until" names the items the next group waits on.
_UNTIL_RE = re.compile(
    r"\b(?:do\s+not|don't|no|nothing)\b[^.;]{0,60}?\buntil\s+(?P<what>.+?)(?:[.;](?:\s|$)|$)", re.I | re.S
)


def _until_gates(b: Builder, root: Section) -> None:
    """A paragraph of a group's section saying nothing goes on until some of its items are done: every item under the
    next heading at its level, within its parent, waits on those items (a guess, reported)."""
    for sec in root.walk():
        if sec.heading is None or sec.parent is None:
            continue
        # Only a section saying so is looked into: finding the items of a section is a pass over every item.
        gates = [
            (blk, m) for blk in sec.blocks if isinstance(blk, Paragraph) for m in _UNTIL_RE.finditer(plain(blk.text))
        ]
        later = [s for s in sec.parent.children if s.line > sec.end and s.level == sec.level] if gates else []
        if not later:
            continue
        own = set(_in(b, sec))
        for blk, m in gates:
            first = [i for i in re.findall(r"[\w.#-]+", m.group("what")) if i in own]
            waiting = [i for i in _in(b, later[0]) if i not in first]
            if first and waiting and _wait(b, waiting, first):
                b.note(
                    blk.line,
                    f"gate {m.group(0).strip()!r}: the {len(waiting)} items under {later[0].title!r} wait on "
                    f"{', '.join(first)}",
                )


#: A plan saying its groups run one after another: "each ticket blocks the next milestone", "phases are sequential",
#: "each phase builds on the previous one".
_SEQUENCE_RE = re.compile(
    r"\beach\s+(?:ticket|task|item|story|milestone|phase|stage|sprint|wave)s?\s+blocks\s+the\s+next\s+"
    r"(?P<next>milestone|phase|stage|sprint|wave)\b"
    r"|\b(?P<plural>milestone|phase|stage|sprint|wave)s\s+are\s+(?:strictly\s+)?sequential\b"
    r"|\beach\s+(?P<each>milestone|phase|stage|sprint|wave)\s+(?:depends\s+on|builds\s+on|requires)\s+the\s+"
    r"(?:previous|prior|one\s+before)\b",
    re.I,
)


def _in_sequence(b: Builder, root: Section) -> None:
    """A sentence saying the plan's milestones (or phases) run one after another: each item of one waits on every item
    of the one before it, in the order the plan lists them (a guess, reported)."""
    for sec in root.walk():
        for blk in sec.blocks:
            if not (isinstance(blk, Paragraph) or (isinstance(blk, Other) and blk.kind == "blockquote")):
                continue
            m = _SEQUENCE_RE.search(plain(blk.text))
            if not m:
                continue
            word = (m.group("next") or m.group("plural") or m.group("each")).lower()
            kind, fld = ("milestones", "milestone") if word == "milestone" else ("phases", "phase")
            groups = [
                [i for i, r in b.items.items() if r.values.get(fld) == g.values.get("id")]
                or [i for i in g.values.get("items", []) if i in b.items]
                for g in b.records[kind]
            ]
            groups = [g for g in groups if g]
            # A wait said of groups: the recipe's group_waits = "none" keeps it to the groups.
            added = sum(len(b.wait_on_group(x, first)) for first, later in zip(groups, groups[1:]) for x in later)
            if added:
                b.note(blk.line, f"{m.group(0)!r}: each of the {len(groups)} {kind} waits on the one before it")
            return
