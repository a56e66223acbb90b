"""A section a recipe labels ``risks`` whose risks are written as boxes (issue 43's guided import): the boxes are its
risks, R-1 on, not items. Unlabelled, boxes under a risks heading are the work against the risks."""

from __future__ import annotations

from readiness_tui.core.importers import ImportResult
from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# Migration roadmap

## Work

- [ ] Back up the database
- [x] Provision the cluster

## Risk Categories

### Technical Risks

- [ ] Data loss/corruption
- [ ] Performance degradation
"""


def _risks(result: ImportResult) -> list[tuple[str, str]]:
    assert result.board is not None
    return [(r.id, r.title) for r in result.board.risks]


def test_unlabelled_boxes_under_a_risks_heading_are_items() -> None:
    result = imported_with(PLAN, None)
    assert "Data loss/corruption" in [i.title for i in items_of(result).values()]
    assert _risks(result) == []


def test_boxes_under_a_section_labelled_risks_are_its_risks() -> None:
    result = imported_with(PLAN, '[sections]\n"Risk Categories" = "risks"\n')
    assert [i.title for i in items_of(result).values()] == ["Back up the database", "Provision the cluster"]
    assert _risks(result) == [("R-1", "Data loss/corruption"), ("R-2", "Performance degradation")]
    assert "'risk categories' = 'risks' applied" in report_of(result)
