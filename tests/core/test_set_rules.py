"""``readiness set`` reads fields the way the app does, keeps multi-line text multi-line, and refuses
references to items that do not exist."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore

BOARD = '''[board]
title = "Rules"
status_aliases = { "parked" = "blocked" }

[[items]]
id = "CODEX-P0-001"
title = "First"
description = """
Line one.
Line two.
"""

[[items]]
id = "CODEX-P0-002"
title = "Second"
depends_on = ["GONE-1"]  # dangling: lint reports it
'''


def _board(tmp_path: Path) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def test_set_accepts_a_status_alias_the_board_declares(tmp_path: Path) -> None:
    board = _board(tmp_path)
    result = run("set", str(board), "CODEX-P0-001", "status=parked")
    assert result.exit_code == 0, result.output
    assert BoardStore.load(board).item("CODEX-P0-001").status == "blocked"


def test_multi_line_text_keeps_its_triple_quotes(tmp_path: Path) -> None:
    board = _board(tmp_path)
    store = BoardStore.load(board)
    store.set_fields("CODEX-P0-001", {"description": "Line one.\nLine two, edited.\n"})
    store.save()
    text = board.read_text()
    assert 'description = """\nLine one.\nLine two, edited.\n"""' in text
    assert "\\n" not in text


def test_an_unknown_dependency_is_refused_with_a_hint(tmp_path: Path) -> None:
    board = _board(tmp_path)
    before = board.read_text()
    result = run("set", str(board), "CODEX-P0-002", "depends_on+=CODEX-P0-0O1")
    assert result.exit_code == 1
    assert "no item 'CODEX-P0-0O1'" in result.output and "did you mean CODEX-P0-001" in result.output
    assert board.read_text() == before and audit.read(board) == []


def test_a_dangling_dependency_the_item_had_does_not_block_other_edits(tmp_path: Path) -> None:
    board = _board(tmp_path)
    result = run("set", str(board), "CODEX-P0-002", "depends_on+=CODEX-P0-001")
    assert result.exit_code == 0, result.output
    assert BoardStore.load(board).item("CODEX-P0-002").depends_on == ["GONE-1", "CODEX-P0-001"]


def test_numbers_must_be_finite_and_in_range(tmp_path: Path) -> None:
    board = _board(tmp_path)
    for bad in (
        "estimate_days=nan",
        "estimate_days=inf",
        "estimate_days=1e400",
        "estimate_days=-1",
        "gate.timeout_s=0",
        "gate.timeout_s=nan",
    ):
        result = run("set", str(board), "CODEX-P0-001", bad)
        assert result.exit_code != 0, bad
        assert "must be" in result.output, (bad, result.output)
    assert audit.read(board) == []


def test_set_records_once_with_the_board_hash(tmp_path: Path) -> None:
    board = _board(tmp_path)
    assert run("set", str(board), "CODEX-P0-001", "owner=@ana").exit_code == 0
    (rec,) = audit.read(board)
    assert (rec.source, rec.item, rec.field, rec.new) == ("cli", "CODEX-P0-001", "owner", "@ana")
    import hashlib

    assert rec.data["board"] == hashlib.sha256(board.read_bytes()).hexdigest()
