"""Secrets out of captured output and command text: what a verify command prints is kept, what it leaks is not.

``redact`` runs in three passes over the text:

1. terminal escapes (ANSI CSI/OSC sequences, other control characters) are stripped, so a colour
   code inside a token (``gh\\e[0mp_...``) cannot hide it, and a lone ``\\r`` becomes a line end;
2. tokens hard-wrapped over several lines are joined and tested whole, so the second half of a
   split token is not kept;
3. the rule table (``rules()``): each rule replaces the secret (not the text around it) with
   ``[REDACTED:kind]``.

Rules err on the side of redacting: a false positive costs a few characters of log, a miss costs a
credential. The entropy rule has one allowance for what is plainly not secret: a hex digest named as
one (``commit``, ``sha256``, ``digest`` ... before it on the line) or a checksum line (``HEX  file``).

detect-secrets was considered and not used: its plugins scan source files line by line and return
values rather than spans, its entropy plugins need quoted strings, and it pulls requests and pyyaml.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

MARK = "[REDACTED:{}]"

# ESC-based sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks), and two-byte escapes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_escapes(text: str) -> str:
    """``text`` without terminal escape sequences or control characters (tabs and line ends stay;
    a lone carriage return, which would let a terminal overprint a line, becomes a line end)."""
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def shannon_entropy(text: str) -> float:
    """Bits per character of ``text`` (0 for an empty string)."""
    if not text:
        return 0.0
    counts: dict[str, int] = {}
    for c in text:
        counts[c] = counts.get(c, 0) + 1
    n = len(text)
    return -sum(k / n * math.log2(k / n) for k in counts.values())


# Words before a hex digest that say it is one: a commit id, a file's checksum, an image digest.
_DIGEST_CONTEXT = re.compile(
    r"(?i)(?:commit|sha(?:1|224|256|384|512)?(?:sum)?|digest|hash|checksum|revision|rev|tree|parent|object|"
    r"md5|blob|head|oid|etag)\b[^\n]{0,40}$"
)
# ``sha256sum``/``shasum`` output: the digest, one or two spaces (or `` *``), a file name.
_CHECKSUM_LINE_AFTER = re.compile(r"(?: {1,2}\*?| \*)\S")
_DIGEST_LENGTHS = frozenset({32, 40, 56, 64, 96, 128})
_HEX = re.compile(r"[0-9a-fA-F]+")


def is_plain_digest(text: str, start: int, end: int) -> bool:
    """Whether the hex run ``text[start:end]`` is plainly a digest (a git SHA in a "commit" field,
    a sha256 of a file), not a secret."""
    value = text[start:end]
    if len(value) not in _DIGEST_LENGTHS or not _HEX.fullmatch(value):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _DIGEST_CONTEXT.search(before.rstrip(" \"':=")) or re.search(r"(?i)sha\d*:$", before):
        return True
    # Checksum output puts the digest first on the line and a file name after it.
    return not before.strip() and bool(_CHECKSUM_LINE_AFTER.match(text, end))


def _high_entropy(value: str) -> bool:
    """Whether a run of token characters looks random: long, mixed, and high in entropy."""
    if _HEX.fullmatch(value):
        return (
            len(value) >= 32
            and shannon_entropy(value) >= 3.0
            and any(c.isdigit() for c in value)
            and any(c.isalpha() for c in value)
        )
    digits = sum(c.isdigit() for c in value)
    upper = sum(c.isupper() for c in value)
    lower = sum(c.islower() for c in value)
    if len(value) < 32 or digits < 2 or upper < 2 or lower < 2:
        return False
    # File paths and dotted names are made of words; a secret is one run of random characters.
    if max((len(p) for p in re.split(r"[/._\-]", value)), default=0) < 16:
        return False
    return shannon_entropy(value) >= 4.0


# Runs of letters that read as a word (a vowel, no long consonant cluster): ``Results``, ``Manager``.
_WORDY = re.compile(r"[A-Z]?[a-z]{4,}|[A-Z]{5,}")
_SAYABLE = re.compile(r"(?=.*[aeiouy])(?!.*[^aeiouy]{4})(?!.*[aeiou]{3}).*")


def lone_random(value: str) -> bool:
    """Whether a token alone on its line looks random enough to be a secret (or the rest of one
    split over lines): 20 characters or more, mixed, mostly not words. Shorter than the general
    entropy rule's 32, so it only applies to a line holding nothing else."""
    v = value.rstrip("=")
    if len(v) < 20:
        return False
    if _HEX.fullmatch(v):
        return shannon_entropy(v) >= 3.0 and any(c.isdigit() for c in v) and any(c.isalpha() for c in v)
    digits = sum(c.isdigit() for c in v)
    upper = sum(c.isupper() for c in v)
    lower = sum(c.islower() for c in v)
    if sum(n >= 2 for n in (digits, upper, lower)) < 2 or digits + upper < 4:
        return False
    wordy = sum(len(m[0]) for m in _WORDY.finditer(v) if _SAYABLE.fullmatch(m[0].lower()))
    return wordy <= 0.4 * len(v) and shannon_entropy(v) >= 3.3


@dataclass(frozen=True)
class Rule:
    """One kind of secret: ``pattern`` finds it; ``group`` is what is replaced (0: the whole match);
    ``accept`` may veto a match (the entropy rule's allowance for digests)."""

    kind: str
    pattern: re.Pattern[str]
    group: int = 0
    accept: Callable[[re.Match[str]], bool] | None = None


_KEYWORDS = (
    r"passw(?:or)?d|passwd|pwd|secret|client[_-]?secret|token|access[_-]?token|auth[_-]?token|"
    r"refresh[_-]?token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|"
    r"credentials?|session[_-]?key|signing[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|"
    r"connection[_-]?string"
)
# A key name around a keyword: ``DB_PASSWORD``, ``aws.secret_key``, ``SecretAccessKey`` (camel case).
# (No nested repetition over the same characters: that backtracks exponentially on long words.)
_NAME_AROUND = r"(?:[A-Za-z0-9]+[_.\-])*[A-Za-z0-9]*?"
_NAME_AFTER = r"(?:[_.\-][A-Za-z0-9]+|(?-i:[A-Z][a-z0-9]*))*"
_VALUE = r"(\"[^\"\n]*\"|'[^'\n]*'|[^\s,;&|\"']+)"
_TOKEN_CHARS = "A-Za-z0-9+/=_\\-"


def _digest_allowed(m: re.Match[str]) -> bool:
    return not is_plain_digest(m.string, m.start(), m.end())


def _not_numeric_ids(m: re.Match[str]) -> bool:
    # ``docker run -u 1000:1000`` is a user and a group id, not a password.
    return not m.group(2).isdigit()


def _lone_ok(m: re.Match[str]) -> bool:
    return lone_random(m.group(1)) and _digest_allowed(m)


def _entropy_ok(m: re.Match[str]) -> bool:
    return _high_entropy(m.group(0).rstrip("=")) and _digest_allowed(m)


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The rule table, applied in order: token rules (whole match) first, then keyed values, then
    entropy. Compiled on first use: every command that imports ``gates`` (``lint`` does, for
    ``gates.paths``) would otherwise compile ~20 patterns it never runs."""
    return tuple(_rule_table())


def _rule_table() -> list[Rule]:
    return [
        Rule(
            "private-key",
            re.compile(
                r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----.*?"
                r"(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\Z)",
                re.DOTALL,
            ),
        ),
        # The body of a key whose BEGIN line was lost (cut by the output cap, or printed elsewhere).
        Rule(
            "private-key",
            re.compile(r"(?:^[A-Za-z0-9+/=]{16,}\n)*-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----", re.MULTILINE),
        ),
        Rule("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{40,255})\b")),
        Rule("gitlab-token", re.compile(r"\bglpat-[A-Za-z0-9_\-]{20,}\b")),
        Rule("aws-access-key", re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b")),
        Rule("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}")),
        Rule("slack-webhook", re.compile(r"https://hooks\.slack\.com/services/[A-Za-z0-9/_\-]+")),
        Rule("openai-key", re.compile(r"\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}")),
        Rule("stripe-key", re.compile(r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}")),
        Rule("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b")),
        Rule("npm-token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
        Rule("jwt", re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")),
        # An Authorization header's credential, however short: ``Authorization: Bearer abc``.
        Rule(
            "authorization",
            re.compile(
                r"(?i)\b(?:proxy-)?authorization[\"']?\s*[:=]\s*"
                r"(?:(?:bearer|basic|token|digest|negotiate|api-?key)\s+)?([^\s\"',;]+)"
            ),
            1,
        ),
        Rule("bearer", re.compile(r"(?i)\b(?:bearer|token)\s+([A-Za-z0-9\-._~+/]{12,}=*)"), 1),
        Rule("basic-auth", re.compile(r"(?i)\bbasic\s+([A-Za-z0-9+/]{12,}=*)"), 1),
        # curl -u user:password, --user=user:password, --proxy-user user:password
        Rule(
            "user-password",
            re.compile(r"(?<![\w-])(?:-u|-U|--user|--proxy-user)(?:[ \t]*|=)([\"']?)[^\s:\"'@]+:([^\s\"']+)\1"),
            2,
            _not_numeric_ids,
        ),
        Rule("url-password", re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@]+:([^/\s@]+)@"), 1),
        # --password value, --api-key value (a space, not "="; "=" is the next rule's)
        Rule(
            "secret-flag",
            re.compile(
                r"(?i)(?<![\w-])--?(?:[a-z0-9]+-)*(?:password|passwd|pass|secret|token|api-?key|access-?key|"
                r"secret-?key|private-?key|client-secret|auth)(?:-[a-z0-9]+)*[ \t]+(?!-)(\"[^\"\n]*\"|'[^'\n]*'|\S+)"
            ),
            1,
        ),
        # password=..., "api_key": "...", SECRET_KEY: ..., --token=..., "SecretAccessKey": "...", AccountKey=...
        Rule(
            "secret-value",
            re.compile(
                r"(?i)(?<![A-Za-z0-9])" + _NAME_AROUND + r"(?:" + _KEYWORDS + r")" + _NAME_AFTER + r"[\"']?"
                r"\s*(?:=|:|=>)\s*" + _VALUE
            ),
            1,
        ),
        # DB_PASS=..., MYSQL_PASS: ... ("pass" alone is too common a word: it needs a name before it)
        Rule(
            "secret-value",
            re.compile(r"(?i)(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_.\-])+pass[\"']?\s*(?:=|:|=>)\s*" + _VALUE),
            1,
        ),
        # Long random-looking strings: bare AWS secret keys, hex and base64 keys.
        Rule(
            "high-entropy",
            re.compile(rf"(?<![{_TOKEN_CHARS}])[{_TOKEN_CHARS}]{{32,}}(?![{_TOKEN_CHARS}])"),
            0,
            _entropy_ok,
        ),
        # A shorter random token alone on its line: the second half of a token split over lines
        # whose first half shares a line with other text, a password printed on its own.
        Rule(
            "high-entropy",
            re.compile(rf"(?m)^[ \t]*([{_TOKEN_CHARS}]{{20,}})[ \t]*$"),
            1,
            _lone_ok,
        ),
    ]


def _joinable() -> list[Rule]:
    # Rules that can find a whole token once wrapped lines are joined (keyed values need their key).
    return [r for r in rules() if r.group == 0 and r.kind != "private-key"]


# Runs of token characters that continue over line ends.
_WRAPPED = re.compile(rf"[{_TOKEN_CHARS}.]+(?:\n[{_TOKEN_CHARS}.]+)+")


def redact(text: str) -> str:
    """``text`` with terminal escapes stripped and every secret the rules know replaced by
    ``[REDACTED:kind]``, including tokens wrapped over several lines."""
    text = strip_escapes(text)
    # Key blocks first: their lines would otherwise be joined as one wrapped token.
    text = _apply([r for r in rules() if r.kind == "private-key"], text)
    text = _redact_wrapped(text)
    return _apply([r for r in rules() if r.kind != "private-key"], text)


def _apply(rules: list[Rule], text: str) -> str:
    for rule in rules:
        mark = MARK.format(rule.kind)
        text = rule.pattern.sub(functools.partial(_replace, rule=rule, mark=mark), text)
    return text


def _replace(m: re.Match[str], rule: Rule, mark: str) -> str:
    if rule.accept is not None and not rule.accept(m):
        return m.group(0)
    if rule.group == 0:
        return mark
    value = m.group(rule.group)
    if value.startswith("[REDACTED:") or value in ('""', "''"):
        return m.group(0)
    quote = value[0] if value[:1] in "\"'" and len(value) >= 2 else ""
    s0 = m.start(rule.group) - m.start()
    e0 = m.end(rule.group) - m.start()
    whole = m.group(0)
    return whole[:s0] + quote + mark + quote + whole[e0:]


def _redact_wrapped(text: str) -> str:
    """Redact a token split over line ends: join each multi-line run of token characters, and
    where a rule matches across a join, redact every piece of that match (line ends kept)."""
    spans: list[tuple[int, int, str]] = []
    for run in _WRAPPED.finditer(text):
        pieces = run.group(0).split("\n")
        # The last piece may be the first word of ordinary text ("step 2 ok"): it continues a
        # token only when it is a whole line or looks random itself.
        last = pieces[-1]
        whole_line = run.end() == len(text) or text[run.end()] == "\n"
        if not whole_line and not (len(last) >= 8 and any(c.isdigit() or c.isupper() for c in last)):
            pieces.pop()
            if len(pieces) < 2:
                continue
        joined = "".join(pieces)
        # joined index -> text index, and where each join falls in ``joined``
        pos = run.start()
        offsets: list[int] = []
        joins: list[int] = []
        for p in pieces:
            offsets.extend(range(pos, pos + len(p)))
            pos += len(p) + 1
            joins.append(len(offsets))
        joins.pop()
        for rule in _joinable():
            for m in rule.pattern.finditer(joined):
                if not any(m.start() < j < m.end() for j in joins):
                    continue  # found on one line: the line pass handles it
                if rule.accept is not None and not _accept_joined(rule, m, pieces):
                    continue
                spans.append((offsets[m.start()], offsets[m.end() - 1] + 1, rule.kind))
    if not spans:
        return text
    out: list[str] = []
    done = 0
    for start, end, kind in sorted(spans):
        if start < done:
            continue
        out.append(text[done:start])
        out.append(MARK.format(kind) + "\n" * text.count("\n", start, end))
        done = end
    out.append(text[done:])
    return "".join(out)


def _accept_joined(rule: Rule, m: re.Match[str], pieces: list[str]) -> bool:
    # Lines that are each a whole digest (``git rev-list`` output) are not one long secret.
    if all(len(p) in _DIGEST_LENGTHS and _HEX.fullmatch(p) for p in pieces):
        return False
    return _high_entropy(m.group(0).rstrip("="))
