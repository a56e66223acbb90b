"""A numbered list of risks with no ids under a risks heading (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_PLAN = """# Roadmap

## Tasks

| ID | Task |
|---|---|
| T1 | Canonical key and hash |
| T2 | Atomic writes |

## Top risks

1. **Basename collision** — two paths overwrite one state silently. Detect it in the normalizer (T1).
2. **Hard dependency chain** — everything needs real paths → build the normalizer first.
3. **Many writers, one file** — needs an atomic-write policy (T2).
"""


def test_each_entry_of_an_idless_risk_list_is_a_risk_and_names_its_mitigations() -> None:
    result = import_markdown(_PLAN, "P.md")
    assert result.board is not None
    risks = [(r.id, r.title, r.mitigated_by) for r in result.board.risks]
    assert risks == [
        ("R-1", "Basename collision", ["T1"]),
        ("R-2", "Hard dependency chain", []),
        ("R-3", "Many writers, one file", ["T2"]),
    ]
    # The words after the risk's name are kept with it.
    assert "normalizer" in result.board.risks[0].notes


def test_a_list_of_mitigations_under_a_risk_heading_names_no_risks() -> None:
    md = "# P\n\n## Risk Mitigation\n- **Daily blockers review**: Address immediately\n- **Cross-training**: Pair up\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.risks == []
