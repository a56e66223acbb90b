"""Reading a changed board file in pieces (core.file_span) gives what ``respan`` gives for the
whole decoded file, and never reads the file whole."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core.board import file_span as file_span_module
from readiness_tui.core.board.file_span import file_span
from readiness_tui.core.board.reread import reread
from readiness_tui.core.board.respan import respan
from readiness_tui.core.board.segments import Segment, split_segments
from readiness_tui.core.board.store import BoardStore

#: Pieces that move segment boundaries (see test_reread), with text that is not ASCII and CRLF
#: line ends: a segment's bytes are longer than its text.
PIECES = [
    "[board]\n",
    'title = "P"\n',
    "[[items]]\n",
    'id = "A-1"\n',
    'title = "é€ 😀"\n',
    "[items.gate]\n",
    'verify = "make"\r\n',
    "# a comment ü\n",
    "\n",
    '"""\n',
    'notes = """\n',
    "[[risks]]\n",
    "[matrix]\n",
    "  [[items]]  # indented\n",
    'x = "[[items]]"\n',
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
BOM = "\ufeff"


def shape(segments: list[Segment]) -> list[tuple[str, str, bool, int, int]]:
    return [(s.kind, s.text, s.is_array, s.start_line, s.header_line) for s in segments]


@contextmanager
def chunk(size: int, batch: int = 4) -> Iterator[None]:
    """Pieces of ``size`` bytes, ``batch`` segments compared at once."""
    was = file_span_module.CHUNK, file_span_module.BATCH
    file_span_module.CHUNK, file_span_module.BATCH = size, batch
    try:
        yield
    finally:
        file_span_module.CHUNK, file_span_module.BATCH = was


@given(texts, st.data(), st.sampled_from(["", BOM]), st.integers(1, 48), st.integers(1, 6))
@settings(max_examples=500, deadline=None)
def test_the_span_read_in_pieces_is_the_span_of_the_decoded_text(
    old_text: str, data: st.DataObject, bom: str, size: int, batch: int
) -> None:
    old = split_segments(old_text)
    a = data.draw(st.integers(0, len(old_text)))
    b = data.draw(st.integers(a, len(old_text)))
    text = old_text[:a] + data.draw(texts) + old_text[b:]
    raw = (bom + text).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp, chunk(size, batch):
        path = Path(tmp) / "b.toml"
        path.write_bytes(raw)
        got = file_span(path, old)
    assert got.stamp.sha256 == hashlib.sha256(raw).hexdigest() and got.stamp.size == len(raw)
    want = respan(old, text)
    if want is None or got.span is None:
        assert want is None and got.span is None
        return
    assert (got.span.start, got.span.stop) == (want.start, want.stop)
    assert shape(got.span.new) == shape(want.new)


def test_text_that_is_not_utf8_in_the_changed_stretch_is_left_to_the_whole_read(tmp_path: Path) -> None:
    text = '[[items]]\nid = "A"\n\n[[items]]\nid = "B"\n\n[[items]]\nid = "C"\n'
    path = tmp_path / "b.toml"
    path.write_bytes(text.replace('"B"', '"B\xff"').encode("latin-1"))
    assert file_span(path, split_segments(text)).span is None


BIG = '[board]\ntitle = "Big"\n\n' + "".join(
    f'[[items]]\nid = "I-{n}"\ntitle = "Item {n} ü"\ndepends_on = [{f"{chr(34)}I-{n - 1}{chr(34)}" if n else ""}]\n\n'
    for n in range(400)
)


def test_a_reread_of_one_changed_item_never_holds_the_file_whole(tmp_path: Path, monkeypatch: Any) -> None:
    path = tmp_path / "big.toml"
    path.write_text(BIG, encoding="utf-8")
    store = BoardStore.load(path)
    path.write_text(BIG.replace('title = "Item 7 ü"', 'title = "Seven"'), encoding="utf-8")
    largest = [0]
    real_open = open

    class Counted:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> Counted:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def read(self, n: int = -1) -> bytes:
            got = self.fh.read(n)
            largest[0] = max(largest[0], len(got))
            return got

        def __getattr__(self, name: str) -> Any:
            return getattr(self.fh, name)

    monkeypatch.setattr(file_span_module, "open", lambda p, mode: Counted(real_open(p, mode)), raising=False)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read whole"))
    with chunk(1024):
        got = reread(store)
    monkeypatch.undo()
    assert got.store.item("I-7").title == "Seven" and got.store.text() == path.read_text(encoding="utf-8")
    assert got.store.board.items[8] is store.board.items[8]
    assert got.changes is not None and [(c.item, c.field) for c in got.changes] == [("I-7", "title")]
    assert len(BIG) > 20 * 1024 and largest[0] <= 1024
    assert got.store.stamp == BoardStore.load(path).stamp


def test_a_file_written_while_it_is_read_is_left_to_the_whole_read(tmp_path: Path, monkeypatch: Any) -> None:
    """An in-place write during the read changes the file's time or size between the two
    ``fstat``s: the pieces may mix two versions, so no span is given, and ``reread`` reads the file
    whole (the stamp then comes from the bytes it parsed)."""
    import os

    path = tmp_path / "big.toml"
    path.write_text(BIG, encoding="utf-8")
    store = BoardStore.load(path)
    path.write_text(BIG.replace('title = "Item 7 ü"', 'title = "Seven"'), encoding="utf-8")
    real_fstat = os.fstat
    seen: list[int] = []

    def moving_fstat(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        seen.append(fd)
        if len(seen) == 1:
            return st
        fields = list(st)
        fields[8] += 1  # st_mtime: a second later, as a write during the read leaves it
        return os.stat_result((*fields[:10],), {"st_mtime_ns": st.st_mtime_ns + 10**9, "st_size": st.st_size})

    monkeypatch.setattr(file_span_module.os, "fstat", moving_fstat)
    found = file_span(path, list(store.segments_now()))
    assert found.span is None and len(seen) == 2
    monkeypatch.undo()
    seen.clear()
    wholes: list[Path] = []
    real_read = Path.read_bytes
    monkeypatch.setattr(file_span_module.os, "fstat", moving_fstat)
    monkeypatch.setattr(Path, "read_bytes", lambda self: wholes.append(self) or real_read(self))
    got = reread(store)
    assert wholes == [path] and got.store.item("I-7").title == "Seven"
