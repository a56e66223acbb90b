"""The guided import screen: relabel blocks and columns of a corpus plan, see the board change, save the
board and its recipe, and have ``import --merge`` (headless, a real subprocess) apply the relabels again."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static
from ui_helpers import guide_status, open_guide, settle_guide

from readiness_tui.core.importers.guided.guide import COLUMN_CHOICES
from readiness_tui.core.importers.guided.recipe import COLUMN_FIELDS
from readiness_tui.core.importers.guided.recipe_file import load_recipe
from readiness_tui.ui.screens import import_guide
from readiness_tui.ui.screens.import_guide import ImportGuideApp, ImportGuideScreen

PLAN = Path(__file__).parents[1] / "fixtures" / "corpus" / "holdout4" / "kanban_issue_links.md"
SIZE = (120, 40)


def _guide(tmp_path: Path) -> tuple[ImportGuideApp, ImportGuideScreen, Path]:
    return open_guide(PLAN, tmp_path)  # type: ignore[no-any-return]


_settle = settle_guide


async def _to_line(screen: ImportGuideScreen, pilot, line: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(len(screen.marks)):
        if screen.current is not None and screen.current.line == line:
            return
        await pilot.press("down")
    raise AssertionError(f"no block at line {line}")


#: The board side's item columns in the order these tests index them, whatever order the screen draws them in.
_FIELDS = ("id", "title", "status", "owner", "deps")


def _rows(screen: ImportGuideScreen) -> dict[str, list[str]]:
    table = screen.query_one("#board", DataTable)
    labels = [str(c.label) for c in table.ordered_columns]
    rows = (dict(zip(labels, map(str, table.get_row_at(n)), strict=True)) for n in range(table.row_count))
    return {row["id"]: [row[f] for f in _FIELDS] for row in rows}


async def _relabel(app: ImportGuideApp, screen: ImportGuideScreen, pilot) -> None:  # type: ignore[no-untyped-def]
    await _settle(app, pilot)
    await _to_line(screen, pilot, 21)  # the "Blocked" table
    await pilot.press("r")
    await _settle(app, pilot)
    await pilot.press("c", "2")  # the column picker: Issue, Area, Notes
    await pilot.pause()
    await pilot.press("1")  # owner
    await _settle(app, pilot)


async def test_relabel_save_and_merge_again(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        before = _rows(screen)
        assert "#11" in before and before["#7"][3] == ""  # Area is read as a workstream, not an owner
        await _relabel(app, screen, pilot)
        after = _rows(screen)
        assert "#11" not in after and "#12" not in after  # the Blocked table is risks now
        assert after["#7"][3] == "core"  # Area is the owner
        assert screen.current is not None and screen.current.kind == "risks"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.return_value is not None and f"wrote {board} (6 items)" in app.return_value
    data = tomllib.loads(board.read_text(encoding="utf-8"))
    assert [r["id"] for r in data["risks"]] == ["#11", "#12"]
    assert {i["id"]: i.get("owner") for i in data["items"]}["#7"] == "core"
    recipe = load_recipe(tmp_path / "board.import.toml")
    assert (recipe.sections, recipe.columns) == ({"blocked": "risks"}, {"area": "owner"})

    # A revised plan: one more row under Blocked and one under Up next; --merge applies the recipe again.
    plan = tmp_path / PLAN.name
    text = plan.read_text(encoding="utf-8").replace(
        "| cloud | Blocked by #9, #7 |\n",
        "| cloud | Blocked by #9, #7 |\n| [#15 GCS upload](https://github.com/acme/exporter/issues/15) | cloud | |\n",
    )
    plan.write_text(text + "| [#16 Retry uploads](https://github.com/acme/exporter/issues/16) | net | |\n")
    done = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "import", str(plan), "--merge", str(board)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "[sections] 'blocked' = 'risks' applied" in done.stderr
    merged = tomllib.loads(board.read_text(encoding="utf-8"))
    items = {i["id"]: i for i in merged["items"]}
    assert items["#16"]["owner"] == "net"
    assert "#15" not in items and "#15" in [r["id"] for r in merged.get("risks", [])]


async def test_leaving_with_relabels_asks_and_writes_nothing(tmp_path: Path) -> None:
    app, screen, board = _guide(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _relabel(app, screen, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen  # the question
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_value is None
    assert not board.exists() and not (tmp_path / "board.import.toml").exists()


async def test_a_failed_reimport_is_shown_and_not_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, screen, board = _guide(tmp_path)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("reader broke")

    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        monkeypatch.setattr(import_guide, "import_markdown", broken)
        await _to_line(screen, pilot, 21)
        await pilot.press("x")
        await _settle(app, pilot)
        assert "re-import failed: RuntimeError: reader broke" in str(screen.query_one("#status", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "nothing written" in str(screen.query_one("#status", Static).render())
    assert not board.exists()


def test_guide_snapshot(tmp_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    plan_copy = tmp_path / PLAN.name
    shutil.copy(PLAN, plan_copy)
    # A fixed output path, so the status line in the snapshot does not name a temporary directory.
    screen = ImportGuideScreen(PLAN.read_text(encoding="utf-8"), PLAN.name, Path("board.toml"))
    app = ImportGuideApp(screen)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _relabel(app, screen, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _in_terminal(args: list[str], cwd: Path, keys: bytes, wait_for: bytes) -> tuple[int, bytes]:
    """Run ``readiness import`` on a pseudo-terminal (Textual draws on stderr, so all three streams are it);
    send ``keys`` once ``wait_for`` was drawn. Returns the exit code and what reached the terminal."""
    import os
    import pty
    import select

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "LINES": "40", "TERM": "xterm-256color"}
    env.pop("CI", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "readiness_tui", "import", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env=env,
    )
    os.close(slave)
    seen, sent = b"", False
    while proc.poll() is None:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            proc.kill()
            raise AssertionError(f"no output from the terminal; so far: {seen[-400:]!r}")
        try:
            seen += os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not sent and wait_for in seen:
            os.write(master, keys)
            sent = True
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, seen


def test_a_terminal_opens_the_guide_and_no_guide_keeps_it_headless(tmp_path: Path) -> None:
    shutil.copy(PLAN, tmp_path / "plan.md")
    code, seen = _in_terminal(["plan.md"], tmp_path, b"q", b"writes")
    assert code == 1, seen[-400:]
    assert b"left the import guide; nothing written" in seen and b"Risks" in seen
    assert not (tmp_path / "plan.toml").exists()

    code, seen = _in_terminal(["plan.md", "--no-guide"], tmp_path, b"", b"\x00never")
    assert code == 0, seen[-400:]
    assert b"[[items]]" in seen and b"imported items=8" in seen


VERDICTS = Path(__file__).parents[1] / "fixtures" / "corpus" / "verdict_acceptance.md"


async def test_a_status_word_of_the_plan_is_mapped_and_saved(tmp_path: Path) -> None:
    from readiness_tui.core.importers import import_markdown

    plan = tmp_path / VERDICTS.name
    shutil.copy(VERDICTS, plan)
    board = tmp_path / "board.toml"
    screen = ImportGuideScreen(plan.read_text(encoding="utf-8"), plan.name, board)
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert _rows(screen)["R2"][2] == "in_progress"  # PARTIAL, read by the built-in scale
        await _to_line(screen, pilot, 7)  # the table with the Verdict column
        await pilot.press("s", "2")  # the words: COMPLETE, PARTIAL, DROPPED
        await pilot.pause()
        await pilot.press("4")  # todo, in_progress, blocked, review
        await _settle(app, pilot)
        assert _rows(screen)["R2"][2] == "review"
        assert _rows(screen)["R1"][2] == "done"
        await pilot.press("ctrl+s")
        await pilot.pause()
    recipe = load_recipe(tmp_path / "board.import.toml")
    assert recipe.statuses == {"partial": "review"}
    again = import_markdown(plan.read_text(encoding="utf-8"), plan.name, recipe=recipe)
    assert again.board is not None and {i.id: i.status for i in again.board.items}["R2"] == "review"


async def test_the_status_key_on_a_block_without_status_words_says_so(tmp_path: Path) -> None:
    plan = tmp_path / VERDICTS.name
    shutil.copy(VERDICTS, plan)
    screen = ImportGuideScreen(plan.read_text(encoding="utf-8"), plan.name, tmp_path / "board.toml")
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await _to_line(screen, pilot, 15)  # the Acceptance checklist
        await pilot.press("s")
        await pilot.pause()
        status = screen.query_one("#status", Static)
        assert "move to a block that has one" in str(status.render())
        assert screen.recipe.statuses == {}


MARKS = Path(__file__).parents[1] / "fixtures" / "recipes" / "mixed_status_marks.md"


async def test_a_status_mark_is_mapped_alone_and_saved_as_written(tmp_path: Path) -> None:
    plan = tmp_path / MARKS.name
    shutil.copy(MARKS, plan)
    screen = ImportGuideScreen(plan.read_text(encoding="utf-8"), plan.name, tmp_path / "board.toml")
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert _rows(screen)["L2"][2] == "blocked"  # the built-in reading of a red mark
        await _to_line(screen, pilot, 3)  # the table
        await pilot.press("s", "2")  # the words: ✅, 🔴, 🟡
        await pilot.pause()
        await pilot.press("1")  # todo
        await _settle(app, pilot)
        rows = _rows(screen)
        assert [rows[i][2] for i in ("L1", "L2", "L3", "L4")] == ["done", "todo", "in_progress", "done"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_recipe(tmp_path / "board.import.toml").statuses == {"🔴": "todo"}


TEXT_SECTION = Path(__file__).parents[1] / "fixtures" / "recipes" / "text_section_table.md"


async def test_text_on_a_section_with_a_table_leaves_no_items_of_it(tmp_path: Path) -> None:
    plan = tmp_path / TEXT_SECTION.name
    shutil.copy(TEXT_SECTION, plan)
    screen = ImportGuideScreen(plan.read_text(encoding="utf-8"), plan.name, tmp_path / "board.toml")
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert {"C-1", "K-1", "H-1", "FU-1"} <= set(_rows(screen))
        await _to_line(screen, pilot, 8)  # "## Kickoff"
        await pilot.press("t")
        await _settle(app, pilot)
        assert set(_rows(screen)) == {"R-1", "R-2"}
        await _to_line(screen, pilot, 10)  # its table
        assert screen.current is not None and screen.current.kind == "text"


BRINGUP = Path(__file__).parents[1] / "fixtures" / "recipes" / "milestones_and_followups.md"


async def test_items_on_a_milestone_table_and_an_id_less_checklist(tmp_path: Path) -> None:
    plan = tmp_path / BRINGUP.name
    shutil.copy(BRINGUP, plan)
    screen = ImportGuideScreen(plan.read_text(encoding="utf-8"), plan.name, tmp_path / "board.toml")
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert set(_rows(screen)) == {"1.1", "1.2"}
        await _to_line(screen, pilot, 11)  # "## Milestone Schedule"
        await pilot.press("i")
        await _settle(app, pilot)
        await _to_line(screen, pilot, 18)  # "## Follow-up"
        await pilot.press("i")
        await _settle(app, pilot)
        rows = _rows(screen)
        assert set(rows) == {"1.1", "1.2", "M1", "M2", "FU-1", "FU-2"}
        assert (rows["FU-1"][2], rows["FU-2"][2]) == ("todo", "done")
        await pilot.press("ctrl+s")
        await pilot.pause()
    recipe = load_recipe(tmp_path / "board.import.toml")
    assert recipe.sections == {"milestone schedule": "items", "follow up": "items"}


BLOCKS = Path(__file__).parents[1] / "fixtures" / "recipes" / "blocks_columns.md"


async def test_a_column_relabelled_as_what_the_row_blocks(tmp_path: Path) -> None:
    plan = tmp_path / BLOCKS.name
    shutil.copy(BLOCKS, plan)
    screen = ImportGuideScreen(plan.read_text(encoding="utf-8"), plan.name, tmp_path / "board.toml")
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert (_rows(screen)["S3"][4], _rows(screen)["S2"][4]) == ("S1", "S1")  # S1's Blocks cell, read once
        await _to_line(screen, pilot, 14)  # the Blockers table
        await pilot.press("c", "4")  # the column picker: ID, What, Who, Opens
        await pilot.pause()
        await pilot.press("3")  # owner, depends_on, blocks
        await _settle(app, pilot)
        assert _rows(screen)["S3"][4] == "S1, B1"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_recipe(tmp_path / "board.import.toml").columns == {"opens": "blocks"}


RISK_PLAN = """# Launch plan

## Tasks

| ID | Task | Owner | Status |
|----|------|-------|--------|
| T1 | Back up the database | Ana | todo |
| T2 | Rotate the keys | Luis | done |

## Risks

| Risk | Impact | Handled in |
|------|--------|------------|
| Data loss during cutover | High | T1 |
| Leaked credentials | Medium | T2 |
"""


async def test_the_column_picker_offers_every_field_a_recipe_takes(tmp_path: Path) -> None:
    """A risk table's column can be made the items that mitigate each risk from the screen, as in a recipe file."""
    plan = tmp_path / "launch.md"
    plan.write_text(RISK_PLAN, encoding="utf-8")
    board = tmp_path / "board.toml"
    screen = ImportGuideScreen(RISK_PLAN, plan.name, board)
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await _to_line(screen, pilot, 12)  # the risk table
        await pilot.press("c", "3")  # the column picker: Risk, Impact, Handled in
        await pilot.pause()
        menu = app.screen.query_one(OptionList)
        offered = [str(menu.get_option_at_index(n).prompt).split()[1] for n in range(menu.option_count)]
        assert offered == list(COLUMN_CHOICES) and set(offered) == set(COLUMN_FIELDS)
        await pilot.press("d")  # mitigated_by, the fourteenth field
        await _settle(app, pilot)
        assert screen.result is not None and screen.result.board is not None
        assert {r.title: r.mitigated_by for r in screen.result.board.risks} == {
            "Data loss during cutover": ["T1"],
            "Leaked credentials": ["T2"],
        }
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_recipe(tmp_path / "board.import.toml").columns == {"handled in": "mitigated_by"}
    risks = tomllib.loads(board.read_text(encoding="utf-8"))["risks"]
    assert [r["mitigated_by"] for r in risks] == [["T1"], ["T2"]]


async def test_the_board_side_shows_whole_titles_after_each_import(tmp_path: Path) -> None:
    """Rows filled in after the first paint are drawn at their own widths, not cut to the header's."""
    screen = ImportGuideScreen(RISK_PLAN, "launch.md", tmp_path / "board.toml")
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        table = screen.query_one("#board", DataTable)
        drawn = [table.render_line(y).text for y in range(1, 3)]  # under the header
        assert [line.split() for line in drawn] == [
            ["T1", "todo", "Ana", "Back", "up", "the", "database"],
            ["T2", "done", "Luis", "Rotate", "the", "keys"],
        ]


async def test_a_priority_word_of_the_plan_is_mapped_and_saved(tmp_path: Path) -> None:
    # "最高" (highest) is no word of the built-in scale; "高" is (P1). P maps the plan's own word once.
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# 計画\n\n## タスク\n\n| ID | タスク | 優先度 |\n|---|---|---|\n| T-1 | 設計 | 最高 |\n| T-2 | 実装 | 高 |\n"
        "| T-3 | 試験 | 最高 |\n",
        encoding="utf-8",
    )
    board = tmp_path / "board.toml"
    screen = ImportGuideScreen(plan.read_text(encoding="utf-8"), plan.name, board)
    app = ImportGuideApp(screen)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        await _to_line(screen, pilot, 5)  # the table with the priority column
        await pilot.press("P")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert [p.split("  ", 1)[1] for p in prompts] == ["最高  (read as nothing)", "高  (read as P1)"]
        await pilot.press("1")  # 最高
        await pilot.pause()
        await pilot.press("1")  # P0, P1, P2, P3
        await _settle(app, pilot)
        assert "1 relabel ·" in str(screen.query_one("#status", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    recipe = load_recipe(tmp_path / "board.import.toml")
    assert recipe.priorities == {"最高": "P0"}
    items = {i["id"]: i.get("priority") for i in tomllib.loads(board.read_text(encoding="utf-8"))["items"]}
    assert items == {"T-1": "P0", "T-2": "P1", "T-3": "P0"}


LEAD_INS = Path(__file__).parents[1] / "fixtures" / "recipes" / "lead_in_lists.md"


async def test_l_on_a_list_led_in_by_a_label_relabels_every_list_it_leads_in(tmp_path: Path) -> None:
    app, screen, board = open_guide(LEAD_INS, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert len(_rows(screen)) == 6  # the checks of each step read as work
        await _to_line(screen, pilot, 5)  # "### Vault infrastructure": a heading, no list
        await pilot.press("l")
        await pilot.pause()
        assert "move to such a list first" in guide_status(screen)
        await _to_line(screen, pilot, 12)  # the first "**Checklist**:" list
        await pilot.press("l")
        await _settle(app, pilot)
        assert [row[1] for row in _rows(screen).values()] == [
            "Apply the manifests",
            "Unseal the vault",
            "Run the populate script",
        ]
        assert screen.current is not None and screen.current.kind == "text"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_recipe(tmp_path / "board.import.toml").lists == {"checklist": "text"}
    saved = tomllib.loads(board.read_text(encoding="utf-8"))
    assert [i["title"] for i in saved["items"]] == [
        "Apply the manifests",
        "Unseal the vault",
        "Run the populate script",
    ]
    assert any("Vault pod is running" in s["body"] for s in saved["sections"])  # kept, as the section's text


RUNBOOK = Path(__file__).parents[1] / "fixtures" / "recipes" / "runbook_parts.md"


async def test_h_makes_each_heading_beside_the_cursors_an_item(tmp_path: Path) -> None:
    app, screen, board = open_guide(RUNBOOK, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        assert "Hostname" in [row[1] for row in _rows(screen).values()]  # a plan of plain lists: bullets are work
        await _to_line(screen, pilot, 3)  # "# Prerequisites": nothing above it to relabel
        await pilot.press("h")
        await pilot.pause()
        assert "move under a heading that has one above it" in guide_status(screen)
        await _to_line(screen, pilot, 11)  # the bullets under "## Systems to be built"
        await pilot.press("h")
        await _settle(app, pilot)
        assert [row[1] for row in _rows(screen).values()] == ["License Keys", "Systems to be built"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_recipe(tmp_path / "board.import.toml").sections == {"prerequisites": "headings"}
    saved = tomllib.loads(board.read_text(encoding="utf-8"))
    assert [i["title"] for i in saved["items"]] == ["License Keys", "Systems to be built"]


async def test_i_on_the_list_under_the_title_makes_it_items_and_saves_the_label(tmp_path: Path) -> None:
    plan = tmp_path / "src" / "billing.md"
    plan.parent.mkdir()
    plan.write_text(
        "# Billing plan\n\n- Draft the rollout\n- Book the review\n\n## Tasks\n\n- Add the invoice table\n- Move refunds\n",
        encoding="utf-8",
    )
    app, screen, board = open_guide(plan, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        titles = [row[1] for row in _rows(screen).values()]
        assert "Draft the rollout" not in titles  # the list under the title: its introduction
        await _to_line(screen, pilot, 3)
        await pilot.press("i")
        await _settle(app, pilot)
        assert [row[1] for row in _rows(screen).values()][:2] == ["Draft the rollout", "Book the review"]
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
    assert '"billing plan" = "items"' in (tmp_path / "board.import.toml").read_text(encoding="utf-8")
    assert "Draft the rollout" in board.read_text(encoding="utf-8")
