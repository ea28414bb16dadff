"""Direct quotes: a quoted span with its reporting clause after it („…“, каза Х), before it
(Х заяви: „…“), inside it („… – каза Х. – …“), or none (the previous speaker goes on).
Mixed into quotes.Finder."""
from __future__ import annotations

from .cues import Cue
from .marks import Span
from .speakers import Mention, read_np, read_np_back

from .text import DASHES
from .statement import Stmt



class Directs:
    """Methods of quotes.Finder; `self` is the Finder."""

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
        return self.text[self.last_span_end(lo, sp.outer_start):sp.outer_start]

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
            for s in self.para_sents(close):
                if s.end <= close and (self.cues_outside(s) or self.last_span_end(s.start, s.end + 1) > s.start):
                    start = s.end
            colon = self.text.rfind(":", start, close)
            if colon >= 0 and self.cues_outside(self.sents[self.sent_of(colon)]):
                start = colon + 1
            if self.quote_covers(start, start + 1):
                continue
            sp = Span(-1, close, start, close)
            self.direct(sp, cue, mention, self.tokens[cue.i].start)
