"""What a command's help says it prints is what it prints."""

from __future__ import annotations

import json

from click.testing import CliRunner

from readiness_tui.cli import cli

from ..conftest import BOARDS


def test_list_json_help_names_the_one_document_list_prints() -> None:
    board = BOARDS / "final-implementation-plan.toml"
    help_text = " ".join(CliRunner().invoke(cli, ["list", "--help"]).stdout.split())
    assert "One JSON document: format_version, filter and items" in help_text
    assert "per item" not in help_text
    out = CliRunner().invoke(cli, ["list", str(board), "--json"]).stdout
    doc = json.loads(out)  # one document, not a record per line
    assert sorted(doc) == ["filter", "format_version", "items"] and len(doc["items"]) > 1
