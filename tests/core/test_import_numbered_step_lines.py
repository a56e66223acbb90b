"""Steps written as plain lines numbered within their chapter (issue 43): ``1.1. Install the dependencies ✅``
under ``## 1. Initial Setup`` is an item, as ``**1.1 Install the dependencies**`` is; where such steps say how far
they are, those that do not are items too (a plan is one shape)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# SSO Implementation Steps

## 1. Initial Setup ✅

1.1. Install required dependencies ✅

```bash
pnpm add next-auth
```

1.2. Configure environment variables ✅

## 2. Session Management

2.1. Configure session middleware

- Set the cookie options

2.2. Rotate the tokens
"""


def test_numbered_step_lines_are_items_with_their_state() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("1.1", "Install required dependencies", "done"),
        ("1.2", "Configure environment variables", "done"),
        ("2.1", "Configure session middleware", "todo"),
        ("2.2", "Rotate the tokens", "todo"),
    ]


def test_numbered_sections_saying_nothing_of_progress_stay_the_outline() -> None:
    md = PLAN.replace(" ✅", "")
    _, items = imported(md)
    assert "1.1" not in items
