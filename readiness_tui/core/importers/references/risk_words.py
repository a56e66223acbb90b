"""A risk whose row or heading names no item by id may name one by its words: "SSH key rotation not yet performed
... Schedule within 7 days" is mitigated by the item "Rotate the SSH keys". The risk's words are compared with each
item's own text (title, description, fields): a word counts when few items use it (so "the", "test", "deploy" in
every item count for nothing), words compare by their first five letters ("rotation", "rotate"), and acronyms count
from three letters (SSH, DPA); words of what any task does (test, document, review) never count. The item sharing
three such words or more, and twice as many as any other item, is linked, reported as a guess. Anything less certain
links nothing, and a plan whose risks name items by id is left as it is: a risk there that names none means none.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder

#: A word of a risk or an item: letters, four at least; an acronym (SSH, DPA) from three.
_WORD = re.compile(r"[^\W\d_]{4,}|\b[A-Z]{3}\b")
#: Words that say nothing of what a risk or a task is about, in any plan.
_STOP = frozenset(
    {"with", "that", "this", "from", "into", "when", "will", "before", "after", "within", "without", "should",
     "must", "have", "been", "being", "also", "each", "only", "more", "than", "then", "them", "they", "their",
     "there", "which", "while", "where", "what", "done", "make", "need", "needs", "used", "using", "para", "como",
     "antes", "depois", "sobre", "entre", "avec", "dans", "pour", "sans", "oder", "und", "nicht", "eine", "einer"}
)  # fmt: skip
_STEM_LEN = 5


#: Stems of what any task does (test, document, implement, review ...): they tell no task from another.
_ANY_TASK = frozenset(
    {"test", "tests", "testi", "docum", "imple", "revie", "updat", "creat", "check", "verif", "ensur", "plan",
     "plann", "work", "team", "issue", "proce", "suppo", "syste", "execu", "valid", "monit", "setup"}
)  # fmt: skip


def word_stems(text: str) -> set[str]:
    """The stems of the words that tell one piece of work from another (see the module doc)."""
    return {
        w.lower()[:_STEM_LEN]
        for w in _WORD.findall(text)
        if w.lower() not in _STOP and w.lower()[:_STEM_LEN] not in _ANY_TASK
    }


def _texts(value: Any) -> list[str]:
    """Every string inside a field's value (the names of nested custom fields included: they are the plan's words)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in [str(k).replace("_", " "), *_texts(v)]]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


#: Fields whose words say nothing of what a record is about.
_NOT_ABOUT = frozenset(
    {"id", "status", "owner", "priority", "severity", "likelihood", "depends_on", "soft_depends_on", "kind", "phase",
     "milestone", "mitigated_by"}
)  # fmt: skip


def _about(values: dict[str, Any]) -> set[str]:
    return word_stems(" ".join(t for k, v in values.items() if k not in _NOT_ABOUT for t in _texts(v)))


def risks_by_words(b: Builder) -> None:
    """Link each risk that names no item to the one item its words name (see the module doc); report each link.

    Not in a plan whose risks name items by id: there a risk that names none was left so on purpose."""
    risks = b.records["risks"]
    if len(b.items) < 3 or any(r.values.get("mitigated_by") for r in risks):
        return
    stems = {rid: _about(rec.values) for rid, rec in b.items.items()}
    df: dict[str, int] = {}
    for ws in stems.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    rare = max(1, len(stems) // 5)
    for risk in risks:
        words = {w for w in _about(risk.values) if df.get(w, 0) <= rare}
        scored = sorted(((len(words & ws), rid) for rid, ws in stems.items()), reverse=True)
        (best, rid), runner = scored[0], scored[1][0]
        if best < 3 or best < 2 * runner:
            continue
        risk.values["mitigated_by"] = [rid]
        shared = sorted(words & stems[rid])
        b.note(
            risk.line,
            f"risk {risk.values.get('id')}: mitigated by {rid}, which shares its words ({', '.join(shared)})",
        )
