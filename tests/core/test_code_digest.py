"""``code_digest`` changes whenever a module of the core or the CLI is written anew."""

from __future__ import annotations

import os
from pathlib import Path

from readiness_tui.core.cache.files import code_digest, source_digest


def package(tmp_path: Path) -> Path:
    root = tmp_path / "pkg"
    for rel in ("core/a.py", "core/sub/b.py", "cli/c.py", "ui/d.py"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"# {rel}\n", encoding="utf-8")
        os.utime(root / rel, ns=(1_000_000_000, 1_000_000_000))
    return root


def test_the_same_tree_gives_the_same_digest(tmp_path: Path) -> None:
    root = package(tmp_path)
    assert source_digest(root, "1") == source_digest(root, "1")
    assert code_digest() == code_digest()


def test_an_edit_a_new_module_or_a_new_version_changes_it(tmp_path: Path) -> None:
    root = package(tmp_path)
    before = source_digest(root, "1")
    assert source_digest(root, "2") != before
    # The same bytes written again (an install, a checkout) carry a new time.
    os.utime(root / "core/sub/b.py", ns=(2_000_000_000, 2_000_000_000))
    assert source_digest(root, "1") != before
    os.utime(root / "core/sub/b.py", ns=(1_000_000_000, 1_000_000_000))
    assert source_digest(root, "1") == before
    (root / "cli/c.py").write_text("# c, longer\n", encoding="utf-8")
    os.utime(root / "cli/c.py", ns=(1_000_000_000, 1_000_000_000))
    assert source_digest(root, "1") != before


def test_modules_outside_core_and_cli_do_not_count(tmp_path: Path) -> None:
    root = package(tmp_path)
    before = source_digest(root, "1")
    (root / "ui/d.py").write_text("# the app's, changed\n", encoding="utf-8")
    (root / "core/notes.txt").write_text("not a module\n", encoding="utf-8")
    assert source_digest(root, "1") == before
