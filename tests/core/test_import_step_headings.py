"""A heading naming one step of a plan by its number ("### Step 2: Configure Authentication") over a numbered list:
the list is what the step is done by, beside the plan's other items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Portal playbook

## Phase 1: Local setup

### Step 1: Set up the development environment

1. Fresh install of the portal from the official documentation
2. Confirm the install by running `yarn start`

### Step 2: Configure authentication

1. Set up the GitLab auth app
   - add the client id and secret
     - the provider needs defined users
2. Add the GitLab plugins
   - the statistics plugin needs OAuth

### Step 3: Rollout facts

1. The portal serves 40 teams
2. Two regions, one database

## Phase 2: Production

### Step 1: Set up persistent storage

1. **Configure persistent volumes**:
   - one volume per environment
   - a backup strategy

2. **Configure the database**:
   - a managed PostgreSQL instance
"""


def test_a_numbered_step_headings_list_of_work_is_its_items() -> None:
    # Before: the first step's list was kept as text ("no structure recognized"), beside the items of phase 2.
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Fresh install of the portal from the official documentation",
        "Confirm the install by running `yarn start`",
        "Set up the GitLab auth app",
        "Add the GitLab plugins",
        "Configure persistent volumes",
        "Configure the database",
    ]
    assert any("the work of the step its heading names" in line for line in report)
    # The bullets nested in an entry are its description: no line says they were skipped.
    assert "the provider needs defined users" in items["2.1"].description
    assert not [line for line in report if "no ids, no items" in line]
