"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re

from ..conftest import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(python3 -m venv .+?)\n```", readme)


def test_readme_has_exactly_two_setup_commands() -> None:
    run, test = _commands()
    assert run.endswith(".venv/bin/readiness")
    assert "[test]" in test and "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    _, test = _commands()
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test in ci
