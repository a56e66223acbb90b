"""A table with no ids, titles or owners whose rows are work by their states alone (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

JA = """# SEO Migration Plan

## URL 移行表

| Wix / 既存URL | Next.js URL | 対応方針 | 実装状態 |
| --- | --- | --- | --- |
| `/home` | `/` | 301 redirect | 済 |
| `/works` | `/works` | 正式URLとして公開 | 済み |
| `/blog` | `/blog` | Wix ブログ一覧を移行 | 未 |

## 公開前チェックリスト

| チェック | 状態 |
| --- | --- |
| 旧URLが 200 または 301 で解決する | 一部済 |
| 404になる旧URLがない | 未 |
| robots.txt がクロールを妨げていない | 済 |
"""


def test_rows_stated_done_or_not_yet_are_work() -> None:
    # 済 (settled) and 未 (not yet) are states; 実装状態 (implementation state) is the status column.
    _, items = imported(JA)
    assert [i.title for i in items.values()][:3] == ["`/home`", "`/works`", "`/blog`"]
    assert [i.status for i in items.values()] == ["done", "done", "todo", "in_progress", "todo", "done"]
    assert items[list(items)[4]].title == "404になる旧URLがない"


def test_a_table_of_states_all_done_is_a_record_not_work() -> None:
    # What was fetched, each "done": facts about the site, nothing left to do.
    plan = (
        JA
        + "\n## Sitemaps\n\n| 種別 | URL | 状態 |\n| --- | --- | --- |\n| ブログ記事 | a.xml | 済 |\n| 固定ページ | b.xml | 済 |\n"
    )
    _, items = imported(plan)
    assert len(items) == 6
    assert all(i.title not in ("ブログ記事", "固定ページ") for i in items.values())


def test_a_column_of_words_that_are_no_states_makes_no_items() -> None:
    plan = "# P\n\n## Components\n\n| Component | Status |\n|---|---|\n| Cache | Stable |\n| Queue | Experimental |\n"
    report, items = imported(plan)
    assert not items
    assert any("no id column and no known shape" in ln for ln in report)
