"""Key names in the user's keymap: brought to the names the app matches, or refused on their line;
``readiness config`` flags what the app flags (an unknown binding id, a key that names none)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.settings.config import load_config, user_config_path
from readiness_tui.core.settings.keys import canonical_key


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    path = user_config_path()
    path.parent.mkdir(parents=True)
    return path


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("F4", "f4"),
        ("Ctrl+S", "ctrl+s"),
        ("ctrl+S", "ctrl+s"),
        ("shift+ctrl+PageUp", "ctrl+shift+pageup"),  # modifiers in the order Textual reports them
        ("Esc", "escape"),
        ("?", "question_mark"),
        ("ctrl+/", "ctrl+slash"),
        ("shift+a", "A"),
        ("U", "U"),  # one character keeps its case: U is not u
        ("u", "u"),
    ],
)
def test_keys_are_named_as_the_app_receives_them(typed: str, named: str) -> None:
    assert canonical_key(typed) == named


@pytest.mark.parametrize("typed", ["F44", "ctrl+foo", "cmmand+s", "ctrl+", "pagedn"])
def test_a_key_that_names_none_is_refused(typed: str) -> None:
    assert canonical_key(typed) is None


def test_the_keymap_is_kept_with_the_apps_key_names(user: Path) -> None:
    user.write_text('keymap = { report = "F4", save = "Ctrl+S, ctrl+W" }\n')
    cfg = load_config()
    assert cfg.problems == []
    assert cfg.get("keymap") == {"report": "f4", "save": "ctrl+s,ctrl+w"}
    res = CliRunner().invoke(cli, ["config", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["settings"]["keymap"]["value"] == {"report": "f4", "save": "ctrl+s,ctrl+w"}


def test_config_flags_a_key_that_names_none_on_its_line(user: Path) -> None:
    user.write_text('theme = "readiness-light"\n[keymap]\nreport = "F44"\nundo = "U"\n')
    res = CliRunner().invoke(cli, ["config"])
    assert res.exit_code == 1
    assert f"{user}:3: ERROR config-keymap-key keymap.report: no key named 'F44'" in res.stderr
    # The entry is left out whole, so report keeps its default key; the others stay.
    assert load_config().get("keymap") == {"undo": "U"}


def test_config_flags_an_unknown_binding_id_with_the_nearest(user: Path) -> None:
    user.write_text('keymap = { undo = "U", reprot = "ctrl+o" }\n')
    res = CliRunner().invoke(cli, ["config", "--json"])
    assert res.exit_code == 1
    assert json.loads(res.stdout)["problems"] == [
        f"{user}:1: ERROR config-keymap-binding keymap: no binding 'reprot'; did you mean report?"
    ]
