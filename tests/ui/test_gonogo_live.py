"""The go/no-go reasons (``n``) stay the current truth while open: gate results that arrive after
``n`` was pressed reach the list, with a line saying what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static
from ui_helpers import option_texts, record_notices, session_ready, wait_for

from readiness_tui.core.analysis.gonogo import evaluate
from readiness_tui.ui.screens.gonogo import GoNoGoScreen, named_item

SIZE = (120, 40)


def shown_reasons(screen: GoNoGoScreen) -> list[str]:
    return option_texts(screen.query_one(OptionList))


def expected_reasons(app) -> list[str]:  # type: ignore[no-untyped-def]
    """What core says now, each reason with the item it jumps to, as the dialog draws it."""
    main = app.main
    decision = evaluate(main.store.board, main.owner.analysis, main.live.gate_status or None)
    ids = {it.id for it in main.store.board.items}
    return [r + (f"  → {t}" if (t := named_item(r, ids)) else "") for r in decision.reasons]


async def reasons_with_failing_gates(app, pilot) -> GoNoGoScreen:  # type: ignore[no-untyped-def]
    """Both gates of the launch board failing, then ``n``: the open reasons list."""
    await session_ready(app, pilot)
    app.live.set_gate_status({"SEC-01": "fail", "LT-01": "fail"})
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(app.screen, GoNoGoScreen), what="the reasons")
    return app.screen


async def test_reasons_follow_gate_results_that_arrive_while_open(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reasons_with_failing_gates(app, pilot)
        before = shown_reasons(screen)
        assert any("SEC-01" in r and "fail" in r for r in before), before
        # The cursor on LT-01's reason, then both gates pass while the dialog is open.
        lt01 = next(k for k, r in enumerate(before) if "LT-01" in r and "gate" in r)
        screen.query_one(OptionList).highlighted = lt01
        app.live.set_gate_status({"SEC-01": "pass", "LT-01": "fail"})
        await wait_for(pilot, lambda: shown_reasons(screen) != before, what="the new reasons")
        now = shown_reasons(screen)
        assert app.screen is screen  # still open, updated in place
        assert now == expected_reasons(app)
        assert not any("SEC-01" in r and "gate" in r for r in now)
        # The highlight stayed on LT-01's reason, wherever it now is in the list.
        assert screen.query_one(OptionList).highlighted == next(
            k for k, r in enumerate(now) if "LT-01" in r and "gate" in r
        )
        line = screen.query_one("#gonogo-change", Static)
        assert line.display
        change = str(line.render())
        assert change.startswith(f"Updated since opened: was NO-GO with {len(before)} reasons")
        assert "1 gone" in change and "new" not in change
        title = str(screen.query_one("#gonogo-title", Static).render())
        assert f"{len(now)} reasons" in title and "live" in title
        # A second result: counted against the list as opened, and a reason that was not there
        # then is marked new.
        app.live.set_gate_status({"SEC-01": "pass", "LT-01": "stale"})
        await wait_for(pilot, lambda: shown_reasons(screen) != now, what="the second update")
        again = shown_reasons(screen)
        fresh = [r for r in again if r.endswith("  new")]
        assert len(fresh) == 1 and "LT-01" in fresh[0], again
        assert [r.removesuffix("  new") for r in again] == expected_reasons(app)
        change = str(line.render())
        assert change.startswith(f"Updated since opened: was NO-GO with {len(before)} reasons")
        assert "2 gone; 1 new" in change
        # Enter on the kept highlight still jumps to the item it names.
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, GoNoGoScreen), what="the jump")
        assert app.main.current_item_id == "LT-01"


async def test_a_closed_list_is_not_updated_and_a_new_one_is_current(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await reasons_with_failing_gates(app, pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, GoNoGoScreen), what="closing")
        assert app.main.gonogo.open is None  # the slot lets go of a closed list
        app.live.set_gate_status({"SEC-01": "pass", "LT-01": "pass"})
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, GoNoGoScreen), what="the reasons again")
        assert shown_reasons(app.screen) == expected_reasons(app)
        assert not app.screen.query_one("#gonogo-change", Static).display  # nothing changed while open


@pytest.mark.parametrize("where", ["worker", "ui"])
async def test_a_large_boards_go_no_go_failure_is_shown(where: str, tmp_path: Path, make_app, monkeypatch) -> None:
    # On a large board the verdict is made in a worker and shown on the UI thread; a failure in
    # either half reaches the user (the screen's worker messages did not bubble to the app).
    from readiness_tui.bench.generate import write_board
    from readiness_tui.core.analysis import gonogo
    from readiness_tui.ui.gonogo_slot import SYNC_ITEMS, GoNoGoSlot

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"broken in the {where}")

    if where == "worker":
        monkeypatch.setattr(gonogo, "evaluate", broken)
    else:
        monkeypatch.setattr(GoNoGoSlot, "_show", broken)
    app = make_app(write_board(tmp_path / "big.toml", SYNC_ITEMS + 50))
    async with app.run_test(size=(120, 30)) as pilot:
        seen = record_notices(app)
        app.main.gonogo.update()
        await wait_for(pilot, lambda: any(f"broken in the {where}" in n.message for n in seen), timeout=20)


async def test_the_not_current_note_goes_once_the_same_verdict_is_evaluated_again(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        screen = await reasons_with_failing_gates(app, pilot)
        line = screen.query_one("#gonogo-change", Static)
        assert not line.display  # nothing changed since it was opened
        screen.stale("go/no-go could not be evaluated")
        assert line.display and str(line.render()).startswith("Not current")
        screen.show(screen.decision, {it.id for it in app.store.board.items})  # evaluated again: the same
        await pilot.pause()
        assert not line.display


async def test_a_failure_on_a_board_edited_under_the_worker_is_not_shown_but_evaluated_again(
    tmp_path: Path, make_app, monkeypatch
) -> None:
    # The worker reads the live board; an edit meanwhile can break its read. That is not a failure
    # of go/no-go: the board as it is now is evaluated again, and nothing is reported.
    from readiness_tui.bench.generate import write_board
    from readiness_tui.core.analysis import gonogo
    from readiness_tui.ui.gonogo_slot import SYNC_ITEMS

    real = gonogo.evaluate
    calls: list[int] = []
    app = make_app(write_board(tmp_path / "big.toml", SYNC_ITEMS + 50))

    def edited_meanwhile(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            app.board_changed()  # as an edit on the UI thread does while the worker runs
            raise RuntimeError("list changed under the read")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        seen = record_notices(app)
        monkeypatch.setattr(gonogo, "evaluate", edited_meanwhile)
        app.main.gonogo.update()
        await wait_for(pilot, lambda: len(calls) >= 2 and app.main.gonogo.decision is not None, timeout=20)
        # The first worker may still be handing its result over when the evaluation it asks for
        # starts, and is then cancelled by it (one go/no-go worker at a time): wait for every worker
        # to end, however (``wait_for_complete`` raises on that cancelled one).
        await wait_for(pilot, lambda: all(w.is_finished for w in app.workers), timeout=20, what="the workers")
        await pilot.pause()
        assert not any("list changed" in n.message for n in seen)
