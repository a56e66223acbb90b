"""What a heading or a lead-in line says the list under it holds: conditions to meet ("Acceptance criteria:"),
the work ("Key deliverables:"), or records of the plan's context ("3. Alternatives", "5. Files")."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Section
from readiness_tui.core.importers.vocabulary.words import CRITERIA_STEMS, WORK_LABELS

#: Headings and lead-in lines of checklists that are conditions, not tasks ("Acceptance criteria:", "Exit criteria
#: for Phase 3", "Definition of Done", "Success criteria", "Gate").
_CRITERIA_RE = re.compile(
    r"\b(?:acceptance|exit|success|entry|done|completion|release|launch)\s+criteria\b|\bcriteria\b|^acceptance\b|"
    r"\bdefinition of (?:done|ready)\b|\b(?:done|complete|completed|finished)\s+when\b|\bgate\b|\bchecks? before\b|\bsign-?off\b|"
    r"\b(?:sprint|release|launch|phase)(?:\s+\d+)? goals?\b|\breview checklist\b|\bchecklist for review\b|"
    r"\bmetrics\b|"
    # What the work should leave behind, not more work: "Expected outputs:", "Output attesi", "Résultats attendus".
    r"\bexpected (?:outcomes?|outputs?|results?)\b|\b(?:output|risultati|risultato) attes[io]\b|"
    r"\brésultats? attendus?\b|\bresultados? esperados?\b|\berwartete[sn]? (?:ergebnis|resultat)|"
    r"ожидаемы[ейх] результат",
    re.I,
)


def is_criteria(text: str) -> bool:
    """Whether a heading or lead-in line introduces conditions rather than tasks."""
    return bool(_CRITERIA_RE.search(text)) or any(stem in text.lower() for stem in CRITERIA_STEMS)


def is_work_label(label: str) -> bool:
    """Whether a lead-in label names the work of the list after it: "Tasks", "Livrables", "Key deliverables"."""
    bare = " ".join(re.sub(r"\s*\([^)]*\)", "", label).lower().split())
    words = bare.split()
    return bare in WORK_LABELS or (
        len(words) <= 4 and any(bare.startswith(w + " ") or bare.endswith(" " + w) for w in WORK_LABELS)
    )


#: A heading over records of the plan's context, not its work: the constraints, the options weighed, the outside
#: dependencies, the files touched, the tests ("1. Requirements & Constraints", "3. Alternatives", "5. Files",
#: "6. Testing", the sections of a common implementation-plan template beside its "Implementation Steps"), the
#: decisions taken ("Key decisions").
#: "Requirements" alone is not one: a PRD's requirements (FR-01) are the work it plans.
_CONTEXT_RE = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:requirements?\s*(?:&|and)\s*constraints?|constraints?|alternatives?(?:\s+considered)?|"
    r"(?:external\s+)?dependencies|files?(?:\s+(?:changed|affected|touched))?|testing|tests|"
    r"related\s+specifications?\b.*|"
    # The decisions taken, with their reasons: "Key decisions", "Decisiones justificadas (extracto)".
    r"(?:key\s+|design\s+|architectur\w*\s+)?(?:decisions?|decisiones|décisions?|decisões|entscheidungen)\b.*)$",
    re.I,
)


def context_heading(sec: Section) -> Section | None:
    """The section (``sec`` or one above it, the title aside) whose heading names records of the plan's context."""
    for s in [sec, *sec.ancestors()]:
        if s.heading is not None and s.level > 1 and _CONTEXT_RE.match(s.bare_title.strip()):
            return s
    return None
