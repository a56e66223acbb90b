"""SVG snapshots of the backlog as a tree (a folded parent, roll-ups, inherited owners) and of the
Problems pane, at 120x40. Regenerate after an intended change with ``--snapshot-update``."""

from __future__ import annotations

from pathlib import Path

import pytest

Q1 = Path(__file__).resolve().parents[2] / "boards" / "q1-2026-execution-backlog.toml"
SIZE = (120, 40)


@pytest.fixture
def q1(tmp_path: Path) -> Path:
    path = tmp_path / "q1.toml"
    text = Q1.read_text(encoding="utf-8").replace('parent = "S5"', 'parent = "S9"')  # three lint errors
    path.write_text(text, encoding="utf-8")
    return path


def test_backlog_tree(q1: Path, make_app, snap_compare) -> None:
    app = make_app(q1)
    assert snap_compare(app, terminal_size=SIZE, press=["j", "j", "j", "j", "space", "j"])


def test_problems_pane(q1: Path, make_app, snap_compare) -> None:
    app = make_app(q1)
    assert snap_compare(app, terminal_size=SIZE, press=["8", "j"])
