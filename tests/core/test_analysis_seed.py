"""The analysis kept beside a parse-cache entry: planted only in an analysis of the very items it
was worked out from, it answers exactly what working the analysis out answers; anything stale,
damaged or written by other code is ignored."""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readiness_tui.core.analysis import kept
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import analysis_file as analysis_cache
from readiness_tui.core.cache import analysis_seed
from readiness_tui.core.cache import parse_cache as board_cache
from readiness_tui.core.cache.files import code_digest
from readiness_tui.core.model.board import STATUSES

from .test_surfaces_agree import CLOSED_KNOT, IDS, UNKNOWN_CHAIN, boards

HEAD = '[board]\ntitle = "seed"\ntoday = 2026-02-20\n\n'
CHAIN = HEAD + (
    '[[items]]\nid = "A"\ntitle = "a"\nstatus = "done"\nestimate_days = 1\n\n'
    '[[items]]\nid = "B"\ntitle = "b"\ndepends_on = ["A"]\nestimate_days = 2\n\n'
    '[[items]]\nid = "C"\ntitle = "c"\ndepends_on = ["B"]\nestimate_days = 3\n\n'
    '[[items]]\nid = "D"\ntitle = "d"\ndepends_on = ["A"]\n'
)
KNOT = (
    HEAD
    + '[[items]]\nid = "A"\ntitle = "a"\ndepends_on = ["B"]\n\n[[items]]\nid = "B"\ntitle = "b"\ndepends_on = ["A"]\n'
)


def answers(a: Analysis) -> dict[str, Any]:
    """What the surfaces read of an analysis, as plain data."""
    cp = a.critical_path
    return {
        "ready": list(a.ready),
        "waiting": list(a.waiting),
        "blocked": list(a.blocked),
        "unplaced": dict(a.unplaced),
        "order": a.order(),
        "waves": a.waves(),
        "waves_all": a.waves(include_closed=True),
        "cycles": a.cycles,
        "cycle_edges": sorted(a.cycle_edges),
        "on_cycle": sorted(a.on_cycle),
        "behind_cycle": sorted(a.behind_cycle),
        "open": {i: a.open_dependencies(i) for i in a.items},
        "open_counts": dict(a.open_dep_counts),
        "roots": {i: a.root_causes(i) for i in a.items},
        "chains": {i: a.blocking_chain(i) for i in a.items},
        "unknown": list(a.unknown_dependencies),
        "path": (cp.ids, cp.total_days, cp.unit, cp.unestimated, cp.length_text),
        "schedule": {k: (r.duration, r.es, r.ef, r.ls, r.lf, r.slack) for k, r in cp.schedule.items()},
        "dependents": {i: a.dependents(i) for i in a.items},
        "ranking": a.ranking,
        "satisfied": {i: a.is_satisfied(i) for i in a.items},
    }


def seeded(store: BoardStore) -> Analysis:
    data = analysis_seed.compute(store.board)
    assert data is not None
    analysis_seed.attach(store.board, lambda: data)
    a = Analysis(store.board)
    assert given_answers(a), "the kept answers were not handed over"
    return a


def given_answers(a: Analysis) -> bool:
    return a._kept is not None


ALL = set(kept.kept_names(Analysis))
LINKS = set(kept.kept_names(Analysis, links_only=True))


def given_names(a: Analysis) -> set[str]:
    """The kept answers handed to a new analysis (before any is asked for)."""
    return a._kept.left() if a._kept is not None else set()


def cached(tmp_path: Path, text: str = CHAIN, name: str = "plan.toml") -> tuple[Path, Path]:
    """A board file read once with the cache on and its entry written: the board, its seed file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    BoardStore.load(path)
    board_cache.flush()
    return path, analysis_cache.seed_file(board_cache._entry(path.resolve()))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=boards())
@example(text=HEAD + CLOSED_KNOT)
@example(text=HEAD + UNKNOWN_CHAIN)
@example(text=KNOT)
def test_a_planted_analysis_answers_what_a_worked_out_one_does(text: str) -> None:
    store = BoardStore.from_text(text)
    a = seeded(store)
    assert answers(a) == answers(Analysis(store.board))
    assert given_names(a) == set(), "an answer was worked out although it was kept"


def test_the_seed_is_taken_by_the_first_analysis_alone() -> None:
    store = BoardStore.from_text(CHAIN)
    first = seeded(store)
    assert not kept.has_seed(store.board)
    second = Analysis(store.board)
    assert not given_answers(second)
    assert answers(second) == answers(first)


def test_an_edit_in_place_after_the_load_keeps_only_what_it_leaves_true() -> None:
    store = BoardStore.from_text(CHAIN)
    before = Analysis(store.board).ready
    data = analysis_seed.compute(store.board)
    assert data is not None
    analysis_seed.attach(store.board, lambda: data)
    store.set_status("B", "done")  # the store swaps B's record in the board's own list
    a = Analysis(store.board)
    assert given_names(a) == LINKS  # the edges, the order and the cycles are as they were
    assert before == ["B", "D"]
    assert a.ready == ["C", "D"]
    assert answers(a) == answers(Analysis(store.board))
    analysis_seed.attach(store.board, lambda: data)
    store.set_status("B", "todo")
    store.set_field("D", "depends_on", ["B"])
    a = Analysis(store.board)
    assert not given_answers(a)
    assert a.ready == ["B"]


def test_the_kept_waves_are_never_handed_out() -> None:
    a = seeded(BoardStore.from_text(CHAIN))
    a.waves()[0].append("X")
    a.waves().append(["Y"])
    assert a.waves() == [["B", "D"], ["C"]]


def test_a_damaged_or_foreign_seed_is_worked_out_instead() -> None:
    store = BoardStore.from_text(CHAIN)
    want = answers(Analysis(store.board))
    data = analysis_seed.compute(store.board)
    assert data is not None
    for bad in (data[: len(data) // 2], b"not a pickle", pickle.dumps({"_edges": ({}, [])}), pickle.dumps([1])):
        analysis_seed.attach(store.board, lambda bad=bad: bad)
        a = Analysis(store.board)
        assert not given_answers(a)
        assert answers(a) == want
    # One answer damaged: that one is worked out, the others are taken as kept.
    blobs = pickle.loads(data)
    blobs["critical_path"] = blobs["critical_path"][:-9]
    analysis_seed.attach(store.board, lambda: pickle.dumps(blobs))
    a = Analysis(store.board)
    assert answers(a) == want
    assert given_names(a) == set()


def test_a_load_of_a_current_entry_plants_the_seed_its_writer_kept(cache_on: None, tmp_path: Path) -> None:
    path, seed_file = cached(tmp_path)  # the writer keeps the analysis beside the entry
    assert seed_file.exists()
    store = BoardStore.load(path)
    assert kept.has_seed(store.board)
    a = Analysis(store.board)
    assert given_answers(a)
    assert answers(a) == answers(Analysis(BoardStore.from_text(CHAIN).board))


def test_a_seed_of_other_code_or_another_text_is_ignored(cache_on: None, tmp_path: Path) -> None:
    path, seed_file = cached(tmp_path)
    sound = seed_file.read_bytes()
    digest = code_digest().encode()
    seed_file.write_bytes(sound.replace(digest, b"0" * len(digest)))  # written by other code
    assert not kept.has_seed(BoardStore.load(path).board)
    board_cache.forget_pending()
    # The seed of another text of the board (same path): its key is not the entry's.
    _, other_seed = cached(tmp_path, KNOT, "other.toml")
    seed_file.write_bytes(other_seed.read_bytes())
    assert not kept.has_seed(BoardStore.load(path).board)


def test_a_current_entry_without_a_seed_gets_one_at_the_next_flush(cache_on: None, tmp_path: Path) -> None:
    path, seed_file = cached(tmp_path)
    seed_file.unlink()
    store = BoardStore.load(path)
    assert not kept.has_seed(store.board)
    assert board_cache.pending()
    store.set_status("B", "done")  # an edit in place later does not change the copy kept to seed
    board_cache.flush()
    assert kept.has_seed(BoardStore.load(path).board)


def test_a_saved_edit_keeps_the_analysis_of_the_text_it_wrote(cache_on: None, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(CHAIN, encoding="utf-8")
    store = BoardStore.load(path)
    board_cache.flush()
    store.set_status("B", "done")
    store.save()
    board_cache.flush()
    again = BoardStore.load(path)
    assert kept.has_seed(again.board)
    assert Analysis(again.board).ready == ["C", "D"]


def test_a_child_of_a_threaded_process_keeps_no_analysis_that_needs_an_import(tmp_path: Path) -> None:
    """Without imports allowed, a knotted board (networkx finds the knots) and a process that has
    not loaded the analysis keep nothing; an acyclic board with the analysis loaded is kept."""
    code = """
import sys
import time
from readiness_tui.core.cache import analysis_seed
from readiness_tui.core.board.store import BoardStore
chain, knot = sys.argv[1], sys.argv[2]
board = BoardStore.from_text(chain).board
print("no analysis", analysis_seed.compute(board, may_import=False) is None)
import readiness_tui.core.analysis.analyze
print("acyclic", analysis_seed.compute(board, may_import=False) is None)
print("knot", analysis_seed.compute(BoardStore.from_text(knot).board, may_import=False) is None)
print("networkx", "networkx" in sys.modules)
"""
    out = subprocess.run(
        [sys.executable, "-c", code, CHAIN, KNOT], capture_output=True, text=True, check=True, env=dict(os.environ)
    ).stdout.split("\n")
    assert out[:4] == ["no analysis True", "acyclic False", "knot True", "networkx False"]


def test_a_command_keeps_the_analysis_for_the_next_one(cache_on: None, tmp_path: Path) -> None:
    """A real ``lint`` process: its background writer keeps the entry and then the analysis; the
    next load plants it."""
    path = tmp_path / "plan.toml"
    path.write_text(CHAIN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "lint", "-q", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 30
    while not board_cache.is_current(path, with_analysis=True) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert board_cache.is_current(path, with_analysis=True)
    store = BoardStore.load(path)
    a = Analysis(store.board)
    assert given_answers(a)
    assert answers(a) == answers(Analysis(BoardStore.from_text(CHAIN).board))


def test_a_load_does_not_queue_an_analysis_another_process_is_writing(cache_on: None, tmp_path: Path) -> None:
    path, seed_file = cached(tmp_path)
    seed_file.unlink()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        # A live writer's temporary file, as ``analysis_cache.write`` names it in its own process.
        (seed_file.parent / f".{seed_file.name}.{other.pid}.tmp").write_bytes(b"")
        BoardStore.load(path)
        assert not analysis_cache.pending()
    finally:
        other.kill()
        other.wait()
    BoardStore.load(path)  # the writer is gone: this load queues the analysis
    assert analysis_cache.pending()


def test_the_analyses_are_written_after_the_entries_and_the_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_tui.core.cache import answers as answer_cache
    from readiness_tui.core.cache import loader as caches

    calls: list[str] = []
    monkeypatch.setattr(board_cache, "flush_entries", lambda: calls.append("entries"))
    monkeypatch.setattr(answer_cache, "flush", lambda: calls.append("answers"))
    monkeypatch.setattr(analysis_cache, "flush", lambda may_import=True: calls.append(f"analyses {may_import}"))
    caches.flush(may_import=False)
    assert calls == ["entries", "answers", "analyses False"]


EDITS = {
    "title": st.sampled_from(["renamed", "item"]),
    "owner": st.sampled_from(["@ana", "@zoe", ""]),
    "priority": st.sampled_from([None, "P0", "P2"]),
    "target": st.sampled_from([None, "2026-02-01", "2026-W20"]),
    "parent": st.sampled_from([None, "I0", "I3"]),
    "tags": st.sampled_from([[], ["x"]]),
    "status": st.sampled_from(STATUSES),
    "depends_on": st.lists(st.sampled_from([*IDS, "NOPE-1"]), max_size=3, unique=True),
    "estimate_days": st.sampled_from([None, 0.5, 2.0]),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=boards(), data=st.data())
def test_answers_kept_for_earlier_items_serve_only_while_the_fields_they_read_are_equal(
    text: str, data: st.DataObject
) -> None:
    """As a board changed by hand since its entry was written: the entry's items and answers,
    the board now with some items replaced by edited copies."""
    store = BoardStore.from_text(text)
    then = list(store.board.items)
    kept_data = analysis_seed.compute(store.board)
    assert kept_data is not None
    now = list(then)
    for n in data.draw(st.lists(st.integers(0, len(then) - 1), max_size=3)):
        field = data.draw(st.sampled_from(sorted(EDITS)))
        now[n] = now[n].model_copy(update={field: data.draw(EDITS[field])})
    board = store.board.model_copy(update={"items": now})
    analysis_seed.attach(board, lambda: kept_data, then)
    a = Analysis(board)
    given = given_names(a)
    assert answers(a) == answers(Analysis(board.model_copy()))

    def equal(fields: tuple[str, ...]) -> bool:
        return all(getattr(x, f) == getattr(y, f) for x, y in zip(now, then, strict=True) for f in fields)

    expected = ALL if equal(kept.GRAPH_FIELDS) else LINKS if equal(kept.LINK_FIELDS) else set()
    assert given == expected


def test_a_board_edited_by_hand_keeps_the_answers_its_edit_leaves_true(cache_on: None, tmp_path: Path) -> None:
    path, _ = cached(tmp_path)
    path.write_text(CHAIN.replace('title = "c"', 'title = "c, renamed"'), encoding="utf-8")
    store = BoardStore.load(path)  # read from the entry and the changed item alone
    a = Analysis(store.board)
    assert given_answers(a)
    assert answers(a) == answers(Analysis(BoardStore.from_text(store.text()).board))
    board_cache.flush()
    path.write_text(store.text().replace('id = "C"\ntitle = "c, renamed"', 'id = "C"\ntitle = "c"\nstatus = "done"'))
    store = BoardStore.load(path)
    a = Analysis(store.board)
    assert given_names(a) == LINKS  # a status edited by hand: the graph's links are as they were
    assert a.ready == ["B", "D"]
    assert answers(a) == answers(Analysis(BoardStore.from_text(store.text()).board))
    board_cache.flush()
    path.write_text(
        store.text().replace('id = "D"\ntitle = "d"\ndepends_on = ["A"]', 'id = "D"\ntitle = "d"\ndepends_on = ["B"]')
    )
    store = BoardStore.load(path)
    a = Analysis(store.board)
    assert not given_answers(a)
    assert a.ready == ["B"]
    assert answers(a) == answers(Analysis(BoardStore.from_text(store.text()).board))


def test_a_risk_or_board_table_edited_by_hand_keeps_every_answer_and_new_aliases_keep_the_links(
    cache_on: None, tmp_path: Path
) -> None:
    """The kept answers read the items alone: a board whose risk or ``[board]`` table changed
    since (read from the entry, each item kept) is given them all; status aliases that read an
    item's status differently give it the link answers only."""
    risk = '\n[[risks]]\nid = "R-1"\ntitle = "r"\nmitigated_by = ["C"]\n'
    aliased = CHAIN.replace('title = "seed"', 'title = "seed"\nstatus_aliases = {finished = "done"}').replace(
        'title = "c"\n', 'title = "c"\nstatus = "finished"\n'
    )
    path, _ = cached(tmp_path, aliased + risk)
    for edited in (
        aliased + risk.replace('mitigated_by = ["C"]', 'mitigated_by = ["C", "D"]'),
        aliased.replace('title = "seed"', 'title = "seed, renamed"') + risk,
    ):
        path.write_text(edited, encoding="utf-8")
        store = BoardStore.load(path)
        a = Analysis(store.board)
        assert given_names(a) == ALL, edited
        assert answers(a) == answers(Analysis(BoardStore.from_text(edited).board))
        board_cache.flush()
    # "finished" now reads as in progress: C opens again, the links are as they were.
    edited = edited.replace('finished = "done"', 'finished = "in_progress"')
    path.write_text(edited, encoding="utf-8")
    store = BoardStore.load(path)
    assert store.item("C").status == "in_progress"
    a = Analysis(store.board)
    assert given_names(a) == LINKS
    assert answers(a) == answers(Analysis(BoardStore.from_text(edited).board))


def test_the_answers_are_read_when_the_first_analysis_is_made_and_checked_again(cache_on: None, tmp_path: Path) -> None:
    path, seed_file = cached(tmp_path)
    store = BoardStore.load(path)
    assert kept.has_seed(store.board)
    seed_file.unlink()  # gone between the load and the analysis: nothing was read at the load
    a = Analysis(store.board)
    assert not given_answers(a) and a.ready == ["B", "D"]
    board_cache.forget_pending()
    path, seed_file = cached(tmp_path)
    _, other = cached(tmp_path, KNOT, "other.toml")
    store = BoardStore.load(path)
    seed_file.write_bytes(other.read_bytes())  # replaced by answers for another board
    a = Analysis(store.board)
    assert not given_answers(a) and a.ready == ["B", "D"]


def test_no_analysis_is_worked_out_for_a_board_changed_since(cache_on: None, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(CHAIN, encoding="utf-8")
    BoardStore.load(path)
    board_cache.flush_entries()  # the entry is written; its analysis waits for the flush
    assert analysis_cache.pending()
    path.write_text(CHAIN + "\n", encoding="utf-8")  # a later command changed the board meanwhile
    analysis_cache.flush()
    assert not analysis_cache.seed_file(board_cache._entry(path.resolve())).exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=boards(), data=st.data())
def test_link_answers_given_to_the_next_analysis_serve_only_while_the_links_are_equal(
    text: str, data: st.DataObject
) -> None:
    """As the app after an edit: the analysis of the board before, every answer worked out, hands
    its link answers to the analysis of the board now; that one answers what a fresh one does."""
    store = BoardStore.from_text(text)
    before = Analysis(store.board)
    answers(before)  # every answer worked out, the link ones among them
    links = kept.LinkAnswers(before)
    then = list(store.board.items)
    now = list(then)
    for n in data.draw(st.lists(st.integers(0, len(then) - 1), max_size=3)):
        field = data.draw(st.sampled_from(sorted(EDITS)))
        now[n] = now[n].model_copy(update={field: data.draw(EDITS[field])})
    board = store.board.model_copy(update={"items": now})
    a = Analysis(board)
    given = links.give(a)
    shared = {
        name
        for name in LINKS | {"_succ", "_knots", "_board_pos"}
        if name in a.__dict__ and before.__dict__.get(name) is a.__dict__[name]
    }
    assert answers(a) == answers(Analysis(board.model_copy()))
    same_links = not before.duplicates and all(
        x.id == y.id and x.depends_on == y.depends_on and x.parent == y.parent for x, y in zip(now, then, strict=True)
    )
    assert given == same_links
    assert (shared >= LINKS | {"_succ"}) if given else not shared


def test_a_status_edit_in_the_app_shares_the_links_and_a_dependency_edit_does_not() -> None:
    store = BoardStore.from_text(CHAIN)
    before = Analysis(store.board)
    assert before.ready == ["B", "D"] and before.order() == ["A", "B", "D", "C"]
    links = kept.LinkAnswers(before)
    store.set_status("B", "done")  # in place, as the app's edits are
    a = Analysis(store.board)
    assert links.give(a) and a.__dict__["_topo"] is before.__dict__["_topo"]
    assert a.ready == ["C", "D"] and answers(a) == answers(Analysis(BoardStore.from_text(store.text()).board))
    links = kept.LinkAnswers(a)
    store.set_field("D", "depends_on", ["C"])
    b = Analysis(store.board)
    assert not links.give(b) and "_topo" not in b.__dict__
    assert b.order() == ["A", "B", "C", "D"]


def _strings_in(value: object, found: list[str], seen: set[int]) -> None:
    """Every string ``value`` holds, through containers and readiness' own objects."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if type(value) is str:
        found.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            _strings_in(k, found, seen)
            _strings_in(v, found, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            _strings_in(v, found, seen)
    elif type(value).__module__.startswith("readiness_tui"):
        for v in gc.get_referents(value):
            _strings_in(v, found, seen)


def test_kept_answers_name_the_items_by_the_loaded_boards_own_ids() -> None:
    # Written from one board, loaded into another of the same text (as the cache's writer and
    # reader are): each id the answers hold is the loaded board's string, not a copy of it.
    text = HEAD + "".join(
        f'[[items]]\nid = "T-{n:03d}"\ntitle = "t"\nestimate_days = 1\n'
        + (f'depends_on = ["T-{n - 1:03d}", "X-404"]\n' if n else "")
        + ("" if n % 3 else 'status = "done"\n')
        + "\n"
        for n in range(12)
    )
    data = analysis_seed.compute(BoardStore.from_text(text).board)
    assert data is not None
    store = BoardStore.from_text(text)
    analysis_seed.attach(store.board, lambda: data)
    a = Analysis(store.board)
    assert given_answers(a)
    assert answers(a) == answers(Analysis(BoardStore.from_text(text).board))
    own = {id(it.id) for it in store.board.items}
    held: list[str] = []
    for name in ALL:
        _strings_in(a.__dict__[name], held, set())
    named = [s for s in held if s.startswith("T-")]
    assert len(named) > 12
    assert [s for s in named if id(s) not in own] == []
    assert "X-404" in held  # an unknown id is kept as written
