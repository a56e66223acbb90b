"""Lines run together as ``-Sign up`` (no space after the dash, which CommonMark reads as one paragraph) are the list
entries their writer meant; one such line in prose stays text (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """#Product Backlog

As an app user, I want to be able to:
-Sign up for an account so that I can be registered
-Login to my account so that I can access the application

As a recruiter, I want to be able to:
-Create job postings so I can reach job seekers
-Review the applications for a post so I can see the applicants
"""


def test_dashes_without_a_space_in_a_run_are_list_entries() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Sign up for an account so that I can be registered",
        "Login to my account so that I can access the application",
        "Create job postings so I can reach job seekers",
        "Review the applications for a post so I can see the applicants",
    ]
    assert any("2 lines opening with a dash and no space read as a list" in ln for ln in report)


def test_one_such_line_in_prose_stays_text() -> None:
    md = "# Plan\n\n## Tasks\n\n- [ ] Ship the CLI\n- [ ] Write the docs\n\nRun it as\n-verbose prints more.\n"
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Ship the CLI", "Write the docs"]
    assert not any("opening with a dash and no space" in ln for ln in report)
