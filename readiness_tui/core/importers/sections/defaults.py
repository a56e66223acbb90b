"""What a heading says of the items under it: their owner, priority or target.

A heading naming who does the work (``(owner: X)``, ``Engineer 1 — …``, ``DE 담당: …``, ``Owner: Platform team —
…``), and a paragraph right under it of nothing but labelled lines (``**Owner:** X``, ``Priority: P1``, ``Due:
2026-W12``), give every item of the section the field where the item states none (``Builder.defaults``).
Dependencies a group states are read once every item is known (``references.group_fields``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET
from readiness_tui.core.importers.document.blocks import Other, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.sections.heading_numbers import document_fact
from readiness_tui.core.importers.sections.people_lists import team_member
from readiness_tui.core.importers.vocabulary.dates import parse_target
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.owners import names_a_person, names_a_role
from readiness_tui.core.importers.vocabulary.priorities import parse_priority

_SECTION_DEFAULT_KEYS = {
    "owner": "owner",
    "owners": "owner",
    "lead": "owner",
    "assignee": "owner",
    "dri": "owner",
    "priority": "priority",
    "due": "target",
    "target": "target",
    "deadline": "target",
}


def _default_field(key: str) -> str | None:
    """The item field a section's labelled line gives its items ("Owner", "Prioridad"), or None."""
    fld = _SECTION_DEFAULT_KEYS.get(key.lower()) or header_field(key)
    return fld if fld in ("owner", "priority", "target") else None


#: "Engineer 1 — Graph + Agents", "Developer B: frontend", "Content Engineer 1: Testing", "Member 2: Dataset Owner", "Team Member 1 Tasks", "Developer B's tasks": a heading
#: naming who does the work beneath it.
_WORKER_HEADING = re.compile(
    # ("Content Engineer 1: Coding Standards": a role's words before it.)
    r"^(?P<who>(?:[^\W\d_][\w/+.&-]*\s+){0,2}?(?:engineer|developer|dev|designer|analyst|team member|member|person|mitglied|miembro|membro|membre)\s+(?:\d{1,2}|[A-Z]))"
    r"\s*(?:[—–:]|\s-\s|$|(?:['’]s)?\s*(?:tasks|work|to-?dos?|backlog|assignments)\s*(?:\([^()]*\))?\s*$)",
    re.I,
)


#: "Flutter Developer - Week 1", "QA Engineer: Sprint 2": a role and the span of the schedule it works in.
_ROLE_SCHEDULE = re.compile(
    r"^(?P<who>(?:[^\W\d_][\w/+.&-]*\s+){0,2}(?:developer|engineer|designer|analyst|tester|manager|lead))"
    r"\s*(?:[—–:]|\s-\s)\s*(?:week|sprint|day|iteration)\s*\d",
    re.I,
)


#: A heading that opens by saying who does what is under it: "DE 담당: 전처리 모듈" (DE in charge), "担当: 田中 — …",
#: "负责人：张三", "Owner: Platform team — Ingest".
_OWNER_HEADING = re.compile(
    r"^(?:(?P<who>[^\W\d_][\w+&/ .-]{0,24}?)\s*(?:담당|担当)\s*[:：]"
    r"|(?:owner|lead|dri|담당자?|担当者?|负责人)\s*[:：]\s*(?P<who2>[^—–:：(]{1,30}?)\s*(?:[—–:：(]|\s-\s|$))",
    re.I,
)


#: Who owns a heading's work, said in its brackets: "(operator-owned, no AI execution)", "(owned by SRE)".
_OWNED_GLOSS = re.compile(
    r"\((?:[^()]*?[,;]\s*)?(?:(?!(?:self|co)-)(?P<who>[^\W\d_][\w ]{0,20}?)-owned|owned by (?P<by>[^\W\d_][\w .-]{0,24}?))\s*(?:[,;)])",
    re.I,
)


#: A heading over one heading per person or role, each over what that one does.
_RESPONSIBILITIES = re.compile(
    r"\bresponsibilit(?:y|ies)\b|\broles\b|\bwho does what\b|\bresponsabilit|\bverantwortlich|\bzuständig|责任|职责|担当",
    re.I,
)


#: The bar between fields written on one line.
_BAR = re.compile(r"\s+\|\s+")
#: A line set in italics as a whole: ``*Priority: High | Effort: Medium*``, ``_Owner: Ana_``.
_ITALIC_LINE = re.compile(r"^(?:\*(?!\*)|_(?!_))(.+?)(?:(?<!\*)\*|(?<!_)_)$")


def _glossed(sec: Section) -> tuple[str, str, str]:
    """A heading's title past its marks, its words before the bracket closing it, and the bracket's words
    (``### 🏗️ Infraestructura (Dev 1)`` -> "Infraestructura (Dev 1)", "Infraestructura", "Dev 1"; "" for none)."""
    title = re.sub(r"^[^\w@]+", "", plain(sec.bare_title)).strip()
    m = CLOSING_BRACKET.search(title)
    return (title, title[: m.start()].strip(), m.group(1).strip()) if m else (title, title, "")


def _closing_role(sec: Section) -> tuple[str, str]:
    """The words of a heading's title and the role it closes with in brackets (``### 🏗️ Infraestructura (Dev 1)`` ->
    "Infraestructura", "Dev 1"); the title and "" when it closes with none."""
    title, words, gloss = _glossed(sec)
    return (words, gloss) if gloss and names_a_role(gloss) else (title, "")


def _roles_beside(up: Section) -> bool:
    """Whether two headings or more right under ``up`` close with a role (``_closing_role``), and they name roles doing
    parts of the work, not a person's role beside each person's name (``### Alice (backend)``, ``### Bob (SRE)``)."""
    roled = [(words, who) for words, who in map(_closing_role, up.children) if who]
    numbered = any(re.search(r"\d", who) for _, who in roled)  # "Dev 1", "Dev 2": people, by number
    return len(roled) >= 2 and (numbered or not all(names_a_person(words) for words, _ in roled))


def _role_name(sec: Section) -> str:
    """The heading's words when they can name a person or a role (four words at most, no sentence), else ""."""
    name = plain(sec.bare_title).strip(" :")
    return name if 0 < len(name.split()) <= 4 and not re.search(r"[.!?]$|\d", name) else ""


def section_defaults(b: Builder, sec: Section) -> None:
    """``Owner: X`` / ``Priority: P1`` lines right under a heading apply to the items of the section: a paragraph of
    nothing but such labelled lines (``**Goal:** ...`` beside them is the group's text; dependencies a group states
    are read once every item is known, ``references.group_fields``)."""
    found: dict[str, Any] = {}
    hm = re.search(r"\((owner|lead|dri)\s*:\s*([^)]+)\)", sec.title, re.I)
    if hm:
        found["owner"] = hm.group(2).strip()
    elif gloss := _OWNED_GLOSS.search(plain(sec.title)):
        # "## Pre-flight (operator-owned, no AI execution)", "### Cutover (owned by SRE)": who owns the work under it.
        found["owner"] = (gloss.group("who") or gloss.group("by")).strip()
    elif who := _WORKER_HEADING.match(plain(sec.title)) or _ROLE_SCHEDULE.match(plain(sec.bare_title)):
        found["owner"] = who.group("who")
    elif said := _OWNER_HEADING.match(plain(sec.title)):
        found["owner"] = (said.group("who") or said.group("who2")).strip()
    elif team_member(sec, person := _glossed(sec)[1]):
        # "### 신지용 (PM)" where the team table lists 신지용: the person, and their role beside the name.
        found["owner"] = person
    elif (role := _closing_role(sec)[1]) and (up := sec.parent) is not None:
        # "### 🏗️ Infraestructura (Dev 1)" beside "### 🔐 Identity Service (Dev 2)": who does each part's work. Beside
        # "### Bob (SRE)", "### Alice (backend)" names a person and her role. Asked once for the heading above.
        if document_fact(up, "roles closing its headings", lambda: _roles_beside(up)):
            found["owner"] = role
    elif sec.parent is not None and _RESPONSIBILITIES.search(plain(sec.parent.title)) and _role_name(sec):
        # "## Team Responsibilities" > "### Designer" over its boxes: the heading names who does them.
        found["owner"] = _role_name(sec)
    labelled = []
    for blk in sec.blocks:
        # "> **Priority**: 🔴 Critical": a callout quoting the lines says the same.
        if not isinstance(blk, Paragraph) and not (isinstance(blk, Other) and blk.kind == "blockquote"):
            continue
        # "**Target:** Q4 | **Priority:** HIGH": fields set apart by bars on one line, as on lines of their own.
        # "*Priority: High | Effort: Medium*": the line set in italics as a whole says the same.
        lines = [_ITALIC_LINE.sub(r"\1", ln.strip()) for ln in blk.text.split("\n")]
        split = [split_keyval(part) for ln in lines for part in _BAR.split(ln)]
        pairs = [(p, fld) for p in split if p is not None and (fld := _default_field(p[0]))]
        if pairs and not any(p is None for p in split):  # only a paragraph of nothing but labelled lines
            labelled.append((blk, split, pairs))
    stated = Counter(fld for _, _, pairs in labelled for fld in {fld for _, fld in pairs})
    for blk, split, pairs in labelled:
        if any(stated[fld] > 1 for _, fld in pairs):
            continue  # "Priority: Medium" after each story of the section: each story's, not the section's
        for (_key, value), fld in pairs:
            if fld == "priority":
                # "⭐⭐⭐ Alta (User Story P2, ...)": the aside in brackets is no priority of the group.
                pr, _ = parse_priority(re.sub(r"\s*\([^()]*\)", "", plain(value)))
                if pr:
                    found["priority"] = pr
            elif fld == "target":
                tgt, _ = parse_target(value)
                if tgt:
                    found["target"] = tgt
            else:
                found["owner"] = plain(value)
        if len(pairs) == len(split):
            b.consume(blk, None)  # with other lines (a goal) the paragraph is kept as the section's text
    if found:
        b.defaults.append((sec.line, sec.end, found))
        b.used(sec.line, f"section {sec.title!r}: {', '.join(f'{k} {v!r}' for k, v in found.items())} for its items")
