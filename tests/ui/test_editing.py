"""The edit controller (no Textual): edits, saving at once, undo/redo, conflicts, the item form."""

from __future__ import annotations

import re
from pathlib import Path

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.edits.ids import next_id
from readiness_tui.core.edits.itemform import form_values, validate_form


def controller(path: Path) -> EditController:
    return EditController(BoardStore.load(path))


def test_each_edit_is_saved_at_once_and_keeps_comments(launch_board: Path) -> None:
    ed = controller(launch_board)
    r = ed.cycle_status("SEC-02")
    assert r.ok and r.saved == "saved"
    text = launch_board.read_text()
    assert 'status = "in_progress"' in text
    assert "# Comments like this one must survive every edit the app makes." in text
    assert "# The load test needs the dashboards and the new credentials." in text
    assert not ed.dirty
    assert BoardStore.load(launch_board).item("SEC-02").status == "in_progress"


def test_status_cycle_order(launch_board: Path) -> None:
    ed = controller(launch_board)
    seen = []
    for _ in range(4):
        ed.cycle_status("SEC-02")
        seen.append(ed.store.item("SEC-02").status)
    assert seen == ["in_progress", "review", "done", "todo"]
    ed.cycle_status("VLT-02")  # blocked -> in progress
    assert ed.store.item("VLT-02").status == "in_progress"


def test_undo_and_redo_restore_the_file(launch_board: Path) -> None:
    original = launch_board.read_text()
    ed = controller(launch_board)
    ed.set_fields("OBS-01", {"owner": "@zed", "estimate_days": 4})
    ed.add_dependency("OBS-01", "SEC-01")
    after = launch_board.read_text()
    assert ed.undo() is not None and ed.undo() is not None
    assert launch_board.read_text() == original
    assert ed.store.item("OBS-01").owner == "@dee"
    assert ed.undo() is None
    ed.redo()
    ed.redo()
    assert launch_board.read_text() == after
    assert ed.store.item("OBS-01").depends_on == ["SEC-01"]
    assert ed.redo() is None


def test_a_new_edit_clears_redo(launch_board: Path) -> None:
    ed = controller(launch_board)
    ed.cycle_status("SEC-02")
    ed.undo()
    assert ed.can_redo
    ed.cycle_status("OBS-01")
    assert not ed.can_redo


def test_refused_edit_changes_nothing(launch_board: Path) -> None:
    original = launch_board.read_text()
    ed = controller(launch_board)
    r = ed.add_dependency("SEC-01", "GO-01")  # GO-01 -> SEC-02 -> SEC-01: a cycle
    assert not r.ok and r.cycle[0] == "SEC-01" and r.cycle[-1] == "SEC-01"
    assert "cycle" in r.error
    assert not ed.can_undo
    assert launch_board.read_text() == original


def test_add_duplicate_delete_with_cascade_and_undo(launch_board: Path) -> None:
    original = launch_board.read_text()
    ed = controller(launch_board)
    r = ed.add_item({"id": "NEW-1", "title": "Brand new", "priority": "P2"}, after="SEC-02")
    assert r.ok and r.focus == "NEW-1"
    assert [it.id for it in ed.store.board.items][2] == "NEW-1"
    r = ed.duplicate("SEC-02")
    # The next number, tagged with this clone so that another clone's duplicate cannot collide.
    assert r.focus and re.fullmatch(r"SEC-03-[a-z2-7]{3}", r.focus) and ed.store.item(r.focus).status == "todo"
    r = ed.delete("LT-01", cascade=True)
    assert r.ok
    on_disk = BoardStore.load(launch_board)
    assert "LT-01" not in on_disk.board.item_map()
    assert "LT-01" not in on_disk.item("GO-01").depends_on
    assert "LT-01" not in on_disk.board.risks[1].mitigated_by
    for _ in range(3):
        ed.undo()
    assert launch_board.read_text() == original


def test_delete_without_cascade_is_refused_when_referenced(launch_board: Path) -> None:
    ed = controller(launch_board)
    r = ed.delete("LT-01")
    assert not r.ok and "referenced" in r.error
    assert "LT-01" in ed.store.board.item_map()


def test_an_outside_edit_of_another_field_merges_and_is_recorded_once(launch_board: Path) -> None:
    ed = controller(launch_board)
    # Someone else edits the file by hand (no history record of theirs).
    theirs = launch_board.read_text().replace('title = "Rollback runbook"', 'title = "Rollback runbook v2"')
    launch_board.write_text(theirs)
    r = ed.cycle_status("SEC-02")
    assert r.ok and r.saved == "saved" and r.merged
    text = launch_board.read_text()
    assert 'title = "Rollback runbook v2"' in text  # theirs
    assert BoardStore.load(launch_board).item("SEC-02").status == "in_progress"  # mine
    assert not ed.dirty and ed.store.item("RB-01").title == "Rollback runbook v2"
    records = [(r.source, r.item, r.field) for r in audit.read(launch_board)]
    assert records == [("reload", "RB-01", "title"), ("app", "SEC-02", "status")]
    assert audit.verify(launch_board).ok


def _other_writer_sets(board: Path, item: str, **values: object) -> None:
    other = controller(board)
    other.audit_source = "cli"
    assert other.set_fields(item, dict(values)).saved == "saved"


def test_same_field_changed_by_another_writer_is_a_conflict_naming_it(launch_board: Path) -> None:
    ed = controller(launch_board)
    _other_writer_sets(launch_board, "SEC-02", status="review")
    before = launch_board.read_text()
    r = ed.cycle_status("SEC-02")
    assert r.ok and r.saved == "conflict"
    assert ed.conflicts == [("items", "SEC-02", "status", "review", "in_progress")]
    assert "SEC-02.status" in ed.last_save_error and "nothing was written" in ed.last_save_error
    assert launch_board.read_text() == before  # nothing written
    assert ed.dirty and ed.store.item("SEC-02").status == "in_progress"  # not lost
    assert ed.take_theirs() == "unchanged"  # their value was my only edit: nothing left to write
    assert not ed.dirty and ed.store.item("SEC-02").status == "review"
    assert BoardStore.load(launch_board).item("SEC-02").status == "review"


def test_conflict_keep_mine_wins_the_field_and_keeps_their_other_edits(launch_board: Path) -> None:
    ed = controller(launch_board)
    _other_writer_sets(launch_board, "SEC-02", status="review")
    _other_writer_sets(launch_board, "RB-01", title="Theirs")
    assert ed.cycle_status("SEC-02").saved == "conflict"
    assert ed.keep_mine() == "saved"
    text = launch_board.read_text()
    assert 'title = "Theirs"' in text and 'status = "in_progress"  # needs an admin' in text


def test_the_other_writers_edit_is_not_recorded_twice(launch_board: Path) -> None:
    ed = controller(launch_board)
    _other_writer_sets(launch_board, "RB-01", title="Theirs")
    fresh = ed.store.reload()
    ed.reload(fresh=fresh)
    sources = [(r.source, r.item) for r in audit.read(launch_board)]
    assert sources == [("cli", "RB-01")]


def test_reload_after_undo_backs_up_my_version(launch_board: Path) -> None:
    ed = controller(launch_board)
    ed.cycle_status("SEC-02")
    launch_board.write_text(launch_board.read_text() + "\n# theirs\n")
    assert ed.undo().saved == "conflict"  # type: ignore[union-attr]
    res = ed.reload(reapply=True)
    assert res.backup is not None and res.backup.exists()
    assert "# theirs" in launch_board.read_text()


def test_missing_file_is_reported(launch_board: Path) -> None:
    ed = controller(launch_board)
    launch_board.unlink()
    assert ed.cycle_status("SEC-02").saved == "missing"
    assert ed.keep_mine() == "saved" and launch_board.exists()


def test_next_id(launch_board: Path) -> None:
    store = BoardStore.load(launch_board)
    assert next_id(store, "SEC-01") == "SEC-03"
    assert next_id(store, "OBS-02") == "OBS-03"
    assert next_id(store, "ALPHA") == "ALPHA-copy"


def test_form_round_trip_changes_nothing(launch_board: Path) -> None:
    store = BoardStore.load(launch_board)
    keys = [f.key for f in store.board.board.scoring.factors]  # type: ignore[union-attr]
    for item_id in ("SEC-01", "LT-01", "OLD-01"):
        raw = form_values(store.item(item_id), keys)
        raw.pop("id")
        raw.pop("score")
        values, errors = validate_form(store, item_id, raw)
        assert errors == {} and values == {}, item_id


def test_form_validation_messages(launch_board: Path) -> None:
    store = BoardStore.load(launch_board)
    raw = form_values(store.item("SEC-02"))
    raw.pop("id")
    raw.update(target="next week", estimate_days="-1", priority="P7", status="maybe", depends_on="GO-01, NOPE")
    _, errors = validate_form(store, "SEC-02", raw)
    assert set(errors) == {"target", "estimate_days", "priority", "status", "depends_on"}
    raw.update(target="2026-W10", estimate_days="2", priority="p1", status="wip", depends_on="GO-01")
    _, errors = validate_form(store, "SEC-02", raw)
    assert "cycle" in errors["depends_on"]
    raw["depends_on"] = "SEC-01"
    values, errors = validate_form(store, "SEC-02", raw)
    assert errors == {}
    assert values == {"target": "2026-W10", "estimate_days": 2.0, "priority": "P1", "status": "in_progress"}


def test_form_for_a_new_item(launch_board: Path) -> None:
    store = BoardStore.load(launch_board)
    raw = form_values(None)
    raw.update(id="SEC-02", title="x")
    _, errors = validate_form(store, None, raw)
    assert "already exists" in errors["id"]
    raw.update(id="NEW-9", **{"gate.verify": "make check", "tags": "a, b"})
    values, errors = validate_form(store, None, raw)
    assert errors == {}
    assert values == {
        "id": "NEW-9",
        "title": "x",
        "kind": "task",
        "status": "todo",
        "tags": ["a", "b"],
        "gate": {"verify": "make check"},
    }


def test_form_score_factors(launch_board: Path) -> None:
    ed = controller(launch_board)
    keys = [f.key for f in ed.store.board.board.scoring.factors]  # type: ignore[union-attr]
    raw = form_values(ed.store.item("OBS-01"), keys)
    raw.pop("id")
    raw.pop("score")
    raw["factor.impact"] = "9"
    _, errors = validate_form(ed.store, "OBS-01", raw)
    assert errors == {"factor.impact": "rate 1 to 5"}
    raw.update({"factor.impact": "4", "factor.risk": "3"})
    values, errors = validate_form(ed.store, "OBS-01", raw)
    assert errors == {}
    assert ed.set_fields("OBS-01", values).ok
    assert "score_factors = {impact = 4, risk = 3}" in launch_board.read_text()
    assert ed.store.item("OBS-01").total_score == 7
