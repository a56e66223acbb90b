"""Textual themes from the theme files, and the user's settings.

The files are read by ``core.palette`` (the HTML export reads them there too); this module makes
Textual ``Theme`` objects of them. A file that does not parse or lacks ``name``/``primary`` is
reported, never fatal. The chosen theme is remembered in ``<user config>/settings.toml``
(``theme = "..."``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.theme import Theme

from readiness_tui.core.settings.palette import (
    DEFAULT_THEME,
    Palette,
    load_palettes,
    read_palette,
    theme_dirs,
    user_themes_dir,
)

__all__ = ["DEFAULT_THEME", "LoadedThemes", "load_themes", "theme_from_file", "user_themes_dir"]


def user_config_dir() -> Path:
    from readiness_tui.core.settings.config import user_config_path

    return user_config_path().parent


def settings_path() -> Path:
    return user_config_dir() / "settings.toml"


@dataclass
class LoadedThemes:
    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _theme(palette: Palette) -> Theme:
    c = palette.colours.get
    return Theme(
        name=palette.name,
        dark=palette.dark,
        variables=dict(palette.variables),
        primary=palette.colours["primary"],
        secondary=c("secondary"),
        accent=c("accent"),
        background=c("background"),
        surface=c("surface"),
        panel=c("panel"),
        foreground=c("foreground"),
        error=c("error"),
        warning=c("warning"),
        success=c("success"),
    )


def theme_from_file(path: Path) -> Theme:
    """Read one theme file; raises ValueError (``core.palette.ThemeError``) with a readable reason."""
    return _theme(read_palette(path))


def load_themes(dirs: list[Path] | None = None) -> LoadedThemes:
    """Every theme in the bundled and the user's theme directories (later ones win on a name)."""
    palettes, problems = load_palettes(dirs if dirs is not None else theme_dirs())
    return LoadedThemes([_theme(p) for p in palettes], problems)


# ---------------------------------------------------------------------- settings
def read_settings() -> dict:
    path = settings_path()
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def write_setting(key: str, value: str) -> None:
    """Set one key in the settings file, keeping the rest of it (comments included)."""
    import tomlkit

    path = settings_path()
    try:
        doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, Exception):  # noqa: BLE001 - a broken file is replaced
        doc = tomlkit.document()
    doc[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        from readiness_tui.core.board.fsutil import atomic_write

        atomic_write(path, tomlkit.dumps(doc).encode("utf-8"))
    except OSError:
        pass


def saved_theme() -> str | None:
    value = read_settings().get("theme")
    return value if isinstance(value, str) else None


def save_theme(name: str) -> None:
    write_setting("theme", name)
