"""A matrix cell toggled in the app keeps the board's recorded ``[matrix]`` in step with
``depends_on`` in the same save, so ``readiness lint`` still passes (issue 39)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from readiness_tui.core.board.store import BoardStore

BOARDS = Path(__file__).resolve().parents[2] / "boards"


def lint(board: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness_tui", "lint", str(board)], capture_output=True, text=True, check=False
    )


async def test_toggling_a_matrix_cell_keeps_the_recorded_matrix(tmp_path: Path, make_app) -> None:
    board = tmp_path / "plan.toml"
    shutil.copy(BOARDS / "dome-production-readiness-tracker.toml", board)
    assert lint(board).returncode == 0
    before = BoardStore.load(board).board
    assert before.matrix is not None and before.matrix.order[:2] == ["M-01", "M-02"]
    assert before.item_map()["M-02"].depends_on == ["M-01"]
    app = make_app(board)
    async with app.run_test(size=(140, 44)) as pilot:
        await pilot.press("3")  # the matrix, its cursor on row M-01, column M-01
        await pilot.press("down", "space")  # row M-02, column M-01: M-02 no longer depends on M-01
        await pilot.pause()
    after = BoardStore.load(board).board
    assert after.item_map()["M-02"].depends_on == []
    assert after.matrix is not None and after.matrix.rows[1] == "000000000000"
    assert '"000000000000",  # M-02' in board.read_text()  # the row's comment stays
    res = lint(board)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "matrix-disagrees" not in res.stdout
