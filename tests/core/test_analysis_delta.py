"""An analysis worked out from the one before it after status and estimate edits answers exactly
what a fresh analysis does, whichever of the earlier answers were worked out; and it does serve
(the answers are not quietly worked out whole)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.core.analysis import delta as analysis_delta
from readiness_tui.core.analysis import kept
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import parse_cache as board_cache
from readiness_tui.core.model.board import STATUSES

from .test_analysis_seed import ALL, LINKS, answers, cached

HEAD = '[board]\ntitle = "delta"\ntoday = 2026-02-20\n\n'
STATUS_ANSWERS = sorted(ALL - LINKS)


@st.composite
def plans(draw: st.DrawFn) -> str:
    """Boards shaped as plans are: each item depends on earlier ones, now and then on an unknown
    id or (rarely) a later one, which makes a cycle."""
    n = draw(st.integers(min_value=1, max_value=24))
    ids = [f"I{k}" for k in range(n)]
    estimates = draw(st.booleans())
    out = [HEAD]
    for k, i in enumerate(ids):
        pool = ids[:k] or ["NOPE-1"]
        deps = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True))
        if draw(st.integers(0, 19)) == 0:
            deps.append(draw(st.sampled_from(["NOPE-1", *ids[k:]])))
        out.append(f'[[items]]\nid = "{i}"\ntitle = "item {i}"\nstatus = "{draw(st.sampled_from(STATUSES))}"\n')
        if deps:
            out.append("depends_on = [" + ", ".join(f'"{d}"' for d in dict.fromkeys(deps)) + "]\n")
        if k and draw(st.integers(0, 3)) == 0:  # a child: its parent takes no time in the schedule
            out.append(f'parent = "{draw(st.sampled_from(ids[:k]))}"\n')
        if estimates and draw(st.booleans()):
            out.append(f"estimate_days = {draw(st.sampled_from([0, 0.5, 1, 2, 3]))}\n")
        out.append("\n")
    return "".join(out)


def edited(store: BoardStore, data: st.DataObject) -> list[Any]:
    """The board's items with a few statuses and estimates changed, as edits make them."""
    now = list(store.board.items)
    for n in data.draw(st.lists(st.integers(0, len(now) - 1), min_size=1, max_size=4)):
        update: dict[str, Any] = {}
        if data.draw(st.booleans()):
            update["status"] = data.draw(st.sampled_from(STATUSES))
        if data.draw(st.booleans()):
            update["estimate_days"] = data.draw(st.sampled_from([None, 0, 1.0, 4.0]))
        now[n] = now[n].model_copy(update=update)
    return now


def derived_names(a: Analysis) -> list[str]:
    """Record which answers ``a``'s delta serves."""
    served: list[str] = []
    delta = a._delta
    assert delta is not None
    derive = delta.derive

    def recording(analysis: Analysis, name: str) -> Any:
        found = derive(analysis, name)
        if found is not analysis_delta.NOTHING:
            served.append(name)
        return found

    delta.derive = recording  # type: ignore[method-assign]
    return served


def handed_over(before: Analysis, now: list[Any]) -> tuple[Analysis, list[str]]:
    """The analysis of ``before``'s board with items ``now``, given ``before``'s answers as the
    app gives them, and the names its delta served once every answer was asked for."""
    links = kept.LinkAnswers(before)
    a = Analysis(before.board.model_copy(update={"items": now}))
    assert links.give(a)
    served = derived_names(a) if a._delta is not None else []
    assert answers(a) == answers(Analysis(a.board.model_copy()))
    # Every answer was asked for: a delta, when one was handed over (the caller asserts when),
    # holds none of the earlier ones any more.
    assert a._delta is None or a._delta._priors == {}
    return a, served


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=plans(), data=st.data())
def test_an_analysis_after_status_edits_answers_what_a_fresh_one_does(text: str, data: st.DataObject) -> None:
    store = BoardStore.from_text(text)
    before = Analysis(store.board)
    before.order()  # the links are always worked out: every surface reads them
    asked = data.draw(st.lists(st.sampled_from(STATUS_ANSWERS), unique=True))
    for name in asked:  # the earlier analysis worked out some of its answers, not all
        getattr(before, name)
    if data.draw(st.booleans()):
        before.waves()
    now = edited(store, data)
    a, served = handed_over(before, now)
    changed = [
        x
        for x, y in zip(now, store.board.items, strict=True)
        if (x.status, x.estimate_days) != (y.status, y.estimate_days)
    ]
    if not changed or before.duplicates:
        return
    had = [name for name in STATUS_ANSWERS if name in before.__dict__]
    assert (a._delta is not None) == bool(had)
    assert ("_closed" in served) is ("_closed" in had)  # served by the delta exactly when it had been asked
    assert type(a.closed) is frozenset  # the same kind of answer as a fresh analysis gives
    if not before.on_cycle and not before.names_unknown:
        # On a plain plan every answer the earlier analysis had is worked out from it, but a
        # schedule whose unit changed (no open item estimated, or the first one).
        expected = set(had)
        if "critical_path" in had and a.critical_path.unit != before.critical_path.unit:
            expected.discard("critical_path")
        if "_open_deps" not in had:  # the roots' way is read from it when an item flipped
            expected.discard("_roots")
        assert expected <= set(served) <= set(had)


def test_closing_the_last_item_moves_the_end_and_the_schedule_follows() -> None:
    store = BoardStore.from_text(
        HEAD + '[[items]]\nid = "A"\ntitle = "a"\nestimate_days = 2\n\n'
        '[[items]]\nid = "B"\ntitle = "b"\ndepends_on = ["A"]\nestimate_days = 1\n\n'
        '[[items]]\nid = "C"\ntitle = "c"\ndepends_on = ["A"]\n'
    )
    before = Analysis(store.board)
    assert before.critical_path.ids == ["A", "B"] and before.critical_path.total_days == 3
    assert before.waves() == [["A"], ["B", "C"]] and before.ready == ["A"]
    first, second, third = store.board.items
    a, served = handed_over(before, [first, second.model_copy(update={"status": "done"}), third])
    assert a.critical_path.ids == ["A"] and a.critical_path.total_days == 2
    assert a.waves() == [["A"], ["C"]] and a.critical_path.unestimated == ["C"]
    b, _ = handed_over(a, [first.model_copy(update={"status": "done"}), *a.board.items[1:]])
    assert b.waves() == [["C"]] and b.ready == ["C"] and b.critical_path.unit == "items"
    assert {"critical_path", "_wave_cache", "_by_state"} <= set(served)


def test_a_delta_serves_only_when_few_items_changed() -> None:
    assert analysis_delta.worth_it(64, 100) and not analysis_delta.worth_it(65, 100)
    assert analysis_delta.worth_it(625, 10_000) and not analysis_delta.worth_it(626, 10_000)


def test_a_status_edited_by_hand_is_worked_out_from_the_kept_answers(cache_on: None, tmp_path: Any) -> None:
    """As a command on a board whose status was edited by hand since its entry was written: the
    entry's answers that read the statuses are the ground of a delta, and it answers as a fresh
    analysis does."""
    text = HEAD + "".join(
        f'[[items]]\nid = "I{k}"\ntitle = "t"\nestimate_days = {k % 3 + 1}\n'
        + ('status = "done"\n' if k < 7 else "")
        + (f'depends_on = ["I{k - 1}", "I{k // 2}"]\n' if k else "")
        + "\n"
        for k in range(40)
    )
    path, _ = cached(tmp_path, text)
    path.write_text(text.replace('id = "I7"\ntitle = "t"', 'id = "I7"\ntitle = "t"\nstatus = "done"'), encoding="utf-8")
    store = BoardStore.load(path)
    a = Analysis(store.board)
    assert a._delta is not None and a._kept is not None and a._kept.left() == LINKS
    served = derived_names(a)
    fresh = Analysis(BoardStore.from_text(store.text()).board)
    assert answers(a) == answers(fresh)
    assert {"_closed", "_open_deps", "_states", "critical_path", "_wave_cache"} <= set(served)
    assert a.ready == ["I8"] == fresh.ready
    board_cache.forget_pending()
