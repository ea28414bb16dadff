"""Direct quotes: a quoted span with its reporting clause after it („…“, каза Х), before it
(Х заяви: „…“), inside it („… – каза Х. – …“), or none (the previous speaker goes on)."""
from __future__ import annotations

from dataclasses import replace

from .clauses import clause_after, document_speaker, mention_after, passive_at, subject_of
from .cues import Cue
from .doc import Doc, Sent
from .found import Found, Stmt
from .marks import Span
from .outlets import passive_source, source_near
from .phrases import Mention, named_in_full_before, read_np, read_np_back
from .text import DASHES


def directs(doc: Doc, found: Found) -> None:
    """Every quoted span that is a statement, by where its reporting clause stands."""
    for sp in doc.spans:
        after = clause_after(doc, sp.close) if sp.close >= 0 else None
        joined = sp.close >= 0 and doc.text[sp.close + 1 : sp.close + 3].strip()[:1] in ("," + DASHES)
        before = lead_in(doc, sp)
        colon = colon_before(doc, sp, before)
        if is_name(doc, sp) and not (after is not None and joined) and colon is None:
            continue  # a quoted name, unless ", каза Х" follows it or "X каза:" opens it
        if after is not None and (before is None or before.strip() == "" or (
                joined and colon is not None and not _introduces(doc, colon))):
            cue, mention, _ = after
            direct(doc, found, sp, cue, mention, doc.tokens[cue.i].start)
        elif colon is not None:
            direct_after_colon(doc, found, sp, colon)
        elif before is not None and (lead := credited_lead_in(doc, sp)) is not None:
            cue, mention = lead
            found.add(Stmt("direct", sp.start, sp.end, doc.tokens[cue.i].start, cue, mention))
        elif before is not None and before.strip() == "":
            direct_standalone(doc, found, sp)
        elif before is not None and (said := _said_whole(doc, sp)) is not None:
            s = doc.sent_at(sp.outer_start)
            found.add(Stmt("direct", sp.start, sp.end, doc.tokens[said.i].start, said, subject_of(doc, said, s),
                           source_near(doc, said, s.ti, doc.tok_index(sp.outer_start), found.credits)))


def _said_whole(doc: Doc, sp: Span) -> Cue | None:
    """The speech verb right before a quote that is whole sentences, no colon between: "като
    заяви „Какво имате да губите? Вземете го“" is his words, not a fragment of the narrator's."""
    content = doc.text[sp.start : sp.end].strip()
    if len(content.split()) < 4 or not content[:1].isupper() or not any(c in content for c in ".!?…"):
        return None
    at = doc.tok_index(sp.outer_start)
    s = doc.sent_at(sp.outer_start)
    return next((c for c in doc.cues_outside(s) if c.kind == "verb" and c.frame == "speech" and c.j == at), None)


def direct(doc: Doc, found: Found, sp: Span, cue: Cue, mention: Mention | None, anchor: int) -> None:
    inner = split_inside(doc, sp)
    source = source_near(doc, cue, cue.j, doc.sent_at(anchor).tj, found.credits)
    if carried(doc, sp, mention):
        assert mention is not None
        found.add(Stmt("direct", sp.start, sp.end, anchor, cue, None, source or mention.name or mention.text, follows_previous=True))
        found.use(cue)
        return
    for n, (s, e, icue, imention) in enumerate(inner):
        if n == len(inner) - 1 and n > 0 and cue.i > doc.tok_index(sp.end):
            icue, imention = cue, mention  # the clause after the quote credits its last part
        found.add(Stmt("direct", s, e, anchor, icue or cue, imention or mention, source))
    found.use(cue)


CARRIED_REACH = 600  # characters: how far back the one quoted before may have spoken


def carried(doc: Doc, sp: Span, mention: Mention | None) -> bool:
    """Whether a medium credited after a quote only carried it: "„… оспорени от нас“, съобщава
    Ройтерс" speaks in the first person, just after someone else was quoted, so that one goes on,
    the medium the source (not "„Стоим зад нашите журналисти“, заяви Би Би Си": its own words)."""
    if mention is None or mention.kind != "medium":
        return False
    n = doc.sent_of(sp.outer_start)
    if not any(doc.sents[m].end > sp.start - CARRIED_REACH and any(c.kind == "verb" and c.frame != "label" for c in doc.sents[m].cues)
               for m in range(max(0, n - 3), n)):
        return False  # no one spoke just before
    return any(doc.tokens[k].low in doc.rules.first_person for k in range(doc.tok_index(sp.start), doc.tok_index(sp.end)))


def split_inside(doc: Doc, sp: Span) -> list[tuple[int, int, Cue | None, Mention | None]]:
    """„A – каза Х. – B“: one quote broken by its reporting clause is two statements."""
    a, b = doc.tok_index(sp.start), doc.tok_index(sp.end)
    toks = doc.tokens
    for k in range(a + 1, b - 1):
        if toks[k].text not in DASHES + ",":
            continue
        verb = doc.rules.verbs.get(toks[k + 1].low)
        if verb is None or verb.frame == "label":
            continue
        cue = Cue("verb", k + 1, k + 2, toks[k + 1].text, verb.lemma, verb.frame, k + 1)
        m = read_np(doc, k + 2, b)
        if m is None or m.kind not in ("name", "pronoun", "role"):
            continue
        e = doc.tok_index(m.end)
        while e < b and toks[e].text in ".," + DASHES:
            e += 1
        if e >= b or toks[e - 1].text not in DASHES + ".,":
            continue
        return [(sp.start, toks[k].start, cue, m), (toks[e].start, sp.end, cue, m)]
    return [(sp.start, sp.end, None, None)]


def lead_in(doc: Doc, sp: Span) -> str | None:
    """The text of the sentence before the opening mark, or None when it is a narrator's
    sentence the quote sits inside."""
    s = doc.sent_at(sp.outer_start)
    lo = max(s.start, doc.para_bounds(sp.outer_start)[0])
    return doc.text[doc.last_span_end(lo, sp.outer_start):sp.outer_start]


def credited_lead_in(doc: Doc, sp: Span) -> tuple[Cue, Mention] | None:
    """"Според Х (обаче) „…“." - the sentence is a crediting phrase and then the quote."""
    s = doc.sent_at(sp.outer_start)
    open_at = doc.tok_index(sp.outer_start)
    cues = [c for c in s.cues if c.kind == "prep" and c.frame == "speaker" and c.i == s.ti]
    if not cues or (sp.close >= 0 and doc.text[sp.close + 1 : s.end].strip(" .!?")):
        return None
    mention = read_np(doc, cues[0].j, open_at)
    if mention is None:
        return None
    rest = [t for t in doc.tokens[doc.tok_index(mention.end) : open_at] if t.is_word and t.low not in doc.rules.adverbs]
    return (cues[0], mention) if not rest else None


def colon_before(doc: Doc, sp: Span, before: str | None) -> int | None:
    """The token index of the colon that opens a quote: "X заяви: „…“", or closing the
    paragraph before one the quote opens ("Ето позицията на X:" / „…“)."""
    k = doc.tok_index(sp.outer_start) - 1
    if k < 0 or doc.tokens[k].text != ":" or before is None:
        return None
    if before.rstrip().endswith(":"):
        return k
    opens_paragraph = doc.para_bounds(sp.outer_start)[0] == sp.outer_start
    return k if opens_paragraph and not before.strip() else None


def _intro_cues(doc: Doc, s: Sent, colon: int) -> list[Cue]:
    """The reporting verbs of the clause a colon closes, save one in a relative clause
    ("инициативата, която призовава ...:")."""
    toks, rules = doc.tokens, doc.rules
    return [c for c in s.cues if c.j <= colon and c.frame != "label"
            and not any(toks[n].low in rules.relatives for n in range(max(s.ti, c.i - 2), c.i))]


def _introduces(doc: Doc, colon: int) -> bool:
    """Whether the colon's own clause has a verb that introduces the quote, or no verb at all
    ("Ето позицията на X:", which names the issuer)."""
    s = doc.sent_at(doc.tokens[colon].start)
    return bool(_intro_cues(doc, s, colon)) or not any(c.j <= colon and c.frame != "label" for c in s.cues)


def direct_after_colon(doc: Doc, found: Found, sp: Span, colon: int) -> None:
    s = doc.sent_at(doc.tokens[colon].start)
    cues = [c for c in s.cues if c.j <= colon and c.frame != "label"]
    if not cues:
        issuer = next((m for k in range(s.ti, colon) if (m := document_speaker(doc, k, colon)) is not None), None)
        owner = next((m for k in range(s.ti, colon) if (m := words_owner(doc, k, colon, None)) is not None), None)
        label = _speaker_label(doc, s, colon) if len(doc.text[sp.start : sp.end].split()) >= 4 else None
        if issuer is not None:  # "Ето позицията на държавния глава:": no verb, the issuer's words
            found.add(Stmt("direct", sp.start, sp.end, issuer.start, None, issuer))
        elif owner is not None:  # "... остават думите й към края:": hers
            found.add(Stmt("direct", sp.start, sp.end, owner.start, None, owner))
        elif label is not None:  # "Иван Петров – министър на финансите:": a transcript's speaker line
            found.add(Stmt("direct", sp.start, sp.end, label.start, None, label))
        elif (subject := _named_subject(doc, s, colon)) is not None:
            found.add(Stmt("direct", sp.start, sp.end, subject.start, None, subject))
        else:
            direct_standalone(doc, found, sp)
        return
    cue = cues[-1]
    passive = passive_at(doc, s, cue)
    mention = read_np_back(doc, s.ti, passive) if passive is not None else subject_of(doc, cue, s)
    if mention is None:  # "както посочва вирусологът X пред АРД:": who follows the verb
        after = mention_after(doc, cue, colon)
        mention = after if after is not None and after.kind in ("name", "role", "group", "medium") else None
    source = passive_source(doc, s, cue) or source_near(doc, cue, s.ti, colon, found.credits)
    owner = words_owner(doc, cue.j, colon, mention)
    if owner is not None:  # "Ла Стампа предава думите й: „…“": hers, carried by the paper
        if mention is not None and mention.kind == "medium":
            source = mention.name or mention.text
        mention = owner
    found.add(Stmt("direct", sp.start, sp.end, doc.tokens[cue.i].start, cue, mention, source,
                   follows_previous=mention is None))  # "... и добавя: „…“": the speaker goes on


def _speaker_label(doc: Doc, s: Sent, colon: int) -> Mention | None:
    """The name a verbless line before a colon opens with, alone or with a description set off
    by a dash ("Иван Петров – министър на финансите:", "Иван Петров-министър:"): who speaks."""
    toks = doc.tokens
    if colon - s.ti > 16:
        return None
    m = read_np(doc, s.ti, colon)
    if m is None or m.kind != "name" or not m.name or " " not in m.name.strip():
        return None
    last = toks[doc.tok_index(m.end) - 1]
    if "-" in last.text and last.text.split("-", 1)[1] in doc.rules.role_starts:
        # "Йотингер-комисар": the description glued to the name by a hyphen
        cut = last.start + last.text.index("-")
        name = doc.text[m.start : cut]
        return replace(m, end=cut, text=name, name=name)
    after = doc.tok_index(m.end)
    return m if after == colon or toks[after].text in DASHES else None


def _named_subject(doc: Doc, s: Sent, colon: int) -> Mention | None:
    """A person named in full opening a short clause that ends in the colon, with no verb of
    speech and nothing written in it ("Иван Петров на свой ред връща комплиментите: „…“"): who
    speaks; a document or a medium there ("... показа писмото:") is whose words they are."""
    toks, rules = doc.tokens, doc.rules
    m = read_np(doc, s.ti, colon)
    if m is None or m.kind != "name" or not m.name or (" " not in m.name.strip() and not named_in_full_before(doc, m.name, m.start)):
        return None
    rest = toks[doc.tok_index(m.end) : colon]
    if not rest or len(rest) > 8 or any(not t.is_word or t.is_upper or t.low in rules.documents or t.low in rules.media_nouns
                                        or t.low in rules.words_of for t in rest):
        return None
    return m


def words_owner(doc: Doc, k: int, hi: int, subject: Mention | None) -> Mention | None:
    """Whose words a verb carries: "предава думите й" (someone before its subject), "цитира думите на X"."""
    toks, rules = doc.tokens, doc.rules
    if not (k + 1 < hi and toks[k].low in rules.words_of):
        return None
    nxt = toks[k + 1]
    if nxt.low in rules.pronouns:
        return Mention("pronoun", nxt.start, nxt.end, nxt.text, gender=rules.pronouns[nxt.low],
                       before=subject.start if subject is not None else None)
    m = read_np(doc, k + 2, hi) if nxt.low in rules.genitive and k + 2 < hi else None
    return m if m is not None and m.kind in ("name", "role", "group") else None


def direct_standalone(doc: Doc, found: Found, sp: Span) -> None:
    """A quote that is a whole sentence with no reporting clause: the previous speaker's."""
    if sp.close >= 0:
        rest = doc.text[sp.close + 1 : doc.sent_at(sp.close).end].strip(" .!?…" + "".join(doc.rules.closers))
        if rest:
            return
    words = doc.text[sp.start : sp.end].split()
    if len(words) < 4:
        return
    pieces = split_inside(doc, sp)
    if len(pieces) > 1:  # „A – каза Х. – B“ credits itself
        for s, e, cue, mention in pieces:
            assert cue is not None  # only a clause found inside splits a quote
            found.add(Stmt("direct", s, e, doc.tokens[cue.i].start, cue, mention))
        return
    found.add(Stmt("direct", sp.start, sp.end, sp.start, follows_previous=True))


def is_name(doc: Doc, sp: Span) -> bool:
    """A quoted name („Газпром“, партия „Възраждане“), not words someone said."""
    content = doc.text[sp.start : sp.end].strip()
    if not content:
        return True
    k = doc.tok_index(sp.outer_start) - 1
    if k >= 0 and doc.tokens[k].low in doc.rules.non_statement:
        return True
    before = doc.text[max(0, sp.outer_start - 16) : sp.outer_start].rstrip().lower()
    if before.endswith(doc.rules.non_statement_phrases):
        return True  # "т.нар. „зелена сделка“", "така наречения „...“": entries of more than one token
    words = content.split()
    if content[-1] in ".!?…" or len(words) > 5:
        return False
    return content[0].isupper() or content[0].isdigit()


def orphans(doc: Doc, found: Found) -> None:
    """A closing mark whose opening mark was lost: '... думи", каза Фокс.' The quote
    starts where its paragraph does, or after the last sentence that credits someone."""
    for close in doc.marks.orphan_closers:
        after = clause_after(doc, close)
        if after is None:
            continue
        cue, mention, _ = after
        ps, _ = doc.para_bounds(close)
        start = ps
        for s in doc.para_sents(close):
            if s.end <= close and (doc.cues_outside(s) or doc.last_span_end(s.start, s.end + 1) > s.start):
                start = s.end
        colon = doc.text.rfind(":", start, close)
        if colon >= 0 and doc.cues_outside(doc.sent_at(colon)):
            start = colon + 1
        if doc.quote_covers(start, start + 1):
            continue
        sp = Span(-1, close, start, close)
        direct(doc, found, sp, cue, mention, doc.tokens[cue.i].start)
