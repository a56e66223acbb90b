"""What a heading means: one table of named shapes, walked in order; the first that matches names the role.

A new heading shape is one row. Each role has a handler in ``walk`` (``HANDLERS``); "plain" is
the default when no row matches. Patterns are searched in the heading's bare title (emoji and marks
before the words removed), so ``## 🚀 PHASE 3: Launch`` is a phase like ``## Phase 3: Launch``.

How a heading's number reads is in ``heading_numbers``; numbered sections that group their tasks are in ``task_groups``;
a board's columns written as headings are in ``board_columns``.
Numbered headings that are not items: groups of items, risks written as headings, prose sections (the groups
and prose sections are recognised in ``heading_groups``).

``### 2.3 Tables`` over ``#### **2.3.1: data_imports table**`` groups items; ``### R1 — GPU capacity`` under
``## Risks`` is a risk whose prose names the tasks that mitigate it (read in ``risk_sections``); ``### 2.1
Time-boxed blocks`` holding only prose is a section of text. Each recogniser says so in the report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.guided.recipe import RECIPE, SECTION_ROLES, chosen_label
from readiness_tui.core.importers.references.ids import RISK_ID_RE
from readiness_tui.core.importers.sections.board_columns import (
    board_columns,
    board_list,
    closes_with_state,
    column_card,
)
from readiness_tui.core.importers.sections.feature_headings import (
    commit_typed,
    owned_heading,
    sub_heading_item,
    timed_heading,
)
from readiness_tui.core.importers.sections.heading_fields import (
    item_shaped,
    one_of_a_series,
    stated_beside_tickets,
    sub_phase_task,
)
from readiness_tui.core.importers.sections.heading_numbers import (
    document_fact,
    numbered_item_id,
    ticket_id,
)
from readiness_tui.core.importers.sections.heading_words import decisions_heading
from readiness_tui.core.importers.sections.lead_ins import OUT_OF_SCOPE
from readiness_tui.core.importers.sections.patterns import (
    PHASE_RE,
    PRIO_GROUP_RE,
    STREAM_RE,
)
from readiness_tui.core.importers.sections.phases import is_phase_item_id
from readiness_tui.core.importers.sections.task_groups import groups_its_tasks
from readiness_tui.core.importers.vocabulary.headers import header_field, norm_header
from readiness_tui.core.importers.vocabulary.title_states import status_heading
from readiness_tui.core.importers.vocabulary.words import TASK_LABELS

#: A roadmap's horizon: "Now", "Next", "Later" (maybe with an aside: "Next (this quarter)").
_HORIZON = re.compile(r"^\W*(?:now|next|later)\W*(?:\([^()]*\))?\s*$", re.I)


def _horizons(sec: Section) -> int:
    """How many of ``sec`` and its siblings at its level are horizons, each named once."""
    siblings = sec.parent.children if sec.parent else [sec]
    return len(
        {s.bare_title.strip().lower() for s in siblings if s.level == sec.level and _HORIZON.search(s.bare_title)}
    )


@dataclass(frozen=True)
class HeadingRule:
    """A heading shape: the role it gives, when ``pattern`` is found in the bare title and ``test`` (if any)
    holds; ``unless`` found in the title vetoes the row."""

    role: str
    pattern: re.Pattern[str] | None = None
    test: Callable[[Section], bool] | None = None
    unless: re.Pattern[str] | None = None

    def matches(self, sec: Section) -> bool:
        title = sec.bare_title
        if self.pattern is not None and not self.pattern.search(title):
            return False
        if self.unless is not None and self.unless.search(title):
            return False
        return self.test is None or self.test(sec)


def holds_items(sec: Section) -> bool:
    """Whether the section's own lists are items with their own ids (``- [ ] DOC-4 ...``, ``- **ABC-1 — x**``):
    then its heading groups them ("Epic 2: Page Templates"), it is neither an item nor a template."""
    from readiness_tui.core.importers.document.blocks import ListBlock
    from readiness_tui.core.importers.entries.lists import entry_has_id

    entries = [it for blk in sec.blocks if isinstance(blk, ListBlock) for it in blk.items]
    return len(entries) >= 2 and sum(map(entry_has_id, entries)) * 2 > len(entries)


def _words(*words: str) -> re.Pattern[str]:
    """Any of the words at a word start, case-insensitive (``risk`` finds "Risks" and "Risk register")."""
    return re.compile(r"\b(?:" + "|".join(words) + ")", re.I)


def _under_decisions(sec: Section) -> bool:
    return sec.parent is not None and decisions_heading(sec.parent) is not None


def fielded_heading(sec: Section) -> bool:
    """``## Final Testing`` over ``- **Status**: 🔴 Not Started``, ``- **Priority**: High``, ``- **Dependencies**:
    …``: a heading with no id whose section opens with an item's fields, beside a sibling heading that does the same,
    is one item (named by its title's initials, as a recipe's ``item`` names it). One such heading alone is more
    likely a document's own description (``**Owner**: Jane``, ``**Status**: Active``)."""
    if sec.level < 2 or sec.parent is None or not item_shaped(sec):
        return False
    up, level = sec.parent, sec.level
    # Counted once for the heading above (up to two): each of a thousand siblings asking again was quadratic.
    shaped = document_fact(up, f"unnamed item-shaped headings {level}", lambda: _unnamed_item_shaped(up, level))
    return shaped >= 2 or (shaped == 1 and not _unnamed(sec))


def _unnamed_item_shaped(sec: Section, level: int) -> int:
    """How many headings of ``level`` right under ``sec``, up to two, open with an item's fields and are named by no
    other shape."""
    found = 0
    for c in sec.children:
        if c.level == level and item_shaped(c) and _unnamed(c):
            found += 1
            if found == 2:
                break
    return found


def _unnamed(sec: Section) -> bool:
    """Whether no other heading shape names the section (a phase, a risk, a summary ...)."""
    return not any(rule.matches(sec) for rule in HEADING_RULES if rule.role != "heading_item")


_MILESTONE_WORD = re.compile(r"^milestone\b", re.I)
#: A heading about work on templates: "Template creation", "Create the task templates", "User Interface & Templates"
#: (templates as one topic beside another).
_TEMPLATE_WORK = re.compile(
    r"\w\s*(?:&|\band\b|/)\s*templates\b|\btemplates\s*(?:&|\band\b|/)\s*\w|"
    r"\btemplates?\s+(?:creation|setup|design|migration|updates?|clean-?up|writing|authoring)\b|"
    r"\b(?:create|creating|write|writing|build|building|design|designing|define|defining|update|updating)\s+"
    r"(?:\w+\s+){0,2}templates?\b",
    re.I,
)


def _fills_in_tickets(sec: Section) -> bool:
    """Whether two sub-headings or more under a heading are tickets with ids of their own, one apart from another."""
    ids = [tid for c in sec.children if (tid := ticket_id(c))]
    return len(ids) >= 2 and len(set(ids)) == len(ids)


def _table_of_a_series(sec: Section) -> bool:
    """Whether the section's table, filled in (no ``<placeholder>`` cell), has the header of a sibling section's
    table: one area of a series ("## Templates" beside "## Canvas", each over ``| Feature | Status |``), not a
    template to copy."""
    if sec.parent is None:
        return False

    def table(s: Section) -> Table | None:
        return next((blk for blk in s.blocks if isinstance(blk, Table)), None)

    def header(s: Section) -> tuple[str, ...] | None:
        t = table(s)
        return tuple(norm_header(h) for h in t.headers) if t is not None else None

    own = table(sec)
    if own is None or any(re.search(r"<[^<>]+>", cell) for r in own.rows for cell in r.cells):
        return False
    return any(c is not sec and c.level == sec.level and header(c) == header(sec) for c in sec.parent.children)


#: The heading shapes, most specific first.
HEADING_RULES: tuple[HeadingRule, ...] = (
    HeadingRule("title", test=lambda s: s.level == 1 and not board_columns(s) and not closes_with_state(s)),
    HeadingRule("stream", STREAM_RE, test=lambda s: not holds_items(s)),
    # "### Phase 9.1 — Exporter" under "## Phase 9", opening with its state and what it waits on: a task of phase 9.
    HeadingRule("sub_phase_task", test=lambda s: sub_phase_task(s) is not None),
    HeadingRule("phase", PHASE_RE),
    HeadingRule("milestone_heading", _MILESTONE_WORD, test=lambda s: ticket_id(s) is not None),
    # "### M1: Resilience" over "#### M1-T1: ...": a heading whose own sub-headings are its tickets is their group.
    HeadingRule("milestone_heading", test=lambda s: bool(tickets_under(s))),
    # "### DDR-001: Config watcher", "### 1. Native-first approach" under "## Decision records": a decision taken,
    # not work.
    HeadingRule(
        "record",
        test=lambda s: (ticket_id(s) is not None or numbered_item_id(s) is not None) and _under_decisions(s),
    ),
    # "### 2.1 Fix the serializer" over "**Tasks:**" and its boxes: the boxes are the work, the section their group.
    HeadingRule("task_group", test=groups_its_tasks),
    HeadingRule("ticket", test=lambda s: ticket_id(s) is not None),
    HeadingRule("numbered_item", test=lambda s: numbered_item_id(s) is not None),
    # "### High Priority Risks" groups risks by their weight: a heading about risks (below), not a priority group;
    # "#### High-Priority Dependencies" ranks what waits on what, no work of its own.
    HeadingRule("prio_group", PRIO_GROUP_RE, unless=_words("risk", "dependenc")),
    # "## Shipped", "## In progress (3)": a board's column; its items have that status.
    # "Backlog" and "To do" name task lists, which have their own reading ("actions").
    HeadingRule(
        "status_group",
        test=lambda s: (
            (s.level > 1 or board_columns(s) or closes_with_state(s)) and status_heading(s.bare_title) is not None
        ),
        unless=re.compile(r"\b(backlog|to-?\s?dos?|tasks?)\b", re.I),
    ),
    # "## Bugs" beside "## In Progress" and "## Done", all over bullets: one more list of the board's cards.
    HeadingRule("board_list", test=lambda s: board_list(s)),
    # "Sprint 1 Backlog Template" over "#### P0" and its "- [ ] **INFRA-001** ...": filled in, the plan's work.
    # "Template Creation", "Write the issue templates": work on templates, not one.
    # "## Issue Templates" over "### Issue #1: Address autocomplete", "### Issue #2: …": templates filled in, issues.
    HeadingRule(
        "template",
        _words("template"),
        test=lambda s: (
            not any(holds_items(x) for x in s.walk())
            and not _fills_in_tickets(s)
            and not one_of_a_series(s)
            and not stated_beside_tickets(s)
            and not _table_of_a_series(s)
        ),
        unless=_TEMPLATE_WORK,
    ),
    # "## <Feature name>": a slot to fill in; "<< I Am Here >>" marks the writer's place, no slot.
    HeadingRule("template", test=lambda s: bool(s.heading and re.search(r"(?<!<)<[^<>]{2,}>(?!>)", s.heading.text))),
    # "### Risk Lead (16 hours)": the person who handles risks, not a list of them.
    HeadingRule(
        "risks",
        _words("risk"),
        unless=re.compile(r"\brisk\s+(?:lead|owner|manager|officer|analyst|champion)s?\b", re.I),
    ),
    # "## Riscos e Mitigações", "## Riesgos": the word in the plan languages, opening the heading.
    HeadingRule(
        "risks", re.compile(r"^\W*(?:\d+[.)]?\s*)?(?:riesgo|risque|risco|rischi|риск|ryzyk|风险|リスク|리스크)", re.I)
    ),
    # "## Potential Challenges" over "1. **Location Accuracy**:" and its "**Mitigation**:": what may go wrong. ("Key
    # Challenges" a migration met, "Technical Challenges & Solutions" solved, are its history.)
    HeadingRule("risks", re.compile(r"\bpotential\s+(?:\w+\s+)?challenges\b", re.I)),
    HeadingRule("milestones", _words("milestone")),
    HeadingRule("waivers", _words("waiver", "exception", "exemption")),
    HeadingRule("not_in_scope", _words(*OUT_OF_SCOPE)),
    # "## 🚧 In Progress & Upcoming Features" names work by its state, not a report of progress; "## Feature: Progress
    # Tracking" names a feature to build, and "### Sprint 6: Reading Progress" the work of a sprint.
    # "### Implement goal setting and progress tracking (ID: x)" over its status, beside steps written alike: work.
    HeadingRule(
        "progress",
        _words("progress", "status update", "snapshot", "changelog"),
        test=lambda s: not one_of_a_series(s),
        unless=re.compile(
            r"\bin progress\b|^\W*(?:feature|epic|story|module)\s*[:—–-]"
            r"|^\W*(?:sprint|iteration|week)\s+\d+\s*[:—–-]",
            re.I,
        ),
    ),
    # "Things to remember (not tasks)", "Reminders", "Important reminders": a checklist a person keeps, not work items.
    # ("Notifications & Reminders" names a feature.)
    HeadingRule(
        "notes",
        re.compile(
            r"\bnot (?:a )?tasks?\b|^\W*(?:[^\W\d_]+\s+)?reminders?\b(?!\s*[&/,])|\bthings to remember\b|"
            # "⚠️ Points d'attention techniques", "Gotchas", "Watch-outs": what to mind while working, not work.
            r"\bpoints? d['’]attention\b|\b(?:attention|watch)[- ]?points?\b|\bpoints? of attention\b|"
            r"^\W*(?:[^\W\d_]+\s+)?(?:gotchas|caveats|pitfalls|watch[- ]?outs)\b",
            re.I,
        ),
        test=lambda s: not one_of_a_series(s),
    ),
    HeadingRule("actions", re.compile(r"\b(actions?|next steps|action items)\b", re.I), unless=_words("github")),
    # "Task" alone names the list; before another word it describes tasks ("Task Packet Shape", "Task Template").
    # "Icebox" is a tracker's backlog of work not yet scheduled.
    HeadingRule(
        "actions",
        re.compile(
            r"^(?:\d+[.)]\s*)?(tasks|task(?!\s+[^\W\d_])|backlog|icebox|work items?|to-?dos?|steps|task list|task breakdown)\b",
            re.I,
        ),
    ),
    # "#### المهام:", "## Aufgaben", "### Tareas": the word for tasks in another language, alone.
    HeadingRule("actions", test=lambda s: s.level > 1 and _names_tasks_alone(s.bare_title)),
    # "#### Now", "#### Next", "#### Later": a roadmap's horizons, each the work to do in it (two such at least).
    HeadingRule("actions", _HORIZON, test=lambda s: _horizons(s) >= 2),
    HeadingRule("order", re.compile(r"\b(execution order|suggested order|order of execution|sequenc(e|ing))\b", re.I)),
    HeadingRule("definition", _words("production definition", "definition of production", "production.ready")),
    HeadingRule("scoring", _words("prioriti[sz]ation method", "scoring", "priority score")),
    HeadingRule("assumptions", _words("assumption", "constraint")),
    HeadingRule("schedule", re.compile(r"week.by.week|\bschedule\b|\btimeline\b|\bcalendar\b|\bby week\b", re.I)),
    HeadingRule("objectives", _words("objective")),
    HeadingRule("heading_item", test=fielded_heading),
    HeadingRule("heading_item", test=sub_heading_item),
    HeadingRule("heading_item", test=commit_typed),
    HeadingRule("heading_item", test=owned_heading),
    HeadingRule("heading_item", test=timed_heading),
    HeadingRule("heading_item", test=stated_beside_tickets),
    HeadingRule("heading_item", test=lambda s: column_card(s)),
)


def tickets_under(sec: Section) -> list[str]:
    """The ids of the sub-headings that are tickets named after this heading's id (``M1`` over ``M1-T1``)."""
    own = ticket_id(sec)
    if own is None or not re.search(r"[A-Za-z]", own):
        return []  # "## 2.3 Tables" over "### 2.3.1": an outline number groups its items (see ``is_group``)
    ids = [ticket_id(c) for c in sec.children]
    # "- **M3-T1: V2EX collector** — ...": entries of its lists that open with such an id count too.
    for blk in sec.blocks:
        if isinstance(blk, ListBlock):
            ids += [m.group(1) for it in blk.items if (m := _BOLD_LEAD_ID.match(it.text.strip()))]
    return [i for i in ids if i and i != own and re.match(rf"{re.escape(own)}[-_.]", i)]


#: An entry opening with a bold id: ``**M3-T1: V2EX collector**``, ``**M3-T1** V2EX``.
_BOLD_LEAD_ID = re.compile(r"^\*\*([A-Za-z][\w.-]*\d[\w.-]*)\b")


def heading_role(sec: Section) -> str:
    """The role of a section's heading: the first row of ``HEADING_RULES`` that matches, else "plain"."""
    if sec.heading is None:
        return "root"
    recipe = RECIPE.get()
    # The title's label is for what stands right under it (and, labelled "item", for the title as one item).
    forced = recipe.section_role(sec.bare_title) if recipe else None
    if forced:
        return forced
    parent = sec.parent
    if recipe and parent is not None and parent.heading is not None:
        if recipe.section_label(parent.bare_title) == "headings":
            # "# Prerequisites" relabelled "headings": "## License Keys" under it is one item, its bullets its own.
            return SECTION_ROLES["item"]
    role = next((rule.role for rule in HEADING_RULES if rule.matches(sec)), "plain")
    guessed = (
        role in ("plain", "notes", "phase", "stream")
        or (role == "heading_item" and not fielded_heading(sec))
        # "### Phase 1: Preparation", made the item PHASE-1 for the phase it names (``phases``): a guess too.
        or (role == "ticket" and is_phase_item_id(ticket_id(sec) or "") and not fielded_heading(sec))
    )
    if (
        guessed
        and recipe
        and sec.parent is not None
        and not sec.parent.is_title
        and chosen_label(sec.parent) == "items"
    ):
        # "### Pre-Removal" under "## Communication Plan", which the person labelled items: its lists are items too.
        # So under "### Reminders", which alone would be guessed a heading of notes, under "### Gmail Integration",
        # guessed one feature of "## Planned Features", and under "### Phase 2 Features", guessed a phase of the
        # plan: the person's word beats a guess.
        return SECTION_ROLES["items"]
    return role


#: The words for tasks a heading may be alone; "Features" there names what a product does (``names_features``).
_TASK_HEADINGS = TASK_LABELS - {"features"}


def _names_tasks_alone(title: str) -> bool:
    """Whether a heading is a word for tasks alone, in a plan language read (``TASK_LABELS``): "المهام:", "Tareas"."""
    return plain(title).strip(" :：").lower() in _TASK_HEADINGS


def names_actions(sec: Section) -> bool:
    """Whether a heading names a list of work ("Action items", "Backlog", "Tasks"), whatever role its place gives it
    (a document's second H1 is a title)."""
    return sec.heading is not None and any(rule.role == "actions" and rule.matches(sec) for rule in HEADING_RULES)


def holds_table(sec: Section) -> bool:
    """Whether a section holds a table of its own (``### 4A — Habits`` under an epic, with its story table): the
    table is read for what it is, not folded into the parent's description."""
    return any(isinstance(blk, Table) for blk in sec.blocks)


#: A named id: letters, a separator, and a number somewhere after it (``P1-T001``, ``T-L1-003``, ``ENG-11A``).
_NAMED_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*[-_][A-Za-z]*\d+[A-Za-z0-9]*$")


#: ``P1``, ``P0-A``, ``W3``: a short id a first column of work may hold.
_SHORT_ROW_ID = re.compile(r"[A-Z]{1,3}\d+(?:-[A-Z0-9]+)?")


def named_id_rows(root: Section) -> int:
    """How many table rows carry a named id in a column headed as ids (risk ids aside)."""
    count = 0
    for sec in root.walk():
        for blk in sec.blocks:
            if not isinstance(blk, Table):
                continue
            cols = [n for n, h in enumerate(blk.headers) if header_field(h) == "id"]
            work = any(header_field(h) in ("owner", "status", "depends_on", "priority") for h in blk.headers)
            if not cols and len(blk.rows) >= 2 and work:
                # "| Sprint | Theme | Owner |" over W-1, W-2...: a first column of distinct named ids in a table of
                # work (an owner, a status, dependencies) is an id column too.
                first = [row.cells[0].strip("*_` ") if row.cells else "" for row in blk.rows]
                if len(set(first)) == len(first) and all(
                    (_NAMED_ID_RE.match(v) or _SHORT_ROW_ID.fullmatch(v)) and not RISK_ID_RE.match(v) for v in first
                ):
                    count += len(first)
                    continue
            for row in blk.rows:
                # The cell's source, not its plain text: an id is one token, emphasis at most (10k rows).
                vals = [row.cells[n].strip("*_` ") for n in cols if n < len(row.cells)]
                count += any(_NAMED_ID_RE.match(v) and not RISK_ID_RE.match(v) for v in vals)
    return count
