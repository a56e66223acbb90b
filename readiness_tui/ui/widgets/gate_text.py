"""A gate as text: its status mark, its row in the Gates pane's table and its detail (command,
evidence, waiver, last run and output). Commands and paths come from the board: shown escaped."""

from __future__ import annotations

from rich.text import Text

from readiness_tui.core.gates import GateView, redact
from readiness_tui.core.outputs.display import CONTROL_WARNING, format_age, format_duration, has_control, printable
from readiness_tui.ui.widgets.item_text import GATE_MARK as STATUS_MARK

STATUS_STYLE = {
    "pass": "bold green",
    "fail": "bold red",
    "error": "bold white on red",
    "waived": "yellow",
    "stale": "dark_orange",
    "running": "bold cyan",
    "untrusted": "magenta",
    "not-run": "dim",
    "no-gate": "dim",
}
# The item's title comes last: it is the one column that may be cut at the screen's edge (the
# detail below shows it whole); the drift before it is read in full.
COLUMNS = (
    ("id", "ID"),
    ("status", "Gate"),
    ("age", "Last run"),
    ("dur", "Took"),
    ("evidence", "Evidence"),
    ("waiver", "Waiver"),
    ("drift", "Drift"),
    ("item", "Item"),
)


#: One cell of the table: its text and its Rich style (``""`` for none).
Cell = tuple[str, str]


def status_cell(status: str) -> Cell:
    """A gate status with its mark, and its style."""
    return f"{STATUS_MARK.get(status, '?')} {status}", STATUS_STYLE.get(status, "")


def status_text(status: str) -> Text:
    text, style = status_cell(status)
    return Text(text, style=style)


def gate_cells(v: GateView, age: str) -> tuple[Cell, ...]:
    """One table row of a gate, in the order of ``COLUMNS``; ``age``: its last run's age, as shown.
    Plain pairs, not ``Text``: the table lays out every row of a board of thousands of gates to
    size its columns, and draws only the rows on screen."""
    ev: Cell = ("-", "")
    if v.evidence:
        errors = sum(1 for e in v.evidence if e.error)
        found = v.evidence_found
        ev = (f"{found}/{len(v.evidence)}", "green" if found == len(v.evidence) else "red")
        if errors:
            ev = (f"{errors} escape", "bold red")
    if v.checks:
        passing = sum(1 for c in v.checks if c.ok)
        style = "green" if passing == len(v.checks) else "red"
        text = f"{passing}/{len(v.checks)} checks"
        ev = (f"{ev[0]} + {text}", ev[1] if style == "green" else style) if v.evidence else (text, style)
    waiver: Cell = ("-", "")
    if v.waiver:
        style = {"active": "yellow", "expired": "red", "malformed": "red"}[v.waiver.state]
        label = f"until {v.waiver.expires}" if v.waiver.active else v.waiver.state
        if v.waiver.expiring_soon:
            label += f" ({v.waiver.days_left}d!)"
            style = "bold yellow"
        waiver = (label, style)
    drift: Cell = (f"⚠ {v.drift}", "bold red" if v.item_status == "done" else "bold yellow") if v.drift else ("", "")
    return (
        (f"{v.item_id} [{v.level}]" if v.level else v.item_id, "bold" if v.drift else ""),
        status_cell(v.status),
        (age, ""),
        (format_duration(v.result.duration_s) if v.result else "-", ""),
        ev,
        waiver,
        drift,
        (v.title or "", "dim" if v.item_status in ("done", "cancelled") else ""),
    )


def waiting_cells(item_id: str) -> tuple[Cell, ...]:
    """A gate's row before its view is there (the pane let go of its views while hidden and is evaluating them
    again): its id, the rest to come."""
    return ((item_id, ""), *(("…", "dim") for _ in COLUMNS[1:]))


def gate_detail(v: GateView, now: float) -> Text:
    """Everything about one gate: status and why, drift, command, evidence, waiver, the last run
    (its age at ``now``) and its captured output."""
    t = Text()
    t.append(f"{v.item_id} ", style="bold")
    t.append(v.title or "")
    t.append("  ")
    t.append_text(status_text(v.status))
    t.append(f"  {v.reason}\n")
    if v.drift:
        t.append(f"⚠ {v.drift} (item is {v.item_status})\n", style="bold red")
    if v.command:
        t.append("$ ", style="dim")
        # Redacted as in check's output: a screen is shared, recorded, streamed.
        t.append(printable(redact(v.command)) + "\n", style="bold")
        if has_control(v.command):
            t.append(f"‼ the command {CONTROL_WARNING}\n", style="bold red")
    for e in v.evidence:
        if e.error:
            t.append(f"  ‼ {printable(e.path)}: {printable(e.error)}\n", style="bold red")
        else:
            t.append(f"  {'✔' if e.present else '✘'} {printable(e.path)}\n", style="green" if e.present else "red")
    if v.level:
        t.append(f"level: {v.level}\n", style="dim")
    for c in v.checks:
        mark, style = {"pass": ("✔", "green"), "fail": ("✘", "red")}.get(c.status, ("‼", "bold red"))
        t.append(f"  {mark} {printable(c.reason)}\n", style=style)
    if v.waiver:
        t.append(f"waiver: {v.waiver.describe()}", style="yellow")
        if v.waiver.reason:
            t.append(f" — {v.waiver.reason}")
        if v.waiver.approved_by:
            t.append(f" (approved by {v.waiver.approved_by})")
        t.append("\n")
    r = v.result
    if r is not None:
        code = "timed out" if r.timed_out else f"exit {r.exit_code}" if r.exit_code is not None else r.error
        age = format_age(v.age_s(now))
        t.append(f"last run {age}, took {format_duration(r.duration_s)}, {code}", style="dim")
        if r.truncated:
            t.append(f", output cut ({r.output_bytes} bytes in all)", style="dim")
        t.append("\n")
        t.append(r.output or "(no output)", style="" if r.output else "dim")
    return t
