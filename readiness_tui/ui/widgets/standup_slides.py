"""The two kinds of standup slide: the overview, and one owner's (or workstream's) slide.

Both fit a small terminal (80x24): below ``COMPACT_WIDTH`` columns or ``COMPACT_HEIGHT`` lines a
slide takes the ``-compact`` class, where what is empty gives way to titles: the overview folds the
status counts that are zero into one narrow column and tightens the verdict, and an owner's slide
lists its empty sections on one line instead of a header each. Lines of titles never wrap: they are
cut with an ellipsis, so one item stays one line.

A slide is made compact or not (``compact=``) by whoever knows the size it will have (the standup's
``SlideStage``); its Resize events change that afterwards, when the terminal's size changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Label, OptionList, Static
from textual.widgets.option_list import Option

from readiness_tui.core.standup.slides import CHAINS_SHOWN, DeckEntry, GroupSlide, Overview
from readiness_tui.ui.widgets.progress_bar import progress_text
from readiness_tui.ui.widgets.standup_bigtext import big_text

COUNTED = ("todo", "in_progress", "blocked", "review", "done")
STATUS_WORDS = {
    "todo": "TO DO",
    "in_progress": "IN PROGRESS",
    "blocked": "BLOCKED",
    "review": "REVIEW",
    "done": "DONE",
    "cancelled": "CANCELLED",
}
LIST_LIMIT = 3
#: How each section of an owner's slide looks: icon, header style, short name, id style.
SECTION_LOOK = {
    "done": ("✔", "bold green", "done", "green"),
    "in_progress": ("▶", "bold cyan", "in progress", "cyan"),
    "blocked": ("■", "bold red", "blocked", "red"),
    "waiting": ("◷", "bold yellow", "waiting", "red"),
    "ready": ("→", "bold yellow", "ready", "yellow"),
}
#: A slide narrower or shorter than this is compact (see the module docs): 80x24 is, 100x30 is not.
COMPACT_WIDTH = 90
COMPACT_HEIGHT = 22
T = TypeVar("T")


def is_compact(width: int, height: int) -> bool:
    return width < COMPACT_WIDTH or height < COMPACT_HEIGHT


def _more(n: int) -> str:
    return f"  … and {n} more" if n > 0 else ""


def _fact_list(
    t: Text, label: str, entries: Sequence[T], empty: str, id_style: str, describe: Callable[[T], tuple[str, str]]
) -> None:
    """``LABEL      ID text`` for the first ``LIST_LIMIT`` entries (``describe``: entry -> (id, text)),
    aligned under the label, then how many more; ``empty`` when there are none."""
    t.append(f"{label:<11}", "bold")
    if not entries:
        t.append(f"{empty}\n")
    for n, entry in enumerate(entries[:LIST_LIMIT]):
        if n:
            t.append(" " * 11)
        key, text = describe(entry)
        t.append(key, id_style)
        t.append(f" {text}\n")
    if len(entries) > LIST_LIMIT:
        t.append(" " * 10 + _more(len(entries) - LIST_LIMIT) + "\n")


class OverviewSlide(Vertical):
    """Go/no-go, counts by status, gates, overdue, uncovered risks, milestones."""

    DEFAULT_CSS = """
    OverviewSlide { height: 1fr; padding: 0 1; }
    OverviewSlide #verdict { height: auto; margin: 1 0 0 0; }
    OverviewSlide #verdict-word { width: auto; height: 5; padding: 1 2; text-style: bold; }
    OverviewSlide #verdict-word.-go { background: $success; color: black; }
    OverviewSlide #verdict-word.-nogo { background: $error; color: white; }
    OverviewSlide #verdict-reasons {
        width: 1fr; height: 5; padding: 0 2; content-align-vertical: middle;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    OverviewSlide #counts { height: 6; margin: 1 0 0 0; }
    OverviewSlide .count { width: 1fr; height: 6; border: round $primary; }
    OverviewSlide .count Digits { width: 100%; text-align: center; }
    OverviewSlide .count Label { width: 100%; content-align-horizontal: center; text-style: bold; }
    OverviewSlide .count.-blocked { border: round $error; }
    OverviewSlide .count.-done { border: round $success; }
    OverviewSlide .facts { height: auto; margin: 1 0 0 0; text-wrap: nowrap; text-overflow: ellipsis; }
    OverviewSlide #zero-counts { display: none; width: auto; height: 6; padding: 1 1; border: round $panel; }
    OverviewSlide.-compact #verdict { margin: 0; }
    OverviewSlide.-compact #verdict-word { height: 3; padding: 0 2; }
    OverviewSlide.-compact #verdict-reasons { height: 3; }
    OverviewSlide.-compact #counts { margin: 0; }
    OverviewSlide.-compact .count.-zero { display: none; }
    OverviewSlide.-compact #zero-counts { display: block; }
    OverviewSlide.-compact .facts { margin: 0; }
    """

    def __init__(self, data: Overview, *, compact: bool = False, id: str | None = "overview-slide") -> None:
        super().__init__(id=id, classes="-compact" if compact else None)
        self.data = data

    def compose(self) -> ComposeResult:
        d = self.data
        with Horizontal(id="verdict"):
            yield Static(big_text(d.decision.label), id="verdict-word", classes="-go" if d.decision.go else "-nogo")
            yield Static(self._reasons(3 if self.has_class("-compact") else 5), id="verdict-reasons")
        zero = [status for status in COUNTED if not d.counts.get(status, 0)]
        with Horizontal(id="counts"):
            for status in COUNTED:
                empty = " -zero" if status in zero else ""
                with Vertical(classes=f"count -{status.replace('_', '-')}{empty}"):
                    yield Digits(str(d.counts.get(status, 0)))
                    yield Label(STATUS_WORDS[status])
            if zero:  # compact: the zero counts, folded into one narrow column
                yield Static("\n".join(f"0 {STATUS_WORDS[status]}" for status in zero), id="zero-counts")
        yield Static(self._facts(), classes="facts", id="overview-facts")

    def _reasons(self, lines: int) -> Text:
        """The verdict's reasons, one a line, in ``lines`` lines (the last says how many more)."""
        decision = self.data.decision
        more = len(decision.reasons) > lines
        shown = decision.reasons[: lines - 1 if more else lines]
        text = "\n".join(("✓ " if decision.go else "• ") + r for r in shown)
        return Text(text + ("\n" + _more(len(decision.reasons) - len(shown)) if more else ""))

    def on_resize(self, event: events.Resize) -> None:
        compact = is_compact(event.size.width, event.size.height)
        if compact != self.has_class("-compact"):
            self.set_class(compact, "-compact")
            self.query_one("#verdict-reasons", Static).update(self._reasons(3 if compact else 5))

    def _facts(self) -> Text:
        d = self.data
        t = Text()
        if d.gates is not None:
            t.append("GATES      ", "bold")
            for key, label, style in (
                ("pass", "pass", "bold green"),
                ("waived", "waived", "bold"),
                ("fail", "fail", "bold red"),
                ("stale", "stale", "bold yellow"),
                ("unknown", "not checked", "bold"),
            ):
                t.append(f"{label} ", "")
                t.append(f"{d.gates[key]}", style)
                t.append("   ")
            t.append("\n")
        if d.level is not None:
            t.append("LEVEL      ", "bold")
            t.append(d.level.headline())
            gaps = d.level.gap_lines(limit=3)
            if gaps:
                t.append(f"  ({'; '.join(gaps)})", "dim")
            t.append("\n")
        _fact_list(
            t,
            "OVERDUE",
            d.overdue,
            "none",
            "bold red",
            # The date first: a long title is what gets cut.
            lambda it: (
                it.id,
                f"due {it.due.isoformat() if it.due else '?'} · {it.title}{f' ({it.owner})' if it.owner else ''}",
            ),
        )
        _fact_list(t, "UNCOVERED", d.uncovered, "no uncovered risks", "bold yellow", lambda risk: risk)
        if d.milestones:
            t.append("\nMILESTONES\n", "bold")
            width = max((len(f"{m.id} {m.title}") for m in d.milestones[:5]), default=10)
            width = min(width, 34)
            for m in d.milestones[:5]:
                name = f"{m.id} {m.title}"
                name = name if len(name) <= width else name[: width - 1] + "…"
                t.append(f"  {name:<{width}}  ")
                t.append_text(progress_text(m.closed, m.total, width=24, done_style="green", todo_style="grey50"))
                if m.due:
                    t.append(f"   due {m.due.isoformat()}", "bold red" if m.late else "")
                t.append("\n")
            if len(d.milestones) > 5:
                t.append("  " + _more(len(d.milestones) - 5) + "\n")
        t.rstrip()
        return t


class GroupSlideView(Vertical):
    """One owner's (or workstream's) items: done since the last standup, in progress, blocked, ready."""

    DEFAULT_CSS = """
    GroupSlideView { height: 1fr; padding: 0 1; }
    GroupSlideView #group-summary { height: 1; margin: 1 0 0 0; text-style: bold; }
    GroupSlideView OptionList { height: 1fr; border: none; padding: 0; background: $background; }
    GroupSlideView OptionList:focus { border: none; }
    GroupSlideView OptionList > .option-list--option-disabled { color: $text; text-style: bold; }
    GroupSlideView OptionList > .option-list--option-highlighted { text-style: bold; }
    """

    def __init__(self, data: GroupSlide, *, compact: bool = False, id: str | None = "group-slide") -> None:
        super().__init__(id=id, classes="-compact" if compact else None)
        self.data = data
        #: Empty sections on one line (see the module docs); then set from the size.
        self.compact = compact

    def compose(self) -> ComposeResult:
        yield Static(self.summary(), id="group-summary")
        yield OptionList(*self.options(), id="standup-items")

    def summary(self) -> str:
        parts = [(len(sec.entries), sec.title.lower(), SECTION_LOOK[sec.key][2]) for sec in self.data.sections()]
        if self.compact:
            return " · ".join(f"{n} {short}" for n, _long, short in parts)
        return "   ·   ".join(f"{n} {long}" for n, long, _short in parts)

    def on_resize(self, event: events.Resize) -> None:
        compact = is_compact(event.size.width, event.size.height)
        if compact == self.compact:
            return
        self.compact = compact
        self.set_class(compact, "-compact")
        self.query_one("#group-summary", Static).update(self.summary())
        items = self.query_one(OptionList)
        keep = items.highlighted_option.id if items.highlighted_option is not None else None
        items.set_options(self.options())
        ids = [items.get_option_at_index(i).id for i in range(items.option_count)]
        if keep in ids:
            items.highlighted = ids.index(keep)

    def options(self) -> list[Option | None]:
        d = self.data
        out: list[Option | None] = []
        empty_sections: list[str] = []

        def header(title: str, style: str, empty: bool) -> None:
            if empty and self.compact:
                empty_sections.append(title.split(" ", 1)[1].lower())
                return
            if out:
                out.append(None)
            t = Text(title, style=style)
            if empty:
                t.append("   none", "not bold")
            out.append(Option(t, disabled=True))

        def row(entry: DeckEntry, style: str) -> Text:
            t = Text("  ")
            t.append(f"{entry.id}", "bold " + style)
            t.append(f"  {entry.title}")
            if entry.priority:
                t.append(f"  {entry.priority}", "bold")
            if entry.note:
                t.append(f"  {entry.note}", "italic")
            for chain in entry.chains[:CHAINS_SHOWN]:
                t.append("\n      waiting on ")
                for n, (cid, owner) in enumerate(chain):
                    if n:
                        t.append(" ← ")
                    t.append(cid, "bold")
                    t.append(f" ({owner or 'no owner'})")
            if entry.reason:
                t.append(f"\n      {entry.reason}")
            return t

        # The sections and what each entry says are the deck's (core.standup), as the HTML page's.
        for sec in d.sections():
            icon, style, _short, row_style = SECTION_LOOK[sec.key]
            header(f"{icon} {sec.title.upper()}", style, not sec.entries)
            out += [Option(row(entry, row_style), id=entry.id) for entry in sec.entries]
        if empty_sections:
            if out:
                out.append(None)
            out.append(Option(Text("none " + " · ".join(empty_sections), style="dim"), disabled=True))
        return out
