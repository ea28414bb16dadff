"""Pairing quote marks into quoted spans.

Bulgarian text mixes „…“, "…", «…», “…” and mismatched pairs („…" and "…“), so a mark that
can both open and close is decided by the characters around it, then by what is still open.
One stray mark never costs the rest of the article: it is set aside as an orphan.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..rules import RuleSet

OPEN_BEFORE = "([{/-–—"
CLOSE_AFTER = ",.;:!?)]…-–—/"
MAX_DEPTH = 6  # quotes nest two or three deep in real text; more open marks than this are strays
MAX_PARAGRAPHS = 12  # a quote over more paragraphs than this, its mark not repeated, has lost its closer


# (not frozen: see phrases.Mention)
@dataclass(slots=True)
class Span:
    """Quoted words: text[start:end], between the marks at `open` and `close` (-1 when lost)."""

    open: int
    close: int
    start: int
    end: int

    @property
    def outer_start(self) -> int:
        return self.open if self.open >= 0 else self.start

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close >= 0 else self.end


@dataclass(frozen=True, slots=True)
class Marks:
    spans: tuple[Span, ...]
    orphan_closers: tuple[int, ...]  # closing marks with no opener ("…думи", каза Х.)
    orphan_openers: tuple[int, ...]


def _role(text: str, i: int, rules: RuleSet) -> str:
    ch = text[i]
    can_open, can_close = ch in rules.openers, ch in rules.closers
    if not can_close:
        return "open"
    if not can_open:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if (prev.isspace() or prev in OPEN_BEFORE) and (nxt.isalnum() or nxt in rules.openers or nxt in "[(…"):
        return "open"
    if (nxt.isspace() or nxt in CLOSE_AFTER) and not prev.isspace():
        return "close"
    if nxt in CLOSE_AFTER:
        return "close"
    return "either"


def find_marks(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    rules: RuleSet,
    closes_all: Callable[[int], bool] = lambda i: False,
) -> Marks:
    """Pair the marks inside `paragraphs`. `closes_all(i)` says a closer at i is followed by a
    reporting clause, which ends every quote still open (an inner quote's mark closing the outer)."""
    spans: list[Span] = []
    orphan_closers: list[int] = []
    orphan_openers: list[int] = []
    stack: list[int] = []
    skip: int | None = None
    carried: int | None = None  # the opening mark of a quote carried over paragraphs
    pairs = rules.pairs
    for n, (ps, pe) in enumerate(paragraphs):
        for found in rules.mark_re.finditer(text, ps, pe):
            i = found.start()
            ch = text[i]
            if i == skip:
                continue
            role = _role(text, i, rules)
            if role != "open":
                k = next((k for k in range(len(stack) - 1, -1, -1) if (text[stack[k]], ch) in pairs), None)
                if k is not None:
                    if k > 0 and closes_all(i) and (text[stack[0]], ch) in pairs:
                        k = 0
                    o = stack[k]
                    del stack[k:]
                    a, b = o + 1, i
                    while a < b and text[a] == " ":
                        a += 1  # "„ Брекзит ... “": the words, not the spaces a careless hand left inside the marks
                    while b > a and text[b - 1] == " ":
                        b -= 1
                    spans.append(Span(o, i, a, b))
                    continue
                if role == "close":
                    orphan_closers.append(i)
                    continue
            stack.append(i)
            if len(stack) > MAX_DEPTH:
                orphan_openers.append(stack.pop(0))
        # A quote over several paragraphs repeats its opening mark on each one and closes once.
        nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
        if stack and nxt is not None and text[nxt] in rules.openers and _role(text, nxt, rules) == "open":
            orphan_openers.extend(stack[1:])
            stack = stack[:1]
            skip = nxt
        elif stack and (stack[0] == ps or stack[0] == carried) and _closed_later(text, paragraphs, n, rules):
            carried = stack[0]
            orphan_openers.extend(stack[1:])  # a quote over several paragraphs, its mark not repeated:
            stack = stack[:1]  # the next mark met closes it
        elif stack:
            first = stack[0]
            if first == ps:  # a paragraph that opens a quote and loses its closing mark
                spans.append(Span(first, -1, first + 1, _trim_end(text, pe)))
                orphan_openers.extend(stack[1:])
            else:
                orphan_openers.extend(stack)
            stack = []
    spans.sort(key=lambda s: s.start)
    return Marks(tuple(spans), tuple(orphan_closers), tuple(orphan_openers))


def _closed_later(text: str, paragraphs: Sequence[tuple[int, int]], n: int, rules: RuleSet) -> bool:
    """Whether the first quote mark after paragraph n, within a few paragraphs, closes."""
    for ps, pe in paragraphs[n + 1 : n + 1 + MAX_PARAGRAPHS]:
        found = rules.mark_re.search(text, ps, pe)
        if found:
            return _role(text, found.start(), rules) == "close"
    return False


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " .":
        end -= 1
    return end
