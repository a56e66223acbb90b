"""A bracket saying the work is not done yet, in the plan languages ("(noch nicht)", "(not yet)", "(pas encore)"),
is the entry's state, not a part of its title (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_not_yet_in_brackets_is_a_state() -> None:
    plan = (
        "# Todo\n\n## Hardware\n\n- [ ] Löcher für die Achsen\n  - [x] anzeichnen\n  - [ ] bohren (noch nicht)\n"
        "- [ ] Publish the release (not yet)\n- [ ] Traduire la page (pas encore)\n"
    )
    report, items = imported(plan)
    assert sorted(i.title for i in items.values()) == [
        "Löcher für die Achsen",
        "Publish the release",
        "Traduire la page",
        "anzeichnen",
        "bohren",
    ], report
    assert {i.title: i.status for i in items.values()}["bohren"] == "todo"
