"""Reading files of a repository at a ref through git, with no checkout and no change to any work
tree: one ``git cat-file --batch-command`` process per repository answers every question about
every board in it.

``info`` comes first for every path, so that a blob already parsed (the caller's cache is keyed by
the blob's sha) is never sent; ``contents`` then fetches only the blobs the cache lacks. A tree
(a directory at the ref) is read the same way, which is how ``boards/*.toml`` is listed.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path


class GitReadError(Exception):
    """The repository cannot be read at all (not a git repository, git missing)."""


@dataclass(frozen=True)
class Found:
    """What ``REF:path`` names: its object id and type, or ``missing`` when the ref or the path is
    not there (``ambiguous`` for an ambiguous name)."""

    spec: str
    sha: str = ""
    kind: str = "missing"
    size: int = 0

    @property
    def exists(self) -> bool:
        return bool(self.sha)


def _run(repo: Path, args: list[str], data: bytes = b"") -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], input=data, capture_output=True, check=False)
    except OSError as exc:
        raise GitReadError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitReadError(why[-1] if why else f"git {args[0]} failed (exit {done.returncode})")
    return done.stdout


def check_repository(repo: Path) -> None:
    """Raise ``GitReadError`` with the reason when ``repo`` is not a readable git repository."""
    if not repo.is_dir():
        raise GitReadError(f"{repo}: no such directory")
    _run(repo, ["rev-parse", "--git-dir"])


class CatFile:
    """One ``git cat-file --batch-command --buffer`` in ``repo``, asked in rounds: ``info`` for
    every spec of a round, then ``contents`` for the objects the caller still needs. Object names
    are never run through a shell; a spec with a line break is refused."""

    def __init__(self, repo: Path) -> None:
        check_repository(repo)
        self.repo = repo
        try:
            self._proc = subprocess.Popen(
                ["git", "-C", str(repo), "cat-file", "--batch-command", "--buffer"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise GitReadError(f"cannot run git: {exc}") from None

    def _ask(self, verb: bytes, specs: list[str]) -> None:
        for spec in specs:
            if "\n" in spec or "\r" in spec:
                raise GitReadError(f"a path or ref with a line break cannot be read: {spec!r}")
        data = b"".join(verb + b" " + s.encode() + b"\n" for s in specs) + b"flush\n"
        assert self._proc.stdin is not None
        # Written from a thread: git may answer before it has read every question, and a full pipe
        # each way would otherwise wait forever.
        writer = threading.Thread(target=self._write, args=(data,), daemon=True)
        writer.start()
        self._writer = writer

    def _write(self, data: bytes) -> None:
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(data)
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def _header(self, spec: str) -> Found:
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            raise GitReadError(f"git cat-file stopped in {self.repo}")
        return _found(spec, line.decode("utf-8", "replace").rstrip("\n"))

    def info(self, specs: list[str]) -> dict[str, Found]:
        if not specs:
            return {}
        self._ask(b"info", specs)
        found = {spec: self._header(spec) for spec in specs}
        self._writer.join()
        return found

    def contents(self, specs: list[str]) -> dict[str, bytes]:
        """The bytes of each spec (a sha, or ``REF:path``) that names an object."""
        if not specs:
            return {}
        self._ask(b"contents", specs)
        assert self._proc.stdout is not None
        out: dict[str, bytes] = {}
        for spec in specs:
            f = self._header(spec)
            if not f.exists:
                continue
            out[spec] = self._proc.stdout.read(f.size)
            self._proc.stdout.read(1)  # the line break after the contents
        self._writer.join()
        return out

    def close(self) -> None:
        if self._proc.stdin is not None:
            try:
                self._proc.stdin.close()
            except OSError:
                pass
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._proc.wait()

    def __enter__(self) -> CatFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _found(spec: str, header: str) -> Found:
    parts = header.split()
    if len(parts) == 3 and parts[1] in ("blob", "tree", "commit", "tag"):
        return Found(spec, parts[0], parts[1], int(parts[2]))
    return Found(spec, "", parts[-1] if parts else "missing")


def tree_names(data: bytes) -> list[tuple[str, str, str]]:
    """The entries of a raw tree object: (mode, name, sha)."""
    out: list[tuple[str, str, str]] = []
    pos = 0
    while pos < len(data):
        space = data.index(b" ", pos)
        nul = data.index(b"\0", space)
        mode = data[pos:space].decode()
        name = data[space + 1 : nul].decode("utf-8", "replace")
        sha = data[nul + 1 : nul + 21].hex()
        out.append((mode, name, sha))
        pos = nul + 21
    return out


def last_changes(repo: Path, commit: str, paths: list[str]) -> dict[str, dt.datetime]:
    """When each path last changed in the history of ``commit``: one ``git log`` for them all,
    stopped as soon as every path has been seen."""
    wanted = set(paths)
    found: dict[str, dt.datetime] = {}
    if not wanted:
        return found
    args = ["git", "-C", str(repo), "log", "--format=%x01%cI", "--name-only", "--no-renames", commit, "--", *paths]
    try:
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError as exc:
        raise GitReadError(f"cannot run git: {exc}") from None
    assert proc.stdout is not None
    when: dt.datetime | None = None
    try:
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if line.startswith("\x01"):
                when = dt.datetime.fromisoformat(line[1:])
            elif line and when is not None and line in wanted and line not in found:
                found[line] = when
                if len(found) == len(wanted):
                    break
    finally:
        proc.stdout.close()
        if proc.poll() is None:
            proc.terminate()
        proc.wait()
    return found
