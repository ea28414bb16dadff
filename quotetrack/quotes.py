"""Finding statements: direct quotes, partial quotes and reported speech, each with the cue
that credits it and the mention of who is credited. Speakers are resolved afterwards
(speakers.Registry), so this module only reads the sentence structure."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .cues import Cue, find_cues
from .marks import Span, find_marks
from .rules import RuleSet
from .sources import Sources
from .speakers import Mention, read_np, read_np_back
from .text import Layout, Token, sentences, tokenize

CLAUSE_PUNCT = ",;"
DASHES = "-–—"


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


@dataclass(slots=True)
class Sent:
    start: int
    end: int
    ti: int
    tj: int
    para: int
    head: bool
    cues: list[Cue] = field(default_factory=list)


class Finder:
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
            for s, e in sentences(text, ps, pe, rules):
                ti, tj = self.tok_index(s), self.tok_index(e)
                self.sents.append(Sent(s, e, ti, tj, p, head))
        self.sent_starts = [s.start for s in self.sents]
        for s in self.sents:
            s.cues = find_cues(self.tokens, s.ti, s.tj, text, rules)
        self.marks = find_marks(text, lay.paragraphs, rules, closes_all=lambda i: self.clause_after(i) is not None)
        self.spans = [sp for sp in self.marks.spans if sp.end > sp.start]
        self.used_cues: set[tuple[int, int]] = set()
        self.stmts: list[Stmt] = []
        self.credits: list[str] = []  # media credited in the body, for the article's agency

    # -- positions ---------------------------------------------------------------------------
    def tok_index(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def sent_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, offset) - 1)

    def para_bounds(self, offset: int) -> tuple[int, int]:
        for ps, pe in self.lay.paragraphs:
            if ps <= offset <= pe:
                return ps, pe
        return offset, offset

    def in_span(self, offset: int) -> Span | None:
        for sp in self.spans:
            if sp.start <= offset < sp.end:
                return sp
        return None

    # -- reporting clauses next to a quote ------------------------------------------------------
    def clause_after(self, close: int) -> tuple[Cue, Mention | None, int] | None:
        """A reporting clause right after the closing mark at `close`: ', каза Ким.',
        '– добави той', '. Това каза X.' Returns the cue, the speaker's mention and the clause end."""
        text = self.text
        i = self.tok_index(close + 1)
        toks = self.tokens
        k = i
        anaphora = False
        joined = False  # a comma or dash joins the clause to the quote
        while k < len(toks) and toks[k].text in ",;" + DASHES + "".join(self.rules.closers):
            joined = joined or toks[k].text in ",;" + DASHES
            k += 1
        if k < len(toks) and toks[k].text == "." and k + 1 < len(toks) and self.is_anaphora(k + 1):
            k += 1
        if k < len(toks) and self.is_anaphora(k):
            anaphora = True
        elif not joined and not (k < len(toks) and toks[k].low in self.rules.verbs and not toks[k].is_upper):
            comma = next((n for n in range(k, min(len(toks), k + 5)) if toks[n].text in ",."), None)
            if comma is None or toks[comma].text != ",":
                return None
            k = comma + 1
        sent = self.sents[self.sent_of(toks[k].start)] if k < len(toks) else None
        if sent is None:
            return None
        limit = min(sent.tj, k + 30)
        for cue in sent.cues:
            if cue.i < k or cue.i >= limit or cue.frame == "label":
                continue
            gap = [t for t in toks[k : cue.i] if t.is_word]
            if len(gap) > (4 if not anaphora else 2):
                return None
            if gap and not anaphora and not any(t.text == "," for t in toks[k : cue.i]) and cue.kind != "stance":
                if not self.is_np_end(k, cue.i):
                    return None
            mention = self.mention_after(cue, limit) or self.mention_between(k, cue)
            return cue, mention, sent.end
        return None

    def is_anaphora(self, k: int) -> bool:
        return any(all(k + n < len(self.tokens) and self.tokens[k + n].low == w for n, w in enumerate(p)) for p in self.rules.anaphora)

    def is_np_end(self, a: int, b: int) -> bool:
        """"“, Путин заяви" - a name or pronoun standing right before the verb."""
        m = read_np_back(self.tokens, a, b, self.text, self.rules, self.sources)
        return m is not None and m.kind in ("name", "pronoun", "role")

    def mention_between(self, a: int, cue: Cue) -> Mention | None:
        return read_np_back(self.tokens, a, cue.i, self.text, self.rules, self.sources)

    def skip_outlets(self, k: int, hi: int) -> tuple[int, str | None]:
        """Skip adverbs and "пред X" / "по X" / "в интервю за X" after a verb; return the medium."""
        toks, rules = self.tokens, self.rules
        source = None
        while k < hi:
            if toks[k].low in rules.adverbs and not self.outlet_at(k, hi):
                k += 1
                continue
            found = self.outlet_at(k, hi)
            if found is None:
                break
            k, medium = found
            source = source or medium
            while k < hi and (toks[k].text == "," or toks[k].low in self.rules.conjunctions):
                nxt = self.sources.medium_at(toks, k + 1, hi)
                if nxt is None:
                    break
                k = nxt[1]
        return k, source

    def outlet_at(self, k: int, hi: int) -> tuple[int, str] | None:
        toks = self.tokens
        for phrase in self.rules.outlet_phrases:
            n = len(phrase)
            if k + n <= hi and all(toks[k + m].low == w for m, w in enumerate(phrase)):
                medium = self.sources.medium_at(toks, k + n, hi)
                if medium is not None:
                    return medium[1], medium[0]
        return None

    def mention_after(self, cue: Cue, hi: int) -> Mention | None:
        toks = self.tokens
        k, _ = self.skip_outlets(cue.j, hi)
        k = self.skip_show_name(k, hi)
        m = self.document_speaker(k, hi)
        if m is not None:
            return m
        if k < hi and toks[k].low in self.rules.preps and not toks[k].is_upper:
            # "заяви на пресконференция говорител на ЕК": the speaker after a short phrase
            for n in range(k + 1, min(hi, k + 5)):
                m = read_np(toks, n, hi, self.text, self.rules, self.sources)
                if m is not None and m.kind in ("name", "role", "group") and (m.kind == "name" or (toks[n].low,) in self.rules.roles):
                    return m
                if not toks[n].is_word:
                    break
        if k < hi and toks[k].low == self.rules.source_preposition and k + 1 < hi and (toks[k + 1].is_upper or toks[k + 1].text in self.rules.openers):
            k += 1
        prep = next((p for p, c in self.rules.prepositions if c == "speaker" and all(k + n < hi and toks[k + n].low == w for n, w in enumerate(p))), None)
        if prep and len(prep) > 1:
            k += len(prep)
        if k < hi and toks[k].text in self.rules.openers:
            close = next((c for c in range(k + 1, min(hi, k + 8)) if toks[c].text in self.rules.closers), None)
            if close is not None:
                return Mention("other", toks[k + 1].start, toks[close - 1].end, self.text[toks[k + 1].start : toks[close - 1].end])
        return read_np(toks, k, hi, self.text, self.rules, self.sources)

    def skip_show_name(self, k: int, hi: int) -> int:
        """"заяви „Здравей, България“ по NOVA Х": a programme's name before the medium."""
        toks = self.tokens
        if k < hi and toks[k].text in self.rules.openers:
            close = next((c for c in range(k + 1, min(hi, k + 8)) if toks[c].text in self.rules.closers), None)
            if close is not None and self.outlet_at(close + 1, hi) is not None:
                return self.skip_outlets(close + 1, hi)[0]
        return k

    def document_speaker(self, k: int, hi: int) -> Mention | None:
        """"се казва в съобщението на „Райънеър“": the body behind a document is the speaker."""
        toks = self.tokens
        if k < hi and toks[k].low in self.rules.preps and k + 1 < hi and toks[k + 1].low in self.rules.documents:
            k += 1
        if not (k + 1 < hi and toks[k].low in self.rules.documents and toks[k + 1].low in self.rules.preps):
            return None
        n = k + 2
        if n < hi and toks[n].text in self.rules.openers:
            close = next((c for c in range(n + 1, min(hi, n + 8)) if toks[c].text in self.rules.closers), None)
            if close is not None:
                return Mention("other", toks[n + 1].start, toks[close - 1].end, self.text[toks[n + 1].start : toks[close - 1].end])
        return read_np(toks, n, hi, self.text, self.rules, self.sources)

    def source_near(self, cue: Cue, lo: int, hi: int) -> str | None:
        """A medium named around a cue: "каза пред „Ханделсблат“", "цитиран от БГНЕС", ", предаде АФП"."""
        toks = self.tokens
        _, medium = self.skip_outlets(cue.j, hi)
        if medium:
            return medium
        for k in range(cue.j, hi):  # "заяви Петрова пред Би Ти Ви": after the speaker
            found = self.outlet_at(k, hi) if toks[k].low in self.rules.preps or k == cue.j or (toks[k].low,) in {p for p, c in self.rules.prepositions} else None
            if found is not None:
                return found[1]
            if toks[k].text in ".;" or (toks[k].text == "," and k > cue.j + 1):
                break
        for k in range(lo, hi):
            for phrase in self.rules.outlet_phrases + self.rules.credit_phrases:
                n = len(phrase)
                if k + n <= hi and all(toks[k + m].low == w for m, w in enumerate(phrase)):
                    if phrase in self.rules.credit_phrases:
                        m = read_np(toks, k + n, hi, self.text, self.rules, self.sources)
                        medium = self.sources.medium_at(toks, k + n, hi)
                        if medium:
                            self.credits.append(medium[0])
                            return medium[0]
                        if m is not None:
                            return m.text
                    elif k < cue.i:
                        medium = self.sources.medium_at(toks, k + n, hi)
                        if medium:
                            return medium[0]
        return None

    def credit_tail(self, lo: int, hi: int) -> tuple[int, str] | None:
        """", предаде АФП" / ", цитиран от Ройтерс" closing a clause: (token index of the comma, medium)."""
        toks = self.tokens
        for k in range(lo, hi):
            if toks[k].text != ",":
                continue
            j = k + 1
            for phrase in self.rules.credit_phrases:
                if all(j + n < hi and toks[j + n].low == w for n, w in enumerate(phrase)):
                    medium = self.sources.medium_at(toks, j + len(phrase), hi)
                    if medium:
                        return k, medium[0]
            verb = self.rules.verbs.get(toks[j].low) if j < hi else None
            if verb and verb.frame == "speech":
                medium = self.sources.medium_at(toks, j + 1, hi)
                if medium and medium[1] >= hi - 1:
                    return k, medium[0]
        return None

    # -- direct quotes ------------------------------------------------------------------------
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

    def directs(self) -> None:
        for sp in self.spans:
            after = self.clause_after(sp.close) if sp.close >= 0 else None
            joined = sp.close >= 0 and self.text[sp.close + 1 : sp.close + 3].strip()[:1] in ("," + DASHES)
            if self.is_name(sp) and not (after is not None and joined):
                continue  # a quoted name, unless ", каза Х" follows it
            before = self.lead_in(sp)
            if after is not None and (before is None or before.strip() == ""):
                cue, mention, _ = after
                self.direct(sp, cue, mention, self.tokens[cue.i].start)
            elif before is not None and before.rstrip().endswith(":"):
                self.direct_after_colon(sp)
            elif before is not None and self.credited_lead_in(sp) is not None:
                cue, mention = self.credited_lead_in(sp)
                self.add(Stmt("direct", sp.start, sp.end, self.tokens[cue.i].start, cue, mention))
            elif before is not None and before.strip() == "":
                self.direct_standalone(sp)

    def direct(self, sp: Span, cue: Cue, mention: Mention | None, anchor: int) -> None:
        inner = self.split_inside(sp)
        source = self.source_near(cue, cue.j, self.sents[self.sent_of(anchor)].tj)
        for n, (s, e, icue, imention) in enumerate(inner):
            if n == len(inner) - 1 and n > 0 and cue.i > self.tok_index(sp.end):
                icue, imention = cue, mention  # the clause after the quote credits its last part
            self.add(Stmt("direct", s, e, anchor, icue or cue, imention or mention, source))
        self.used_cues.add((cue.i, cue.j))

    def split_inside(self, sp: Span) -> list[tuple[int, int, Cue | None, Mention | None]]:
        """„A – каза Х. – B“: one quote broken by its reporting clause is two statements."""
        a, b = self.tok_index(sp.start), self.tok_index(sp.end)
        toks = self.tokens
        for k in range(a + 1, b - 1):
            if toks[k].text not in DASHES + ",":
                continue
            verb = self.rules.verbs.get(toks[k + 1].low)
            if verb is None or verb.frame == "label":
                continue
            cue = Cue("verb", k + 1, k + 2, toks[k + 1].text, verb.lemma, verb.frame, k + 1)
            m = read_np(toks, k + 2, b, self.text, self.rules, self.sources)
            if m is None or m.kind not in ("name", "pronoun", "role"):
                continue
            e = self.tok_index(m.end)
            while e < b and toks[e].text in ".," + DASHES:
                e += 1
            if e >= b or toks[e - 1].text not in DASHES + ".,":
                continue
            return [(sp.start, toks[k].start, cue, m), (toks[e].start, sp.end, cue, m)]
        return [(sp.start, sp.end, None, None)]

    def lead_in(self, sp: Span) -> str | None:
        """The text of the sentence before the opening mark, or None when it is a narrator's
        sentence the quote sits inside."""
        s = self.sents[self.sent_of(sp.outer_start)]
        lo = max(s.start, self.para_bounds(sp.outer_start)[0])
        prev_close = max((o.outer_end for o in self.spans if lo <= o.outer_end <= sp.outer_start), default=lo)
        return self.text[prev_close:sp.outer_start]

    def credited_lead_in(self, sp: Span) -> tuple[Cue, Mention] | None:
        """"Според Х (обаче) „…“." - the sentence is a crediting phrase and then the quote."""
        s = self.sents[self.sent_of(sp.outer_start)]
        open_at = self.tok_index(sp.outer_start)
        cues = [c for c in s.cues if c.kind == "prep" and c.frame == "speaker" and c.i == s.ti]
        if not cues or (sp.close >= 0 and self.text[sp.close + 1 : s.end].strip(" .!?")):
            return None
        mention = read_np(self.tokens, cues[0].j, open_at, self.text, self.rules, self.sources)
        if mention is None:
            return None
        rest = [t for t in self.tokens[self.tok_index(mention.end) : open_at] if t.is_word and t.low not in self.rules.adverbs]
        return (cues[0], mention) if not rest else None

    def direct_after_colon(self, sp: Span) -> None:
        s = self.sents[self.sent_of(sp.outer_start)]
        colon = self.tok_index(sp.outer_start) - 1
        cues = [c for c in s.cues if c.j <= colon and c.frame != "label"]
        if not cues:
            self.direct_standalone(sp)
            return
        cue = cues[-1]
        passive = self.passive_at(s, cue)
        mention = read_np_back(self.tokens, s.ti, passive, self.text, self.rules, self.sources) if passive is not None else self.subject_of(cue, s)
        source = self.passive_source(s, cue) or self.source_near(cue, s.ti, colon)
        self.add(Stmt("direct", sp.start, sp.end, self.tokens[cue.i].start, cue, mention, source))

    def passive_at(self, s: Sent, cue: Cue) -> int | None:
        toks = self.tokens
        for k in range(s.ti, cue.i):
            if any(all(k + n < cue.i and toks[k + n].low == w for n, w in enumerate(p)) for p in self.rules.passive_credit):
                return k
        return None

    def passive_source(self, s: Sent, cue: Cue) -> str | None:
        toks = self.tokens
        for k in range(s.ti, cue.i):
            for phrase in self.rules.passive_credit:
                if all(k + n < cue.i and toks[k + n].low == w for n, w in enumerate(phrase)):
                    medium = self.sources.medium_at(toks, k + len(phrase), cue.i)
                    if medium:
                        return medium[0]
        return None

    def direct_standalone(self, sp: Span) -> None:
        """A quote that is a whole sentence with no reporting clause: the previous speaker's."""
        if sp.close >= 0:
            rest = self.text[sp.close + 1 : self.sents[self.sent_of(sp.close)].end].strip(" .!?…" + "".join(self.rules.closers))
            if rest:
                return
        words = self.text[sp.start : sp.end].split()
        if len(words) < 4:
            return
        pieces = self.split_inside(sp)
        if len(pieces) > 1:  # „A – каза Х. – B“ credits itself
            for s, e, cue, mention in pieces:
                self.add(Stmt("direct", s, e, self.tokens[cue.i].start, cue, mention))
            return
        self.add(Stmt("direct", sp.start, sp.end, sp.start, follows_previous=True))

    def is_name(self, sp: Span) -> bool:
        """A quoted name („Газпром“, партия „Възраждане“), not words someone said."""
        content = self.text[sp.start : sp.end].strip()
        if not content:
            return True
        k = self.tok_index(sp.outer_start) - 1
        if k >= 0 and self.tokens[k].low in self.rules.non_statement:
            return True
        words = content.split()
        if content[-1] in ".!?…" or len(words) > 5:
            return False
        return content[0].isupper() or content[0].isdigit()

    def orphans(self) -> None:
        """A closing mark whose opening mark was lost: '... думи", каза Фокс.' The quote
        starts where its paragraph does, or after the last sentence that credits someone."""
        for close in self.marks.orphan_closers:
            after = self.clause_after(close)
            if after is None:
                continue
            cue, mention, _ = after
            ps, _ = self.para_bounds(close)
            start = ps
            for s in self.sents:
                if ps <= s.start and s.end <= close and (self.cues_outside(s) or any(sp.outer_start >= s.start and sp.outer_end <= s.end + 1 for sp in self.spans)):
                    start = s.end
            colon = self.text.rfind(":", start, close)
            if colon >= 0 and self.cues_outside(self.sents[self.sent_of(colon)]):
                start = colon + 1
            if any(sp.outer_start <= start < sp.outer_end for sp in self.spans):
                continue
            sp = Span(-1, close, start, close)
            self.direct(sp, cue, mention, self.tokens[cue.i].start)

    def cues_outside(self, s: Sent, *, labels: bool = False) -> list[Cue]:
        """The sentence's cues that are not inside quoted words (labels only when asked)."""
        return [c for c in s.cues if self.in_span(self.tokens[c.i].start) is None and (labels or c.frame != "label")]

    # -- reported speech ------------------------------------------------------------------------
    def reported(self) -> None:
        for s in self.sents:
            for cue in self.cues_outside(s):
                if (cue.i, cue.j) in self.used_cues:
                    continue
                inside = self.inside_statement(self.tokens[cue.i].start)
                if cue.kind == "prep":
                    self.prep_statement(s, cue, inside)
                elif self.anaphora_before(s, cue) is not None and cue.frame == "speech":
                    self.anaphora_statement(s, cue)
                else:
                    self.verb_statement(s, cue, inside)

    def inside_statement(self, offset: int) -> bool:
        return any(st.start <= offset < st.end for st in self.stmts)

    def explicit(self, m: Mention | None) -> bool:
        """A speaker named in so many words (not a pronoun, not left out)."""
        return m is not None and m.kind in ("name", "role", "group", "medium")

    def verb_statement(self, s: Sent, cue: Cue, inside: bool) -> None:
        toks = self.tokens
        if cue.frame == "label":
            return
        that = self.that_after(cue, s)
        if that is not None:
            mention = self.subject_of(cue, s)
            if mention is not None and mention.kind == "medium" and cue.frame == "speech":
                self.credits.append(mention.name or mention.text)  # "БТА съобщи, че ..."
            if inside and not self.explicit(mention):
                return
            if cue.frame == "stance" and mention is not None and mention.kind == "other":
                return
            end, source, colon = self.clause_end(that + 1, s)
            source = source or self.source_near(cue, s.ti, that)
            self.add(Stmt("indirect", toks[that].end, end, toks[cue.i].start, cue, mention, source, follows_previous=mention is None))
            if colon is not None:
                self.colon_speech(colon, s, cue, mention)
            return
        colon = self.colon_after(cue, s)
        if colon is not None:
            mention = self.subject_of(cue, s)
            if not (inside and not self.explicit(mention)):
                self.colon_speech(colon, s, cue, mention)
            return
        self.inverted_statement(s, cue, inside)

    def that_after(self, cue: Cue, s: Sent) -> int | None:
        """The "че" that opens what a verb reports: "заяви (открито) (пред БНТ), че ..."."""
        toks = self.tokens
        k, _ = self.skip_outlets(cue.j, s.tj)
        for n in range(k, min(s.tj, k + 7)):
            if toks[n].low in self.rules.that:
                return None if n > 0 and toks[n - 1].low in self.rules.not_that_before else n
            if toks[n].low in self.rules.verbs or toks[n].text in ":" or toks[n].text in self.rules.openers:
                return None
        return None

    def clause_end(self, k: int, s: Sent) -> tuple[int, str | None, int | None]:
        """Where reported content that starts at token k ends: the sentence end, a colon that
        opens quoted speech, or a comma before the next reporting clause (", предаде АФП",
        ", а Х смята, че"). Returns (offset, medium credited there, colon offset)."""
        toks = self.tokens
        for n in range(k, s.tj):
            t = toks[n]
            if t.text == ":" and n + 1 < s.tj:
                return t.start, None, t.start
            if t.text != ",":
                continue
            nxt = next((c for c in s.cues if c.i > n and c.i - n <= 6), None)
            if nxt is None or any(toks[m].low in self.rules.that for m in range(n + 1, nxt.i)):
                continue
            if self.in_span(t.start) is not None:
                continue
            tail = self.credit_tail(n, s.tj)
            medium = tail[1] if tail and tail[0] == n else None
            if medium:
                self.credits.append(medium)
                self.used_cues.add((nxt.i, nxt.j))
                return t.start, medium, None
            between = [w for w in toks[n + 1 : nxt.i] if w.is_word and w.low not in self.rules.conjunctions | self.rules.adverbs]
            if not between and toks[nxt.core].low.endswith(self.rules.gerund_endings):
                return t.start, None, None  # ", посочвайки, че ...": a statement of its own
            if nxt.kind == "verb" and self.that_after(nxt, s) is None and self.mention_after(nxt, s.tj) is not None and nxt.frame != "label":
                self.used_cues.add((nxt.i, nxt.j))  # ", каза X" closing the same statement
                return t.start, None, None
            if between or nxt.kind == "prep":
                return t.start, None, None
        return s.end, None, None

    def colon_after(self, cue: Cue, s: Sent) -> int | None:
        toks = self.tokens
        for n in range(cue.j, s.tj):
            if toks[n].text == ":":
                nxt = toks[n + 1] if n + 1 < len(toks) else None
                if nxt is None or nxt.text in self.rules.openers or nxt.start > self.para_bounds(toks[n].start)[1]:
                    return None
                return toks[n].start
            if toks[n].text in self.rules.openers or toks[n].low in self.rules.verbs:
                return None
        return None

    def colon_speech(self, colon: int, s: Sent, cue: Cue, mention: Mention | None) -> None:
        """"X обясни: words words." - unmarked speech after a colon runs to the end of its
        paragraph or to the next sentence that credits someone by name. A closing mark at its
        end (its opening one lost) makes it a direct quote."""
        ps, pe = self.para_bounds(colon)
        end = pe
        closer = next((c for c in self.marks.orphan_closers if colon < c < pe), None)
        if closer is not None and not any(colon < sp.outer_start < closer for sp in self.spans):
            self.add(Stmt("direct", colon + 1, closer, self.tokens[cue.i].start, cue, mention, follows_previous=mention is None))
            return
        for t in self.sents[self.sent_of(colon) + 1 :]:
            if t.start >= pe:
                break
            if any(self.explicit(self.subject_of(c, t)) and c.kind == "verb" for c in self.cues_outside(t) if c.i - t.ti <= 8):
                end = t.start
                break
        self.add(Stmt("indirect", colon + 1, end, self.tokens[cue.i].start, cue, mention, follows_previous=mention is None))

    def subject_of(self, cue: Cue, s: Sent) -> Mention | None:
        """Who the verb's subject is: the phrase before it, or the sentence's opening phrase when
        an inserted clause stands between them ("X, който ..., заяви")."""
        toks = self.tokens
        k = cue.i
        while k - 1 >= s.ti and toks[k - 1].low in self.rules.adverbs | self.rules.copulas:
            k -= 1
        if k - 1 >= s.ti and toks[k - 1].low in self.rules.conjunctions:
            earlier = [c for c in s.cues if c.j <= k - 1 and c.kind == "verb"]
            if earlier:
                e = earlier[-1]
                inverted = e.i > s.ti and toks[e.i - 1].text in "," + DASHES
                return (self.mention_after(e, s.tj) if inverted else None) or self.subject_of(e, s)
            k -= 1
            while k - 1 >= s.ti and toks[k - 1].text == ",":
                k -= 1
            return read_np(toks, s.ti, k, self.text, self.rules, self.sources)
        if k - 1 >= s.ti and toks[k - 1].text == ",":
            return read_np(toks, s.ti, cue.i, self.text, self.rules, self.sources)
        return read_np_back(toks, s.ti, k, self.text, self.rules, self.sources) or (
            read_np(toks, s.ti, cue.i, self.text, self.rules, self.sources) if k > s.ti else None)

    def inverted_statement(self, s: Sent, cue: Cue, inside: bool) -> None:
        """"Words, каза Х." - the content before a comma, the speaker after the verb."""
        toks = self.tokens
        k = cue.i - 1
        if k < s.ti or toks[k].text not in "," + DASHES:
            return
        mention = self.mention_after(cue, s.tj)
        if mention is None or (inside and not self.explicit(mention)):
            return
        lo = s.ti
        for st in self.stmts:
            if st.sentence == self.sent_of(s.start) and st.end <= toks[k].start and st.kind != "partial":
                if mention.kind == "medium":
                    st.source = st.source or mention.name
                    self.credits.append(mention.name or mention.text)
                    self.used_cues.add((cue.i, cue.j))
                    return
                lo = max(lo, self.tok_index(st.end))
        if sum(1 for t in toks[lo:k] if t.is_word) < 3:
            return
        if any(sp.outer_start <= toks[lo].start + 1 and sp.outer_end >= toks[k].start - 1 for sp in self.spans):
            return  # the whole clause is a quote: a direct quote's business
        if mention.kind == "medium":
            self.credits.append(mention.name or mention.text)
        source = self.source_near(cue, cue.j, s.tj)
        self.add(Stmt("indirect", toks[lo].start, toks[k].start, toks[cue.i].start, cue, mention, source))

    def anaphora_before(self, s: Sent, cue: Cue) -> int | None:
        """"Това заяви Х": the index of "Това" when it stands right before the cue."""
        for k in range(max(s.ti, cue.i - 2), cue.i):
            if self.is_anaphora(k) and self.tokens[k].is_upper:
                return k
        return None

    def anaphora_statement(self, s: Sent, cue: Cue) -> None:
        k = self.anaphora_before(s, cue)
        this = self.tokens[k].start
        ps, _ = self.para_bounds(this)
        start = ps
        for t in self.sents:
            if ps <= t.start and t.end <= this and t is not s and (self.cues_outside(t) or self.inside_statement(t.start)):
                start = t.end
        if this > s.start:  # "думи Това каза Х": a full stop lost before "Това"
            start = max(start, s.start)
        mention = self.mention_after(cue, s.tj)
        source = self.source_near(cue, cue.j, s.tj)
        if self.text[start:this].strip() and not any(sp.outer_start <= start and sp.outer_end >= this - 2 for sp in self.spans):
            self.add(Stmt("indirect", start, this, self.tokens[cue.i].start, cue, mention, source))

    def prep_statement(self, s: Sent, cue: Cue, inside: bool) -> None:
        """"Според Х, ...", "..., според Х.", "По думите му ..." """
        toks = self.tokens
        if cue.frame != "speaker":
            return
        mention = read_np(toks, cue.j, s.tj, self.text, self.rules, self.sources)
        if mention is None or (inside and not self.explicit(mention)):
            return
        here = [st for st in self.stmts if st.sentence == self.sent_of(s.start) and st.kind != "partial"]
        if mention.kind == "medium" and here:
            for st in here:  # "…", е заявил Х според портала: the medium is the source
                st.source = st.source or mention.name
            return
        after = self.tok_index(mention.end)
        at_start = cue.i == s.ti or toks[cue.i - 1].low in self.rules.conjunctions or (toks[cue.i - 1].text == "," and sum(1 for t in toks[s.ti:cue.i] if t.is_word) < 2)
        if at_start or toks[cue.i - 1].low in self.rules.conjunctions:
            end, source, _ = self.clause_end(after, s)
            start = toks[after].start if after < s.tj else s.end
            self.add(Stmt("indirect", start, end, toks[cue.i].start, cue, mention, source))
        elif not self.explicit(mention) and mention.kind != "pronoun":
            return
        elif toks[cue.i - 1].text == "," and after >= s.tj - 1:
            self.add(Stmt("indirect", s.start, toks[cue.i - 1].start, toks[cue.i].start, cue, mention))
        else:
            self.add(Stmt("indirect", s.start, s.end, toks[cue.i].start, cue, mention))

    # -- partial quotes and headlines -----------------------------------------------------------------
    def partials(self) -> None:
        directs = [st for st in self.stmts if st.kind == "direct"]
        for sp in self.spans:
            if any(d.start <= sp.start and sp.end <= d.end + 1 for d in directs) or self.is_name(sp):
                continue
            hosts = [st for st in self.stmts if st.kind == "indirect" and st.start <= sp.start and sp.end <= st.end + 1]
            host = max(hosts, key=lambda st: st.start, default=None)
            if host is not None and host.mention is not None and host.mention.kind == "medium":
                s = self.sents[self.sent_of(sp.outer_start)]
                inner = [c for c in self.cues_outside(s, labels=True) if c.kind == "verb" and host.start <= self.tokens[c.i].start < sp.start]
                if inner:
                    self.add(Stmt("partial", sp.start, sp.end, self.tokens[inner[-1].i].start, inner[-1], self.subject_of(inner[-1], s), host.mention.name))
                    continue
            if host is not None:
                self.add(Stmt("partial", sp.start, sp.end, host.anchor, host.cue, host.mention, host.source, follows_previous=host.follows_previous))
                continue
            s = self.sents[self.sent_of(sp.outer_start)]
            cues = [c for c in self.cues_outside(s, labels=True) if c.kind != "prep" or c.frame == "speaker"]
            if not cues:
                continue
            before = [c for c in cues if self.tokens[c.i].start < sp.outer_start]
            cue = before[-1] if before else cues[0]
            mention = self.subject_of(cue, s) if before else (self.subject_of(cue, s) or self.mention_after(cue, s.tj))
            if cue.kind == "prep":
                mention = read_np(self.tokens, cue.j, s.tj, self.text, self.rules, self.sources)
            tail = self.credit_tail(self.tok_index(sp.end), s.tj)  # "..., предаде „Ню Йорк таймс“"
            source = tail[1] if tail else self.source_near(cue, s.ti, s.tj)
            self.add(Stmt("partial", sp.start, sp.end, self.tokens[cue.i].start, cue, mention, source, follows_previous=mention is None))

    def headlines(self) -> None:
        """A headline "Name: words" credits the words to the name, with no verb."""
        body = self.text[self.lay.paragraphs[len(self.lay.headlines)][0] :] if len(self.lay.paragraphs) > len(self.lay.headlines) else ""
        for hs, he in self.lay.headlines:
            colon = self.text.find(":", hs, he)
            if colon < 0 or colon - hs > 60 or he - colon < 12:
                continue
            a, b = self.tok_index(hs), self.tok_index(colon)
            m = read_np(self.tokens, a, b, self.text, self.rules, self.sources)
            if m is None or m.end != self.tokens[b - 1].end or m.kind not in ("name", "role"):
                continue
            if m.kind == "name" and self.tokens[b - 1].text not in body:
                continue  # "Срещата Путин-Ким: ..." names an event, not someone the article quotes
            start = colon + 1
            while start < he and (self.text[start].isspace() or self.text[start] in self.rules.openers):
                start += 1
            end = he
            while end > start and self.text[end - 1] in self.rules.closers:
                end -= 1
            self.add(Stmt("indirect", start, end, hs, None, m))
