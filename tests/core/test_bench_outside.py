"""The benchmark's imported boards and its outside measurements (no timing is asserted here)."""

from __future__ import annotations

import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from readiness_tui.bench.external import cli_floor, readiness_argv, run_child, stats_ms, whole_process
from readiness_tui.bench.outside import imported_board
from readiness_tui.bench.plans import generate_plan_text
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers.markdown import import_markdown
from readiness_tui.core.model.board import Board


def test_a_generated_plan_imports_into_every_item_with_its_dependencies() -> None:
    text = generate_plan_text(450, table_rows=20)
    result = import_markdown(text, "plan.md")
    board = result.board
    ids = [it.id for it in board.items]
    assert ids == [f"M-{i + 1:06d}" for i in range(450)]
    # Tables (seed 003's columns) and ticket sections (seed 002's bullets) both came through.
    by_id = board.item_map()
    assert by_id["M-000001"].gate is not None and by_id["M-000001"].gate.verify.startswith("pytest")
    ticket = by_id["M-000185"]  # every tenth block (here items 181-200) is written as ticket sections
    assert ticket.acceptance and ticket.owner.startswith("@")
    deps = sum(len(it.depends_on) for it in board.items)
    assert deps > 300
    analysis = Analysis(board)
    assert analysis.unknown_dependencies == [] and analysis.cycles == []
    assert len(board.risks) == 450 // 20


def test_the_bench_makes_its_board_with_the_real_import_command(tmp_path: Path) -> None:
    board, made = imported_board(tmp_path, 120)
    store = BoardStore.load(board)
    assert len(store.board.items) == 120
    assert made["board_mb"] >= 0 and made["import_s"] > 0
    assert "imported" in store.text() and "# from plan-120.md line" in store.text()


def test_whole_process_figures_come_from_the_child_itself() -> None:
    one = run_child([sys.executable, "-c", "x = bytearray(60 * 2**20); sum(range(10**6))"])
    assert one["exit"] == 0
    assert one["rss_mb"] >= 60  # the child's own peak, not ours
    assert one["cpu_s"] > 0 and one["wall_s"] >= one["cpu_s"] * 0.5
    figures = whole_process(["--version"], runs=2)
    assert figures["exit"] == 0 and figures["runs"] == 2 and "load" in figures
    assert run_child([sys.executable, "-c", "raise SystemExit(3)"])["exit"] == 3


def test_a_small_childs_peak_rss_is_not_the_benchs() -> None:
    # A child forked from a large process counts the pages it shared with it in its peak RSS:
    # with the bench holding 300 MB, `python -c pass` must still report an interpreter's size.
    ballast = bytearray(b"\1") * (300 * 2**20)  # written, so resident
    small = run_child([sys.executable, "-c", "pass"])
    assert small["rss_mb"] < 100, small
    del ballast


def test_percentiles_are_taken_from_the_sorted_samples() -> None:
    samples = [n / 1000 for n in range(1, 101)]  # 1..100 ms, shuffled order does not matter
    out = stats_ms(list(reversed(samples)))
    assert out == {"median_ms": 50.5, "p95_ms": 95.0, "n": 100}


def test_the_cli_floor_imports_the_model_and_costs_more_than_a_bare_interpreter() -> None:
    floor = cli_floor(runs=1)
    assert set(floor) == {"load", "python", "click", "model_imports", "item_validation"}
    # The model's imports (click, the records) are real work: a floor below the bare interpreter
    # would mean the child imported nothing.
    assert floor["model_imports"]["cpu_median_s"] > floor["python"]["cpu_median_s"]


def test_the_key_floor_moves_a_plain_textual_tables_cursor_in_tmux() -> None:
    from readiness_tui.bench.external import textual_key_floor

    floor = textual_key_floor(samples=3)
    # Every key moved the cursor (a key that changed nothing would be a timeout), and took time.
    assert floor.get("timeouts") == 0 and floor["n"] == 3, floor
    assert 0 < floor["median_ms"] < 2000


def test_the_apps_boards_are_parsed_into_the_cache_even_when_a_lint_answer_is_kept(board_copy) -> None:
    import shutil

    from readiness_tui.bench.outside import warm_parse_cache
    from readiness_tui.core.cache.parse_cache import cache_dir, is_current

    board = board_copy("dome-production-readiness-tracker.toml")
    run_child(readiness_argv("lint", "-q", str(board)))  # parsed, its answer kept
    assert warm_parse_cache(board, timeout=20)
    # The same bytes again (a board copied afresh from one plan): the lint answer is kept, the
    # parse-cache entry is not. Warming must parse it, not replay the answer.
    shutil.rmtree(cache_dir())
    assert not is_current(board)
    assert warm_parse_cache(board, timeout=20)


def edited_twice(tmp_path: Path, edit: Callable[[Path, int], None]) -> tuple[Board, Board, Board]:
    """An imported board of 60 items as it was, after ``edit``, and after it again."""
    board, _ = imported_board(tmp_path, 60)
    before = BoardStore.load(board).board
    edit(board, 1)
    once = BoardStore.load(board).board
    edit(board, 2)
    return before, once, BoardStore.load(board).board


def test_the_benchs_outside_edit_changes_one_items_title_and_nothing_else(tmp_path: Path) -> None:
    from readiness_tui.bench.outside import edit_one_item

    before, once, twice = edited_twice(tmp_path, edit_one_item)
    changed = [(a.id, a.title, b.title) for a, b in zip(before.items, once.items) if a != b]
    assert len(changed) == 1 and changed[0][2].startswith("edited by the bench")
    assert [a.id for a, b in zip(once.items, twice.items) if a != b] == [changed[0][0]]
    assert once.risks == before.risks and len(twice.items) == 60


def test_the_benchs_undo_figure_counts_what_two_hundred_edits_keep(tmp_path: Path) -> None:
    from readiness_tui.bench.core import undo_memory
    from readiness_tui.bench.generate import write_board

    board = write_board(tmp_path / "b.toml", 6000)
    got = undo_memory(board, 200)
    assert got["edits_kept"] == 200 and got["items"] == 6000
    # A whole copy of the lists per edit would be 200 x 8 bytes x (6,000 rows + as many segments);
    # what is kept is the stretches the edits changed and the edits themselves (~10 KB each).
    assert 0 < got["undo_mb"] < 200 * 8 * 12_000 / 3 / 1e6


def test_the_benchs_status_edit_changes_one_items_status_and_nothing_else(tmp_path: Path) -> None:
    from readiness_tui.bench.outside import edit_one_status

    before, once, twice = edited_twice(tmp_path, edit_one_status)
    changed = [(a, b) for a, b in zip(before.items, once.items) if a != b]
    assert len(changed) == 1
    (old, new) = changed[0]
    assert new.status != old.status and new == old.model_copy(update={"status": new.status})
    again = [(a.id, b.status) for a, b in zip(once.items, twice.items) if a != b]
    assert len(again) == 1 and again[0][0] == old.id and again[0][1] != new.status
    assert once.risks == before.risks and len(twice.items) == 60


def test_the_benchs_risk_edit_changes_one_risks_title_and_nothing_else(tmp_path: Path) -> None:
    from readiness_tui.bench.outside import edit_one_risk

    before, once, twice = edited_twice(tmp_path, edit_one_risk)
    assert before.risks, "the imported plan has risks"
    changed = [(a, b) for a, b in zip(before.risks, once.risks) if a != b]
    assert len(changed) == 1
    (old, new) = changed[0]
    assert new.title.startswith("edited by the bench") and new == old.model_copy(update={"title": new.title})
    again = [(a.id, b.title) for a, b in zip(once.risks, twice.risks) if a != b]
    assert len(again) == 1 and again[0][0] == old.id and again[0][1] != new.title
    assert once.items == before.items and twice.items == before.items and len(twice.risks) == len(before.risks)


@pytest.mark.parametrize("with_risks", [True, False])
def test_the_benchs_risk_edit_on_a_generated_board_replaces_the_title_it_finds(
    tmp_path: Path, with_risks: bool
) -> None:
    """The generator writes a risk's id before its title, and some boards have no risk (the
    board's own title is edited then): the edit replaces that title, never adds a second one,
    which would make the board unreadable and the bench wait for a cache entry that never comes."""
    from readiness_tui.bench.generate import write_board
    from readiness_tui.bench.outside import edit_one_risk

    board = write_board(tmp_path / "g.toml", 40)
    if not with_risks:
        text = board.read_text(encoding="utf-8")
        board.write_text(text[: text.index("\n[[risks]]")] + "\n", encoding="utf-8")
    before = BoardStore.load(board).board
    edit_one_risk(board, 1)
    edit_one_risk(board, 2)
    after = BoardStore.load(board).board
    assert after.items == before.items
    if with_risks:
        changed = [(a, b) for a, b in zip(before.risks, after.risks) if a != b]
        assert len(changed) == 1 and changed[0][1].title.endswith(" 2")
        assert changed[0][1] == changed[0][0].model_copy(update={"title": changed[0][1].title})
    else:
        assert after.board.title.endswith(" 2") and after.board == before.board.model_copy(
            update={"title": after.board.title}
        )


def test_the_app_in_tmux_runs_with_the_benchs_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A session of the user's tmux server would get that server's environment (another
    checkout on PYTHONPATH, say): the bench starts a server of its own, with its environment."""
    from readiness_tui.bench import external

    if not external.tmux_available():
        pytest.fail("tmux is not installed")
    tmux = ["tmux", "-S", str(tmp_path / "bench.tmux"), "-f", "/dev/null"]
    monkeypatch.setattr(external, "TMUX", tmux)
    monkeypatch.setattr(external, "_server_up", [])
    monkeypatch.setenv("READINESS_BENCH_MARK", str(tmp_path))
    try:
        with external.tmux_app("sleep 30") as pane:
            # Until the pane's process has exec'd the command, tmux is still building its environment there and
            # /proc may show none yet: wait for the program itself.
            cmdline = Path(f"/proc/{pane.pid}/cmdline")
            deadline = time.monotonic() + 10
            while not cmdline.read_bytes().startswith(b"sleep") and time.monotonic() < deadline:
                time.sleep(0.01)
            environ = Path(f"/proc/{pane.pid}/environ").read_bytes().split(b"\0")
        assert f"READINESS_BENCH_MARK={tmp_path}".encode() in environ
    finally:
        external._stop_tmux_server(tmux)
    assert not (tmp_path / "bench.tmux").exists()


def test_a_first_paint_is_timed_with_the_cpu_the_program_used_by_then() -> None:
    from readiness_tui.bench.external import first_paint

    # A program that burns CPU, then shows the marker and waits.
    burn = "import time; t = time.process_time()\nwhile time.process_time() - t < 0.3: pass\nprint('PAINTED'); time.sleep(30)"
    paint = first_paint(f"{sys.executable} -c {shlex.quote(burn)}", "PAINTED", runs=1)
    # /proc counts CPU in clock ticks (10 ms here), each part rounded down: a few ticks short of 0.3 s.
    assert paint["cpu_median_s"] >= 0.27 and paint["cpu_min_s"] == paint["cpu_median_s"], paint
    assert paint["median_s"] >= paint["cpu_median_s"] - 0.02


def test_first_paints_are_taken_in_turns(tmp_path: Path) -> None:
    from readiness_tui.bench.external import first_paints

    log = tmp_path / "started.log"

    def app(name: str) -> tuple[str, str]:
        code = f"open({str(log)!r}, 'a').write({name!r}); print('SHOWN-{name}'); import time; time.sleep(30)"
        return f"{sys.executable} -c {shlex.quote(code)}", f"SHOWN-{name}"

    paints = first_paints({"a": app("a"), "b": app("b")}, runs=3)
    # One run of each, three times over: both meet the same minutes of the machine's load.
    assert log.read_text() == "ababab"
    assert paints["a"]["runs"] == paints["b"]["runs"] == 3 and paints["b"]["min_s"] <= paints["b"]["median_s"]


def test_the_model_floor_is_the_empty_app_after_the_models_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readiness_tui.bench.external import first_paint, model_floor_app

    command, marker = model_floor_app()
    assert "readiness_tui.core.model.board" in command and " -P " in command
    # Run from a directory holding another `readiness_tui`: -P keeps it from being the one imported.
    (tmp_path / "readiness_tui").mkdir()
    (tmp_path / "readiness_tui" / "__init__.py").write_text("raise SystemExit('the wrong package')\n")
    monkeypatch.chdir(tmp_path)
    paint = first_paint(command, marker, runs=1)
    assert "timeout" not in paint and paint["cpu_median_s"] > 0, paint
