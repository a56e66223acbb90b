"""Status words and marks: ``Not started``, ``⏳ Pending``, ``Needs decision`` (priorities are in ``priorities``).

A plan's legend for its checkboxes: ``Status: `[x]` done · `[~]` in progress · `[-]` on hold``.

``[-]`` is cancelled by default (see ``blocks.BOX_STATUS``), but plans use it for "on hold" or "skipped" as
often; ``[~]`` may be "in review". When one line names two marks or more with status words, that line is the
plan's own key: every checkbox with a mark it names takes the status its word says.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.guided.recipe import RECIPE
from readiness_tui.core.importers.vocabulary.state_words import QUEUED_WORDS as _FOREIGN_QUEUED
from readiness_tui.core.importers.vocabulary.state_words import STATUS_WORDS as _FOREIGN_STATUSES
from readiness_tui.core.importers.vocabulary.words import UNSPACED_CHAR
from readiness_tui.core.model.board import STATUS_ALIASES, normalize_status

#: A mark a plan writes a state with: one to three signs that are no letter, digit, space or dash (``✅``, ``🔄``).
MARK = r"[^\x00-\x7f\w\s—–]{1,3}"


#: Crosses, which a plan marks what it has not done with (beside ticks, in a column of them): to do.
_CROSSES = frozenset("\u274c\u2717\u2718\u2716\u274e")

_STATUS_EXTRA = {
    "not started": "todo",
    "not-started": "todo",
    "unstarted": "todo",
    # A bug list's "Fixed" beside "-" (still open).
    "fixed": "done",
    "to be done": "todo",
    # "## 🚧 To Be Implemented (Frontend)" beside "## ✅ Completed (Backend)": the work not begun.
    "to be implemented": "todo",
    "not yet implemented": "todo",
    # "## ❌ NOT IMPLEMENTED" beside "## ⚠️ PARTIALLY IMPLEMENTED" and "## ✅ FULLY IMPLEMENTED & WORKING".
    "not implemented": "todo",
    "partially implemented": "in_progress",
    # "ON PROGRESS:" beside "BACKLOG:" and "DONE:": under way, as plans written in a second language say it.
    "on progress": "in_progress",
    "fully implemented": "done",
    "not implemented yet": "todo",
    # "bohren (noch nicht)", "Publish the release (not yet)": not done yet, in the plan languages.
    "not yet": "todo",
    "noch nicht": "todo",
    "pas encore": "todo",
    "todavía no": "todo",
    "todavia no": "todo",
    "ainda não": "todo",
    "ainda nao": "todo",
    "non ancora": "todo",
    "nog niet": "todo",
    "tbd": "todo",
    "queued": "todo",
    "ready": "todo",
    # "Ready for PR", "Ready for review": finished by its author, waiting on a reviewer.
    "ready for review": "review",
    "ready for pr": "review",
    "awaiting review": "review",
    "scheduled": "todo",
    "proposed": "todo",
    "draft": "todo",
    "🟥": "todo",
    "🔴": "blocked",
    "🟡": "in_progress",
    "🟨": "in_progress",
    "🟠": "in_progress",
    "🟢": "done",
    "🟩": "done",
    "✔︎": "done",
    # "- ❌ ABV calculator" beside "- ✅ Basic CRUD", "| Call Recording | ❌ | Not implemented |": a cross is what is not
    # done yet, as plans use it; a board's "❌" (``model.statuses``) and a word after it ("❌ Blocked") say blocked.
    **dict.fromkeys(_CROSSES, "todo"),
    "⚠️": "blocked",
    "⚠": "blocked",
    "at risk": "blocked",
    "waiting": "blocked",
    # A board's column of work held up by someone else ("## Waiting On"): its name alone, no one named after it.
    "waiting on": "blocked",
    "waiting for": "blocked",
    "awaiting": "blocked",
    "⚪": "todo",
    "⚪️": "todo",
    "in flight": "in_progress",
    "underway": "in_progress",
    # "In Prog.": the word cut short in a narrow column.
    "in prog": "in_progress",
    "in prog.": "in_progress",
    "in progr.": "in_progress",
    "implementing": "in_progress",
    "in dev": "in_progress",
    "in development": "in_progress",
    "testing": "review",
    "in qa": "review",
    "under review": "review",
    "pr open": "review",
    "merged": "done",
    "complete ✅": "done",
    "deployed": "done",
    "live": "done",
    "in production": "done",
    "tested": "review",
    "verified locally": "review",
    "accepted": "done",
    "approved": "done",
    "verified": "done",
    "validated": "done",
    "delivered": "done",
    "mitigated": "done",
    "implemented": "done",
    "developed": "done",
    "not required": "cancelled",
    "not needed": "cancelled",
    "not planned": "cancelled",  # GitHub's "closed as not planned"
    "deferred": "todo",
    "cut": "cancelled",
    "up next": "todo",
    "next up": "todo",
    "dropped": "cancelled",
    "shipped": "done",
    "released": "done",
    "building": "in_progress",
    "descoped": "cancelled",
    "out of scope": "cancelled",
    "rejected": "cancelled",
    "superseded": "cancelled",
    "x": "done",
    "[x]": "done",
    "[ ]": "todo",
    # Open boxes drawn as characters (``### □ TASK-001: Setup``, ``▢ Book the venue``), as ``☐`` is read.
    "□": "todo",
    "▢": "todo",
    "yes": "done",
    "no": "todo",
    "needs decision": "blocked",
    "needs a decision": "blocked",
    "decision needed": "blocked",
    "awaiting decision": "blocked",
    "on ice": "cancelled",
    "postponed": "todo",
    "parked": "cancelled",
    # The pause mark: put off, not given up ("⏸️ Fora de escopo nesta fase", "⏸️ 已搁置 …，并非取消").
    "⏸": "todo",
    "⏸️": "todo",
    "⏳️": "todo",  # the hourglass with its emoji selector, as ``STATUS_ALIASES`` reads the bare one
    "⏳ pending": "todo",
    "pending ⏳": "todo",
    "skipped": "cancelled",
}

_STATUS_EXTRA.update(_FOREIGN_STATUSES)

#: CJK state words of three characters or more, longest first: a shorter one opens titles as a verb ("完成登录页",
#: finish the login page), "已完成" (has been completed) does not.
_CJK_STATES = sorted((w for w in _FOREIGN_STATUSES if UNSPACED_CHAR.match(w) and len(w) >= 3), key=len, reverse=True)
#: CJK state words that close a short compound ("커밋완료", commit done; "开发完成", development done).
_CJK_ENDINGS = sorted((w for w in _FOREIGN_STATUSES if UNSPACED_CHAR.match(w) and " " not in w), key=len, reverse=True)
#: The longest such cell: a step of two to four characters before its state; longer, it is a sentence.
_CJK_COMPOUND_MAX = 6

#: A share of the work done, alone or with a word that says so: ``70%``, ``(80% complete)``, ``15 % done``.
_PERCENT_RE = re.compile(
    r"^\(?\s*(\d{1,3})\s*%\s*(?:complete|completed|done|finished|erledigt|completado|terminé)?\s*\)?$"
)

#: ``19/19 tasks complete``, ``3 / 8 done``: a count of work done out of a total.
_FRACTION_RE = re.compile(
    r"^(\d+)\s*/\s*(\d+)\s+(?:tasks?|items?|steps?|plans?)?\s*(?:complete|completed|done|finished)\b"
)


#: "Partial (runtime blocked)", "In progress (blocked on the vendor)": an aside saying the work cannot go on.
_BLOCKED_ASIDE_RE = re.compile(r"\((?![^)]*\b(?:not|no longer|un)\s*blocked)[^)]*\bblocked\b[^)]*\)", re.I)


#: "Partially done", "Parzialmente completato", "部分已有，待补齐": an adverb of part before the state.
_PARTLY_RE = re.compile(
    r"^(?:(?:partially|partly|parzialmente|parcialmente|partiellement|teilweise|częściowo|частично|gedeeltelijk"
    r"|kısmen|частково)\b|部分|一部|부분)"
)


def parse_status(cell: str) -> str | None:
    """A status word or mark -> canonical status, or None when it is not one; work under way or to do that an
    aside calls blocked ("Partial (runtime blocked)") is blocked."""
    found = _parse_status(cell)
    if found in ("todo", "in_progress") and "blocked" in cell.lower() and _BLOCKED_ASIDE_RE.search(plain(cell)):
        return "blocked"
    return found


#: The plan's own key for its state marks (``- ⏳ Offen``, ``- 🔄 In Bearbeitung``): mark -> status, read before the
#: built-in meaning of a mark; set for the length of one import (``legends.apply_mark_legend``).
LEGEND_MARKS: ContextVar[dict[str, str] | None] = ContextVar("LEGEND_MARKS", default=None)


def mark_key(text: str) -> str:
    """A mark as a legend names it: without the emoji variation selector."""
    return text.replace("\ufe0f", "").strip()


#: A mark ticking a part of a row off, and a box left open, in one state cell.
_DONE_MARK = re.compile("[\u2705\u2714\u2611]")
_OPEN_BOX = re.compile("[\u2610\u2b1c]")


#: "Next", in English and the other languages read (``words.QUEUED_WORDS``): a whole state cell, to do.
_QUEUED = frozenset({"next", *_FOREIGN_QUEUED})


def _recipe_status(text: str) -> str | None:
    """The status a recipe's ``[statuses]`` gives the words (the person's word comes before any other)."""
    recipe = RECIPE.get()
    return recipe.status(text) if recipe else None


#: A progress bar drawn as an image whose address holds the share done: ``![progress](https://progress-bar.dev/46/)``.
_PROGRESS_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*https?://[^)\s]*progress[^)\s]*?/(\d{1,3})(?=[/?%)\s\"]|$)", re.I)


def _parse_status(cell: str) -> str | None:
    if bar := _PROGRESS_IMAGE.search(cell):
        # "| ![progress](https://progress-bar.dev/100/ "progress") |": how far the work is, as a share.
        return _parse_status(f"{bar.group(1)}%")
    text = plain(cell).strip().strip("*_")
    if not text:
        return None
    # The person's word first (a recipe's [statuses]), then the plan's own legend, then the built-in words.
    if own := _recipe_status(text):
        return own
    lead = re.match(MARK, text)
    if lead and lead.end() < len(text) and (given := _recipe_status(lead.group(0).strip())):
        # "⚠️ Untested" where the recipe says "⚠️" is to do: the person's word for the mark, unless the words after it
        # say a state ("⚠️ Partial").
        return _parse_status(text[lead.end() :]) or given
    marks = LEGEND_MARKS.get()
    if marks and (keyed := marks.get(mark_key(text))):
        return keyed
    if " " not in text and re.fullmatch(r"(?:[A-Z][a-z]+){2,3}", text):
        text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)  # "InProgress", "NotStarted": words run together
        if own := _recipe_status(text):
            return own
    low = text.lower()
    if low in _STATUS_EXTRA:
        return _STATUS_EXTRA[low]
    if _DONE_MARK.search(text) and _OPEN_BOX.search(text):
        return "in_progress"  # "code ✅ · first run ☐": some of the row's parts ticked, some open
    share = _PERCENT_RE.match(low)
    if share:
        # "70%", "(80% complete)": how far the work is, not the word "complete".
        pct = int(share.group(1))
        return "done" if pct >= 100 else ("in_progress" if pct else "todo")
    frac = _FRACTION_RE.match(low)
    if frac:
        # "0/22 tasks complete (0%)": the count says it, not the word "complete".
        done, total = int(frac.group(1)), int(frac.group(2))
        return "done" if total and done >= total else ("in_progress" if done else "todo")
    # "⚪ Not started", "Done ✅", "Complete (2026-02-16)": the words first, then the mark.
    words = re.sub(r"[(（].*?[)）]", " ", low)
    words = " ".join(re.sub(r"[^\w\s'/-]", " ", words).split())
    if words in _STATUS_EXTRA:
        return _STATUS_EXTRA[words]
    if words.endswith("予定") and " " not in words:
        return "todo"  # "Step2完了後実施予定" (to be done once step 2 is): planned, whatever the words before name
    if words in _QUEUED:
        # The whole state, never a word inside a longer one ("In progress, next: deploy" is under way).
        return "todo"
    if _PARTLY_RE.match(words):
        return "in_progress"  # "Parzialmente completato: ...": partly done is under way
    if re.match(r"^(not|incomplete|unfinished|undone)\b", words):
        return "cancelled" if "applicable" in words or "needed" in words else "todo"
    if words in STATUS_ALIASES:
        return STATUS_ALIASES[words]
    # An em dash needs no spaces around it ("In progress—vendor", "IN PROGRESS（PARTIAL）— 9 done"); an en dash, a
    # hyphen and a comma do ("In progress - scheduled for 9/4", "In progress, waiting on feedback").
    head = re.split(r"\s*—\s*|\s+[–-]\s+|\s*;\s*|,\s+", text, maxsplit=1)[0]
    if head != text:
        # "❌ Declined — polling is enough", "In progress; merge pending": the state before the dash, the
        # semicolon or the comma, its words before its mark; the note after it only says more.
        said = _parse_status(head)
        if said:
            return said
    lead = re.match(MARK, text)
    if lead and (marked := _STATUS_EXTRA.get(mark_key(lead.group(0)))):
        # "❌ Missing": the mark as a plan means it, where the words after it say no state ("❌ Blocked on the
        # vendor" is blocked); a board's own meaning of the mark (``model.statuses``) comes after.
        return _parse_status(text[lead.end() :]) or marked
    try:
        return normalize_status(text)
    except ValueError:
        pass
    for token in re.split(r"[\s()/:,;-]+", words):
        if token in _STATUS_EXTRA:
            return _STATUS_EXTRA[token]
    # "P0 in the action plan, in progress since May": a state of two words inside the cell's words.
    pairs = words.split()
    for first, second in zip(pairs, pairs[1:], strict=False):
        if (phrase := f"{first} {second}") in _STATUS_EXTRA or phrase in STATUS_ALIASES:
            return _STATUS_EXTRA.get(phrase) or STATUS_ALIASES[phrase]
    # "已完成并经真实数据回测", "完了（レビュー済）": a CJK state word opening a sentence with no space after it.
    if UNSPACED_CHAR.match(text):
        for word in _CJK_STATES:
            if text.startswith(word):
                return _STATUS_EXTRA[word]
        if len(text) <= _CJK_COMPOUND_MAX and " " not in text:
            for word in _CJK_ENDINGS:
                if text.endswith(word) and len(text) > len(word):
                    return _STATUS_EXTRA[word]
    if re.fullmatch(r"[A-Za-z]+(?:[_-][A-Za-z]+)+", text):
        # "in_review", "NOT_STARTED", "On-Hold": a state word written as a code or a slug, its parts joined; the
        # whole of it ("migration_in_progress" names a flag, no state).
        return exact_status(re.sub(r"[_-]+", " ", text))
    # Leading emoji glued to a word ("✅Done").
    head = text[0]
    if not head.isalnum():
        try:
            return normalize_status(head)
        except ValueError:
            return _STATUS_EXTRA.get(head)
    return None


def exact_status(text: str) -> str | None:
    """The status a phrase is, when the whole phrase is a status word or mark ("in progress", "⏳ pending"),
    not merely contains one ("done right"); None otherwise. A recipe's word (``[statuses]``) is one too, first."""
    key = " ".join(plain(text).lower().split())
    return _recipe_status(text.strip()) or _STATUS_EXTRA.get(key) or STATUS_ALIASES.get(key)


#: Where the state a phrase opens with ends and what follows begins: a note ("Bloquejada: …", "En espera, decisió
#: …", "In progress. Next week") or a gloss ("Blokirano / čeka klijenta", "Done (merged)", "Open - not started").
_STATE_HEAD = re.compile(r"\s*[:,;/—–(]\s*|\s-\s|\.\s+")


def opening_state(text: str) -> str | None:
    """The state a phrase opens with, before the first colon, comma, slash, dash or bracket: a state word or phrase
    (the recipe's, then the built-in words), or a mark and maybe a word ("✅ Fet"); None when it opens with anything
    else. A note that only mentions a state ("Recerca feta, galeria en suspens") says none."""
    head = _STATE_HEAD.split(text.strip(), maxsplit=1)[0].strip()
    if not head:
        return None
    if given := _recipe_status(head):
        return given
    words = re.sub(r"^[^\w]+", "", head)
    if words == head:
        return exact_status(head)
    return exact_status(words) if words else parse_status(head)


#: Words that open a condition after a state: "Done when …", "Fatto se …".
_CONDITION = frozenset({"when", "if", "once", "unless", "after", "before", "quando", "se", "wenn", "falls", "si",
                        "cuando", "lorsque", "quand", "como"})  # fmt: skip
#: The longest state a line may open with, in words ("not started yet").
_MAX_WORDS = 3


def leading_state(text: str) -> str | None:
    """The state a line's words open with, a state word or phrase of up to three words and maybe a note after it
    (``FATTA.``, ``FATTA in DEV``, ``da fare al gate``); None when they open with anything else, or when a condition
    follows the state ("Done when the tests pass" defines done, it does not say it)."""
    words = re.sub(r"[*_`]", "", text).split()
    for n in range(min(_MAX_WORDS, len(words)), 0, -1):
        head = " ".join(words[:n]).rstrip(".,;:!—–-")
        state = exact_status(head)
        if state is None:
            continue
        after = words[n].lower().strip(".,;:") if n < len(words) else ""
        return None if after in _CONDITION else state
    return None
