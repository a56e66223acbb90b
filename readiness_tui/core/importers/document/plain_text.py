"""Plans written as plain text, without Markdown's structure, read as the sections and lists their writer meant.

- in a plan with no heading but its title, a line that only names the list under it ("Toolchain:") is a heading;
- in a plan with no heading at all, ``#TODO`` (no space after the hashes, which CommonMark reads as text) is the
  heading its writer meant;
- in a plan with no heading at all, a paragraph of short lines that open with a verb of work ("Implement signup",
  "Add rate limiting"), one under another, is the list whose markers were lost;
- a plan with no Markdown at all whose lines name its periods ("Phase 1 – Discovery"), each over labels alone
  ("Key Activities:") and the lines under them, is those headings and lists;
- in a plan with no Markdown at all, two labels or more ("MVP:") each directly over short lines are its headings and
  lists;

List markers written off the standard are read in ``list_marks``. Each rewrite keeps the line count and is reported
(see ``normalize``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.document.blocks import FENCE_LINE, HEADING_LINE
from readiness_tui.core.importers.document.steps import LIST_LINE, outside_fences
from readiness_tui.core.importers.sections.lead_ins import is_action_verb
from readiness_tui.core.importers.vocabulary.dates import NUMBER_WORDS


def _heading_levels(lines: list[str]) -> list[int]:
    """The level of each Markdown heading of the plan, outside fences: the rewrites below are for text without them."""
    levels: list[int] = []
    fenced = False
    for ln in lines:
        if FENCE_LINE.match(ln):
            fenced = not fenced
        elif not fenced and (h := HEADING_LINE.match(ln)):
            levels.append(len(h.group(1)))
    return levels


#: A line that only names what the list under it holds: "Issues:", "Pending for next release:", "**Project Timeline:**".
_LABEL_LINE = re.compile(r"^(?P<bold>\*\*)?(?P<label>[^\W\d_][^:#*`|\[\]]{0,60}):(?(bold)\*\*)\s*$")


#: A line of a few words and no stop or colon, as a heading without its hashes reads: "Before Day 0", "DNS Rollback".
_SHORT_LABEL = re.compile(r"^[A-Z][\w'’&/()-]*(?: [\w'’&/()-]+){0,4}$")

#: The words that name a period of a plan.
_PERIOD_WORDS = r"(?:phase|stage|sprint|wave|milestone|week|iteration|release)"
#: A line naming a period of the plan, as such text writes a heading: "Phase 1: Foundations & Containerization".
_PERIOD_LINE = re.compile(rf"^{_PERIOD_WORDS}\s+\d+\b[^|]{{0,80}}$", re.I)


#: A line of a block under a label: a short line opening with a capital, not itself a label.
_LABELLED_LINE = re.compile(r"^[A-Z][^:]*\S$")


def _blank_after(lines: list[str], n: int) -> bool:
    return n + 1 < len(lines) and not lines[n + 1].strip()


def label_line_blocks(lines: list[str], note: Callable[[int, str], None]) -> None:
    """In a plan with no heading at all, three or more lines that each name a block ("Case Management:"), a blank line,
    then one to six short lines under it, one thing each ("Recording and tracking details of criminal cases."): the
    sections and bullets of a document that lost its Markdown. Each label becomes a heading, each line an entry."""
    if _heading_levels(lines):
        return
    blocks: list[tuple[int, list[int]]] = []
    n = 0
    while n < len(lines):
        if _LABEL_LINE.match(lines[n].strip()) and n + 2 < len(lines) and _blank_after(lines, n):
            body = []
            k = n + 2
            # The block runs to a blank line, or to the next label standing over a blank line.
            while (
                k < len(lines)
                and lines[k].strip()
                and not (_LABEL_LINE.match(lines[k].strip()) and _blank_after(lines, k))
            ):
                body.append(k)
                k += 1
            shaped = all(_LABELLED_LINE.match(lines[x].strip()) and len(lines[x].split()) <= 20 for x in body)
            if body and len(body) <= 6 and shaped:
                blocks.append((n, body))
                n = k
                continue
        n += 1
    if len(blocks) < 3:
        return
    for label, body in blocks:
        note(
            label + 1,
            f"line {lines[label].strip()!r} over {len(body)} short lines, in a plan without headings: a "
            "heading and its list",
        )
        lines[label] = f"## {lines[label].strip().rstrip(':').strip('*')}"
        for x in body:
            lines[x] = f"- {lines[x].strip()}"


def label_paragraphs(lines: list[str], note: Callable[[int, str], None]) -> None:
    """In a plan with no Markdown at all (no heading, no list marker), two labels or more each directly over two
    short lines or more, one thing a line, to a blank line::

        MVP:
        User can add wake up and bed times
        User can see a graph of last week of hours slept

    Each label becomes a heading, each line under it an entry: the sections and lists of a pitch typed as plain text.
    One label over lines is a paragraph like any; so is a label over one line, or over long ones."""
    if _heading_levels(lines) or any(LIST_LINE.match(ln) for ln in lines):
        return
    blocks: list[tuple[int, list[int]]] = []
    for n, ln in enumerate(lines):
        if not _LABEL_LINE.match(ln.strip()) or (n and lines[n - 1].strip()):
            continue
        body = []
        for k in range(n + 1, len(lines)):
            if not lines[k].strip():
                break
            body.append(k)
        if len(body) >= 2 and all(
            len(lines[k].split()) <= 20 and not _LABEL_LINE.match(lines[k].strip()) for k in body
        ):
            blocks.append((n, body))
    if len(blocks) < 2:
        return
    for label, body in blocks:
        note(
            label + 1,
            f"line {lines[label].strip()!r} over {len(body)} lines, in a plan without Markdown: a heading and its list",
        )
        lines[label] = f"## {lines[label].strip().rstrip(':').strip('*')}"
        for k in body:
            lines[k] = f"- {lines[k].strip()}"


def period_outlines(lines: list[str], note: Callable[[int, str], None]) -> None:
    """A plan pasted with no Markdown at all (no heading, no list marker), two lines or more naming its periods
    ("Phase 1 – Discovery & Strategy"), each over labels and the lines under them::

        Phase 1 – Discovery & Strategy
        Goals: Align on vision, scope, and success metrics.
        Key Activities:
        Audit existing product UI (screens, components, patterns, accessibility).
        Identify key stakeholders and define governance model.

    Each period line becomes a heading, each label alone ("Key Activities:") a heading under it, and the lines
    under a label its list (to the next label, ``Key: value`` line or period). The first line before the first
    period is the plan's title."""
    if _heading_levels(lines) or any(LIST_LINE.match(ln) for ln in lines):
        return
    periods = [n for n, ln in enumerate(lines) if _PERIOD_LINE.match(ln.strip())]
    if len(periods) < 2:
        return
    labels: list[int] = []
    entries: list[int] = []
    for n in range(periods[0] + 1, len(lines)):
        text = lines[n].strip()
        if _LABEL_LINE.match(text):
            labels.append(n)
        elif (
            text
            and n not in periods
            and ": " not in text[:40]
            and labels
            and labels[-1] > max(p for p in periods if p < n)
        ):
            entries.append(n)
    if not entries:
        return
    first = next((n for n, ln in enumerate(lines) if ln.strip()), periods[0])
    if first < periods[0]:
        lines[first] = f"# {lines[first].strip()}"
    for n in periods:
        lines[n] = f"## {lines[n].strip()}"
    # A label is a heading of its own: with no blank line before it, it would carry on the list above it.
    for n in labels:
        lines[n] = f"### {lines[n].strip().rstrip(':')}"
    for n in entries:
        lines[n] = f"- {lines[n].strip()}"
    note(
        periods[0] + 1, f"{len(periods)} period lines over labelled lines, in a plan without Markdown: headings, lists"
    )


#: A line naming a period of the plan by its number and saying what it is for: "Milestone Two: Get basic app working".
_PERIOD_LABEL = re.compile(rf"^{_PERIOD_WORDS}\s+(?:\d+|[^\W\d_]+)\s*:\s+\S", re.I)


def period_lines(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Two lines or more naming a period and what it is for (``Milestone Two: Get basic app working``), flush left,
    each right over a list, where a list runs on into one with no blank line between (CommonMark makes the line the
    last entry's words): each is the heading its writer meant, one level under the heading above it."""
    found = [
        n
        for n, ln in outside_fences(lines)
        if _PERIOD_LABEL.match(ln) and n + 1 < len(lines) and LIST_LINE.match(lines[n + 1])
    ]
    if len(found) < 2 or not any(n and LIST_LINE.match(lines[n - 1]) for n in found):
        return
    above = _heading_levels(lines[: found[0]])
    level = min((above[-1] if above else 1) + 1, 6)
    for n in found:
        # "Milestone Two": the period's number, as the headings of periods write it ("Milestone 2").
        text = re.sub(
            r"^(\w+\s+)([^\W\d_]+)\b",
            lambda m: m.group(1) + str(NUMBER_WORDS.get(m.group(2).lower(), m.group(2))),
            lines[n].strip(),
            count=1,
        )
        lines[n] = "#" * level + " " + text
    note(found[0] + 1, f"{len(found)} lines naming periods of the plan, each over its list: headings")


def label_headings(lines: list[str], note: Callable[[int, str], None]) -> None:
    """In a plan with no heading but its title, each line that only names the list under it ("Toolchain:",
    "**Project Timeline:**" over its bullets) becomes a heading of that name, in place: the sections the writer
    meant, read as sections."""
    if any(level > 1 for level in _heading_levels(lines)):
        return
    found = []
    short = []
    for n, ln in enumerate(lines):
        m = _LABEL_LINE.match(ln)
        after = next((x for x in lines[n + 1 : n + 3] if x.strip()), "")
        if m is not None and not (n and lines[n - 1].strip()):
            if LIST_LINE.match(after):
                found.append((n, m.group("label").strip()))
        elif _PERIOD_LINE.match(ln.strip()) and any(LIST_LINE.match(x) for x in lines[n + 1 : n + 3]):
            # "Phase 1: Foundations" over its bullets (a line of its date between, maybe), in text with no blank lines.
            found.append((n, ln.strip()))
        elif _SHORT_LABEL.match(ln) and not (n and lines[n - 1].strip()) and LIST_LINE.match(after):
            short.append((n, ln.strip()))
    if len(short) >= 3:
        # "Before Day 0", "Day 0", "DNS Rollback", each a line of its own over its list: three such at least.
        found = sorted(found + short)
    if len(found) < 2:
        return  # one line leading the plan's one list is its lead-in, not a section of it
    for n, label in found:
        note(n + 1, f"line {lines[n].strip()!r} leads the list under it in a plan without headings: read as a heading")
        lines[n] = f"## {label}"


#: ``#TODO: for the extension``, ``##Next``: hashes and a word with no space between.
_UNSPACED_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?P<text>[^\W\d_][^\n]*)$")


def unspaced_headings(lines: list[str], note: Callable[[int, str], None]) -> None:
    """In a plan with no heading, lines written ``#TODO: x`` (hashes then a word, no space) are its headings; a line
    of tags only (``#todo #later``) stays text. Two such lines at least, or one opening the plan."""
    if _heading_levels(lines):
        return
    fenced = False
    found = []
    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            fenced = not fenced
        elif fenced:
            continue
        elif (m := _UNSPACED_HEADING.match(ln)) and not all(w.startswith("#") for w in ln.split()[1:] or ["#"]):
            found.append((n, m))
    first = next((n for n, ln in enumerate(lines) if ln.strip()), -1)
    if len(found) < 2 and not (found and found[0][0] == first):
        return
    for n, m in found:
        note(n + 1, f"line {lines[n].strip()!r} opens with hashes and no space: read as a heading")
        lines[n] = f"{m.group('hashes')} {m.group('text')}"


#: ``== Dendro ==``, ``= Análisis =``: a heading as a wiki writes it, as many equals signs on either side.
_WIKI_HEADING = re.compile(r"^(?P<signs>={1,6})[ \t]*(?P<text>[^=\s][^=]*?)[ \t]*(?P=signs)[ \t]*$")


def wiki_headings(lines: list[str], note: Callable[[int, str], None]) -> None:
    """In a plan with no Markdown heading, lines written as a wiki's headings (``== Dendro ==``, two at least) are its
    headings, each a level under the one its equals signs say: a wiki names the page apart, so even ``= x =`` is a
    section of it, not the plan's title."""
    if _heading_levels(lines):
        return
    found = [(n, m) for n, ln in outside_fences(lines) if (m := _WIKI_HEADING.match(ln))]
    if len(found) < 2:
        return
    for n, m in found:
        note(n + 1, f"line {lines[n].strip()!r} is a heading as a wiki writes it: read as a heading")
        lines[n] = f"{'#' * min(len(m.group('signs')) + 1, 6)} {m.group('text')}"


#: A line of work written without a list marker: a capitalised word opening a short line that ends no sentence.
_BARE_LINE = re.compile(r"^(?P<word>[A-Z][a-z]+)\b[^\n]{0,100}[^.:;,\s]\s*$")


def verb_lines(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Each paragraph of two lines or more, every one short and two in three opening with a verb of work
    (``is_action_verb``: "Implement signup", "Add rate limiting"), becomes a list: text pasted from a document that
    lost its bullets. In a plan with headings, only where the writer broke every line (two spaces or a backslash
    closing it, a Markdown hard break: ``### Mobile App:`` over ``Complete user interface design␣␣``): there a
    paragraph of such lines is the writer's list, while lines that merely wrap are one sentence. Prose (lines that
    run on, or open with other words) stays text."""
    headed = bool(_heading_levels(lines))
    fenced = False
    run: list[int] = []

    def flush() -> None:
        verbs = [is_action_verb(m.group("word").lower()) for n in run if (m := _BARE_LINE.match(lines[n]))]
        broken = not headed or all(_HARD_BREAK.search(lines[n]) for n in run[:-1])
        if len(run) >= 2 and broken and len(verbs) == len(run) and sum(verbs) * 3 >= len(run) * 2:
            for n in run:
                lines[n] = f"- {lines[n].strip().rstrip(chr(92)).rstrip()}"
            where = "each line broken by hand" if headed else "in a plan with no heading"
            note(run[0] + 1, f"{len(run)} lines of work without list markers, {where}, read as a list")
        run.clear()

    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            fenced = not fenced
            run.clear()
        elif fenced:
            continue
        elif not ln.strip() or HEADING_LINE.match(ln):
            flush()
        elif run or not (n and lines[n - 1].strip()) or HEADING_LINE.match(lines[n - 1]):  # a paragraph not ruled out
            if len(ln.split()) <= 12 and not ln.startswith((" ", "\t")):
                run.append(n)
            else:
                run.clear()
    flush()


#: A Markdown hard break closing a line: two spaces or more, or a backslash.
_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
