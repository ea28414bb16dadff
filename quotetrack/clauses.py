"""Reading a reporting clause: who it credits (the phrase before or after the verb), and which
medium ("пред „Ханделсблат“", ", предаде АФП", "цитиран от Ройтерс"). Mixed into quotes.Finder."""
from __future__ import annotations

from .cues import Cue
from .speakers import Mention, read_np, read_np_back

from .text import DASHES, quoted_at
from .statement import Sent



class Clauses:
    """Methods of quotes.Finder; `self` is the Finder."""

    def clause_after(self, close: int) -> tuple[Cue, Mention | None, int] | None:
        """A reporting clause right after the closing mark at `close`: ', каза Ким.',
        '– добави той', '. Това каза X.' Returns the cue, the speaker's mention and the clause end."""
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
        if k >= len(self.tokens):
            return False
        return any(all(k + n < len(self.tokens) and self.tokens[k + n].low == w for n, w in enumerate(p))
                   for p in self.rules.by_first["anaphora"].get(self.tokens[k].low, ()))

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
            if found is None and k + 1 < hi and toks[k].text == ",":
                found = self.credit_at(k + 1, hi)  # "пред Би Би Си, цитиран от Ройтерс, че"
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

    def media_chain(self, cue: Cue) -> list[str]:
        """Every medium a cue's clause credits, nearest the speaker first: "каза Ким пред KCNA,
        цитиран от Ройтерс, предаде БГНЕС" -> [ЦТАК, Ройтерс, БГНЕС]."""
        toks, rules = self.tokens, self.rules
        hi = self.sents[self.sent_of(toks[cue.i].start)].tj
        out: list[str] = []
        k = cue.j
        while k < min(hi, cue.j + 60):
            t = toks[k]
            if t.low in rules.that or t.text == ":" or t.text in rules.openers:
                break  # the reported words start: credits after them belong to other clauses
            found = self.outlet_at(k, hi)
            if found is None and t.text == "," and k + 1 < hi:
                found = self.credit_at(k + 1, hi)
                verb = rules.verbs.get(toks[k + 1].low)
                if found is None and verb is not None and verb.frame == "speech":
                    medium = self.sources.medium_at(toks, k + 2, hi)  # ", предаде БГНЕС"
                    found = (medium[1], medium[0]) if medium else None
            if found is None:
                k += 1
                continue
            k, medium = found
            if medium not in out:
                out.append(medium)
        return out

    def credit_at(self, k: int, hi: int) -> tuple[int, str] | None:
        """"цитиран от Ройтерс" at tokens[k]: (index after it, medium)."""
        return self._medium_after(k, hi, self.rules.by_first["credit"])

    def outlet_at(self, k: int, hi: int) -> tuple[int, str] | None:
        """"пред Би Би Си", "в интервю за БНТ" at tokens[k]: (index after it, medium)."""
        if k >= hi or self.tokens[k].low not in self.rules.phrase_starts:
            return None
        return self._medium_after(k, hi, self.rules.by_first["outlet"])

    def _medium_after(self, k: int, hi: int, by_first: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[int, str] | None:
        toks = self.tokens
        if k >= hi:
            return None
        for phrase in by_first.get(toks[k].low, ()):
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
        return self.quoted_mention(k, hi) or read_np(toks, k, hi, self.text, self.rules, self.sources)

    def quoted_mention(self, k: int, hi: int) -> Mention | None:
        """A body named in quote marks ("от „Райънеър“") as a speaker's mention."""
        close = quoted_at(self.tokens, k, hi, self.rules.openers, self.rules.closers)
        if close is None:
            return None
        a, b = self.tokens[k + 1].start, self.tokens[close - 1].end
        return Mention("other", a, b, self.text[a:b])

    def skip_show_name(self, k: int, hi: int) -> int:
        """"заяви „Здравей, България“ по NOVA Х": a programme's name before the medium."""
        toks = self.tokens
        close = quoted_at(toks, k, hi, self.rules.openers, self.rules.closers)
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
        return self.quoted_mention(k + 2, hi) or read_np(toks, k + 2, hi, self.text, self.rules, self.sources)

    def source_near(self, cue: Cue, lo: int, hi: int) -> str | None:
        """A medium named around a cue: "каза пред „Ханделсблат“", "цитиран от БГНЕС", ", предаде АФП"."""
        toks = self.tokens
        _, medium = self.skip_outlets(cue.j, hi)
        if medium:
            return medium
        starts = self.rules.phrase_starts
        for k in range(cue.j, min(hi, cue.j + 40)):  # "заяви Петрова пред Би Ти Ви": after the speaker
            found = self.outlet_at(k, hi) if toks[k].low in starts else None
            if found is not None:
                return found[1]
            if toks[k].text in ".;" or (toks[k].text == "," and k > cue.j + 1):
                break
        for k in range(max(lo, cue.i - 40), min(hi, cue.j + 40)):
            if toks[k].low not in starts:
                continue
            for phrase in self.rules.by_first["media"].get(toks[k].low, ()):
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
        for k in range(lo, min(hi, lo + 200)):
            if toks[k].text != ",":
                continue
            j = k + 1
            for phrase in self.rules.by_first["credit"].get(toks[j].low, ()) if j < hi else ():
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

    def subject_of(self, cue: Cue, s: Sent) -> Mention | None:
        """Who the verb's subject is: the phrase before it, or the sentence's opening phrase when
        an inserted clause stands between them ("X, който ..., заяви")."""
        toks = self.tokens
        k = cue.i
        while k - 1 >= s.ti and toks[k - 1].low in self.rules.adverbs_copulas:
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
