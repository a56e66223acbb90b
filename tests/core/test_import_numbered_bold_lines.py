"""Lines of a bold number and title over what the work holds, each an item; a heading over nothing else groups them;
"Phase 1" in a dependency names the phase, not item 1 (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Nemo: Work Breakdown

## Phase 0: Shared core

### 1. Image interface (done)
**Owner:** core · **Depends on:** none

### 5. Detection registry (done)
**Owner:** core · **Depends on:** 1

## Phase 1: Per filesystem

### ext4 (owner: ext4 dev)

**22a. ext4 core parser (done)**: `ext4.go`; registers a `Detector`. Depends on: 5.
**23b. ext4 named streams**: `xattr.go`. Depends on: 22a, 1.
**26e. ext4 live mode**: `live_linux.go`. Depends on: 23b.

## Phase 2: Polish

### 31. README refresh
**Owner:** TBD · **Depends on:** most of Phase 1
"""


def test_each_bold_numbered_line_is_an_item_with_its_state_and_dependencies() -> None:
    report, items = imported(PLAN)
    got = {rid: (i.title, i.status, i.depends_on, i.owner) for rid, i in items.items() if rid[0] == "2"}
    assert got == {
        "22a": ("ext4 core parser", "done", ["5"], "ext4 dev"),
        "23b": ("ext4 named streams", "todo", ["1", "22a"], "ext4 dev"),
        "26e": ("ext4 live mode", "todo", ["23b"], "ext4 dev"),
    }, report
    assert "ext4" not in items  # the heading groups the lines


def test_a_phase_named_in_a_dependency_is_not_the_item_of_its_number() -> None:
    _, items = imported(PLAN)
    assert "1" not in items["31"].depends_on
    assert set(items["31"].depends_on) == {"22a", "23b", "26e"}
