"""The shapes the importer looks for in headings and list entries, and the walk's context (how an entry names its
id and opening state is ``entries.entry_ids``).

Spec-kit style story groups: a heading that states the priority of the story under it, and lists that
only restate the story tags the tasks carry.

- ``## Phase 3: User Story 1 - Track delivery (Priority: P1)``: the tasks under the heading have priority P1
  unless they say otherwise.
- ``3. US1 (P1) — phase deliverables`` in an order or dependency list, where the tasks carry ``[US1]``: a
  view of the stories, not new items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import PICTOGRAPHS, Section
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.document.steps import STEP_WORDS
from readiness_tui.core.importers.references.ids import NOT_IDS
from readiness_tui.core.importers.references.refs import PHASE_WORDS
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.state_words import PRIORITY_WORDS
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from readiness_tui.core.importers.vocabulary.words import HEADER_WORDS

_ID_ALT = r"(?=[A-Za-z0-9_]*\d)[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w-])|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*#\d+|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+(?:\.\d+)*)+|[A-Za-z]{1,4}\d+(?:\.\d+)+[a-z]?|[A-Za-z]{1,4}\d+(?:\.[A-Za-z]{1,4}\d+)+(?![\w.])|[A-Za-z][A-Za-z0-9]{0,5}\d[A-Za-z]+\.\d+(?:\.\d+)*|[A-Za-z]{1,4}\d+[A-Za-z0-9]*|\d+(?:\.\d+)+[a-z]?|#\d+"


#: ``#### 1A: Add the settings model``, ``#### 1B: …``: a step's number and a letter, then a colon (``### 1A — Seeds``
#: over a table of stories names a part of an epic, as a sub-heading would).
_LETTERED_STEP = r"\d{1,2}[A-Z](?=\s*:)"

#: ``### 1-1. 회원 (Member BC)``: a sprint's number and the step's, joined by a dash and closed by a dot.
_DASHED_STEP = r"\d{1,2}-\d{1,2}(?=\.\s)"

#: Words a heading may name its item's kind with before its id: "### Task 1.1:", "### Module 1.1:".
_KIND_WORDS = "task|ticket|story|item|issue|req|requirement|check|action|step|module|feature|component|görev"

TICKET_RE = re.compile(
    # "Task Q01.1.1 - x", and with a colon after the word: "TASK: Q01.1.1 - x", "GÖREV: Q01.1.1 - x".
    rf"^(?:(?:{_KIND_WORDS})(?:\s*:)?\s+)?(?P<id>{_ID_ALT}|{_LETTERED_STEP}|{_DASHED_STEP})"
    r"(?:\s*(?::|—|–|\||\)|\s-\s)\s*|\.?\s+)(?P<title>\S.*)$",
    re.I,
)


#: A heading that is an id alone, a named one (``### AAA-001``, ``## SEC-12``, ``## Task T-ML-001``): its fields
#: beneath say the rest.
_BARE_ID_RE = re.compile(
    rf"^(?:(?:{_KIND_WORDS})\s+)?(?P<id>(?=[A-Za-z][A-Za-z0-9]*-)(?:{_ID_ALT}))(?P<title>)\s*$", re.I
)


def heading_id_match(head: str) -> re.Match[str] | None:
    """``TICKET_RE`` on a heading's text (marks stripped), or the match of a named id standing alone (its title
    empty)."""
    m = TICKET_RE.match(head)
    if m and re.fullmatch(r"\d+(?:\.\d+)*\.?", m.group("id")):
        # "### 3.1 T2.1.1: Generate seccomp profiles": the document's section number, then the task's own id.
        inner = _NAMED_AFTER_NUMBER.match(m.group("title"))
        if inner and not NOT_IDS.match(inner.group("id")) and TICKET_RE.match(m.group("title")):
            return TICKET_RE.match(m.group("title"))
    return m or _BARE_ID_RE.match(head)


#: A named id (letters, then a digit) and a colon or a dash after it, opening a heading's title: ``T2.1.1: x``.
_NAMED_AFTER_NUMBER = re.compile(r"^(?P<id>[A-Za-z][A-Za-z-]*\d[\w.-]*)\s*[:—–]\s*\S")


STREAM_RE = re.compile(
    r"^(?P<word>stream|workstream|epic|track)\s+(?P<num>\d+|[A-Z])\b\s*(?:\((?P<prio>[^)]*)\))?\s*(?:(?:[:—–-]|\s-\s)\s*(?P<title>.*))?$",
    re.I,
)


PHASE_RE = re.compile(
    # The number: digits (``2``, ``2a``, a sub-phase ``2.1``), one letter (``Phase B``) or a Roman numeral;
    # "Phase Details" is a title. An outline number before the word is the document's (``7.1 Phase 0: Setup``).
    # "Phase 1-4 deliverables" names four phases, not phase 1.
    rf"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<word>{PHASE_WORDS}|wave)\s+(?P<num>\d[A-Za-z0-9]*(?:\.\d+)*|[A-Za-z]|[IVXivx]{{1,4}})\b(?![-–~]\d)\s*(?:\((?P<extra>[^)]*)\))?\s*(?:[:—–-]\s*)?(?P<title>.*)$",
    re.I,
)


#: ``P1 Reliability``, ``P0 - CRITICAL (Must Fix Immediately)``, ``HIGH PRIORITY (Critical Issues)``, ``Priorité
#: haute``: a heading that is a priority, over the items of that priority. A priority word counts only with the word
#: "priority" beside it.
#: Priority words a heading may open with before "priority" in a plan language ("Hög prioritet", "Alta prioridad").
_PRIO_WORDS = "|".join(
    re.escape(w)
    for w in sorted(
        {
            "critical",
            "urgent",
            "highest",
            "top",
            "high",
            "medium",
            "mid",
            "normal",
            "low",
            "lowest",
            "higher",
            "lower",
            *PRIORITY_WORDS,
        },
        key=len,
    )[::-1]
)
#: "Priority", "Priorität", "עדיפות" …: the word a heading ranks the work under it with, before its number.
_PRIORITY_NAMES = "|".join(
    re.escape(w) for w in sorted({"priority", *(h for h in HEADER_WORDS["priority"] if " " not in h)}, key=len)[::-1]
)
PRIO_GROUP_RE = re.compile(
    rf"^(?:(?P<prio>P[0-3])(?![.\d])\b|(?:{_PRIORITY_NAMES})\s+(?P<num>[0-4])(?![.\d])\b|"
    rf"(?P<word>{_PRIO_WORDS})[- ]prio\w*\b|(?:{_PRIORITY_NAMES})\s*[:：]?\s*(?P<after>{_PRIO_WORDS})(?!\w)|"
    r"(?P<bare>critical|blocker|kritiska?|kritisch|cr[ií]tic[oa]|critique|wichtig"
    r"|(?:must|should|could|nice)[- ](?:to[- ])?haves?)(?=\s*(?:[-–—:(]|blockers?\b|$))"
    # "### HIGH (User Experience)" beside "### CRITICAL (Revenue Blocking)": a level alone, glossed in brackets.
    r"|(?P<level>high|medium|low)(?=\s*(?:\([^)]*\)\s*)?$)"
    # "### Important (Should Have)", "### Optional (Nice to Have)": a word the MoSCoW gloss in brackets ranks.
    r"|(?P<glossed>[a-z]+)(?=\s*\((?:must|should|could|nice)[- ](?:to[- ])?haves?\)\s*$))"
    # A mark may close the heading after its gloss as before it: "P0 - Critical (Needed to compete) 🔥".
    r"\s*(?:[-–—:]\s*)?(?P<title>[^(]*?)\s*(?:\((?P<extra>[^)]*)\)(?:\s*[^\w\s()]+)*)?\s*:?\s*$",
    re.I,
)


MILESTONE_RE = re.compile(
    rf"^(?:milestone\s+)?(?P<id>{_ID_ALT})\s*(?:\((?P<when>[^)]*)\))?\s*(?:[:—–|-]\s*)(?P<title>.*)$", re.I
)


ARROW_RE = re.compile(r"\s*(?:→|->|=>|⇒|⟶|➔|➡️?|⟹|[─━]+[▶►>])\s*")


#: ``2.3.1 Backfill``, ``3. Rotate keys``, ``**4** Drill``: a numbered entry. A bare number before a word is a
#: quantity ("5 priority use cases", "2 people on call"), not an id.
NUMBERED_RE = re.compile(
    r"^(?:\*\*(?P<bold>\d+(?:\.\d+)*)\.?\*\*|(?P<id>\d+(?:\.\d+)+|\d+(?=[.):]))[.):]?)\s+(?P<title>\S.*)$"
)


#: ``### 1. Cycle task states``: a heading numbered by a single number (see ``headings.numbered_item_id``).
NUMBERED_HEADING_RE = re.compile(r"^(?P<num>\d{1,3})[.)]\s+(?P<title>\S.*)$")
#: ``### Step 3 — Add the helper``, ``### Schritt 3: x``: a step heading named by its word and number.
_STEP_HEADING_RE = re.compile(
    rf"^(?:{STEP_WORDS})\s*(?P<num>\d{{1,3}})"
    r"\s*(?:[:—–.)]|\s-\s)\s*(?P<title>\S.*)$",
    re.I,
)


def numbered_heading(title: str) -> re.Match[str] | None:
    """The number and title of a heading numbered as a step of a list: ``1. x``, ``Step 1 — x``."""
    return NUMBERED_HEADING_RE.match(title) or _STEP_HEADING_RE.match(title)


_BARE_NUMBER_RE = re.compile(r"^(?P<id>\d+)\s+(?P<title>\S.*)$")


def numbered(text: str, *, bare: bool = False) -> tuple[str, str] | None:
    """(number, title) of a numbered entry (see ``NUMBERED_RE``), or None. ``bare`` also takes ``3 Retire x``:
    for an entry whose siblings are numbered, where a bare number continues their numbering."""
    m = NUMBERED_RE.match(text) or (_BARE_NUMBER_RE.match(text) if bare else None)
    return (m.groupdict().get("bold") or m.group("id"), m.group("title")) if m else None


#: A list entry named by a step's word and number: ``Step 4: Basic algorithms``, ``**Βήμα 111:** Σύστημα εγγραφής``.
_STEP_ENTRY_RE = re.compile(
    rf"^(?P<bold>\*\*)?(?:{STEP_WORDS})\s+(?P<num>\d{{1,3}})\s*(?:[:.)—–]|\s-)\s*(?(bold)\*\*)\s*(?P<title>\S.*)$", re.I
)


def numbered_step(text: str) -> tuple[str, str] | None:
    """(number, title) of an entry opening with a step's word and number (``Step 4: x``), or None."""
    m = _STEP_ENTRY_RE.match(text.strip())
    return (m.group("num"), m.group("title")) if m else None


#: The second form takes ``T001 Create x`` too (spec-kit task lists): a short capital prefix and a number of three or
#: four digits reads as an id, where ``S3 bucket`` (one digit) does not.
LEADING_ID_RE = re.compile(
    rf"^\**`?(?P<id>{_ID_ALT})`?\**\s*(?:\((?P<paren>[^)]*)\)\s*)?(?::|—|–|\||\s-\s|\.\s)\s*(?P<title>.*)$"
    # "[0.1] - Basic player": an id in brackets, closed ("[1.5 horas] Deploy" is how long it takes, no id).
    r"|^\**`?(?P<open>\[)?(?P<id2>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|\d+(?:\.\d+)+|#\d+|[A-Z]{1,3}\d{3,4})(?(open)\])`?\**"
    r"(?:\s*(?::|—|–|\s-)\s+|\s+)"
    r"(?P<title2>(?:\[[^\]]*\]\s*)?(?:[^\W\d_]|[`*\[(]).*)$"
)


def leading_id(text: str) -> tuple[str, str, str | None] | None:
    """(id, rest, parenthetical) of an entry that starts with an id: ``T-1: x``, ``**T-1** — x``, ``T-1 x``."""
    m = LEADING_ID_RE.match(text)
    if not m:
        return None
    found = (
        (m.group("id"), m.group("title"), m.group("paren"))
        if m.group("id")
        else (m.group("id2"), m.group("title2"), None)
    )
    if not any(c.isdigit() for c in found[0]) or NOT_IDS.match(found[0]):
        return None
    return found


_INLINE_KEYS = (
    r"depends on|depends|deps|dependencies|dependency|blocked by|requires|prereqs?|after|owners?|assignee|assigned to|"
    r"due|target|eta|deadline|est|estimate|effort|priority|prio|status|state|verify|check|evidence|risks?|mitigates"
)


#: ``Owner: @ana``, ``depends=T-1``: a known key and its colon inside an entry's text.
INLINE_RE = re.compile(rf"(?:^|(?<=[\s(\[;,|—–-]))(?P<key>{_INLINE_KEYS})\s*(?P<colon>[:=])\s*", re.I)


#: ``depends on T-1``, ``blocked by T-2``: dependency words that need no colon.
INLINE_NOCOLON_RE = re.compile(r"(?:^|(?<=[\s(\[;,|—–-]))(?P<key>depends on|blocked by)\s+(?P<colon>)", re.I)

#: "— after DC-2", "; needs OPS-2", "requires T-4" without a colon: a dependency only at the start of the text or
#: after a separator, and only when ids follow ("run the smoke test after deploy" names none).
INLINE_PROSE_DEP_RE = re.compile(
    r"(?:^|(?<=[(\[;,|—–]\s)|(?<=[(\[;,|—–]))(?P<key>after|needs|requires|waits on|waiting on|waits for)\s+(?P<colon>)",
    re.I,
)

#: ``[done]``, ``[in progress]``: a status written in brackets inside an entry.
BRACKET_STATUS_RE = re.compile(r"\s*\[(?P<word>[A-Za-z][A-Za-z' -]{1,20})\](?!\()")


#: After "@", no mail domain: "Google Workspace (@carrilloabgd.com)" names where the accounts live, not who does it.
NOT_A_DOMAIN = r"(?![\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|co|ai|app|edu|gov|[a-z]{2})\b)"
#: ``@ana``: a person named in an entry (not an e-mail address).
MENTION_RE = re.compile(rf"(?<![\w.])@{NOT_A_DOMAIN}([A-Za-z0-9][\w.-]*)")


#: ``[P0]``, ``(P1)``: a priority tag inside a title.
PRIO_TAG_RE = re.compile(r"[\[(]\s*(P[0-3])\s*[\])]")


#: Status marks a heading or entry may start with (read by ``vocabulary.statuses.parse_status``).
STATUS_MARKS = (
    "✅",
    "✔️",
    "✔",
    "✓",
    "☑️",
    "☑",
    "⏳",
    "🚧",
    "🔄",
    "⛔",
    "🚫",
    "❌",
    "🛑",
    "👀",
    "⬜",
    "☐",
    "□",
    "▢",
    "🔲",
    "🟢",
    "🟡",
    "🔴",
    "🟠",
    "⚪",
    "🗑",
)


#: ``[P0]``, ``(P1)``, ``P2:``, ``P0 - x``; not ``P0-2``, an id.
_HEAD_PRIO = re.compile(r"^(?:\[(P[0-3])\]|\((P[0-3])\)|(P[0-3])\s*(?:[:—–|]|-(?!\w)))\s*", re.I)


#: Emoji that only decorate a heading's or an entry's words (``🌟 Feature 1: Star Rewards``, ``💰 **Budget**``), a
#: space after them.
LEAD_DECORATION = re.compile(rf"^(?:[{PICTOGRAPHS}][\ufe0f\u200d]*)+\s+")


def strip_heading_marks(title: str) -> tuple[str, dict[str, str]]:
    """``[P0] ✅ T-1: x`` -> (``T-1: x``, {priority: P0, status: done}): marks before a ticket id, and the emoji that
    only decorate it."""
    found: dict[str, str] = {}
    for _ in range(3):
        m = _HEAD_PRIO.match(title)
        if m:
            found["priority"] = (m.group(1) or m.group(2) or m.group(3)).upper()
            title = title[m.end() :]
            continue
        mark = next((mk for mk in STATUS_MARKS if title.startswith(mk)), None)
        if mark:
            st = parse_status(mark)
            if st:
                found["status"] = st
            title = title[len(mark) :].lstrip()
            continue
        if deco := LEAD_DECORATION.match(title):
            title = title[deco.end() :]
            continue
        break
    return title, found


@dataclass(frozen=True)
class Ctx:
    """What the enclosing headings give the items under them."""

    priority: str | None = None
    phase: str | None = None
    parent: str | None = None
    #: The phase a priority group heading ("## P0 tickets") makes; tables and tickets take it first.
    group_phase: str | None = None
    #: The plan's legend of priority marks (mark, priority), read at the top (``heading_priority``).
    marks: tuple[tuple[str, str], ...] = ()

    def item_fields(self, *, group_phase: bool = False, parent: bool = True) -> dict[str, str]:
        """The fields an item under these headings starts with (those that are set)."""
        given = {
            "phase": (self.group_phase or self.phase) if group_phase else self.phase,
            "priority": self.priority,
            "parent": self.parent if parent else None,
        }
        return {k: v for k, v in given.items() if v}


#: The walk over a section and its subsections (``sections.walk.walk``), handed to the handlers that recurse.
Walk = Callable[[Builder, Section, Ctx], None]


# ---------------------------------------------------------------------- headings
def title_has(sec: Section, *words: str) -> bool:
    """Whether the section's title has a word starting with one of ``words``."""
    t = sec.title.lower()
    return any(re.search(rf"\b{w}", t) for w in words)


#: A rule table row: the name a text gets when the pattern matches it (``re.match`` at its start, or
#: ``re.search`` where the pattern says so with a leading ``.*``).
Rule = tuple[str, "re.Pattern[str]"]


def rule_for(rules: tuple[Rule, ...], text: str) -> str | None:
    """The name of the first rule whose pattern matches the start of ``text``, or None."""
    return next((name for name, pattern in rules if pattern.match(text)), None)


#: ``[US1]`` on an entry's line: the story (or other group) the entry belongs to.
_TAG = re.compile(r"\[([A-Z]{1,4}\d{1,3})\]")


#: A list entry's line: ``- [ ] T019 [P] [US1] …``, ``3. …``.
_ENTRY_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def group_tags(lines: list[str], skip: range) -> set[str]:
    """The tags (``[US1]``) entries carry on lines outside ``skip`` (0-based line indexes); a drawing's boxes
    (``[T256] Provision ─► [T257]``) are no entries."""
    return {t for n, ln in enumerate(lines) if n not in skip and _ENTRY_LINE.match(ln) for t in _TAG.findall(ln)}


#: The fields a nested line under an entry states for it as an item (not its notes or files).
_ITEM_FIELDS = frozenset({"depends_on", "owner", "status", "priority", "blocks"})


def item_field(text: str) -> bool:
    """Whether a line is one of an item's fields: ``Depends on: Steps 1, 2``, ``**Owner:** Ana``, ``Estado: hecho``."""
    kv = split_keyval(text)
    return kv is not None and header_field(kv[0]) in _ITEM_FIELDS
