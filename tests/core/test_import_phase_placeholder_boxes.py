"""A roadmap ticking its phases off in a checklist, each phase's details listing its plan files as boxes: a phase
whose only box is a placeholder (``- [ ] 03-01: [TBD during planning]``) lists no work of its own, so the checklist
of phases is the plan's work, not a summary of the phases' own boxes (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap: launcher

## Phases

- [x] **Phase 1: Project Setup** - Clean project structure
- [ ] **Phase 2: Shell** - Rust backend with SQLite
- [ ] **Phase 3: Launcher UI** - Spotlight-style dispatch

## Phase Details

### Phase 1: Project Setup
**Goal**: Clean foundation
**Depends on**: Nothing (first phase)
**Plans**: 2 plans

Plans:
- [x] 01-01-PLAN.md — Monorepo root and Nix flake
- [x] 01-02-PLAN.md — Backend packages and lint config

### Phase 2: Shell
**Goal**: Operational app with a database
**Depends on**: Phase 1
**Plans**: TBD

Plans:
- [ ] 02-01: [TBD during planning]

### Phase 3: Launcher UI
**Goal**: Dispatch tasks from a hotkey
**Depends on**: Phase 2
**Plans**: TBD

Plans:
- [ ] 03-01: [TBD during planning]
"""


def test_phases_whose_only_boxes_are_placeholders_make_the_checklist_of_phases_the_work() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.status, i.depends_on) for i in items.values()] == [
        ("PHASE-1", "done", []),
        ("PHASE-2", "todo", ["PHASE-1"]),
        ("PHASE-3", "todo", ["PHASE-2"]),
    ]
    assert (items["PHASE-1"].title, items["PHASE-1"].description) == ("Project Setup", "Clean project structure")


def test_every_phase_with_boxes_of_work_still_makes_the_checklist_a_summary() -> None:
    md = PLAN.replace("- [ ] 02-01: [TBD during planning]", "- [ ] 02-01-PLAN.md — Keyring secrets").replace(
        "- [ ] 03-01: [TBD during planning]", "- [ ] 03-01-PLAN.md — Global hotkey"
    )
    lines, _ = imported(md)
    assert any("lists the plan's phases, whose boxes are the work" in ln for ln in lines)


def test_a_bold_label_opening_with_the_entry_s_id_names_it_before_the_dash() -> None:
    md = (
        "# P\n\n## Tasks\n\n- [x] **T-1: Project Setup** - Clean project structure\n"
        "- [ ] **T-2: Shell** - Rust backend with SQLite\n"
    )
    _, items = imported(md)
    assert [(i.id, i.title, i.description) for i in items.values()] == [
        ("T-1", "Project Setup", "Clean project structure"),
        ("T-2", "Shell", "Rust backend with SQLite"),
    ]
