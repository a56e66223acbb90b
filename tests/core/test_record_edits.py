"""Edits of risks, phases, milestones, waivers and deliverables through the one write path: the file
changes only on the edited lines (comments kept), refusals leave it byte-identical, the history
records each change, undo restores the bytes, and concurrent writers merge field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.edits.record_edits import (
    RecordRef,
    delete_record,
    edit_record,
    find_index,
    new_record,
    parse_ref,
)
from readiness_tui.core.edits.record_fields import parse_record_field

BOARD = '''[board]
title = "Records"

[[items]]
id = "T-001"
title = "First"

[[items]]
id = "T-002"
title = "Second"

[[items]]
id = "A"  # an item that shares its id with the phase
title = "Clash"

[[risks]]
id = "R-001"
title = "Data loss"  # keep this comment
severity = "high"
mitigated_by = ["T-001"]
notes = """
First line.
Second line.
"""

[[phases]]
id = "A"
entrance = ["Repo available"]
exit = [
  "Toolchain pinned",  # agreed in week 7
  "Policies approved",
]
items = ["T-001"]

[[milestones]]
id = "M1"
due = "2026-W10"
items = ["T-001"]

[[waivers]]
id = "W-1"
item = "T-002"
reason = "vendor late"
expires = 2026-03-31

[[deliverables]]
path = "docs/runbook.md"
item = "T-001"
'''


@pytest.fixture()
def board(tmp_path: Path) -> Path:
    path = tmp_path / "records.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def _editor(path: Path) -> EditController:
    return EditController(BoardStore.load(path), audit_source="cli", actor="tester")


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b), "lines were added or removed"
    return [(x, y) for x, y in zip(a, b) if x != y]


def test_risk_fields_change_only_their_lines_and_are_recorded(board: Path) -> None:
    ed = _editor(board)
    res = edit_record(ed, RecordRef("risks", "R-001"), {"severity": "critical", "mitigated_by": ["T-001", "T-002"]})
    assert res.ok and res.saved == "saved", res.error
    after = board.read_text()
    assert _changed_lines(BOARD, after) == [
        ('severity = "high"', 'severity = "critical"'),
        ('mitigated_by = ["T-001"]', 'mitigated_by = ["T-001", "T-002"]'),
    ]
    recs = [r for r in audit.read(board) if r.type == "change"]
    assert [(r.kind, r.item, r.field, r.new, r.actor) for r in recs] == [
        ("risks", "R-001", "severity", "critical", "tester"),
        ("risks", "R-001", "mitigated_by", ["T-001", "T-002"], "tester"),
    ]


def test_multi_line_notes_keep_their_triple_quotes(board: Path) -> None:
    ed = _editor(board)
    assert edit_record(ed, RecordRef("risks", "R-001"), {"notes": "First line.\nSecond, edited.\n"}).ok
    text = board.read_text()
    assert 'notes = """\nFirst line.\nSecond, edited.\n"""' in text
    assert "# keep this comment" in text


def test_phase_exit_criteria_append_in_place_keeping_the_comment(board: Path) -> None:
    ed = _editor(board)
    crit = [*BoardStore.load(board).board.phases[0].exit, "Load test passed, p95 < 200 ms"]
    assert edit_record(ed, RecordRef("phases", "A"), {"exit": crit}).ok
    text = board.read_text()
    assert (
        '  "Toolchain pinned",  # agreed in week 7\n  "Policies approved",\n  "Load test passed, p95 < 200 ms",\n]'
        in text
    )
    assert BoardStore.load(board).board.phases[0].exit[-1] == "Load test passed, p95 < 200 ms"


def test_milestone_due_and_items(board: Path) -> None:
    ed = _editor(board)
    due = parse_record_field("milestones", "due", "2026-03-06")
    assert edit_record(ed, RecordRef("milestones", "M1"), {"due": due, "items": ["T-001", "T-002"]}).ok
    assert _changed_lines(BOARD, board.read_text()) == [
        ('due = "2026-W10"', 'due = "2026-03-06"'),
        ('items = ["T-001"]', 'items = ["T-001", "T-002"]'),
    ]


def test_waiver_add_renew_revoke(board: Path) -> None:
    ed = _editor(board)
    expires = parse_record_field("waivers", "expires", "+30d", dt.date(2026, 2, 20))
    assert expires == dt.date(2026, 3, 22)
    res = new_record(ed, "waivers", {"item": "T-001", "reason": "pen test booked", "expires": expires, "id": "W-2"})
    assert res.ok, res.error
    store = BoardStore.load(board)
    assert [(w.id, w.item, w.expires) for w in store.board.waivers][-1] == ("W-2", "T-001", expires)
    assert 'id = "W-2"\nitem = "T-001"\nreason = "pen test booked"\nexpires = 2026-03-22' in board.read_text()
    assert edit_record(ed, RecordRef("waivers", "W-2"), {"expires": dt.date(2026, 4, 30)}).ok
    assert "expires = 2026-04-30" in board.read_text()
    before_revoke = board.read_text()
    res = delete_record(ed, RecordRef("waivers", "T-001"))  # named by the item it waives
    assert res.ok and res.label == "revoke waiver T-001"
    assert [w.id for w in BoardStore.load(board).board.waivers] == ["W-1"]
    recs = audit.read(board)
    assert recs[-1].kind == "waivers" and recs[-1].field == "*" and recs[-1].new is None
    ed.undo()
    assert board.read_text() == before_revoke


def test_waiver_without_expiry_or_expired_is_refused_and_nothing_is_written(board: Path) -> None:
    ed = _editor(board)
    res = new_record(ed, "waivers", {"item": "T-001", "reason": "x"})
    assert not res.ok and "needs expires" in res.error
    res = edit_record(ed, RecordRef("waivers", "W-1"), {"expires": dt.date(2020, 1, 1)})
    assert not res.ok and "would waive nothing" in res.error
    res = edit_record(ed, RecordRef("waivers", "W-1"), {"expires": None})
    assert not res.ok and "required" in res.error
    assert board.read_text() == BOARD
    assert not audit.history_path(board).exists()


def test_unknown_item_refused_with_did_you_mean_and_location(board: Path) -> None:
    ed = _editor(board)
    res = edit_record(ed, RecordRef("risks", "R-001"), {"mitigated_by": ["T-001", "T-0002"]})
    assert not res.ok
    assert res.error == f"{board}:20: risk R-001.mitigated_by: no item 'T-0002' on this board; did you mean T-002?"
    res = edit_record(ed, RecordRef("phases", "A"), {"items": ["T-009"]})
    assert not res.ok and "no item 'T-009'" in res.error
    assert board.read_text() == BOARD


def test_an_unknown_id_already_named_may_stay(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text(BOARD.replace('mitigated_by = ["T-001"]', 'mitigated_by = ["GONE"]'), encoding="utf-8")
    ed = _editor(path)
    assert edit_record(ed, RecordRef("risks", "R-001"), {"mitigated_by": ["GONE", "T-002"]}).ok


def test_deliverable_by_path_and_new_one(board: Path) -> None:
    ed = _editor(board)
    assert edit_record(ed, RecordRef("deliverables", "docs/runbook.md"), {"status": "done"}).ok
    assert new_record(ed, "deliverables", {"path": "ops/alerts.yaml", "item": "T-002", "status": "todo"}).ok
    store = BoardStore.load(board)
    assert [(d.path, d.status) for d in store.board.deliverables] == [
        ("docs/runbook.md", "done"),
        ("ops/alerts.yaml", "todo"),
    ]
    res = new_record(ed, "deliverables", {"path": "ops/alerts.yaml"})
    assert not res.ok and "taken already" in res.error


def test_ids_of_phases_stay_and_duplicates_are_refused(board: Path) -> None:
    ed = _editor(board)
    assert "stays as it is" in edit_record(ed, RecordRef("phases", "A"), {"id": "B"}).error
    assert "taken already" in new_record(ed, "risks", {"id": "R-001", "title": "again"}).error
    assert "needs id" in new_record(ed, "risks", {"title": "no id"}).error
    assert board.read_text() == BOARD


def test_undo_restores_the_bytes_and_redo_reapplies(board: Path) -> None:
    ed = _editor(board)
    assert edit_record(ed, RecordRef("risks", "R-001"), {"title": "Data loss on restore"}).ok
    edited = board.read_text()
    ed.undo()
    assert board.read_text() == BOARD
    ed.redo()
    assert board.read_text() == edited


def test_addresses(board: Path) -> None:
    b = BoardStore.load(board).board
    assert parse_ref(b, "R-001") == RecordRef("risks", "R-001")
    assert parse_ref(b, "M1") == RecordRef("milestones", "M1")
    assert parse_ref(b, "W-1") == RecordRef("waivers", "W-1")
    assert parse_ref(b, "phase:A") == RecordRef("phases", "A")
    assert parse_ref(b, "ms:M1") == RecordRef("milestones", "M1")
    with pytest.raises(ValueError, match="phase:A"):
        parse_ref(b, "A")  # an item and a phase share it
    with pytest.raises(ValueError, match="did you mean R-001"):
        parse_ref(b, "R-01")
    store = BoardStore.load(board)
    assert find_index(store, RecordRef("deliverables", "#1")) == 0
    assert find_index(store, RecordRef("waivers", "T-002")) == 0


def test_concurrent_writers_merge_by_field_and_lists_as_sets(board: Path) -> None:
    mine, theirs = _editor(board), _editor(board)
    assert edit_record(theirs, RecordRef("risks", "R-001"), {"severity": "critical"}).ok
    assert edit_record(theirs, RecordRef("phases", "A"), {"items": ["T-001", "T-002"]}).ok
    # Mine was loaded before their writes: its list edit adds A to the T-001 it saw.
    res = edit_record(mine, RecordRef("phases", "A"), {"items": ["T-001", "A"]})
    assert res.ok and res.saved == "saved" and res.merged, mine.last_save_error
    res = edit_record(mine, RecordRef("risks", "R-001"), {"title": "Data loss on restore"})
    assert res.ok and res.saved == "saved"
    store = BoardStore.load(board)
    risk, phase = store.board.risks[0], store.board.phases[0]
    assert (risk.title, risk.severity) == ("Data loss on restore", "critical")
    assert sorted(phase.items) == ["A", "T-001", "T-002"]


def test_the_same_field_changed_both_ways_is_a_conflict(board: Path) -> None:
    mine, theirs = _editor(board), _editor(board)
    assert edit_record(theirs, RecordRef("risks", "R-001"), {"severity": "low"}).ok
    on_disk = board.read_text()
    res = edit_record(mine, RecordRef("risks", "R-001"), {"severity": "critical"})
    assert res.saved == "conflict"
    assert mine.conflicts == [("risks", "R-001", "severity", "low", "critical")]
    assert board.read_text() == on_disk
