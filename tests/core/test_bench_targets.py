"""The bench's verdicts on the speed targets, its floors beside figures, and its normal install
(no timing is asserted here)."""

from __future__ import annotations

import shutil
from pathlib import Path

from readiness_tui.bench.external import readiness_argv, run_child, use_install
from readiness_tui.bench.outside import with_floors
from readiness_tui.bench.targets import TARGETS, Target, judge, table


def figure(median_s: float) -> dict:
    return {"median_s": median_s, "cpu_median_s": median_s, "peak_rss_mb": 50.0, "exit": 0, "runs": 3, "load": 1.0}


def test_a_figure_under_its_bound_is_met_and_one_over_it_is_not() -> None:
    targets = [
        Target("list 10000 warm", ("10000", "imported", "list", "warm"), 0.4, "s"),
        Target("set 100000 warm", ("100000", "imported", "set", "warm"), 1.0, "s"),
    ]
    report = {
        "10000": {"imported": {"list": {"warm": figure(0.35)}}},
        "100000": {"imported": {"set": {"warm": figure(1.2)}}},
    }
    rows = judge(report, targets)
    assert [(r["figure"], r["value"], r["met"]) for r in rows] == [
        ("list 10000 warm", 0.35, True),
        ("set 100000 warm", 1.2, False),
    ]


def test_a_figure_the_run_did_not_take_is_not_measured_never_met() -> None:
    rows = judge(
        {"1000": {"imported": {}}}, [Target("list 100000 warm", ("100000", "imported", "list", "warm"), 4.0, "s")]
    )
    assert rows[0]["met"] is None and rows[0]["value"] is None
    assert "not measured" in table(rows)


def test_a_ratio_target_divides_by_the_floor_of_the_same_run() -> None:
    target = Target("show 1000 kept over click", ("1000", "imported", "show", "kept"), 2.0, "x", ("cli_floor", "click"))
    report = {"cli_floor": {"click": {"median_s": 0.05}}, "1000": {"imported": {"show": {"kept": figure(0.12)}}}}
    assert judge(report, [target])[0] == {
        "figure": "show 1000 kept over click",
        "value": 2.4,
        "target": 2.0,
        "unit": "x",
        "met": False,
    }
    report["cli_floor"]["click"]["median_s"] = 0.08  # a slower floor the same hour: 1.5x, met
    assert judge(report, [target])[0]["met"] is True
    del report["cli_floor"]  # no floor taken: no ratio, not measured
    assert judge(report, [target])[0]["met"] is None


def test_the_issues_table_is_judged_whole() -> None:
    names = {t.name for t in TARGETS}
    # Every row of the speed issue's table has its verdict.
    for name in (
        "list 10000 warm",
        "list_json 100000 warm",
        "lint 10000 edited",
        "export_json 10000 cold",
        "order 100000 edited",
        "set 100000 warm",
        "set 1000 warm",
        "report 1000 kept over click",
        "app RSS 10000 after an hour",
        "first paint seed over Textual",
        "first paint 10000 over Textual",
    ):
        assert name in names, name
    rows = judge({})
    assert len(rows) == len(TARGETS) and all(r["met"] is None for r in rows)


def test_every_cli_figure_carries_its_ratio_to_the_click_floor_and_paints_to_textuals() -> None:
    report = {
        "cli_floor": {"click": {"median_s": 0.1}},
        "app_floor": {"textual_floor_first_paint": {"median_s": 0.2}, "seed_first_paint": {"median_s": 0.3, "runs": 5}},
        "1000": {
            "imported": {"lint": {"warm": figure(0.25)}, "import_s": 1.0},
            "generated": {"order": {"kept": figure(0.15)}},
            "app": {"board_first_paint": {"median_s": 0.5, "runs": 5}},
        },
    }
    with_floors(report)
    assert report["1000"]["imported"]["lint"]["warm"]["over_click"] == 2.5
    assert report["1000"]["generated"]["order"]["kept"]["over_click"] == 1.5
    assert report["1000"]["app"]["board_first_paint"]["over_textual"] == 2.5
    assert report["app_floor"]["seed_first_paint"]["over_textual"] == 1.5


def test_a_boards_first_paint_is_judged_over_the_floor_taken_in_turns_with_it() -> None:
    report = {
        "app_floor": {"textual_floor_first_paint": {"median_s": 0.1}, "seed_first_paint": {"median_s": 0.3, "runs": 5}},
        "10000": {
            "app": {
                "textual_floor_first_paint": {"median_s": 0.25, "runs": 5},
                "board_first_paint": {"median_s": 0.5, "runs": 5},
            }
        },
    }
    with_floors(report)
    assert report["10000"]["app"]["board_first_paint"]["over_textual"] == 2.0
    assert report["app_floor"]["seed_first_paint"]["over_textual"] == 3.0
    verdicts = {r["figure"]: r for r in judge(report)}
    assert verdicts["first paint 10000 over Textual"]["value"] == 2.0
    assert verdicts["first paint 10000 over Textual"]["met"] is False
    assert verdicts["first paint seed over Textual"]["value"] == 3.0


def test_the_model_floor_is_given_over_the_empty_apps_first_paint() -> None:
    report = {
        "app_floor": {
            "textual_floor_first_paint": {"median_s": 0.2, "cpu_median_s": 0.2},
            "textual_model_floor_first_paint": {"median_s": 0.28, "cpu_median_s": 0.27, "runs": 5},
        }
    }
    with_floors(report)
    model = report["app_floor"]["textual_model_floor_first_paint"]
    assert (model["over_textual"], model["cpu_over_textual"]) == (1.4, 1.35)


def test_a_first_paint_also_carries_its_cpu_time_over_textuals() -> None:
    report = {
        "app_floor": {
            "textual_floor_first_paint": {"median_s": 0.2, "cpu_median_s": 0.16},
            "seed_first_paint": {"median_s": 0.3, "cpu_median_s": 0.32, "runs": 5},
        },
        "10000": {"app": {"board_first_paint": {"median_s": 0.5, "cpu_median_s": 0.4, "runs": 5}}},
    }
    with_floors(report)
    assert report["app_floor"]["seed_first_paint"]["cpu_over_textual"] == 2.0
    assert report["10000"]["app"]["board_first_paint"]["cpu_over_textual"] == 2.5


def test_the_normal_install_runs_the_wheel_from_its_own_venv(tmp_path: Path) -> None:
    from readiness_tui.bench.install import imported_from, normal_install
    from readiness_tui.resources import bundled_boards_dir

    python = normal_install(tmp_path / "install")
    # The copy timed is the installed one, with its bytecode, not the checkout's.
    where = imported_from(python)
    assert where.is_relative_to(tmp_path / "install" / "venv")
    assert list((where / "core" / "__pycache__").glob("*.pyc"))
    board = tmp_path / "board.toml"
    shutil.copy(next(bundled_boards_dir().glob("*.toml")), board)
    use_install(python)
    try:
        assert readiness_argv("lint")[0] == str(python.parent / "readiness")
        ran = run_child(readiness_argv("order", str(board)))
    finally:
        use_install(None)
    assert ran["exit"] == 0
    assert readiness_argv("lint")[-2:] == ["readiness_tui", "lint"]


def test_the_hours_outside_change_replaces_one_title_atomically(tmp_path: Path) -> None:
    import os

    from readiness_tui.bench.app_hour import outside_title, rss_mb
    from readiness_tui.bench.outside import imported_board
    from readiness_tui.core.board.store import BoardStore

    board, _ = imported_board(tmp_path, 30)
    before = BoardStore.load(board).board
    outside_title(board, "M-000001", "Changed outside 001")
    after = BoardStore.load(board).board
    changed = [(a.id, b.title) for a, b in zip(before.items, after.items) if a != b]
    assert changed == [("M-000001", "Changed outside 001")]
    assert not list(tmp_path.glob(".*.bench"))  # the temporary file was renamed over the board
    own = rss_mb(os.getpid())
    assert 0 < own["rss_mb"] <= own["peak_rss_mb"]


def test_the_hours_outside_change_waits_for_the_apps_own_saves(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from readiness_tui.bench import app_hour

    class Pane:
        """A pane whose top bar says "unsaved" for the first few looks after the status edits."""

        def __init__(self) -> None:
            self.edits = 0
            self.looks_unsaved = 3
            self.keys: list[str] = []

        def send(self, key: str) -> None:
            self.edits += key == "s"
            self.keys.append(key)

        def send_keys(self, keys: list[str]) -> None:
            pass

        def screen(self) -> str:
            if self.edits == 4 and self.looks_unsaved:
                self.looks_unsaved -= 1
                return "● unsaved"
            return "saved"

        def wait_for(self, pred, timeout: float = 20.0) -> float | None:  # type: ignore[no-untyped-def]
            for _ in range(10):  # polls, as the real pane does until its timeout
                if pred(self.screen()):
                    return 0.0
            return None

    pane = Pane()
    written: list[int] = []
    monkeypatch.setattr(app_hour, "settle", lambda *a, **k: None)
    monkeypatch.setattr(app_hour, "outside_title", lambda *a: written.append(pane.looks_unsaved))
    app_hour.one_round(pane, tmp_path / "b.toml", 30, "M-000001", 0)  # type: ignore[arg-type]
    assert written == [0]  # written once, after the bar said "saved" again
    assert pane.keys[-1] == "g"  # and with the first rows shown, where its new title is looked for
