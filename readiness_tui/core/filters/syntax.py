"""The filter language's grammar: words to a tree of terms, and a tree back to words.

    query   := or
    or      := and ( "OR" and )*
    and     := unary ( ["AND"] unary )*          (words side by side are ANDed)
    unary   := ("NOT" | "-" | "!") unary | "(" or ")" | term
    term    := flag | field ":" values | field op value | "@"owner | word | "quoted words"
    op      := "<" | "<=" | ">" | ">=" | "="

``OR``, ``AND`` and ``NOT`` are keywords in any case; quote them to search for the word. Every
mistake raises ``FilterError`` naming the column and, where one is near, what was meant. The
meaning of the terms (what an item must have to match) is ``core.filtering``'s; what a value may
be, and the ``Vocabulary`` of what a board has (its phases, owners, views ...) so that ``p:P9`` or
``phase:Z`` is an error, not a silent empty list, are ``core.filter_values``'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readiness_tui.core.filters.values import CHECKS, FilterError, Vocabulary, comparable, norm
from readiness_tui.core.filters.values import FLAGS as FLAGS
from readiness_tui.core.model.problems import suggest

#: Field names and their aliases -> canonical field.
FIELDS: dict[str, str] = {
    "owner": "owner",
    "o": "owner",
    "who": "owner",
    "contributor": "contributor",
    "contributors": "contributor",
    "c": "contributor",
    "status": "status",
    "s": "status",
    "st": "status",
    "priority": "priority",
    "p": "priority",
    "prio": "priority",
    "phase": "phase",
    "ph": "phase",
    "kind": "kind",
    "k": "kind",
    "type": "kind",
    "workstream": "workstream",
    "ws": "workstream",
    "stream": "workstream",
    "tag": "tag",
    "tags": "tag",
    "t": "tag",
    "milestone": "milestone",
    "ms": "milestone",
    "id": "id",
    "parent": "parent",
    "target": "target",
    "due": "due",
    "score": "score",
    "estimate": "estimate",
    "est": "estimate",
    "view": "view",
}
#: Fields that take ``<``, ``<=``, ``>``, ``>=`` and ``=``.
COMPARABLE = ("score", "estimate", "target", "due")
OPS = ("<=", ">=", "<", ">", "=")
KEYWORDS = ("or", "and", "not")
_TERM_RE = re.compile(r"^([a-z_]+)(<=|>=|<|>|=|:)(.*)$", re.S | re.I)
_PLAIN_RE = re.compile(r"^[^\s\"'()]+$")


# ---------------------------------------------------------------------- the tree
@dataclass(frozen=True)
class Text:
    """A free word or quoted words (lower-cased): found in the text ``filter_match.haystack`` gives
    (id, title, owner, workstream, kind, tags, description, notes, acceptance)."""

    value: str


@dataclass(frozen=True)
class Flag:
    """A word from ``FLAGS``: a state of the item (``ready``, ``blocked``, ``open``, ``gate`` ...)."""

    name: str


@dataclass(frozen=True)
class Field:
    """``owner:@ana,@bo``: the canonical field and the values, any of which matches."""

    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Compare:
    """``score>=12``, ``due<2026-03-01``: a field of ``COMPARABLE`` against one value."""

    name: str
    op: str
    value: str


@dataclass(frozen=True)
class Not:
    """``NOT x``, ``-x``, ``!x``."""

    node: Node


@dataclass(frozen=True)
class And:
    """Terms side by side, or joined by ``AND``: every one must match (none: matches all)."""

    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """Terms joined by ``OR``: one must match."""

    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class View:
    """``view:NAME``: a named view, kept with the tree its query parsed to."""

    name: str
    node: Node


Node = Text | Flag | Field | Compare | Not | And | Or | View


# ---------------------------------------------------------------------- words
@dataclass(frozen=True)
class Token:
    kind: str  # "word", "(", ")", "not"
    text: str
    pos: int  # 0-based column of its first character
    quoted: bool = False  # the whole word was one quoted string


def _tokens(text: str) -> list[Token]:
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(Token(ch, ch, i))
            i += 1
        elif ch in "-!" and i + 1 < n and not text[i + 1].isspace():
            out.append(Token("not", ch, i))
            i += 1
        elif ch in "-!":
            raise FilterError(f"'{ch}' needs a term after it", i + 1, f"e.g. {ch}status:done")
        else:
            start, buf, quoted_whole = i, [], ch in "\"'"
            while i < n and not text[i].isspace() and text[i] not in "()":
                if text[i] in "\"'":
                    q = text[i]
                    end = text.find(q, i + 1)
                    if end < 0:
                        raise FilterError("this quote is not closed", i + 1, f"add a closing {q}")
                    buf.append(text[i : end + 1])
                    i = end + 1
                else:
                    buf.append(text[i])
                    i += 1
            word = "".join(buf)
            quoted_whole = quoted_whole and len(buf) == 1
            if not quoted_whole and word.lower() in ("or", "and"):
                out.append(Token(word.lower(), word, start))
            elif not quoted_whole and word.lower() == "not":
                out.append(Token("not", word, start))
            else:
                out.append(Token("word", word, start, quoted_whole))
    return out


def _unquote(text: str) -> str:
    return re.sub(r"\"([^\"]*)\"|'([^']*)'", lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)


def _split_values(text: str) -> list[str]:
    """``a,"b c",d`` -> ``["a", "b c", "d"]`` (commas inside quotes are kept)."""
    out, buf, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch in "\"'":
            end = text.find(ch, i + 1)
            buf.append(text[i + 1 : end])
            i = end + 1
            continue
        if ch == ",":
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    out.append("".join(buf))
    return [v.strip() for v in out]


# ---------------------------------------------------------------------- parsing
class Parser:
    def __init__(self, text: str, vocab: Vocabulary | None, seen_views: tuple[str, ...] = ()) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.i = 0
        self.vocab = vocab
        self.seen_views = seen_views

    def peek(self) -> Token | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def end_col(self) -> int:
        return len(self.text.rstrip()) + 1

    def parse(self) -> Node | None:
        if not self.toks:
            return None
        node = self.parse_or()
        tok = self.peek()
        if tok is not None:  # only a ")" stops parse_or early
            raise FilterError("this ')' closes nothing", tok.pos + 1, "remove it or add a '(' before")
        return node

    def parse_or(self) -> Node:
        nodes = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.i += 1
            nodes.append(self.parse_and(after=tok))
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))

    def parse_and(self, after: Token | None = None) -> Node:
        nodes: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind not in (")", "or"):
            if tok.kind == "and":
                if not nodes:
                    raise FilterError("AND needs a term before it", tok.pos + 1, "e.g. ready AND p:P0")
                self.i += 1
                nxt = self.peek()
                if nxt is None or nxt.kind in (")", "or", "and"):
                    raise FilterError("AND needs a term after it", tok.pos + 1, "e.g. ready AND p:P0")
                continue
            nodes.append(self.parse_unary())
        if not nodes:
            tok = self.peek()
            if after is not None:
                raise FilterError(f"{after.text} needs a term after it", after.pos + 1, "e.g. status:todo OR ready")
            if tok is not None and tok.kind == "or":
                raise FilterError(f"{tok.text} needs a term before it", tok.pos + 1, "e.g. status:todo OR ready")
            col = tok.pos + 1 if tok is not None else self.end_col()
            raise FilterError("expected a term here", col, "e.g. status:todo")
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def parse_unary(self) -> Node:
        tok = self.peek()
        assert tok is not None  # parse_and checked
        if tok.kind == "not":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "or", "and"):
                raise FilterError(f"{tok.text} needs a term after it", tok.pos + 1, f"e.g. {tok.text} status:done")
            return Not(self.parse_unary())
        if tok.kind == "(":
            self.i += 1
            if (nxt := self.peek()) is not None and nxt.kind == ")":
                raise FilterError("empty parentheses", tok.pos + 1, "put terms inside, e.g. (p:P0 OR p:P1)")
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != ")":
                raise FilterError("this '(' is not closed", tok.pos + 1, "add a ')'")
            self.i += 1
            return node
        self.i += 1
        return self.term(tok)

    def term(self, tok: Token) -> Node:
        word = tok.text
        if tok.quoted:
            return Text(_unquote(word).lower())
        low = word.lower()
        if low in FLAGS:
            return Flag(low)
        if low.startswith("@"):
            return self.field("owner", ":", word[1:], tok.pos + 1, tok)
        m = _TERM_RE.match(word)
        if m is None:
            if word[:1] in "<>=:":
                raise FilterError(f"{word!r} has no field before {word[0]!r}", tok.pos + 1, "e.g. score>=15")
            return Text(_unquote(word).lower())
        name, op, value = m.group(1).lower(), m.group(2), m.group(3)
        canon = FIELDS.get(name)
        if canon is None:
            hint = suggest(name, list(dict.fromkeys(FIELDS.values())), "fields", most=20)
            raise FilterError(
                f"unknown field {name!r}", tok.pos + 1, hint + f' (to search the text, quote it: "{word}")'
            )
        return self.field(canon, op, value, tok.pos + len(m.group(1)) + len(op) + 1, tok)

    def field(self, name: str, op: str, raw: str, col: int, tok: Token) -> Node:
        values = [v for v in _split_values(raw) if v] if raw else []
        if not values:
            example = {"owner": "@ana", "status": "todo", "priority": "P0", "view": "mine"}.get(name, "...")
            raise FilterError(f"{name}{op} needs a value", col, f"e.g. {name}{op}{example}")
        if op != ":" and name not in COMPARABLE:
            raise FilterError(
                f"{name} cannot be compared with {op!r}",
                tok.pos + 1,
                f"use {name}:VALUE; compare {', '.join(COMPARABLE)}",
            )
        if op != ":" or name in ("score", "estimate", "due"):
            if len(values) > 1:
                raise FilterError(f"{name}{op} takes one value", col, f"e.g. {name}{op}{values[0]}")
            return Compare(name, "=" if op == ":" else op, comparable(name, values[0], col))
        if name == "view":
            return self.view(values, col)
        check = CHECKS.get(name)
        out = []
        for v in values:
            v = norm(name, v)
            if not v:
                raise FilterError(f"{name}{op} needs a value", col, f"e.g. {name}{op}...")
            if check is not None:
                check(self.vocab, v, col)
            out.append(v)
        return Field(name, tuple(out))

    def view(self, names: list[str], col: int) -> Node:
        views = {k.lower(): v for k, v in (self.vocab.views if self.vocab else {}).items()}
        nodes: list[Node] = []
        for name in names:
            key = name.lower()
            if key not in views:
                hint = suggest(key, list(views), "views") if views else "no views are defined (a [views] table)"
                raise FilterError(f"unknown view {name!r}", col, hint)
            if key in self.seen_views:
                raise FilterError(f"view {name!r} refers to itself", col, "a view may not name itself")
            try:
                inner = Parser(views[key], self.vocab, (*self.seen_views, key)).parse()
            except FilterError as exc:
                raise FilterError(f"view {name!r} is broken ({exc})", col, "fix the view's filter") from None
            nodes.append(View(key, inner if inner is not None else And(())))
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))


def parse_tree(text: str, vocab: Vocabulary | None = None) -> Node | None:
    """The tree of a filter (None when it is empty); raises ``FilterError``."""
    return Parser(text, vocab).parse()


# ---------------------------------------------------------------------- printing
def _word(value: str) -> str:
    """A value as one word, quoted when it would otherwise be read as something else."""
    if value and _PLAIN_RE.match(value) and value[0] not in "-!@" and "," not in value:
        return value
    return f"'{value}'" if '"' in value else f'"{value}"'


def unparse(node: Node | None) -> str:
    """The canonical text of a tree: ``parse_tree(unparse(t)) == t`` (with the same views)."""
    if node is None:
        return ""
    if isinstance(node, Text):
        v = node.value
        plain = _word(v) == v and v not in KEYWORDS and v not in FLAGS and _TERM_RE.match(v) is None
        plain = plain and v[:1] not in "<>=:"
        return v if plain else (f"'{v}'" if '"' in v else f'"{v}"')
    if isinstance(node, Flag):
        return node.name
    if isinstance(node, Field):
        return f"{node.name}:{','.join(_word(v) for v in node.values)}"
    if isinstance(node, Compare):
        return f"{node.name}{node.op}{node.value}"
    if isinstance(node, View):
        return f"view:{node.name}"
    if isinstance(node, Not):
        inner = unparse(node.node)
        return f"-({inner})" if isinstance(node.node, (And, Or)) else f"-{inner}"
    if isinstance(node, And):
        return " ".join(f"({unparse(n)})" if isinstance(n, (And, Or)) else unparse(n) for n in node.nodes)
    return " OR ".join(f"({unparse(n)})" if isinstance(n, Or) else unparse(n) for n in node.nodes)
