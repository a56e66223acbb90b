"""Work numbered under the milestone heading that groups it (issue 43): ``## M1 · CLI`` over ``- 1.1 …``."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = """# WBS

## M1 · One command, one report

**Increment**: one command gives the verdict.

- 1.1 CLI skeleton `deliver <spec>`
- 1.2 Criteria engine
- 1.3 Report rendering

## M2 · First pass

- 2.1 Narrow the wording → rerun → compare
- 2.2 Rerun for stability

## M4 · Connectors

**Done when**:
1. Non-GET calls are refused in code.
2. A new endpoint needs one line.

**Layer one**
- 4.1 Connector objects
- 4.2 Credentials: 只记来源不记值 → 本机用环境变量 → 客户现场改为服务账号

**Layer two**
- 4.3 Machine-readable registry

**Risk**: numeric rules do not fit.
"""


def test_lists_numbered_under_their_milestone_heading_are_its_items() -> None:
    _, items = imported(_PLAN)
    assert list(items) == ["1.1", "1.2", "1.3", "2.1", "2.2", "4.1", "4.2", "4.3"]
    assert items["2.1"].title == "Narrow the wording → rerun → compare"
    # An arrow deep in an entry's words (unspaced script counted by its characters) is no order between ids.
    assert items["4.2"].depends_on == []
