"""Readiness levels: the board reaches a level when its gates and every lower level's pass or are
validly waived; go/no-go can require one; ``check`` and its JSON say which and what is in the way."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.analysis.gonogo import evaluate
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates.levels import board_level
from readiness_tui.core.model.board import Board

LEVELS = 'levels = ["bronze", "silver", "gold"]'


def board(*gates: tuple[str, str | None], head: str = LEVELS, extra: str = "") -> Board:
    rows = [{"id": i, "title": i, "gate": {"level": lvl, "exit_criteria": "x"} if lvl else {"exit_criteria": "x"}}
            for i, lvl in gates]  # fmt: skip
    levels = json.loads(head.split("=", 1)[1]) if head else []
    data: dict[str, object] = {"board": {"title": "t", "levels": levels}, "items": rows}
    if extra:
        data["waivers"] = [{"item": extra, "approved_by": "@lead", "expires": "2026-03-01"}]
    return Board.model_validate(data)


def test_the_level_is_the_highest_with_every_gate_below_passing() -> None:
    b = board(("B1", "bronze"), ("B2", "bronze"), ("S1", "silver"), ("G1", "gold"), ("X", None))
    s = board_level(b, {"B1": "pass", "B2": "pass", "S1": "pass", "G1": "fail", "X": "fail"})
    assert (s.reached, s.next) == ("silver", "gold")
    assert [x.item_id for x in s.blocking] == ["G1"]
    assert s.headline() == "level silver · gold: 1 gate to go"
    # A bronze gate failing holds back every level above, whatever passes there.
    s = board_level(
        b, {"B1": "pass", "B2": "stale", "S1": "pass", "G1": "pass"}, gate_reasons={"B2": "runbook changed"}
    )
    assert (s.reached, s.next) == (None, "bronze")
    assert s.gap_lines() == ["[bronze] B2 stale: runbook changed"]
    assert s.blockers_up_to("gold") == s.blocking
    s = board_level(b, {i: "pass" for i in ("B1", "B2", "S1", "G1")})
    assert (s.reached, s.next, s.headline()) == ("gold", None, "level gold (top)")


def test_a_valid_waiver_counts_and_an_unknown_level_holds_everything() -> None:
    b = board(("B1", "bronze"), ("S1", "silver"), extra="S1")
    assert board_level(b, {"B1": "pass", "S1": "error"}).reached == "gold"  # S1 waived, no gold gates
    b = board(("B1", "bronze"), ("P1", "platinum"))
    s = board_level(b, {"B1": "pass", "P1": "pass"})
    assert s.reached is None
    assert [(x.item_id, x.status) for x in s.blocking] == [("P1", "names an unknown level")]


def test_go_no_go_requires_a_level() -> None:
    b = board(("B1", "bronze"), ("S1", "silver"), ("S2", "silver"))
    b.board = b.board.model_copy(update={"go_no_go": b.board.go_no_go.model_copy(update={"require_level": "silver"})})
    b.items = [it.model_copy(update={"status": "done"}) for it in b.items]
    no = evaluate(b, None, {"B1": "pass", "S1": "fail", "S2": "untrusted"})
    assert not no.go
    assert "level silver required, the board is at bronze: S1, S2 not passing" in no.reasons
    yes = evaluate(b, None, {"B1": "pass", "S1": "pass", "S2": "pass"})
    assert yes.go, yes.reasons
    b.board = b.board.model_copy(update={"go_no_go": b.board.go_no_go.model_copy(update={"require_level": "gold!"})})
    assert evaluate(b, None, {"B1": "pass", "S1": "pass", "S2": "pass"}).reasons == [
        "[board.go_no_go] requires level gold!, which [board] levels does not declare (bronze, silver, gold)"
    ]


@pytest.fixture
def project(reports_project: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(reports_project, root, symlinks=True)
    return root


def test_check_reports_the_level_in_text_and_json(project: Path) -> None:
    path = project / "board.toml"
    path.write_text(
        f"""[board]
title = "levels"
{LEVELS}

[[items]]
id = "OWN"
[items.gate]
level = "bronze"
checks = [{{ kind = "owner", path = "docs/runbook.md" }}]

[[items]]
id = "COV"
[items.gate]
level = "silver"
checks = [{{ kind = "coverage", path = "reports/coverage.xml", min_line = 80 }}]

[[items]]
id = "SEC"
[items.gate]
level = "gold"
checks = [{{ kind = "sarif", path = "reports/bandit.sarif" }}]
"""
    )
    res = CliRunner().invoke(cli, ["check", str(path)])
    assert res.exit_code == 1
    assert (
        "level bronze · silver: 1 gate to go\n  [silver] COV fail: line coverage 72.7% < 80% (reports/coverage.xml)"
        in res.stdout
    )
    res = CliRunner().invoke(cli, ["check", str(path), "--json"])
    level = json.loads(res.stdout)["level"]
    assert (level["reached"], level["next"]) == ("bronze", "silver")
    assert level["blocking"] == [
        {"id": "COV", "level": "silver", "status": "fail", "reason": "line coverage 72.7% < 80% (reports/coverage.xml)"}
    ]
    assert level["counts"] == {
        "bronze": {"ok": 1, "total": 1},
        "silver": {"ok": 0, "total": 1},
        "gold": {"ok": 0, "total": 1},
    }
    assert BoardStore.load(path).board.board.levels == ["bronze", "silver", "gold"]


def test_the_shipped_sample_reaches_silver_on_its_own_reports() -> None:
    """A newcomer's first open: boards/checkout-service-readiness.toml reads the reports shipped
    beside it (written by pytest, coverage.py and Bandit) and needs no trust."""
    sample = Path(__file__).resolve().parents[2] / "boards" / "checkout-service-readiness.toml"
    res = CliRunner().invoke(cli, ["check", str(sample), "--json"])
    doc = json.loads(res.stdout)
    assert (doc["level"]["reached"], doc["level"]["next"]) == ("silver", "gold")
    assert [(b["id"], b["reason"]) for b in doc["level"]["blocking"]] == [
        ("CK-06", "line coverage 58.8% < 80% (reports/coverage.xml)"),
        ("CK-07", "1 SARIF error (max 0): B602 in checkout/export.py:7 (reports/bandit.sarif)"),
    ]
    assert doc["go_no_go"]["go"], doc["go_no_go"]
