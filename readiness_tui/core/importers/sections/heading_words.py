"""What a heading's words say the section under it holds: records of the plan's context or its decisions, an
introduction to the plan, one unit of a schedule, deliverables, dependencies, a checklist, features or work."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Section, plain

#: A heading over records of the plan's context, not its work: the constraints, the options weighed, the outside
#: dependencies, the files touched, the tests ("1. Requirements & Constraints", "3. Alternatives", "5. Files",
#: "6. Testing", the sections of a common implementation-plan template beside its "Implementation Steps"), the
#: documents it cites ("References", "Resources", "Glossary"), the decisions taken ("Key decisions", "決定事項").
#: "Requirements" alone is not one: a PRD's requirements (FR-01) are the work it plans.
_CONTEXT_RE = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:requirements?\s*(?:&|and)\s*constraints?|constraints?|alternatives?(?:\s+considered)?|"
    r"references?|resources|glossary|escalation(?:\s+(?:path|matrix|policy|levels?))?|(?:emergency\s+)?contacts?|"
    r"support(?:\s+channels?)?|"
    r"(?:external\s+)?dependencies|files?(?:\s+(?:changed|affected|touched))?|testing|tests|"
    r"related\s+specifications?\b.*)$",
    re.I,
)
#: The decisions taken, with their reasons: "Key decisions", "Key Rust Decisions", "Decisiones justificadas
#: (extracto)", "ADRs", "七、技术决策记录" (a CJK word may close a compound: "technical decision records").
_DECISIONS_RE = re.compile(
    r"^(?:(?:\d+|[一二三四五六七八九十]+)[.)、．]?\s*)?(?:(?:key|design|architectur\w*|technical|tech)\s+(?:\w+\s+)?)?"
    r"(?:decisions?|decisiones|décisions?|decisões|entscheidungen|adrs?)\b|"
    # "Open Questions & Decisions Log", "Decision register": a log of what was asked and settled.
    r"^(?:open\s+)?questions?\s*(?:&|and|/)\s*decisions?\b|^decisions?\s+(?:log|register)\b|"
    r"^(?:[一二三四五六七八九十]+[、.．]\s*)?[^\s、.．]{0,6}?(?:決定事項|决定事项|决策|결정\s?사항)",
    re.I,
)


def _heading_above(sec: Section, *patterns: re.Pattern[str]) -> Section | None:
    """The section (``sec`` or one above it, the title aside) whose heading one of ``patterns`` matches."""
    for s in [sec, *sec.ancestors()]:
        if s.heading is not None and s.level > 1 and any(rx.match(s.bare_title.strip()) for rx in patterns):
            return s
    return None


def context_heading(sec: Section) -> Section | None:
    """The section (``sec`` or one above it, the title aside) whose heading names records of the plan's context."""
    return _heading_above(sec, _CONTEXT_RE, _DECISIONS_RE)


def decisions_heading(sec: Section) -> Section | None:
    """The section (``sec`` or one above it, the title aside) whose heading names the decisions taken: the headings
    under it with ids (``### DDR-001: Config watcher``, ``### ADR-3``) record decisions, they are not work."""
    return _heading_above(sec, _DECISIONS_RE)


#: A heading over numbered headings that are items names work: "Next features", "Planned work", "Fixes".
_NAMES_WORK = re.compile(
    r"\b(features?|tasks?|steps?|roadmap|next|planned|upcoming|to-?dos?|backlog|work|deliverables?|fixes|"
    r"improvements?|actions?|changes|recommendations?|items?|priorit(?:y|ies)|order|implementation|rollout|plan)\b",
    re.I,
)


#: The words of a section that introduces a plan ("Background", "Goals", "优化目标"): English, then the scripts
#: written without spaces, where the word closes a compound.
_INTRO_WORDS = r"background|overview|context|summary|goals?|objectives?|introduction|motivation|problem|scope|purpose"
_INTRO_CJK = r"背景|概要|概述|目标|目標|目的|简介|배경|목표|개요"

#: Headings about the plan rather than its work, in the plan languages read.
_ABOUT_THE_PLAN = re.compile(
    rf"\b(?:{_INTRO_WORDS}|current\s+state|as-is|status\s+quo|ist-zustand|rollback|references?|"
    r"links?|resources|sources|questions?|decisions?|glossary|notes?|metrics|kpis?|contacts?|team|roles|owners|"
    r"ownership|evidence|dependencies\s*$|contributing|how\s+to\s+contribute|how\s+to\s+(?:use|read|update)\b|"
    # "Updating This File", "Sprint Cadence Suggestions": how the plan is kept and the team meets, not its work.
    r"(?:updating|maintaining|editing)\s+this\b|cadence|"
    r"tech(?:nology|nical)?\s+stack|"
    r"(?:key|core|main|tools\s+and)\s+technologies|"
    r"stakeholders|requirements|prerequisites|success|outcomes?|results?|lessons|retro(?:spective)?|"
    # "Manual Dependency Analysis Guide", "Quick Start Selection Guide": how to do the work, not more of it.
    r"guide\s*$|"
    # "## Deadlines" over "- 2025-03-26: pipeline ready": when the plan is due, not more of its work.
    r"deadlines|key\s+dates|important\s+dates|fristen|fechas\s+l[ií]mite|[ée]ch[ée]ances|prazos|scadenze|"
    r"kontext|hintergrund|ziele?|zusammenfassung|contexte|objectifs?|résumé|contexto|objetivos?|resumen|resumo|"
    rf"contesto|obiettivi)\b|{_INTRO_CJK}",
    re.I,
)


def about_the_plan(title: str) -> bool:
    """Whether a heading (or a lead-in label) names something about the plan rather than its work: context, goals,
    scope, rollback, references."""
    text = plain(title)
    return any(not FEATURE_NOUN.match(text, m.end()) for m in _ABOUT_THE_PLAN.finditer(text))


#: A noun after such a word that makes the heading a part of the product: "Evidence Management", "Team Dashboard".
FEATURE_NOUN = re.compile(
    r"\s+(?:management|system|module|integration|tracking|tracker|dashboard|editor|service|screen|page|portal|"
    r"sync|support|feature|features|app|ui|api)\b",
    re.I,
)


#: A numbered section that only introduces the plan: "1.1 Background", "2. Goals", "1.2 优化目标" (goals); or one
#: that says what the work needs or risks, or when a phase is done: "1.3 Key Dependencies", "1.4 Risk Mitigation",
#: "2.5 Completion Criteria".
_PLAN_SECTION = re.compile(
    r"^\d+(?:\.\d+)*\.?\s+(?:(?:project|problem|strategic|key|main|business)\s+)?"
    rf"(?:{_INTRO_WORDS}|dependencies|risks?(?:\s+(?:mitigation|management|assessment))?|"
    r"(?:completion|success|exit|acceptance)\s+criteria)(?:\s+statement)?\s*$"
    rf"|^\d+(?:\.\d+)*\.?\s+\S*(?:{_INTRO_CJK})\s*$",
    re.I,
)


def introduces_the_plan(title: str) -> bool:
    """Whether a numbered heading is one of the sections that introduce a plan (see ``_PLAN_SECTION``)."""
    return bool(_PLAN_SECTION.match(plain(title).strip()))


#: A heading naming one unit of a schedule: "Day 1: Core models", "Week 1-2: Foundation", "Sprint 4".
_SCHEDULE_UNIT = re.compile(r"^(?:day|week|sprint|iteration)s?\s+\d+\b", re.I)


#: "Deliverables" in the plan languages read, as word stems: "Entregables Día 1", "Livrables", "Lieferergebnisse".
_DELIVERABLES = ("deliverable", "entregable", "entregáve", "entregave", "livrable", "lieferergebnis", "consegn")


def names_deliverables(text: str) -> bool:
    """Whether a label or heading names what work leaves behind, its deliverables, in a plan language read."""
    low = text.lower()
    return any(stem in low for stem in _DELIVERABLES)


#: The word of a heading about what the work waits on: "Phase Dependencies", "High-Priority Dependencies".
_DEPENDENCIES = re.compile(r"\bdependenc(?:y|ies)\b", re.I)


def names_dependencies(title: str) -> bool:
    """Whether a heading's words speak of dependencies (what the work waits on)."""
    return _DEPENDENCIES.search(title) is not None


def schedule_unit(title: str) -> bool:
    """Whether a heading names one unit of a schedule (a day, a week, a sprint): what is listed under it is done then."""
    return bool(_SCHEDULE_UNIT.match(plain(title)))


_CHECKLIST = re.compile(r"\bcheck[\s-]?list[es]*\b", re.I)


def names_a_checklist(title: str) -> bool:
    """Whether a heading names a checklist ("## Checklist", "Upgrade checklist"): the boxes under it are the work,
    and its plain bullets are boxes drawn without them."""
    return bool(_CHECKLIST.search(title))


#: A heading over the features to build, one per sub-heading or entry: "Planned Features", "Proposed features".
_FEATURES = re.compile(r"^(?:\d+[.)]\s*)?(?:(?:planned|proposed|upcoming|future|new|candidate)\s+)?features?\s*$", re.I)


def names_features(title: str) -> bool:
    """Whether a heading names the features to build ("Features", "Planned Features"), each one item."""
    return bool(_FEATURES.match(plain(title).strip()))


def names_work(title: str) -> bool:
    """Whether a heading names work to be done ("Next features", "Implementation order", "Fixes")."""
    return bool(_NAMES_WORK.search(title))
