"""The core must import without Textual: a fresh interpreter imports every core module and checks."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import readiness_tui.core


def _in_a_fresh_interpreter(code: str) -> str:
    """Run ``code`` where nothing is imported yet; its output (it must exit 0)."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_core_imports_without_textual() -> None:
    modules = sorted(m.name for m in pkgutil.walk_packages(readiness_tui.core.__path__, "readiness_tui.core."))
    assert "readiness_tui.core.board.store" in modules and "readiness_tui.core.analysis.analyze" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not bad, bad\n"
        "print(len(" + repr(modules) + "))\n"
    )
    assert int(_in_a_fresh_interpreter(code)) == len(modules)


def test_headless_commands_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from readiness_tui.cli import cli\n"
        "r = CliRunner().invoke(cli, ['schema'])\n"
        "assert r.exit_code == 0\n"
        "assert 'textual' not in sys.modules\n"
        "assert 'networkx' not in sys.modules\n"
    )
    _in_a_fresh_interpreter(code)


def test_lint_of_a_board_without_views_loads_no_filter_language_and_no_redaction_rules(tmp_path: Path) -> None:
    # Each costs every `lint` ~10 ms of import or compile; a board with no [views] needs neither.
    # (A view that cannot be read is still reported: test_list_filter_cli.)
    board = tmp_path / "b.toml"
    board.write_text('[board]\ntitle = "t"\n\n[[items]]\nid = "A"\ntitle = "a"\nevidence = ["docs/a.md"]\n')
    code = (
        "import sys\n"
        "from readiness_tui.cli import main\n"
        "try:\n"
        f"    main(['lint', {str(board)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'readiness_tui.core.gates.paths' in sys.modules\n"
        "assert 'readiness_tui.core.filters.syntax' not in sys.modules\n"
        "assert sys.modules['readiness_tui.core.gates.redact'].rules.cache_info().currsize == 0\n"
    )
    _in_a_fresh_interpreter(code)
