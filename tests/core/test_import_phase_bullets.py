"""Plain bullets right under a phase heading, in a plan whose other work is boxes, are the phase's steps when most
open with a verb of work: one done again ("Recreate"), one known by its form ("Formalize"), or one after a short
label ("Containers: adopt …"); a bold label over such bullets only groups them (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.sections.lead_ins import is_action_verb, opens_with_action
from tests.core.import_plan import imported

PLAN = """# Build plan

## 1. Bootstrap
- [x] Create the workspace
- [ ] Pin the toolchain

## 2. Phase 2 – Packaging (Weeks 5–6)
- Containers: adopt `rules_oci` for the services.
- Debian/RPM: use `rules_pkg` for package metadata.
- Validate artifact parity against legacy scripts.

## 3. Phase 3 – Testing (Weeks 6–7)
- Recreate the end-to-end tests as Bazel targets.
- Formalize golden data fixtures under runfiles.
- Enable coverage collection.

## 4. Phase 4 – CI/CD (Weeks 8–9)
1. **BuildBuddy integration**
   - Create the BuildBuddy project.
   - Configure the remote cache entries.
2. **Release automation**
   - Migrate the release pipelines to Bazel targets.
   - Publish artifacts with `bazel run` wrappers.

## 5. Phase 5 – Context
- The team is small.
- Budget is fixed for the year.
"""


def _titles() -> tuple[list[str], dict[str, str]]:
    report, items = imported(PLAN)
    return report, {i.title: i.id for i in items.values()}


def test_labelled_bullets_and_verbs_by_form_are_the_steps_of_their_phase() -> None:
    _, titles = _titles()
    for title in (
        "Containers: adopt `rules_oci` for the services.",
        "Validate artifact parity against legacy scripts.",
        "Recreate the end-to-end tests as Bazel targets.",
        "Formalize golden data fixtures under runfiles.",
    ):
        assert any(t.startswith(title.rstrip(".")) for t in titles), title


def test_a_bold_label_over_sentences_of_work_groups_them() -> None:
    report, titles = _titles()
    assert any(t.startswith("Create the BuildBuddy project") for t in titles)
    assert any(t.startswith("Publish artifacts with") for t in titles)
    assert "BuildBuddy integration" not in titles and "Release automation" not in titles
    assert any("'BuildBuddy integration' groups the entries under it" in line for line in report)


def test_bullets_that_describe_the_phase_stay_text() -> None:
    _, titles = _titles()
    assert not any(t.startswith(("The team is small", "Budget is fixed")) for t in titles)


def test_verbs_of_work_by_form() -> None:
    assert [is_action_verb(w) for w in ("recreate", "formalize", "containerize", "create")] == [True] * 4
    # "7.2 Shopify Integration" names a part of the product; "Size" and "Reason" are no verbs of work.
    assert [is_action_verb(w) for w in ("shopify", "size", "reason", "prize")] == [False] * 4
    assert opens_with_action("Helm charts/K8s: evaluate the templating")
    assert not opens_with_action("Note on the charts: they are large")


def test_an_empty_box_under_a_phase_closing_with_its_state_in_brackets_is_in_that_state() -> None:
    md = (
        "# LLVM Backend\n\n### Phase 1: Scaffolding ✅ COMPLETE\n- [x] Create the module\n"
        "- [ ] Document LLVM toolchain requirements (in progress)\n- [ ] Support Windows (maybe later)\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Create the module", "done"),
        ("Document LLVM toolchain requirements", "in_progress"),
        ("Support Windows (maybe later)", "todo"),  # words in brackets that say no state stay its title's
    ]


def test_a_tally_of_the_phases_boxes_does_not_make_the_phases_items() -> None:
    md = (
        "# Portfolio Setup Progress Tracker\n\n## 📝 Phase 1: Essential Content (Complete First!)\n\n"
        "### Personal Information\n- [ ] Update your name in navbar\n- [ ] Update your job title\n\n"
        "## 🖼️ Phase 2: Images & Media\n\n- [ ] Add a profile photo\n\n## Progress Summary\n\n"
        "- [ ] Phase 1: Essential Content (0/2)\n- [ ] Phase 2: Images & Media (0/1)\n"
    )
    _, items = imported(md)
    # The phases' boxes are the work, not steps of an item per phase; the tally's boxes sum the phases up.
    assert [i.title for i in items.values()] == [
        "Update your name in navbar",
        "Update your job title",
        "Add a profile photo",
    ]


def test_a_checklist_of_the_phases_beside_their_own_boxes_makes_no_items() -> None:
    md = (
        "# Docs move\n\n## Overall Progress\n\n- [ ] Phase 1: Foundation (2025-03-03 to 2025-03-07)\n"
        "- [ ] Phase 2: Content (2025-03-10 to 2025-03-14)\n\n## Phase 1 Tasks\n\n- [x] Create the folders\n"
        "- [ ] Write the templates\n\n## Phase 2 Tasks\n\n- [ ] Move the guides\n"
    )
    lines, items = imported(md)
    assert [(i.title, i.status, i.phase) for i in items.values()] == [
        ("Create the folders", "done", "1"),
        ("Write the templates", "todo", "1"),
        ("Move the guides", "todo", "2"),
    ]
    assert any("lists the plan's phases, whose boxes are the work" in ln for ln in lines)


def test_phases_not_yet_ticked_hold_their_bullets_as_the_ticked_one_does() -> None:
    # "## Phase 1 – Groundwork ✔" makes its plain bullets done work: the phases after it, unticked, are work too.
    md = (
        "# Arbeitsplan\n\n## Ziel\n- freier Layout-Designer\n\n## Phase 1 – Projektgrundlage ✔\n- Solution angelegt\n"
        "- Build erfolgreich\n\n## Phase 2 – Datenmodell\n- Layout-Dateiformat festziehen\n- Import vorbereiten\n"
    )
    _, items = imported(md)
    assert [(i.id, i.title, i.status, i.phase) for i in items.values()] == [
        ("P1-1", "Solution angelegt", "done", "1"),
        ("P1-2", "Build erfolgreich", "done", "1"),
        ("P2-1", "Layout-Dateiformat festziehen", "todo", "2"),
        ("P2-2", "Import vorbereiten", "todo", "2"),
    ]


def test_a_phase_s_deliverables_heading_after_its_tasks_makes_no_items() -> None:
    md = (
        "# Plan\n\n## Phase 1: Scaffold\n\n### Task 1.1: Create the repo\n- **Dependencies**: None\n\n"
        "### Task 1.2: Emit the stub event\n- **Dependencies**: 1.1\n\n### Phase 1 Deliverables\n"
        "- [ ] Public GitHub repo\n- [ ] Tagged `v0.0.1-alpha`\n\n## Phase 2: Schema\n\n"
        "### Task 2.1: Full event schema\n- **Dependencies**: Phase 1 complete\n"
    )
    _, items = imported(md)
    assert list(items) == ["1.1", "1.2", "2.1"]
    assert items["2.1"].depends_on == ["1.1", "1.2"]
