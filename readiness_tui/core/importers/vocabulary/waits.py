"""The words a plan states a wait with, in the languages plans are written in: "after T-2", "dès réception de A-01",
"nach T-2", "T-2 完了後", "T-2'den sonra".

``BEFORE_IDS``: words written before the ids waited on (prepositions, "depends on", "blocked by", "requires").
``AFTER_IDS``: words written after them (postpositions and particles: Turkish, Japanese, Korean, Chinese).
``DEPENDS_VERBS``: the verbs of "X depends on Y" in a sentence, X before them and Y after.
``HEADING_WAITS``: the words a section heading states a wait with.
``references.waits`` and ``references.prose`` read them, as do a list's waits by number (``sections.generic``) and a
status cell's bracket (``tables.cells``); nothing else should.
"""

from __future__ import annotations

import re

#: Words before the ids an item waits on, by language (English first).
BEFORE_IDS: tuple[str, ...] = (
    # English
    "after", "once", "following", "depends on", "depending on", "blocked by", "blocked on", "unblocked by", "requires",
    "waits for", "waits on", "waiting for", "waiting on", "as soon as", "upon completion of", "on completion of",
    "needs",
    # French
    "après", "apres", "dès réception de", "dès reception de", "dès la fin de", "à partir de", "a partir de",
    "une fois", "suite à", "dépend de", "dépendant de", "bloqué par", "bloquée par", "nécessite",
    # Spanish
    "después de", "despues de", "tras", "una vez", "en cuanto", "depende de", "bloqueado por", "bloqueada por",
    "requiere", "espera a",
    # German
    "nach", "nachdem", "sobald", "abhängig von", "hängt von", "blockiert durch", "blockiert von", "erfordert",
    "benötigt", "wartet auf",
    # Italian
    "dopo", "una volta", "non appena", "dipende da", "bloccato da", "bloccata da", "richiede", "attende",
    # Portuguese
    "após", "apos", "depois de", "assim que", "requer", "aguarda",
    # Dutch
    "na", "zodra", "afhankelijk van", "hangt af van", "geblokkeerd door", "vereist", "wacht op",
    # Polish
    "po", "gdy", "zależy od", "zablokowane przez", "zablokowany przez", "wymaga", "czeka na",
    # Russian
    "после", "когда", "зависит от", "заблокировано", "заблокирована", "заблокирован", "требует", "ждёт", "ждет",
    # Ukrainian
    "після", "коли", "залежить від", "заблоковано", "потребує", "чекає на",
    # Catalan
    "després de", "un cop", "depèn de", "bloquejat per", "bloquejada per", "requereix",
    # Serbian and Croatian
    "nakon", "posle", "poslije", "zavisi od", "ovisi o", "blokirano od", "zahteva", "zahtijeva", "čeka na",
    # Indonesian and Malay
    "setelah", "sesudah", "bergantung pada", "tergantung pada", "menunggu", "diblokir oleh", "membutuhkan",
    # Vietnamese
    "sau khi", "phụ thuộc vào", "chờ", "bị chặn bởi",
    # Chinese
    "依赖", "依赖于", "取决于", "等待",
)  # fmt: skip

#: Words after the ids waited on (Turkish postpositions, Japanese, Korean and Chinese particles and words).
AFTER_IDS: tuple[str, ...] = (
    # Turkish: "T-2'den sonra", "T-2 tamamlandıktan sonra", "T-2 sonrası", "T-2'ye bağlı"
    "sonra", "sonrası", "sonrasında", "ardından", "tamamlandıktan sonra", "bittikten sonra", "bağlı", "bağlıdır",
    # Japanese: "T-2の後", "T-2 完了後", "T-2が終わってから"
    "の後", "のあと", "の完了後", "完了後", "終了後", "以降", "が完了してから", "完了してから", "が終わってから", "後",
    "に依存", "待ち",
    # Korean: "T-2 이후", "T-2 완료 후", "T-2에 의존"
    "이후", "이후에", "후", "후에", "완료 후", "완료 후에", "완료 이후", "끝난 후", "에 의존", "에 의존한다",
    # Chinese: "T-2 之后", "T-2 完成后", "T-2 以后"
    "之后", "以后", "完成后", "完成之后", "后",
)  # fmt: skip

#: "X depends on Y" in a sentence of the plan's prose, by language: the verb, X before it and Y after it.
DEPENDS_VERBS: tuple[str, ...] = (
    "dépend de", "dépendent de", "depende de", "dependen de", "hängt von", "hängen von", "dipende da", "dipendono da",
    "zależy od", "zależą od", "зависит от", "зависят от", "залежить від", "залежать від", "hangt af van",
    "is afhankelijk van", "zijn afhankelijk van", "depèn de", "depenen de", "zavisi od", "ovisi o", "依赖", "依赖于",
)  # fmt: skip


#: The words a section heading states a wait for the work under it with ("## Next — once T-01 is closed"), as
#: regex parts.
HEADING_WAITS: tuple[str, ...] = (
    "after", "once", "when", "until", "blocked by", "waiting (?:on|for)", "depends? on", "depending on",
    "requires", "needs",
    "cuando", "después de", "despues de", "una vez", "tras", "requiere", "necesita", "depende de",
    "après", "apres", "quand", "une fois", "nécessite", "dépend de",
    "nach", "wenn", "sobald", "erfordert", "benötigt",
    "dopo", "quando", "una volta", "non appena", "richiede", "dipende da",
    "após", "apos", "depois de", "assim que", "requer",
    "nachdem", "na", "nadat", "zodra", "wanneer", "po", "gdy", "kiedy",
    "после", "когда", "після", "коли",
)  # fmt: skip


#: Letters after which a word ends with a space (Latin, Greek, Cyrillic, Hangul); CJK words need none.
_SPACED = re.compile(r"[A-Za-z\u00c0-\u04ff\uac00-\ud7af]")


def alternation(words: tuple[str, ...], tail: str) -> str:
    """A regex alternation of the words, longest first, each followed by ``tail`` when it ends in a letter of a
    spaced script (a word of Chinese or Japanese runs on into the next). A word of two letters matches in lower case
    only: "po" and "na" are after, "PO" and "NA" a purchase order and not applicable."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        part = re.escape(w) + (tail if _SPACED.match(w[-1]) else "")
        out.append(f"(?-i:{part})" if len(w) <= 2 and w.isalpha() else part)
    return "|".join(out)
