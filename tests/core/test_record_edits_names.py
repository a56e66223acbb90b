"""How a record is named (``ref_at``, ``record_refs``, ``change_ref``) and what a new one starts
with (``NEW_RECORD_DEFAULTS``): one rule for the app's forms and menus and ``readiness set``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.edits.record_edits import (
    RecordRef,
    change_ref,
    check_values,
    delete_record,
    edit_record,
    find_index,
    new_record,
    new_record_words,
    record_refs,
    ref_at,
)
from readiness_tui.core.edits.record_fields import NEW_RECORD_DEFAULTS, parse_record_field
from readiness_tui.core.edits.recordform import record_values, validate_record
from readiness_tui.core.edits.set_command import plan_set
from readiness_tui.core.model.problems import FieldError

from .test_record_edits import BOARD

TWO_UNNAMED = (
    '\n[[waivers]]\nitem = "T-001"\nexpires = 2026-05-01\n\n[[waivers]]\nitem = "T-001"\nexpires = 2026-06-01\n'
)


def _store(tmp_path: Path, extra: str = "") -> BoardStore:
    path = tmp_path / "records.toml"
    path.write_text(BOARD + extra, encoding="utf-8")
    return BoardStore.load(path)


def test_a_record_is_named_by_its_key_else_by_its_place(tmp_path: Path) -> None:
    store = _store(tmp_path, TWO_UNNAMED)
    board = store.board
    names = [ref.key for ref in record_refs(board, "waivers")]
    assert names[0] == "W-1" and names[1:] == ["#2", "#3"]
    assert [r.key for r in record_refs(board, "waivers", lambda w: w.item == "T-001")] == ["#2", "#3"]
    assert ref_at(board, "risks", 0) == RecordRef("risks", "R-001")
    for n, ref in enumerate(record_refs(board, "waivers")):
        assert find_index(store, ref) == n  # every name is taken back to its record


def test_changes_name_positional_records_as_set_takes_them(tmp_path: Path) -> None:
    store = _store(tmp_path, TWO_UNNAMED)
    ed = EditController(store, autosave=False)
    res = edit_record(ed, RecordRef("waivers", "#3"), {"reason": "later"})
    assert res.ok, res.error
    (change,) = res.changes
    assert change.item == "2"  # the history's name: the place from 0
    assert change_ref(ed.store.board, change) == RecordRef("waivers", "#3")
    res = new_record(ed, "deliverables", {"path": "docs/x.md", "item": "T-001"})
    assert change_ref(ed.store.board, res.changes[0]) == RecordRef("deliverables", "docs/x.md")
    res = delete_record(ed, RecordRef("waivers", "W-1"))
    assert change_ref(ed.store.board, res.changes[0]) == RecordRef("waivers", "W-1")  # from its old fields
    res = delete_record(ed, RecordRef("waivers", "#1"))  # the first unnamed one, now first
    assert change_ref(ed.store.board, res.changes[0]) == RecordRef("waivers", "#1")
    risk = edit_record(ed, RecordRef("risks", "R-001"), {"title": "x"}).changes[0]
    assert change_ref(ed.store.board, risk) == RecordRef("risks", "R-001")


def test_new_records_start_with_the_same_defaults_in_the_form_and_in_set(tmp_path: Path) -> None:
    store = _store(tmp_path)
    today = store.board.board.today
    for kind, defaults in NEW_RECORD_DEFAULTS.items():
        shown = record_values(store, kind, None)
        for name, text in defaults.items():
            assert shown[name] == text  # the form shows the default's text
            assert new_record_words(kind, []).count(f"{name}={text}") == 1
            assert new_record_words(kind, [name]) == [w for w in new_record_words(kind, []) if not w.startswith(name)]
    op = plan_set(store, "waiver", ["item=T-002", "reason=vendor"], adding=True, removing=False)
    assert op.values["expires"] == parse_record_field("waivers", "expires", "+30d", today)
    form, errors = validate_record(
        store, "waivers", None, {**record_values(store, "waivers", None), "item": "T-002", "reason": "vendor"}
    )
    assert not errors and form == op.values
    op = plan_set(store, "waiver", ["item=T-002", "expires=2026-09-01"], adding=True, removing=False)
    assert op.values["expires"] == dt.date(2026, 9, 1)  # a given field wins over the default
    op = plan_set(store, "deliverable:docs/a.md", ["item=T-001"], adding=True, removing=False)
    assert op.values == {"path": "docs/a.md", "item": "T-001", "status": "todo"}


def test_a_forms_field_error_is_the_reason_itself_not_a_cut_of_the_message(tmp_path: Path) -> None:
    """An id holding ".id: " fooled the old cut (the message split at its last ``.id: ``)."""
    store = _store(tmp_path, '\n[[risks]]\nid = "R.id: 2"\ntitle = "odd id"\n')
    raw = {**record_values(store, "risks", None), "id": "R.id: 2", "title": "again"}
    values, errors = validate_record(store, "risks", None, raw)
    assert values == {} and errors == {"id": "'R.id: 2' is taken already"}
    try:
        check_values(store, "risks", None, {"id": "R.id: 2"})
    except FieldError as exc:
        assert (exc.field, exc.reason) == ("id", "'R.id: 2' is taken already")
        assert str(exc) == f"{exc.where}: {exc.reason}" and exc.where.endswith("risk (new).id")
    else:
        raise AssertionError("a taken id was accepted")
    _, errors = validate_record(store, "waivers", None, {"item": "T-0001", "expires": "+30d"})
    assert errors == {"item": "no item 'T-0001' on this board; did you mean T-001?"}
