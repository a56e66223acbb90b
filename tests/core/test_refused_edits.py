"""Edits a board must refuse, or say how it read them: an empty title (form, ``set``, ``add``), a
status alias (``wontfix`` read as ``cancelled``, said), a misspelt status (the filter's
did-you-mean)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController
from readiness_tui.core.edits.itemform import form_values, validate_form

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "boards" / "launch.toml"


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "launch.toml"
    shutil.copy(FIXTURE, path)
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("title", ["", "   "])
def test_set_refuses_an_empty_title_naming_file_line_and_field(board: Path, title: str) -> None:
    before = board.read_bytes()
    result = run("set", str(board), "SEC-02", f"title={title}")
    assert result.exit_code == 1
    assert f"{board}:56: SEC-02.title: an item needs a title" in result.output
    assert board.read_bytes() == before


@pytest.mark.parametrize("title", ["", " "])
def test_add_refuses_an_empty_title(board: Path, title: str) -> None:
    before = board.read_bytes()
    result = run("add", str(board), "--title", title)
    assert result.exit_code == 1
    assert ".title: an item needs a title" in result.output
    assert board.read_bytes() == before


def test_the_editor_refuses_what_the_agent_tools_and_app_send(board: Path) -> None:
    editor = EditController(BoardStore.load(board), audit_source=None)
    result = editor.set_fields("SEC-02", {"title": None})
    assert not result.ok and "SEC-02.title" in result.error
    assert editor.store.item("SEC-02").title == "Branch protection requires the scan summary"
    assert not editor.add_item({"id": "NEW-1"}).ok


def test_the_item_form_says_a_title_is_required_on_the_field(board: Path) -> None:
    store = BoardStore.load(board)
    raw = form_values(store.item("SEC-02"))
    raw["title"] = "  "
    values, errors = validate_form(store, "SEC-02", raw)
    assert values == {} and errors == {"title": "an item needs a title"}


def test_a_status_alias_is_stored_and_said(board: Path) -> None:
    result = run("set", str(board), "SEC-02", "status=wontfix")
    assert result.exit_code == 0
    assert "SEC-02.status 'wontfix' read as 'cancelled'" in result.output
    assert BoardStore.load(board).item("SEC-02").status == "cancelled"
    plain = run("set", str(board), "SEC-02", "status=done")
    assert "read as" not in plain.output


def test_a_misspelt_status_gets_the_filters_did_you_mean(board: Path) -> None:
    edit = run("set", str(board), "SEC-02", "status=doen")
    listed = run("list", str(board), "-f", "status:doen")
    assert edit.exit_code == 2 and listed.exit_code == 2
    assert "did you mean 'done' or 'todo'?" in edit.output
    assert "did you mean 'done' or 'todo'?" in listed.output
