"""Secrets out of captured output: what a verify command prints is kept, what it leaks is not.

Each rule replaces the secret (not the text around it) with ``[REDACTED:kind]``. Rules err on the
side of redacting: a false positive costs a few characters of log, a miss costs a credential.
"""

from __future__ import annotations

import re

MARK = "[REDACTED:{}]"

_KEYWORDS = (
    r"passw(?:or)?d|passwd|pwd|secret|client[_-]?secret|token|access[_-]?token|auth[_-]?token|"
    r"refresh[_-]?token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|"
    r"credentials?|session[_-]?key|signing[_-]?key"
)

#: (kind, pattern, group to replace or 0 for the whole match)
RULES: list[tuple[str, re.Pattern[str], int]] = [
    ("private-key", re.compile(
        r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----.*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\Z)",
        re.DOTALL), 0),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{40,255})\b"), 0),
    ("gitlab-token", re.compile(r"\bglpat-[A-Za-z0-9_\-]{20,}\b"), 0),
    ("aws-access-key", re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b"), 0),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}"), 0),
    ("slack-webhook", re.compile(r"https://hooks\.slack\.com/services/[A-Za-z0-9/_\-]+"), 0),
    ("openai-key", re.compile(r"\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{20,}"), 0),
    ("stripe-key", re.compile(r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}"), 0),
    ("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"), 0),
    ("npm-token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b"), 0),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"), 0),
    ("bearer", re.compile(r"(?i)\b(?:bearer|token)\s+([A-Za-z0-9\-._~+/]{12,}=*)"), 1),
    ("basic-auth", re.compile(r"(?i)\bbasic\s+([A-Za-z0-9+/]{12,}=*)"), 1),
    ("url-password", re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^/\s:@]+:([^/\s@]+)@"), 1),
    # password=..., "api_key": "...", SECRET_KEY: ..., --token=...
    ("secret-value", re.compile(
        r"(?i)(?:\b|_|-)(?:[A-Za-z0-9]+[_.\-])*(?:" + _KEYWORDS + r")(?:[_.\-][A-Za-z0-9]+)*[\"']?"
        r"\s*(?:=|:|=>)\s*"
        r"(\"[^\"\n]*\"|'[^'\n]*'|[^\s,;&|\"']+)"), 1),
]


def redact(text: str) -> str:
    """``text`` with every secret the rules know replaced by ``[REDACTED:kind]``."""
    for kind, rx, group in RULES:
        mark = MARK.format(kind)
        if group == 0:
            text = rx.sub(mark, text)
        else:
            text = rx.sub(lambda m, g=group, mk=mark: _replace_group(m, g, mk), text)
    return text


def _replace_group(m: re.Match[str], group: int, mark: str) -> str:
    value = m.group(group)
    if value.startswith("[REDACTED:") or value in ('""', "''"):
        return m.group(0)
    quote = value[0] if value[:1] in "\"'" and len(value) >= 2 else ""
    start, end = m.span(group)
    s0 = start - m.start()
    e0 = end - m.start()
    whole = m.group(0)
    return whole[:s0] + quote + mark + quote + whole[e0:]
