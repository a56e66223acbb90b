"""A checklist whose every box records a value under its label (``- [x] BUSCO version used: **v5.3.2**``,
``- [x] Complete (C): **95.6%**``) notes what a run gave, not work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Project tracker

## BUSCO checkpoint

- [x] Run BUSCO on the proteins
- [ ] Record lineage dataset used

### Run details
- [x] BUSCO version used: **v5.3.2**
- [x] BUSCO mode used: **proteins**
- [x] Lineage dataset used: **metazoa_odb10** (2024-01-08)
- [x] BUSCO output directory identified: `/scratch/equina_busco_proteins`

### Short summary values
- [x] Complete (C): **95.6%**
- [x] Missing (M): **1.8%**
- [x] Total BUSCO groups searched (`n`): **954**
"""


def test_open_boxes_naming_things_in_code_are_work() -> None:
    report, items = imported("# Roadmap\n\n## 7. Tools\n\n- [ ] Tool: `search_by_symbol`\n- [ ] Tool: `run_tests`\n")
    assert len(items) == 2, report


def test_boxes_recording_values_are_no_work() -> None:
    report, items = imported(PLAN)
    assert sorted(x.title for x in items.values()) == ["Record lineage dataset used", "Run BUSCO on the proteins"], (
        report
    )
    assert any("records values" in line for line in report), report
