"""Headings each closing with the handles of who does the work (``### Condition-handler system (graydon)``), three
siblings or more: each one piece of work, owned so, its text its own (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Possible 0.5 priorities

### Complete traits to unblock the standard libraries (nmatsakis)

The single biggest blocker is our incomplete trait implementation. In particular:

- there are bugs around explicit self;
- default methods don't really work.

### Condition-handler system (graydon)

It's difficult to write libraries presently that have recoverable failure modes.

### Start on new driver and tooling (graydon, brson)

Probably won't be time to finish this.

### Remove move/copy (optional)

Not a handle: a word the bracket says of the work.
"""


def test_headings_closing_with_handles_are_items_owned_so() -> None:
    report, items = imported(PLAN)
    got = sorted((x.title, x.owner, x.contributors) for x in items.values())
    assert got == [
        ("Complete traits to unblock the standard libraries", "nmatsakis", []),
        ("Condition-handler system", "graydon", []),
        ("Start on new driver and tooling", "graydon", ["brson"]),
    ], report
    # Its bullets are the item's own (the ticket reading keeps them as its acceptance), not items of their own.
    traits = next(x for x in items.values() if x.owner == "nmatsakis")
    assert any("explicit self" in line for line in traits.acceptance)
