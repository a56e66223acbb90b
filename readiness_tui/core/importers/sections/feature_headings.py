"""Headings whose sub-headings or entries are the plan's features or to-dos, one item each: ``### Planned Features``
> ``#### Historical Tracking``, a lead-in announcing "the following tasks", ``# TODO`` > ``### Fix the parser``;
and the areas of a features heading, each a list of short names (``### User Management`` over its features); and
sibling headings each closing with who does it (``### Condition-handler system (graydon)``) or the time it takes
(``#### Verify the system (2 min):``)."""

from __future__ import annotations

import re
from collections import Counter

from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.sections.heading_numbers import document_fact, document_root
from readiness_tui.core.importers.sections.heading_words import names_features
from readiness_tui.core.importers.vocabulary.dates import duration_days, parse_estimate
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import exact_status


def sub_heading_item(sec: Section) -> bool:
    """Whether the heading above ``sec`` says each of its sub-headings is one item, and ``sec`` is one of two such
    sub-headings at least:

    * ``### Planned Features`` > ``#### Historical Tracking`` (prose, a code block, ``**Implementation:**``
      bullets): each a feature to build, its bullets how;
    * ``# Migration Strategy`` ("… can be divided into the following tasks.") > ``### Build the endpoints``;
    * ``# TODO`` > ``### Cells should have formatAs fields.`` over a paragraph, or over nothing: one thing to do.

    Under the first two, a sub-heading holding boxes, a table or headings of its own groups its own work; under a
    to-do list, one over anything but prose (``### Formulas to write`` over its list) groups its entries."""
    parent = sec.parent
    if parent is None or parent.heading is None:
        return False
    if any(names_a_todo_list(up) for up in (parent, *parent.ancestors()) if up.heading is not None):
        # "# Todos" > "## Dashboards" > "#### Add bucket dashboards": a topic of the to-do list holds its entries too.
        shaped = _prose_shaped
    elif names_features(parent.bare_title) or _announces_tasks(parent):
        shaped = _feature_shaped
    else:
        return False
    return shaped(sec) and sum(1 for c in parent.children if shaped(c)) >= 2


#: A lead-in saying the headings after it are the work: "can be divided into the following tasks", "the steps below".
_ANNOUNCES_TASKS = re.compile(
    r"\b(?:following|these|(?:the\s+)?(?:tasks|steps)\s+below)\b[^.:]{0,30}?\b(?:tasks|steps|work\s?items|workstreams)\b"
    r"|\b(?:tasks|steps)\s+below\b",
    re.I,
)


def _announces_tasks(sec: Section) -> bool:
    """Whether a heading's own words say its sub-headings are the tasks. "The following tasks …:" right over a list
    announces that list, not the headings after it."""
    said = " ".join(
        blk.text
        for n, blk in enumerate(sec.blocks)
        if isinstance(blk, Paragraph)
        and not (blk.text.rstrip().endswith(":") and isinstance(next(iter(sec.blocks[n + 1 :]), None), ListBlock))
    )
    return bool(_ANNOUNCES_TASKS.search(said))


#: A document or heading that is a to-do list: "TODO", "To-do list", "Todos".
_TODO_RE = re.compile(r"^(?:[^\W\d_]+\s+)?(?:to-?\s?do(?:s|\s+list)?)\s*$", re.I)


def names_a_todo_list(sec: Section) -> bool:
    """Whether a heading (or the document's title) names a to-do list: "# TODO", "## To-do list"."""
    return sec.heading is not None and bool(_TODO_RE.match(plain(sec.bare_title).strip()))


def _feature_shaped(sec: Section) -> bool:
    return (
        not sec.children
        and not any(isinstance(blk, Table) or (isinstance(blk, ListBlock) and blk.has_checkboxes) for blk in sec.blocks)
        and not names_of_features(sec)
    )


def names_of_features(sec: Section) -> bool:
    """Whether a heading right under a heading of features ("## Features", "## Planned Features") holds only a list of
    short names (``### User Management`` over ``- User registration and login``, ``- Profile management``): an area
    of the features, each entry one of them; not a feature described by its bullets (those come with prose, labels
    or longer lines). Areas are read alike: beside one such area, a heading over a list with no labels in it is one
    too, however long its entries or whatever notes stand under them (``### UI`` over "- Fix location picker
    flickering" beside ``### Core`` over three short names)."""
    own = _area_list(sec)
    if own is None:
        return False
    if _short_names(own):
        return True
    assert sec.parent is not None  # an area stands under a heading of features
    return all(split_keyval(it.text) is None for it in own.items) and any(
        c is not sec and (other := _area_list(c)) is not None and _short_names(other) for c in sec.parent.children
    )


def _area_list(sec: Section) -> ListBlock | None:
    """The one list a heading right under a heading of features holds, nothing else beside it; else None."""
    up = sec.parent
    if up is None or up.heading is None or not names_features(up.bare_title):
        return None
    only = sec.blocks[0] if len(sec.blocks) == 1 else None
    return only if not sec.children and isinstance(only, ListBlock) else None


def _short_names(lst: ListBlock) -> bool:
    """Whether a list names things in short words, two at least, each alone on its line (no labels, nothing under)."""
    return len(lst.items) >= 2 and all(
        len(plain(it.text).split()) <= 8 and not it.children and ":" not in plain(it.text) for it in lst.items
    )


def _prose_shaped(sec: Section) -> bool:
    return not sec.children and all(isinstance(blk, Paragraph) for blk in sec.blocks)


#: A title written as a commit's: a conventional type, maybe its scope, and a colon (``feat: x``, ``fix(api): y``).
_COMMIT_TYPED = re.compile(r"^(?:feat|fix|chore|refactor|docs|test|perf|build|ci|style)(?:\([^()]+\))?!?:\s+\S", re.I)


def commit_typed(sec: Section) -> bool:
    """Whether ``sec``'s title is written as a commit's (``#### feat: ligar busca ao backend``) beside another heading
    of its level so written: one unit of work each, as a pull request is."""
    if sec.parent is None or sec.heading is None or not _COMMIT_TYPED.match(plain(sec.bare_title)):
        return False
    root = document_root(sec)
    levels = document_fact(root, "commit-typed headings by level", lambda: _commit_typed_levels(root))
    return levels[sec.level] >= 2


def _commit_typed_levels(root: Section) -> Counter[int]:
    return Counter(s.level for s in root.walk() if s.heading is not None and _COMMIT_TYPED.match(plain(s.bare_title)))


#: Who does a heading's work, by their handles in brackets closing it: "Condition-handler system (graydon)",
#: "Start on new driver (graydon, brson)".
_HANDLES = re.compile(r"\s*\((?P<who>@?[a-z][\w.-]*(?:\s*(?:,|&|/|\band\b)\s*@?[a-z][\w.-]*){0,3})\)\s*$")
#: A version a heading is planned for: "(v0.2.0)".
_VERSION = re.compile(r"^v?\d+(?:\.\d+)+$", re.I)
#: Words a bracket says of the work instead: "(optional)", "(draft)", "(stretch)".
_NOT_HANDLES = frozenset(
    {"optional", "draft", "beta", "alpha", "new", "later", "wip", "tbd", "deprecated", "experimental", "stretch",
     "maybe", "ongoing", "mvp", "required", "recommended", "soon", "next", "current", "skip", "ignore", "bonus"}
)  # fmt: skip


def owner_handles(title: str) -> tuple[str, list[str]] | None:
    """(the handles in brackets closing ``title``, the title without them), or None when it closes with none."""
    m = _HANDLES.search(title)
    if m is None or not title[: m.start()].strip():
        return None
    names = [n.strip().lstrip("@") for n in re.split(r",|&|/|\band\b", m["who"]) if n.strip()]
    if any(
        n in _NOT_HANDLES or _VERSION.match(n) or exact_status(n) or parse_priority(n)[0] or duration_days(n)
        for n in names
    ):
        return None
    return title[: m.start()].rstrip(), names


def owned_heading(sec: Section) -> bool:
    """Whether the heading closes with handles (``owner_handles``) as two siblings of its level at least do too,
    naming two people or more between them: the headings are the plan's pieces of work, each with who does it (a
    wiki page of priorities). One name throughout is a session or a source ("(talk11)"), not who does each."""
    if sec.level < 2 or sec.parent is None or owner_handles(plain(sec.bare_title)) is None:
        return False
    up, level = sec.parent, sec.level
    return document_fact(up, f"headings closing with handles {level}", lambda: _owned_siblings(up, level))


def _owned_siblings(up: Section, level: int) -> bool:
    named = [found[1] for c in up.children if c.level == level and (found := owner_handles(plain(c.bare_title)))]
    return len(named) >= 3 and len({n for names in named for n in names}) >= 2


#: A heading's closing time in brackets: "Verify the system (2 min):", "Activate the workflows (~1 h)".
_TIMED = re.compile(r"\((?P<time>~?\s*\d[^()]{0,20})\)\s*:?\s*$")


def heading_time(title: str) -> tuple[str, float] | None:
    """(the title without its closing time in brackets, that time in working days), or None when it closes with none
    (minutes count: a step of a runbook takes minutes)."""
    m = _TIMED.search(title)
    days = parse_estimate(m["time"].lstrip("~ "), minutes=True) if m else None
    if m is None or days is None or not title[: m.start()].strip(" :"):
        return None
    return title[: m.start()].rstrip(" :"), days


def timed_heading(sec: Section) -> bool:
    """Whether the heading closes with the time its work takes (``heading_time``), over no heading or list of its own
    (its commands, its notes), as another heading of its level in the plan does: the plan's steps, each one item,
    timed (a runbook for the day: ``#### ⚡ Verify the system (2 min):`` over its command). A heading over a list
    (``### Fase 1: Preparación (1h)`` over its steps) groups the work listed."""
    if sec.level < 2 or sec.parent is None or not _timed_alone(sec):
        return False
    root, level = document_root(sec), sec.level
    return document_fact(root, f"timed headings {level}", lambda: _timed_count(root, level)) >= 2


def _timed_alone(sec: Section) -> bool:
    return (
        sec.heading is not None
        and not sec.children
        and not any(isinstance(blk, ListBlock) for blk in sec.blocks)
        and heading_time(plain(sec.bare_title)) is not None
    )


def _timed_count(root: Section, level: int) -> int:
    return sum(1 for c in root.walk() if c.level == level and _timed_alone(c))
