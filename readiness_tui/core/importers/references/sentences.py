"""Sentences that say one item waits on another: "T-4 and T-5 depend on T-2", "T-1 must be done before T-4".

The patterns ``references.prose`` reads a plan's sentences with, and the test a list uses to tell an entry that is
only such a sentence from an item that declares itself.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.vocabulary.waits import DEPENDS_VERBS, alternation

#: Words of one clause: no stop, except the dot inside a dotted id (3.12), a numbered group's (6.x, 6.*) or a file's
#: name (api.py).
_CLAUSE = r"(?:[^,;:.!?]|\.(?=\d|[xX*](?![\w.])|[^\W\d_]{2}))*?"
#: A list of ids to the clause's end: a comma goes on only before another id ("3.1, 3.2 and 3.4").
_IDS_ON = r"(?:[^,;:!?]|,\s*(?=(?:and\s+|or\s+)?[\w#-]*\d))*"
#: "X depends on Y" in the other languages read: "X dépend de Y", "X hängt von Y ab", "X 依赖 Y".
FOREIGN_DEPENDS = alternation(DEPENDS_VERBS, r"\s")
DEPENDS_RE = re.compile(
    rf"(?P<x>{_CLAUSE})(?:\s+(?:(?:all|each|both)\s+)?(?:depends?\s+on|(?:is|are)\s+blocked\s+by|requires?|waits?\s+(?:on|for))"
    rf"\s|\s*(?:{FOREIGN_DEPENDS}))\s*(?P<y>{_IDS_ON})",
    re.I,
)
BEFORE_RE = re.compile(
    rf"(?P<y>{_CLAUSE})(?:\s+(?:must|should|has\s+to|have\s+to|needs?\s+to)\s+"
    r"(?:be\s+(?:done|finished|completed|merged|shipped|resolved|deployed|released|in\s+place)|finish|land|complete)"
    # "OTel removal (#311) – prerequisite before sampling (#315)", "T-1 is a prerequisite for T-4".
    r"\s+before|\s*(?:[–—-]\s*|\s(?:is|are)\s+(?:a\s+)?)prerequisites?\s+(?:for|before|to|of))"
    rf"\s+(?P<x>{_IDS_ON})",
    re.I,
)


#: "T009-T014, T016 can run in parallel after T008", "T-5 can start once T-2": the ids first wait on the ids after.
AFTER_RE = re.compile(
    r"(?P<x>[\w#.-]*\d[\w#.-]*(?:\s*(?:,|\band\b|&)\s*[\w#.-]*\d[\w#.-]*)*)"
    # "T109, T110 (optimizations) can run in any order after T107", "T111-T116 (tests) must run after T110".
    r"(?:\s*\([^()]{1,60}\))?"
    r"\s+(?:can|may|will|should|must)\s+(?:all\s+)?(?:run|start|begin|proceed|go)"
    rf"(?:\s+in\s+(?:parallel|any\s+order))?\s+(?:only\s+)?(?:after|once)\s+(?P<y>{_IDS_ON})",
    re.I,
)


#: "T007-T017 must be executed sequentially", "T004, T005, T006 should be sequential", "Steps 1-3 run in order",
#: "T001-T004 are sequential": the ids, in the order named, each wait on the one before. ("T011-T017 mostly
#: sequential" hedges: no order is read from it.)
SEQUENCE_RE = re.compile(
    rf"(?P<x>{_IDS_ON}?)\s+(?:(?:must|should|need\s+to|have\s+to|are\s+to|will)\s+(?:be\s+)?"
    r"(?:(?:executed|done|run|completed|implemented|built|worked\s+on|applied|merged)\s+)?"
    r"(?:sequential(?:ly)?|in\s+(?:sequence|order)|one\s+after\s+(?:the\s+)?(?:another|other))"
    r"|(?:(?:are|is)\s+)?(?:strictly\s+)?(?<!mostly\s)(?<!largely\s)(?<!partly\s)(?<!mainly\s)sequential)\b",
    re.I,
)


def dependency_sentence(text: str) -> bool:
    """Whether a list entry is only a dependency between ids, opening with the ids that wait or come first
    ("TICKET-1 must complete before TICKET-2 (reason)", "T-4 and T-5 depend on T-2"), rather than an item with a
    title that also says what it waits on ("T-3 Build the API, depends on T-1")."""
    text = text.strip()
    for rx, opener, other in ((DEPENDS_RE, "x", "y"), (BEFORE_RE, "y", "x"), (SEQUENCE_RE, "x", None)):
        m = rx.match(text)
        if m is None:
            continue
        # "T004 (proto generation) must complete before …": the bracket says what the ids hold.
        first = parse_refs(re.sub(r"\([^()]*\)", " ", m.group(opener)))
        if first.ids and not first.rest.strip(" ,;/()") and (other is None or parse_refs(m.group(other)).ids):
            return True
    return False
