"""``export -f csv``: a sortable date beside the target, and a byte order mark on request."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.cache import loader as caches

BOARD = """[board]
title = "Lancement"

[[items]]
id = "A"
title = "Révision de sécurité"
target = "2026-W09"

[[items]]
id = "B"
title = "Plan de reprise — 東京"
target = 2026-03-01

[[items]]
id = "C"
title = "No target"
"""


def _export(tmp_path: Path, *extra: str) -> Path:
    board = tmp_path / "plan.toml"
    board.write_text(BOARD, encoding="utf-8")
    out = tmp_path / f"plan{len(extra)}.csv"
    res = CliRunner().invoke(cli, ["export", str(board), "-f", "csv", "-o", str(out), *extra])
    assert res.exit_code == 0, res.output
    return out


def _rows(path: Path, encoding: str) -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def test_target_date_is_the_date_or_the_weeks_monday_and_sorts(tmp_path: Path) -> None:
    rows = _rows(_export(tmp_path), "utf-8")
    assert [(r["id"], r["target"], r["target_date"]) for r in rows] == [
        ("A", "2026-W09", "2026-02-23"),  # the Monday of ISO week 9
        ("B", "2026-03-01", "2026-03-01"),
        ("C", "", ""),
    ]
    # As text every date sorts before every week; by target_date week 9 comes before March.
    dated = [r for r in rows if r["target_date"]]
    assert [r["id"] for r in sorted(dated, key=lambda r: r["target"])] == ["B", "A"]
    assert [r["id"] for r in sorted(dated, key=lambda r: r["target_date"])] == ["A", "B"]
    header = list(rows[0])
    assert header.index("target_date") == header.index("target") + 1


def test_bom_only_when_asked_and_titles_read_back(tmp_path: Path) -> None:
    plain, marked = _export(tmp_path), _export(tmp_path, "--bom")
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert marked.read_bytes().startswith(b"\xef\xbb\xbf")
    assert marked.read_bytes()[3:] == plain.read_bytes()
    rows = _rows(marked, "utf-8-sig")
    assert list(rows[0])[0] == "id"  # the mark is not read as part of the first header
    assert [r["title"] for r in rows[:2]] == ["Révision de sécurité", "Plan de reprise — 東京"]


@pytest.mark.usefixtures("answers_on")
def test_bom_on_stdout_is_not_answered_from_the_run_without_it(tmp_path: Path) -> None:
    # The answer cache replays a command's output: --bom must be part of what it is keyed by.
    board = tmp_path / "plan.toml"
    board.write_text(BOARD, encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(cli, ["export", str(board), "-f", "csv"])
    caches.flush()  # the answer is written, as the CLI writes it after the command
    again = runner.invoke(cli, ["export", str(board), "-f", "csv", "--bom"])
    assert first.exit_code == again.exit_code == 0
    assert not first.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert again.stdout_bytes == b"\xef\xbb\xbf" + first.stdout_bytes


def test_bom_with_another_format_is_a_usage_error(tmp_path: Path) -> None:
    board = tmp_path / "plan.toml"
    board.write_text(BOARD, encoding="utf-8")
    res = CliRunner().invoke(cli, ["export", str(board), "-f", "json", "--bom"])
    assert res.exit_code == 2 and "--bom is for -f csv" in res.stderr
