"""The bench's Gates pane figures, on a small imported board: every figure is taken, in tmux."""

from __future__ import annotations

from readiness_tui.bench.gates_pane import run


def test_the_gates_pane_bench_opens_moves_and_runs_every_gate() -> None:
    out = run(n=60, samples=3, opens=1)
    gates = out["gates"]
    assert gates > 40  # the imported plan's tracker rows carry a verify command
    assert out["open"]["runs"] == 1 and out["open"]["median_s"] > 0
    assert out["cursor_move"]["timeouts"] == 0 and out["cursor_move"]["n"] == 3
    ran = out["run_all"]
    assert ran["finished"], ran
    assert f"{gates} pass" in ran["summary"] and ran["gates_per_s"] > 0
