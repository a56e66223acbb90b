"""The backlog's filter language one level up: the same grammar (words, ``field:values``, ``AND``,
``OR``, ``NOT`` / ``-``, parentheses, quotes, located mistakes with a hint), over boards.

    nogo  go  error  blocked  waiting  overdue  failing  stale  readonly     what the row says
    level:silver  level:<silver  level>=bronze      the level reached, on the board's own ladder
    owner:@team  (@team)                            the portfolio's owner or an item's owner
    repo:payments  name:api  ref:origin/main        where the board was read
    word, "two words"                               name, title, path or the error's text

A board that declares no levels matches no ``level`` term; an unreadable board matches ``error``
and ``nogo`` and no other flag.
"""

from __future__ import annotations

from collections.abc import Callable

from readiness_tui.core.filters.syntax import And, Compare, Field, Flag, Node, Not, Or, Parser, Text, Token
from readiness_tui.core.filters.values import FilterError
from readiness_tui.core.model.problems import suggest
from readiness_tui.core.portfolio.summary import BoardRow

FLAGS = ("go", "nogo", "error", "blocked", "waiting", "overdue", "failing", "stale", "readonly")
FIELDS = {"level": "level", "owner": "owner", "o": "owner", "repo": "repo", "name": "name", "ref": "ref"}
_OPS = ("<=", ">=", "<", ">", "=")

Pred = Callable[[BoardRow], bool]


class _PortfolioParser(Parser):
    def term(self, tok: Token) -> Node:
        word = tok.text
        if tok.quoted:
            return Text(word[1:-1].lower())
        low = word.lower()
        if low in FLAGS or low == "no-go":
            return Flag(low.replace("-", ""))
        if low.startswith("@"):
            return Field("owner", (low[1:],))
        for sep in (":", *_OPS):
            name, found, raw = low.partition(sep)
            if found and name.isalpha():
                break
        else:
            return Text(low)
        canon = FIELDS.get(name)
        if canon is None:
            hint = suggest(name, sorted(set(FIELDS.values())), "fields")
            raise FilterError(
                f"unknown field {name!r}", tok.pos + 1, hint + f' (to search the text, quote it: "{word}")'
            )
        col = tok.pos + len(name) + len(sep) + 1
        op = sep if sep != ":" else ""
        if canon == "level" and not op:
            op = next((o for o in _OPS if raw.startswith(o)), "=")
            raw = raw[len(op) :] if raw.startswith(op) else raw
        if not raw:
            raise FilterError(
                f"{name}{sep} needs a value", col, f"e.g. {'level:<silver' if canon == 'level' else 'owner:@team'}"
            )
        if op and canon != "level":
            raise FilterError(f"{name} cannot be compared with {op!r}", tok.pos + 1, f"use {name}:VALUE; compare level")
        if canon == "level":
            return Compare("level", op, raw)
        values = tuple(v.strip().lstrip("@") for v in raw.split(",") if v.strip())
        return Field(canon, values)


def parse_query(text: str) -> Node | None:
    """The tree of a portfolio filter (None when empty); raises ``FilterError`` with the column."""
    return _PortfolioParser(text, None).parse()


def select(rows: list[BoardRow], text: str) -> list[BoardRow]:
    node = parse_query(text)
    if node is None:
        return list(rows)
    pred = _pred(node)
    return [r for r in rows if pred(r)]


def _pred(node: Node) -> Pred:
    if isinstance(node, And):
        parts = [_pred(n) for n in node.nodes]
        return lambda r: all(p(r) for p in parts)
    if isinstance(node, Or):
        parts = [_pred(n) for n in node.nodes]
        return lambda r: any(p(r) for p in parts)
    if isinstance(node, Not):
        inner = _pred(node.node)
        return lambda r: not inner(r)
    if isinstance(node, Flag):
        return _FLAGS[node.name]
    if isinstance(node, Text):
        word = node.value
        return lambda r: word in " ".join((r.name, r.title, r.entry.path, r.error)).lower()
    if isinstance(node, Compare):
        return _level(node.op, node.value)
    assert isinstance(node, Field)
    wanted = set(node.values)
    if node.name == "owner":
        return lambda r: bool(wanted & r.owners)
    if node.name == "repo":
        return lambda r: r.entry.repo is not None and r.entry.repo.name.lower() in wanted
    if node.name == "ref":
        return lambda r: (r.entry.ref or "").lower() in wanted
    return lambda r: any(w in r.name.lower() for w in wanted)


_FLAGS: dict[str, Pred] = {
    "go": lambda r: not r.error and r.go,
    "nogo": lambda r: bool(r.error) or not r.go,
    "error": lambda r: bool(r.error),
    "blocked": lambda r: r.blocked > 0,
    "waiting": lambda r: r.waiting > 0,
    "overdue": lambda r: bool(r.overdue or r.overdue_milestones),
    "failing": lambda r: bool(r.failing_gates),
    "stale": lambda r: bool(r.stale_gates),
    "readonly": lambda r: r.entry.read_only,
}


def _level(op: str, name: str) -> Pred:
    def holds(r: BoardRow) -> bool:
        ladder = [n.lower() for n in r.level.ladder]
        if r.error or name not in ladder:
            return False
        have, want = r.level.rank, ladder.index(name) + 1
        return {"=": have == want, "<": have < want, "<=": have <= want, ">": have > want, ">=": have >= want}[op]

    return holds
