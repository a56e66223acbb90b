"""Real git repositories for the portfolio's tests: a bare origin per service, a clone whose
``origin/main`` holds the board, and branches and commits on top."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def board_text(title: str, statuses: list[str], levels: bool = False, extra: str = "") -> str:
    """A board of one item per status; with ``levels``, the ladder bronze < silver < gold and a
    gate per item at the level of its place (1: bronze, 2: silver, 3: gold), whose evidence is
    there at the ref when the item is done and missing otherwise."""
    ladder = ("bronze", "silver", "gold")
    out = [f'[board]\ntitle = "{title}"\n' + ('levels = ["bronze", "silver", "gold"]\n' if levels else "")]
    for n, status in enumerate(statuses, 1):
        prio = "P0" if n == 1 else "P1" if n == 2 else "P2"
        item = (
            f'[[items]]\nid = "T-{n}"\ntitle = "Task {n}"\nstatus = "{status}"\npriority = "{prio}"\n'
            f'owner = "@{title.lower()}"\n'
        )
        if levels:
            evidence = "boards/plan.toml" if status == "done" else "reports/missing.xml"
            item += f'[items.gate]\nlevel = "{ladder[min(n, 3) - 1]}"\nevidence = ["{evidence}"]\n'
        out.append(item)
    return "\n".join(out) + extra


class Repos:
    """Repositories under ``root``, with a fixed author and no user or system git config."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = dict(os.environ)
        self.env.update(
            GIT_AUTHOR_NAME="Ada",
            GIT_AUTHOR_EMAIL="ada@example.invalid",
            GIT_COMMITTER_NAME="Ada",
            GIT_COMMITTER_EMAIL="ada@example.invalid",
            GIT_CONFIG_NOSYSTEM="1",
            GIT_CONFIG_GLOBAL=os.devnull,
        )

    def git(self, where: Path, *args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(where), *args], env=self.env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def service(self, name: str, boards: dict[str, str], date: str = "2026-02-01T10:00:00+00:00") -> Path:
        """A clone of a new bare origin, with ``boards`` committed on main and pushed."""
        origin = self.root / f"{name}.git"
        self.git(self.root, "init", "-q", "--bare", "-b", "main", str(origin))
        clone = self.root / name
        self.git(self.root, "clone", "-q", str(origin), str(clone))
        self.git(clone, "checkout", "-q", "-b", "main")
        self.commit(clone, boards, "boards", date, push=True)
        return clone

    def commit(self, clone: Path, files: dict[str, str], message: str, date: str, push: bool = False) -> str:
        for rel, text in files.items():
            path = clone / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self.git(clone, "add", "-A")
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        subprocess.run(
            ["git", "-C", str(clone), "commit", "-q", "-m", message],
            env={**self.env, **env},
            check=True,
            capture_output=True,
        )
        if push:
            self.git(clone, "push", "-q", "origin", "HEAD:main")
            self.git(clone, "fetch", "-q", "origin")
        return self.git(clone, "rev-parse", "HEAD").strip()

    def status(self, clone: Path) -> str:
        """What ``git status`` and HEAD say: a read must leave both as they were."""
        return self.git(clone, "status", "--porcelain=v1", "--branch") + self.git(clone, "rev-parse", "HEAD")
