"""Finding statements: direct quotes, partial quotes and reported speech, each with the cue
that credits it and the mention of who is credited. Speakers are resolved afterwards
(speakers.Registry), so this module only reads the sentence structure."""
from __future__ import annotations

import bisect
import itertools
from .clauses import Clauses
from .cues import Cue, find_cues
from .directs import Directs
from .marks import find_marks
from .reported import Reported
from .rules import RuleSet
from .sources import Sources
from .speakers import Mention
from .statement import Sent, Stmt
from .text import DASHES, Layout, Token, dateline_end, sentences, tokenize



class Finder(Clauses, Directs, Reported):
    """One article's statements, found in one pass over its sentences."""

    def __init__(self, text: str, lay: Layout, rules: RuleSet) -> None:
        self.text, self.lay, self.rules = text, lay, rules
        self.sources = Sources(rules)
        self.tokens: list[Token] = tokenize(text, 0, lay.end)
        self.starts = [t.start for t in self.tokens]
        self.sources.learn(self.tokens)
        self.sents: list[Sent] = []
        for p, (ps, pe) in enumerate(lay.paragraphs):
            head = (ps, pe) in lay.headlines
            for s, e in sentences(text, dateline_end(text, ps, pe), pe, rules):
                ti, tj = self.tok_index(s), self.tok_index(e)
                self.sents.append(Sent(s, e, ti, tj, p, head))
        self.sent_starts = [s.start for s in self.sents]
        for s in self.sents:
            s.cues = find_cues(self.tokens, s.ti, s.tj, text, rules)
            s.cue_starts = [c.i for c in s.cues]
        self.marks = find_marks(text, lay.paragraphs, rules, closes_all=lambda i: self.clause_after(i) is not None)
        self.spans = [sp for sp in self.marks.spans if sp.end > sp.start]
        self._span_starts = [sp.start for sp in self.spans]
        self._span_reach = list(itertools.accumulate((sp.end for sp in self.spans), max))
        self._span_ends = sorted(sp.outer_end for sp in self.spans)
        outer = sorted((sp.outer_start, sp.outer_end) for sp in self.spans)
        self._outer_starts = [a for a, _ in outer]
        self._outer_reach = list(itertools.accumulate((b for _, b in outer), max))
        self._para_starts = [p[0] for p in lay.paragraphs]
        self._stmt_starts: list[tuple[int, int, int]] = []  # (start, end, index in stmts), sorted
        self.used_cues: set[tuple[int, int]] = set()
        self.stmts: list[Stmt] = []
        self.credits: list[str] = []  # media credited in the body, for the article's agency

    def tok_index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def para_bounds(self, offset: int) -> tuple[int, int]:
        n = bisect.bisect_right(self._para_starts, offset) - 1
        if n >= 0 and offset <= self.lay.paragraphs[n][1]:
            return self.lay.paragraphs[n]
        return offset, offset

    def para_sents(self, offset: int) -> list[Sent]:
        """The sentences of the paragraph around an offset."""
        ps, pe = self.para_bounds(offset)
        a, b = bisect.bisect_left(self.sent_starts, ps), bisect.bisect_right(self.sent_starts, pe)
        return self.sents[a:b]

    def in_span(self, offset: int) -> bool:
        """Whether an offset lies inside quoted words."""
        n = bisect.bisect_right(self._span_starts, offset) - 1
        return n >= 0 and self._span_reach[n] > offset

    def quote_covers(self, a: int, b: int) -> bool:
        """Whether one quote, marks included, runs from at or before a to at or after b."""
        n = bisect.bisect_right(self._outer_starts, a) - 1
        return n >= 0 and self._outer_reach[n] >= b

    def quote_opens_between(self, a: int, b: int) -> bool:
        n = bisect.bisect_right(self._outer_starts, a)
        return n < len(self._outer_starts) and self._outer_starts[n] < b

    def last_span_end(self, lo: int, hi: int) -> int:
        """The end of the last quote closing between lo and hi, or lo."""
        n = bisect.bisect_right(self._span_ends, hi) - 1
        return self._span_ends[n] if n >= 0 and self._span_ends[n] >= lo else lo

    def find(self) -> list[Stmt]:
        self.directs()
        self.orphans()
        self.reported()
        self.partials()
        self.headlines()
        self.stmts.sort(key=lambda s: (s.start, s.kind))
        return self.stmts

    def add(self, stmt: Stmt) -> None:
        s, e = stmt.start, stmt.end
        while s < e and self.text[s] in " ,.:;" + DASHES:
            s += 1
        while e > s and self.text[e - 1] in " ,:;" + DASHES:
            e -= 1
        slash = self.text.rfind(" /", s, e)
        if slash > s and len(self.text[slash:e].split()) <= 3 and "/" not in self.text[s:slash]:
            e = slash  # "... месеца. /БГНЕС": the dateline credit is not the speaker's words
            while e > s and self.text[e - 1] in " ,:;" + DASHES:
                e -= 1
        if e - s < 2:
            return
        stmt.start, stmt.end = s, e
        stmt.sentence = self.sent_of(stmt.anchor)
        if stmt.cue is not None:
            self.used_cues.add((stmt.cue.i, stmt.cue.j))
        self.stmts.append(stmt)
        bisect.insort(self._stmt_starts, (s, e, len(self.stmts) - 1))

    def cues_outside(self, s: Sent, *, labels: bool = False) -> list[Cue]:
        """The sentence's cues that are not inside quoted words (labels only when asked)."""
        if s.outside is None:
            s.outside = [c for c in s.cues if not self.in_span(self.tokens[c.i].start)]
        return s.outside if labels else [c for c in s.outside if c.frame != "label"]

    def containing(self, a: int, b: int) -> list[Stmt]:
        """Statements found so far that hold text[a:b]. Statements do not nest deeply, so only
        the last 64 that start at or before a are looked at."""
        n = bisect.bisect_right(self._stmt_starts, (a, len(self.text) + 1, 0))
        return [self.stmts[i] for _, e, i in self._stmt_starts[max(0, n - 64) : n] if e >= b]

    def inside_statement(self, offset: int) -> bool:
        """Whether an offset lies in a statement found already."""
        return bool(self.containing(offset, offset + 1))

    def explicit(self, m: Mention | None) -> bool:
        """A speaker named in so many words (not a pronoun, not left out)."""
        return m is not None and m.kind in ("name", "role", "group", "medium")
