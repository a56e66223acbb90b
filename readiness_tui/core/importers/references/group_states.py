"""States a plan gives its groups on a line of their own, in a status box or a summary list:

    > - **FASE C (Git multi-repo + CI/CD): FATTA.** 3 repo su GitLab ...
    > - **FASE D (ingestion & primo run): da fare** al gate ...

A line that opens by naming a group whose heading holds items (``FASE C`` for ``### FASE C — Git multi-repo``), maybe
with an aside in brackets, then a colon and a state (``FATTA``, ``da fare``, ``in progress``) gives that state to
every item under the heading whose own state the plan does not give. A state word alone, or followed by a note
("FATTA in DEV"), counts; a line going on with a condition ("Done when the tests pass") is a definition, not a state,
and a line whose words after the colon open with anything else ("`plan` FATTO") says none. Each line applied is one
report line naming the items it reached.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, plain
from readiness_tui.core.importers.references.group_members import group_heading, group_items
from readiness_tui.core.importers.references.refs import GROUP_NOUN
from readiness_tui.core.importers.vocabulary.statuses import leading_state

#: A line opening with a group's name, an aside maybe, then a colon: ``- **FASE C (Git + CI/CD): FATTA.**``.
_STATED = re.compile(
    rf"^[\s>*_\-+]*(?P<group>{GROUP_NOUN}\s+[A-Za-z0-9][\w.]*)\s*(?:\([^()]*\)|（[^（）]*）)?\s*\**\s*[:：]\s*\**"
    r"(?P<rest>\S.*)$",
    re.I,
)


def read_group_states(b: Builder, root: Section) -> None:
    """Give the items under each group a line names the state the line states (see the module doc)."""
    for number, line in enumerate(b.lines, start=1):
        m = _STATED.match(line)
        if not m or line.lstrip().startswith(("#", "|")):
            continue
        state = leading_state(plain(m.group("rest")))
        heading = group_heading(root, m.group("group")) if state else None
        if state is None or heading is None or heading.line <= number <= heading.end:
            continue  # a group's own lines state its fields (``group_fields``), not a summary of it
        if _names_it(plain(m.group("rest")), heading):
            continue  # "Phase 6: Testing & Verification" drawn in the plan's outline: its title, no state
        reached = [i for i in group_items(b, root, m.group("group"), "") if i not in b.status_stated]
        for rid in reached:
            b.items[rid].values["status"] = state
            b.status_stated.add(rid)
        if reached:
            b.used(number, f"{m.group('group')!r} stated {state}: given to its items {', '.join(reached)}")


def _names_it(rest: str, heading: Section) -> bool:
    """Whether the words after a group's name are its heading's own title (what the group is, not how far it is)."""
    words = " ".join(rest.lower().split()).rstrip(".")
    return len(words) > 3 and words in " ".join(plain(heading.bare_title).lower().split())
