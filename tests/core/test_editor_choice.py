"""``ctrl+e`` opens the editor git would: $VISUAL, $EDITOR, then editor, vi, nano on $PATH."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from readiness_tui.core.edits.external import editor_command


def tool(bin_dir: Path, name: str, body: str = "exit 0") -> Path:
    path = bin_dir / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_the_variables_win_and_keep_their_arguments(tmp_path: Path) -> None:
    env = {"VISUAL": "code --wait", "EDITOR": "nano", "PATH": str(tmp_path)}
    assert editor_command(env) == ["code", "--wait"]
    assert editor_command({"EDITOR": "emacs -nw", "PATH": str(tmp_path)}) == ["emacs", "-nw"]


def test_without_them_the_first_of_editor_vi_nano_on_path(tmp_path: Path) -> None:
    assert editor_command({"PATH": str(tmp_path)}) is None
    nano = tool(tmp_path, "nano")
    assert editor_command({"PATH": str(tmp_path), "EDITOR": "  "}) == [str(nano)]
    vi = tool(tmp_path, "vi")
    assert editor_command({"PATH": str(tmp_path)}) == [str(vi)]
    editor = tool(tmp_path, "editor", 'printf "edited" > "$1"')
    found = editor_command({"PATH": str(tmp_path)})
    assert found == [str(editor)]
    # the command found is one that runs: it edits the file it is given
    text = tmp_path / "text.md"
    text.write_text("before", encoding="utf-8")
    subprocess.run([*found, str(text)], check=True, env={**os.environ, "PATH": str(tmp_path)})
    assert text.read_text(encoding="utf-8") == "edited"
