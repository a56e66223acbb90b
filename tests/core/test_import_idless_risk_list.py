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
4. **3 scales → 15 stages** is where the dashboard errs most.
"""


def test_each_entry_of_an_idless_risk_list_is_a_risk_and_names_its_mitigations() -> None:
    result = import_markdown(_PLAN, "P.md")
    assert result.board is not None
    risks = [(r.id, r.title, r.mitigated_by) for r in result.board.risks]
    assert risks == [
        ("R-1", "Basename collision", ["T1"]),
        ("R-2", "Hard dependency chain", []),
        ("R-3", "Many writers, one file", ["T2"]),
        ("R-4", "3 scales → 15 stages", []),
    ]
    # The words after the risk's name are kept with it.
    assert "normalizer" in result.board.risks[0].notes


def test_a_list_of_mitigations_under_a_risk_heading_names_no_risks() -> None:
    md = "# P\n\n## Risk Mitigation\n- **Daily blockers review**: Address immediately\n- **Cross-training**: Pair up\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.risks == []


_PHASED = """# Roadmap

### P0 — Foundations
Ground work first.
{p0}

### P1 — Isolation
- Fixture with two projects

## Top risks

1. **Hard dependency chain** — everything needs real paths: build P0 first.
2. **Shape drift** — the pointer drifts between sessions.
"""


def test_a_phase_named_in_a_risks_words_mitigates_it_with_its_items() -> None:
    result = import_markdown(_PHASED.format(p0="- Canonical key spec\n- Atomic write policy"), "P.md")
    assert result.board is not None
    assert [(i.id, i.phase) for i in result.board.items] == [("T1", "P0"), ("T2", "P0"), ("T3", "P1")]
    assert [r.mitigated_by for r in result.board.risks] == [["T1", "T2"], []]


def test_risks_grouped_by_priority_are_risks_one_entry_too() -> None:
    # "### High Priority Risks" weighs the risks under it; it is no priority group of work.
    md = (
        "# Roadmap\n\n## Work\n\n- [ ] Set up QEMU\n- [ ] Write the boot menu\n\n## Risk Management\n\n"
        "### High Priority Risks\n\n1. **Hardware Availability**\n   - Risk: Can't test on real hardware\n"
        "   - Mitigation: Use QEMU extensively\n\n2. **Toolchain Issues**\n   - Risk: Cross-compilers break\n"
        "   - Mitigation: Use Docker images\n\n### Low Priority Risks\n\n1. **Documentation Lag**\n"
        "   - Risk: Code gets ahead of documentation\n   - Mitigation: Document as we code\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Set up QEMU", "Write the boot menu"]
    assert [(r.id, r.title) for r in result.board.risks] == [
        ("R-1", "Hardware Availability"),
        ("R-2", "Toolchain Issues"),
        ("R-3", "Documentation Lag"),
    ]
    assert "Document as we code" in result.board.risks[2].notes


def test_a_list_under_potential_challenges_is_the_plans_risks_and_key_challenges_are_not() -> None:
    plan = (
        "# Hiking App\n\n## Phase 1\n\n- [ ] Collect trail data\n\n## {heading}\n\n"
        "1. **Location Accuracy**:\n   - GPS is unreliable in wooded areas\n"
        "   - **Mitigation**: Add location smoothing\n"
        "2. **Offline Functionality**:\n   - **Mitigation**: Bundle the core trail data\n"
    )
    result = import_markdown(plan.format(heading="Potential Challenges"), "plan.md")
    assert result.board is not None
    assert [r.title for r in result.board.risks] == ["Location Accuracy", "Offline Functionality"]
    assert [i.title for i in result.board.items] == ["Collect trail data"]
    result = import_markdown(plan.format(heading="Key Challenges"), "plan.md")
    assert result.board is not None
    assert result.board.risks == []


_FIELDED = """# Migration

## Tasks

| ID | Task |
|---|---|
| TASK-023 | Automated rollback |
| TASK-028 | Staging rehearsal |
| TASK-033 | Production migration |

## Risk Assessment

### High-Risk Tasks

**TASK-033 (Production Migration)**
- **Risk**: Data loss, extended downtime
- **Impact**: Critical
- **Mitigation**:
  - Staging rehearsal (TASK-028)
  - Automated rollback (TASK-023)
  - Multiple backups

**TASK-028 (Staging Migration Rehearsal)**
- **Risk**: Unforeseen migration issues
- **Impact**: High
- **Mitigation**:
  - Iterate until successful
"""


def test_a_list_of_one_risks_fields_is_one_risk() -> None:
    # Each list holds the fields of one risk: not a risk per field; its title the Risk entry's words, its tasks the
    # ids its mitigation bullets name, the bold label above it (the task at risk) kept in its notes.
    result = import_markdown(_FIELDED, "P.md")
    assert result.board is not None
    risks = [(r.id, r.title, r.mitigated_by, r.severity, r.notes) for r in result.board.risks]
    assert risks == [
        (
            "R-1",
            "Data loss, extended downtime",
            ["TASK-028", "TASK-023"],
            "Critical",
            "TASK-033 (Production Migration)",
        ),
        ("R-2", "Unforeseen migration issues", [], "High", "TASK-028 (Staging Migration Rehearsal)"),
    ]


def test_entries_labelled_risk_under_a_risks_and_mitigations_heading_are_risks() -> None:
    # Each "Risk:" entry is a risk (its mitigation bullet its notes), under "Risks and Mitigations" and in the plan
    # languages ("Riscos e Mitigações"): not one risk made of their fields, and not mitigations skipped.
    for heading, risk, mitigation in (
        ("Risks and Mitigations", "Risk", "Mitigation"),
        ("Riscos e Mitigações", "Risco", "Mitigação"),
    ):
        md = (
            f"# Plan\n\n## Phase 1\n- [ ] Parallel operation\n\n## {heading}\n"
            f"1. {risk}: Systems down during migration\n   - {mitigation}: Gradual migration\n\n"
            f"2. {risk}: Data loss\n   - {mitigation}: Backups\n"
        )
        result = import_markdown(md, "P.md")
        assert result.board is not None
        assert [(r.id, r.title) for r in result.board.risks] == [
            ("R-1", "Systems down during migration"),
            ("R-2", "Data loss"),
        ]


def test_entries_under_risks_and_mitigations_are_risks_naming_their_tasks() -> None:
    # A heading naming both is a risk list: each entry a risk, what it says of a task its mitigation.
    md = (
        "# P\n\n## Tasks\n\n| Task | Description |\n|---|---|\n| 004 | Migrate the middleware |\n"
        "| 005 | Page cache refuses cookies |\n\n## Risks & Mitigations\n"
        "- **Page cache stops caching**: every response uncacheable. Mitigation: task 005 carries the test.\n"
        "- **Readonly dropped**: mitigated by keeping properties private.\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(r.title, r.mitigated_by) for r in result.board.risks] == [
        ("Page cache stops caching", ["005"]),
        ("Readonly dropped", []),
    ]


def test_a_risk_labelled_by_its_own_id_keeps_it() -> None:
    md = (
        "# P\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| TASK-C002 | Retry with backoff |\n| TASK-B002 | Field config |\n\n"
        "## 6. Risk Mitigation Tasks\n\n### Technical Risks:\n\n"
        "- **Risk JIRA-R1 (Rate Limits):** Mitigated in TASK-C002 with backoff and retry\n"
        "- **Risk JIRA-R2 (Custom Fields):** Epic Link field ID configurable via env in TASK-B002\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(r.id, r.title, r.mitigated_by) for r in result.board.risks] == [
        ("JIRA-R1", "Rate Limits", ["TASK-C002"]),
        ("JIRA-R2", "Custom Fields", ["TASK-B002"]),
    ]
