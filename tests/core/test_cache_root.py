"""The cache directory is the one platformdirs names, found without importing it on Linux."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from readiness_tui.core.cache.files import cache_root


@pytest.mark.parametrize(
    ("xdg", "expected"),
    [
        (None, "{home}/.cache/readiness"),
        ("", "{home}/.cache/readiness"),
        ("   ", "{home}/.cache/readiness"),
        ("relative/cache", "{home}/.cache/readiness"),  # XDG: a relative path is ignored
        ("/srv/cache", "/srv/cache/readiness"),
    ],
)
@pytest.mark.parametrize("home", ["/home/ana", "/root"])
def test_the_cache_root_follows_xdg(monkeypatch: pytest.MonkeyPatch, xdg: str | None, expected: str, home: str) -> None:
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert str(cache_root()) == expected.format(home=home)
    if xdg is None or xdg.startswith("/"):  # where every platformdirs 4 agrees
        assert str(cache_root()) == str(platformdirs.user_cache_dir("readiness"))


def test_a_command_finds_it_without_importing_platformdirs(tmp_path) -> None:
    import subprocess

    code = (
        "import sys; from readiness_tui.core.cache.files import cache_root; cache_root(); "
        "print('platformdirs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ("False" if sys.platform == "linux" else "True")
