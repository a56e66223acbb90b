"""Plans in shapes the seeds do not have (tests/fixtures/plans): what comes through, and what is reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers import import_markdown

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def _import(name: str):  # type: ignore[no-untyped-def]
    result = import_markdown((PLANS / name).read_text(encoding="utf-8"), name)
    assert result.board is not None, "\n".join(result.report_lines)
    BoardStore.from_text(result.toml_text)  # always a loadable board
    return result, {i.id: i for i in result.board.items}


def _report(result) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(result.report_lines)


def test_tracker_with_synonym_headers_and_emoji_statuses() -> None:
    result, items = _import("platform_launch.md")
    assert list(items) == ["SEC-1", "SEC-2", "SEC-3", "SEC-4", "SEC-5", "SEC-6"]
    assert {i: it.status for i, it in items.items()} == {
        "SEC-1": "done",
        "SEC-2": "in_progress",
        "SEC-3": "blocked",
        "SEC-4": "review",
        "SEC-5": "todo",
        "SEC-6": "todo",
    }
    assert items["SEC-2"].owner == "@maya" and items["SEC-3"].owner == "Omar"
    assert (
        items["SEC-2"].estimate_days == 5 and items["SEC-4"].estimate_days == 0.5 and items["SEC-3"].estimate_days == 3
    )
    assert items["SEC-1"].target == "2026-W10" and items["SEC-3"].target == "2026-03-20"
    # Blocked by: "—" and "N/A" are no dependency; a range expands; a dangling id is kept.
    assert items["SEC-1"].depends_on == [] and items["SEC-3"].depends_on == []
    assert items["SEC-6"].depends_on == ["SEC-3", "SEC-4", "SEC-5", "T-0"]
    assert items["SEC-2"].gate is not None
    assert items["SEC-2"].gate.verify == "vault status"
    assert items["SEC-2"].gate.evidence == ["ops/vault/", "ops/audit.log"]
    # Unmapped and unreadable cells are kept, never dropped.
    assert items["SEC-1"].custom["cost_center"] == "4410"
    assert items["SEC-5"].custom["effort"] == "L"
    assert items["SEC-4"].custom["due"] == "next sprint"
    report = _report(result)
    assert "'T-0', which names no item" in report
    assert "target 'next sprint' is not an ISO week or date" in report
    assert "estimate 'L' is not a duration" in report


def test_risk_register_table_and_waivers() -> None:
    result, _ = _import("platform_launch.md")
    risks = {r.id: r for r in result.board.risks}
    assert {r: v.mitigated_by for r, v in risks.items()} == {
        "RSK-1": ["SEC-2", "SEC-4"],
        "RSK-2": ["SEC-4"],
        "RSK-3": [],
    }
    assert risks["RSK-2"].severity == "Critical" and risks["RSK-2"].likelihood == "High"
    waivers = {w.item: w for w in result.board.waivers}
    assert waivers["SEC-4"].expires == dt.date(2026, 4, 30) and waivers["SEC-4"].approved_by == "CISO"
    assert waivers["SEC-3"].expires == dt.date(2026, 3, 31) and waivers["SEC-3"].approved_by == "Head of Eng"
    assert result.counts["risk_mappings"] == 3 and result.counts["waivers"] == 2
    assert result.board.board.scope_start == dt.date(2026, 3, 2) and result.board.board.scope_end == dt.date(
        2026, 4, 10
    )


def test_nested_checklist_with_trailing_depends() -> None:
    result, items = _import("rollout_checklist.md")
    assert list(items) == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", "3"]
    assert items["2.1"].parent == "2" and items["1.3"].parent == "1" and items["3"].parent is None
    assert items["1.2"].depends_on == ["1.1"]
    assert items["2.2"].depends_on == ["2.1", "9.9"]  # 9.9 names nothing: kept and reported
    assert items["3"].depends_on == ["2.3"]
    assert items["1.1"].status == "done" and items["1.3"].status == "in_progress" and items["2.3"].status == "todo"
    assert items["1.1"].owner == "@dana" and items["1.1"].title == "Freeze the billing schema"
    assert items["2.1"].target == "2026-03-10" and items["2.1"].estimate_days == 2
    assert items["2.3"].priority == "P0"
    assert "divergence dashboard" in items["2.1"].description
    phases = {p.id: p for p in result.board.phases}
    assert phases["A"].entrance == ["design approved", "budget signed"]
    assert phases["B"].items == ["2.1", "2.2", "2.3"]
    assert items["2.2"].phase == "B"
    assert "'9.9', which names no item" in _report(result)


def test_id_bullets_arrow_risks_milestones_and_matrix_check() -> None:
    result, items = _import("ops_hardening.md")
    assert items["OPS-3"].depends_on == ["OPS-1", "OPS-2"]
    assert items["OPS-3"].status == "in_progress"
    assert items["OPS-1"].estimate_days == 2
    assert (items["OPS-4"].owner, items["OPS-4"].contributors) == ("Finance", ["SRE"])  # "owner: Finance + SRE"
    risks = {r.id: r.mitigated_by for r in result.board.risks}
    assert risks == {"R-1": ["OPS-1", "OPS-2"], "R-2": ["OPS-3"], "RISK-3": ["OPS-4", "OPS-9"], "R-4": ["OPS-1"]}
    ms = {m.id: m for m in result.board.milestones}
    assert ms["MS-1"].due == "2026-03-06" and ms["MS-2"].due is None and ms["MS-2"].due_text == "end of March"
    assert ms["MS-2"].items == ["OPS-2", "OPS-3"]
    assert result.board.matrix is not None and result.board.matrix.order == ["OPS-1", "OPS-2", "OPS-3", "OPS-4"]
    report = _report(result)
    # The matrix and the dependency column disagree about OPS-4: both directions are reported.
    assert "matrix says OPS-4 depends on OPS-2" in report
    assert "matrix says OPS-4 does not depend on OPS-3" in report
    assert "'OPS-9' names no item" in report


def test_ticket_sections_with_bold_keys_and_a_stream() -> None:
    result, items = _import("api_tickets.md")
    t10, t11, t12 = items["API-10"], items["API-11"], items["API-12"]
    assert (t10.priority, t11.priority, t12.priority) == ("P1", "P1", "P0")
    assert (t10.status, t11.status, t12.status) == ("done", "in_progress", "todo")
    assert t10.gate is not None and t10.gate.verify == "make test-request-id"
    assert t10.gate.evidence == ["reports/request-id.xml"]
    assert t10.acceptance == ["Every response carries `X-Request-Id`.", "Logs include the id."]
    assert t11.estimate_days == 10 and t11.custom == {"team_budget": "3k EUR"}
    assert t12.depends_on == ["API-10", "API-11", "API-99"] and t12.target == "2026-W14"
    assert items["S1"].owner == "SRE" and items["S1"].contributors == ["Sam"]
    assert items["S1"].depends_on == ["API-10"]
    assert [i for i in items if items[i].parent == "S1"] == ["S1-T1", "S1-T2"]
    assert result.board.board.objective.startswith("make the gateway")
    assert "priority 'High' read as P1" in _report(result)


def test_prose_only_finds_nothing() -> None:
    result = import_markdown((PLANS / "prose_only.md").read_text(encoding="utf-8"), "prose_only.md")
    assert not result.ok
    assert result.counts["items"] == 0


def test_every_table_and_list_is_accounted_for() -> None:
    result, _ = _import("platform_launch.md")
    lines = _report(result)
    assert "platform_launch.md:9: used: table (Key->id" in lines
    assert "Cost center->custom.cost_center" in lines
    assert "platform_launch.md:20: used: risk register" in lines
    assert "waiver list -> 2 waivers" in lines


@pytest.mark.parametrize("name", sorted(p.name for p in PLANS.glob("*.md")))
def test_source_line_comments(name: str) -> None:
    result = import_markdown((PLANS / name).read_text(encoding="utf-8"), name)
    text = (PLANS / name).read_text(encoding="utf-8").splitlines()
    assert result.board is not None
    for item in result.board.items:
        line = result.item_lines[item.id]
        assert f'# from {name} line {line}\n[[items]]\nid = "{item.id}"' in result.toml_text
        source = text[line - 1]
        # The line named is the one that defines the item: it holds the id or the title.
        assert item.id in source or item.title.split()[0].strip("`") in source, (item.id, source)


def test_importer_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = "import sys, readiness_tui.core.importers; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_front_matter_numbered_column_priority_heading_and_unnumbered_checklist() -> None:
    result, items = _import("data_platform_frontmatter.md")
    assert result.board.board.title == "Data Platform GA" and result.board.board.date == dt.date(2026, 5, 4)
    assert "front matter key 'owner' has no place on a board" in _report(result)
    # "#" numbering and "ID" both look like ids: the real ids win, the numbers are kept.
    assert items["DP-1"].custom == {"number": "1"} and items["DP-2"].depends_on == ["DP-1"]
    assert items["DP-1"].status == "done" and items["DP-2"].status == "todo"  # Done? yes / no
    assert items["DP-1"].phase == "1"  # a table inside a phase heading
    assert (items["DP-10"].priority, items["DP-10"].phase, items["DP-10"].estimate_days) == ("P0", "P0", 3)
    # Boxes under a box are its child items, whether it has an id or not.
    assert [i for i in items if i.startswith("LC-")] == ["LC-1", "LC-1.1", "LC-1.2", "LC-2"]
    assert [(items[i].title, items[i].status, items[i].parent) for i in ("LC-1.1", "LC-1.2")] == [
        ("lint job", "todo", "LC-1"),
        ("test job", "done", "LC-1"),
    ]
    assert items["LC-1"].status == "todo"
    phase = result.board.phases[0]
    assert (phase.id, phase.title, phase.window) == ("1", "Foundations", "Weeks 1-2")


def test_ticket_headings_with_bold_key_lines_embedded_ids_and_waiver_table() -> None:
    result, items = _import("migration_headings.md")
    assert items["1.1"].parent == "WSA" and items["1.2"].parent == "WSA"
    assert items["1.1"].status == "done" and items["1.1"].depends_on == []
    assert items["1.2"].gate is not None and items["1.2"].gate.verify == "./check-replication.sh"
    assert items["2.1"].title == "Cut over reads" and items["2.1"].depends_on == ["1.2"]
    assert items["2.1"].dependency_note == "1.2 (partial)"
    risks = {r.id: r for r in result.board.risks}
    assert risks["R1"].severity == "High" and risks["R1"].mitigated_by == ["1.2", "2.1"]
    assert risks["R2"].mitigated_by == ["1.1"]
    waivers = {w.id: w for w in result.board.waivers}
    assert waivers["WV-1"].expires == dt.date(2026, 6, 30) and waivers["WV-1"].item == "1.2"
    assert waivers["WV-2"].expires is None
    assert "waiver expiry 'soon' is not a date" in _report(result)
    assert result.counts["unresolved_refs"] == 0


def test_section_owner_and_priority_apply_to_its_items_and_phase_cells_are_ids() -> None:
    result, items = _import("team_sections.md")
    assert items["SEC-1"].owner == "Maya"  # from "(owner: Maya)" in the heading
    assert items["SEC-2"].owner == "Omar"  # an item's own owner wins
    assert (items["REL-1"].owner, items["REL-1"].priority) == ("SRE team", "P1")
    assert items["REL-1"].phase == "2" and items["REL-2"].phase == "2"
    assert [p.id for p in result.board.phases] == ["2"]
    assert "names phase '2', which the document does not describe" in _report(result)


def test_mixed_shapes() -> None:
    result, items = _import("mixed_shapes.md")
    # "Task" holds the ids, so "Details" becomes the title.
    assert items["T1"].title == "Write the load test harness"
    assert [items[i].status for i in ("T1", "T2", "T3")] == ["todo", "in_progress", "blocked"]
    assert [items[i].estimate_days for i in ("T1", "T2", "T3")] == [2, 1.5, 0.5]  # "Est. (d)": bare numbers are days
    assert items["T3"].depends_on == ["T2", "T1"] and items["T1"].owner == "Ivy"
    # "[P0] ✅ INC-7: ..." and "INC-8 — ... (P2)" headings.
    assert (items["INC-7"].priority, items["INC-7"].status) == ("P0", "done")
    assert items["INC-7"].title == "Pager routing fixed"
    assert (items["INC-8"].priority, items["INC-8"].depends_on) == ("P2", ["INC-7"])
    # [~] in progress, [-] cancelled, [x] done; "T-9 [P1] ..." without a separator.
    assert [items[i].status for i in ("CHK-1", "CHK-2", "CHK-3")] == ["in_progress", "cancelled", "done"]
    assert items["T-9"].priority == "P1" and items["T-9"].title == "Backfill the audit table"


def test_plain_task_lists_get_ids_from_their_numbers() -> None:
    result, items = _import("release_tasks.md")
    assert list(items) == ["T1", "T2", "T3", "B-T1"]  # "Backlog" starts over: its ids may not clash
    assert (items["T1"].owner, items["T1"].estimate_days) == ("DevOps", 2)
    assert items["T2"].depends_on == ["T1"] and items["T2"].owner == "QA"
    assert items["T3"].description == "- tag it\n- announce it\n"
    assert result.counts["unresolved_refs"] == 0


def test_cycles_are_kept_and_reported_and_crlf_changes_nothing() -> None:
    text = "# C\n\n| ID | Title | Deps |\n|---|---|---|\n| A-1 | a | A-2 |\n| A-2 | b | A-1 |\n"
    result = import_markdown(text, "c.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"A-1": ["A-2"], "A-2": ["A-1"]}
    assert "dependency cycle" in _report(result)
    crlf = import_markdown(text.replace("\n", "\r\n"), "c.md")
    assert crlf.toml_text == result.toml_text
