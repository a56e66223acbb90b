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


def test_the_document_is_searched_for_stated_progress_once_per_import(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Asked for every numbered heading, the whole-document search made a 1,000-heading outline take minutes.
    from readiness_tui.core.importers.sections import heading_numbers

    calls: list[int] = []
    real = heading_numbers.outline_states_progress

    def counted(root):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(root)

    monkeypatch.setattr(heading_numbers, "outline_states_progress", counted)
    outline = "# Doc\n\n" + "".join(f"## {c}. Chapter\n\n### {c}.1 Part\n\nText.\n\n" for c in range(1, 30))
    _, items = imported(PLAN + "\n" + outline)
    assert calls == [1]
    assert items["1.1"].status == "done"


def test_numbered_lines_one_under_the_other_are_an_item_each() -> None:
    # Lines ending in two spaces (a line break), no blank line between them: each step still its own item.
    md = (
        "# WBS\n\n## Phase 1: Planning\n1.1 Draft the charter ✅  \n1.2 Define the roadmap 🔄  \n"
        "1.3 Set up the repository  \n\n## Phase 2: Build\n2.1 Build the web app  \n2.2 Dockerize it  \n"
    )
    _, items = imported(md)
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("1.1", "Draft the charter", "done"),
        ("1.2", "Define the roadmap", "in_progress"),
        ("1.3", "Set up the repository", "todo"),
        ("2.1", "Build the web app", "todo"),
        ("2.2", "Dockerize it", "todo"),
    ]
