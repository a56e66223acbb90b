"""Bad input gives a located message and an exit code, never a traceback; numbers are finite and
in range; JSON output is strict JSON. Each test here failed before its fix (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.model.board import STATUS_CYCLE, Gate, Item, next_status


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    # No traceback: the command ended by its own exit (click keeps a non-zero one's SystemExit).
    if result.exit_code == 0:
        assert result.exception is None
    else:
        assert isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("value", ['["todo"]', "{ a = 1 }"])
@pytest.mark.parametrize("field", ["status", "priority"])
def test_status_or_priority_as_list_or_table_is_a_located_error(tmp_path: Path, field: str, value: str) -> None:
    board = tmp_path / "b.toml"
    board.write_text(f'[[items]]\nid = "A"\ntitle = "a"\n{field} = {value}\n')
    # lint reports the problem (1); order and export cannot read the board (2).
    for cmd, want in (("lint", 1), ("order", 2), ("export", 2)):
        code, out, err = run(cmd, str(board))
        assert code == want, (cmd, out, err)
        assert f"{board}:4" in out + err and field in out + err, (cmd, out, err)


@pytest.mark.parametrize(
    "text,problem,also",
    [
        pytest.param('# a comment\nboard = 1\n\n[[items]]\nid = "A"\n', ":2: ERROR schema", "", id="root-key-type"),
        pytest.param(
            '[[items]]\nid = "A"\n\n[' + "a." * 600 + "b]\n",
            ":4: ERROR toml-syntax",
            "nested too deeply",
            id="too-deep",
        ),
        pytest.param(
            '[[items]]\nid = "A"\ntitle = "a"\n\n[[items]]\nid = "B"\n',
            ":5: ERROR missing-title B: has no title",
            "",
            id="no-title",
        ),
    ],
)
def test_lint_names_the_line_of_the_problem(tmp_path: Path, text: str, problem: str, also: str) -> None:
    board = tmp_path / "b.toml"
    board.write_text(text)
    code, out, _ = run("lint", str(board))
    assert code == 1 and f"{board}{problem}" in out and also in out


def test_import_of_invalid_utf8_names_line_and_byte(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_bytes(b"# Plan\n\n- [ ] caf\xc3\xa9\n- [ ] bad \xff here\n")
    code, _, err = run("import", str(plan), "-o", str(tmp_path / "out.toml"))
    assert code == 2 and "line 4, byte 30" in err and "Traceback" not in err
    assert not (tmp_path / "out.toml").exists()


@pytest.mark.parametrize("text", ["1e400", "nan", "inf", "-inf", "-1.0"])
def test_estimates_are_finite_and_not_negative(tmp_path: Path, text: str) -> None:
    board = tmp_path / "b.toml"
    board.write_text(f'[[items]]\nid = "A"\ntitle = "a"\nestimate_days = {text}\n')
    code, out, err = run("export", str(board), "-f", "json")
    assert code != 0 and "NaN" not in out and "Infinity" not in out
    code, out, _ = run("lint", str(board))
    assert code == 1 and f"{board}:" in out and "estimate" in out


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "-1"])
def test_set_refuses_numbers_out_of_range(tmp_path: Path, value: str) -> None:
    board = tmp_path / "b.toml"
    before = '[[items]]\nid = "A"\ntitle = "a"\n'
    board.write_text(before)
    code, _, err = run("set", str(board), "A", f"estimate_days={value}")
    assert code == 2 and "estimate_days must be" in err
    assert board.read_text() == before


def test_model_refuses_bad_numbers() -> None:
    for bad in (float("nan"), float("inf"), -0.5):
        with pytest.raises(ValueError):
            Item(id="A", estimate_days=bad)
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            Gate(verify="x", timeout_s=bad)
    assert Gate(verify="x", timeout_s=1.5).timeout_s == 1.5
    assert Item(id="A", estimate_days=0).estimate_days == 0


def test_json_outputs_are_strict(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    board.write_text('[[items]]\nid = "A"\ntitle = "a"\nestimate_days = 2\n')

    def strict(text: str) -> object:
        def refuse(name: str) -> None:
            raise AssertionError(f"not strict JSON: {name}")

        return json.loads(text, parse_constant=refuse)

    for args in (
        ("export", str(board), "-f", "json"),
        ("order", str(board), "--json"),
        ("report", str(board), "-f", "json"),
    ):
        code, out, err = run(*args)
        assert code == 0, (args, err)
        strict(out)


def test_audit_verify_of_a_missing_board_exits_2(tmp_path: Path) -> None:
    code, out, err = run("audit", "verify", str(tmp_path / "nonexist.toml"))
    assert code == 2 and "no such board" in err and "ok" not in out


def test_one_status_cycle() -> None:
    # s moves an item on through its life; blocked resumes; every status has a next one.
    assert [next_status(s) for s in ("todo", "in_progress", "review", "done")] == [
        "in_progress",
        "review",
        "done",
        "todo",
    ]
    assert next_status("blocked") == "in_progress" and next_status("cancelled") == "todo"
    assert set(STATUS_CYCLE) == {"todo", "in_progress", "blocked", "review", "done", "cancelled"}
