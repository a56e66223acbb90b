"""Where a new record lands in the file: right after the last record of its kind, before any
comment or banner that opens the next section; at the end when there is none of its kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore

BOARDS = Path(__file__).resolve().parents[2] / "boards"


def saved(tmp_path: Path, name: str) -> BoardStore:
    dst = tmp_path / name
    shutil.copy(BOARDS / name, dst)
    return BoardStore.load(dst)


def block_after(text: str, header: str, key: str) -> tuple[str, str]:
    """The text up to the new record's table, and from it on."""
    at = text.index(f'{header}\nid = "{key}"')
    return text[:at], text[at:]


def test_a_new_risk_goes_after_the_last_risk_not_under_the_next_banner(tmp_path: Path) -> None:
    store = saved(tmp_path, "final-implementation-plan.toml")
    store.add_record("risks", {"id": "R-900", "title": "New risk", "mitigated_by": ["T-001"]})
    store.save()
    text = store.path.read_text(encoding="utf-8")
    before, after = block_after(text, "[[risks]]", "R-900")
    assert '\nid = "NEW-RISK-006"' in before  # the last risk was before it
    assert "# ---------------------------------------------------------------- 4. Execution Phases" in after
    assert "Execution Phases" not in before
    assert before.endswith('mitigated_by = ["T-010"]\n\n')
    assert BoardStore.load(store.path).board.risks[-1].id == "R-900"


def test_a_new_item_goes_after_the_last_item_not_under_the_risks_introduction(tmp_path: Path) -> None:
    store = saved(tmp_path, "final-implementation-plan.toml")
    last = store.board.items[-1].id
    store.add_item({"id": "T-900", "title": "New task"})
    store.save()
    text = store.path.read_text(encoding="utf-8")
    before, after = block_after(text, "[[items]]", "T-900")
    assert before[before.rindex("[[items]]") :].startswith(f'[[items]]\nid = "{last}"')
    assert "6. Risk-to-Task Mapping" not in before
    assert after.index("6. Risk-to-Task Mapping") < after.index("[[risks]]")
    assert "# The seed names risks by id only" in after
    assert BoardStore.load(store.path).board.items[-1].id == "T-900"


@pytest.mark.parametrize(
    ("name", "banner"),
    [
        ("memory-subsystem-remediation-plan.toml", "---- phases"),
        ("codex-execution-task-board.toml", "---- phases (the P0/P1/P2 sections)"),
    ],
)
def test_other_shipped_boards_keep_their_banners_over_their_sections(tmp_path: Path, name: str, banner: str) -> None:
    store = saved(tmp_path, name)
    store.add_item({"id": "ZZ-900", "title": "New task"})
    store.save()
    before, after = block_after(store.path.read_text(encoding="utf-8"), "[[items]]", "ZZ-900")
    assert banner not in before and banner in after


def test_an_item_added_after_another_goes_before_the_next_groups_banner(tmp_path: Path) -> None:
    # The memory plan's items are grouped under "Phase N" banners; one added after the last item of
    # Phase 1 stays in Phase 1.
    store = saved(tmp_path, "memory-subsystem-remediation-plan.toml")
    text = store.text()
    banner = text.index("# ---------------------------------------------------------------- Phase 2")
    phase1 = [it.id for it in store.board.items if text.index(f'id = "{it.id}"') < banner]
    store.add_item({"id": "ZZ-901", "title": "New task"}, after=phase1[-1])
    store.save()
    before, after = block_after(store.path.read_text(encoding="utf-8"), "[[items]]", "ZZ-901")
    assert "Phase 2:" not in before and "Phase 2:" in after
    assert [it.id for it in BoardStore.load(store.path).board.items].index("ZZ-901") == len(phase1)


def test_a_first_record_of_its_kind_goes_at_the_end(tmp_path: Path) -> None:
    store = saved(tmp_path, "memory-subsystem-remediation-plan.toml")
    assert not store.board.risks
    store.add_record("risks", {"id": "R-1", "title": "First risk"})
    store.save()
    text = store.path.read_text(encoding="utf-8").rstrip()
    assert text.endswith('[[risks]]\nid = "R-1"\ntitle = "First risk"')
