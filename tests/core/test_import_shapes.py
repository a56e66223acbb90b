"""The shapes of issue 12, one recogniser at a time: what it takes, and what it says it guessed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.refs import parse_refs
from tests.core.import_plan import imported


def _imp(text: str, **kw):  # type: ignore[no-untyped-def]
    result = import_markdown(text, "plan.md", **kw)
    assert result.board is not None, "\n".join(result.report_lines)
    return result, {i.id: i for i in result.board.items}


def said(result, words: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a line of the import report has ``words``."""
    return any(words in ln for ln in result.report_lines)


def test_refs_read_slashes_hash_ranges_and_negations() -> None:
    assert parse_refs("TASK-S2-02, TASK-S2-04/05/06").ids == ["TASK-S2-02", "TASK-S2-04", "TASK-S2-05", "TASK-S2-06"]
    assert parse_refs("#14–16").ids == ["#14", "#15", "#16"]
    assert parse_refs("#14-17").ids == ["#14", "#15", "#16", "#17"]
    refs = parse_refs("none — no longer depends on N-2")
    assert (refs.ids, refs.negated, refs.rest) == ([], ["N-2"], "")
    refs = parse_refs("Phase 2, T-1")
    assert refs.ids == ["T-1"] and "Phase 2" in refs.rest  # a group, never the id "2"


def test_a_negated_dependency_is_not_one_and_is_reported() -> None:
    result, items = _imp(
        "# P\n\n| ID | Task | Deps |\n|--|--|--|\n| N-1 | a | none |\n| N-2 | b | not blocked by N-1 |\n"
    )
    assert items["N-2"].depends_on == []
    assert said(result, "N-1 is named as not a dependency")


def test_a_group_reference_becomes_the_groups_items() -> None:
    plan = (
        "# P\n\n## PHASE 1: Base\n\n- [ ] **A1** one\n- [ ] **A2** two\n\n## Phase 2: Next\n\n"
        "- [ ] **B1** three (depends on: Phase 1)\n"
    )
    result, items = _imp(plan)
    assert sorted(items["B1"].depends_on) == ["A1", "A2"]
    assert said(result, "'Phase 1' read as the items under heading")


def test_ids_as_priority_words_are_ids_when_the_plan_defines_them() -> None:
    plan = "# P\n\n| Project | Name | After |\n|--|--|--|\n| P1 | a | — |\n| P2 | b | P1 |\n| P3 | c | P1–P2 |\n"
    _, items = _imp(plan)
    assert items["P2"].depends_on == ["P1"] and items["P3"].depends_on == ["P1", "P2"]


def test_ids_in_the_name_cell_and_rows_shared_by_two_risks() -> None:
    plan = (
        "# P\n\n| ID | Task |\n|--|--|\n| T-1 | a |\n| T-2 | b |\n\n## Risks\n\n| Risk | Impact | Mitigation |\n"
        "|--|--|--|\n| R-01 PDFs | High | T-1 prompts |\n| R-06 / R-07 OCR | Low | T-2, then T-1 |\n"
    )
    result, _ = _imp(plan)
    risks = {r.id: (r.title, r.mitigated_by) for r in result.board.risks}
    assert risks == {"R-01": ("PDFs", ["T-1"]), "R-06": ("OCR", ["T-2", "T-1"]), "R-07": ("OCR", ["T-2", "T-1"])}
    assert said(result, "one row for risks R-06, R-07")


def test_a_running_number_column_gives_way_to_the_ids_in_links() -> None:
    plan = "# P\n\n| # | Issue | Blocked by |\n|--|--|--|\n| 1 | [#50](http://x/50) Breaker | |\n| 2 | [#51](http://x/51) Timeouts | #50 |\n"
    result, items = _imp(plan)
    assert sorted(items) == ["#50", "#51"] and items["#51"].depends_on == ["#50"]
    assert said(result, "only counts rows")


def test_criteria_checklists_are_not_items() -> None:
    plan = (
        "# P\n\n### CP-1: Overview\nOwner: tara · Priority: High\n\nAcceptance criteria:\n"
        "- [ ] Loads fast\n- [ ] 5 priority use cases covered\n\n## Success criteria\n- [ ] NPS >= 40\n"
    )
    _, items = _imp(plan)
    assert list(items) == ["CP-1"]
    assert items["CP-1"].owner == "tara" and items["CP-1"].priority == "P1"
    assert "5 priority use cases covered" in items["CP-1"].acceptance


def test_status_bullet_wins_over_the_box_and_the_disagreement_is_reported() -> None:
    result, items = _imp(
        "# P\n\n- [x] BE-3 Replicas\n  - Owner: @nell\n  - Status: ⏳ Pending\n  - Depends on: BE-1\n"
        "- [x] BE-1 Failover\n"
    )
    assert (items["BE-3"].status, items["BE-3"].owner, items["BE-3"].depends_on) == ("todo", "@nell", ["BE-1"])
    assert said(result, "the checkbox says done, the Status bullet says todo")


def test_group_headings_and_prose_headings_are_not_items() -> None:
    plan = (
        "# P\n\n## 2.1 Time-boxed blocks\nWe work in blocks.\n\n## 2.3 Tables\n\n### **2.3.1: imports table**\n"
        "- Owner: @oli\n\n### **2.3.2: errors table**\n- Owner: @oli\n- Depends on: 2.3.1\n"
    )
    result, items = _imp(plan)
    assert sorted(items) == ["2.3.1", "2.3.2"] and items["2.3.2"].depends_on == ["2.3.1"]
    assert said(result, "groups the items under it")
    assert said(result, "holds only prose")


def test_priority_words_are_configurable(tmp_path: Path) -> None:
    plan = (
        "# P\n\n| ID | Task | Priority |\n|--|--|--|\n| T-1 | a | Blocker |\n| T-2 | b | Nice |\n| T-3 | c | High |\n"
    )
    _, items = _imp(plan)
    assert (items["T-1"].priority, items["T-2"].priority, items["T-3"].priority) == ("P0", None, "P1")
    _, items = _imp(plan, priority_words={"Nice": "P3", "High": "P2"})
    assert (items["T-2"].priority, items["T-3"].priority) == ("P3", "P2")
    from readiness_tui.cli.import_cmd import import_cmd

    (tmp_path / "plan.md").write_text(plan, encoding="utf-8")
    ok = CliRunner().invoke(import_cmd, [str(tmp_path / "plan.md"), "--priority-word", "Nice=P3"])
    assert ok.exit_code == 0 and 'priority = "P3"' in ok.output
    bad = CliRunner().invoke(import_cmd, [str(tmp_path / "plan.md"), "--priority-word", "Nice=urgent"])
    assert bad.exit_code == 2 and "--priority-word" in bad.output


def test_a_row_named_by_its_issue_link_keeps_that_id_over_a_column_of_trace_ids() -> None:
    plan = (
        "# P\n\n## Blocked\n\n| Card | Traces | Blocked by |\n|--|--|--|\n"
        "| [#6 Tag the release](https://h/o/r/issues/6) | AC-CI-03 | #5 |\n"
        "| [#5 Publish results](https://h/o/r/issues/5) | AC-EV-07 | a runner |\n"
    )
    result, items = _imp(plan)
    assert sorted(items) == ["#5", "#6"] and items["#6"].depends_on == ["#5"]
    assert items["#5"].status == "blocked" and said(result, "column 'Card' starts with ids")


def test_a_column_of_issue_urls_gives_the_ids_when_the_first_column_only_counts_rows() -> None:
    plan = (
        "# P\n\n| # | Slice | Blocked by | Parent | URL |\n|--|--|--|--|--|\n"
        "| — | Epic: offline | — | — | https://h/o/r/issues/9 |\n"
        "| 1 | Cache writes | — | #9 | https://h/o/r/issues/10 |\n"
        "| 2 | Replay writes | #10 | #9 | https://h/o/r/issues/11 |\n"
    )
    result, items = _imp(plan)
    assert sorted(items) == ["#10", "#11", "#9"] and items["#11"].depends_on == ["#10"]
    assert items["#9"].title == "Epic: offline"
    assert said(result, "column 'URL' links each row to an issue; column '#' only counts rows")


def test_a_lone_issue_number_is_one_id_not_a_shorter_id_and_a_name() -> None:
    from readiness_tui.core.importers.tables.id_cells import issue_url_number, split_id_cell

    assert split_id_cell("#49") is None
    assert split_id_cell("#49 Epic: voice") == (["#49"], "Epic: voice")
    assert issue_url_number("https://h/o/r/pull/12") == "#12"
    assert issue_url_number("see https://h/o/r/issues/12") is None


def test_a_name_column_of_ids_before_a_full_width_colon_gives_a_week_shaped_id_and_a_letter_too() -> None:
    lines, items = imported(
        "## 阶段 0\n\n| 任务 | 负责人 | 状态 |\n| --- | --- | --- |\n"
        "| A：计划与总协调 | 头脑风暴 | `in_progress` |\n| D1：实现前技术建议 | 技术顾问 | `complete` |\n"
        "| B1：最小 Agent 核心 | 执行智能体 | `complete` |\n| W1：真实微信联调核心切片 | 测试智能体 | `complete` |\n"
    )
    assert [(i.id, i.title) for i in items.values()] == [
        ("A", "计划与总协调"),
        ("D1", "实现前技术建议"),
        ("B1", "最小 Agent 核心"),
        ("W1", "真实微信联调核心切片"),
    ]
    assert not any("without an id" in line for line in lines)


def test_two_columns_whose_headers_give_the_same_key_are_both_kept() -> None:
    # Both headers have no ASCII letters: each gave the key "column", and the second cell overwrote the first.
    lines, items = imported(
        "| ID | Task | 完成条件摘要 | 证据 |\n|---|---|---|---|\n"
        "| B1 | Core | 实现并通过独立验证 | 77 passed |\n| C2 | Review | 依赖 B1 可运行交付 | 初测 6 项失败 |\n"
    )
    assert items["C2"].custom == {"column": "依赖 B1 可运行交付", "column_2": "初测 6 项失败"}
    assert items["C2"].depends_on == ["B1"]  # its own words state the wait
    assert any("完成条件摘要->custom.column, 证据->custom.column_2" in line for line in lines)


def test_a_table_under_a_heading_that_groups_tickets_is_read_not_dropped() -> None:
    # "## R04 …" groups the "### r04-c02" ticket under it; its own table of R04-T01, R04-T02 went unread and unreported.
    lines, items = imported(
        "# TODO\n\n## R04 完成状态（命名迁移）\n\n| ID | 任务 | 负责人 | 状态 |\n|---|---|---|---|\n"
        "| R04-T01 | CLI 命令面切换 | Claude | DONE |\n| R04-T02 | 全仓移除旧命名 | Claude | DONE |\n\n"
        "### r04-c02 详细任务拆解\n\n1. Node 命名清理\n"
    )
    assert (items["R04-T01"].owner, items["R04-T01"].status) == ("Claude", "done")
    assert "R04-T02" in items
    assert any(":5: used: table (ID->id" in line for line in lines)
