"""A list whose every entry only links to a heading of the same plan (``- [Kick-off](#kick-off)``) is its table of
contents: navigation, never items, whatever reading the rest of the plan gets."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Migration guide

# Table of Contents
<details>
  <summary>Table of Contents</summary>

- [Preparation](#preparation)
  - [License Keys](#license-keys)
  - [Site Survey](#site-survey)
- [Cutover](#cutover)
  - [DNS Cutover](#dns-cutover)

</details>

# Preparation

## License Keys

- ensure that license keys are available on the first day

## Site Survey

- collect feedback from the affected departments

# Cutover

## DNS Cutover

- switch the resolvers to the new servers
"""


def test_a_table_of_contents_is_no_items() -> None:
    report, items = imported(PLAN)
    titles = [it.title for it in items.values()]
    assert "License Keys" not in titles and "Preparation" not in titles
    assert "switch the resolvers to the new servers" in titles
    assert any("table of contents" in ln for ln in report)


def test_a_list_of_links_to_other_pages_is_not_contents() -> None:
    md = "# Plan\n\n## Work\n\n- [Write the guide](docs/guide.md)\n- [Fix the export](https://x.test/issues/2)\n"
    _, items = imported(md)
    assert [it.title for it in items.values()] == ["Write the guide", "Fix the export"]
