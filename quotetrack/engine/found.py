"""What statement finding collects, in one place: each statement before its speaker is
resolved, the cues already used, and the media the body credits (for the article's agency)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .cues import Cue
from .doc import Doc
from .phrases import Mention
from .text import DASHES


@dataclass(slots=True)
class Stmt:
    kind: str
    start: int
    end: int
    anchor: int  # where the credit is: resolution looks at what came before it
    cue: Cue | None = None
    mention: Mention | None = None
    source: str | None = None
    sentence: int = -1
    follows_previous: bool = False  # no speaker of its own: the previous statement's
    dropped: bool = False  # the subject is unsaid ("Това заяви днес след среща ..."): as a pronoun's
    via: tuple[str, ...] = ()  # media a credit after the words names, nearest the words first


@dataclass(slots=True, eq=False)
class Found:
    """The statements one article yields, in the order found, with an index by start."""

    doc: Doc
    stmts: list[Stmt] = field(default_factory=list)
    used_cues: set[tuple[int, int]] = field(default_factory=set)
    credits: list[str] = field(default_factory=list)  # media credited in the body, for the article's agency
    _starts: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, index in stmts), sorted

    def add(self, stmt: Stmt) -> None:
        """Keep a statement, its span trimmed of punctuation and of a trailing "/БГНЕС" credit."""
        text = self.doc.text
        s, e = stmt.start, stmt.end
        while s < e and text[s] in " ,.:;" + DASHES:
            s += 1
        while e > s and text[e - 1] in " ,:;" + DASHES:
            e -= 1
        slash = text.rfind(" /", s, e)
        if slash > s and len(text[slash:e].split()) <= 3 and "/" not in text[s:slash]:
            e = slash  # "... месеца. /БГНЕС": the dateline credit is not the speaker's words
            while e > s and text[e - 1] in " ,:;" + DASHES:
                e -= 1
        if e - s < 2:
            return
        stmt.start, stmt.end = s, e
        stmt.sentence = self.doc.sent_of(stmt.anchor)
        if stmt.cue is not None:
            self.used_cues.add((stmt.cue.i, stmt.cue.j))
        self.stmts.append(stmt)
        bisect.insort(self._starts, (s, e, len(self.stmts) - 1))

    def use(self, cue: Cue) -> None:
        self.used_cues.add((cue.i, cue.j))

    def containing(self, a: int, b: int) -> list[Stmt]:
        """Statements found so far that hold text[a:b]. Statements do not nest deeply, so only
        the last 64 that start at or before a are looked at."""
        n = bisect.bisect_right(self._starts, (a, len(self.doc.text) + 1, 0))
        return [self.stmts[i] for _, e, i in self._starts[max(0, n - 64) : n] if e >= b]

    def inside_statement(self, offset: int) -> bool:
        """Whether an offset lies in a statement found already."""
        return bool(self.containing(offset, offset + 1))

    def in_sentence(self, sentence: int) -> list[Stmt]:
        return [st for st in self.stmts if st.sentence == sentence]


def explicit(m: Mention | None) -> bool:
    """A speaker named in so many words (not a pronoun, not left out)."""
    return m is not None and m.kind in ("name", "role", "group", "medium")
