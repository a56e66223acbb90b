"""A first column of numbered slugs (``[01-sync-queue](…)``) names the rows; cells citing ``01`` name them by
their number (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "numbered_slug_specs.md"


def _deps(text: str) -> dict[str, list[str]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: sorted(i.depends_on) for i in result.board.items}


def test_numbered_slugs_are_ids_and_bare_numbers_cite_them() -> None:
    assert _deps(PLAN.read_text(encoding="utf-8")) == {
        "01-sync-queue": [],
        "02-conflict-rules": ["01-sync-queue"],
        "03-offline-banner": ["01-sync-queue"],
        "04-replay-tests": ["02-conflict-rules"],
    }


def test_a_column_of_words_with_a_leading_number_is_not_one_of_slugs() -> None:
    table = (
        "# P\n\n| Step | Description |\n|---|---|\n| 2-step login | Add a code by mail |\n| 3 retries | Back off |\n"
    )
    assert _deps(table) == {}
