"""The test command on a machine without Chromium: one line that says what to install, before any test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import browser
from tests.conftest import ROOT


def test_without_chromium_and_root_the_run_stops_with_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(browser.os, "geteuid", lambda: 1000)
    with pytest.raises(pytest.exit.Exception) as stopped:
        browser.ensure_chromium([], ROOT)
    assert str(stopped.value) == (
        f"The browser tests (tests/web) need Chromium at {tmp_path / 'no-chromium'}: "
        "run `sudo apt-get install chromium` (Debian or Ubuntu), then run the tests again."
    )
    assert stopped.value.returncode == 3


def test_a_run_of_other_tests_needs_no_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(browser.os, "geteuid", lambda: 1000)
    browser.ensure_chromium([str(ROOT / "tests" / "core" / "test_lint.py")], ROOT)  # returns: nothing to do
    with pytest.raises(pytest.exit.Exception):
        browser.ensure_chromium([str(ROOT / "tests" / "web" / "test_serve.py") + "::test_x"], ROOT)
