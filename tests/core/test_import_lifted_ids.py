"""A name column whose cells open with the rows' ids (``#26 [TEST] E2E Validation``) gives the ids, when three rows
in four open so: the others are work with no number yet, reported, not numbered by the importer."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Sprint

## Day 6

| Issue | Owner | Duration | Priority |
|-------|-------|----------|----------|
| #26 [TEST] E2E Validation | QA Engineer | 2 days | 🔴 Critical |
| #27 [TEST] Agent Testing | Backend Engineer | 1 day | 🟡 Medium |
| #28 [TEST] Security Validation | QA Engineer | 1 day | 🔴 Critical |
| Bug Fixes | All engineers | As needed | 🔴 Critical |
"""


def test_three_rows_in_four_opening_with_ids_give_them() -> None:
    lines, items = imported(PLAN)
    assert sorted(items) == ["#26", "#27", "#28"]
    assert items["#27"].owner == "Backend Engineer" and items["#27"].priority == "P2"
    assert any("Bug Fixes" in line and "without an id" in line for line in lines)


LAYERS = """# Storage

## Layers

| Layer | Existing | Status |
|---|---|---|
| T0 GPU page pool | `TokenKVPool` | Live |
| T1 DRAM pinned arena | `HostPinnedPool` | Live |
| T2 SSD persistence | disk transport | Live |
| Local transfer | `local_cuda.rs` | Live |
| Native persistence | `kv-native-sys` | Partial |
"""


def test_fewer_rows_opening_with_ids_keep_the_cells_as_names() -> None:
    _, items = imported(LAYERS)
    assert "T0" not in items
