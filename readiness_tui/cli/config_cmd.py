"""``readiness config [--json]``: the effective settings and where each came from."""

from __future__ import annotations

import json

import click

from readiness_tui.cli.common import EXIT_PROBLEMS


@click.command("config")
@click.option("--json", "as_json", is_flag=True, help="Settings, origins and problems as JSON.")
def config_cmd(as_json: bool) -> None:
    """Print every setting, its value and its origin (default, the user's file or the project's:
    `.readiness.toml` or `[tool.readiness]` in pyproject.toml). Exit 1 when a file has a problem."""
    from readiness_tui.core.settings.config import SETTINGS, load_config, user_config_path

    cfg = load_config()
    if cfg.get("keymap"):
        # Only the app knows its binding ids (each pane's and screen's bindings): read them from
        # it, as the app does, when there is a keymap to check.
        from readiness_tui.core.settings.config import keymap_binding_problems
        from readiness_tui.ui.actions import binding_ids

        cfg.problems += keymap_binding_problems(cfg, binding_ids())
    if as_json:
        click.echo(
            json.dumps(
                {
                    "format_version": 1,
                    "settings": {s.key: {"value": cfg.values[s.key], "origin": cfg.origins[s.key]} for s in SETTINGS},
                    "problems": [p.format() for p in cfg.problems],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        width = max(len(s.key) for s in SETTINGS)
        for s in SETTINGS:
            click.echo(
                f"{s.key:<{width}}  = {json.dumps(cfg.values[s.key], ensure_ascii=False)}  ({cfg.origins[s.key]})"
            )
        click.echo(f"user file: {user_config_path()}", err=True)
        for p in cfg.problems:
            click.echo(p.format(), err=True)
    if cfg.problems:
        raise SystemExit(EXIT_PROBLEMS)
