"""Go/no-go: P0 open, P0 gate failing or stale, expired waiver on a P0 gate, all good."""

from __future__ import annotations

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.gonogo import evaluate, fold_gate_status
from readiness_tui.core.board.store import BoardStore

BASE = """\
[board]
title = "G"
{extra}

[[items]]
id = "A"
status = "{a}"
priority = "P0"

[items.gate]
verify = "make test"

[[items]]
id = "B"
status = "todo"
priority = "P1"

[[items]]
id = "C"
status = "cancelled"
priority = "P0"
{waivers}
"""


def _board(a: str = "done", extra: str = "", waivers: str = ""):
    return BoardStore.from_text(BASE.format(a=a, extra=extra, waivers=waivers)).board


def _eval(board, gates=None):
    return evaluate(board, Analysis(board), gates)


def test_all_good_is_go() -> None:
    d = _eval(_board(), {"A": "pass"})
    assert d.go and d.label == "GO"
    assert d.reasons == ["all 1 P0 items are done", "all 1 P0 gates pass or are waived"]


def test_go_without_gate_status_checks_only_done() -> None:
    d = _eval(_board())
    assert d.go and d.reasons == ["all 1 P0 items are done"]


def test_open_p0_is_no_go() -> None:
    d = _eval(_board("in_progress"))
    assert not d.go and d.reasons == ["P0 A is not done (in progress)"]
    assert d.headline() == "NO-GO: P0 A is not done (in progress)"


def test_failing_and_stale_and_unchecked_gates_are_no_go() -> None:
    assert _eval(_board(), {"A": "failed"}).reasons == ["P0 A gate fails"]
    assert _eval(_board(), {"A": "stale"}).reasons == ["P0 A gate is stale"]
    assert _eval(_board(), {}).reasons == ["P0 A gate has not been checked"]
    assert _eval(_board(), {"A": "error"}).reasons == ["P0 A gate fails (error)"]
    assert _eval(_board(), {"A": "not-run"}).reasons == ["P0 A gate has not passed (not-run)"]
    assert _eval(_board(), {"A": "untrusted"}).reasons == ["P0 A gate has not passed (untrusted)"]
    assert _eval(_board(), {"A": "waived"}).go


def test_valid_waiver_excuses_a_failing_gate() -> None:
    w = '[[waivers]]\nid = "W1"\nitem = "A"\nexpires = 2026-03-01\n'
    assert _eval(_board(waivers=w), {"A": "fail"}).go


def test_expired_waiver_on_p0_gate_is_no_go() -> None:
    w = '[[waivers]]\nid = "W1"\nitem = "A"\nexpires = 2026-02-20\n'  # valid until, not including, today
    d = _eval(_board(waivers=w))
    assert not d.go and d.reasons == ["waiver W1 on P0 A gate expired on 2026-02-20"]
    d = _eval(_board(waivers=w), {"A": "fail"})
    assert d.reasons == ["waiver W1 on P0 A gate expired on 2026-02-20", "P0 A gate fails"]


def test_renewed_waiver_supersedes_expired_one() -> None:
    w = (
        '[[waivers]]\nid = "W1"\nitem = "A"\nexpires = 2026-02-01\n\n'
        '[[waivers]]\nid = "W2"\nitem = "A"\nexpires = 2026-03-01\n'
    )
    assert _eval(_board(waivers=w), {"A": "stale"}).go


def test_expired_waiver_on_p1_does_not_matter() -> None:
    w = '[[waivers]]\nitem = "B"\nexpires = 2026-01-01\n'
    assert _eval(_board(waivers=w)).go


def test_configurable_priorities_and_switches() -> None:
    extra = '[board.go_no_go]\npriorities = ["P0", "P1"]\n'
    d = _eval(_board(extra=extra))
    assert not d.go and d.reasons == ["P1 B is not done (todo)"]
    extra = "[board.go_no_go]\nrequire_done = false\nrequire_gates = false\n"
    assert _eval(_board("todo", extra=extra), {"A": "fail"}).go
    extra = "[board.go_no_go]\nrequire_gates = false\n"
    assert _eval(_board(extra=extra), {"A": "fail"}).go


def test_no_items_in_scope_is_go() -> None:
    board = BoardStore.from_text('[[items]]\nid = "X"\npriority = "P2"\n').board
    d = evaluate(board)
    assert d.go and d.reasons == ["no open P0 items on the board"]


def test_fold_gate_status() -> None:
    assert [fold_gate_status(s) for s in ("PASS", "ok", "waived", "stale", "error", None, "running")] == [
        "pass",
        "pass",
        "waived",
        "stale",
        "fail",
        "unknown",
        "unknown",
    ]


def test_waiver_without_expiry_waives_nothing() -> None:
    # Fail closed, like the gates: an open-ended waiver is malformed.
    w = '[[waivers]]\nid = "W1"\nitem = "A"\n'
    decision = _eval(_board(waivers=w), {"A": "fail"})
    assert not decision.go
    assert "waiver W1 on P0 A gate has no expiry date, so it waives nothing" in decision.reasons


# ---------------------------------------------------------------------- issue 11: the lead's rule
def test_board_without_priorities_is_no_go_while_any_item_is_open() -> None:
    from ..conftest import BOARDS

    board = BoardStore.load(BOARDS / "memory-subsystem-remediation-plan.toml").board
    assert not any(it.priority for it in board.items)
    d = evaluate(board)
    assert not d.go and d.scope == "every item"
    open_items = [it for it in board.items if it.status not in ("done", "cancelled")]
    assert len([r for r in d.reasons if r.endswith(")") and " is not done (" in r]) == len(open_items) > 0


def _risky(severity: str, mitigation: str = "", status: str = "todo") -> object:
    text = (
        '[[items]]\nid = "A"\ntitle = "a"\nstatus = "done"\npriority = "P0"\n'
        f'[[items]]\nid = "T"\ntitle = "t"\nstatus = "{status}"\npriority = "P2"\n'
        f'[[risks]]\nid = "R1"\nseverity = "{severity}"\n{mitigation}'
    )
    return BoardStore.from_text(text).board


def test_high_or_critical_risk_without_done_mitigation_is_no_go() -> None:
    d = evaluate(_risky("critical"))
    assert not d.go and d.reasons == ["critical risk R1 has no mitigating item"]
    d = evaluate(_risky("High", 'mitigated_by = ["T"]\n'))
    assert not d.go and d.reasons == ["high risk R1 is mitigated only by open items (T)"]
    assert evaluate(_risky("high", 'mitigated_by = ["T"]\n', status="done")).go
    assert evaluate(_risky("low")).go  # only high and critical count by default
    assert not evaluate(_risky("high", 'mitigated_by = ["T"]\n', status="cancelled")).go  # cancelled mitigates nothing


def test_overdue_milestone_is_no_go() -> None:
    text = (
        '[board]\ntoday = 2026-02-20\n[[items]]\nid = "A"\ntitle = "a"\nstatus = "done"\npriority = "P0"\n'
        '[[items]]\nid = "B"\ntitle = "b"\npriority = "P2"\nmilestone = "M1"\n'
        '[[milestones]]\nid = "M1"\ndue = "2026-02-18"\n[[milestones]]\nid = "M2"\ndue = "2026-03-18"\nitems = ["B"]\n'
    )
    d = evaluate(BoardStore.from_text(text).board)
    assert not d.go and d.reasons == ["milestone M1 is overdue (due 2026-02-18, 1 open)"]


def test_scope_a_milestone_or_a_phase() -> None:
    base = (
        '[[items]]\nid = "A"\ntitle = "a"\nstatus = "done"\npriority = "P0"\nmilestone = "M1"\n'
        '[[items]]\nid = "B"\ntitle = "b"\npriority = "P0"\n'
        '[[milestones]]\nid = "M1"\n[[phases]]\nid = "X"\nitems = ["B"]\n'
    )
    d = evaluate(BoardStore.from_text('[board.go_no_go]\nmilestone = "M1"\n' + base).board)
    assert d.go and d.scope == "milestone M1" and d.reasons == ["all 1 milestone M1 items are done"]
    d = evaluate(BoardStore.from_text('[board.go_no_go]\nphase = "X"\n' + base).board)
    assert not d.go and d.reasons == ["B is not done (todo)"]
    d = evaluate(BoardStore.from_text('[board.go_no_go]\nmilestone = "M9"\n' + base).board)
    assert not d.go and d.reasons == ["[board.go_no_go] names milestone M9, which is not on the board"]


def test_check_json_states_the_decision(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from click.testing import CliRunner

    from readiness_tui.cli import cli

    board = tmp_path / "b.toml"
    board.write_text('[[items]]\nid = "A"\ntitle = "a"\npriority = "P0"\n[items.gate]\nevidence = ["missing.txt"]\n')
    res = CliRunner().invoke(cli, ["check", str(board), "--json"])
    doc = json.loads(res.stdout)
    assert doc["go_no_go"]["recommendation"] == "no-go"
    assert "P0 A is not done (todo)" in doc["go_no_go"]["reasons"]
    assert any(r.startswith("P0 A gate") for r in doc["go_no_go"]["reasons"])


def test_the_standup_counts_a_waived_gate_as_go_no_go_excuses_it() -> None:
    """One rule (``gonogo.gate_state``): a gate that has not passed but a valid waiver covers is
    waived in the standup's gate counts, as it is excused in the verdict; an expired waiver
    waives nothing in either, and a passing gate stays a pass."""
    from readiness_tui.core.standup.slides import overview

    valid = '[[waivers]]\nid = "W1"\nitem = "A"\nexpires = 2026-03-01\n'
    expired = '[[waivers]]\nid = "W1"\nitem = "A"\nexpires = 2026-02-20\n'
    for waivers, status, count, go in [
        (valid, "untrusted", "waived", True),
        (valid, "fail", "waived", True),
        (valid, "pass", "pass", True),
        (expired, "fail", "fail", False),
        ("", "untrusted", "unknown", False),
    ]:
        board = _board(waivers=waivers)
        seen = overview(board, Analysis(board), {"A": status})
        assert seen.gates is not None
        assert {k: v for k, v in seen.gates.items() if v} == {count: 1}, (waivers, status)
        assert seen.decision.go is go


def test_affects_which_edits_can_change_the_verdict(monkeypatch) -> None:
    from readiness_tui.core.analysis import gonogo
    from readiness_tui.core.model.records import Change

    board = _board()
    assert gonogo.affects(board, [Change("A", "owner", None, "ana")])  # A is in scope (P0)
    assert not gonogo.affects(board, [Change("B", "owner", None, "ana")])  # B is P1
    assert gonogo.affects(board, [Change("B", "priority", "P1", "P0")])
    assert gonogo.affects(board, [Change("R-1", "severity", "low", "high", kind="risks")])

    # A status edit (the hot key) answers without working out the scope of 10,000 items.
    def no_scope(*_args: object) -> None:
        raise AssertionError("scope computed for a status edit")

    monkeypatch.setattr(gonogo, "_scope_rule", no_scope)
    assert gonogo.affects(board, [Change("B", "status", "todo", "done")])


SCOPED = """\
{config}
[[items]]
id = "A"
priority = "P0"
milestone = "M1"

[[items]]
id = "B"
priority = "P1"

[[items]]
id = "C"
status = "cancelled"
priority = "P0"

[[items]]
id = "D"

[[items]]
id = "B"
priority = "P0"

[[milestones]]
id = "M1"
items = ["D"]

[[phases]]
id = "PH"
items = ["B"]
"""


def test_affects_asks_each_edited_item_what_the_scope_holds() -> None:
    """A field no rule reads but the scope, edited on an item: it can change the verdict exactly
    when the item is in the scope ``scope`` gives, for each way a board names its scope."""
    from readiness_tui.core.analysis import gonogo
    from readiness_tui.core.model.records import Change

    configs = [
        "",
        '[board.go_no_go]\npriorities = ["P1"]\n',
        '[board.go_no_go]\nmilestone = "M1"\n',
        '[board.go_no_go]\nmilestone = "M9"\n',
        '[board.go_no_go]\nphase = "PH"\n',
        "[board.go_no_go]\npriorities = []\n",
    ]
    for config in configs:
        for text in (SCOPED, SCOPED.replace('priority = "P0"', "").replace('priority = "P1"', "")):
            board = BoardStore.from_text(text.format(config=config)).board
            held = {it.id for it in gonogo.scope(board).items}
            for item in ("A", "B", "C", "D", "X"):
                want = item in held
                assert gonogo.affects(board, [Change(item, "owner", None, "ana")]) is want, (config, item)
    # The scope's item ids, for the board with priorities and no config: P0 and not cancelled,
    # either of the two items named B.
    assert {it.id for it in gonogo.scope(BoardStore.from_text(SCOPED.format(config="")).board).items} == {"A", "B"}
