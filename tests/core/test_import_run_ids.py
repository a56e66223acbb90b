"""Ids a checklist gives without a separator (``- [x] M0 Title``), and ids before non-Latin titles (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.entries.entry_ids import run_ids
from readiness_tui.core.importers.sections.patterns import leading_id


def test_a_run_of_one_prefix_numbers_the_entries() -> None:
    got = run_ids(["M0 Repo shell", "M1 Design system", "M12 Reports"])
    assert [g[0] if g else None for g in got] == ["M0", "M1", "M12"]
    assert got[0] is not None and got[0][1] == "Repo shell"


def test_one_opening_code_word_is_no_run() -> None:
    assert run_ids(["S3 bucket for backups", "Share a garden"]) == [None, None]


def test_a_repeated_or_mixed_prefix_is_no_numbering() -> None:
    assert run_ids(["S3 bucket policy", "S3 lifecycle rules"]) == [None, None]
    assert run_ids(["A1 one", "B2 two"]) == [None, None]
    assert run_ids(["P0 urgent things", "P1 later things"]) == [None, None]  # priorities, not ids


def test_a_hyphenated_id_before_a_non_latin_title() -> None:
    assert leading_id("P0-01 기획서 요구사항 검토") == ("P0-01", "기획서 요구사항 검토", None)
    assert leading_id("T-2 实现登录") == ("T-2", "实现登录", None)


def test_checklist_ids_without_separator_are_kept_with_their_boxes() -> None:
    md = "# Plan\n\n## Milestones — shipped\n\n- [x] M0 Skeleton\n- [x] M1 Catalogue\n- [ ] M2 Reminders\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.status for i in result.board.items} == {"M0": "done", "M1": "done", "M2": "todo"}
    assert [i.title for i in result.board.items][0] == "Skeleton"
