"""An ``@`` mention in an entry names its owner; a scoped name (``@org/name``) names a team only where it closes the
entry, and is a package where words follow it or a word names it one (issue 43)."""

from __future__ import annotations

import pytest

from tests.core.import_plan import imported


def _owner(entry: str) -> str:
    _, items = imported(f"# Plan\n\n## Tasks\n\n- [ ] {entry}\n- [ ] Second task\n")
    return next(iter(items.values())).owner


@pytest.mark.parametrize(
    ("entry", "owner"),
    [
        ("Rotate the keys @shop/sre", "@shop/sre"),
        ("Rotate the keys (@shop/sre)", "@shop/sre"),
        ("Ask @ana about quotas", "@ana"),
        ("Use @slack/web-api for alerts", ""),
        ("Send alerts via @slack/web-api", ""),
        ("Upgrade @angular/core", ""),
    ],
)
def test_the_owner_a_mention_names(entry: str, owner: str) -> None:
    assert _owner(entry) == owner
