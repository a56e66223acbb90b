"""``readiness list -f``: the app's filter language from the shell, its errors (exit 2, column and
suggestion), named views from the board and the settings, and owners inherited from the parent."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli

Q1 = Path(__file__).resolve().parents[2] / "boards" / "q1-2026-execution-backlog.toml"


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "q1.toml"
    shutil.copy(Q1, path)
    with path.open("a", encoding="utf-8") as f:
        f.write('\n[views]\nops-open = "owner:ops open"\ngrant = "ws:grant"\n')
    monkeypatch.chdir(tmp_path)
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def ids(board: Path, expr: str) -> list[str]:
    result = run("list", str(board), "-f", expr)
    assert result.exit_code == 0, result.output
    return [line.split()[0] for line in result.output.splitlines()]


@pytest.mark.parametrize(
    ("expr", "says"),
    [
        ("foo:bar", "column 1: unknown field 'foo'"),
        ("p:P9", "column 3: unknown priority 'P9'; priorities are P0, P1, P2, P3"),
        ("status:doen", "did you mean 'done'"),
        ("owner:@nobody", "no owner 'nobody' on this board"),
        ("view:nope", "unknown view 'nope'; did you mean"),
        ("(p:P0 OR", "OR needs a term after it"),
    ],
)
def test_a_bad_filter_exits_2_with_its_column_and_a_suggestion(board: Path, expr: str, says: str) -> None:
    result = run("list", str(board), "-f", expr)
    assert result.exit_code == 2
    assert says in result.output
    assert "Traceback" not in result.output


def test_or_not_and_comparisons_from_the_shell(board: Path) -> None:
    assert ids(board, "score>15") == ["S1", "S2", "S3", "S4"]
    everything = ids(board, "")
    done = ids(board, "status:done")
    assert ids(board, "not status:done") == [i for i in everything if i not in done]
    assert ids(board, "-status:done") == ids(board, "NOT status:done")
    both = ids(board, "status:todo OR status:in_progress")
    assert set(both) == set(ids(board, "status:todo")) | set(ids(board, "status:in_progress"))
    assert ids(board, "target<2026-W10 kind:stream") == ["S1", "S3", "S4", "S5"]


def test_views_from_the_board_and_inherited_owners(board: Path) -> None:
    ops = ids(board, "view:ops-open")
    assert "S2" in ops and "S2-T1" in ops  # S2-T1 has no owner of its own: S2's Ops
    assert ids(board, "view:grant") == ["S1", "S1-T1", "S1-T2", "S1-T3"]
    line = run("list", str(board), "-f", "id:S1-T1").output
    assert "GTM (inherited)" in line
    data = json.loads(run("list", str(board), "--json", "-f", "id:S1 kind:stream").output)
    (s1,) = data["items"]
    assert s1["children"] == {"done": 0, "total": 3}
    assert s1["owner_effective"] == "GTM"


def test_views_from_the_settings(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (board.parent / ".readiness.toml").write_text('views = { late = "overdue kind:stream" }\n', encoding="utf-8")
    assert ids(board, "view:late") == ids(board, "overdue kind:stream")


def test_the_agent_tools_refuse_a_bad_filter_with_the_same_words(board: Path) -> None:
    from readiness_tui.core.edits.agent_ops import AgentError, BoardOps

    ops = BoardOps(board)
    with pytest.raises(AgentError, match=r"column 3: unknown priority 'P9'"):
        ops.list_items("p:P9")
    assert [r["id"] for r in ops.list_items("owner:gtm kind:task")["items"]] == ["S1-T1", "S1-T2", "S1-T3"]


def test_show_gives_the_roll_up_and_the_inherited_owner(board: Path) -> None:
    s2 = run("show", str(board), "S2").output
    assert "children: 7/11 done" in s2
    task = run("show", str(board), "S1-T1").output
    assert "owner: GTM (inherited from the parent)" in task
    assert "workstream: Grant submission completion (inherited from the parent)" in task


def test_lint_reports_a_view_that_cannot_be_read_on_its_line(board: Path) -> None:
    with board.open("a", encoding="utf-8") as f:
        f.write('bad = "p:P9"\n')  # appended to the [views] table the fixture wrote
    result = run("lint", str(board))
    n = len(board.read_text(encoding="utf-8").splitlines())
    assert f"{board}:{n}: ERROR bad-view view 'bad': column 3: unknown priority 'P9'" in result.output
    assert "view 'grant'" not in result.output and "view 'ops-open'" not in result.output
