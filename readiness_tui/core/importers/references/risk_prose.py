"""The items a risk's words name as its mitigation, read once every item of the plan is known.

A risk heading's prose, a risk list's or a register's mitigation cell: unmistakable ids, and short tokens
(``A1``, ``Task 3``) that are items of this plan; a bare number only where it is cited as an item's (``item 6``).
A sentence that denies a mitigation, and items named only as a point in time ("until M-5"), name none; both are
reported.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import RISK_PROSE, Builder
from readiness_tui.core.importers.references.ids import RISK_ID_RE, id_tails
from readiness_tui.core.importers.references.ids import looks_like_text_id as is_text_id
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.references.title_words import epic_tasks_named

#: A sentence that denies a mitigation: "B2 only makes it visible; it does not mitigate it."
_DENIES = re.compile(r"\b(?:not|n't|never|no longer)\b[^.]*\b(?:mitigat|address|cover|reduc|help|fix)", re.I)
#: "Task 3": an item named by its word and number, as a ``### Task 3:`` heading names ``TASK-3``.
_NOUN_NUMBER = re.compile(r"\b(?P<word>task|story|ticket|issue|item|step)s?\s+#?(?P<num>\d+)\b", re.I)


def _noun_numbers(b: Builder, text: str) -> str:
    def one(m: re.Match[str]) -> str:
        rid = f"{m.group('word').upper()}-{m.group('num')}"
        return rid if rid in b.items else m.group(0)

    return _NOUN_NUMBER.sub(one, text)


#: A word that may be an item's id: ``A1``, ``T-3``, ``2.1``, ``E10.F1.S2`` (a work breakdown's, taken whole).
_TOKEN = re.compile(r"[A-Za-z0-9#][\w#-]*(?:\.[A-Za-z]{0,4}\d+)*")


#: "until M-5", "after T-3 and T-4": the items name a point in time, not what mitigates the risk.
_TIMED = re.compile(
    r"\b(?:until|till|before|after|once)\s+(?:the\s+)?(?P<ids>[\w#.-]+(?:\s*(?:,|and|&|or)\s*[\w#.-]+)*)", re.I
)


def _timed_only(prose: str) -> set[str]:
    """The words of ``prose`` named only as a point in time ("until M-5")."""
    timed = {i for m in _TIMED.finditer(prose) for i in _TOKEN.findall(m.group("ids"))}
    return timed - set(_TOKEN.findall(_TIMED.sub(" ", prose)))


def risk_prose(b: Builder) -> None:
    """The items each risk heading's prose names: unmistakable ids, and tokens that are items of this plan.

    A sentence that says an item does not mitigate the risk names no mitigation; reported. Items named as a
    point in time ("until M-5") are not mitigations; reported. Prose in a risk table's mitigation cell links
    only items of the plan (an ``ADR-12`` there is a reference to read, not a task)."""
    tails = id_tails(b.items) if b.risk_prose else {}
    # A milestone or phase a cell names ("M2-T2, M4") stays: it stands for its items once they are all known.
    groups = {
        gid
        for kind in ("milestones", "phases")
        for r in b.records[kind]
        if not (gid := str(r.values.get("id"))).isdigit() and gid not in b.items
    }
    for rec in b.risk_prose:
        rid = rec.values["id"]
        cell = rec.origin in ("risk register", "risk list")  # words beside the risk: only items of the plan count
        prose = rec.values.pop(RISK_PROSE, "")
        only_timed = _timed_only(prose)
        found: list[str] = [
            i
            for i in rec.values.get("mitigated_by", [])
            if (not cell or i in b.items or i in groups) and i not in only_timed
        ]
        if cell and (epic := epic_tasks_named(b, prose)) is not None:
            # "EPIC 3: Trust Score v0 + heuristics": the tasks of epic 3 its words name, else every task of it.
            sid, named, tasks = epic
            found += [i for i in named or tasks if i not in found]
            b.note(rec.line, f"risk {rid}: its mitigation opens with {sid}: the tasks of it the words name")
            prose = ""
        for sentence in re.split(r"(?<=[.!?])\s+|\n", prose):
            untimed = _TIMED.sub(" ", _noun_numbers(b, sentence))
            # "(item 6)", "#6" name item 6; a bare number ("~5 GB", "Phase 1", "by Day 4") names none.
            cited = {m.group("num") for m in _NOUN_NUMBER.finditer(untimed)} | set(re.findall(r"#(\d+)\b", untimed))
            tokens = [i.lstrip("#") if i[1:].isdigit() else i for i in ids_in_text(untimed) + _TOKEN.findall(untimed)]
            named = [tails[i] if i in tails else i for i in tokens if i != rid and (not i.isdigit() or i in cited)]
            named = [
                i
                for i in dict.fromkeys(named)
                if i in b.items
                or i in groups
                # A number no item has ("v2.8/2.9") is a version or a count, not an item of another plan.
                or (not cell and is_text_id(i) and not RISK_ID_RE.match(i) and not re.fullmatch(r"[\d.]+", i))
            ]
            timed = [i for m in _TIMED.finditer(sentence) for i in _TOKEN.findall(m.group("ids")) if i in b.items]
            timed = [i for i in dict.fromkeys(timed) if i not in named and i not in found]
            if timed:
                b.note(rec.line, f"risk {rid}: {', '.join(timed)} named as a point in time, not a mitigation")
            if named and _DENIES.search(sentence):
                b.note(rec.line, f"risk {rid}: {', '.join(named)} named as not mitigating it ({sentence.strip()!r})")
                continue
            found += [i for i in named if i not in found]
        rec.values["mitigated_by"] = found
        b.used(rec.line, f"risk {rid!r}: mitigated by the tasks its text names ({', '.join(found) or 'none'})")
