"""The portfolio as people and tools read it: the go/no-go of a release train, the JSON document
(``format_version``), Markdown for a weekly email, and one self-contained HTML page in the theme's
colours, as the board's HTML export is (no fetch, everything escaped)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from readiness_tui.core.outputs.html import CSP, TEXT_RULES, theme_colours
from readiness_tui.core.outputs.html.sections import e
from readiness_tui.core.portfolio.summary import BoardRow

FORMAT_VERSION = 1
#: The columns every surface shows, in order (the screen, Markdown, HTML).
COLUMNS = (
    "Board",
    "Go/no-go",
    "Level",
    "Done",
    "Blocked/waiting",
    "Gates fail/stale",
    "Overdue",
    "Crit. path",
    "Changed",
    "First reason",
)


@dataclass
class TrainDecision:
    """Every board in scope ready, or the boards that are not (each with its first reason)."""

    go: bool
    not_ready: list[BoardRow] = field(default_factory=list)
    boards: int = 0

    @property
    def label(self) -> str:
        return "GO" if self.go else "NO-GO"

    def lines(self) -> list[str]:
        if self.go:
            return [f"GO: all {self.boards} boards are ready"] if self.boards else ["NO-GO: no board in scope"]
        head = f"NO-GO: {len(self.not_ready)} of {self.boards} boards are not ready"
        return [head, *(f"  {r.name}: {r.verdict}: {r.first_reason}" for r in self.not_ready)]

    def to_json(self) -> dict[str, Any]:
        return {
            "go": self.go,
            "recommendation": "go" if self.go else "no-go",
            "boards": self.boards,
            "not_ready": [{"name": r.name, "verdict": r.verdict, "reason": r.first_reason} for r in self.not_ready],
        }


def train_decision(rows: list[BoardRow]) -> TrainDecision:
    """Go only when there is a board in scope and every one is read and ready: an unreadable board
    is not a ready one."""
    bad = [r for r in rows if r.error or not r.go]
    return TrainDecision(bool(rows) and not bad, bad, len(rows))


def cells(r: BoardRow) -> list[str]:
    """A row's cells, in ``COLUMNS`` order."""
    if r.error:
        return [r.name, "ERROR", "", "", "", "", "", "", "", r.first_reason]
    level = r.level.reached or ("-" if r.level.ladder else "")
    overdue = f"{len(r.overdue)}" + (f" +{len(r.overdue_milestones)} ms" if r.overdue_milestones else "")
    return [
        r.name,
        r.verdict,
        level,
        f"{r.done}/{r.total}",
        f"{r.blocked}/{r.waiting}",
        f"{len(r.failing_gates)}/{len(r.stale_gates)}",
        overdue,
        r.critical_text,
        r.changed.date().isoformat() if r.changed else "",
        r.first_reason,
    ]


def document(title: str, rows: list[BoardRow], query: str = "") -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "title": title,
        "filter": query,
        "decision": train_decision(rows).to_json(),
        "boards": [r.to_json() for r in rows],
    }


def markdown(title: str, rows: list[BoardRow], today: dt.date | None = None) -> str:
    decision = train_decision(rows)
    when = (today or dt.date.today()).isoformat()
    out = [f"# {title}: readiness on {when}", "", f"**{decision.lines()[0]}**", ""]
    out += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        out.append("| " + " | ".join(_md(c) for c in cells(r)) + " |")
    errors = [r for r in rows if r.error]
    if errors:
        out += ["", "## Boards that could not be read", ""]
        for r in errors:
            out += [f"- **{_md(r.name)}**:", "", "  ```", *("  " + line for line in r.error.splitlines()), "  ```"]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def html_page(title: str, rows: list[BoardRow], theme: str | None = None) -> str:
    c = theme_colours(theme)
    decision = train_decision(rows)
    head = "".join(f"<th>{e(col)}</th>" for col in COLUMNS)
    body = []
    for r in rows:
        cls = "nogo" if r.error or not r.go else "go"
        tds = [f"<td>{e(v)}</td>" for v in cells(r)]
        tds[1] = f'<td class="{cls}">{e(r.verdict)}</td>'
        body.append("<tr>" + "".join(tds) + "</tr>")
    errors = "".join(f"<h3>{e(r.name)}</h3><pre>{e(r.error)}</pre>" for r in rows if r.error)
    colours = "".join(f"{sel} {{ color:{c[fg]}; background:{c[bg]}; }}\n" for sel, fg, bg in TEXT_RULES)
    verdict = "go" if decision.go else "nogo"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · readiness portfolio</title>
<style>{colours}
body {{ font-family:system-ui,sans-serif; margin:0; }}
header {{ padding:1em 2em; border-bottom:3px solid {c["primary"]}; }}
main {{ padding:0 2em 2em; }}
section {{ margin:1.5em 0; padding:1em 1.5em; border-left:4px solid {c["primary"]}; }}
table {{ border-collapse:collapse; width:100%; font-size:.9em; }}
th, td {{ border:1px solid {c["panel"]}; padding:.25em .5em; text-align:left; vertical-align:top; }}
pre {{ white-space:pre-wrap; padding:1em; }}
</style></head>
<body><header><h1>{e(title)}</h1><p class="{verdict}">{e(" ".join(decision.lines()[:1]))}</p></header>
<main><section id="boards"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></section>
{f'<section id="errors"><h2>Boards that could not be read</h2>{errors}</section>' if errors else ""}
</main></body></html>
"""
