"""Backlog entries as headings numbered by stable numbers, each closing with its state (issue 43):
``### 7f. Contrast fails at small sizes — `READY```. Numbers stay when entries close, so they have gaps and
letters; the states say the headings are work, where a document's numbered sections state no progress."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

BACKLOG = """# Site backlog

## Open

### 2. Blog image alt text — `NEEDS DECISION`

Posts whose images have no alt text; decide how to cover them.

### 3. Blog content verification — `READY` (mechanical)

Embeds never looked at.

### 7. Search excerpts pick up post chrome — `READY`

The meta row shows as prose.

### 7f. Contrast fails at small sizes — `DONE`

Raise the token's lightness.

## Cleanup

### 12. Retire the mapping tables — `READY`

Once the cutover is done.
"""


def test_stated_headings_numbered_with_gaps_and_letters_are_items() -> None:
    board = import_markdown(BACKLOG, "b.md").board
    assert board is not None
    got = {i.id: (i.title, i.status) for i in board.items}
    assert got == {
        "2": ("Blog image alt text", "blocked"),
        "3": ("Blog content verification", "todo"),
        "7": ("Search excerpts pick up post chrome", "todo"),
        "7f": ("Contrast fails at small sizes", "done"),
        # one stated heading alone under its group: not enough to call the group's headings work
    }


def test_numbered_sections_that_state_nothing_stay_text() -> None:
    text = BACKLOG.replace(" — `NEEDS DECISION`", "").replace(" — `READY` (mechanical)", "")
    text = text.replace(" — `READY`", "").replace(" — `DONE`", "")
    board = import_markdown(text, "b.md").board
    ids = {i.id for i in board.items} if board is not None else set()
    assert not ids & {"2", "3", "7", "7f", "12"}
