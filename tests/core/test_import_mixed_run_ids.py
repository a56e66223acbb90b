"""A checklist whose every entry opens with a short id of its own (``E1 Unit definition upgrade``, ``C2 Book II
content``), the ids of two series side by side, names its items by them; one prefix or two words alone are no run
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.entries.entry_ids import run_ids
from tests.core.import_plan import imported

PLAN = """# Backlog

## Book II

- [x] E1 Unit definition upgrade (domain, modifiers as data)
- [ ] E2 Terrain upgrade and editor palette
- [ ] E3 Transports (load/unload, cargo) + AI use
- [ ] C2 Book II content: 12 missions + bonus
"""


def test_every_entry_opening_with_an_id_of_two_series_names_its_item() -> None:
    _, items = imported(PLAN)
    assert list(items) == ["E1", "E2", "E3", "C2"]
    assert items["C2"].title.startswith("Book II content")


def test_two_cloud_words_are_no_run_of_ids() -> None:
    assert run_ids(["S3 bucket policy", "EC2 instance sizing"]) == [None, None]
