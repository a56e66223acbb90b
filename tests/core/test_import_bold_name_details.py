"""An entry that is a bold name and its details in brackets ("**Authentication** (Login, Route Protection).") is
named by the bold words, the details its description (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Laundry Shop App Roadmap

## Phase 2: Staff Dashboard
- [x] **Authentication** (Login, Route Protection).
- [x] **Service Management** (Add/Edit services).
- [ ] **Public Landing Page**.

## Backlog

- **Order History** (View completed orders)
- **Monthly Reports** (Revenue, Volume, Top Services)
"""


def test_a_bold_name_over_its_details_in_brackets_is_the_title() -> None:
    _, items = imported(PLAN)
    got = {i.title: i.description.strip() for i in items.values()}
    assert got["Authentication"] == "Login, Route Protection"
    assert got["Service Management"] == "Add/Edit services"
    assert got["Monthly Reports"] == "Revenue, Volume, Top Services"
    assert got["Public Landing Page."] == ""  # no details: the entry as written


def test_brackets_inside_a_sentence_stay_in_the_title() -> None:
    _, items = imported("# Plan\n\n## Tasks\n\n- [ ] **Fix** the login (iOS only) before launch\n- [ ] Ship\n")
    assert next(iter(items.values())).title == "Fix the login (iOS only) before launch"
