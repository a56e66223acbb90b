"""What a lead-in line or label says the list under it holds: conditions to meet ("Acceptance criteria:"), the
work ("Key deliverables:", "Steps:"), sentences of work opening with an action. A heading's own words are read in
``heading_words``."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Other, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import opening_mark
from readiness_tui.core.importers.sections.heading_words import FEATURE_NOUN
from readiness_tui.core.importers.vocabulary.headers import WORK_FIELDS, header_field
from readiness_tui.core.importers.vocabulary.words import ACTION_VERBS, CRITERIA_STEMS, TASK_LABELS, WORK_LABELS

#: Headings and lead-in lines of checklists that are conditions, not tasks ("Acceptance criteria:", "Exit criteria
#: for Phase 3", "Definition of Done", "Success criteria", "Gate").
_CRITERIA_RE = re.compile(
    r"\b(?:acceptance|exit|success|entry|done|completion|release|launch)\s+criteria\b|\bcriteria\b|^acceptance\b|"
    # "## 4. Go/no-go checklist": the answers a go-live decision waits on, each a yes or a no, not work.
    r"\bgo\s*[/-]\s*no[\s-]?go\b|"
    # "### Phase 7 Verification": the checks that close a phase (its own work is under "Phase 7: Deployment").
    r"^\W*(?:phase|stage|milestone|sprint)\s+\d+[a-z]?\s+(?:verification|validation|exit checks?|gate|"
    r"sign-?off)\s*$|"
    # "**Before proceeding to Phase 2:**": what must hold before the plan goes on, not more work.
    r"^\W*before (?:proceeding|moving|going|continuing|advancing|progressing)(?: on)? to\b|"
    r"\bdefinition of (?:done|ready)\b|\b(?:done|complete|completed|finished)\s+when\b|\bgate\b|\bchecks? before\b|\bsign-?off\b|"
    r"\b(?:sprint|release|launch|phase)(?:\s+\d+)? goals?\b|^\W*(?:\d+[.)]\s*)?success\b|\breview checklist\b|\bchecklist for review\b|"
    # "Success metrics", "Metrics": targets. "Monitoring & Metrics" names a part of the system to check, "Metrics
    # Cardinality Protection" a piece of work on them.
    # "**KPIs de Sucesso:**", "KPIs:": the numbers the work is to reach.
    r"\bkpis?\s+(?:de\s+)?(?:sucesso|[ée]xito|succ[èe]s|success)\b|^\W*kpis?\W*$|"
    r"(?<!monitoring & )(?<!monitoring and )\bmetrics\s*(?:\(|:|$)|\b(?:success|key|target|kpi)\s+metrics\b|\bcoverage (?:targets?|goals?)\b|覆盖率目标|カバレッジ目標|"
    # What the work should leave behind, not more work: "Expected outputs:", "Output attesi", "Résultats attendus".
    r"\bexpected (?:outcomes?|outputs?|results?)\b|\b(?:output|risultati|risultato) attes[io]\b|"
    r"\brésultats? attendus?\b|\bresultados? esperados?\b|\berwartete[sn]? (?:ergebnis|resultat)|"
    r"ожидаемы[ейх] результат|"
    # "End-of-Day 43 Definition": what done means for the day, in other words.
    r"\bdefinition\s*$",
    re.I,
)
#: Rules every piece of work keeps, not work: "Quality Standards", "Every document must:", "All PRs should:".
_RULES_RE = re.compile(
    r"\b(?:quality|coding|code|documentation|writing|style|review|engineering) standards?\b|\bguidelines?\s*$|"
    # Advice on how to work: "💡 Tips for Moving Fast", "Pro tips". (A checklist's "Best Practices" is often its
    # work: "Use named volumes", "Add health checks".)
    r"^\W*(?:pro\s+)?tips\b|"
    # "Key Architectural Principles", "Guiding principles": what every piece of work follows.
    r"\bprinciples\s*$|"
    # ... and in the plan languages read: "Princípios", "Principios", "Principes", "Prinzipien", "Principi".
    r"^\W*(?:[^\W\d_]+\s+){0,2}(?:princ[ií]pios|principes|prinzipien|principi|принципы)\s*$|"
    r"^(?:every|each|all)\b[^:]{0,40}\b(?:must|should|shall)(?: be| have)?\s*:?\s*$",
    re.I,
)


def is_criteria(text: str, rules: bool = True) -> bool:
    """Whether a heading or lead-in line introduces conditions rather than tasks; with ``rules``, also the rules every
    piece of work keeps ("Quality Standards"), which in a phase's heading name its topic instead."""
    # "KRİTERLERİ": Turkish's dotted capital I lowers to "i" and a combining dot, which no stem has.
    folded = text.lower().replace("\u0307", "")
    # "## Security (Common Criteria)": the SOC 2 and ISO 15408 name of a family of controls, not conditions.
    folded = _NAMED_CRITERIA.sub(" ", folded)
    return bool(_CRITERIA_RE.search(folded) or (rules and _RULES_RE.search(folded))) or any(
        stem in folded for stem in CRITERIA_STEMS
    )


#: Names of control families that hold the word "criteria": "Common Criteria", "Trust Services Criteria".
_NAMED_CRITERIA = re.compile(r"\b(?:common|trust services?) criteria\b")


#: A heading over steps taken only if something goes wrong: "Troubleshooting", "Rollback Plan", "Contingency". (A
#: heading "If Rejection Occurs" or "CNI upgrade (if needed)" may name work a plan does expect: it is read as work.)
_CONDITIONAL_RE = re.compile(r"\btroubleshoot|\brollback\b|\broll(?:ing)? back\b|\bcontingency\b", re.I)


def conditional(sec: Section) -> bool:
    """Whether the section or one above it (the title aside) holds steps taken only in some event, not the work."""
    return any(
        s.heading is not None and not s.is_title and _CONDITIONAL_RE.search(plain(s.bare_title))
        for s in [sec, *sec.ancestors()]
    )


#: What a heading or a lead-in says when it names what the plan leaves out (a heading's role ``not_in_scope``).
OUT_OF_SCOPE = ("not.in.scope", "out of scope", "non.goals")
#: A lead-in naming what the plan leaves out: "Explicitly excluded from Sprint 1:", "Out of scope:", "Non-goals:".
_EXCLUDED_RE = re.compile(
    rf"\b(?:{'|'.join(OUT_OF_SCOPE)})\b|"
    # "exclu" opens "excluded", "exclus", "excluidos", "esclusi" does not (its own word below).
    r"\bexclu|\bnon.?goals?\b|\bnot included\b|\bhors (?:du )?périmètre\b|"
    r"\bfuera de(?:l)? alcance\b|\bfora do escopo\b|\bnicht im umfang\b|\bausgeschlossen\b|\bescluso\b",
    re.I,
)


def excludes(text: str) -> bool:
    """Whether a lead-in line introduces what the plan leaves out, not work it does."""
    return bool(_EXCLUDED_RE.search(text))


#: A paragraph introducing the list after it: ``**Notes:**``, ``Acceptance criteria:``, ``**任务**:``.
_LEAD_IN = re.compile(r"^\s*(?:\*\*)?(?P<label>[^*\n:]{1,60}?)\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*$")


def lead_in_label(block: object) -> str:
    """The label of a paragraph that introduces the list after it (``**Tasks:**`` -> "Tasks"), else ""."""
    m = _LEAD_IN.match(leading_line(block.text)) if isinstance(block, Paragraph) else None
    return plain(m.group("label")) if m else ""


def leading_line(text: str) -> str:
    """The line of a paragraph that leads the list after it in: the whole paragraph, or its last line when the lines
    before it each state a labelled value (``**Goal**: Basic backup`` then ``**Deliverables**:``)."""
    lines = text.splitlines()
    if len(lines) > 1 and all(_LABELLED_VALUE.match(ln) for ln in lines[:-1]):
        return lines[-1]
    return text


#: A line stating a labelled value: ``**Goal**: Basic backup``, ``**Owner:** Ana``.
_LABELLED_VALUE = re.compile(r"^\s*\*\*[^*\n]{1,40}?(?::\*\*|\*\*\s*:)\s*\S")


#: The same after a mark: ``🎯 **Στόχος:** Subscription management``.
_MARKED_LABELLED_VALUE = re.compile(r"^\s*(?:[^\w\s*]+\s*)?\*\*[^*\n]{1,40}?(?::\*\*|\*\*\s*:)\s*\S")


def states_values(text: str) -> bool:
    """Whether every line of a paragraph states a labelled value (``🎯 **Goal:** ship the audit``): fields of the
    section it stands in, no lead-in to the list after it."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return bool(lines) and all(_MARKED_LABELLED_VALUE.match(ln) for ln in lines)


def label_of(line: str) -> str:
    """The label of a line leading a list in, with its colon or as a bold line alone (``**Backend Tasks**:``,
    ``**Tasks**`` -> "Tasks"), else ""."""
    m = _LEAD_IN.match(line) or _BOLD_LEAD_IN.match(line)
    return plain(m.group("label")) if m else ""


#: A bold label line leading a list in: ``**Output attesi:**``, ``**Acceptance criteria**:``, and with an aside in
#: brackets after it, ``**Acceptance Validation** (Manual):``.
_BOLD_LEAD_IN = re.compile(r"^\s*\*\*(?P<label>[^*\n]{1,60}?)\s*:?\s*\*\*\s*(?:\((?P<aside>[^()\n]{1,30})\)\s*)?:?\s*$")


def lead_in_aside(sec: Section, lst: ListBlock) -> str:
    """The aside in brackets after the bold label leading ``lst`` in (``**Behavior Checklist** (from Plan Acceptance
    Criteria):`` -> "from Plan Acceptance Criteria"), else ""."""
    par = sec.block_before(lst)
    m = _BOLD_LEAD_IN.match(leading_line(par.text)) if isinstance(par, Paragraph) else None
    return plain(m.group("aside") or "") if m else ""


def bold_label(text: str) -> bool:
    """Whether a line (a paragraph, or a list entry's text) is a bold label alone: ``**Release automation**``."""
    return bool(_BOLD_LEAD_IN.match(text))


def list_lead_in(sec: Section, lst: ListBlock) -> str | None:
    """The label of a line standing just before ``lst`` in its section and leading it in, if one does: a bold line
    (``**Expected outputs**``) or one that ends with a colon (``Every document must:``)."""
    par = sec.block_before(lst)
    return (label_of(leading_line(par.text)) or None) if isinstance(par, Paragraph) else None


def is_task_label(label: str, boxes: bool = False) -> bool:
    """Whether a lead-in label names the list after it as tasks (``TASK_LABELS``): "Tasks", "To do", "任务", and with
    up to two words before that say whose or when ("Backend Tasks", "Day 1 Tasks"), but not tasks it only names
    ("Related tasks", "Blocked tasks"). Over ``boxes`` also "Steps" and "Deliverables": each box is work ticked off
    on its own, where a plain bullet under them only says what the work holds."""
    words = label.lower().split()
    names = TASK_LABELS | _BOX_TASK_LABELS if boxes else TASK_LABELS
    for n in range(min(3, len(words))):
        if " ".join(words[n:]) in names:
            return not (set(words[:n]) & _NAMING_WORDS)
    return False


def leads_in_tasks(line: str) -> bool:
    """Whether a line leads in an item's own pieces of work as plain entries ("**Tasks:**", "- **Subtasks**:"); the
    features it lists ("**Features**:") say what the item does, its description."""
    label = label_of(line)
    return is_task_label(label) and not label.lower().endswith("features")


_BOX_TASK_LABELS = frozenset({"steps", "deliverables"})


#: Words before "tasks" in a lead-in over tasks that are elsewhere in the plan, not the work listed here.
_NAMING_WORDS = frozenset(
    {"related", "linked", "blocked", "blocking", "dependent", "prerequisite", "other", "previous", "upstream",
     "downstream"}
)  # fmt: skip


def lists_tasks(sec: Section) -> bool:
    """Whether a section holds a checklist led in as its tasks (``**任务**:``, ``**Tasks:**``): the boxes are items."""
    return any(
        isinstance(blk, ListBlock)
        and blk.has_checkboxes
        and n > 0
        and is_task_label(lead_in_label(sec.blocks[n - 1]), boxes=True)
        for n, blk in enumerate(sec.blocks)
    )


def lists_actions(sec: Section) -> bool:
    """Whether a section named by a topic ("1.1 Password Security Hardening", "2. **Security**") holds a checklist of
    three boxes or more and no fields of its own: the boxes are the work, the heading their group. A heading that
    opens with a verb of work ("2.1 Fix the serializer") names a task, and one over its own fields ("**Owner:**
    @aya") is an item: the boxes under either are its steps."""
    if opens_with_action(sec.bare_title):
        return False
    # Boxes led in as criteria ("**Acceptance Criteria**:") are what a piece of work must meet, not work of a topic.
    # An entry opening with a mark of its state ("- ✅ **TypeScript configuration** - July 15") is a box drawn so,
    # right under the heading; after a label or a line ("**Current State:** ✅ Good") such marks may say what is so.
    # A quoted note before the list ("> **Origen**: Punto 7 del entorno") says where the work comes from; it leads
    # nothing in.
    quoted = [isinstance(blk, Other) and blk.kind == "blockquote" for blk in sec.blocks]
    entries: list[tuple[ListItem, bool]] = [
        (it, all(quoted[:n]))
        for n, blk in enumerate(sec.blocks)
        if isinstance(blk, ListBlock) and not (n and is_criteria(lead_in_label(sec.blocks[n - 1])))
        for it in blk.items
    ]
    if any(it.checked is None and _item_field(it.text) for it, _ in entries):
        return False
    boxes = [it for it, bare in entries if it.checked is not None or (bare and opening_mark(plain(it.text)))]
    # Fewer boxes are the topic's work when each names an action ("### 1.1 Configuration" over "- [x] Create
    # config.py"), not a step's words.
    return len(boxes) >= 3 or (bool(boxes) and all(opens_with_action(it.text) for it in boxes))


def _item_field(text: str) -> bool:
    """Whether a list entry states one of an item's fields (``**Owner:** @aya``, ``Status: done``, ``Due: May``)."""
    kv = split_keyval(text)
    return kv is not None and header_field(" ".join(kv[0].lower().split())) in WORK_FIELDS | {"target"}


#: What may stand before an entry's first word: an outline number, marks, a step's word and number ("Step 1: Archive
#: …"), a bold label and its colon ("**Backend**: Remove …").
_BEFORE_VERB = re.compile(
    r"^(?:[\d.)\s]+|[^\w*]+)*(?:(?:step|task|stage)\s+\d+[a-z]?\s*[:.)—–-]\s*)?"
    r"(?:\*\*[^*]{1,30}\*\*\s*:?\s*)?(?:[^\w\s]+\s*)?",
    re.I,
)


def sentences_of_work(texts: list[str]) -> bool | None:
    """Of bullets under named entries: None when they are not all sentences (a full stop closing each); else whether
    most open with a verb of work ("- Create the BuildBuddy project.": steps of their own) rather than describe
    ("- Ajouter la possibilité d'attribuer des étiquettes." is what the entry holds)."""
    if not all(text.endswith((".", "。")) for text in texts):
        return None
    return 2 * sum(map(opens_with_action, texts)) > len(texts)


def opens_with_action(text: str) -> bool:
    """Whether a title or an entry opens with a verb of work (``ACTION_VERBS``), past its number, marks or label."""
    # (An entry that is its bold label alone, "**Fix src/lib/**:", opens with the label's words.)
    words = plain(_BEFORE_VERB.sub("", text, count=1)).split()
    if not words:
        words = re.sub(r"^[\d.)\s]+", "", plain(text)).split()
        return bool(words) and is_action_verb(words[0].lower().strip(":,"))
    # "Containers: adopt `rules_oci` …": a plain label of a few words names the part the work is on.
    label = _PLAIN_LABEL.match(" ".join(words))
    if is_action_verb(words[0].lower().strip(":,")):
        # "Document Management", "Build System": a verb's word before a product's noun names a part of it, a topic.
        compound = len(words) == 2 or (len(words) == 3 and words[1].lower() not in _DETERMINERS)
        return not (compound and FEATURE_NOUN.fullmatch(" " + words[-1].strip(":,")))
    return label is not None and is_action_verb(label.group("verb").lower().strip(":,"))


#: Words after a verb that make what follows its object: "Document the API" is work, "Document Management" a topic.
_DETERMINERS = frozenset(
    {"the", "a", "an", "all", "our", "new", "any", "each", "every", "this", "that", "its", "their"}
)

#: A label of one to three words and its colon before an entry's verb: "Helm charts/K8s: evaluate …".
_PLAIN_LABEL = re.compile(r"^[^\s:]+(?:\s[^\s:]+){0,2}:\s+(?P<verb>\S+)")


#: A verb by its form: "Formalize", "Containerize" (not "Size", "Prize"). Not "-ify": "Shopify" is a name.
_VERB_FORM = re.compile(r"^[a-z]{3,}ize$")


def is_action_verb(word: str) -> bool:
    """Whether a lower-case word is a verb of work: one of ``ACTION_VERBS``, one of them done again ("recreate",
    "redeploy"), or a verb by its form ("formalize")."""
    return word in ACTION_VERBS or (word.startswith("re") and word[2:] in ACTION_VERBS) or bool(_VERB_FORM.match(word))


#: A count of tasks in a label's brackets: "(6 tasks)", "(12 items)".
_COUNTS_TASKS = re.compile(r"\(\s*\d+\s+(?:tasks?|work items?|stories)\s*\)", re.I)


def is_work_label(label: str) -> bool:
    """Whether a lead-in label names the work of the list after it: "Tasks", "Livrables", "Key deliverables", or
    counts it as tasks ("Backend Implementation (6 tasks)")."""
    if _COUNTS_TASKS.search(label):
        return True
    bare = " ".join(re.sub(r"\s*\([^)]*\)", "", label).lower().split())
    words = bare.split()
    return bare in WORK_LABELS or (
        len(words) <= 4 and any(bare.startswith(w + " ") or bare.endswith(" " + w) for w in WORK_LABELS)
    )
