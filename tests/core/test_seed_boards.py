"""The five seed plans as hand-checked boards: they load, follow the file layout, and say what the seeds say.

Only the model, the store and the analysis are used here. The seeds themselves (``tests/fixtures/seeds``, copies of the sample plans)
are read too and the boards compared with their text; a missing seed fails those tests.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.segments import split_segments
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import STATUSES, Board

ROOT = Path(__file__).resolve().parents[2]
BOARDS = ROOT / "boards"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

SEED_BOARDS = {
    "000": "q1-2026-execution-backlog.toml",
    "001": "final-implementation-plan.toml",
    "002": "codex-execution-task-board.toml",
    "003": "dome-production-readiness-tracker.toml",
    "004": "memory-subsystem-remediation-plan.toml",
}
ALL = sorted(SEED_BOARDS.values())

#: Top-level tables in the order the layout rules put them.
LAYOUT = [
    "board",
    "items",
    "risks",
    "phases",
    "milestones",
    "waivers",
    "deliverables",
    "progress",
    "sections",
    "matrix",
]


def load(name: str) -> BoardStore:
    return BoardStore.load(BOARDS / name)


def board(name: str) -> Board:
    return load(name).board


def seed_text(num: str) -> str:
    found = sorted(SEEDS.glob(f"{num}_*.txt")) if SEEDS.is_dir() else []
    # The seeds sit beside the repo in CI and in every workspace: missing, the comparison fails
    # rather than skipping (a skipped check is a check that did not run).
    assert found, f"seed {num} not found at {SEEDS}"
    return found[0].read_text(encoding="utf-8")


def by_id(b: Board) -> dict:
    return {it.id: it for it in b.items}


# ---------------------------------------------------------------------------------------------- all


@pytest.mark.parametrize("name", ALL)
def test_board_loads_and_round_trips_unchanged(name: str) -> None:
    store = load(name)
    assert store.board.items
    assert store.text() == (BOARDS / name).read_text(encoding="utf-8")
    # every record is its own [[...]] table, so the store can edit it in place
    assert store.editable_reason == ""


@pytest.mark.parametrize("name", ALL)
def test_board_file_layout(name: str) -> None:
    text = (BOARDS / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "#:schema ./board.schema.json"
    assert lines[1].startswith("# Source plan: seed ")
    kinds = [s.kind for s in split_segments(text) if s.kind]
    assert kinds[0] == "board"
    ranks = [LAYOUT.index(k) for k in kinds]
    assert ranks == sorted(ranks), f"tables out of order: {kinds}"
    assert kinds.count("board") == 1 and kinds.count("matrix") <= 1
    # a gate is always the sub-table right after its item
    for n, line in enumerate(lines):
        if line.startswith("[items.gate]"):
            header = next(line for line in reversed(lines[:n]) if line.startswith("["))
            assert header == "[[items]]"
    # every item is its own [[items]] table, never an inline array of items
    assert len(re.findall(r"^\[\[items\]\]$", text, re.M)) == len(tomllib.loads(text)["items"])


@pytest.mark.parametrize("name", ALL)
def test_board_file_uses_canonical_statuses_and_native_dates(name: str) -> None:
    text = (BOARDS / name).read_text(encoding="utf-8")
    written = re.findall(r'^status\s*=\s*"([^"]*)"', text, re.M)
    assert written and set(written) <= set(STATUSES)
    raw = tomllib.loads(text)
    for key in ("date", "scope_start", "scope_end"):
        if key in raw["board"]:
            assert type(raw["board"][key]) is dt.date, key
    for row in raw.get("items", []) + raw.get("progress", []):
        for key in ("target", "date"):
            value = row.get(key)
            if isinstance(value, str):
                assert re.fullmatch(r"\d{4}-W\d{2}", value), f"{row.get('id')}: {key} {value!r} should be unquoted"


@pytest.mark.parametrize("name", ALL)
def test_board_has_no_unknown_keys(name: str) -> None:
    b = board(name)
    assert not b.model_extra
    assert not b.board.model_extra
    for rows in (b.items, b.risks, b.phases, b.milestones, b.waivers, b.deliverables, b.progress, b.sections):
        for row in rows:
            assert not row.model_extra, row
    for it in b.items:
        if it.gate:
            assert not it.gate.model_extra, it.id


@pytest.mark.parametrize("name", ALL)
def test_board_graph_is_clean(name: str) -> None:
    # None of the five seeds has a cycle, a dangling dependency or a duplicate id.
    a = Analysis(board(name))
    assert a.cycles == []
    assert a.unknown_dependencies == []
    assert a.duplicates == []


@pytest.mark.parametrize("name", ALL)
def test_every_board_with_open_work_has_a_critical_path_and_slack(name: str) -> None:
    # Four of the five have no estimates: the path then counts open items, and says so.
    a = Analysis(board(name))
    cp = a.critical_path
    open_ids = [i for i, it in a.items.items() if not it.is_closed]
    if not open_ids:  # the dome tracker is all done: nothing left to schedule
        assert cp.ids == [] and cp.total_days == 0
        return
    assert cp.ids and all(cp.schedule[i].slack == 0 for i in cp.ids)
    assert {i for i in open_ids if i in cp.schedule} == set(open_ids)  # every open item has a slack
    estimated = any(a.items[i].estimate_days is not None for i in open_ids)
    assert cp.unit == ("days" if estimated else "items")
    if not estimated:
        assert cp.total_days == len(cp.ids) and "each open item counts as one unit" in cp.length_text


@pytest.mark.parametrize("name", ALL)
def test_every_reference_names_an_item(name: str) -> None:
    b = board(name)
    ids = set(by_id(b))
    phase_ids = {p.id for p in b.phases}
    milestone_ids = {m.id for m in b.milestones}
    for it in b.items:
        # Each reference is optional (None); one that is given must name a record of the board.
        assert it.parent is None or it.parent in ids, it.id
        assert set(it.soft_depends_on) <= ids, it.id
        assert it.phase is None or it.phase in phase_ids, it.id
        assert it.milestone is None or it.milestone in milestone_ids, it.id
        assert it.id not in it.depends_on and it.id not in it.soft_depends_on
    for ph in b.phases:
        assert set(ph.items) <= ids, ph.id
    for ms in b.milestones:
        assert set(ms.items) <= ids, ms.id
    for r in b.risks:
        assert r.mitigated_by and set(r.mitigated_by) <= ids, r.id
    for d in b.deliverables:
        assert d.item in ids, d.path
    for p in b.progress:
        assert p.item in ids, p.text


def test_five_boards_five_distinct_files() -> None:
    # Every seed board is shipped (a set: the list's >= compared the first names, not membership).
    assert {p.name for p in BOARDS.glob("*.toml")} >= set(ALL)
    assert len(set(SEED_BOARDS.values())) == 5


# ---------------------------------------------------------------------------------------------- 000


B000 = SEED_BOARDS["000"]


def test_000_board_meta_and_scoring() -> None:
    meta = board(B000).board
    assert meta.title == "Execution Backlog (Q1 2026, Weeks 7-8)"
    assert meta.date == dt.date(2026, 2, 16)
    assert (meta.scope_start, meta.scope_end) == (dt.date(2026, 2, 16), dt.date(2026, 3, 1))
    assert meta.objective.startswith("convert roadmap items")
    assert len(meta.not_in_scope) == 3
    assert meta.scoring is not None
    assert [f.key for f in meta.scoring.factors] == [
        "business_impact",
        "risk_reduction",
        "deadline_urgency",
        "execution_readiness",
    ]
    assert (meta.scoring.min, meta.scoring.max, meta.scoring.max_total) == (1, 5, 20)
    assert meta.scoring.formula.startswith("Priority Score = Business Impact")


def test_000_streams_scores_priorities_owners() -> None:
    b = board(B000)
    streams = [it for it in b.items if it.kind == "stream"]
    assert [s.id for s in streams] == [f"S{n}" for n in range(1, 8)]
    assert [s.score for s in streams] == [20, 19, 18, 16, 14, 12, 9]
    assert [s.total_score for s in streams] == [20, 19, 18, 16, 14, 12, 9]
    assert all(not s.score_factors for s in streams)  # the seed records totals only
    assert [s.priority for s in streams] == ["P0", "P0", "P0", "P1", "P1", "P2", "P3"]
    assert [s.owner for s in streams] == ["GTM", "Ops", "Architect", "Ops", "Architect", "Dev", ""]
    items = by_id(b)
    assert items["S1"].contributors == ["Architect (content validation)", "Dev/Ops (demo environment)"]
    assert items["S7"].title == "Kimi/PARL/Vision roadmap execution"
    assert all(len(s.acceptance) == 3 for s in streams[:6]) and streams[6].acceptance == []


def test_000_stream_status_follows_the_evidence() -> None:
    items = by_id(board(B000))
    assert items["S2"].status == "in_progress"  # 6 of 7 closure items done
    assert items["S3"].status == "in_progress"  # snapshot: sweep remaining
    assert {items[s].status for s in ("S1", "S4", "S5", "S6", "S7")} == {"todo"}


def test_000_dependencies_are_soft_only() -> None:
    b = board(B000)
    items = by_id(b)
    assert all(it.depends_on == [] for it in b.items)
    assert items["S4"].soft_depends_on == ["S2"]
    assert "not required for staging dry-run" in items["S4"].dependency_note
    assert items["S6"].soft_depends_on == ["S1", "S2", "S3", "S4"]
    assert items["S6"].dependency_note == "Streams 1-4 have priority."
    assert items["S3"].soft_depends_on == [] and "no hard dependency" in items["S3"].dependency_note


def test_000_targets_from_week_by_week() -> None:
    items = by_id(board(B000))
    assert items["S1"].due == dt.date(2026, 2, 22)  # Week 7: complete Stream 1
    assert items["S3"].due == dt.date(2026, 3, 1)  # Week 8: complete Stream 3
    assert items["S4"].due == dt.date(2026, 3, 1)
    assert items["S5"].due == dt.date(2026, 3, 1)
    assert items["S3-T1"].due == dt.date(2026, 2, 22)  # Week 7: finalize version policy
    assert items["S2"].target is None  # only "Start Stream 2" in week 7
    assert items["S6"].target is None and items["S7"].target is None


def test_000_tasks_checklist_and_actions() -> None:
    b = board(B000)
    tasks = [it for it in b.items if it.kind == "task"]
    per_stream = {s: [t.id for t in tasks if t.parent == s] for s in ("S1", "S2", "S3", "S4", "S5", "S6", "S7")}
    assert {s: len(v) for s, v in per_stream.items()} == {"S1": 3, "S2": 4, "S3": 3, "S4": 3, "S5": 3, "S6": 3, "S7": 0}
    assert per_stream["S2"] == ["S2-T1", "S2-T2", "S2-T3", "S2-T4"]
    checks = [it for it in b.items if it.kind == "check"]
    assert len(checks) == 7 and {c.parent for c in checks} == {"S2"}
    assert [c.status for c in checks].count("done") == 6
    assert [c.status for c in checks].count("todo") == 1
    assert checks[-1].status == "todo" and "branch protection for `main`" in checks[-1].title
    actions = [it for it in b.items if it.kind == "action"]
    assert [a.id for a in actions] == ["A1", "A2", "A3"]
    assert actions[0].title.startswith("Approve version policy")
    assert len(b.items) == 7 + 19 + 7 + 3


def test_000_progress_snapshot() -> None:
    b = board(B000)
    assert len(b.progress) == 10
    assert {p.date for p in b.progress} == {dt.date(2026, 2, 16)}
    assert [p.item for p in b.progress] == ["S2"] * 7 + ["S3"] * 3
    assert [p.status for p in b.progress].count("done") == 9
    assert b.progress[-1].status == "in_progress" and b.progress[-1].text.startswith("Remaining for Stream 3")


def test_000_matches_seed_text() -> None:
    seed = seed_text("000")
    b = board(B000)
    closure = re.findall(r"^- \[([ x])\] (.*)$", seed, re.M)
    checks = [it for it in b.items if it.kind == "check"]
    assert [(("done" if m == "x" else "todo"), t) for m, t in closure] == [(c.status, c.title) for c in checks]
    scores = [int(s) for s in re.findall(r"^\| P\d \| [^|]+ \| (\d+) \|", seed, re.M)]
    assert scores == [it.score for it in b.items if it.kind == "stream"]
    for p in b.progress:
        assert p.text in seed


# ---------------------------------------------------------------------------------------------- 001


B001 = SEED_BOARDS["001"]
RISKS_001 = {
    "R-001": ["T-014"],
    "R-002": ["T-015"],
    "R-003": ["T-016"],
    "R-004": ["T-006", "T-025"],
    "R-005": ["T-007", "T-017"],
    "R-006": ["T-012"],
    "R-007": ["T-004", "T-013"],
    "R-008": ["T-011"],
    "R-009": ["T-021"],
    "R-010": ["T-006", "T-025"],
    "R-011": ["T-005", "T-020"],
    "R-012": ["T-022"],
    "R-013": ["T-023"],
    "R-014": ["T-024"],
    "NEW-RISK-001": ["T-002"],
    "NEW-RISK-002": ["T-003"],
    "NEW-RISK-003": ["T-001"],
    "NEW-RISK-004": ["T-008"],
    "NEW-RISK-005": ["T-009"],
    "NEW-RISK-006": ["T-010"],
}


def test_001_tasks_exactly_t001_to_t025() -> None:
    b = board(B001)
    assert [it.id for it in b.items] == [f"T-{n:03d}" for n in range(1, 26)]
    assert {it.kind for it in b.items} == {"task"}
    assert all(it.title and it.owner and it.priority and it.outputs and it.source_refs for it in b.items)


def test_001_task_fields() -> None:
    items = by_id(board(B001))
    t1 = items["T-001"]
    assert t1.depends_on == [] and t1.inputs == []  # Prereqs "None", Inputs "N/A"
    assert t1.outputs == ["constraints/requirements-lock", "tool-versions file"]
    assert t1.source_refs == ["SR §3 B-003", "VR NEW-RISK-003"]
    assert items["T-002"].owner == "Security + Platform"
    assert items["T-017"].depends_on == ["T-007"]
    assert items["T-017"].source_refs == ["AP L14–L17", "SR R-005"]
    assert items["T-023"].depends_on == ["T-012"]
    assert items["T-025"].depends_on == ["T-006"]
    deps = {i: it.depends_on for i, it in items.items()}
    assert deps["T-008"] == ["T-006"] and deps["T-013"] == ["T-004"] and deps["T-020"] == ["T-005"]
    others = {i for i in items if i not in ("T-001", "T-008", "T-013", "T-017", "T-020", "T-023", "T-025")}
    assert all(deps[i] == ["T-001"] for i in others)
    prio = [it.priority for it in items.values()]
    assert (prio.count("P0"), prio.count("P1"), prio.count("P2")) == (10, 10, 5)


def test_001_risk_mappings() -> None:
    b = board(B001)
    assert {r.id: r.mitigated_by for r in b.risks} == RISKS_001
    assert len(b.risks) == 20
    a = Analysis(b)
    assert a.uncovered_risks == []
    assert a.risks_for("T-006") == ["R-004", "R-010"]


def test_001_phases() -> None:
    b = board(B001)
    phases = {p.id: p for p in b.phases}
    assert list(phases) == ["A", "B", "C", "D", "E"]
    assert all(p.entrance and p.exit for p in b.phases)
    assert phases["A"].entrance == ["Repo available", "stakeholders assigned"]
    assert phases["C"].entrance == ["Phase B exit met"]
    assert len(phases["A"].exit) == 5
    assert phases["A"].items[-1] == "T-013" and len(phases["A"].items) == 10
    assert phases["D"].items == ["T-006", "T-008", "T-025"]
    assert phases["E"].items == ["T-004", "T-013", "T-024"]
    # listed twice in the seed, kept twice
    for tid, twice in (("T-004", {"A", "E"}), ("T-013", {"A", "E"}), ("T-006", {"A", "D"})):
        assert {p.id for p in b.phases if tid in p.items} == twice
        assert by_id(b)[tid].phase is None
    # the seed puts T-007, T-009 and T-010 in no phase
    listed = {t for p in b.phases for t in p.items}
    assert sorted(set(by_id(b)) - listed) == ["T-007", "T-009", "T-010"]
    # single-phase tasks name their phase, and it agrees with the phase lists
    for it in b.items:
        if it.phase:
            assert it.id in phases[it.phase].items


def test_001_board_rules_assumptions_sections() -> None:
    b = board(B001)
    assert b.board.rules.require_fields == ["source_refs"]
    assert b.board.assumptions[0] == "SR §4 A-001…A-010."
    assert len(b.board.constraints) == 4
    titles = [s.title for s in b.sections]
    assert titles == [
        "1. Objectives & Scope",
        "5. Rollback & Recovery Playbooks",
        "7. Observability & Validation",
        "8. Appendix: Traceability Index",
        "Reporting Rules",
    ]
    assert "Quiesce runners" in b.sections[1].body
    # the blank template at the end of the seed is not data
    text = (BOARDS / B001).read_text(encoding="utf-8")
    assert "<Project/Initiative>" not in "".join(s.body for s in b.sections)
    assert "template" in text.split("[board]")[0]


def test_001_matches_seed_table() -> None:
    seed = seed_text("001")
    items = by_id(board(B001))
    rows = [
        [c.strip() for c in line.strip().strip("|").split("|")] for line in seed.splitlines() if line.startswith("| T-")
    ]
    assert len(rows) == 25
    for tid, desc, owner, _inputs, outputs, prereqs, prio, source in rows:
        it = items[tid]
        assert (it.title, it.owner, it.priority) == (desc, owner, prio)
        assert ", ".join(it.outputs) == outputs
        assert "; ".join(it.source_refs) == source
        assert (", ".join(it.depends_on) or "None") == prereqs
    mapping = dict(re.findall(r"^- ((?:NEW-)?R(?:ISK)?-\d+) → (.*)$", seed, re.M))
    assert {k: v.split(", ") for k, v in mapping.items()} == RISKS_001


# ---------------------------------------------------------------------------------------------- 002


B002 = SEED_BOARDS["002"]
P1_ALL = [f"CODEX-P1-{n:03d}" for n in range(1, 8)]


def test_002_tickets() -> None:
    b = board(B002)
    ids = [it.id for it in b.items]
    assert len(ids) == 16
    assert ids == [f"CODEX-P0-{n:03d}" for n in range(1, 6)] + P1_ALL + [f"CODEX-P2-{n:03d}" for n in range(1, 5)]
    for it in b.items:
        assert it.kind == "ticket"
        assert it.priority == it.id.split("-")[1]
        assert it.phase == it.priority
        assert it.estimate_days and it.owner and len(it.deliverables) == 1 and len(it.acceptance) == 1
    assert sum(it.estimate_days or 0 for it in b.items) == 47
    assert by_id(b)["CODEX-P0-001"].owner == "QA/SDET + Backend"


def test_002_dependencies_ranges_expanded() -> None:
    items = by_id(board(B002))
    assert items["CODEX-P1-006"].depends_on == P1_ALL[:5]
    assert items["CODEX-P2-001"].depends_on == P1_ALL
    assert items["CODEX-P2-003"].depends_on == ["CODEX-P0-001", "CODEX-P0-002"]
    assert items["CODEX-P2-004"].depends_on == ["CODEX-P1-006"]
    assert all(items[f"CODEX-P0-{n:03d}"].depends_on == [] for n in range(1, 6))
    assert sum(len(it.depends_on) for it in items.values()) == 22


def test_002_phases_milestones_schedule() -> None:
    b = board(B002)
    assert [(p.id, p.window) for p in b.phases] == [("P0", "Weeks 1-2"), ("P1", "Weeks 3-6"), ("P2", "Weeks 7-12")]
    ms = {m.id: m for m in b.milestones}
    assert [(m.id, m.due, m.due_text) for m in b.milestones] == [
        ("M1", "2026-W09", "end of week 2"),
        ("M2", "2026-W13", "end of week 6"),
        ("M3", "2026-W19", "end of week 12"),
    ]
    assert ms["M2"].items == P1_ALL
    for m in b.milestones:
        assert m.items == [it.id for it in b.items if it.milestone == m.id]
    a = Analysis(b)
    cp = a.critical_path
    assert cp.ids == ["CODEX-P0-002", "CODEX-P1-001", "CODEX-P1-002", "CODEX-P1-006", "CODEX-P2-001"]
    assert cp.total_days == 17
    assert [s.title for s in b.sections] == ["Reporting Cadence"]


def test_002_matches_seed_text() -> None:
    seed = seed_text("002")
    items = by_id(board(B002))
    heads = re.findall(r"^### (CODEX-P\d-\d{3}): (.*)$", seed, re.M)
    assert [(i, items[i].title) for i, _ in heads] == heads
    estimates = [float(e) for e in re.findall(r"^- Estimate: (\d+) days?$", seed, re.M)]
    assert estimates == [items[i].estimate_days for i, _ in heads]


# ---------------------------------------------------------------------------------------------- 003


B003 = SEED_BOARDS["003"]
M_IDS = [f"M-{n:02d}" for n in range(1, 13)]


def test_003_tracker_rows() -> None:
    b = board(B003)
    assert [it.id for it in b.items] == M_IDS
    for n, it in enumerate(b.items, start=2):
        assert it.kind == "tracker" and it.status == "done" and it.owner == "@fatb4f"
        assert it.links == [f"#{n}"]
        assert it.custom["xtrlv2_hook"].startswith("XA-")
        assert it.gate and it.gate.exit_criteria and it.gate.verify
        assert it.gate.evidence == [f"ops/runtime/m{n - 1:02d}/"]
    items = by_id(b)
    assert items["M-01"].depends_on == []
    assert items["M-12"].depends_on == ["M-03", "M-09", "M-11"]
    assert (
        items["M-03"].gate.verify == "pytest -q tests/test_security.py tests/test_dependency_allowlist.py && just test"
    )
    assert [it.target for it in b.items] == ["2026-W08"] * 3 + ["2026-W09"] * 4 + ["2026-W10"] * 3 + ["2026-W11"] * 2
    assert [it.priority for it in b.items] == ["P0"] * 4 + ["P1"] * 5 + ["P2"] * 3
    assert items["M-06"].workstream == "Concurrency Safety"


def test_003_matrix_agrees_with_depends_on() -> None:
    b = board(B003)
    assert b.matrix is not None
    assert b.matrix.order == M_IDS
    assert len(b.matrix.rows) == 12
    a = Analysis(b)
    assert a.matrix_disagreements == []
    assert ["".join(map(str, r)) for r in a.derived_matrix()] == b.matrix.rows
    assert len(b.matrix.cells()) == 23
    # and the comparison is real: drop one recorded dependency and it is reported
    b.items[11] = b.items[11].model_copy(update={"depends_on": ["M-03", "M-09"]})  # records are frozen
    d = Analysis(b).matrix_disagreements
    assert [(x.row, x.col, x.recorded, x.derived) for x in d] == [("M-12", "M-11", 1, 0)]


def test_003_deliverables_definition_order() -> None:
    b = board(B003)
    assert len(b.deliverables) == 27
    per = {m: sum(1 for d in b.deliverables if d.item == m) for m in M_IDS}
    assert per == {
        "M-01": 1,
        "M-02": 7,
        "M-03": 6,
        "M-04": 3,
        "M-05": 2,
        "M-06": 2,
        "M-07": 1,
        "M-08": 1,
        "M-09": 1,
        "M-10": 1,
        "M-11": 1,
        "M-12": 1,
    }
    assert {d.status for d in b.deliverables} == {"done"}
    assert b.deliverables[0].path == "doc/slo_and_release_gates.md"
    assert not any(d.path.startswith("`") for d in b.deliverables)
    assert list(b.board.production_definition) == [
        "availability",
        "reliability",
        "security",
        "operability",
        "compliance",
    ]
    assert "99.9%" in b.board.production_definition["availability"]
    assert b.board.suggested_order == M_IDS
    # the suggested order respects every dependency
    pos = {m: n for n, m in enumerate(b.board.suggested_order)}
    assert all(pos[d] < pos[it.id] for it in b.items for d in it.depends_on)
    assert [s.title for s in b.sections] == ["Weekly Update Template"]
    assert "Go/No-Go recommendation:" in b.sections[0].body


def test_003_matches_seed_text() -> None:
    seed = seed_text("003")
    b = board(B003)
    items = by_id(b)
    rows_read, matrix_read = [], []
    for line in seed.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| M-") and len(cells) == 13 and cells[1].startswith("#"):
            it = items[cells[0]]
            assert it.title == cells[4]
            assert (", ".join(it.depends_on) or "-") == cells[5]
            assert it.gate.verify == cells[11].strip("`")
            rows_read.append(cells[0])
        elif line.startswith("| M-") and len(cells) == 13:
            assert "".join(cells[1:]) == b.matrix.rows[M_IDS.index(cells[0])]
            matrix_read.append(cells[0])
    assert rows_read == M_IDS and matrix_read == M_IDS  # every row of both tables was compared
    paths = re.findall(r"^\| M-\d\d [^|]+\| `([^`]+)` \|", seed, re.M)
    assert paths == [d.path for d in b.deliverables]


# ---------------------------------------------------------------------------------------------- 004


B004 = SEED_BOARDS["004"]


def test_004_checklist() -> None:
    b = board(B004)
    assert len(b.items) == 44
    assert {it.kind for it in b.items} == {"check"}
    assert {it.status for it in b.items} == {"todo"}
    assert all(it.depends_on == [] for it in b.items)
    per_phase = {p.id: len(b.phase_items(p)) for p in b.phases}
    assert per_phase == {"1": 9, "2": 13, "3": 6, "4": 5, "5": 3, "6": 3, "7": 2, "8": 3}
    assert b.items[0].id == "1.1" and b.items[-1].id == "8.3"
    assert [it.id for it in b.children_of("2.7")] == ["2.7.1", "2.7.2", "2.7.3", "2.7.4"]
    assert [it.id for it in b.items if it.parent] == ["2.7.1", "2.7.2", "2.7.3", "2.7.4"]
    items = by_id(b)
    assert items["1.1"].title.startswith('Define and publish orchestrator "critical transitions"')
    assert "`MEMORY_WRITES_MODE=direct`" in items["2.7.1"].title
    assert all(it.phase == it.id.split(".")[0] for it in b.items)


def test_004_phases() -> None:
    b = board(B004)
    assert [p.id for p in b.phases] == [str(n) for n in range(1, 9)]
    assert b.phases[0].title == "Foundational Hardening and Tooling Setup"
    assert b.phases[7].title == "Verification and Close-out"


def test_004_matches_seed_text() -> None:
    seed = seed_text("004")
    entries = re.findall(r"^\s*- \[ \] ([\d.]+) (.*)$", seed, re.M)
    assert [(it.id, it.title) for it in board(B004).items] == entries
    titles = re.findall(r"^## Phase (\d+): (.*)$", seed, re.M)
    assert [(p.id, p.title) for p in board(B004).phases] == titles
