"""``readiness set`` on risks, phases, milestones, waivers and deliverables, and ``set --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore

from .test_record_edits import BOARD


@pytest.fixture()
def board(tmp_path: Path) -> Path:
    path = tmp_path / "records.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["set", *args])


def test_risk_mitigation_added_by_id(board: Path) -> None:
    res = run(str(board), "R-001", "mitigated_by+=T-002")
    assert res.exit_code == 0, res.output
    assert "risks:R-001.mitigated_by: ['T-001'] -> ['T-001', 'T-002']" in res.output
    assert 'mitigated_by = ["T-001", "T-002"]' in board.read_text()
    rec = audit.read(board)[-1]
    assert (rec.kind, rec.item, rec.field, rec.source) == ("risks", "R-001", "mitigated_by", "cli")


def test_phase_exit_criterion_with_a_comma_is_one_entry(board: Path) -> None:
    res = run(str(board), "phase:A", "exit+=Load test passed, p95 < 200 ms")
    assert res.exit_code == 0, res.output
    assert BoardStore.load(board).board.phases[0].exit == [
        "Toolchain pinned",
        "Policies approved",
        "Load test passed, p95 < 200 ms",
    ]


def test_item_acceptance_with_a_comma_is_one_entry(board: Path) -> None:
    assert run(str(board), "T-001", "acceptance+=Backups restore, verified weekly").exit_code == 0
    assert BoardStore.load(board).item("T-001").acceptance == ["Backups restore, verified weekly"]


def test_a_bare_id_two_kinds_share_asks_for_the_kind(board: Path) -> None:
    res = run(str(board), "A", "title=x")  # both have a title
    assert res.exit_code == 1
    assert "item:A or phase:A" in res.output
    assert board.read_text() == BOARD
    assert run(str(board), "A", "exit+=Signed off").exit_code == 0  # only a phase has exit criteria
    assert run(str(board), "A", "status=done").exit_code == 0  # only an item has a status
    store = BoardStore.load(board)
    assert store.board.phases[0].exit[-1] == "Signed off" and store.item("A").status == "done"


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("R-001", "mitigated_by+=T-0002"), 1, "did you mean T-002?"),
        (("R-001", "severity=hgh"), 2, "did you mean high?"),
        (("R-001", "severty=high"), 2, "did you mean severity?"),
        (("R-001", "title+=x"), 2, "not a list"),
        (("M1", "items+=T-404"), 1, "no item 'T-404'"),
        (("W-1", "expires=2020-01-01"), 1, "would waive nothing"),
        (("W-1", "expires="), 2, "required"),
        (("W-1", "expires=soon"), 2, "must be a date"),
        (("--add", "waiver:W-2", "item=T-001", "expires="), 2, "expires is required"),
        (("--add", "waiver", "item=T-404", "expires=+30d"), 1, "no item 'T-404'"),
        (("--add", "item:T-9", "title=x"), 2, "readiness add"),
        (("--remove", "T-001"), 2, "is an item"),
        (("R-404", "title=x"), 1, "did you mean R-001?"),
        (("deliverable:nope.md", "status=done"), 1, "no deliverable 'nope.md'"),
    ],
)
def test_refused_edits_exit_non_zero_and_leave_the_file_byte_identical(
    board: Path, args: tuple[str, ...], code: int, words: str
) -> None:
    before = board.read_bytes()
    res = run(str(board), *args)
    assert res.exit_code == code, res.output
    assert words in res.output
    assert "Traceback" not in res.output
    assert board.read_bytes() == before
    assert not audit.history_path(board).exists()


def test_refusals_name_file_line_and_field(board: Path) -> None:
    res = run(str(board), "R-001", "severity=hgh")
    assert f"{board}:19: risk R-001.severity: severity must be one of" in res.output


def test_waiver_add_renew_revoke_from_the_shell(board: Path) -> None:
    res = run(str(board), "--add", "waiver:W-2", "item=T-001", "reason=pen test booked", "expires=+30d")
    assert res.exit_code == 0, res.output
    w = BoardStore.load(board).board.waivers[-1]
    assert (w.id, w.item, str(w.expires)) == ("W-2", "T-001", "2026-03-22")  # today is frozen at 2026-02-20
    assert run(str(board), "W-2", "expires=2026-05-31").exit_code == 0
    assert str(BoardStore.load(board).board.waivers[-1].expires) == "2026-05-31"
    res = run(str(board), "waiver:T-001", "--revoke")
    assert res.exit_code == 0, res.output
    assert [w.id for w in BoardStore.load(board).board.waivers] == ["W-1"]
    assert [r.field for r in audit.read(board) if r.kind == "waivers"] == ["*", "expires", "*"]


def test_dry_run_writes_nothing(board: Path) -> None:
    res = run(str(board), "M1", "due=2026-W12", "--dry-run")
    assert res.exit_code == 0 and "2026-W12" in res.output
    assert board.read_text() == BOARD


def test_set_json_is_a_versioned_contract(board: Path) -> None:
    res = run(str(board), "R-001", "mitigated_by+=T-002", "severity=critical", "--json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    history = doc.pop("history")
    assert doc == {
        "format_version": 1,
        "board": str(board),
        "action": "set",
        "record": {"kind": "risks", "id": "R-001"},
        "dry_run": False,
        "saved": "saved",
        "changes": [
            {
                "kind": "risks",
                "id": "R-001",
                "ref": "R-001",
                "field": "mitigated_by",
                "old": ["T-001"],
                "new": ["T-001", "T-002"],
            },
            {"kind": "risks", "id": "R-001", "ref": "R-001", "field": "severity", "old": "high", "new": "critical"},
        ],
    }
    on_disk = [r.data for r in audit.read(board)]
    assert history == on_disk  # a fresh history: both records, exactly as written
    assert [(h["kind"], h["item"], h["field"], h["source"]) for h in history] == [
        ("risks", "R-001", "mitigated_by", "cli"),
        ("risks", "R-001", "severity", "cli"),
    ]
    assert all(h["hash"] and h["prev"] for h in history)


def test_set_json_for_add_remove_and_dry_run(board: Path) -> None:
    doc = json.loads(run(str(board), "--add", "milestone:M2", "due=2026-W14", "--json").output)
    assert doc["action"] == "add" and doc["record"] == {"kind": "milestones", "id": "M2"}
    assert doc["changes"] == [
        {
            "kind": "milestones",
            "id": "M2",
            "ref": "M2",
            "field": "*",
            "old": None,
            "new": {"id": "M2", "due": "2026-W14"},
        }
    ]
    assert len(doc["history"]) == 1
    doc = json.loads(run(str(board), "waiver:W-1", "--remove", "--json").output)
    assert doc["action"] == "remove" and doc["changes"][0]["new"] is None
    # the history names a waiver by position; ref names it as the text output does
    assert (doc["changes"][0]["id"], doc["changes"][0]["ref"]) == ("0", "W-1")
    assert doc["changes"][0]["old"]["expires"] == "2026-03-31"
    doc = json.loads(run(str(board), "T-001", "status=done", "--json", "--dry-run").output)
    assert doc["dry_run"] is True and doc["saved"] == "off" and doc["history"] == []
    assert doc["changes"] == [
        {"kind": "items", "id": "T-001", "ref": "T-001", "field": "status", "old": "todo", "new": "done"}
    ]
