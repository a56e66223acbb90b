"""The entry point's GC policy: batch commands run without the cyclic collector, long-running ones keep it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli


@pytest.fixture
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()  # whatever the command did, the rest of the suite runs with it on


@pytest.mark.parametrize(
    ("command", "kept"), [("lint", False), ("order", False), ("check", True), ("mcp", True), ("serve", True)]
)
def test_only_batch_commands_turn_the_collector_off(command: str, kept: bool, collector_on: None) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    # An agent's MCP session or a browser's serve may last hours: their heap must be collected.
    assert gc.isenabled() is kept
