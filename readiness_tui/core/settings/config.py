"""Settings: the project's (``.readiness.toml`` or ``[tool.readiness]`` in ``pyproject.toml``) and the
user's (``config.toml`` in the user config directory).

Precedence, lowest first: built-in defaults, the user's file, the project's file. A project setting
wins because it is what the team agreed on; the user's file holds what is personal (theme,
keymap), which a project file may not set. Every value remembers where it came from, which
``readiness config`` prints. An unknown key is reported with its file, line and the nearest key.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board import hooks
from readiness_tui.core.board.segments import find_key_line
from readiness_tui.core.model.problems import Problem, suggest
from readiness_tui.core.model.statuses import PRIORITIES

if TYPE_CHECKING:  # settings are read without the records: `readiness list` finds its board first
    from readiness_tui.core.model.board import Board
from readiness_tui.core.settings.files import find_project_file, settings_fingerprint
from readiness_tui.core.settings.keys import check_keymap, unknown_bindings

USER_FILE = "config.toml"


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    help: str
    personal: bool = False  # only the user's file may set it


SETTINGS: tuple[Setting, ...] = (
    Setting("boards", [], list, "board files (or directories) commands use when BOARD is left out"),
    Setting("views", {}, dict, "named filters for the backlog and `readiness list --view NAME`"),
    Setting("standup.group_by", "owner", str, "standup slides per `owner` or `workstream`"),
    Setting("standup.speaker_seconds", 90, int, "the standup timer's time per speaker"),
    Setting("output_dir", "", str, "where the app writes reports and SVG exports (default: ask)"),
    Setting(
        "go_no_go.scope",
        "",
        str,
        "what go/no-go looks at when the board does not say: P0, all, milestone:ID or phase:ID",
    ),
    Setting("theme", "", str, "the app's theme", personal=True),
    Setting("keymap", {}, dict, 'binding id -> keys, e.g. { undo = "ctrl+z" }', personal=True),
)
_BY_KEY = {s.key: s for s in SETTINGS}
_CHOICES = {"standup.group_by": ("owner", "workstream")}
#: Settings that must be a number above zero.
_POSITIVE = frozenset({"standup.speaker_seconds"})


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    #: key -> "default", or "FILE:LINE" of the file that set it.
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: The directory the project file sits in (relative board paths are read from there).
    root: Path | None = None
    #: binding id -> (file, line) of the keymap entry naming it.
    keymap_lines: dict[str, tuple[str, int | None]] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.values[key]


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("readiness")) / USER_FILE


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in table.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict) and key not in _BY_KEY:
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


def _apply(cfg: Config, path: Path, table_path: str, project: bool) -> None:
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        cfg.problems.append(Problem("error", "config-unreadable", f"cannot read: {exc}", str(path)))
        return
    except tomllib.TOMLDecodeError as exc:
        cfg.problems.append(Problem("error", "config-syntax", str(exc), str(path)))
        return
    for part in table_path.split(".") if table_path else []:
        data = data.get(part, {}) if isinstance(data, dict) else {}
    for key, value in _flatten(data).items():
        leaf = key.rsplit(".", 1)[-1]
        line = find_key_line(text, leaf, 1)
        where = f"{path}:{line}" if line else str(path)
        setting = _BY_KEY.get(key)
        if setting is None:
            near = difflib.get_close_matches(key, list(_BY_KEY), n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            cfg.problems.append(
                Problem("error", "config-unknown-key", f"unknown setting {key!r}{hint}", str(path), line)
            )
            continue
        if project and setting.personal:
            cfg.problems.append(
                Problem(
                    "error",
                    "config-personal-key",
                    f"{key} is personal: set it in {user_config_path()}",
                    str(path),
                    line,
                )
            )
            continue
        if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
            cfg.problems.append(
                Problem(
                    "error", "config-type", f"{key} must be a {setting.kind.__name__}, got {value!r}", str(path), line
                )
            )
            continue
        choices = _CHOICES.get(key)
        if choices and value not in choices:
            cfg.problems.append(
                Problem(
                    "error",
                    "config-value",
                    f"{key} must be one of {', '.join(choices)}, got {value!r}",
                    str(path),
                    line,
                )
            )
            continue
        wrong = _wrong_value(key, value)
        if wrong:
            cfg.problems.append(Problem("error", "config-value", wrong, str(path), line))
            continue
        if key == "keymap" and isinstance(value, dict):
            value = _keymap(cfg, value, text, path, line)
        cfg.values[key] = value
        cfg.origins[key] = where


def _keymap(cfg: Config, keymap: dict[str, Any], text: str, path: Path, line: int | None) -> dict[str, str]:
    """The keymap's entries with their keys as the app names them; each refused one a problem on
    its own line (its binding keeps its default keys)."""
    good, refused = check_keymap(keymap)
    for binding_id in keymap:
        cfg.keymap_lines[binding_id] = (str(path), _entry_line(text, binding_id) or line)
    for binding_id, why in refused.items():
        cfg.problems.append(Problem("error", "config-keymap-key", why, str(path), cfg.keymap_lines[binding_id][1]))
    return good


def _entry_line(text: str, key: str) -> int | None:
    """The line of ``key = ...`` in an inline table or a table of its own (first seen)."""
    m = re.search(r"(?:^|[{,])[ \t]*(?:\"%s\"|'%s'|%s)[ \t]*=" % ((re.escape(key),) * 3), text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def keymap_binding_problems(cfg: Config, known: Collection[str]) -> list[Problem]:
    """The keymap's entries that name no binding of the app (``known``: the app's binding ids,
    which only the app knows), each on its line with the nearest id."""
    return [
        Problem("error", "config-keymap-binding", why, *cfg.keymap_lines.get(binding_id, ("", None)))
        for binding_id, why in unknown_bindings(cfg.get("keymap"), known).items()
    ]


def _wrong_value(key: str, value: Any) -> str:
    """Why a value of the right type is still wrong ("" when it is fine)."""
    if key in _POSITIVE and value <= 0:
        return f"{key} must be above 0, got {value!r}"
    if key == "go_no_go.scope":
        try:
            scope_rule(value)
        except ValueError as exc:
            return str(exc)
    if key == "keymap":
        bad = [k for k, v in value.items() if not isinstance(v, str) or not v.strip()]
        if bad:
            return f'keymap.{bad[0]} must be keys as a string, like "ctrl+z" or "u,ctrl+z"'
    return ""


def defaults() -> Config:
    """Every setting at its default (what the app uses when no file was read)."""
    return Config({s.key: s.default for s in SETTINGS}, {s.key: "default" for s in SETTINGS})


def load_config(start: Path | None = None, user_file: Path | None = None) -> Config:
    """The effective settings for a command run in ``start`` (default: the current directory)."""
    cfg = defaults()
    user = user_file or user_config_path()
    if user.is_file():
        _apply(cfg, user, "", project=False)
    found = find_project_file((start or Path.cwd()).resolve())
    if found is not None:
        path, table = found
        cfg.root = path.parent
        _apply(cfg, path, table, project=True)
    if os.environ.get("READINESS_THEME"):
        cfg.values["theme"], cfg.origins["theme"] = os.environ["READINESS_THEME"], "$READINESS_THEME"
    loader = hooks.current()
    if loader.noting():  # a kept answer that read the settings holds only while they read the same
        where = str((start or Path.cwd()).resolve())
        loader.note("settings", (where, str(user)), settings_fingerprint(Path(where), user))
    return cfg


def default_boards(cfg: Config) -> list[Path]:
    """The boards the project file names, resolved against its directory (files and directories)."""
    root = cfg.root or Path.cwd()
    out: list[Path] = []
    for entry in cfg.get("boards"):
        p = (root / str(entry)).resolve()
        out += sorted(p.glob("*.toml")) if p.is_dir() else [p]
    return out


def output_dir(cfg: Config) -> Path | None:
    """Where the app writes reports and SVG exports: ``output_dir`` resolved against the project
    file's directory (else the current one); None when it is not set (the app asks, or names the
    place it chose on screen)."""
    value = str(cfg.get("output_dir")).strip()
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else (cfg.root or Path.cwd()) / path


def scope_rule(text: str) -> dict[str, Any]:
    """``go_no_go.scope`` as the fields of a board's ``[board.go_no_go]`` it stands for: ``P0``
    (any priority), ``all``, ``milestone:ID`` or ``phase:ID``; ``""`` is none. ``ValueError`` says
    what it takes, with the nearest word."""
    word = text.strip()
    if not word:
        return {}
    if word.lower() == "all":
        return {"every_item": True}
    if word.upper() in PRIORITIES:
        return {"priorities": [word.upper()]}
    kind, sep, ident = word.partition(":")
    if sep and ident.strip() and kind.strip().lower() in ("milestone", "phase"):
        return {kind.strip().lower(): ident.strip()}
    hint = suggest(word, [*PRIORITIES, "all", "milestone:", "phase:"], "")
    return _refuse(f"go_no_go.scope must be P0, P1, P2, P3, all, milestone:ID or phase:ID, got {text!r}", hint)


def _refuse(message: str, hint: str) -> dict[str, Any]:
    raise ValueError(f"{message}; {hint}" if hint else message)


def with_settings(board: Board, cfg: Config) -> Board:
    """``board`` as every surface reads it under ``cfg``: when its ``[board.go_no_go]`` names no
    scope, the settings' ``go_no_go.scope`` is its scope. A copy; the board and its file are not
    changed (a board's own rule wins: it is the plan's word on the plan)."""
    rule = board.board.go_no_go
    given = scope_rule(str(cfg.values.get("go_no_go.scope") or ""))
    if not given or rule.every_item or rule.priorities is not None or rule.milestone or rule.phase:
        return board
    meta = board.board.model_copy(update={"go_no_go": rule.model_copy(update=given)})
    return board.model_copy(update={"board": meta})
