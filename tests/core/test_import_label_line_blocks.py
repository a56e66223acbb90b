"""A plan with no Markdown left, written as labels over short lines ("Case Management:", a blank line, then one thing
per line), reads as the sections and bullets its writer meant (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """Case Management:

Recording and tracking details of criminal cases.
Managing case documents, evidence, and related information.
Incident Reporting:

Allowing citizens to report incidents online.
Evidence Management:

Cataloging and tracking physical evidence.
Chain of custody management to ensure the integrity of evidence.
"""


def test_labels_over_short_lines_are_headings_over_their_entries() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.workstream) for i in items.values()] == [
        ("Recording and tracking details of criminal cases.", "Case Management"),
        ("Managing case documents, evidence, and related information.", "Case Management"),
        ("Allowing citizens to report incidents online.", "Incident Reporting"),
        ("Cataloging and tracking physical evidence.", "Evidence Management"),
        ("Chain of custody management to ensure the integrity of evidence.", "Evidence Management"),
    ]
    assert any("a heading and its list" in ln for ln in report)


def test_labels_over_prose_stay_text() -> None:
    prose = PLAN.replace(
        "Allowing citizens to report incidents online.",
        "Citizens report incidents online, and the desk officer reviews each report before it is "
        "assigned to an investigator with the right clearance for the case.",
    )
    _, items = imported(prose.replace("Managing case documents", "managing case documents"))
    assert items == {}
