"""How an entry's name is told from what it says of itself: a bold label before its words (unless the label only
says when), a bold name then a dash or its details in brackets, a short name then a long explanation after a colon, a
dash or a bold label with a colon where the whole list writes its entries so, or the first of its sentences. The name
is the item's title, the rest its description."""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListItem, plain
from readiness_tui.core.importers.entries.entry_ids import LEAD_MARK_RE
from readiness_tui.core.importers.guided.titles import keeps_in_title
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.sections.lead_ins import opens_with_action
from readiness_tui.core.importers.sections.patterns import LEAD_DECORATION
from readiness_tui.core.importers.vocabulary.words import KIND_LABEL

#: An entry named by a bold label before what it says: "**Monitor Progress**: Use the monitoring commands", "✅ **MTC
#: Operator:** Running", a mark maybe before the label.
_LABEL_LEAD_RE = re.compile(
    r"^(?:[^\w\s*`\[(]{1,3}\s*)?\*\*(?P<label>[^*]{1,60}?)\s*(?P<inner>[:：])?\s*\*\*"
    r"(?(inner)|\s*(?:[:：—–]|\s-|(?=\([^()]+\)\.?\s*$)))\s*\S",
    re.S,
)


#: A label that only says when the work falls in a schedule: "Day 3", "Days 4-5", "Week 2", "Sprint 1", "Month 2".
SLOT_LABEL = re.compile(r"(?:days?|weeks?|sprints?|months?)\s+\d{1,3}(?:\s*[-–—]\s*\d{1,3})?", re.I)


def split_label(text_md: str, title: str) -> tuple[str, str]:
    """``(title, description)`` of an entry named by a bold label of six words at most (``_LABEL_LEAD_RE``): the
    label, and what follows it in ``title`` (the entry's words once its fields were read from the whole line). Any
    other entry, or one whose fields took words out of its label ("**Hash (Critical)**"), keeps ``title`` whole."""
    m = _LABEL_LEAD_RE.match(text_md.strip())
    # "**✅User Auth**: User registration …": a state mark opening the label says the status; the words name it.
    label = LEAD_MARK_RE.sub("", " ".join(plain(m.group("label")).split()), count=1) if m else ""
    # "- 💰 **Payment Processing**: …": a pictograph before the label decorates it, in the title as in the label.
    named = title if title.startswith(label) else LEAD_DECORATION.sub("", title, count=1)
    head, _, after = label.partition(" ")
    if after and not named.startswith(label) and is_id(head.rstrip(":.")) and named.startswith(after):
        label = after  # "**T-1: Project Setup** - …": the id opening the label was read as the entry's id
    if not label or len(label.split()) > 6 or not named.startswith(label):
        return title, ""
    rest = named[len(label) :].lstrip(" :：—–-").strip()
    if (paren := re.fullmatch(r"\(([^()]+)\)\.?", rest)) is not None:
        rest = paren.group(1).strip()  # "**Authentication** (Login, Route Protection).": the name, then its details
    return name_and_said(label, rest) if rest else (title, "")


def name_and_said(label: str, rest: str) -> tuple[str, str]:
    """``(title, description)`` of an entry a bold label opens before ``rest``: the label names the work, unless it
    only says when the work falls (``**Day 3** — Backend skeleton``, ``**Week 2**:``): then ``rest`` names it."""
    return (rest, label) if rest and SLOT_LABEL.fullmatch(label) else (label, rest)


def labelled_entry(b: Builder, it: ListItem, title: str, split: bool = True) -> tuple[str, str]:
    """``(title, description)`` of a list entry: the title ``split_label`` leaves (when ``split``), and what follows
    the label, then the entry's nested lists, as its description ("" when it has neither)."""
    title, said = split_label(it.text, title) if split else (title, "")
    return title, "\n".join(part for part in (said, b.item_source(it)) if part)


#: A box's words as a short name, a colon, and a long explanation: "Inserir um novo projeto: para criar um projeto, o
#: usuário só precisa de um nome …". The name is six words at most, the explanation twelve at least.
_NAMED_THEN_EXPLAINED = re.compile(r"^(?P<name>[^:：?？]{3,60}?)\s*[:：]\s+(?P<rest>\S.*)$", re.S)


#: Words opening a condition: "For major releases", "If needed", "After binaries are published", "Once merged".
_CONDITION = re.compile(r"^\W*(?:for|if|when|whenever|once|after|before|unless|only if|in case)\b", re.I)


#: A few words after a name's colon, then a spaced dash and the explanation: "Live Ride — map, HUD metrics strip".
_DASH_AFTER_NAME = re.compile(r"^(?P<more>(?:\S+\s+){0,3}?\S+)\s+[—–]\s+(?P<rest>\S.*)$", re.S)


#: The same after a spaced dash: "Secure Video Upload - Build Mux integration following the playbook". A dash
#: parts a name from what it says more readily than a colon (``Owner: Ana`` is a field): four words after it do.
#: A name that is only a code span (a function's name, then "- Verify the user may act") is the code the work is on,
#: not the work's name: the whole line is the title.
_NAMED_THEN_DASHED = re.compile(
    r"^(?!`[^`]+`\s+[-—–]\s)"  # not a code span alone before the dash
    r"(?P<name>[^:：?？]{3,60}?)\s+[-—–]\s+(?P<rest>\S.*)$",
    re.S,
)


#: "**Appoint Privacy Officer** - Designate the person ...": a bold name, a dash, then what it means (or its details
#: in brackets closing the entry: "**Authentication** (Login, Route Protection)."). After a colon
#: a bold word is as often the entry's area (``**Backend:** Remove the logging``): that stays in the title.
_BOLD_DASHED = re.compile(r"^\s*\*\*[^*]{1,60}\*\*(?:\s+[-—–]\s+\S|\s*\([^()]+\)\.?\s*$)")


def named_then_explained(title: str, md: str = "", dashed: bool = False, labelled: bool = False) -> tuple[str, str]:
    """``(name, explanation)`` of a box named and then explained, else ``(title, "")``: the name is the item's
    title, the explanation its description. Named by a bold label and a dash (``_BOLD_DASHED`` of its Markdown
    ``md``), or by a bold label and a colon where its list names every entry so (``labelled``: ``labelled_list``);
    or explained at length after a colon (``_NAMED_THEN_EXPLAINED``); or after a dash where its list writes every
    entry so (``dashed``: ``dashed_list``); or in the sentences after its first (``first_sentence``)."""
    label, said = split_label(md, title) if labelled or _BOLD_DASHED.match(md) else (title, "")
    if said:
        return label, said
    m = _NAMED_THEN_EXPLAINED.match(title)
    if m is not None and _CONDITION.match(m.group("name")):
        m = None  # "For major releases: if the splash screen changed, …": when the work is due, not its name
    if m is not None and len(m.group("name").split()) <= 6 and len(m.group("rest").split()) >= 12:
        if keeps_in_title("colons"):
            return title, ""  # the person said a colon is part of a title in this plan
        if KIND_LABEL.match(title):
            return title, ""  # "Task: Conductor - User Manual Verification …": a kind of work, not the name
        dash = _DASH_AFTER_NAME.match(m.group("rest"))
        if dash is not None and not re.search(r"[/`\[\]()]", dash.group("more")):
            # "Screen 3: Live Ride — map, HUD metrics strip, …": the name runs to the dash, its colon a part of it
            # ("Resume AI: POST /api/rank — match score": a path after the colon is what the name's work is on).
            return f"{m.group('name').strip()}: {dash.group('more').strip()}", dash.group("rest").strip()
        return m.group("name").strip(), m.group("rest").strip()
    if dashed and (named := dashed_name(title))[1]:
        return named
    return first_sentence(title)


#: The end of a sentence inside an entry: a stop after a word (not an abbreviation, not a dotted name such as
#: ``layer.n``), then a space and a capital.
_SENTENCE_STOP = re.compile(r"(?<![\s.])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)\.\s+(?=[A-Z])")


def first_sentence(title: str) -> tuple[str, str]:
    """``(first sentence, the rest)`` of an entry written as sentences, the first of three words at least and the whole
    of twelve ("Fix layer.n = -1 initialization and FlashPrint Preextrude being its own layer.n=0. Instead we should
    …"): the first says the work, the rest explains it. Else ``(title, "")``."""
    stop = _SENTENCE_STOP.search(title)
    if stop is None or len(title.split()) < 12 or len(title[: stop.start()].split()) < 3:
        return title, ""
    return title[: stop.start()].strip(), title[stop.end() :].strip()


def dashed_list(texts: list[str]) -> bool:
    """Whether a list names each entry, a dash, then explains it (``_NAMED_THEN_DASHED``: a name of six words at
    most, four words after), in every one of its entries, two or more: the list's way of writing."""
    shaped = 0
    for text in texts:
        m = _NAMED_THEN_DASHED.match(text)
        shaped += bool(m and len(m.group("name").split()) <= 6 and len(m.group("rest").split()) >= 4)
    return shaped >= 2 and shaped == len(texts)


def dashed_name(text: str) -> tuple[str, str]:
    """``(name, explanation)`` of an entry of a ``dashed_list``; ``(text, "")`` when it is not so written."""
    m = _NAMED_THEN_DASHED.match(text)
    return (m.group("name").strip(), m.group("rest").strip()) if m else (text, "")


#: "✅ **Project Setup**: Next.js monorepo", "- **Database:** Supabase schemas": a bold label, its colon, then the rest.
_BOLD_COLON = re.compile(
    r"^(?:[^\w\s*`\[(]{1,3}\s*)?\*\*(?P<label>[^*]{1,60}?)\s*(?:[:：]\s*\*\*|\*\*\s*[:：])\s*(?P<rest>\S.*)$", re.S
)


def labelled_list(mds: list[str]) -> bool:
    """Whether a list names each of its entries (two or more, in Markdown ``mds``) by a bold label of four words at
    most and a colon, no label twice, and most entries say no work after the label: a list of named features
    (``✅ **Project Setup**: Next.js + React Native monorepo``). A label that repeats (``**Backend:**``) or one
    followed by the work to do (``**Backend:** Remove the logging``) is the area the work is in: not its name."""
    found = [_BOLD_COLON.match(md.strip()) for md in mds]
    if len(found) < 2 or not all(found):
        return False
    labels = [" ".join(plain(m.group("label")).lower().split()) for m in found if m]
    if len(set(labels)) < len(labels) or any(len(label.split()) > 6 for label in labels):
        return False
    # "**Graceful handling of stale tokens**: Show a clear error": labels of three words or more name the work,
    # what follows says how; an area is named in a word or two ("**Backend:** Remove the logging").
    if 2 * sum(len(label.split()) >= 3 for label in labels) > len(labels):
        return True
    return 2 * sum(opens_with_action(m.group("rest")) for m in found if m) < len(found) and all(
        len(label.split()) <= 4 for label in labels
    )
