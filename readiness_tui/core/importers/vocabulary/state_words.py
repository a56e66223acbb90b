"""The status words and priority scales of plans written in other languages (``words`` names the languages).

``statuses`` reads them beside the English words; nothing else should. A word is matched as the whole state or
priority a plan writes, lower case.
"""

from __future__ import annotations

#: status word -> board status.
STATUS_WORDS: dict[str, str] = {
    # German
    "erledigt": "done", "fertig": "done", "abgeschlossen": "done", "in arbeit": "in_progress",
    "in bearbeitung": "in_progress", "offen": "todo", "geplant": "todo", "blockiert": "blocked",
    "zurückgestellt": "todo", "verworfen": "cancelled",
    # Spanish
    "hecho": "done", "completado": "done", "completada": "done", "terminado": "done", "finalizado": "done",
    "en progreso": "in_progress", "en curso": "in_progress", "en proceso": "in_progress", "pendiente": "todo",
    # "Active" in the other languages read: work going on now, as the English word already reads.
    "activo": "in_progress", "activa": "in_progress", "aktiv": "in_progress", "actif": "in_progress",
    # "Started", as the English word already reads: Spanish and Portuguese, German, French, Italian.
    "iniciado": "in_progress", "iniciada": "in_progress", "empezado": "in_progress", "begonnen": "in_progress",
    "gestartet": "in_progress", "commencé": "in_progress", "commencée": "in_progress", "avviato": "in_progress",
    "avviata": "in_progress", "iniziato": "in_progress", "iniziata": "in_progress", "no empezado": "todo",
    "sin iniciar": "todo", "nicht begonnen": "todo", "noch nicht begonnen": "todo", "nicht gestartet": "todo",
    "non iniziato": "todo", "non iniziata": "todo", "non avviato": "todo", "non avviata": "todo",
    "não iniciada": "todo", "no iniciada": "todo", "non commencée": "todo",
    "attivo": "in_progress", "attiva": "in_progress", "ativo": "in_progress", "ativa": "in_progress",
    "por hacer": "todo", "sin empezar": "todo", "no iniciado": "todo", "bloqueado": "blocked",
    "cancelado": "cancelled", "en revisión": "review", "completadas": "done", "completados": "done",
    "terminadas": "done", "terminados": "done", "finalizadas": "done", "finalizados": "done",
    # French
    "fait": "done", "terminé": "done", "terminée": "done", "achevé": "done", "en cours": "in_progress",
    "à faire": "todo", "a faire": "todo", "non commencé": "todo", "prévu": "todo", "planifié": "todo",
    "bloqué": "blocked", "annulé": "cancelled", "en revue": "review", "ouvert": "todo", "ouverte": "todo",
    # Begun, not finished ("🟡 partiel" in a legend): French, Spanish, Portuguese, Italian, German.
    "partiel": "in_progress", "partielle": "in_progress", "parcial": "in_progress", "parziale": "in_progress",
    "teilweise": "in_progress",
    # Portuguese
    "concluído": "done", "concluido": "done", "concluída": "done", "feito": "done", "em progresso": "in_progress",
    "em andamento": "in_progress", "fazendo": "in_progress", "planejado": "todo", "pendente": "todo", "a fazer": "todo",
    "não iniciado": "todo", "em revisão": "review", "concluídas": "done", "concluídos": "done",
    # Italian
    "completato": "done", "completata": "done", "fatto": "done", "concluso": "done", "in corso": "in_progress",
    "in lavorazione": "in_progress", "da fare": "todo", "da iniziare": "todo", "pianificato": "todo",
    "bloccato": "blocked", "annullato": "cancelled", "aperta": "todo", "aperto": "todo", "fatta": "done",
    "chiusa": "done", "chiuso": "done", "annullata": "cancelled", "completate": "done", "completati": "done",
    # Russian
    "готово": "done", "выполнено": "done", "завершено": "done", "сделано": "done", "в работе": "in_progress",
    "в процессе": "in_progress", "не начато": "todo", "запланировано": "todo", "ожидает": "todo",
    "заблокировано": "blocked", "отменено": "cancelled",
    # Polish
    "zrobione": "done", "gotowe": "done", "ukończone": "done", "zakończone": "done", "w toku": "in_progress",
    "w trakcie": "in_progress", "w realizacji": "in_progress", "do zrobienia": "todo", "zaplanowane": "todo",
    "nierozpoczęte": "todo", "zablokowane": "blocked", "anulowane": "cancelled",
    # Dutch
    "klaar": "done", "gedaan": "done", "afgerond": "done", "voltooid": "done", "bezig": "in_progress",
    "in uitvoering": "in_progress", "in behandeling": "in_progress", "gepland": "todo", "te doen": "todo",
    "nog niet gestart": "todo", "actief": "in_progress", "geblokkeerd": "blocked", "geannuleerd": "cancelled", "vervallen": "cancelled",
    # Swedish (also written without å, ä, ö)
    "klar": "done", "klart": "done", "slutförd": "done", "pågår": "in_progress", "pagar": "in_progress",
    "påbörjad": "in_progress", "ej påbörjad": "todo", "ej startad": "todo", "planerad": "todo", "att göra": "todo",
    "blockerad": "blocked", "avbruten": "cancelled", "struken": "cancelled",
    # Turkish
    "tamamlandı": "done", "bitti": "done", "yapıldı": "done", "devam ediyor": "in_progress", "sürüyor": "in_progress",
    "yapılacak": "todo", "beklemede": "todo", "planlandı": "todo", "başlanmadı": "todo", "engellendi": "blocked",
    "iptal": "cancelled", "iptal edildi": "cancelled", "incelemede": "review", "tamamlanan": "done",
    "devam eden": "in_progress", "beklenen": "todo", "bekleyen": "todo", "planlanmış": "todo",
    # Czech and Slovak
    "hotovo": "done", "dokončeno": "done", "dokončené": "done", "splněno": "done", "probíhá": "in_progress",
    "rozpracováno": "in_progress", "v řešení": "in_progress", "prebieha": "in_progress", "k řešení": "todo",
    "čeká": "todo", "naplánováno": "todo", "nezahájeno": "todo", "blokováno": "blocked", "zablokováno": "blocked",
    "zrušeno": "cancelled", "v revizi": "review",
    # Danish and Norwegian
    "færdig": "done", "udført": "done", "ferdig": "done", "utført": "done", "i gang": "in_progress",
    "igangværende": "in_progress", "ikke startet": "todo", "planlagt": "todo", "afventer": "todo",
    "venter": "todo", "blokeret": "blocked", "blokkert": "blocked", "annulleret": "cancelled",
    "kansellert": "cancelled", "avbrutt": "cancelled",
    # Finnish
    "valmis": "done", "tehty": "done", "käynnissä": "in_progress", "kesken": "in_progress",
    "työn alla": "in_progress", "aloittamatta": "todo", "ei aloitettu": "todo", "suunniteltu": "todo",
    "odottaa": "todo", "estetty": "blocked", "peruttu": "cancelled", "katselmoinnissa": "review",
    # Hungarian
    "kész": "done", "elkészült": "done", "befejezve": "done", "folyamatban": "in_progress",
    "nincs elkezdve": "todo", "tervezett": "todo", "várakozik": "todo", "blokkolva": "blocked",
    "elvetve": "cancelled", "törölve": "cancelled",
    # Romanian
    "finalizat": "done", "finalizată": "done", "realizat": "done", "complet": "done", "în curs": "in_progress",
    "în lucru": "in_progress", "în progres": "in_progress", "de făcut": "todo", "neînceput": "todo",
    "planificat": "todo", "în așteptare": "todo", "blocat": "blocked", "anulat": "cancelled",
    # Greek
    "ολοκληρώθηκε": "done", "ολοκληρωμένο": "done", "σε εξέλιξη": "in_progress", "εκκρεμεί": "todo",
    "προγραμματισμένο": "todo", "μπλοκαρισμένο": "blocked", "ακυρώθηκε": "cancelled",
    # Hebrew
    "הושלם": "done", "בוצע": "done", "בתהליך": "in_progress", "בעבודה": "in_progress", "פתוח": "todo",
    "ממתין": "todo", "לא התחיל": "todo", "חסום": "blocked", "בוטל": "cancelled", "מתוכנן": "todo", "מתוכננת": "todo",
    "קיים חלקית": "in_progress", "קיים": "done",
    # Catalan
    "fet": "done", "feta": "done", "completat": "done", "acabat": "done", "en curs": "in_progress", "en progrés": "in_progress",
    "pendent": "todo", "per fer": "todo", "en espera": "todo", "bloquejat": "blocked", "bloquejada": "blocked",
    "cancel·lat": "cancelled", "cancel·lada": "cancelled", "en revisió": "review",
    # Slovak
    "dokončená": "done", "splnené": "done", "nezačaté": "todo", "naplánované": "todo", "zablokované": "blocked",
    "zrušené": "cancelled",
    # Serbian and Croatian (Latin and Cyrillic), Bulgarian
    "završeno": "done", "urađeno": "done", "gotovo": "done", "u toku": "in_progress", "u izradi": "in_progress",
    "u tijeku": "in_progress", "delimično": "in_progress", "djelomično": "in_progress", "nije započeto": "todo",
    "planirano": "todo", "na čekanju": "todo", "blokirano": "blocked", "otkazano": "cancelled",
    "урађено": "done", "у току": "in_progress", "није започето": "todo", "планирано": "todo",
    "блокирано": "blocked", "отказано": "cancelled", "завършено": "done", "в процес": "in_progress",
    # Arabic, Persian, Hindi
    "مكتمل": "done", "مكتملة": "done", "منجز": "done", "تم": "done", "قيد التنفيذ": "in_progress",
    "جاري": "in_progress", "قيد العمل": "in_progress", "لم يبدأ": "todo", "معلق": "todo", "مخطط": "todo",
    "محظور": "blocked", "ملغى": "cancelled", "ملغي": "cancelled", "قيد المراجعة": "review",
    "انجام شده": "done", "تکمیل شده": "done", "در حال انجام": "in_progress", "انجام نشده": "todo",
    "شروع نشده": "todo", "تمام شده": "done", "مسدود": "blocked", "لغو شده": "cancelled",
    "पूर्ण": "done", "पूरा": "done", "प्रगति में": "in_progress", "जारी": "in_progress", "लंबित": "todo",
    "शुरू नहीं": "todo", "अवरुद्ध": "blocked", "रद्द": "cancelled",
    # Ukrainian
    "виконано": "done", "зроблено": "done", "в роботі": "in_progress", "у роботі": "in_progress",
    "в процесі": "in_progress", "не розпочато": "todo", "заплановано": "todo", "очікує": "todo",
    "заблоковано": "blocked", "скасовано": "cancelled",
    # Declined: decided against, not put off.
    "відмовились": "cancelled", "відмовлено": "cancelled", "відхилено": "cancelled", "отказались": "cancelled",
    "отклонено": "cancelled", "abgelehnt": "cancelled", "rechazado": "cancelled", "rejeté": "cancelled",
    "rejeitado": "cancelled", "respinto": "cancelled", "odrzucone": "cancelled", "afgewezen": "cancelled",
    "declined": "cancelled",
    # Indonesian and Malay
    "selesai": "done", "sudah selesai": "done", "sedang berjalan": "in_progress", "sedang dikerjakan": "in_progress",
    "dalam proses": "in_progress", "berjalan": "in_progress", "belum mulai": "todo", "belum dimulai": "todo",
    "direncanakan": "todo", "tertunda": "todo", "menunggu": "todo", "diblokir": "blocked", "terblokir": "blocked",
    "terhambat": "blocked", "dibatalkan": "cancelled", "ditinjau": "review", "dalam peninjauan": "review",
    # Vietnamese
    "hoàn thành": "done", "đã hoàn thành": "done", "xong": "done", "đã xong": "done", "đang thực hiện": "in_progress",
    "đang làm": "in_progress", "đang tiến hành": "in_progress", "chưa bắt đầu": "todo", "chưa làm": "todo",
    "đang chờ": "todo", "bị chặn": "blocked", "đã hủy": "cancelled", "hủy": "cancelled", "đang xem xét": "review",
    "mới": "todo",  # new, as "New" in a tracker's state column
    # Korean, Chinese, Japanese
    "완료": "done", "진행 중": "in_progress", "진행중": "in_progress", "미착수": "todo", "대기": "todo",
    "예정": "todo", "보류": "blocked", "차단": "blocked", "취소": "cancelled", "검토 중": "review",
    "完成": "done", "已完成": "done", "进行中": "in_progress", "未开始": "todo", "待办": "todo", "待开始": "todo",
    "待处理": "todo", "规划中": "todo", "计划中": "todo", "阻塞": "blocked", "暂停": "blocked", "已取消": "cancelled", "测试中": "review",
    "完了": "done", "進行中": "in_progress", "対応中": "in_progress", "作業中": "in_progress",
    "未着手": "todo", "未対応": "todo", "保留": "blocked", "中止": "cancelled", "起票のみ": "todo", "起票済み": "todo",
    # "済" (settled) and "未" (not yet) alone, as a Japanese table marks each row, and their common compounds.
    "済": "done", "済み": "done", "対応済み": "done", "実装済み": "done", "完了済み": "done", "未": "todo",
    "未実装": "todo", "未完了": "todo",
    # "予定" (planned) closing the words: "実施予定" (to be carried out), "着手予定", "対応予定".
    "予定": "todo", "実施予定": "todo", "着手予定": "todo", "対応予定": "todo", "実装予定": "todo", "未実施": "todo",
}  # fmt: skip

#: A state cell that is only "next" (queued, to do), whatever mark stands beside it ("⏳ Næste"). Only the whole
#: cell: inside longer words it names what comes after ("In progress, next: deploy").
QUEUED_WORDS: frozenset[str] = frozenset(
    {
        "næste", "neste", "nästa", "seuraava", "következő", "următorul", "επόμενο", "הבא", "als nächstes",
        "siguiente", "suivant", "prossimo", "próximo", "следующий", "następny", "volgende",
    }
)  # fmt: skip

#: priority word -> board priority (high/medium/low -> P1/P2/P3, critical -> P0, as in English).
PRIORITY_WORDS: dict[str, str] = {
    "kritisch": "P0", "hoch": "P1", "mittel": "P2", "niedrig": "P3", "wichtig": "P1",
    "kritische": "P0", "hohe": "P1", "mittlere": "P2", "niedrige": "P3",
    # A wish: "Kleiner Wunsch" beside "Wichtig für Alltag" and "Blocker", a backlog's scale of importance.
    "wunsch": "P3", "kleiner wunsch": "P3",
    "crítica": "P0", "critica": "P0", "crítico": "P0", "alta": "P1", "alto": "P1", "media": "P2", "média": "P2",
    "medio": "P2", "médio": "P2", "baja": "P3", "bajo": "P3", "baixa": "P3", "baixo": "P3", "bassa": "P3",
    "critique": "P0", "haute": "P1", "élevée": "P1", "moyenne": "P2", "basse": "P3", "faible": "P3",
    "критический": "P0", "высокий": "P1", "средний": "P2", "низкий": "P3",
    "krytyczny": "P0", "wysoki": "P1", "wysoka": "P1", "średni": "P2", "średnia": "P2", "niski": "P3",
    "niska": "P3",
    "kritiek": "P0", "hoog": "P1", "hoge": "P1", "gemiddeld": "P2", "middel": "P2", "laag": "P3", "lage": "P3",
    "kritisk": "P0", "kritiska": "P0", "hög": "P1", "hog": "P1", "medel": "P2", "låg": "P3", "kritik": "P0", "yüksek": "P1", "orta": "P2",
    "düşük": "P3", "критичний": "P0", "високий": "P1", "середній": "P2", "низький": "P3",
    "紧急": "P0", "緊急": "P0", "高": "P1", "中": "P2", "低": "P3", "긴급": "P0", "높음": "P1", "보통": "P2", "중간": "P2",
    "낮음": "P3",
    "høj": "P1", "høy": "P1", "lav": "P3", "kriittinen": "P0", "korkea": "P1", "keskitaso": "P2",
    "matala": "P3", "kritikus": "P0", "magas": "P1", "közepes": "P2", "alacsony": "P3", "critic": "P0",
    "critică": "P0", "ridicată": "P1", "ridicat": "P1", "medie": "P2", "mediu": "P2", "scăzută": "P3",
    "scăzut": "P3", "κρίσιμη": "P0", "υψηλή": "P1", "μεσαία": "P2", "χαμηλή": "P3", "קריטי": "P0",
    "גבוהה": "P1", "גבוה": "P1", "בינונית": "P2", "בינוני": "P2", "נמוכה": "P3", "נמוך": "P3",
    "mitjana": "P2", "baix": "P3", "crític": "P0", "kritický": "P0", "vysoká": "P1", "stredná": "P2",
    "nízka": "P3", "kritično": "P0", "visok": "P1", "visoka": "P1", "srednji": "P2", "srednja": "P2", "nizak": "P3",
    "критично": "P0", "висок": "P1", "висока": "P1", "средњи": "P2", "низак": "P3", "حرج": "P0", "حرجة": "P0",
    "عالية": "P1", "عالي": "P1", "متوسطة": "P2", "متوسط": "P2", "منخفضة": "P3", "منخفض": "P3",
    "بحرانی": "P0", "بالا": "P1", "زیاد": "P1", "کم": "P3", "गंभीर": "P0", "उच्च": "P1", "मध्यम": "P2", "निम्न": "P3",
    "kritis": "P0", "tinggi": "P1", "sedang": "P2", "rendah": "P3",
    "khẩn cấp": "P0", "nghiêm trọng": "P0", "cao": "P1", "trung bình": "P2", "thấp": "P3",
}  # fmt: skip
