"""Theme files and the user's settings.

A theme file is TOML (``themes/*.toml`` shipped with the app, plus ``<user config>/themes/*.toml``)::

    name = "readiness-dark"
    dark = true
    primary = "#4C9BE8"      # also: secondary accent background surface panel foreground
    error = "#E5534B"        #       error warning success

A file that does not parse or lacks ``name``/``primary`` is reported, never fatal. The chosen theme
is remembered in ``<user config>/settings.toml`` (``theme = "..."``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..resources import bundled_themes_dir

APP_NAME = "readiness"
DEFAULT_THEME = "readiness-dark"
COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "background",
    "surface",
    "panel",
    "foreground",
    "error",
    "warning",
    "success",
)


def user_config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_themes_dir() -> Path:
    return user_config_dir() / "themes"


def settings_path() -> Path:
    return user_config_dir() / "settings.toml"


@dataclass
class LoadedThemes:
    themes: list = field(default_factory=list)  # textual.theme.Theme
    problems: list[str] = field(default_factory=list)


def theme_from_file(path: Path):  # -> textual.theme.Theme
    """Read one theme file; raises ValueError with a readable reason."""
    from textual.color import Color, ColorParseError
    from textual.theme import Theme

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path.name}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: not valid TOML: {exc}") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{path.name}: a theme needs a name")
    if not isinstance(data.get("primary"), str):
        raise ValueError(f"{path.name}: a theme needs a primary colour")
    colours: dict[str, str] = {}
    for key in COLOUR_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ValueError(f"{path.name}: {key} must be a colour string, got {value!r}")
        try:
            Color.parse(value)
        except ColorParseError:
            raise ValueError(f"{path.name}: {key} = {value!r} is not a colour") from None
        colours[key] = value
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ValueError(f"{path.name}: dark must be true or false")
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        variables = {}
    return Theme(
        name=name.strip(),
        dark=dark,
        variables={str(k): str(v) for k, v in variables.items()},
        primary=colours["primary"],
        secondary=colours.get("secondary"),
        accent=colours.get("accent"),
        background=colours.get("background"),
        surface=colours.get("surface"),
        panel=colours.get("panel"),
        foreground=colours.get("foreground"),
        error=colours.get("error"),
        warning=colours.get("warning"),
        success=colours.get("success"),
    )


def load_themes(dirs: list[Path] | None = None) -> LoadedThemes:
    """Every theme in the bundled and the user's theme directories (later ones win on a name)."""
    if dirs is None:
        dirs = [bundled_themes_dir(), user_themes_dir()]
    out = LoadedThemes()
    by_name: dict[str, object] = {}
    for directory in dirs:
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            try:
                theme = theme_from_file(path)
            except ValueError as exc:
                out.problems.append(str(exc))
                continue
            by_name[theme.name] = theme
    out.themes = list(by_name.values())
    return out


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
        from ..core.fsutil import atomic_write

        atomic_write(path, tomlkit.dumps(doc).encode("utf-8"))
    except OSError:
        pass


def saved_theme() -> str | None:
    value = read_settings().get("theme")
    return value if isinstance(value, str) else None


def save_theme(name: str) -> None:
    write_setting("theme", name)
