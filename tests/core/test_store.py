"""The store: format-preserving edits, atomic durable writes, conflict detection, clear errors."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.problems import (
    BoardChangedOnDisk,
    BoardMissing,
    BoardSyntaxError,
    BoardValidationError,
    EditError,
)

BOARD = '''#:schema ./board.schema.json
# Team board: keep this comment.
[board]
title = "Demo"   # trailing comment
date = 2026-02-16
mystery_key = "kept"

# --- first stream ---
[[items]]
id = "A"
title = "Alpha"
status = "Done"
owner = "@ana"
x_note = "unknown keys survive"

[[items]]
id = "B"      # bee
title = """Multi-line
[[items]]
not a header"""
depends_on = [
  "A",  # B needs A
]
estimate_days = 2

[items.gate]
verify = "true"
evidence = ["ops/b/"]

# comment that belongs to C
[[items]]
id = "C"
depends_on = ["B"]

[[risks]]
id = "R-1"
mitigated_by = ["C"]
'''


@pytest.fixture
def board_file(write_board: Callable[..., Path]) -> Path:
    return write_board(BOARD, "demo.toml")


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_load_normalises_aliases_and_keeps_unknown_keys(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    assert [i.status for i in store.board.items] == ["done", "todo", "todo"]
    assert store.board.items[0].model_extra == {"x_note": "unknown keys survive"}
    assert store.board.board.model_extra == {"mystery_key": "kept"}
    assert store.board.items[1].title.startswith("Multi-line\n[[items]]")


def test_saving_unchanged_board_is_byte_identical(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    mtime = board_file.stat().st_mtime_ns
    assert store.save() is False  # nothing to write
    assert board_file.stat().st_mtime_ns == mtime
    assert store.save(force=True) is True
    assert board_file.read_bytes() == BOARD.encode()


def test_one_field_edit_changes_only_that_line(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    changes = store.set_status("A", "in progress")
    assert [(c.item, c.field, c.old, c.new) for c in changes] == [("A", "status", "done", "in_progress")]
    store.save()
    after = board_file.read_text()
    assert changed_lines(BOARD, after) == ['-status = "Done"', '+status = "in_progress"']


def test_dependency_edit_keeps_comments_inside_array(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    store.add_dependency("C", "A")
    store.save()
    text = board_file.read_text()
    assert '"A",  # B needs A' in text
    assert BoardStore.load(board_file).item("C").depends_on == ["B", "A"]
    assert changed_lines(BOARD, text) == ['-depends_on = ["B"]', '+depends_on = ["B", "A"]']


def test_nested_gate_field_and_clearing(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    store.set_field("B", "gate.verify", "make test")
    store.set_field("A", "owner", None)
    store.save()
    reloaded = BoardStore.load(board_file)
    assert reloaded.item("B").gate.verify == "make test"
    assert reloaded.item("B").gate.evidence == ["ops/b/"]
    assert reloaded.item("A").owner == ""
    assert "# Team board: keep this comment." in board_file.read_text()


def test_invalid_edit_is_refused_and_leaves_text_alone(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    with pytest.raises(EditError, match="estimate"):
        store.set_field("B", "estimate_days", -3)
    with pytest.raises(EditError, match="status"):
        store.set_field("B", "status", "maybe")
    assert store.text() == BOARD
    assert not store.dirty


def test_cycle_is_refused_with_the_cycle(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    with pytest.raises(EditError) as err:
        store.add_dependency("A", "C")
    assert err.value.cycle == ["A", "C", "B", "A"]
    with pytest.raises(EditError):
        store.set_field("A", "depends_on", ["A"])
    assert store.text() == BOARD


def test_add_duplicate_remove_rename(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    store.add_item({"id": "D", "title": "Delta", "depends_on": ["C"], "gate": {"evidence": ["x/"]}})
    store.duplicate_item("A", "A2")
    with pytest.raises(EditError, match="already exists"):
        store.add_item({"id": "A"})
    with pytest.raises(EditError, match="no item"):
        store.add_item({"id": "E", "depends_on": ["nope"]})
    with pytest.raises(EditError, match="referenced by"):
        store.remove_item("C")
    changes = store.rename_item("C", "C2")
    assert {(c.item, c.field) for c in changes} >= {("C2", "id"), ("D", "depends_on"), ("R-1", "mitigated_by")}
    store.save()
    text = board_file.read_text()
    assert "# comment that belongs to C" in text
    reloaded = BoardStore.load(board_file)
    assert [i.id for i in reloaded.board.items] == ["A", "A2", "B", "C2", "D"]
    assert reloaded.item("A2").status == "todo" and reloaded.item("A2").owner == "@ana"
    assert reloaded.board.risks[0].mitigated_by == ["C2"]
    assert reloaded.item("D").gate.evidence == ["x/"]
    # cascade removal drops the references too
    reloaded.remove_item("C2", cascade=True)
    reloaded.save()
    final = BoardStore.load(board_file)
    assert final.item("D").depends_on == []
    assert final.board.risks[0].mitigated_by == []
    assert "# comment that belongs to C" not in board_file.read_text()  # went with its item


def test_add_waiver_and_records(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    store.add_waiver("B", "flaky runner", "@lead", dt.date(2026, 3, 1))
    store.add_record("risks", {"id": "R-2", "title": "New", "mitigated_by": ["A"]})
    store.set_record_fields("risks", 0, {"title": "Renamed"})
    store.set_board_fields({"today": dt.date(2026, 2, 20)})
    store.save()
    board = BoardStore.load(board_file).board
    assert board.waivers[0].expires == dt.date(2026, 3, 1)
    assert [r.id for r in board.risks] == ["R-1", "R-2"]
    assert board.risks[0].title == "Renamed"
    assert board.board.today == dt.date(2026, 2, 20)
    assert 'title = "Demo"   # trailing comment' in board_file.read_text()


def test_write_keeps_mode_and_leaves_no_temp_files(board_file: Path) -> None:
    os.chmod(board_file, 0o640)
    store = BoardStore.load(board_file)
    store.set_status("C", "review")
    store.save()
    assert stat.S_IMODE(board_file.stat().st_mode) == 0o640
    assert sorted(p.name for p in board_file.parent.iterdir()) == ["demo.toml"]


def test_save_refuses_when_file_changed_on_disk(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    store.set_status("C", "review")
    theirs = BOARD.replace('id = "C"', 'id = "C"\nowner = "@them"')
    board_file.write_text(theirs)
    assert store.disk_state() == "changed"
    with pytest.raises(BoardChangedOnDisk):
        store.save()
    assert board_file.read_text() == theirs  # their change survives
    assert store.item("C").status == "review"  # and so does ours, in memory
    store.save(force=True)  # "keep mine"
    assert 'status = "review"' in board_file.read_text()


def test_touch_without_content_change_is_not_a_conflict(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    os.utime(board_file, ns=(1, 1))
    assert store.disk_state() == "same"
    store.set_status("C", "done")
    assert store.save() is True


def test_save_refuses_when_file_deleted(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    store.set_status("C", "review")
    board_file.unlink()
    assert store.disk_state() == "missing"
    with pytest.raises(BoardMissing):
        store.save()
    store.save(force=True)  # "save it again"
    assert BoardStore.load(board_file).item("C").status == "review"


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[board]\ntitle = "x"\n\n[[items]]\nid = "A\n')
    with pytest.raises(BoardSyntaxError) as err:
        BoardStore.load(path)
    (problem,) = err.value.problems
    assert problem.line == 5 and problem.column is not None
    assert problem.format().startswith(f"{path}:5:")


def test_schema_errors_name_item_field_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[board]\ntitle = "x"\n\n[[items]]\nid = "A"\n\n[[items]]\nid = "B"\n# note\nstatus = "someday"\n'
        'estimate_days = "two"\n\n[[risks]]\ntitle = "no id"\n'
    )
    with pytest.raises(BoardValidationError) as err:
        BoardStore.load(path)
    got = {(p.item, p.field, p.line) for p in err.value.problems}
    assert ("B", "status", 10) in got
    assert ("B", "estimate_days", 11) in got
    assert ("risks[1]", "id", 13) in got
    assert any("someday" in p.message for p in err.value.problems)


def test_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b'[board]\ntitle = "caf\xe9"\n')
    with pytest.raises(BoardSyntaxError) as err:
        BoardStore.load(path)
    assert err.value.problems[0].line == 2


def test_inline_items_load_but_refuse_edits(tmp_path: Path) -> None:
    path = tmp_path / "inline.toml"
    path.write_text('items = [{id = "A"}, {id = "B", depends_on = ["A"]}]\n')
    store = BoardStore.load(path)
    assert [i.id for i in store.board.items] == ["A", "B"]
    assert "[[items]]" in store.editable_reason
    with pytest.raises(EditError, match=r"\[\[items\]\]"):
        store.set_status("A", "done")


def test_reload_reuses_unchanged_items_and_sees_outside_edits(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    a_before = store.item("A")
    board_file.write_text(BOARD.replace('id = "C"\n', 'id = "C"\nstatus = "review"\n'))
    fresh = store.reload()
    assert fresh.item("C").status == "review"
    assert fresh.item("A") is a_before  # unchanged text: not parsed again
    assert fresh.board.risks == store.board.risks
    assert fresh.disk_state() == "same"
    fresh.set_status("B", "done")  # and it edits like any loaded store
    fresh.save()
    assert BoardStore.load(board_file).item("C").status == "review"


def test_reload_falls_back_to_full_load_for_other_tables_and_errors(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    board_file.write_text(BOARD.replace('title = "Demo"', 'title = "Renamed"'))
    assert store.reload().board.board.title == "Renamed"
    board_file.write_text(BOARD.replace('id = "C"\n', 'id = "C"\nstatus = "someday"\n'))
    with pytest.raises(BoardValidationError) as err:
        store.reload()
    assert err.value.problems[0].item == "C" and err.value.problems[0].line is not None
    board_file.write_text(BOARD.replace('[[items]]\nid = "C"\ndepends_on = ["B"]\n', ""))
    assert [i.id for i in store.reload().board.items] == ["A", "B"]


def test_new_subtable_keeps_the_blank_line_before_the_next_item() -> None:
    store = BoardStore.from_text('[[items]]\nid = "A"\n\n[[items]]\nid = "B"\n')
    store.set_field("A", "gate.verify", "make test")
    assert store.text().endswith('verify = "make test"\n\n[[items]]\nid = "B"\n')


def test_reload_after_a_board_table_edit_reuses_items(board_file: Path) -> None:
    store = BoardStore.load(board_file)
    board_file.write_text(
        BOARD.replace('title = "Demo"', 'title = "Renamed"').replace(
            'id = "R-1"\nmitigated_by = ["C"]', 'id = "R-1"\nmitigated_by = ["B", "C"]'
        )
    )
    fresh = store.reload()
    assert fresh.board.board.title == "Renamed"
    assert fresh.board.risks[0].mitigated_by == ["B", "C"]
    assert fresh.item("A") is store.item("A") and fresh.item("C") is store.item("C")
    assert fresh.text() == board_file.read_text()


def test_reload_rereads_items_when_status_aliases_change(board_file: Path) -> None:
    text = BOARD.replace('status = "Done"', 'status = "shipped-ish"').replace(
        'mystery_key = "kept"', 'mystery_key = "kept"\nstatus_aliases = { "shipped-ish" = "review" }'
    )
    board_file.write_text(text)
    store = BoardStore.load(board_file)
    assert store.item("A").status == "review"
    board_file.write_text(text.replace('"shipped-ish" = "review"', '"shipped-ish" = "done"'))
    assert store.reload().item("A").status == "done"
