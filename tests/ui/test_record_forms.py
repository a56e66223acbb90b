"""Risks, phases, milestones, waivers, deliverables and an item's acceptance edited from the panes
that show them: keys in, the form, then the screen, the board file and its history checked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static, TextArea
from ui_helpers import wait_for

from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.panes.plan import PlanPane
from readiness_tui.ui.panes.risks import RiskPane
from readiness_tui.ui.readonly import palette_allows
from readiness_tui.ui.screens.dialogs import ChoiceScreen, ConfirmScreen, UnsavedScreen
from readiness_tui.ui.screens.edit_form import EditItemScreen
from readiness_tui.ui.screens.main import MainScreen
from readiness_tui.ui.screens.record_actions import palette_entries
from readiness_tui.ui.screens.record_form import RecordFormScreen

SIZE = (120, 40)


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b) if x != y]


async def cursor_to(pilot, pane, key: str) -> None:  # type: ignore[no-untyped-def]
    """Press j (from the top) until the pane's cursor is on the row ``key``."""
    await pilot.press("g")
    for _ in range(len(pane.rows)):
        if pane.cursor_key == key:
            return
        await pilot.press("j")
    raise AssertionError(f"no row {key}")


async def press_at(pilot, pane_key: str, pane_type: type, row: str, key: str, opens: type):  # type: ignore[no-untyped-def]
    """Show a pane, put its cursor on ``row``, press ``key`` and wait for the screen ``opens``: the pane."""
    app = pilot.app
    await pilot.press(pane_key)
    pane = app.screen.query_one(pane_type)
    await wait_for(pilot, lambda: pane.rows, what="pane rows")
    await cursor_to(pilot, pane, row)
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, opens), what=f"{opens.__name__} from {row}")
    return pane


async def form_at(pilot, pane_key: str, pane_type: type, row: str):  # type: ignore[no-untyped-def]
    """Show a pane, put its cursor on ``row``, press e: the record's form, and the pane."""
    return await press_at(pilot, pane_key, pane_type, row, "e", RecordFormScreen)


async def save(pilot, values: dict[str, str] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Fill the form's fields, ctrl+s, and wait for the form to close."""
    for key, value in (values or {}).items():
        field(pilot.app, key).value = value
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MainScreen), what="form closed")


async def press_on_sec01_gate(pilot, key: str, opens: type) -> None:  # type: ignore[no-untyped-def]
    """The Gates pane on SEC-01 (the first gate of the launch board), then ``key``: wait for ``opens``."""
    app = pilot.app
    await pilot.press("6")
    await wait_for(pilot, lambda: app.screen.current_item_id == "SEC-01", what="gate selected")
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, opens), what=opens.__name__)


def field(app, key: str):  # type: ignore[no-untyped-def]
    return app.screen.query_one("#f-" + key.replace(".", "-"))


def history(board: Path) -> list[tuple[str, str, str]]:
    return [(r.kind, r.item or "", r.field or "") for r in audit.read(board) if r.type == "change"]


async def test_risk_edited_from_the_risk_pane_saved_recorded_and_undone(launch_board: Path, make_app) -> None:
    original = launch_board.read_text()
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        pane = await form_at(pilot, "4", RiskPane, "risk:R3")
        assert "Edit risk R3" in str(app.screen.query_one(".dialog-title", Static).render())
        field(app, "severity").value = "hgh"
        field(app, "mitigated_by").value = "RB-02, RB-01"
        await pilot.press("ctrl+s")
        assert "did you mean high?" in str(app.screen.query_one("#f-severity-error", Static).render())
        assert launch_board.read_text() == original  # nothing written
        await save(pilot, {"severity": "critical"})
        assert changed_lines(original, launch_board.read_text()) == [
            ('severity = "medium"', 'severity = "critical"'),
            ('mitigated_by = ["RB-02"]', 'mitigated_by = ["RB-02", "RB-01"]'),
        ]
        assert history(launch_board)[-2:] == [("risks", "R3", "severity"), ("risks", "R3", "mitigated_by")]
        await wait_for(pilot, lambda: "critical" in pane.line_text(pane.cursor_line).plain, what="risk redrawn")
        await pilot.press("u")
        await wait_for(pilot, lambda: launch_board.read_text() == original, what="undo restores the bytes")


async def test_unknown_mitigating_item_is_refused_under_its_field(launch_board: Path, make_app) -> None:
    original = launch_board.read_text()
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await form_at(pilot, "4", RiskPane, "risk:R2")
        field(app, "mitigated_by").value = "LT-01, LT-2"
        await pilot.press("ctrl+s")
        error = str(app.screen.query_one("#f-mitigated_by-error", Static).render())
        assert "no item 'LT-2' on this board; did you mean " in error
        assert isinstance(app.screen, RecordFormScreen)
    assert launch_board.read_text() == original


async def test_new_risk_from_the_risk_pane(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="new risk form")
        field(app, "id").value = "R4"
        field(app, "title").value = "Vendor outage"
        field(app, "severity").value = "High"
        await save(pilot, {"mitigated_by": "OBS-01"})
        risk = BoardStore.load(launch_board).board.risks[-1]
        assert (risk.id, risk.title, risk.severity, risk.mitigated_by) == ("R4", "Vendor outage", "high", ["OBS-01"])
        assert history(launch_board)[-1] == ("risks", "R4", "*")
        pane = app.screen.query_one(RiskPane)
        await wait_for(pilot, lambda: any(r[0] == "risk:R4" for r in pane.rows), what="R4 on screen")


async def test_a_risk_added_on_an_unnamed_p0_item_is_mitigated_by_it(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        pane = await press_at(pilot, "4", RiskPane, "p0:GO-01", "a", RecordFormScreen)
        assert field(app, "mitigated_by").value == "GO-01"
        await save(pilot, {"id": "R9", "title": "Launch slips"})
        assert BoardStore.load(launch_board).board.risks[-1].mitigated_by == ["GO-01"]
        await wait_for(pilot, lambda: not any(r[0] == "p0:GO-01" for r in pane.rows), what="GO-01 named now")


async def test_phase_exit_criteria_and_milestone_due_from_the_plan_pane(launch_board: Path, make_app) -> None:
    original = launch_board.read_text()
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        pane = await form_at(pilot, "5", PlanPane, "phase:A")
        area = field(app, "exit")
        assert isinstance(area, TextArea) and area.text == "CI is fail-closed\nSecrets are in the vault"
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press("enter", *"Runbook reviewed, signed off")
        await save(pilot)
        assert changed_lines(original, launch_board.read_text()) == [
            (
                'exit = ["CI is fail-closed", "Secrets are in the vault"]',
                'exit = ["CI is fail-closed", "Secrets are in the vault", "Runbook reviewed, signed off"]',
            )
        ]
        await form_at(pilot, "5", PlanPane, "ms:M1")
        await save(pilot, {"due": "2026-03-20"})
        assert 'due = "2026-03-20"' in launch_board.read_text()
        assert history(launch_board)[-2:] == [("phases", "A", "exit"), ("milestones", "M1", "due")]
        await wait_for(pilot, lambda: "2026-03-20" in pane.line_text(pane.cursor_line).plain, what="due redrawn")


async def test_waiver_added_renewed_and_revoked_from_the_gates_pane(launch_board: Path, make_app) -> None:
    original = launch_board.read_text()
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press_on_sec01_gate(pilot, "w", RecordFormScreen)
        assert field(app, "item").value == "SEC-01"
        assert app.focused is field(app, "reason")
        field(app, "expires").value = ""
        await pilot.press(*"Scanner vendor outage", "ctrl+s")
        assert "expires is required" in str(app.screen.query_one("#f-expires-error", Static).render())
        await save(pilot, {"expires": "+30d"})
        waivers = BoardStore.load(launch_board).board.waivers
        assert [(w.item, w.reason, str(w.expires)) for w in waivers] == [
            ("SEC-01", "Scanner vendor outage", "2026-03-22")
        ]
        detail = app.screen.query_one("#gates-detail", Static)
        await wait_for(pilot, lambda: "Scanner vendor outage" in str(detail.render()), what="waiver in the gate")
        # Renew: w opens the item's one waiver, with Revoke beside Save.
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="waiver form again")
        await save(pilot, {"expires": "2026-04-30"})
        assert "expires = 2026-04-30" in launch_board.read_text()
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="waiver form again")
        await pilot.click("#remove")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="revoke asked")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="revoked")
        # The waiver is gone; the blank line put before it when it was added stays at the end.
        assert launch_board.read_text() == original + "\n"
        assert [f for k, _, f in history(launch_board) if k == "waivers"] == ["*", "expires", "*"]


async def test_gate_fields_from_the_gates_pane(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press_on_sec01_gate(pilot, "e", EditItemScreen)
        assert app.focused is field(app, "gate.exit_criteria")
        await save(pilot, {"gate.watch": "ci/scan.yml, ci/policy/"})
        gate = BoardStore.load(launch_board).item("SEC-01").gate
        assert gate is not None and gate.watch == ["ci/scan.yml", "ci/policy/"]
        assert history(launch_board)[-1] == ("items", "SEC-01", "gate.watch")


async def test_acceptance_description_and_deliverables_from_detail(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")  # SEC-02's detail
        await wait_for(pilot, lambda: app.screen.current_item_id == "SEC-02", what="detail of SEC-02")
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(app.screen, EditItemScreen), what="item form")
        assert app.focused is field(app, "acceptance")
        await pilot.press(*"Merges blocked without the scan, even by admins", "enter", *"Documented")
        field(app, "description").text = "Protect main.\nRequire the summary check."
        await save(pilot, {"deliverables": "docs/branch-policy.md"})
        item = BoardStore.load(launch_board).item("SEC-02")
        assert item.acceptance == ["Merges blocked without the scan, even by admins", "Documented"]
        assert item.description == "Protect main.\nRequire the summary check."
        assert item.deliverables == ["docs/branch-policy.md"]
        assert 'description = """Protect main.\nRequire the summary check."""' in launch_board.read_text()
        detail = str(app.screen.query_one("#detail-body", Static).render())
        assert "even by admins" in detail
        # D: the item's deliverable records (none yet: a new one, its item filled in).
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="deliverable form")
        assert field(app, "item").value == "SEC-02"
        await pilot.press(*"docs/branch-policy.md", "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="form closed")
        d = BoardStore.load(launch_board).board.deliverables[-1]
        assert (d.path, d.item, d.status) == ("docs/branch-policy.md", "SEC-02", "todo")
        assert history(launch_board)[-1] == ("deliverables", "0", "*")
        body = app.screen.query_one("#detail-body", Static)
        await wait_for(pilot, lambda: "Deliverable records" in str(body.render()), what="deliverable shown")
        assert "docs/branch-policy.md  todo" in str(body.render())
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="the deliverable again")
        assert field(app, "path").value == "docs/branch-policy.md"


async def test_escape_with_unsaved_changes_asks(launch_board: Path, make_app) -> None:
    original = launch_board.read_text()
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, EditItemScreen), what="item form")
        await pilot.press("escape")  # nothing changed: closes at once
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="closed")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, EditItemScreen), what="item form")
        field(app, "owner").value = "@zed"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, UnsavedScreen), what="asked")
        await pilot.press("k")  # keep editing: the form, with the change
        await wait_for(pilot, lambda: isinstance(app.screen, EditItemScreen), what="back to the form")
        assert field(app, "owner").value == "@zed"
        await pilot.press("escape", "d")  # discard
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="discarded")
        assert launch_board.read_text() == original
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, EditItemScreen), what="item form")
        field(app, "owner").value = "@zed"
        await pilot.press("escape", "s")  # save
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), what="saved")
        assert BoardStore.load(launch_board).item("SEC-02").owner == "@zed"


async def test_palette_opens_a_record_form(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Edit risk R2")
        await wait_for(pilot, lambda: "Edit risk R2" in str(app.screen.query_one(Input).value), what="typed")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="risk form from the palette")
        assert app.screen.ref is not None and app.screen.ref.key == "R2"  # type: ignore[attr-defined]


async def test_remove_a_milestone_from_the_plan_pane(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press_at(pilot, "5", PlanPane, "ms:M1", "X", ConfirmScreen)
        await pilot.press("y")
        await wait_for(pilot, lambda: not BoardStore.load(launch_board).board.milestones, what="removed")
        assert history(launch_board)[-1] == ("milestones", "M1", "*")


async def test_several_waivers_offer_a_choice(launch_board: Path, make_app) -> None:
    text = launch_board.read_text()
    for n in (1, 2):
        text += f'\n[[waivers]]\nid = "W-{n}"\nitem = "SEC-01"\nexpires = 2026-05-0{n}\n'
    launch_board.write_text(text)
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await press_on_sec01_gate(pilot, "w", ChoiceScreen)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordFormScreen), what="waiver form")
        assert field(app, "id").value == "W-2"


async def test_read_only_opens_no_record_form(launch_board: Path, make_app) -> None:
    original = launch_board.read_text()
    app = make_app(launch_board, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        for keys in (("4", "g", "e"), ("4", "a"), ("5", "P"), ("6", "w"), ("2", "D")):
            await pilot.press(*keys)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen), keys
        entries = palette_entries(app.screen)
        assert entries and not [name for name, cmd, _ in entries if palette_allows(app, cmd)]
    assert launch_board.read_text() == original
