"""A date written day first is no id and a name (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Projektplan

| Woche | Von (Datum) | Tätigkeit | Status |
|------:|------------:|-----------|--------|
|     1 |  16.09.2019 | Projektstart und Projektplanung | erledigt |
|     2 |  23.09.2019 | Erarbeitung Backlog und Priorisierung | offen |
|     3 |  30.09.2019 | Sprint 1 | offen |
"""


def test_a_column_of_day_first_dates_gives_no_ids() -> None:
    # "16.09.2019" is the 16th of September, not the item 16.09 titled ".2019"; "Tätigkeit" (activity) titles rows.
    _, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Projektstart und Projektplanung",
        "Erarbeitung Backlog und Priorisierung",
        "Sprint 1",
    ]
    assert not any(i.id.startswith(("16.", "23.", "30.")) for i in items.values())
