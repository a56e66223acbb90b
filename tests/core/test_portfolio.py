"""``readiness portfolio``: many boards read at a ref through real git, one row each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.cache.portfolio import PortfolioCache
from readiness_tui.core.filters.values import FilterError
from readiness_tui.core.portfolio import (
    ReadStats,
    from_clones,
    from_directory,
    from_file,
    read_portfolio,
    select,
    train_decision,
)
from tests.core.portfolio_repos import Repos, board_text


@pytest.fixture
def repos(tmp_path: Path) -> Repos:
    return Repos(tmp_path)


def _run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_reads_origin_main_while_the_work_tree_holds_another_branch(repos: Repos) -> None:
    clone = repos.service("pay", {"boards/launch.toml": board_text("Pay", ["done", "done", "done"])})
    # A feature branch checked out, with a board that is not ready, and an uncommitted edit on top.
    repos.git(clone, "checkout", "-q", "-b", "feature")
    repos.commit(
        clone,
        {"boards/launch.toml": board_text("Pay", ["todo", "blocked", "done"])},
        "wip",
        "2026-02-05T10:00:00+00:00",
    )
    (clone / "boards" / "launch.toml").write_text("not toml [", encoding="utf-8")
    before = repos.status(clone)

    code, out, err = _run("portfolio", str(clone), "--json")

    assert code == 0, err
    doc = json.loads(out)
    (row,) = doc["boards"]
    assert (row["ref"], row["path"], row["read_only"]) == ("origin/main", "boards/launch.toml", True)
    assert (row["verdict"], row["done"], row["total"], row["blocked"]) == ("GO", 3, 3, 0)
    assert row["changed"].startswith("2026-02-01")
    assert row["blob"] == repos.git(clone, "rev-parse", "origin/main:boards/launch.toml").strip()
    # Nothing was checked out or written in the clone.
    assert repos.status(clone) == before
    assert (clone / "boards" / "launch.toml").read_text(encoding="utf-8") == "not toml ["


def test_a_new_commit_on_one_repository_changes_only_its_row(repos: Repos, tmp_path: Path) -> None:
    clones = [
        repos.service(name, {"boards/plan.toml": board_text(name, ["todo", "done"])}) for name in ("api", "db", "web")
    ]
    cache = PortfolioCache(tmp_path / "cache" / "portfolio.cache")
    entries = from_clones(clones)
    first = read_portfolio(entries, cache)
    cache.save()

    repos.commit(
        clones[1],
        {"boards/plan.toml": board_text("db", ["done", "done"])},
        "ship",
        "2026-02-10T10:00:00+00:00",
        push=True,
    )
    cache = PortfolioCache(tmp_path / "cache" / "portfolio.cache")
    stats = ReadStats()
    second = read_portfolio(entries, cache, stats)

    before = {r.name: r.to_json() for r in first}
    after = {r.name: r.to_json() for r in second}
    assert after["api/plan"] == before["api/plan"]
    assert after["web/plan"] == before["web/plan"]
    assert (before["db/plan"]["verdict"], after["db/plan"]["verdict"]) == ("NO-GO", "GO")
    assert after["db/plan"]["changed"].startswith("2026-02-10")
    # Only the changed blob was parsed again; one cat-file per repository.
    assert (stats.parsed, stats.cached) == (1, 2)
    assert len(stats.repositories) == 3


def test_a_broken_board_is_one_row_with_its_located_error(repos: Repos) -> None:
    broken = board_text("Svc", ["done"]).replace('status = "done"', 'status = "nope"')
    clone = repos.service("svc", {"boards/good.toml": board_text("Svc", ["done"]), "boards/bad.toml": broken})

    code, out, err = _run("portfolio", str(clone), str(repos.root / "gone"), "--json")

    assert code == 0, err
    rows = {r["name"]: r for r in json.loads(out)["boards"]}
    assert rows["svc/good"]["verdict"] == "GO"
    bad = rows["svc/bad"]
    assert bad["verdict"] == "ERROR"
    line = broken.splitlines().index('status = "nope"') + 1
    # The file as read (clone, ref and path), its line, the record and field.
    assert f"svc@origin/main:boards/bad.toml:{line}: ERROR" in bad["error"]
    assert "T-1: status" in bad["error"]
    assert "no such directory" in rows["gone"]["error"]


def test_a_ref_that_does_not_exist_is_its_rows_error(repos: Repos, tmp_path: Path) -> None:
    clone = repos.service("api", {"boards/plan.toml": board_text("api", ["done"])})
    file = tmp_path / "portfolio.toml"
    file.write_text(
        '[portfolio]\ntitle = "Train 4"\n\n'
        f'[[boards]]\nrepo = "{clone}"\npath = "boards/plan.toml"\nref = "origin/release-9"\n\n'
        f'[[boards]]\nrepo = "{clone}"\npath = "boards/plan.toml"\nowner = "@api"\n\n'
        '[[boards]]\npath = "boards/x.toml"\n',
        encoding="utf-8",
    )
    title, entries = from_file(file)
    rows = read_portfolio(entries)
    assert title == "Train 4"
    assert [r.verdict for r in rows] == ["ERROR", "GO", "ERROR"]
    assert rows[0].error == f"api@origin/release-9:boards/plan.toml: no ref 'origin/release-9' in {clone}"
    assert rows[2].error == f"{file}:14: boards[3].repo: missing: name the clone to read (a path relative to this file)"
    decision = train_decision(rows)
    assert (decision.go, [r.name for r in decision.not_ready]) == (False, ["api/plan", "boards[3]"])
    assert [r.name for r in select(rows, "owner:@api go")] == ["api/plan"]


def test_train_go_no_go_exit_code(repos: Repos) -> None:
    ready = repos.service("a", {"boards/plan.toml": board_text("a", ["done"])})
    late = repos.service("b", {"boards/plan.toml": board_text("b", ["todo"])})

    assert _run("portfolio", str(ready), "--go-no-go")[:2] == (0, "GO: all 1 boards are ready\n")
    code, out, _ = _run("portfolio", str(ready), str(late), "--go-no-go")
    assert code == 1
    assert out.splitlines() == ["NO-GO: 1 of 2 boards are not ready", "  b/plan: NO-GO: P0 T-1 is not done (todo)"]


def test_levels_and_the_filter_one_level_up(repos: Repos) -> None:
    bronze = repos.service("bronze", {"boards/plan.toml": board_text("bronze", ["done", "todo"], levels=True)})
    gold = repos.service("gold", {"boards/plan.toml": board_text("gold", ["done", "done", "done"], levels=True)})
    plain = repos.service("plain", {"boards/plan.toml": board_text("plain", ["todo"])})
    rows = read_portfolio(from_clones([bronze, gold, plain]))

    assert [r.level.reached for r in rows] == ["bronze", "gold", ""]
    assert [r.name for r in select(rows, "level:<silver")] == ["bronze/plan"]
    assert [r.name for r in select(rows, "level>=silver OR nogo -level:bronze")] == ["gold/plan", "plain/plan"]
    assert [r.name for r in select(rows, "@plain")] == ["plain/plan"]
    with pytest.raises(FilterError, match="column 1: unknown field 'levle'"):
        select(rows, "levle:gold")


def test_a_directory_tree_of_boards_is_read_from_disk(tmp_path: Path) -> None:
    (tmp_path / "teams" / "a").mkdir(parents=True)
    (tmp_path / "teams" / "a" / "plan.toml").write_text(board_text("a", ["done"]), encoding="utf-8")
    (tmp_path / "teams" / "settings.toml").write_text('theme = "x"\n', encoding="utf-8")  # not a board
    rows = read_portfolio(from_directory(tmp_path))
    assert [(r.name, r.verdict, r.entry.read_only) for r in rows] == [("teams/a/plan", "GO", False)]


def test_md_and_html_say_the_same(repos: Repos) -> None:
    broken = board_text("bad", ["done"]).replace('status = "done"', 'status = "<b>x</b>"')
    clone = repos.service("web", {"boards/plan.toml": board_text("web", ["todo"]), "boards/zbad.toml": broken})
    code, md, _ = _run("portfolio", str(clone), "-f", "md")
    assert code == 0
    assert "**NO-GO: 2 of 2 boards are not ready**" in md
    assert "| web/plan | NO-GO |  | 0/1 | 0/0 | 0/0 | 0 | 1 item |" in md
    assert "## Boards that could not be read" in md
    code, html, _ = _run("portfolio", str(clone), "-f", "html")
    assert code == 0
    assert "default-src 'none'" in html
    assert '<td class="nogo">NO-GO</td>' in html
    # What comes from a board is escaped.
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
