"""A board read from an earlier parse-cache entry is compared with the text now in runs of
segments (``respan.respan_cut``) and, when only items changed, keeps its segments as ``Cuts``
(``respan.items_only_cut``): the same span, board and segments as cutting every segment gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.bench.generate import generate_board_text
from readiness_tui.core.board import respan
from readiness_tui.core.board.segments import Cuts, CutText, split_segments
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache import parse_cache as board_cache
from tests.core.test_reread import shape

#: Over 300 segments: several runs of ``respan._RUN`` on each side of any change.
BIG = generate_board_text(300, seed=3)
_SEGS = split_segments(BIG)

#: Pieces an edit may put in: header lines, keys, comments, a multi-line string, blank lines.
_PIECES = st.sampled_from(
    ["\n", "[[items]]\n", 'id = "X-1"\n', 'title = "t"\n', "# note\n", "[risks]\n", '"""\n', "x", "[items.gate]\n", ""]
)
_EDIT = st.tuples(st.floats(0, 1), st.integers(0, 120), st.lists(_PIECES, max_size=4).map("".join))


def _apply(text: str, edits: list[tuple[float, int, str]]) -> str:
    for at, cut, put in edits:
        pos = int(at * len(text))
        text = text[:pos] + put + text[pos + cut :]
    return text


@given(st.lists(_EDIT, min_size=0, max_size=3), st.booleans())
@settings(max_examples=300, deadline=None)
def test_respan_cut_finds_the_span_respan_finds(edits: list[tuple[float, int, str]], bounded: bool) -> None:
    text = _apply(BIG, edits)
    most = len(text) // 2 if bounded else None
    mine = respan.respan_cut(CutText(Cuts.of(_SEGS), BIG), text, most)
    theirs = respan.respan(_SEGS, text, most)
    if theirs is None:
        assert mine is None
        return
    assert mine is not None
    assert (mine.start, mine.stop, mine.new) == (theirs.start, theirs.stop, theirs.new)


def test_an_empty_or_unchanged_text() -> None:
    old = CutText(Cuts.of(_SEGS), BIG)
    assert respan.respan_cut(old, "") is None
    same = respan.respan_cut(old, BIG)
    assert same is not None and (same.start, same.stop, same.new) == (len(_SEGS), len(_SEGS), [])


_ITEM_STARTS = [n for n, s in enumerate(_SEGS) if respan.is_item(s)]


@given(st.lists(st.tuples(st.sampled_from(_ITEM_STARTS), st.sampled_from(["title", "status", "owner"])), max_size=3))
@settings(max_examples=40, deadline=None)
def test_items_only_cut_gives_the_board_and_segments_items_only_gives(edits: list[tuple[int, str]]) -> None:
    board = BoardStore.from_text(BIG).board
    segs = list(_SEGS)
    for n, key in edits:
        seg = segs[n]
        new = {"title": 'title = "edited"', "status": 'status = "review"', "owner": 'owner = "@zed"'}[key]
        lines = [new if ln.startswith(f"{key} =") else ln for ln in seg.text.split("\n")]
        segs[n] = type(seg)(seg.kind, "\n".join(lines), seg.start_line, seg.header_line, seg.is_array)
    text = "".join(s.text for s in segs)
    old = CutText(Cuts.of(_SEGS), BIG)
    span = respan.respan_cut(old, text)
    assert span is not None
    mine = respan.items_only_cut(old, board, span)
    theirs = respan.items_only(_SEGS, board, respan.only_items(_SEGS, span))
    assert mine is not None and theirs is not None
    assert mine[0] == theirs.board == BoardStore.from_text(text).board
    assert mine[1] == Cuts.of(theirs.segments)
    assert shape(mine[1].segments(text)) == shape(split_segments(text))


def test_a_changed_risk_is_declined_for_the_segments_path() -> None:
    board = BoardStore.from_text(BIG).board
    at = BIG.index("[[risks]]")
    end = BIG.index("\ntitle = ", at)
    text = BIG[:end] + '\ntitle = "renamed risk"' + BIG[BIG.index("\n", end + 1) :]
    old = CutText(Cuts.of(_SEGS), BIG)
    span = respan.respan_cut(old, text)
    assert span is not None
    assert respan.items_only_cut(old, board, span) is None


@given(st.lists(st.tuples(st.sampled_from(_ITEM_STARTS), st.integers(0, 10**6)), min_size=1, max_size=2))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_big_board_read_from_an_earlier_entry_is_the_board_a_full_parse_gives(
    tmp_path: Path, edits: list[tuple[int, int]]
) -> None:
    segs = list(_SEGS)
    for n, k in edits:
        seg = segs[n]
        text = seg.text.replace('title = "', f'title = "v{k} ', 1)
        segs[n] = type(seg)(seg.kind, text, seg.start_line, seg.header_line, seg.is_array)
    text = "".join(s.text for s in segs)
    path = tmp_path / "big.toml"
    caches.enable(answers=False)
    try:
        path.write_text(BIG, encoding="utf-8")
        BoardStore.load(path)
        board_cache.flush()
        path.write_text(text, encoding="utf-8")
        got = BoardStore.load(path)
    finally:
        caches.enable(False)
    full = BoardStore.from_text(text, str(path))
    assert got.board == full.board
    assert got.text() == text
    assert shape(got.snapshot().segments) == shape(split_segments(text))
    assert all(
        got.line_index().record("items", n, key) == full.line_index().record("items", n, key)
        for n in range(0, len(full.board.items), 37)
        for key in (None, "status", "title")
    )
