"""The article as the engine reads it: one object built once from (text, rules) and read by
every step after: its layout, tokens, sentences with their cues, quote marks, and the media it
names. Finding statements and resolving speakers are functions of a Doc; nothing they find is
stored on it (that goes to found.Found)."""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from ..rules import RuleSet
from .cues import Cue, find_cues
from .marks import Marks, Span, find_marks
from .media import Media
from .text import Layout, Token, dateline_end, sentences, tokenize


@dataclass(slots=True, eq=False)
class Sent:
    start: int
    end: int
    ti: int
    tj: int
    para: int
    head: bool
    cues: list[Cue] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)  # token index of each cue, for bisect
    outside: list[Cue] | None = None  # its cues outside quoted words, once the quotes are known


@dataclass(slots=True, eq=False)
class Doc:
    text: str
    lay: Layout
    rules: RuleSet
    media: Media
    tokens: list[Token]
    starts: list[int]  # each token's offset, for bisect
    sents: list[Sent] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    marks: Marks = Marks((), (), ())
    spans: list[Span] = field(default_factory=list)  # non-empty quoted spans, by start
    # bisect indexes over the spans, built once the marks are paired
    span_starts: list[int] = field(default_factory=list)
    span_reach: list[int] = field(default_factory=list)
    span_ends: list[int] = field(default_factory=list)
    outer_starts: list[int] = field(default_factory=list)
    outer_reach: list[int] = field(default_factory=list)
    times: frozenset[int] = frozenset()  # indexes of time nouns ("седмица", "четвъртък")
    at: dict[str, list[int]] = field(default_factory=dict)  # lower-case word -> its token indexes (RuleSet.indexed_words only)
    # the phrase read at (start, end): the same phrase is asked for by the registry, by every cue
    # reading back over it and by the resolver, and reading it is pure, so it is read once
    phrases: dict = field(default_factory=dict)
    spelled: dict[str, str] | None = None  # acronym -> the name its brackets spell out, read when first asked

    @classmethod
    def read(cls, text: str, lay: Layout, rules: RuleSet) -> Doc:
        starts: list[int] = []
        # where each word stands: the few lists that ask every token for a word of theirs (time
        # nouns, media nouns, documents) intersect their words with these keys instead (most
        # words are no list's: they are not indexed at all)
        at: dict[str, list[int]] = {}
        tokens = tokenize(text, 0, lay.end, starts, rules.indexed_words, at)
        doc = cls(text, lay, rules, Media(rules, tokens, at), tokens, starts)
        doc.at = at
        for p, (ps, pe) in enumerate(lay.paragraphs):
            head = (ps, pe) in lay.headlines
            for s, e in sentences(text, dateline_end(text, ps, pe, rules), pe, rules):
                doc.sents.append(Sent(s, e, doc.tok_index(s), doc.tok_index(e), p, head))
        doc.sent_starts = [s.start for s in doc.sents]
        time_nouns = rules.time_nouns
        doc.times = frozenset([k for w in time_nouns.intersection(at) for k in at[w]])
        doc.para_starts = [p[0] for p in lay.paragraphs]
        cue_at = sorted(k for w in rules.cue_words.intersection(at) for k in at[w])  # the few words a cue may open with
        for sent in doc.sents:
            sent.cues = find_cues(tokens, sent.ti, sent.tj, text, rules,
                                  cue_at[bisect.bisect_left(cue_at, sent.ti) : bisect.bisect_left(cue_at, sent.tj)])
            sent.cue_starts = [c.i for c in sent.cues]
        # Pairing marks asks whether a reporting clause follows a closer, which reads the cues
        from .clauses import clause_after

        doc.set_marks(find_marks(text, lay.paragraphs, rules, closes_all=lambda i: clause_after(doc, i) is not None))
        return doc

    def set_marks(self, marks: Marks) -> None:
        self.marks = marks
        self.spans = [sp for sp in marks.spans if sp.end > sp.start]
        self.span_starts = [sp.start for sp in self.spans]
        self.span_reach = list(itertools.accumulate((sp.end for sp in self.spans), max))
        self.span_ends = sorted(sp.outer_end for sp in self.spans)
        outer = sorted((sp.outer_start, sp.outer_end) for sp in self.spans)
        self.outer_starts = [a for a, _ in outer]
        self.outer_reach = list(itertools.accumulate((b for _, b in outer), max))

    def tok_index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def sent_at(self, offset: int) -> Sent:
        return self.sents[self.sent_of(offset)]

    def para_bounds(self, offset: int) -> tuple[int, int]:
        n = bisect.bisect_right(self.para_starts, offset) - 1
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
        n = bisect.bisect_right(self.span_starts, offset) - 1
        return n >= 0 and self.span_reach[n] > offset

    def quote_covers(self, a: int, b: int) -> bool:
        """Whether one quote, marks included, runs from at or before a to at or after b."""
        n = bisect.bisect_right(self.outer_starts, a) - 1
        return n >= 0 and self.outer_reach[n] >= b

    def quote_opens_between(self, a: int, b: int) -> bool:
        n = bisect.bisect_right(self.outer_starts, a)
        return n < len(self.outer_starts) and self.outer_starts[n] < b

    def last_span_end(self, lo: int, hi: int) -> int:
        """The end of the last quote closing between lo and hi, or lo."""
        n = bisect.bisect_right(self.span_ends, hi) - 1
        return self.span_ends[n] if n >= 0 and self.span_ends[n] >= lo else lo

    def cues_outside(self, s: Sent, *, labels: bool = False) -> list[Cue]:
        """The sentence's cues that are not inside quoted words (labels only when asked)."""
        if s.outside is None:
            s.outside = [c for c in s.cues if not self.in_span(self.tokens[c.i].start)]
        return s.outside if labels else [c for c in s.outside if c.frame != "label"]

    def time_near(self, k: int) -> bool:
        """Whether a time noun stands at tokens[k] or within the three after it."""
        times = self.times
        return k in times or k + 1 in times or k + 2 in times or k + 3 in times

    def phrase_at(self, k: int, phrase: tuple[str, ...], hi: int | None = None) -> bool:
        """Whether the words of `phrase` stand at tokens[k:] (before `hi`)."""
        hi = len(self.tokens) if hi is None else hi
        if k + len(phrase) > hi:
            return False
        toks = self.tokens
        for n, w in enumerate(phrase):  # a loop, not all(): this is asked thousands of times an article
            if toks[k + n].low != w:
                return False
        return True
