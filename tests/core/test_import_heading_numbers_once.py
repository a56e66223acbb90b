"""How numbered headings are numbered (on across their groups, within each, through the plan) is worked out once
per document, not again for every heading: a plan of thousands of numbered headings imported in quadratic time
(issue 46)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections import heading_numbers


def _plan(weeks: int, restart: bool) -> str:
    lines = ["# Plan", ""]
    n = 0
    for w in range(1, weeks + 1):
        lines += [f"### Week {w}", ""]
        for k in range(1, 6):
            n += 1
            lines += [f"#### {k if restart else n}. Task {k} of week {w}", "", "Some prose about it.", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("restart", [True, False])
def test_each_group_and_the_document_are_read_once(monkeypatch: pytest.MonkeyPatch, restart: bool) -> None:
    calls = {"across": 0, "within": 0, "through": 0}

    def counted(name: str, real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(heading_numbers, "_across", counted("across", heading_numbers._across))
    monkeypatch.setattr(heading_numbers, "_within", counted("within", heading_numbers._within))
    through = counted("through", heading_numbers.numbered_through)
    monkeypatch.setattr(heading_numbers, "numbered_through", through)
    result = import_markdown(_plan(40, restart), "plan.md")
    assert result.board is not None
    # 200 numbered headings under 40 weeks, one title: a few reads of the title's groups, one of the document.
    assert calls["through"] == 1
    assert calls["across"] <= 4 and calls["within"] <= 4


def test_steps_numbered_with_a_dash_under_sprints_are_items() -> None:
    md = (
        "# 작업 계획\n\n## 스프린트 1: 기반 + 인증\n\n### 1-0. 프로젝트 기반 설정\n\n- [ ] application.yml 구성\n"
        "- [ ] Flyway baseline 작성\n\n### 1-1. 회원 (Member BC)\n\n**Domain**\n\n- Entity: `Member`\n\n"
        "### 1-2. 인증 (Auth BC)\n\n**Domain**\n\n- VO: `AccessToken`\n\n## 스프린트 2: 카테고리\n\n"
        "### 2-1. 카테고리 (Category BC)\n\n**Domain**\n\n- Entity: `Category`\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    # A step over boxes only is one item too, its boxes its steps, as a "### 1.0" heading's are.
    assert [(i.id, i.title) for i in result.board.items] == [
        ("1-0", "프로젝트 기반 설정"),
        ("1-1", "회원 (Member BC)"),
        ("1-2", "인증 (Auth BC)"),
        ("2-1", "카테고리 (Category BC)"),
    ]


def test_headings_beside_a_ticket_ask_for_their_siblings_ids_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_tui.core.importers.sections import heading_fields

    calls = [0]
    real = heading_fields.ticket_id

    def counted(sec: object) -> str | None:
        calls[0] += 1
        return real(sec)  # type: ignore[arg-type]

    monkeypatch.setattr(heading_fields, "ticket_id", counted)
    n = 300
    # The ticket comes last: each card before it would read every sibling to find it.
    md = "# P\n\n## Deferred\n\n" + "".join(f"### Card {k}\n- Words\n- **Status:** Waiting\n\n" for k in range(n))
    md += "### TASK-1: Zalo OA\n- **Status:** Waiting\n"
    result = import_markdown(md, "p.md")
    assert result.board is not None and len(result.board.items) == n + 1
    assert calls[0] < 20 * n  # read once per sibling set, not once per sibling for each of them (n * n)
