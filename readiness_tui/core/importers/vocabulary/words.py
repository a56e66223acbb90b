"""The words plans written in other languages use for the board's fields and sections.

German, Spanish, French, Portuguese, Italian, Dutch, Russian, Ukrainian, Polish, Czech, Slovak, Turkish, Chinese,
Japanese, Korean, the Scandinavian languages, Finnish, Hungarian, Romanian, Greek, Hebrew, Catalan, Serbian,
Croatian, Bulgarian, Arabic, Persian, Hindi, Indonesian and Malay, and Vietnamese: the column headers and bold labels teams commonly write (owner,
priority, status, dependencies, estimate...), and the words that name risks, criteria and lists of work. Their
status words and priority scales are in ``state_words``. ``headers`` reads the header words beside the English
ones. Header words are given as ``norm_header`` leaves them (lower case, punctuation as spaces).
"""

from __future__ import annotations

import re

#: Scripts written without spaces between words (Japanese kana, Chinese, Korean): the ranges, for a character class.
UNSPACED = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
#: One character of such a script.
UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")

#: field -> exact header names in other languages.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "id": (
        "nr", "nº", "núm", "num", "numéro", "numero", "número", "lp", "№", "код", "номер",
        "编号", "序号", "任务id", "番号", "번호", "id задачи",
        "nummer", "numara", "sıra",
        "číslo", "č",
        # the order a table numbers its rows in: "Orden", "Reihenfolge", "순번"
        "orden", "ordre", "ordem", "ordine", "reihenfolge", "volgorde", "kolejność", "порядок", "순번", "順番", "顺序",
        "poradie", "redosled", "redoslijed", "ترتيب", "क्रम",
        # Indonesian and Malay, Vietnamese
        "nomor", "kode", "stt", "mã", "số",
        # "Identifier" in the plan languages
        "идентификатор", "ідентифікатор", "identificador", "identifiant", "identificativo", "kennung", "identyfikator",
        "标识", "標識子", "식별자",
    ),
    "title": (
        "aufgabe", "titel", "bezeichnung", "arbeitspaket", "tätigkeit", "tätigkeiten", "maßnahme", "massnahme",
        "tarea", "título", "titulo", "actividad",
        "tâche", "tache", "titre", "intitulé",
        "tarefa", "atividade",
        # The "what" of a 5W2H table ("O quê / Por quê / Quem / Quando / Onde / Como / Quanto"), in Spanish "Qué".
        "o quê", "o que", "qué",
        "attività", "titolo", "compito", "funzionalità",
        "opgave", "opgaver", "oppgave", "oppgaver", "uppgift", "uppgifter", "åtgärd", "atgard", "tiltak",
        "namn", "navn", "benämning", "nom", "nombre", "nome",
        "задача", "название", "наименование", "работа",
        "zadanie", "tytuł", "nazwa",
        "任务", "任务名称", "任务描述", "标题", "事项", "工作项",
        "タスク", "タスク名", "作業", "件名",
        "태스크", "작업", "과제", "제목", "업무", "작업명", "업무명", "과제명", "작업 내용",
        "taak", "naam", "actie", "werkpakket", "görev", "başlık", "görev adı", "iş", "завдання", "назва",
        "úkol", "úloha", "název", "změna", "činnost",
        "feladat", "feladatok", "megnevezés", "tehtävä", "tehtävät", "toimenpide", "otsikko", "nimi",
        "sarcină", "sarcina", "sarcini", "activitate", "titlu", "denumire", "εργασία", "τίτλος", "δραστηριότητα",
        "משימה", "משימות", "כותרת", "שם",
        "tasca", "tasques", "títol", "activitat", "názov", "činnosť", "zadatak", "zadaci", "naziv", "tema",
        "задатак", "задаци", "назив", "المهمة", "مهمة", "المهام", "العنوان", "البند", "النشاط", "وظیفه", "وظیفه ها",
        "عنوان", "کار", "कार्य", "काम", "शीर्षक", "टास्क",
        # Indonesian and Malay, Vietnamese
        "tugas", "judul", "nama tugas", "kegiatan", "pekerjaan", "aktivitas", "nhiệm vụ", "công việc", "tên công việc", "tiêu đề", "hạng mục",
        # A feature, as English "Feature" is: "| 功能 | 状态 |" over the features a release checks off.
        "功能", "機能", "기능", "funcionalidad", "funcionalidade", "fonctionnalité", "funktion", "функция",
    ),
    "description": (
        "beschreibung", "descripción", "descripcion", "détails", "descrição", "descricao", "detalhes",
        "descrizione", "dettagli", "описание", "opis", "描述", "说明", "详情", "説明", "詳細", "설명", "내용",
        "beschrijving", "omschrijving", "toelichting", "açıklama", "detay", "опис",
        "popis", "beskrivning", "beskrivelse",
        "leírás", "kuvaus", "descriere", "περιγραφή", "תיאור", "פירוט",
        "descripció", "الوصف", "التفاصيل", "شرح", "توضیح", "विवरण",
        # Indonesian and Malay, Vietnamese
        "deskripsi", "uraian", "mô tả", "chi tiết",
    ),
    "owner": (
        "verantwortlich", "verantwortlicher", "verantwortliche", "zuständig", "bearbeiter",
        "responsable", "responsables", "asignado", "asignado a", "propietario",
        "porteur", "assigné", "assigné à", "affectation", "affecté à", "attribué à", "propriétaire", "pilote", "développeur", "développeurs", "developpeur",
        "desarrollador", "desenvolvedor", "sviluppatore", "entwickler", "разработчик", "开发者", "开发人员",
        "responsável", "responsavel", "responsáveis", "responsaveis", "dono", "atribuído a",
        "responsabile", "responsabili", "assegnatario", "assegnato a", "incaricato", "referente",
        # Who took the row on: "| Volontario |" in a sprint table of tasks people volunteer for.
        "volunteer", "volontario", "voluntario", "volontaire",
        "ответственный", "исполнитель", "владелец", "ведущий",
        # Their plurals and genitives: "| Исполнители |", "Обозначения владельцев:" (a key of the owners).
        "ответственные", "ответственных", "исполнители", "исполнителей", "владельцы", "владельцев",
        "odpowiedzialny", "osoba odpowiedzialna", "właściciel", "wykonawca",
        "负责人", "责任人", "负责", "担当", "担当者", "責任者", "담당", "담당자", "책임자",
        "wie", "eigenaar", "verantwoordelijke", "uitvoerder", "toegewezen aan", "trekker", "sorumlu", "sahibi", "atanan", "kim",
        "відповідальний", "виконавець", "власник",
        "odpovědný", "odpovědná osoba", "zodpovědný", "zodpovedný", "vlastník", "řešitel", "riešiteľ",
        "felelős", "vastuuhenkilö", "vastuu", "vastuussa", "tekijä", "omistaja", "responsabil", "υπεύθυνος",
        "αρμόδιος", "אחראי", "באחריות",
        # "Who" itself: "| Ora | Attività | Chi |", "| Was | Wer | Bis wann |".
        "wer", "qui", "quién", "quien", "quem", "chi", "кто", "хто", "kto", "kdo", "vem", "siapa", "谁", "誰", "누가",
        "hvem", "kuka", "ki", "cine", "ποιος", "מי",
        "assignat a", "zodpovedná osoba", "odgovoran", "odgovorna osoba", "nosilac", "nositelj",
        "zadužen", "задужен", "одговоран", "носилац", "отговорник", "المسؤول", "المكلف", "المالك", "مسئول", "مسؤول",
        "ज़िम्मेदार", "जिम्मेदार", "स्वामी",
        "ko", "ко", "من", "چه کسی", "कौन",
        # Indonesian and Malay, Vietnamese
        "penanggung jawab", "pelaksana", "ditugaskan kepada", "người phụ trách", "phụ trách", "người thực hiện", "người chịu trách nhiệm",
    ),
    "depends_on": (
        "abhängigkeiten", "abhängigkeit", "voraussetzungen", "voraussetzung",
        "dependencias", "dependencia", "depende de", "requisitos previos", "prerrequisitos", "prerrequisito",
        "requisito previo", "pré requisito", "prerequisito",
        "dépendances", "dépendance", "dépend de", "prérequis",
        "dependências", "dependência", "pré requisitos",
        "dipendenze", "dipendenza", "dipende da", "prerequisiti",
        "зависимости", "зависимость", "зависит от", "блокеры",
        "zależności", "zależność", "zależy od",
        "依赖", "依赖项", "前置任务", "前置条件", "依存", "依存関係", "前提", "의존", "의존성", "선행 작업", "선행",
        "afhankelijk van", "afhankelijkheden", "afhankelijkheid", "bağımlılık", "bağımlılıklar", "bağlı olduğu", "ön koşul", "ön koşullar", "önkoşullar",
        "önkoşul", "залежності", "залежність", "залежить від",
        "závisí na", "závislosti", "závislost", "predpoklady", "předpoklady", "závisí od", "závislosť",
        "beroenden", "beroende", "beroende av", "förutsättningar", "afhængigheder", "afhængighed", "afhænger af",
        "avhengigheter", "avhengighet", "avhenger av", "forutsetninger",
        "függőség", "függőségek", "előfeltétel", "riippuvuudet", "riippuvuus", "edellytykset", "dependențe",
        "dependențe de", "depinde de", "εξαρτήσεις", "εξάρτηση", "תלויות", "תלוי ב", "תלות",
        "dependències", "depèn de", "zavisnosti", "zavisi od", "ovisnosti", "ovisi o", "зависности", "зависи од",
        "يعتمد على", "الاعتماديات", "التبعيات", "وابستگی", "وابستگی ها", "पूर्वापेक्षा", "निर्भरता",
        # Indonesian and Malay, Vietnamese
        "ketergantungan", "bergantung pada", "tergantung pada", "dependensi", "prasyarat", "phụ thuộc", "phụ thuộc vào", "điều kiện tiên quyết",
    ),
    "blocks": (
        "blockiert", "blockt", "nachfolger", "bloquea", "sucesoras", "sucesores", "bloque", "successeurs",
        "bloqueia", "sucessoras", "blocca", "successori", "блокирует", "последователи", "blokuje", "następniki",
        "后续任务", "后继任务", "後続タスク", "후속 작업",
        "blokkeert", "opvolgers", "engellediği", "блокує",
    ),
    "estimate_days": (
        "geschätzt", "schätzung", "aufwand", "dauer",
        "estimación", "esfuerzo", "duración",
        "estimation", "charge", "durée",
        "estimativa", "esforço", "duração",
        "stima", "durata", "impegno",
        "dage", "dager", "dagar", "estimat", "tidsestimat",
        "оценка", "трудоёмкость", "трудоемкость", "оценка сложности",
        "szacunek", "estymacja", "nakład",
        "预计工时", "工时", "预估", "估算", "工作量", "見積", "見積もり", "工数", "예상 시간", "공수", "추정",
        "schatting", "inspanning", "duur", "tahmin", "efor", "süre", "tahmini süre", "тривалість", "трудомісткість", "оцінка",
        "odhad", "náročnost", "pracnost",
        "becslés", "ráfordítás", "időtartam", "arvio", "työmäärä", "kesto", "estimare", "efort", "durată",
        "εκτίμηση", "διάρκεια", "הערכה", "משך", "זמן",
        "estimació", "durada", "esforç", "procena", "procjena", "trajanje", "процена", "трајање",
        "التقدير", "المدة", "الجهد", "تخمین", "مدت", "अनुमान", "अवधि",
        # Indonesian and Malay, Vietnamese
        "estimasi", "perkiraan", "durasi", "ước tính", "thời lượng",
    ),
    "target": (
        "fällig", "termin", "frist", "fecha", "fecha límite", "plazo", "échéance", "date limite",
        "prazo", "data limite", "scadenza", "срок", "дедлайн", "截止日期", "截止", "期限", "期日", "기한",
        "마감", "마감일",
        "datum", "einddatum", "streefdatum", "opleverdatum", "tarih", "son tarih", "hedef tarih", "bitiş tarihi", "термін",
        "termín", "do kdy",
        "határidő", "määräaika", "takaraja", "termen", "termen limită", "προθεσμία", "תאריך יעד",
        "יעד",
        "termini", "data límit", "рок", "الموعد النهائي", "الموعد", "تاريخ الاستحقاق", "مهلت",
        "समय सीमा", "अंतिम तिथि", "लक्ष्य तिथि",
        # Indonesian and Malay, Vietnamese
        "tenggat", "tenggat waktu", "batas waktu", "tanggal target", "hạn chót", "thời hạn", "hạn", "ngày hoàn thành",
    ),
    "status": (
        "stand", "zustand", "estado", "statut", "état", "situação", "stato", "статус", "состояние",
        "stan", "状态", "进度", "状態", "ステータス", "進捗", "상태", "진행 상태",
        "voortgang", "durum", "стан",
        "stav",
        "állapot", "státusz", "tila", "stare", "κατάσταση", "סטטוס", "מצב",
        # A column of marks on the finished rows: "| Færdig | Dato |", "| Erledigt |".
        "færdig", "ferdig", "udført", "utført", "erledigt", "valmis", "kész", "hotovo", "splněno", "klar",
        "estat", "stanje", "стање", "състояние", "الحالة", "حالة", "وضعیت", "स्थिति",
        # Indonesian and Malay, Vietnamese
        "keadaan", "trạng thái", "tình trạng",
    ),
    "priority": (
        "priorität", "prioridad", "priorité", "prioridade", "priorità", "приоритет", "priorytet",
        "优先级", "優先度", "優先順位", "우선순위",
        "prioriteit", "öncelik", "пріоритет",
        "priorita",
        "prioritás", "prioriteetti", "prioritate", "προτεραιότητα", "עדיפות",
        "prioritat", "prioritet", "الأولوية", "أولوية", "اولویت", "प्राथमिकता",
        # Indonesian and Malay, Vietnamese
        "prioritas", "ưu tiên", "độ ưu tiên", "mức ưu tiên",
        # Importance and urgency, as a priority: "**Wichtigkeit:** Kleiner Wunsch", "| Importancia |".
        "wichtigkeit", "dringlichkeit", "importancia", "importância", "importanza", "urgence", "urgencia", "urgência",
    ),
    "notes": (
        "hinweis", "anmerkungen", "bemerkung", "bemerkungen", "notas", "comentarios", "observaciones",
        "remarques", "commentaires", "observações", "comentários", "commenti", "примечание", "примечания",
        "комментарий", "uwagi", "备注", "備考", "비고",
        "opmerkingen", "opmerking", "notities", "notlar", "примітки", "примітка", "коментар",
        "kommentar", "kommentarer", "anmerkning", "anmærkning", "noter", "notater",
        "poznámka", "poznámky",
        "megjegyzés", "megjegyzések", "huomio", "huomiot", "huomautus", "observații", "note", "σημειώσεις",
        "παρατηρήσεις", "הערות", "הערה",
        "observacions", "comentaris", "napomena", "napomene", "beleške", "bilješke",
        "напомена", "напомене", "бележки", "ملاحظات", "الملاحظات", "یادداشت", "توضیحات", "टिप्पणी", "टिप्पणियाँ",
        # Indonesian and Malay, Vietnamese
        "keterangan", "catatan", "ghi chú",
    ),
    "phase": (
        "fase", "этап", "фаза", "faza", "etap", "阶段", "フェーズ", "段階", "단계", "fáze", "fáza", "批次", "バッチ", "배치",
        # Indonesian and Malay, Vietnamese
        "tahap", "tahapan", "giai đoạn",
    ),
    "milestone": (
        "meilenstein", "hito", "jalon", "marco", "pietra miliare", "веха", "kamień milowy", "里程碑", "マイルストーン",
        "마일스톤",
        "faz", "aşama", "етап",
        "mijlpaal", "kilometre taşı", "віха",
        # Indonesian and Malay, Vietnamese
        "tonggak", "mốc", "cột mốc",
    ),
    "severity": (
        "auswirkung", "impacto", "impatto", "влияние", "wpływ", "影响", "影響", "영향",
        "schweregrad", "severidad", "gravedad", "sévérité", "gravité", "severidade", "gravidade", "gravità",
        "severità", "критичность", "серьезность", "серьёзность", "серйозність", "ważność", "严重性", "严重程度",
        "重大度", "深刻度", "심각도", "ernst", "závažnost", "allvarlighetsgrad", "alvorlighed", "alvorlighetsgrad",
        "önem derecesi",
    ),
    "likelihood": (
        "wahrscheinlichkeit", "probabilidad", "probabilité", "probabilidade", "probabilità", "вероятность",
        "prawdopodobieństwo", "概率", "可能性", "확률",
        "etki", "вплив",
        "kans", "waarschijnlijkheid", "olasılık", "ймовірність",
    ),
    "mitigated_by": (
        "gegenmaßnahme", "gegenmaßnahmen", "mitigación", "mitigação", "mitigazione",
        "меры", "митигация", "缓解措施", "应对措施", "対策", "대응 방안", "완화",
        "respuesta", "contramedidas", "réponse", "parade", "risposta", "contromisure", "resposta",
        "回避策", "軽減策", "対応策", "대응",
        "maatregel", "maatregelen", "önlem", "önlemler", "заходи",
        "modtræk", "modforanstaltning", "modforanstaltninger", "mottiltak", "motåtgärd", "motåtgärder", "vastatoimi",
        "vastatoimet", "ellenintézkedés", "kockázatcsökkentés", "atenuare", "μετριασμός", "הפחתה",
        "פעולות הפחתה", "פעולות מנע והפחתה", "atténuation", "mesures d'atténuation",
    ),
    "gate.exit_criteria": (
        "akzeptanzkriterien", "abnahmekriterien", "criterios de aceptación", "critères d acceptation",
        "critérios de aceitação", "criteri di accettazione", "критерии приёмки", "критерии приемки",
        "kryteria akceptacji", "验收标准", "受け入れ基準", "完了条件", "완료 조건", "인수 조건",
    ),
}  # fmt: skip

#: Parts of header words that name a field wherever they appear (compounds, headers without spaces).
HEADER_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "depends_on",
        (
            "abhängig",
            "зависим",
            "zależn",
            "依赖",
            "依存",
            "의존",
            "前置",
            "前提",
            "závis",
            "beroend",
            "afhæng",
            "avheng",
        ),
    ),
    # "Bloqueado por", "Bloqué par", "Bloccato da", "Blockiert durch": blocked by, in the plan languages read.
    ("depends_on", ("bloqueado por", "bloqueada por", "bloqué par", "bloquée par", "bloccato da", "blockiert durch")),
    ("owner", ("verantwortlich", "ответствен", "odpowiedzialn", "负责", "担当", "담당", "ansvarig", "ansvarlig")),
    # "Worker Responsável", "Equipo responsable": the one answerable for the row.
    ("owner", ("responsável", "responsavel", "responsable", "responsabile")),
    ("priority", ("priorit", "приоритет", "优先", "優先", "우선순위")),
    # "実装状態", "対応状況", "進捗ステータス": a state of the work in a Japanese compound header.
    ("status", ("статус", "状态", "상태", "状態", "状況", "ステータス")),
    # "対策タスク", "缓解措施任务": the task that answers the risk, in a compound header.
    ("mitigated_by", ("対策", "缓解措施", "应对措施")),
)

#: Headers of a risk register's risk column (a threat is a risk a security plan names so).
RISK_HEADERS: tuple[str, ...] = (
    "threat", "threats", "bedrohung", "menace", "amenaza", "ameaça", "minaccia", "угроза", "威胁", "脅威", "위협",
    "risiko", "riesgo", "risque", "risco", "rischio", "риск", "ryzyko", "风险", "リスク", "리스크", "위험",
    "风险项", "风险点", "风险描述", "リスク項目", "리스크 항목", "위험 요소",
)  # fmt: skip

#: Parts of a heading that introduce conditions, not tasks ("Erfolgskriterien", "Critères de succès", "验收标准").
CRITERIA_STEMS: tuple[str, ...] = (
    "kriter",  # kriteri, Kriterien, kriterier, kriterleri
    "criteri",
    "critère",
    "critéri",
    "критери",
    "kryteri",
    "标准",
    "基準",
    "기준",
    "معيار",
    "معايير",
    "معیار",
    "मानदंड",
    "קריטריו",
    "κριτήρι",
    "tiêu chí",
    # Success metrics are conditions to meet, as criteria are: "Метрики успеха", "Métricas de éxito".
    "метрик",
    "métrica",
    "métrique",
    "metrik",
    "指标",
    "指標",
    "지표",
    # Conditions of completion: "完了条件" (Japanese), "完成条件" (Chinese), "완료 조건" (Korean).
    "完了条件",
    "完成条件",
    "완료 조건",
    # The plan's completion confirmed box by box: "完了確認チェックリスト", "完成确认", "완료 확인".
    "完了確認",
    "完成确认",
    "완료 확인",
)

#: Lead-in labels over a list of work in a phase ("**Actions:**", "**Livrables :**"), English and other languages.
WORK_LABELS: frozenset[str] = frozenset(
    {
        "actions", "action items", "tasks", "deliverables", "steps", "work items", "work packages", "to do", "todo",
        "next steps", "activities",
        "tâches", "taches", "livrables", "étapes", "etapes", "à faire",
        "aufgaben", "maßnahmen", "massnahmen", "schritte", "arbeitspakete", "todos",
        "acciones", "tareas", "entregables", "pasos",
        "ações", "acoes", "tarefas", "entregáveis", "entregaveis", "passos",
        "azioni", "attività", "compiti", "consegne", "passi",
        "задачи", "действия", "шаги", "мероприятия",
        "zadania", "działania", "kroki",
        "任务", "行动", "交付物", "步骤",
        "タスク", "アクション", "成果物", "作業", "手順",
        "작업", "태스크", "액션", "산출물", "단계",
        "المهام", "مهام", "الخطوات", "görevler", "yapılacaklar", "adımlar", "εργασίες", "βήματα", "משימות", "وظایف",
    }
)  # fmt: skip
#: Headings over the plan's streams of work, each entry beneath naming one and its bullets that stream's work
#: ("## Workstreams" > "1. **Identity & Permissions**" > "- Validate the new scopes").
STREAM_HEADINGS: frozenset[str] = frozenset(
    {"workstreams", "work streams", "streams", "tracks", "workstreams and tasks", "work packages",
     "arbeitspakete", "chantiers", "axes de travail", "frentes de trabajo", "líneas de trabajo", "frentes de trabalho",
     "направления работ", "工作流", "作業ストリーム"}
)  # fmt: skip
#: The work labels that name tasks, not the steps or deliverables of one: under a numbered section, "**Tasks:**"
#: over boxes makes the boxes the items and the section their group.
TASK_LABELS: frozenset[str] = frozenset(
    {"tasks", "task list", "work items", "to do", "todo", "todos", "to-do", "to-dos", "subtasks", "sub-tasks",
     "action items", "features", "tâches", "taches", "à faire", "aufgaben",
     "tareas", "tarefas", "attività", "compiti", "задачи", "zadania", "任务", "任务清单", "待办", "タスク", "작업",
     "태스크", "المهام", "مهام", "görevler", "yapılacaklar", "εργασίες", "משימות", "وظایف"}
)  # fmt: skip

#: Verbs an entry of work opens with, in the imperative ("Implement resource pooling", "Add rate limiting"): a list
#: whose entries mostly do is a list of tasks, and a heading that opens with none names a topic, not a task.
ACTION_VERBS: frozenset[str] = frozenset(
    {"add", "adopt", "allow", "audit", "automate", "build", "bump", "cache", "clean", "configure", "connect",
     "convert", "create", "define", "delete", "deploy", "deprecate", "design", "develop", "document", "drop",
     "enable", "enforce", "ensure", "establish", "evaluate", "expose", "extend", "extract", "fix", "generate",
     "handle", "harden", "implement", "improve", "install", "integrate", "introduce", "investigate", "make",
     "merge", "migrate", "monitor", "move", "optimize", "optimise", "port", "prepare", "provide", "publish",
     "reduce", "refactor", "remove", "rename", "replace", "research", "restrict", "review", "rewrite", "rotate",
     "run", "set", "setup", "ship", "split", "store", "support", "test", "track", "update", "upgrade", "use",
     "validate", "verify", "wire", "write",
     "archive", "assess", "assign", "benchmark", "collect", "communicate", "conduct", "confirm", "consolidate",
     "coordinate", "decide", "decommission", "disable", "draft", "execute", "finalize", "identify", "notify",
     "provision", "purge", "rebuild", "resolve", "restore", "retire", "submit", "train", "translate", "triage",
     "turn", "switch", "point", "revert", "rollback", "backup", "schedule",
     # A research plan's steps: "Parse the GFF3 …", "Align reads …", "Quantify expression …".
     "record", "save", "parse", "summarise", "summarize", "align", "quantify", "prioritise", "prioritize", "finish",
     "analyse", "analyze", "compute", "calculate", "compare", "download", "upload", "inspect", "measure", "map",
     # The same verbs in the plan languages read, as a step opens with them ("Añadir settings explícitos:").
     # Spanish
     "crear", "añadir", "agregar", "implementar", "configurar", "generar", "actualizar", "eliminar", "revisar",
     "documentar", "integrar", "validar", "verificar", "migrar", "desplegar", "instalar", "definir", "diseñar",
     "probar", "corregir", "mejorar", "establecer", "preparar", "habilitar", "deshabilitar", "capturar", "escribir",
     "publicar", "reemplazar", "optimizar", "construir", "desarrollar", "conectar", "endurecer", "rotar",
     # French
     "créer", "ajouter", "implémenter", "configurer", "générer", "corriger", "améliorer", "supprimer", "documenter",
     "intégrer", "valider", "vérifier", "migrer", "déployer", "installer", "définir", "concevoir", "tester",
     "écrire", "publier", "remplacer", "optimiser", "nettoyer", "construire", "développer", "préparer", "rédiger",
     # Portuguese
     "criar", "adicionar", "atualizar", "remover", "melhorar", "implantar", "testar", "substituir", "otimizar",
     "desenvolver",
     # Italian
     "creare", "aggiungere", "implementare", "configurare", "aggiornare", "rimuovere", "correggere", "migliorare",
     "integrare", "verificare", "installare", "definire", "scrivere", "sostituire", "ottimizzare", "sviluppare",
     # German (imperative or infinitive opening a step)
     "erstellen", "hinzufügen", "implementieren", "konfigurieren", "einrichten", "aktualisieren", "entfernen",
     "beheben", "dokumentieren", "integrieren", "prüfen", "migrieren", "installieren", "testen", "ersetzen",
     "optimieren", "entwickeln", "anlegen", "umsetzen"}
)  # fmt: skip


#: An entry labelled by the kind of work it names: "STORY: As a user, …", "**TASK:** The tool …", "Bug: …".
KIND_LABEL = re.compile(r"^(?P<kind>story|user story|task|bug|feature|epic|chore|spike)\s*:\s*(?=\S)", re.I)
