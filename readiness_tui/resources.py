"""Where the bundled boards and themes are, installed from a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    bundled = _PKG / "_bundled" / name  # inside an installed wheel
    if bundled.is_dir():
        return bundled
    checkout = _PKG.parent / name  # a source checkout or an editable install
    return checkout


def bundled_boards_dir() -> Path:
    return _find("boards")


def bundled_themes_dir() -> Path:
    return _find("themes")


def list_boards(directory: Path) -> list[Path]:
    """Board files in a directory, sorted by name."""
    return sorted(p for p in directory.glob("*.toml") if p.is_file())
