"""The Problems pane and the header's problem count: what ``core.lint`` finds, jumping to the
item, following the board as it changes, and linting large boards off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static, TabbedContent
from ui_helpers import record_notices, wait_for

from readiness_tui.bench.generate import write_board
from readiness_tui.core.lint import lint_path
from readiness_tui.ui.lint_runner import SYNC_ITEMS, LintRunner
from readiness_tui.ui.panes.problems import ProblemsPane

Q1 = Path(__file__).resolve().parents[2] / "boards" / "q1-2026-execution-backlog.toml"
SIZE = (120, 40)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The q1 board with S5's tasks naming a parent that does not exist, a missing title and a
    misspelt key (a warning)."""
    path = tmp_path / "q1.toml"
    text = Q1.read_text(encoding="utf-8").replace('parent = "S5"', 'parent = "S9"')
    text = text.replace('id = "S7"\n', 'id = "S7"\nstatuss = "todo"\n')
    path.write_text(text.replace('title = "Approve one policy"', 'title = ""'), encoding="utf-8")
    return path


def pane_text(app) -> str:  # type: ignore[no-untyped-def]
    pane = app.query_one(ProblemsPane)
    return "\n".join(pane.render_line(y).text for y in range(pane.size.height))


def header(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.query_one("#bar-problems", Static).render())


async def test_the_pane_lists_what_lint_finds_and_enter_jumps_to_the_item(broken: Path, make_app) -> None:
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        found = lint_path(broken)
        errors = [p for p in found if p.level == "error"]
        assert len(errors) == 4  # three unknown parents, one missing title
        assert header(app) == f"✘ {len(found)} problems"
        await pilot.press("8")
        await wait_for(pilot, lambda: "unknown-parent" in pane_text(app), what="problems shown")
        text = pane_text(app)
        assert "4 errors · 1 warning · 0 info" in text
        for p in found:
            assert p.message[:40] in text  # every finding, in lint's own words
        assert text.index("ERROR") < text.index("WARNING")  # errors first
        pane = app.query_one(ProblemsPane)
        pane.focus()
        await pilot.press("g")
        assert pane.cursor_item == "S3-T1"  # the missing title is the first error (by line)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "tab-detail"
        assert app.main.current_item_id == "S5-T1"


async def test_the_header_count_leads_to_the_pane(broken: Path, make_app) -> None:
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#bar-problems")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "tab-problems"


async def test_the_pane_follows_the_board_on_disk(broken: Path, make_app) -> None:
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("8")
        await wait_for(pilot, lambda: "S5-T1: parent 'S9'" in pane_text(app), what="problems shown")
        broken.write_text(Q1.read_text(encoding="utf-8"), encoding="utf-8")  # fixed outside the app
        app.action_reload()
        await wait_for(pilot, lambda: "unknown-parent" not in pane_text(app), what="the fixed board")
        assert "No problems: lint finds nothing to report." in pane_text(app)
        assert header(app) == ""  # nothing to count: the header says nothing


async def test_an_edit_in_the_app_updates_the_count_and_the_pane(broken: Path, make_app) -> None:
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("8")
        await wait_for(pilot, lambda: "S3-T1: has no title" in pane_text(app), what="problems shown")
        assert header(app) == "✘ 5 problems"
        app.main.edit_fields("S3-T1", {"title": "Approve one policy"})
        await wait_for(pilot, lambda: "S3-T1: has no title" not in pane_text(app), what="the edit linted")
        assert header(app) == "✘ 4 problems"
        assert 'title = "Approve one policy"' in broken.read_text(encoding="utf-8")


async def test_an_item_less_problem_says_so_on_enter(tmp_path: Path, make_app) -> None:
    path = tmp_path / "b.toml"
    # A misspelt key in [board]: a problem about the board, not about an item.
    path.write_text(Q1.read_text(encoding="utf-8").replace("[board]\n", '[board]\ntitel = "x"\n', 1), encoding="utf-8")
    app = make_app(path)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("8")
        pane = app.query_one(ProblemsPane)
        await wait_for(pilot, lambda: pane.cursor_key is not None, what="problems shown")
        pane.focus()
        # The pane lists core's order (worst first): walk down to the board's own problem.
        no_item = next(n for n, p in enumerate(lint_path(path).worst_first()) if p.item is None)
        for _ in range(no_item):
            await pilot.press("j")
        assert pane.cursor_key == f"p{no_item}"
        assert "titel" in pane_text(app).splitlines()[pane.cursor_line - int(pane.scroll_y)]
        await pilot.press("enter")
        assert any("not about one item" in n.message for n in notices)
        assert app.query_one(TabbedContent).active == "tab-problems"


async def test_a_large_board_is_linted_off_the_ui_thread(tmp_path: Path, make_app) -> None:
    path = write_board(tmp_path / "big.toml", SYNC_ITEMS + 100)
    expected = lint_path(path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for(pilot, lambda: header(app) != "", timeout=20, what="the lint worker")
        flagged = expected.counts().flagged  # the header counts errors and warnings, not info
        assert flagged and header(app).endswith(f"{flagged} problems")


async def test_a_large_boards_lint_stops_at_the_next_rule_once_the_board_changed(
    tmp_path: Path, make_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A thread cannot be stopped: the lint of a board that changed since stops itself before its
    next rule, instead of running on beside the newer board's lint (~0.8 s at 100,000 items)."""
    import threading

    import readiness_tui.core.lint.run as lint_pkg

    entered, release = threading.Event(), threading.Event()
    ran: list[str] = []  # the second rule: the status of the first item, on each board it ran on

    def first(ctx) -> None:  # type: ignore[no-untyped-def]
        if not entered.is_set():
            entered.set()
            release.wait(10)  # the first run waits here until the board has changed

    def second(ctx) -> None:  # type: ignore[no-untyped-def]
        ran.append(ctx.store.board.items[0].status)

    monkeypatch.setattr(lint_pkg, "RULES", (first, second, *lint_pkg.RULES))
    app = make_app(write_board(tmp_path / "big.toml", SYNC_ITEMS + 100))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for(pilot, entered.is_set, timeout=20, what="the first lint")
        before = app.store.board.items[0].status
        await pilot.press("s")  # the board changes while the first lint waits in its first rule
        after = app.store.board.items[0].status
        release.set()
        await wait_for(pilot, lambda: header(app) != "", timeout=20, what="the lint after the change")
        await app.workers.wait_for_complete()
        assert before != after and ran == [after]  # the first run stopped before its second rule


async def test_once_a_large_boards_lint_is_in_freed_memory_goes_back_to_the_system(
    tmp_path: Path, make_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from readiness_tui.ui import heap

    given: list[threading.Thread] = []
    monkeypatch.setattr(heap, "give_back", lambda: given.append(threading.current_thread()) or True)
    app = make_app(write_board(tmp_path / "big.toml", SYNC_ITEMS + 100))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for(pilot, lambda: header(app) != "", timeout=20, what="the lint worker")
        assert given == [threading.main_thread()]  # after the board settled, on the UI thread
        await pilot.press("s")  # a change: settled again, given back again
        await wait_for(pilot, lambda: len(given) == 2, timeout=20, what="lint after the change")


async def test_after_a_change_a_large_boards_analysis_is_built_off_the_ui_thread(
    tmp_path: Path, make_app, monkeypatch
) -> None:
    """After a change, go/no-go and the debounced lint of a large board build its analysis in their
    workers (the UI thread stays free for the next key or outside change); the app keeps the one
    made, so the lint reuses it and a pane shown next does not build another."""
    import threading

    from readiness_tui.core.analysis.analyze import Analysis

    path = write_board(tmp_path / "big.toml", SYNC_ITEMS + 100)
    app = make_app(path)
    built: list[threading.Thread] = []
    real_init = Analysis.__init__

    def recording(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(threading.current_thread())
        real_init(self, *args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for(pilot, lambda: header(app) != "", timeout=20, what="the first lint")
        await app.workers.wait_for_complete()
        first = app.main.lint.latest.get(app.analysis_made())
        monkeypatch.setattr(Analysis, "__init__", recording)
        # Lint's debounced start is held until go/no-go's worker has handed its analysis over: which
        # comes first is otherwise up to the machine's load (when both start before either hands
        # over, both build one; the next test: lint's result then serves the kept one).
        held: list[tuple[object, tuple[object, ...]]] = []
        real_start = LintRunner._start
        monkeypatch.setattr(LintRunner, "_start", lambda runner, *args: held.append((runner, args)))
        await pilot.press("s")  # a status change: go/no-go and lint both need the new analysis
        await wait_for(pilot, lambda: held and app.analysis_made() is not None, timeout=20, what="go/no-go's analysis")
        runner, args = held.pop()
        real_start(runner, *args)
        await wait_for(pilot, lambda: app.main.lint.latest.get(app.analysis_made()) not in (None, first), timeout=20)
        # Built once, by go/no-go's worker, off the UI thread; the lint reused it.
        assert len(built) == 1 and built[0] is not threading.main_thread() and not held


async def test_the_pane_opened_later_shows_the_runners_result_without_linting_again(
    broken: Path, make_app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import readiness_tui.core.lint.run as lint_pkg

    runs: list[object] = []
    real = lint_pkg.lint_store

    def counting(store, analysis=None):  # type: ignore[no-untyped-def]
        runs.append(analysis)
        return real(store, analysis)

    monkeypatch.setattr(lint_pkg, "lint_store", counting)
    app = make_app(broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert header(app) == "✘ 5 problems" and len(runs) == 1  # linted once, for the header
        assert app.main.lint.latest.get(app.analysis) is not None  # kept by its owner, the screen
        await pilot.press("8")  # the pane is built now, after the lint ran
        await wait_for(pilot, lambda: "S5-T1: parent 'S9'" in pane_text(app), what="problems shown")
        assert "Linting the board" not in pane_text(app)
        assert len(runs) == 1  # the pane read the kept result


async def test_two_apps_in_one_process_keep_their_own_lint_results(broken: Path, tmp_path: Path, make_app) -> None:
    clean = tmp_path / "clean.toml"
    clean.write_text(Q1.read_text(encoding="utf-8"), encoding="utf-8")
    first, second = make_app(broken), make_app(clean)
    async with first.run_test(size=SIZE) as p1, second.run_test(size=SIZE) as p2:
        await p1.pause()
        await p2.pause()
        await p1.press("8")
        await p2.press("8")
        await wait_for(p1, lambda: "S5-T1: parent 'S9'" in pane_text(first), what="first app's problems")
        await wait_for(p2, lambda: "No problems" in pane_text(second), what="second app's problems")
        assert header(first) == "✘ 5 problems" and header(second) == ""
        assert first.main.lint.latest.get(second.analysis) is None


async def test_an_analysis_a_worker_made_before_an_edit_is_not_kept(broken: Path, make_app) -> None:
    # Edits change the board in place, so the board object cannot tell a worker's analysis made
    # before an edit from one made after it; the version the worker noted at its start does.
    from readiness_tui.core.analysis.analyze import Analysis

    app = make_app(broken)
    async with app.run_test() as pilot:
        await pilot.pause()
        noted = app.board_version
        made = Analysis(app.store.board)
        app.board_changed()  # an edit landed while the worker ran
        app.adopt_analysis(noted, made)
        assert app.analysis_made() is None
        app.adopt_analysis(app.board_version, made)
        assert app.analysis_made() is made


async def test_a_lint_worker_finishing_after_another_analysis_of_the_same_board_was_kept_serves_it(
    tmp_path: Path, make_app
) -> None:
    """Go/no-go's and lint's workers each build an analysis when none is made: when go/no-go's
    is kept first, lint's result is kept for that one, so the Problems pane opened next does not
    lint the board again on the UI thread."""
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.lint import lint_store

    path = write_board(tmp_path / "big.toml", SYNC_ITEMS + 100)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for(pilot, lambda: header(app) != "", timeout=20, what="the first lint")
        await app.workers.wait_for_complete()
        runner = app.main.lint
        kept = app.analysis
        own = Analysis(app.store.board)  # the lint worker's own, of the same board
        problems = lint_store(app.store, own)
        runner._finish(runner._generation, own, problems, app, app.board_version)
        assert app.analysis_made() is kept
        assert runner.latest.get(kept) is problems
