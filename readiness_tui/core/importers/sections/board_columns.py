"""A board written as headings: its columns (``## In Progress``, ``## Done``, two naming a state at least), the
lists beside them that hold cards too (``## Bugs``), and the cards written as sub-headings under a column."""

from __future__ import annotations

from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.sections.heading_numbers import document_fact
from readiness_tui.core.importers.sections.heading_words import about_the_plan
from readiness_tui.core.importers.vocabulary.title_states import status_heading


def board_columns(sec: Section) -> bool:
    """Whether the document's top headings are a board's columns ("# IN PROGRESS", "# TO DO", "# DONE"), two or more
    naming a state: then none of them is the plan's title; each is read as any column is."""
    top = sec
    while top.parent is not None:
        top = top.parent
    return sum(1 for c in top.children if c.level == 1 and status_heading(c.bare_title) is not None) >= 2


def column_state(sec: Section) -> str | None:
    """The state a heading names when it is a board's column: beside another heading at its level that names one
    (``## In Progress``, ``## Done``). A state heading alone ("Review", "Verified") heads a section of notes."""
    if sec.heading is None or sec.parent is None:
        return None
    state = status_heading(sec.bare_title)
    columns = [c for c in sec.parent.children if status_heading(c.bare_title)]
    if state is None and len(columns) >= 2:
        # "## Pronto" beside "## Fazendo" and "## Backlog": done, as a column; alone, Spanish for "soon".
        state = _COLUMN_WORDS.get(plain(sec.bare_title).strip(" :").lower())
    return state if state and len(columns) >= 2 else None


#: Words that name a board's state only as one of its columns, beside two columns named by state words.
_COLUMN_WORDS = {"pronto": "done", "pronta": "done", "teste": "review", "testes": "review", "em teste": "review"}


def board_list(sec: Section) -> bool:
    """Whether ``sec`` is one more list of a board written as lists (``## Bugs`` over bullets, beside two columns
    naming a state, ``## In Progress`` and ``## Done``, over bullets too): its bullets are cards, their state unstated.
    A heading about the plan (``## Notes``) is none, nor one over boxes, a table or headings of its own."""
    if sec.heading is None or sec.parent is None or sec.children or _columns_over_bullets(sec.parent) < 2:
        return False
    if status_heading(sec.bare_title) is not None or column_state(sec) is not None:
        return False  # "## Pronto" beside "## Fazendo": a column named by a state, read as one
    if about_the_plan(sec.bare_title) or not _holds_bullets(sec):
        return False
    entries = [plain(it.text).strip() for blk in sec.blocks if isinstance(blk, ListBlock) for it in blk.items]
    if all(is_id(e) for e in entries):
        return False  # "### Now" over "- FLOW-VUE-010": the board's view of items made elsewhere, no cards
    return True


def _columns_over_bullets(parent: Section) -> int:
    """How many of ``parent``'s sub-sections are a board's columns over bullets (asked once per import: a plan of a
    thousand headings asks it of each)."""

    def count() -> int:
        if sum(1 for c in parent.children if status_heading(c.bare_title)) < 2:
            return 0
        return sum(1 for c in parent.children if column_state(c) and _holds_bullets(c))

    return document_fact(parent, "columns over bullets", count)


def _holds_bullets(sec: Section) -> bool:
    """Whether a section holds plain bullets and nothing but text beside them (no boxes, no table)."""
    lists = [blk for blk in sec.blocks if isinstance(blk, ListBlock)]
    return (
        bool(lists)
        and not any(blk.has_checkboxes for blk in lists)
        and not any(isinstance(blk, Table) for blk in sec.blocks)
    )


def column_card(sec: Section) -> bool:
    """Whether ``sec`` is a card under a board's column (``## ✅ Done`` beside ``## 🔄 In progress``): one of two
    sub-headings or more under the board's columns, none over boxes, a table or headings of its own, whose bullets
    say what the card holds (``### [Infra] Repository layout`` over ``- Branch: chore/layout``) rather than name
    short cards."""
    up = sec.parent
    if up is None or up.parent is None or column_state(up) is None or status_heading(sec.bare_title) is not None:
        return False
    cards = [c for col in up.parent.children if column_state(col) for c in col.children]
    return _card_shaped(sec) and sum(1 for c in cards if _card_shaped(c)) >= 2


def _card_shaped(sec: Section) -> bool:
    if sec.children or any(isinstance(blk, Table) for blk in sec.blocks):
        return False
    lists = [blk for blk in sec.blocks if isinstance(blk, ListBlock)]
    if any(blk.has_checkboxes for blk in lists):
        return False
    # "### Completed Features" over "- Search", "- Export": a group of short cards, not one described.
    return not lists or any(split_keyval(it.text) for blk in lists for it in blk.items)


def closes_with_state(sec: Section) -> bool:
    """Whether ``sec`` is a top heading after the document's first that names a state ("# Things to do" … "# Done"):
    the work under it has that state; the first top heading is the plan's title."""
    return sec.level == 1 and not sec.is_title and status_heading(sec.bare_title) is not None
