"""``readiness merge-driver board|history BASE OURS THEIRS [PATH]``: what git runs (see git-setup).

Git hands three temp files; the result goes into OURS. Exit 0: merged clean. Exit 1: merged with
conflicts recorded in the board (git then reports the file as conflicted).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _git_out(*args: str) -> str:
    import subprocess

    try:
        res = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return res.stdout.strip() if res.returncode == 0 else ""


def side_names() -> tuple[str, str]:
    """Branch names for ours and theirs where git tells them, else "ours"/"theirs"."""
    ours = _git_out("symbolic-ref", "--quiet", "--short", "HEAD") or "ours"
    theirs = ""
    # git merge exports GITHEAD_<sha>=<name> for the commits it merges (marker labels).
    for key, value in os.environ.items():
        if key.startswith("GITHEAD_") and value and value != ours:
            theirs = value
    if not theirs:
        for ref in ("MERGE_HEAD", "CHERRY_PICK_HEAD", "REBASE_HEAD"):
            if _git_out("rev-parse", "--quiet", "--verify", ref):
                theirs = _git_out("name-rev", "--name-only", "--no-undefined", ref) or ref
                break
    return ours, theirs or "theirs"


@click.command("merge-driver", hidden=True)
@click.argument("kind", type=click.Choice(["board", "history"]))
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("path", required=False, default="")
def merge_driver(kind: str, base: Path, ours: Path, theirs: Path, path: str) -> None:
    """Merge one board or history file for git (writes the result into OURS)."""
    o, a, b = _read(base), _read(ours), _read(theirs)
    names = side_names()
    if kind == "history":
        from readiness_tui.core.audit import dag as history_dag
        from readiness_tui.core.audit import default_actor

        # Who merges: the committer git will record, else git's user.name, else the usual actor.
        actor = (
            os.environ.get("GIT_COMMITTER_NAME")
            or _git_out("config", "user.name")
            or default_actor(Path(path) if path else None)
        )
        merged = history_dag.merge(o, a, b, actor=actor, sides=names)
        ours.write_text(merged, encoding="utf-8")
        return
    import rtoml

    from readiness_tui.core.gitmerge import merge_boards

    try:
        res = merge_boards(o, a, b, *names)
    except rtoml.TomlParsingError as exc:
        # Leave OURS as it is: git keeps the file conflicted and the user merges by hand.
        click.echo(f"readiness: {path or ours}: cannot merge by record, a side is not valid TOML: {exc}", err=True)
        sys.exit(2)
    ours.write_text(res.text, encoding="utf-8")
    if res.conflicts:
        for c in res.conflicts:
            click.echo(f"readiness: {path or ours}: conflict: {c.kind} {c.id} field {c.field}", err=True)
        click.echo(f"readiness: resolve with `readiness resolve {path or 'BOARD'}`", err=True)
        sys.exit(1)
