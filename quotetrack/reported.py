"""Reported speech and partial quotes: "Х заяви, че …", "…, каза Х", "Според Х …", "Това заяви Х",
unquoted speech after a colon, quoted fragments inside a narrator's sentence, and "Name: words"
headlines. Mixed into quotes.Finder."""
from __future__ import annotations

import bisect

from .cues import Cue
from .speakers import Mention, read_np

from .text import DASHES

MAX_CLAUSE = 150  # tokens: reported content longer than this has lost its sentence ends
from .statement import Sent, Stmt



class Reported:
    """Methods of quotes.Finder; `self` is the Finder."""

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
        for n in range(k, min(s.tj, k + MAX_CLAUSE)):
            t = toks[n]
            if t.text == ":" and n + 1 < s.tj:
                return t.start, None, t.start
            if t.text != ",":
                continue
            c = bisect.bisect_right(s.cue_starts, n)
            nxt = s.cues[c] if c < len(s.cues) and s.cues[c].i - n <= 6 else None
            if nxt is None or any(toks[m].low in self.rules.that for m in range(n + 1, nxt.i)):
                continue
            if self.in_span(t.start):
                continue
            tail = self.credit_tail(n, s.tj)
            medium = tail[1] if tail and tail[0] == n else None
            if medium:
                self.credits.append(medium)
                self.used_cues.add((nxt.i, nxt.j))
                return t.start, medium, None
            between = [w for w in toks[n + 1 : nxt.i] if w.is_word and w.low not in self.rules.conjunctions and w.low not in self.rules.adverbs]
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
        if closer is not None and not self.quote_opens_between(colon, closer):
            self.add(Stmt("direct", colon + 1, closer, self.tokens[cue.i].start, cue, mention, follows_previous=mention is None))
            return
        for t in self.sents[self.sent_of(colon) + 1 : self.sent_of(colon) + 40]:
            if t.start >= pe:
                break
            if any(self.explicit(self.subject_of(c, t)) and c.kind == "verb" for c in self.cues_outside(t) if c.i - t.ti <= 8):
                end = t.start
                break
        self.add(Stmt("indirect", colon + 1, end, self.tokens[cue.i].start, cue, mention, follows_previous=mention is None))

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
        if self.quote_covers(toks[lo].start + 1, toks[k].start - 1):
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
        for t in self.para_sents(this):
            if t.end <= this and t is not s and (self.cues_outside(t) or self.inside_statement(t.start)):
                start = t.end
        if this > s.start:  # "думи Това каза Х": a full stop lost before "Това"
            start = max(start, s.start)
        mention = self.mention_after(cue, s.tj)
        source = self.source_near(cue, cue.j, s.tj)
        if self.text[start:this].strip() and not self.quote_covers(start, this - 2):
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
        if mention.kind == "name" and after < s.tj and toks[after].text != ",":
            split = self.two_names(cue.j, after)
            if split is not None:  # "Според Тръмп Уолф ще ...": Тръмп credits, Уолф is the subject
                mention = read_np(toks, cue.j, split, self.text, self.rules, self.sources) or mention
                after = split
        while (mention.kind in ("role", "group", "other") and after < s.tj and after - 1 > cue.j
               and (toks[after].low in self.rules.auxiliaries or toks[after].low in self.rules.adverbs_copulas)
               and toks[after - 1].is_word and not toks[after - 1].is_upper):
            # "Според експерти от института | цените ще растат": the clause needs its subject back
            shorter = read_np(toks, cue.j, after - 1, self.text, self.rules, self.sources)
            if shorter is None:
                break
            mention, after = shorter, self.tok_index(shorter.end)
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

    def two_names(self, i: int, j: int) -> int | None:
        """Where a run of capitalised words tokens[i:j] is two names side by side with no comma
        between them: the run is written nowhere else in the article while both its parts are.
        Returns the index of the second name, or None."""
        toks, text = self.tokens, self.text
        if j - i < 2 or text.count(text[toks[i].start : toks[j - 1].end]) > 1:
            return None
        for p in range(i + 1, j):
            first, second = text[toks[i].start : toks[p - 1].end], text[toks[p].start : toks[j - 1].end]
            if text.count(first) > 1 and text.count(second) > 1:
                return p
        return None

    def partials(self) -> None:
        for sp in self.spans:
            around = self.containing(sp.start, sp.end - 1)
            if any(d.kind == "direct" for d in around) or self.is_name(sp):
                continue
            hosts = [st for st in around if st.kind == "indirect"]
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
