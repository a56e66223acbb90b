"""The parse cache serves a board that changed since its entry was written (an editor's edit,
``git pull``): only the changed items are parsed (with every record but the items when one of
those changed), and the board is the one a full parse gives."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.core.board import parse as board_parse
from readiness_tui.core.board import respan
from readiness_tui.core.board.segments import Segment, split_segments
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import layout as cache_layout
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache import parse_cache as board_cache
from tests.core.test_caches_end_to_end import uncached

# The board and edits the reread tests use: items, sub-tables, comments, a risk, the board table,
# an item that stops parsing, a multi-line string.
from tests.core.test_reread import BOARD, EDITS, shape


@pytest.fixture
def item_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the item segments parsed (an earlier entry served the rest): one by one, by
    ``respan.items_only`` or by ``board_parse.assemble_by_item`` (``respan.reassemble``), or a run
    at a time when every item is read again (``board_parse.parse_items_text``)."""
    seen: list[str] = []
    real = board_parse.parse_item_text
    real_run = board_parse.parse_items_text

    def counting(text: str, board):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real(text, board)

    def counting_run(texts: list[str], board):  # type: ignore[no-untyped-def]
        seen.extend(texts)
        monkeypatch.setattr(board_parse, "parse_item_text", real)  # a run's fallback is not counted twice
        try:
            return real_run(texts, board)
        finally:
            monkeypatch.setattr(board_parse, "parse_item_text", counting)

    monkeypatch.setattr(respan, "parse_item_text", counting)
    monkeypatch.setattr(board_parse, "parse_item_text", counting)
    monkeypatch.setattr(board_parse, "parse_items_text", counting_run)
    return seen


@pytest.fixture
def unpacks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per model unpickled from an entry and rebuilt."""
    seen: list[int] = []
    real = cache_layout.unpack

    def counting(payload):  # type: ignore[no-untyped-def]
        seen.append(1)
        return real(payload)

    monkeypatch.setattr(cache_layout, "unpack", counting)
    return seen


def cached(path: Path, text: str) -> BoardStore:
    """``path`` holding ``text``, loaded once with its entry written."""
    path.write_text(text, encoding="utf-8")
    store = BoardStore.load(path)
    board_cache.flush()
    return store


def test_an_edited_item_is_parsed_alone_and_the_rest_comes_from_the_entry(
    cache_on: None, tmp_path: Path, parses: list[str], item_parses: list[str]
) -> None:
    path = tmp_path / "plan.toml"
    first = cached(path, BOARD)
    item_parses.clear()  # the first load's
    path.write_text(BOARD.replace('title = "Second"', 'title = "Renamed"'), encoding="utf-8")
    store = BoardStore.load(path)
    assert parses == [str(path)]  # the first load only
    assert len(item_parses) == 1 and 'id = "A-2"' in item_parses[0]
    assert store.item("A-2").title == "Renamed"
    assert store.item("A-1") == first.item("A-1") and store.board.risks == first.board.risks
    assert store.text() == path.read_text(encoding="utf-8")
    # Lines are where the file has them now (an item added above shifts everything below it).
    path.write_text(BOARD.replace('[[items]]\nid = "A-3"', '[[items]]\nid = "A-0"\n\n[[items]]\nid = "A-3"'))
    store = BoardStore.load(path)
    assert [it.id for it in store.board.items] == ["A-1", "A-2", "A-0", "A-3"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[store.line_index().record("items", 3, "status") - 1] == 'status = "done"'
    assert lines[store.line_index().record("items", 1, "depends_on") - 1] == 'depends_on = ["A-1"]'


def test_the_board_read_from_an_earlier_entry_is_remembered_for_the_next_load(
    cache_on: None, tmp_path: Path, parses: list[str], item_parses: list[str], unpacks: list[int]
) -> None:
    path = tmp_path / "plan.toml"
    cached(path, BOARD)
    item_parses.clear()
    path.write_text(BOARD.replace('status = "todo"', 'status = "started"'), encoding="utf-8")
    BoardStore.load(path)
    board_cache.flush()
    again = BoardStore.load(path)
    assert again.item("A-1").status == "in_progress"  # the board's alias, folded as a full parse folds it
    assert parses == [str(path)] and len(item_parses) == 1 and len(unpacks) == 2
    assert board_cache.is_current(path)


def test_a_changed_risk_is_parsed_with_the_other_records_and_every_item_comes_from_the_entry(
    cache_on: None, tmp_path: Path, parses: list[str], item_parses: list[str], unpacks: list[int]
) -> None:
    path = tmp_path / "plan.toml"
    first = cached(path, BOARD)
    item_parses.clear()
    path.write_text(BOARD.replace('severity = "high"', 'severity = "low"'), encoding="utf-8")
    store = BoardStore.load(path)
    assert store.board.risks[0].severity == "low"
    assert parses == [str(path)] and item_parses == [] and unpacks == [1]
    assert store.board == BoardStore.from_text(path.read_text(encoding="utf-8")).board
    assert store.board.items == first.board.items
    board_cache.flush()  # remembered: the next load is a current entry's
    assert board_cache.is_current(path)


def test_changed_status_aliases_parse_every_item_again(
    cache_on: None, tmp_path: Path, parses: list[str], item_parses: list[str]
) -> None:
    path = tmp_path / "plan.toml"
    cached(path, BOARD)
    item_parses.clear()
    path.write_text(BOARD.replace('started = "in_progress"', 'started = "blocked"'), encoding="utf-8")
    store = BoardStore.load(path)
    assert store.item("A-2").status == "blocked"  # folded by the board's aliases as they are now
    assert parses == [str(path)] and len(item_parses) == 3


def test_a_big_board_mostly_new_is_parsed_whole_without_unpickling_the_model(
    cache_on: None, tmp_path: Path, parses: list[str], unpacks: list[int]
) -> None:
    path = tmp_path / "plan.toml"
    many = "".join(f'[[items]]\nid = "B-{n}"\ntitle = "Item {n} {"x" * 60}"\n\n' for n in range(1000))
    cached(path, '[board]\ntitle = "Big"\n\n' + many)
    path.write_text('[board]\ntitle = "Other"\n\n' + many.replace("Item", "Task"), encoding="utf-8")
    assert BoardStore.load(path).item("B-7").title.startswith("Task 7")
    assert parses == [str(path), str(path)] and unpacks == []


def test_an_earlier_entry_of_another_board_path_is_not_used(cache_on: None, tmp_path: Path, parses: list[str]) -> None:
    path, other = tmp_path / "plan.toml", tmp_path / "other.toml"
    cached(path, BOARD)
    other.write_text(BOARD.replace('title = "Second"', 'title = "Renamed"'), encoding="utf-8")
    board_cache._entry(path.resolve()).rename(board_cache._entry(other.resolve()))
    assert BoardStore.load(other).item("A-2").title == "Renamed"
    assert parses == [str(path), str(other)]


@pytest.mark.parametrize("cut", [-1, -200, 0.5])
def test_a_damaged_earlier_entry_is_ignored(cache_on: None, tmp_path: Path, parses: list[str], cut: float) -> None:
    path = tmp_path / "plan.toml"
    cached(path, BOARD)
    entry = board_cache._entry(path.resolve())
    data = entry.read_bytes()
    entry.write_bytes(data[: int(len(data) * cut) if isinstance(cut, float) else cut])
    path.write_text(BOARD.replace('title = "Second"', 'title = "Renamed"'), encoding="utf-8")
    assert BoardStore.load(path).item("A-2").title == "Renamed"
    assert parses == [str(path), str(path)]


@given(st.lists(st.sampled_from(EDITS), min_size=1, max_size=3, unique=True))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_board_read_from_an_earlier_entry_is_the_board_a_full_parse_gives(
    tmp_path: Path, edits: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "plan.toml"
    text = BOARD
    for old, new, _ in edits:  # (what each edit touches is test_reread's business)
        text = text.replace(old, new)
    try:
        full: BoardStore | Exception = BoardStore.from_text(text, str(path))
    except Exception as exc:  # noqa: BLE001 - then the cached load must refuse it the same way
        full = exc
    caches.enable(answers=False)  # the parse cache alone, through its one door
    try:
        cached(path, BOARD)
        path.write_text(text, encoding="utf-8")
        try:
            got = BoardStore.load(path)
        except Exception as mine:  # noqa: BLE001
            assert isinstance(full, Exception), f"a full parse reads it: {mine}"
            assert type(mine) is type(full) and str(mine) == str(full)
            return
    finally:
        caches.enable(False)
    assert isinstance(full, BoardStore), f"a full parse refuses it: {full}"
    assert got.board == full.board
    assert got.text() == text
    assert shape(got.snapshot().segments) == shape(split_segments(text))
    assert all(
        got.line_index().record("items", n, key) == full.line_index().record("items", n, key)
        for n in range(len(full.board.items))
        for key in (None, "status", "title")
    )


def _run(board: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness_tui", *args[:1], str(board), *args[1:]],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_lint_after_an_outside_edit_says_what_lint_with_no_cache_says(tmp_path: Path) -> None:
    """A real process: the cache fills after a first lint, an editor changes one item, lint again."""
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    assert _run(path, "lint").returncode == 0
    deadline = time.monotonic() + 30
    while not board_cache.is_current(path) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert board_cache.is_current(path)
    path.write_text(BOARD.replace('depends_on = ["A-1"]', 'depends_on = ["A-1", "A-9"]'), encoding="utf-8")
    got = _run(path, "lint")
    # The entry point called with arguments never reads the caches: the reference.
    code, out, _ = uncached(path, "lint")
    assert got.returncode == code == 1
    assert got.stdout == out and "A-9" in got.stdout
    (found,) = [row for row in got.stdout.splitlines() if "A-9" in row]
    line = int(found.split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1] == 'depends_on = ["A-1", "A-9"]'


def test_an_entry_holds_the_text_after_the_model_and_a_current_load_reads_no_further(
    cache_on: None, tmp_path: Path, parses: list[str]
) -> None:
    path = tmp_path / "plan.toml"
    cached(path, BOARD)
    segments: list[Segment] = BoardStore.load(path).snapshot().segments
    assert "".join(s.text for s in segments) == BOARD
    data = board_cache._entry(path.resolve()).read_bytes()
    assert data.endswith(b".")  # the text's pickle ends the file
    # Cut the text off: a load of the same text never reads that far.
    import pickle

    tail = len(pickle.dumps(BOARD, protocol=pickle.HIGHEST_PROTOCOL))
    board_cache._entry(path.resolve()).write_bytes(data[:-tail])
    assert BoardStore.load(path).text() == BOARD
    assert parses == [str(path)]
