"""``readiness set`` with a misspelt field: refused (exit 2, the board untouched) and the nearest
field named, as every other refusal of an unknown name does (``problems.did_you_mean``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.edits.fields import parse_field

BOARD = '[[items]]\nid = "A"\ntitle = "a"\nstatus = "todo"\n\n[items.gate]\nverify = "make test"\n'


@pytest.mark.parametrize(
    ("word", "hint"),
    [("stauts", "; did you mean status?"), ("gate.verfy", "; did you mean gate.verify?"), ("zzzq", "")],
)
def test_an_unknown_field_names_the_nearest(word: str, hint: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse_field(word, "x")
    assert str(refused.value) == f"unknown field {word!r}{hint}"


def test_set_refuses_a_misspelt_field_and_keeps_the_board(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text(BOARD, encoding="utf-8")
    res = CliRunner().invoke(cli, ["set", str(path), "A", "stauts=done"])
    assert res.exit_code == 2
    assert "unknown field 'stauts'; did you mean status?" in res.output
    assert path.read_text(encoding="utf-8") == BOARD
