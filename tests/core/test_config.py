"""Project and user settings: precedence, origins, located problems, and BOARD found from them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.settings.config import load_config, user_config_path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "boards" / "launch.toml"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    shutil.copy(FIXTURE, tmp_path / "plans" / "launch.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_project_beats_user_beats_default_and_origins_are_named(repo: Path) -> None:
    user = user_config_path()
    user.parent.mkdir(parents=True)
    user.write_text('theme = "readiness-light"\n[standup]\nspeaker_seconds = 60\n')
    (repo / ".readiness.toml").write_text('boards = ["plans/launch.toml"]\n\n[standup]\nspeaker_seconds = 120\n')
    cfg = load_config()
    assert cfg.problems == []
    assert cfg.get("standup.speaker_seconds") == 120 and cfg.origins["standup.speaker_seconds"].endswith(
        ".readiness.toml:4"
    )
    assert cfg.get("theme") == "readiness-light" and cfg.origins["theme"] == f"{user}:1"
    assert cfg.get("standup.group_by") == "owner" and cfg.origins["standup.group_by"] == "default"


def test_tool_readiness_in_pyproject_is_read(repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.readiness]\nboards = ["plans"]\n')
    result = CliRunner().invoke(cli, ["list", "-f", "id:SEC-02"])  # BOARD from the project's boards setting
    assert result.exit_code == 0, result.output
    assert result.output.startswith("SEC-02")


def test_a_bad_key_gets_file_line_and_a_suggestion(repo: Path) -> None:
    (repo / ".readiness.toml").write_text('boards = []\n[standup]\nspeaker_secs = 30\ngroup_by = "team"\n')
    result = CliRunner().invoke(cli, ["config"])
    assert result.exit_code == 1
    assert (
        ".readiness.toml:3: ERROR config-unknown-key unknown setting 'standup.speaker_secs'; did you mean standup.speaker_seconds?"
        in result.output
    )
    assert ".readiness.toml:4: ERROR config-value standup.group_by must be one of owner, workstream" in result.output


def test_a_project_file_cannot_set_personal_settings(repo: Path) -> None:
    (repo / ".readiness.toml").write_text('theme = "loud"\n')
    cfg = load_config()
    assert cfg.get("theme") == "" and [p.code for p in cfg.problems] == ["config-personal-key"]


def test_config_json_lists_every_setting_with_its_origin(repo: Path) -> None:
    data = json.loads(CliRunner().invoke(cli, ["config", "--json"]).output)
    assert data["format_version"] == 1
    assert data["settings"]["output_dir"] == {"value": "", "origin": "default"}


def test_speaker_time_must_be_above_zero_and_keymap_keys_strings(repo: Path) -> None:
    (repo / ".readiness.toml").write_text("[standup]\nspeaker_seconds = 0\n")
    user = user_config_path()
    user.parent.mkdir(parents=True)
    user.write_text('theme = "readiness-light"\nkeymap = { undo = "U", report = 5 }\n')
    cfg = load_config()
    assert [p.code for p in cfg.problems] == ["config-value", "config-value"]
    texts = [p.format() for p in cfg.problems]
    assert any(".readiness.toml:2" in t and "standup.speaker_seconds must be above 0" in t for t in texts), texts
    assert any(f"{user}:2" in t and "keymap.report must be keys as a string" in t for t in texts), texts
    # Refused values leave the defaults in place.
    assert cfg.get("standup.speaker_seconds") == 90 and cfg.get("keymap") == {}


def test_output_dir_is_read_from_the_project_files_directory(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_tui.core.settings.config import defaults, output_dir

    assert output_dir(defaults()) is None  # not set: the app names where it writes
    (repo / ".readiness.toml").write_text('output_dir = "out/reports"\n')
    monkeypatch.chdir(repo / "plans")  # a command run deeper in the repository
    assert output_dir(load_config()) == repo / "out" / "reports"
    (repo / ".readiness.toml").write_text('output_dir = "~/reports"\n')
    assert output_dir(load_config()) == Path.home() / "reports"
