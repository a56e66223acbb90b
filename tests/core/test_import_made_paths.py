"""A path in brackets closing an entry names the file its work makes or changes, not the work (issue 43)."""

from __future__ import annotations

import pytest

from .import_plan import imported


def test_a_closing_path_is_the_entrys_output_and_the_rest_its_title() -> None:
    _, items = imported(
        "# Tasks\n\n## Phase 1: Setup\n\n"
        "- [X] T001 Create observability directory structure (projspec/plugins/observability/)\n"
        "- [ ] T002 Vendor database schema module (observability/server/src/db.ts)\n"
        "- [ ] T003 Create observability README with attribution (`README.md`)\n"
    )
    got = {rid: (i.title, i.outputs) for rid, i in items.items()}
    assert got == {
        "T001": ("Create observability directory structure", ["projspec/plugins/observability/"]),
        "T002": ("Vendor database schema module", ["observability/server/src/db.ts"]),
        "T003": ("Create observability README with attribution", ["README.md"]),
    }


@pytest.mark.parametrize(
    "title",
    [
        "Usage dropdown (Mash/Boil/Fermentation)",
        "User profiles (public/private)",
        "Web App (Next.js)",
        "Add a force flag (`--force`)",
    ],
)
def test_choices_names_and_flags_in_brackets_stay_in_the_title(title: str) -> None:
    _, items = imported(f"# Plan\n\n## Work\n\n- [ ] {title}\n- [ ] Ship it\n")
    assert next(iter(items.values())).title == title
