"""A damaged cache file never changes what a command prints: every entry (the parse cache's board,
its kept analysis, a kept answer) carries a digest of its own payload, and an entry whose bytes are
not those it was written with is a miss, computed again and written anew."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.bench.generate import generate_board_text
from readiness_tui.cli import cli
from readiness_tui.core.cache import answers as answer_cache
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache.files import cache_root

pytestmark = pytest.mark.usefixtures("answers_on")  # the caches on, as the CLI has them (conftest)

COMMANDS = (("order", "--json"), ("export", "-f", "json"), ("lint",))


def run(*args: str, answers: bool = True) -> tuple[int, str, str]:
    """The command in process, then the caches' writes (the CLI makes them in a child, after)."""
    env = None if answers else {answer_cache.OFF_ENV: "1"}
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    caches.flush()
    return result.exit_code, result.stdout, result.stderr


def cache_files(suffix: str) -> list[Path]:
    return sorted(cache_root().rglob(f"*{suffix}"))


def flipped(path: Path, at: int) -> bytes:
    """Flip one bit of the byte at ``at``; the bytes before, to put back."""
    data = path.read_bytes()
    damaged = bytearray(data)
    damaged[at] ^= 0x20
    path.write_bytes(bytes(damaged))
    return data


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(generate_board_text(60), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".pickle", ".seed", ".answer"])
def test_a_flipped_byte_in_any_cache_file_changes_no_output(board: Path, suffix: str) -> None:
    answers = suffix == ".answer"  # else the answer cache is off, so that the command reads the entry
    want = {words: run(*words, str(board), answers=False) for words in COMMANDS}
    for words in COMMANDS:
        run(*words, str(board), answers=answers)
    files = cache_files(suffix)
    assert files, f"no {suffix} file was written"
    rng = random.Random(suffix)
    for path in files:
        size = path.stat().st_size
        # The first bytes (header, seals) and positions all through the payload.
        for at in sorted({0, 1, size // 3, size // 2, size - 1, *rng.sample(range(size), 12)}):
            before = flipped(path, at)
            for words in COMMANDS:
                assert run(*words, str(board), answers=answers) == want[words], (path.name, at, words)
            # The damaged entry was a miss and was written anew, or is still there, damaged, and
            # still a miss: either way put the sound one back for the next position.
            path.write_bytes(before)


def test_a_damaged_answer_is_written_again(board: Path) -> None:
    want = run("order", "--json", str(board))
    (entry,) = cache_files(".answer")
    sound = entry.read_bytes()
    flipped(entry, len(sound) - 3)
    assert run("order", "--json", str(board)) == want
    assert entry.read_bytes() == sound
