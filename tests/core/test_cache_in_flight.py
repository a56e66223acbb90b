"""A load that finds another process writing the entry it wants waits for it instead of parsing the
board again; what is not such a writer (a dead one's leftover, another version's) is not waited for."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from readiness_tui.core.board.fsutil import FileStamp
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import in_flight
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache import parse_cache as board_cache

BOARD = """\
[board]
title = "In flight"

[[items]]
id = "A-01"
title = "First"

[[items]]
id = "A-02"
title = "Second"
depends_on = ["A-01"]
"""


@pytest.fixture
def board(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    caches.enable(answers=False)  # the parse cache, and the hooks a load reaches it by
    yield path
    caches.enable(False)


@pytest.fixture
def writer() -> Iterator[int]:
    """The pid of a live process standing in for the cache writer (a forked child in real use)."""
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc.pid
    proc.kill()
    proc.wait()


def written_entry(board: Path) -> tuple[Path, bytes]:
    """The entry of ``board`` as the writer leaves it, removed again: (its path, its bytes)."""
    BoardStore.load(board)
    board_cache.flush()
    entry = board_cache._entry(board.resolve())
    data = entry.read_bytes()
    entry.unlink()
    return entry, data


class Polls(list[float]):
    """Each pause of a load waiting for a writer, on a clock of its own: ``in_flight`` reads the
    time and sleeps through it, so a wait is counted, not timed (nothing really sleeps), and
    ``then`` runs at a pause (the writer finishing while the load waits)."""

    def __init__(self) -> None:
        super().__init__()
        self.now = 0.0
        self.then: Callable[[], None] | None = None

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.append(seconds)
        self.now += seconds
        if self.then is not None:
            self.then()


@pytest.fixture
def polls(monkeypatch: pytest.MonkeyPatch) -> Polls:
    clock = Polls()
    monkeypatch.setattr(in_flight, "time", clock)
    return clock


def header_of(data: bytes) -> bytes:
    version, key, _ = data.split(b"\n", 2)
    return version + b"\n" + key + b"\n"


def test_a_load_waits_for_the_writer_of_its_entry_and_parses_nothing(
    board: Path, parses: list[str], writer: int, monkeypatch: pytest.MonkeyPatch, polls: Polls
) -> None:
    monkeypatch.setattr(board_cache, "_wait_budget", lambda chars: 5.0)
    entry, data = written_entry(board)
    tmp = entry.with_name(f".{entry.name}.{writer}.tmp")
    tmp.write_bytes(header_of(data))  # the writer has begun: its header names this board as it is

    def finish() -> None:  # the writer is done while the load waits
        tmp.write_bytes(data)
        tmp.replace(entry)

    polls.then = finish
    store = BoardStore.load(board)
    assert polls == [in_flight._POLL_S]  # it waited, one pause, and took the entry when it came
    assert parses == [str(board)]  # only written_entry's own load parsed
    assert [it.id for it in store.board.items] == ["A-01", "A-02"]


def test_a_dead_writers_leftover_is_not_waited_for(board: Path, parses: list[str], polls: Polls) -> None:
    entry, data = written_entry(board)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    entry.with_name(f".{entry.name}.{dead.pid}.tmp").write_bytes(header_of(data))
    BoardStore.load(board)
    assert polls == []
    assert len(parses) == 2


def test_a_writer_of_another_version_of_the_board_is_not_waited_for(
    board: Path, parses: list[str], writer: int, polls: Polls
) -> None:
    entry, data = written_entry(board)
    version, key, _ = data.split(b"\n", 2)
    other = key.replace(key[-20:-2], b"0" * 18)
    assert other != key
    entry.with_name(f".{entry.name}.{writer}.tmp").write_bytes(version + b"\n" + other + b"\n")
    BoardStore.load(board)
    assert polls == []
    assert len(parses) == 2


def test_a_writer_that_does_not_finish_is_waited_for_no_longer_than_the_budget(
    board: Path, parses: list[str], writer: int, monkeypatch: pytest.MonkeyPatch, polls: Polls
) -> None:
    entry, data = written_entry(board)
    entry.with_name(f".{entry.name}.{writer}.tmp").write_bytes(header_of(data))
    monkeypatch.setattr(board_cache, "_wait_budget", lambda chars: 0.3)
    store = BoardStore.load(board)
    # Its whole budget, in pauses of _POLL_S, and not one pause more.
    assert set(polls) == {in_flight._POLL_S}
    assert 0.3 <= sum(polls) < 0.3 + in_flight._POLL_S
    assert len(parses) == 2  # it gave up and parsed
    assert store.item("A-02").depends_on == ["A-01"]


def test_the_writer_names_its_file_after_itself_and_writes_the_header_first(board: Path) -> None:
    """What the waiting side relies on: the name carries the writer's pid, and the header is on
    disk before the payload is built."""
    BoardStore.load(board)
    seen: list[bytes] = []
    real_dumps = board_cache.pickle.dumps

    def spying(obj: object, *args: object, **kwargs: object) -> bytes:
        tmp = in_flight.temp_name(board_cache._entry(board.resolve()))
        seen.append(tmp.read_bytes())
        return real_dumps(obj, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(board_cache.pickle, "dumps", spying)
        board_cache.flush()
    entry = board_cache._entry(board.resolve())
    assert seen and seen[0] == header_of(entry.read_bytes())


def test_a_writer_file_that_cannot_be_read_is_not_waited_for(
    board: Path, parses: list[str], writer: int, monkeypatch: pytest.MonkeyPatch, polls: Polls
) -> None:
    entry, data = written_entry(board)
    tmp = entry.with_name(f".{entry.name}.{writer}.tmp")
    tmp.mkdir()  # opening it for reading fails (IsADirectoryError), as an unreadable file would
    monkeypatch.setattr(board_cache, "_wait_budget", lambda chars: 5.0)
    BoardStore.load(board)
    assert polls == []
    assert len(parses) == 2


def test_a_load_of_a_text_whose_items_changed_reads_them_instead_of_waiting_and_leaves_the_entry_to_the_writer(
    board: Path, parses: list[str], writer: int, monkeypatch: pytest.MonkeyPatch, polls: Polls
) -> None:
    """The previous command changed an item (``set``) and its writer is still at the entry of the
    new text: the entry of the text before, with the changed item read, serves at once."""
    monkeypatch.setattr(board_cache, "_wait_budget", lambda chars: 5.0)
    BoardStore.load(board)
    board_cache.flush()  # the entry of the text before
    before = board_cache._entry(board.resolve()).read_bytes()
    board.write_text(BOARD.replace('title = "Second"', 'title = "Second, renamed"'), encoding="utf-8")
    BoardStore.load(board)  # parses the changed item alone, and remembers the new text
    board_cache.forget_pending()
    entry = board_cache._entry(board.resolve())
    entry.write_bytes(before)
    new_header = board_cache._header(board.resolve(), FileStamp.of_bytes(board, board.read_bytes()))
    entry.with_name(f".{entry.name}.{writer}.tmp").write_bytes(new_header)  # the writer has begun
    store = BoardStore.load(board)
    assert polls == []  # not waiting for the writer
    assert parses == [str(board)]  # the first load alone parsed the whole board
    assert store.item("A-02").title == "Second, renamed"
    assert not board_cache.pending()  # the writer keeps this text: nothing to write twice
    entry.with_name(f".{entry.name}.{writer}.tmp").unlink()
    BoardStore.load(board)
    assert board_cache.pending()  # with nobody writing it, this load keeps it


def test_a_live_writer_of_this_version_counts_as_writing_it_as_soon_as_its_header_begins(
    board: Path, writer: int
) -> None:
    entry, data = written_entry(board)
    version, key, _ = data.split(b"\n", 2)
    header = version + b"\n" + key + b"\n"
    tmp = entry.with_name(f".{entry.name}.{writer}.tmp")
    tmp.write_bytes(b"")  # made, its header not written yet: it may be this version
    assert in_flight.writing(entry, header)
    tmp.write_bytes(header[:10])
    assert in_flight.writing(entry, header)
    tmp.write_bytes(header)
    assert in_flight.writing(entry, header)
    # Another version's writer, and a dead writer's leftover, are not writing this one.
    tmp.write_bytes(version + b"\n" + key.replace(key[-20:-2], b"0" * 18) + b"\n")
    assert not in_flight.writing(entry, header) and in_flight.writing(entry)
    tmp.rename(entry.with_name(f".{entry.name}.999999999.tmp"))
    assert not in_flight.writing(entry, header) and not in_flight.writing(entry)
