"""Theme colours: the one reader of ``themes/*.toml``, and the contrast every theme is held to.

A theme file (shipped in ``themes/``, or the user's ``<config>/themes/``)::

    name = "readiness-dark"
    dark = true
    contrast = "AA"          # or "AAA": the WCAG level its text reaches (see ``min_ratio``)
    primary = "#4C9BE8"      # also: secondary accent background surface panel foreground
    error = "#E5534B"        #       error warning success
    [variables]              # optional: Textual design variables, e.g. foreground-muted

The app builds its Textual themes from these palettes and the HTML export writes the same colours
into its stylesheet, so both show one truth. Colours are ``#RGB`` or ``#RRGGBB`` only: they go into
CSS as they are, and a value like ``red; } body {`` must never reach a stylesheet.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

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
DEFAULT_THEME = "readiness-dark"
#: WCAG 2.x minimum contrast for body text: level AA, and AAA (the high-contrast theme's).
LEVELS = {"AA": 4.5, "AAA": 7.0}
_HEX = set("0123456789abcdefABCDEF")


class ThemeError(ValueError):
    """A theme file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Palette:
    """One theme file's colours (only those it gives) and the contrast level it promises."""

    name: str
    path: Path
    dark: bool = True
    colours: dict[str, str] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    contrast: str = "AA"

    @property
    def min_ratio(self) -> float:
        """The contrast every text colour must reach on the background it is drawn on."""
        return LEVELS[self.contrast]


def is_hex_colour(value: object) -> bool:
    return isinstance(value, str) and value.startswith("#") and len(value) in (4, 7) and set(value[1:]) <= _HEX


def read_palette(path: Path) -> Palette:
    """Read one theme file; raises ``ThemeError`` naming the file and what is wrong in it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ThemeError(f"{path.name}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ThemeError(f"{path.name}: not valid TOML: {exc}") from None
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeError(f"{path.name}: a theme needs a name")
    if "primary" not in data:
        raise ThemeError(f"{path.name}: a theme needs a primary colour")
    colours: dict[str, str] = {}
    for key in COLOUR_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not is_hex_colour(value):
            raise ThemeError(f"{path.name}: {key} = {value!r} is not a colour (write #RRGGBB)")
        colours[key] = value.upper()
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(f"{path.name}: dark must be true or false")
    contrast = data.get("contrast", "AA")
    if contrast not in LEVELS:
        raise ThemeError(f"{path.name}: contrast must be one of {', '.join(LEVELS)}, got {contrast!r}")
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ThemeError(f"{path.name}: variables must be a table")
    return Palette(name.strip(), path, dark, colours, {str(k): str(v) for k, v in variables.items()}, str(contrast))


def load_palettes(dirs: Iterable[Path]) -> tuple[list[Palette], list[str]]:
    """Every readable theme in ``dirs`` (a later directory wins on a name), and the problems of the rest."""
    by_name: dict[str, Palette] = {}
    problems: list[str] = []
    for directory in dirs:
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            try:
                palette = read_palette(path)
            except ThemeError as exc:
                problems.append(str(exc))
                continue
            by_name[palette.name] = palette
    return list(by_name.values()), problems


def user_themes_dir() -> Path:
    """``<user config>/themes``: the user's own theme files, beside ``config.toml``."""
    from readiness_tui.core.settings.config import user_config_path

    return user_config_path().parent / "themes"


def theme_dirs() -> list[Path]:
    """Where themes are read from: the bundled ones, then the user's (which win on a name)."""
    from readiness_tui.resources import bundled_themes_dir

    return [bundled_themes_dir(), user_themes_dir()]


def bundled_palettes() -> list[Palette]:
    from readiness_tui.resources import bundled_themes_dir

    return load_palettes([bundled_themes_dir()])[0]


def colours_of(name: str | None, dirs: Iterable[Path] | None = None) -> dict[str, str]:
    """Every colour key of theme ``name`` (the default theme when unknown), from ``dirs`` (default:
    ``theme_dirs()``); a key the theme leaves out is taken from the default theme, so a partial
    user theme still gives a full set."""
    palettes = {p.name: p for p in load_palettes(dirs if dirs is not None else theme_dirs())[0]}
    default = {p.name: p for p in bundled_palettes()}.get(DEFAULT_THEME)
    out = dict(default.colours) if default else {}
    chosen = palettes.get(name or DEFAULT_THEME)
    if chosen is not None:
        out.update(chosen.colours)
    return out


# ---------------------------------------------------------------------- WCAG 2.x contrast
def rgb(colour: str) -> tuple[int, int, int]:
    """``#RGB`` / ``#RRGGBB`` as 0-255 channels."""
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance: sRGB channels linearised, weighted 0.2126 R + 0.7152 G + 0.0722 B."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), the lighter luminance over the darker: 1 to 21."""
    hi, lo = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def blend(fg: str, bg: str, alpha: float) -> str:
    """``fg`` at ``alpha`` opacity over ``bg`` (what ``$foreground 60%`` draws)."""
    mixed = (round(f * alpha + b * (1 - alpha)) for f, b in zip(rgb(fg), rgb(bg), strict=True))
    return "#" + "".join(f"{c:02X}" for c in mixed)
