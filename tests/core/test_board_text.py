"""A board's text is held once: as segments once split, with what was saved known as segments."""

from __future__ import annotations

import gc
from pathlib import Path
from types import FrameType

from readiness_tui.core.board.segments import Cuts, Segment, split_segments
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.board.text import BoardText

BOARD = '# kept\n[board]\ntitle = "t"\n\n[[items]]\nid = "A1"\ntitle = "a"\n\n[[items]]\nid = "B2"\ntitle = "b"\n'


def _whole_copies(text: BoardText, whole: str) -> int:
    # strings the object holds that are the whole text (its segments are parts of it)
    return sum(1 for v in vars(text).values() if isinstance(v, str) and v == whole)


def test_a_loaded_board_holds_its_text_once(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text(BOARD)
    store = BoardStore.load(path)
    text = store._text  # noqa: SLF001 - what the store holds is the point
    assert _whole_copies(text, BOARD) == 0
    assert "".join(s.text for s in text.segments) == BOARD == store.saved_text == store.text()
    assert not store.dirty


def test_saved_text_dirty_and_restore_follow_edits_and_saves(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text(BOARD)
    store = BoardStore.load(path)
    before = list(store.segments_now())
    store.set_fields("B2", {"title": "bee"})
    assert store.dirty and store.saved_text == BOARD and 'title = "bee"' in store.text()
    store.save()
    assert not store.dirty and store.saved_text == path.read_text() == store.text()
    store._text.restore(before)  # noqa: SLF001 - undo puts the old segments back
    assert store.dirty and store.text() == BOARD and store.saved_text == path.read_text()


def test_text_given_whole_is_split_once_and_then_not_kept() -> None:
    text = BoardText(BOARD, None)
    assert text.saved_text == BOARD == text.text() and not text.dirty
    assert _whole_copies(text, BOARD) == 1  # not split yet: the text is all there is
    segments = text.segments
    assert all(isinstance(s, Segment) for s in segments)
    assert _whole_copies(text, BOARD) == 0 and text.saved_text == BOARD
    text.mark_saved(text.text())
    assert _whole_copies(text, BOARD) == 0 and not text.dirty


def test_an_edit_set_back_is_not_dirty_and_saves_nothing(tmp_path: Path) -> None:
    # dirty compares only the segments that were replaced, not the joined text
    path = tmp_path / "b.toml"
    path.write_text(BOARD)
    store = BoardStore.load(path)
    store.set_fields("B2", {"title": "bee"})
    assert store.dirty
    store.set_fields("B2", {"title": "b"})  # a new segment object, with the text on disk
    assert not store.dirty
    mtime = path.stat().st_mtime_ns
    assert store.save() is False and path.stat().st_mtime_ns == mtime


def test_segments_cut_at_once_by_two_threads_are_one_list(tmp_path: Path) -> None:
    """The app's lint thread and its UI thread may both be first to ask for a cached board's
    segments: they must get the same list, or an edit made through one is lost to the other."""
    import threading

    from readiness_tui.core.board.segments import Cuts, split_segments

    big = BOARD + "".join(f'\n[[items]]\nid = "C{n}"\ntitle = "c"\n' for n in range(20_000))
    for _ in range(5):
        text = BoardText(big, Cuts.of(split_segments(big)))
        start = threading.Barrier(4)
        got: list[list[Segment]] = []

        def cut(text: BoardText = text, start: threading.Barrier = start, got: list = got) -> None:
            start.wait()
            got.append(text.segments)

        threads = [threading.Thread(target=cut) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(got) == 4 and all(g is text.segments for g in got)
        assert text.text() == big and not text.dirty


def test_the_index_of_a_text_cut_where_its_cuts_say_follows_rows_added_and_removed() -> None:
    from readiness_tui.core.board.parse import segment_index
    from readiness_tui.core.board.segments import Cuts, split_segments

    def index_of_segments(text: BoardText) -> tuple[dict[str, list[int]], dict[str, int]]:
        return segment_index(Cuts.of(text.segments).bounds)

    text = BoardText(BOARD, Cuts.of(split_segments(BOARD)))
    assert text.arrays["items"] == [1, 2]  # known from the cuts, before any segment is cut
    text.segments  # cut  # noqa: B018
    assert (text.arrays, text.tables) == index_of_segments(text)
    text.put(2, Segment("items", '[[items]]\nid = "B2"\ntitle = "bee"\n', 10, 10, True))
    assert (text.arrays, text.tables) == index_of_segments(text)
    text.insert_record("items", 1, '[[items]]\nid = "N"\n')
    assert text.arrays["items"] == [1, 2, 3] and (text.arrays, text.tables) == index_of_segments(text)
    text.delete(2)
    assert text.arrays["items"] == [1, 2] and (text.arrays, text.tables) == index_of_segments(text)
    text.append(Segment("risks", '[[risks]]\nid = "R"\n', 1, 1, True))
    assert text.arrays["risks"] == [3] and (text.arrays, text.tables) == index_of_segments(text)
    text.restore(text.segments[:2])
    assert (
        text.arrays["items"] == [1]
        and text.arrays["risks"] == []
        and (text.arrays, text.tables) == index_of_segments(text)
    )


def test_the_shapes_of_the_cuts_are_let_go_once_the_index_is_read() -> None:
    # A tuple per segment (10,000 on a big board) is held only until the index is known.
    for index_first in (True, False):
        cuts = Cuts.of(split_segments(BOARD))
        shapes = cuts.bounds
        text = BoardText(BOARD, cuts)
        del cuts
        if index_first:
            arrays = text.arrays
            text.segments  # noqa: B018 - cut now
        else:
            text.segments  # noqa: B018
            arrays = text.arrays
        assert arrays["items"] == [1, 2]
        assert [r for r in gc.get_referrers(shapes) if not isinstance(r, FrameType)] == []
        text.insert_record("items", 2, '[[items]]\nid = "C3"\n')
        assert text.arrays["items"] == [1, 2, 3]
        assert "".join(s.text for s in text.segments) == BOARD + '\n[[items]]\nid = "C3"\n'


def test_a_segment_holds_no_dict_of_its_own() -> None:
    # One per record: a dict (or the space kept for one) each would be 40 bytes more per record.
    seg = Segment("items", '[[items]]\nid = "A1"\n', 5, 5, True)
    assert not hasattr(seg, "__dict__")
    assert seg == Segment("items", '[[items]]\nid = "A1"\n', 5, 5, True)
