"""Groups and items a plan puts before all the rest, read once every item is known.

* A heading, or a paragraph right under it, that says its group goes first: "## Wave 0 — Foundation (blocking
  everything else)", "### Phase 1" over "Must complete before any feature work.". The group is the items written or
  restated under that heading (a phase table listing ids made earlier counts); each item written or restated under the
  headings after it at the same level, within the same parent, waits on every item of the group.
* An item whose own section says "This blocks every other capability", or whose title ends "— BLOCKS ALL": every
  other item waits on it.

Each dependency read this way is reported as a guess.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Paragraph, Section, plain
from readiness_tui.core.importers.sections.headings import ticket_id

#: What a group says when it goes before everything after it.
_FIRST_RE = re.compile(
    r"\bblock(?:s|ing)\s+(?:everything|all)\s+(?:else|others?|later|that\s+follows)\b"
    r"|\bmust\s+(?:be\s+)?(?:complete[ds]?|finish(?:ed)?|done|land(?:ed)?|merge[ds]?)\s+before\s+(?:any|all|everything)\b"
    r"|\bbefore\s+any\s+(?:other|feature|further|later)\s+work\b"
    # "Pré-requisito de tudo", "Prerrequisito de todo", "Bloquea: todo el desarrollo posterior", "Bloque tout".
    r"|\bpr[ée]-?(?:r)?requisit[oe]\s+(?:de|para)\s+(?:tudo|todo)\b|\bbloque(?:a|ia)\s*:?\s*todo\b"
    r"|\bprerequisite\s+(?:for|of|to)\s+(?:everything|all)\b",
    re.I,
)
#: What an item says of itself when everything else waits on it.
_ITEM_FIRST_RE = re.compile(r"\b(?:this|it)\s+blocks\s+(?:every|all)\s+other\b", re.I)
#: The same said at the end of an item's title: "Project scaffolding (M) — BLOCKS ALL".
_TITLE_FIRST_RE = re.compile(r"[—–:-]\s*blocks\s+(?:all|everything)(?:\s+(?:else|others?))?\s*$", re.I)


def _in(b: Builder, sec: Section) -> list[str]:
    """The items written or restated inside ``sec``, in board order."""
    return [i for i, lines in b.seen_at.items() if i in b.items and any(sec.line <= n <= sec.end for n in lines)]


def _says_first(sec: Section) -> bool:
    said = [sec.title] + [plain(blk.text) for blk in sec.blocks if isinstance(blk, Paragraph)]
    return any(_FIRST_RE.search(text) for text in said)


def _wait(b: Builder, waiting: list[str], first: list[str]) -> int:
    added = 0
    for x in waiting:
        deps = b.items[x].values.setdefault("depends_on", [])
        for y in first:
            if y != x and y not in deps:
                deps.append(y)
                added += 1
    return added


def read_group_gates(b: Builder, root: Section) -> None:
    """Add the dependencies of groups and items that go first (see the module doc)."""
    for rid, rec in list(b.items.items()):
        title = str(rec.values.get("title", ""))
        if _TITLE_FIRST_RE.search(title) and _wait(b, [i for i in b.items if i != rid], [rid]):
            rec.values["title"] = _TITLE_FIRST_RE.sub("", title).rstrip()
            b.note(rec.line, f"{rid} says it blocks all: every other item waits on it")
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
        group = _in(b, sec)
        later = [s for s in sec.parent.children if s.line > sec.end and s.level == sec.level]
        waiting = [i for s in later for i in _in(b, s) if i not in group]
        waiting = list(dict.fromkeys(waiting))
        if group and waiting and sum(len(b.wait_on_group(x, group)) for x in waiting):
            b.note(
                sec.line,
                f"heading {sec.title!r} goes before the rest: the {len(waiting)} items after it wait on "
                f"{', '.join(group)}",
            )
