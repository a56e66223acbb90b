"""The rule of which changes leave gate results valid (core.gates.neutral)."""

from __future__ import annotations

import pytest

from readiness_tui.core.gates import all_gate_neutral, gate_neutral
from readiness_tui.core.model.records import Change


@pytest.mark.parametrize("field", ["status", "owner", "title", "depends_on", "factor.reach", "notes"])
def test_an_item_field_outside_the_gate_is_neutral(field: str) -> None:
    assert gate_neutral(Change("T-1", field, "a", "b"))


@pytest.mark.parametrize("field", ["gate", "gate.verify", "gate.evidence", "gate.watch", "*", "id"])
def test_gate_fields_added_removed_and_renamed_items_are_not(field: str) -> None:
    assert not gate_neutral(Change("T-1", field, "a", "b"))


@pytest.mark.parametrize("kind", ["waivers", "board", "matrix"])
def test_changes_of_records_a_gate_reads_are_not(kind: str) -> None:
    # A waiver (or the board's today) changes a gate's result without touching any item.
    assert not gate_neutral(Change("0", "expires", "2026-01-01", "2026-03-01", kind=kind))


@pytest.mark.parametrize("kind", ["risks", "phases", "milestones", "deliverables", "progress", "sections"])
def test_changes_of_records_no_gate_reads_are_neutral(kind: str) -> None:
    assert gate_neutral(Change("R-1", "*", None, {"id": "R-1"}, kind=kind))
    assert gate_neutral(Change("R-1", "mitigated_by", ["A"], ["B"], kind=kind))


def test_all_gate_neutral_needs_every_change_and_at_least_one() -> None:
    status = Change("T-1", "status", "todo", "done")
    assert all_gate_neutral([status, Change("T-2", "owner", "@a", "@b")])
    assert not all_gate_neutral([status, Change("T-1", "gate.verify", "", "make test")])
    assert not all_gate_neutral([])
