"""``readiness import``: exit codes, where the board and the report go, errors without tracebacks."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["import", *args])


def test_board_to_stdout_report_to_stderr() -> None:
    res = _run(str(PLANS / "platform_launch.md"))
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("#:schema ./board.schema.json")
    BoardStore.from_text(res.stdout)
    assert "platform_launch.md:9: used: table" in res.stderr
    assert "imported items=6" in res.stderr
    assert "Traceback" not in res.stderr


def test_output_and_report_files(tmp_path: Path) -> None:
    out, rep = tmp_path / "b.toml", tmp_path / "r.txt"
    res = _run(str(PLANS / "rollout_checklist.md"), "-o", str(out), "--report", str(rep))
    assert res.exit_code == 0
    assert res.stdout == ""
    assert len(BoardStore.load(out).board.items) == 9
    report = rep.read_text(encoding="utf-8")
    assert "checklist" in report and "'9.9', which names no item" in report
    # The summary line, with where the rest is, still reaches the terminal.
    assert "imported items=9" in res.stderr and f"warnings (in {rep})" in res.stderr
    assert ": used: " not in res.stderr  # the lines themselves are in the file


def test_nothing_recognizable_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "b.toml"
    res = _run(str(PLANS / "prose_only.md"), "-o", str(out))
    assert res.exit_code == 1
    assert "nothing recognizable" in res.stderr
    assert not out.exists()


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    res = _run(str(tmp_path / "missing.md"))
    assert res.exit_code == 2
    assert "missing.md: no such file" in res.stderr and "Traceback" not in res.stderr
    binary = tmp_path / "plan.md"
    binary.write_bytes(b"\xff\xfe\x00\x01 not text")
    res = _run(str(binary))
    assert res.exit_code == 2 and "plan.md: not UTF-8 text" in res.stderr
    res = _run(str(tmp_path))
    assert res.exit_code == 2 and "is a directory" in res.stderr


def test_merge_updates_the_board_in_place(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    board = tmp_path / "board.toml"
    plan.write_text((PLANS / "ops_hardening.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert _run(str(plan), "-o", str(board)).exit_code == 0
    store = BoardStore.load(board)
    store.set_status("OPS-1", "done")
    store.save()
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("(owner: SRE; est: 2d)", "(owner: NOC; est: 2d)")
        + "\n- **OPS-5** — Post-mortem template (owner: SRE)\n",
        encoding="utf-8",
    )
    res = _run(str(plan), "--merge", str(board))
    assert res.exit_code == 0, res.stderr
    store = BoardStore.load(board)
    assert store.item("OPS-1").status == "done" and store.item("OPS-1").owner == "NOC"
    assert "OPS-1.owner: 'SRE' -> 'NOC'" in res.stderr


def test_merge_into_a_broken_board_exits_2(tmp_path: Path) -> None:
    board = tmp_path / "board.toml"
    board.write_text("[board\ntitle = ", encoding="utf-8")
    res = _run(str(PLANS / "ops_hardening.md"), "--merge", str(board))
    assert res.exit_code == 2
    assert "board.toml" in res.stderr and "Traceback" not in res.stderr


def test_an_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "b.toml"
    out.write_text("# my edits\n", encoding="utf-8")
    res = _run(str(PLANS / "ops_hardening.md"), "-o", str(out))
    assert res.exit_code == 2 and "already exists" in res.stderr and "--merge" in res.stderr
    assert out.read_text(encoding="utf-8") == "# my edits\n"
    res = _run(str(PLANS / "ops_hardening.md"), "-o", str(out), "--force")
    assert res.exit_code == 0
    assert len(BoardStore.load(out).board.items) == 4


def test_plan_from_stdin() -> None:
    text = (PLANS / "ops_hardening.md").read_text(encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", "-"], input=text)
    assert res.exit_code == 0
    assert "stdin:5: used: list of ids" in res.stderr
    assert len(BoardStore.from_text(res.stdout).board.items) == 4


def test_import_is_registered_in_the_lazy_group() -> None:
    res = CliRunner().invoke(cli, ["import", "--help"])
    assert res.exit_code == 0 and "--merge" in res.stdout


def test_a_fault_of_the_reader_is_told_without_a_traceback_and_writes_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import readiness_tui.core.importers as importers

    def broken(*_a: object, **_k: object) -> None:
        raise KeyError(("epic", "01"))

    monkeypatch.setattr(importers, "import_markdown", broken)
    out = tmp_path / "board.toml"
    res = _run(str(PLANS / "platform_launch.md"), "-o", str(out), "--no-guide")
    assert res.exit_code == 2
    assert "platform_launch.md: the importer failed on this plan (KeyError: ('epic', '01') in " in res.stderr
    assert "a bug in readiness, not in the plan" in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()
