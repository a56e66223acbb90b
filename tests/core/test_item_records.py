"""Issue 46: ``list --json`` reads the board's progress notes once for all items, and ``list``
without a filter gathers no vocabulary; the records and lines are those of one item at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.filters import filtering
from readiness_tui.core.outputs.itemview import item_notes, item_record, items_document, notes_by_item

BOARD = """\
[board]
title = "Notes"

[[items]]
id = "A"
title = "Parent"
owner = "@ana"
priority = "P1"

[[items]]
id = "B"
title = "Child"
parent = "A"

[[items]]
id = "C"
title = "Alone"

[[progress]]
date = 2026-03-04
item = "B"
text = "later"

[[progress]]
item = "B"
status = "blocked"
text = "undated"

[[progress]]
date = 2026-03-01
item = "A"
text = "first of A"

[[progress]]
date = 2026-03-02
item = "B"
text = "earlier"

[[progress]]
date = 2026-03-02
item = "NOPE"
text = "an item the board lacks"
"""


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "b.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def test_notes_by_item_are_each_items_notes(board: Path) -> None:
    b = BoardStore.load(board).board
    grouped = notes_by_item(b)
    assert [n["text"] for n in grouped["B"]] == ["undated", "earlier", "later"]
    for item_id in ("A", "B", "C", "NOPE"):
        assert grouped.get(item_id, []) == item_notes(b, item_id)


def test_items_document_equals_one_record_at_a_time(board: Path) -> None:
    b = BoardStore.load(board).board
    a = Analysis(b)
    doc = items_document(b.items, a)
    assert doc["items"] == [item_record(it, a) for it in b.items]
    by_id = {rec["id"]: rec for rec in doc["items"]}
    assert by_id["B"]["owner_effective"] == "@ana"
    assert by_id["B"]["inherited"] == ["owner", "priority"]
    assert [n["text"] for n in by_id["B"]["progress"]] == ["undated", "earlier", "later"]
    assert by_id["C"]["progress"] == []


def test_list_json_reads_the_notes_once(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = notes_by_item

    def counted(b: object) -> object:
        calls.append(1)
        return real(b)  # type: ignore[arg-type]

    import readiness_tui.core.outputs.itemview as itemview

    monkeypatch.setattr(itemview, "notes_by_item", counted)
    res = CliRunner().invoke(cli, ["list", str(board), "--json"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.output)["items"]) == 3
    assert calls == [1]


@pytest.mark.parametrize("expr", ["", "   "])
def test_an_empty_filter_gathers_no_vocabulary(board: Path, monkeypatch: pytest.MonkeyPatch, expr: str) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("vocabulary gathered for an empty filter")

    monkeypatch.setattr(filtering, "vocabulary", refuse)
    res = CliRunner().invoke(cli, ["list", str(board), "-f", expr])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert [ln.split()[0] for ln in lines] == ["A", "B", "C"]
    assert "@ana (inherited)" in lines[1]


def test_a_filter_still_checks_its_values(board: Path) -> None:
    res = CliRunner().invoke(cli, ["list", str(board), "-f", "owner:@nobody"])
    assert res.exit_code != 0
    assert "nobody" in res.output


def test_json_is_written_as_the_standard_library_writes_it(board: Path) -> None:
    board.write_text(BOARD.replace('title = "Alone"', 'title = "Déploiement ✅ \\"quoted\\""'), encoding="utf-8")
    res = CliRunner().invoke(cli, ["list", str(board), "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout_bytes)
    assert res.stdout_bytes == (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    assert doc["items"][2]["fields"]["title"] == 'Déploiement ✅ "quoted"'
