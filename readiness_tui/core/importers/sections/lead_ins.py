"""What a heading or a lead-in line says the list under it holds: conditions to meet ("Acceptance criteria:"),
the work ("Key deliverables:"), or records of the plan's context ("3. Alternatives", "5. Files"); and whether a
heading names work ("Next features") or something about the plan ("Background", "1.2 Goals")."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Other, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import opening_mark
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
        return not (compound and _FEATURE_NOUN.fullmatch(" " + words[-1].strip(":,")))
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


#: A heading over records of the plan's context, not its work: the constraints, the options weighed, the outside
#: dependencies, the files touched, the tests ("1. Requirements & Constraints", "3. Alternatives", "5. Files",
#: "6. Testing", the sections of a common implementation-plan template beside its "Implementation Steps"), the
#: documents it cites ("References", "Resources", "Glossary"), the decisions taken ("Key decisions", "決定事項").
#: "Requirements" alone is not one: a PRD's requirements (FR-01) are the work it plans.
_CONTEXT_RE = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:requirements?\s*(?:&|and)\s*constraints?|constraints?|alternatives?(?:\s+considered)?|"
    r"references?|resources|glossary|escalation(?:\s+(?:path|matrix|policy|levels?))?|(?:emergency\s+)?contacts?|"
    r"support(?:\s+channels?)?|"
    r"(?:external\s+)?dependencies|files?(?:\s+(?:changed|affected|touched))?|testing|tests|"
    r"related\s+specifications?\b.*)$",
    re.I,
)
#: The decisions taken, with their reasons: "Key decisions", "Key Rust Decisions", "Decisiones justificadas
#: (extracto)", "ADRs", "七、技术决策记录" (a CJK word may close a compound: "technical decision records").
_DECISIONS_RE = re.compile(
    r"^(?:(?:\d+|[一二三四五六七八九十]+)[.)、．]?\s*)?(?:(?:key|design|architectur\w*|technical|tech)\s+(?:\w+\s+)?)?"
    r"(?:decisions?|decisiones|décisions?|decisões|entscheidungen|adrs?)\b|"
    # "Open Questions & Decisions Log", "Decision register": a log of what was asked and settled.
    r"^(?:open\s+)?questions?\s*(?:&|and|/)\s*decisions?\b|^decisions?\s+(?:log|register)\b|"
    r"^(?:[一二三四五六七八九十]+[、.．]\s*)?[^\s、.．]{0,6}?(?:決定事項|决定事项|决策|결정\s?사항)",
    re.I,
)


def _heading_above(sec: Section, *patterns: re.Pattern[str]) -> Section | None:
    """The section (``sec`` or one above it, the title aside) whose heading one of ``patterns`` matches."""
    for s in [sec, *sec.ancestors()]:
        if s.heading is not None and s.level > 1 and any(rx.match(s.bare_title.strip()) for rx in patterns):
            return s
    return None


def context_heading(sec: Section) -> Section | None:
    """The section (``sec`` or one above it, the title aside) whose heading names records of the plan's context."""
    return _heading_above(sec, _CONTEXT_RE, _DECISIONS_RE)


def decisions_heading(sec: Section) -> Section | None:
    """The section (``sec`` or one above it, the title aside) whose heading names the decisions taken: the headings
    under it with ids (``### DDR-001: Config watcher``, ``### ADR-3``) record decisions, they are not work."""
    return _heading_above(sec, _DECISIONS_RE)


#: A heading over numbered headings that are items names work: "Next features", "Planned work", "Fixes".
_NAMES_WORK = re.compile(
    r"\b(features?|tasks?|steps?|roadmap|next|planned|upcoming|to-?dos?|backlog|work|deliverables?|fixes|"
    r"improvements?|actions?|changes|recommendations?|items?|priorit(?:y|ies)|order|implementation|rollout|plan)\b",
    re.I,
)


#: The words of a section that introduces a plan ("Background", "Goals", "优化目标"): English, then the scripts
#: written without spaces, where the word closes a compound.
_INTRO_WORDS = r"background|overview|context|summary|goals?|objectives?|introduction|motivation|problem|scope|purpose"
_INTRO_CJK = r"背景|概要|概述|目标|目標|目的|简介|배경|목표|개요"

#: Headings about the plan rather than its work, in the plan languages read.
_ABOUT_THE_PLAN = re.compile(
    rf"\b(?:{_INTRO_WORDS}|current\s+state|as-is|status\s+quo|ist-zustand|rollback|references?|"
    r"links?|resources|sources|questions?|decisions?|glossary|notes?|metrics|kpis?|contacts?|team|roles|owners|"
    r"ownership|evidence|dependencies\s*$|contributing|how\s+to\s+contribute|how\s+to\s+(?:use|read|update)\b|"
    # "Updating This File", "Sprint Cadence Suggestions": how the plan is kept and the team meets, not its work.
    r"(?:updating|maintaining|editing)\s+this\b|cadence|"
    r"tech(?:nology|nical)?\s+stack|"
    r"(?:key|core|main|tools\s+and)\s+technologies|"
    r"stakeholders|requirements|prerequisites|success|outcomes?|results?|lessons|retro(?:spective)?|"
    # "Manual Dependency Analysis Guide", "Quick Start Selection Guide": how to do the work, not more of it.
    r"guide\s*$|"
    # "## Deadlines" over "- 2025-03-26: pipeline ready": when the plan is due, not more of its work.
    r"deadlines|key\s+dates|important\s+dates|fristen|fechas\s+l[ií]mite|[ée]ch[ée]ances|prazos|scadenze|"
    r"kontext|hintergrund|ziele?|zusammenfassung|contexte|objectifs?|résumé|contexto|objetivos?|resumen|resumo|"
    rf"contesto|obiettivi)\b|{_INTRO_CJK}",
    re.I,
)


def about_the_plan(title: str) -> bool:
    """Whether a heading (or a lead-in label) names something about the plan rather than its work: context, goals,
    scope, rollback, references."""
    text = plain(title)
    return any(not _FEATURE_NOUN.match(text, m.end()) for m in _ABOUT_THE_PLAN.finditer(text))


#: A noun after such a word that makes the heading a part of the product: "Evidence Management", "Team Dashboard".
_FEATURE_NOUN = re.compile(
    r"\s+(?:management|system|module|integration|tracking|tracker|dashboard|editor|service|screen|page|portal|"
    r"sync|support|feature|features|app|ui|api)\b",
    re.I,
)


#: A numbered section that only introduces the plan: "1.1 Background", "2. Goals", "1.2 优化目标" (goals); or one
#: that says what the work needs or risks, or when a phase is done: "1.3 Key Dependencies", "1.4 Risk Mitigation",
#: "2.5 Completion Criteria".
_PLAN_SECTION = re.compile(
    r"^\d+(?:\.\d+)*\.?\s+(?:(?:project|problem|strategic|key|main|business)\s+)?"
    rf"(?:{_INTRO_WORDS}|dependencies|risks?(?:\s+(?:mitigation|management|assessment))?|"
    r"(?:completion|success|exit|acceptance)\s+criteria)(?:\s+statement)?\s*$"
    rf"|^\d+(?:\.\d+)*\.?\s+\S*(?:{_INTRO_CJK})\s*$",
    re.I,
)


def introduces_the_plan(title: str) -> bool:
    """Whether a numbered heading is one of the sections that introduce a plan (see ``_PLAN_SECTION``)."""
    return bool(_PLAN_SECTION.match(plain(title).strip()))


#: A heading naming one unit of a schedule: "Day 1: Core models", "Week 1-2: Foundation", "Sprint 4".
_SCHEDULE_UNIT = re.compile(r"^(?:day|week|sprint|iteration)s?\s+\d+\b", re.I)


#: "Deliverables" in the plan languages read, as word stems: "Entregables Día 1", "Livrables", "Lieferergebnisse".
_DELIVERABLES = ("deliverable", "entregable", "entregáve", "entregave", "livrable", "lieferergebnis", "consegn")


def names_deliverables(text: str) -> bool:
    """Whether a label or heading names what work leaves behind, its deliverables, in a plan language read."""
    low = text.lower()
    return any(stem in low for stem in _DELIVERABLES)


#: The word of a heading about what the work waits on: "Phase Dependencies", "High-Priority Dependencies".
_DEPENDENCIES = re.compile(r"\bdependenc(?:y|ies)\b", re.I)


def names_dependencies(title: str) -> bool:
    """Whether a heading's words speak of dependencies (what the work waits on)."""
    return _DEPENDENCIES.search(title) is not None


def schedule_unit(title: str) -> bool:
    """Whether a heading names one unit of a schedule (a day, a week, a sprint): what is listed under it is done then."""
    return bool(_SCHEDULE_UNIT.match(plain(title)))


_CHECKLIST = re.compile(r"\bcheck[\s-]?list[es]*\b", re.I)


def names_a_checklist(title: str) -> bool:
    """Whether a heading names a checklist ("## Checklist", "Upgrade checklist"): the boxes under it are the work,
    and its plain bullets are boxes drawn without them."""
    return bool(_CHECKLIST.search(title))


#: A heading over the features to build, one per sub-heading or entry: "Planned Features", "Proposed features".
_FEATURES = re.compile(r"^(?:\d+[.)]\s*)?(?:(?:planned|proposed|upcoming|future|new|candidate)\s+)?features?\s*$", re.I)


def names_features(title: str) -> bool:
    """Whether a heading names the features to build ("Features", "Planned Features"), each one item."""
    return bool(_FEATURES.match(plain(title).strip()))


def names_work(title: str) -> bool:
    """Whether a heading names work to be done ("Next features", "Implementation order", "Fixes")."""
    return bool(_NAMES_WORK.search(title))
