"""Tables whose rows are no work, told by their header words and the heading above them: about the document (a
sign-off, a revision history, an index of documents), legends, open questions, decision logs, inventories, people,
test cases, criteria, metrics with their targets, requirements and maps of them, scope lists, and findings the
plan's work takes up elsewhere. ``not_work`` says which, for the report."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Section, Table, plain
from readiness_tui.core.importers.sections.heading_words import context_heading, decisions_heading
from readiness_tui.core.importers.sections.lead_ins import is_criteria
from readiness_tui.core.importers.tables.cells import column_cells, padded_cells
from readiness_tui.core.importers.vocabulary.headers import WORK_FIELDS, norm_header
from readiness_tui.core.importers.vocabulary.statuses import exact_status

#: Header words of tables about the document rather than its work.
_SIGNATURE = frozenset(
    {
        "signature",
        "signed",
        "sign off",
        "signoff",
        "firma",
        "unterschrift",
        "assinatura",
        "подпись",
        "签名",
        "署名",
        "서명",
    }
)
_VERSION = frozenset(
    {"rev", "revision", "version", "ver", "versión", "versão", "versione", "версия", "版本", "バージョン", "버전"}
)
_CHANGES = frozenset(
    {"changes", "change", "author", "authors", "description of change", "summary of changes", "change summary",
     "reviewer", "reviewers", "reviewed by", "approved by", "editor", "modified by", "cambios", "alterações", "modifiche",
     "änderungen", "autor", "autores", "auteur", "auteurs", "autore", "autori", "autoren", "изменения", "变更", "変更",
     "변경", "what changed", "update", "updates", "更新内容", "变更内容", "修改内容", "変更内容", "更新", "변경 내용"}
)  # fmt: skip
_DOCUMENT = frozenset(
    {"document", "documents", "doc", "documento", "documentos", "documenti", "dokument", "dokumente", "dokumen",
     "tài liệu", "документ", "документы", "文档", "ドキュメント", "문서"}
)  # fmt: skip


#: A column of questions, and none for an owner or a status: "| # | Question | Options | Decision |" lists
#: decisions to make, not work.
_QUESTION = frozenset(
    {"question", "questions", "open question", "open questions", "frage", "offene frage", "pregunta", "question ouverte",
     "domanda", "pergunta", "вопрос", "pytanie", "问题", "質問", "질문"}
)  # fmt: skip

#: The column that says what each row's label or term means: a legend or a glossary ("| Label | Definition |").
_MEANING = frozenset(
    {"definition", "definitions", "meaning", "means", "what it means", "bedeutung", "signification", "significado",
     "significato", "значение", "含义", "定义", "意味", "의미"}
)  # fmt: skip
#: A column of decisions taken, and none for an owner or a status: "| # | Decision | Choice | Note |" is a decision
#: log (ADRs, locked choices), not work.
_DECISION = frozenset(
    {"decision", "decisions", "decision taken", "entscheidung", "decisión", "decision tomada", "décision", "decisione",
     "decisão", "решение", "decyzja", "决定", "决策", "決定", "決定事項", "결정", "결정 사항"}
)  # fmt: skip

#: A first column of metrics beside one of their targets: "| Metric | Target | Status |".
_METRIC = frozenset({"metric", "metrics", "kpi", "kpis", "measure", "indicator"})
_TARGET = frozenset({"target", "targets", "goal", "threshold", "target value"})

#: A column of assets and none for a status, a priority or an order: "| # | Asset | Type | Owner |" is an inventory
#: (what there is to protect), not work.
_ASSET = frozenset(
    {"asset", "assets", "asset name", "activo", "activos", "actif", "actifs", "ativo", "ativos", "asset aziendale",
     "vermögenswert", "vermögenswerte", "актив", "активы", "资产", "資産", "자산"}
)  # fmt: skip
_WORK_NOT_OWNER = WORK_FIELDS - {"owner"}

#: A column of packages beside one of their versions, and none for work: "| Package | Current Version | Compatible |"
#: is what is installed (an upgrade plan's inventory), not work.
_PACKAGE = frozenset(
    {"package", "packages", "library", "libraries", "module", "crate", "gem", "paquete", "pacote", "paket", "пакет",
     "包", "库", "パッケージ", "ライブラリ", "패키지", "라이브러리"}
)  # fmt: skip

#: A column of addresses beside a title column naming people: "| # | Name | Email | Role |" lists the people of the
#: plan (its beta users, its contacts), not work, whatever state each is in; "| Task | Owner | Email |" is work.
_ADDRESS = frozenset(
    {"email", "e-mail", "email address", "e-mail address", "mail", "contact", "phone", "telephone", "courriel",
     "correo", "correo electrónico", "e-mail-adresse", "telefon", "teléfono", "telefone", "почта", "邮箱", "メール",
     "이메일"}
)  # fmt: skip
_PERSON = frozenset(
    {"name", "full name", "person", "member", "user", "contact", "participant", "tester", "nom", "nombre", "nome",
     "имя", "姓名", "名前", "이름"}
)  # fmt: skip

#: A column of what a test expects, and none for an owner or a status: "| Test ID | Setup | Assert |",
#: "| # | Bemenet | Elvárás |" are test cases (conditions a story's work must meet), not work.
_EXPECTED = frozenset(
    {"expected", "expected result", "expected results", "expected outcome", "expected behaviour", "expected behavior",
     "expectation", "assert", "assertion", "erwartet", "erwartetes ergebnis", "erwartung", "resultado esperado",
     "résultat attendu", "resultat attendu", "risultato atteso", "ожидаемый результат", "oczekiwany wynik",
     "verwacht resultaat", "verwacht", "elvárás", "elvárt eredmény", "očekávaný výsledek", "odotettu tulos",
     "forventet resultat", "förväntat resultat", "beklenen sonuç", "очікуваний результат", "期待結果", "期待値",
     "预期结果", "预期", "기대 결과", "예상 결과"}
)  # fmt: skip
#: An id column that numbers tests ("| Test ID | What to check | Command |"): test cases, unless it has work columns.
_TEST_ID = frozenset(
    {"test id", "test case", "test case id", "test cases", "tc", "tc id", "test no", "testfall", "caso de prueba",
     "cas de test", "caso di test", "caso de teste", "тест кейс", "测试用例", "テストケース", "테스트 케이스"}
)  # fmt: skip

#: A first column numbering acceptance criteria ("| AC# | Description | Status | Evidence |"): a story's criteria
#: checked off, whatever columns follow; its work is elsewhere.
_CRITERION_ID = frozenset({"ac", "ac#", "ac id", "ac no", "ac number", "criterion", "criterion id"})

#: A column of requirements written as sentences, and none for a status, an owner, an estimate or dependencies:
#: "| FR-01 | The user can sign up with e-mail | High |" says what the product must do, not who does what when.
_REQUIREMENT = frozenset(
    {"requirement", "requirements", "functional requirement", "anforderung", "anforderungen", "exigence",
     "exigences", "requisito", "requisitos", "requisiti", "gereksinim", "gereksinimler", "требование", "требования",
     "wymaganie", "wymagania", "vereiste", "eis", "需求", "要求", "要件", "요구사항", "요구 사항"}
)  # fmt: skip
_WORK_NOT_PRIORITY = WORK_FIELDS - {"priority"}


#: A heading over a map of the plan's requirements to their code: "### FR 매핑", "## Requirements Traceability".
_MAPPING = re.compile(
    r"\b(?:mapping|traceability|trazabilidad|rastreabilidade|rückverfolgbarkeit|traçabilité)\b|매핑|マッピング|映射|追溯",
    re.I,
)


def _requirements(table: Table, fields: list[str | None]) -> bool:
    """Whether the table lists requirements in sentences (see ``_REQUIREMENT``); a column of requirement ids beside
    cards of work ("| #31 Queue writes | REQ-SYNC-01 |") leaves the rows work."""
    if _WORK_NOT_PRIORITY & set(fields):
        return False
    for n, h in enumerate(table.headers):
        if norm_header(h) in _REQUIREMENT:
            cells = [plain(padded_cells(table, r.cells)[n]).split() for r in table.rows]
            return bool(cells) and sum(1 for words in cells if len(words) >= 3) * 2 > len(cells)
    return False


#: A band of scores a scale's row names: ``1-5``, ``6–12``, ``≥ 20``, ``< 5``.
_SCORE_BAND = re.compile(r"\d{1,3}\s*[-–]\s*\d{1,3}|[<>≤≥]=?\s*\d{1,3}|\d{1,3}\s*\+")
#: A priority level as a legend row names it: P0, P1 ... (not P0-1, which is an item).
_LEVEL = re.compile(r"^P[0-5]$")
#: Columns a legend has none of: work (a priority-scored table of streams names work at each level).
_LEGEND_NOT = WORK_FIELDS | {"title", "workstream", "score"}


#: What a scope list's state column says of each feature: in the release or not, nothing about work on it.
_SCOPE_WORDS = frozenset(
    {"included", "in scope", "excluded", "out of scope", "not included", "cut", "kept", "new", "deferred", "dropped"}
)


def _scope_states(table: Table, fields: list[str | None]) -> bool:
    """Whether the table's status column says only whether each row is in the release (see ``_SCOPE_WORDS``)."""
    if "status" not in fields or (WORK_FIELDS - {"status"}) & set(fields) or not table.rows:
        return False
    col = fields.index("status")
    words = [re.sub(r"[^\w\s]", "", plain(padded_cells(table, r.cells)[col])).strip().lower() for r in table.rows]
    return all(w in _SCOPE_WORDS for w in words)


_FINDING = frozenset({"finding", "findings", "discovery", "discoveries", "insight", "insights"})


def findings_taken_up(lines: list[str], table: Table, fields: list[str | None]) -> bool:
    """Whether a table lists findings (``| # | Impact | Finding | Action |``, no owner or state) that the plan's
    work takes up by their numbers elsewhere ("Per Finding 10"): what was found and what it suggests, not work."""
    heads = {norm_header(h) for h in table.headers}
    if not heads & _FINDING or (WORK_FIELDS - {"priority"}) & set(fields) or "mitigated_by" in fields:
        return False
    numbers = {c.lstrip("#0") or "0" for c in column_cells(table, 0) if re.fullmatch(r"#?\d{1,3}", c)}
    outside = "\n".join(lines[: table.line - 1] + lines[table.end :])
    cited = {m.lstrip("0") or "0" for m in re.findall(r"\bfindings?\s+#?(\d{1,3})\b", outside, re.I)}
    return bool(numbers & cited)


def not_work(table: Table, fields: list[str | None], sec: Section) -> str | None:
    """Why a table is about the document and not its work (a sign-off, a revision history, an index of
    documents), or None."""
    heads = {norm_header(h) for h in table.headers}
    if heads & _SIGNATURE:
        return "a sign-off table"
    if heads & _VERSION and heads & _CHANGES:
        return "a revision history"
    if heads & _DOCUMENT and not WORK_FIELDS & set(fields):
        return "an index of documents"
    if heads & _QUESTION and not (WORK_FIELDS - {"owner"}) & set(fields):
        # "| KI-A | Hypervisor: Proxmox vs KVM | Operator |": a question and who decides it; no state, no work.
        return "open questions (decisions to make)"
    firsts = column_cells(table, 0)
    if firsts and all(_LEVEL.match(v) for v in firsts) and not _LEGEND_NOT & set(fields[1:]):
        # "| Level | Meaning |" over P0..P3: what the plan's priority levels mean.
        return "a legend of priority levels"
    if len(firsts) >= 3 and all(_SCORE_BAND.fullmatch(v) for v in firsts) and not WORK_FIELDS & set(fields):
        # "| Risk Score | Rating | Action |" over "1-5", "6-12", "13-19": what each band of scores calls for.
        return "a scale (what each band of scores means)"
    states = [exact_status(v) for v in firsts]
    if 3 <= len(firsts) <= 8 and all(states) and len(set(states)) == len(states):
        # "| Symbol | Status |" over `Todo`, `In Progress`, `Done`: what the plan's state words mean.
        return "a legend of status words"
    if _scope_states(table, fields):
        # "| Feature | Status |" over "✅ Included", "✅ **NEW**": what a release holds, not work to track.
        return "a scope list (what the release includes)"
    if heads & _MEANING and not WORK_FIELDS & set(fields):
        # "| Label | Definition | Action window |" over sev1..sev3: what the plan's labels mean.
        return "a legend (what each label means)"
    if heads & _ASSET and not _WORK_NOT_OWNER & set(fields):
        return "an inventory of assets"
    versions = any(set(h.split()) & _VERSION for h in heads)  # "Version", "Current Version"
    if heads & _PACKAGE and versions and not WORK_FIELDS & set(fields):
        return "an inventory of packages (names and versions)"
    if heads & _ADDRESS and "title" in fields and norm_header(table.headers[fields.index("title")]) in _PERSON:
        return "a list of people (names and addresses)"
    if heads & _DECISION and not WORK_FIELDS & set(fields):
        return "a decision log (choices made)"
    if heads & (_EXPECTED | _TEST_ID) and not WORK_FIELDS & set(fields):
        return "test cases (what a test expects)"
    if table.headers and (is_criteria(plain(table.headers[0])) or norm_header(table.headers[0]) in _CRITERION_ID):
        return "criteria (conditions to meet)"
    if table.headers and norm_header(table.headers[0]) in _METRIC and heads & _TARGET:
        # "| Metric | Target | Status |": what the system should measure, each in its state; no work.
        return "targets (metrics to reach)"
    if _requirements(table, fields):
        return "requirements (what the product must do)"
    if _MAPPING.search(plain(sec.title)) and not WORK_FIELDS & set(fields):
        # "### FR 매핑" over "| FR-AUTH-001 | 회원가입 | AuthService.signup() |": where each is built, traced.
        return "a map of requirements to where they are built"
    context = context_heading(sec)
    # A decision log names who decided ("| Date | Item | Owner | Decision |"): an owner is no sign of work there.
    work = WORK_FIELDS - {"owner"} if decisions_heading(sec) is not None else WORK_FIELDS
    if context is not None and not work & set(fields):
        # "| DEC-011 | Reuse the v2 sprites | human |" under "決定事項": a record of the heading's kind.
        return f"records of {context.title!r}"
    return None
