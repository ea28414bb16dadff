"""Reported speech and partial quotes: "Х заяви, че …", "…, каза Х", "Според Х …", "Това заяви Х",
unquoted speech after a colon, quoted fragments inside a narrator's sentence, and "Name: words"
headlines."""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from .adverbials import skip_adverbials
from .clauses import document_speaker, impersonal, is_anaphora, mention_after, subject_of
from .cues import Cue
from .directs import carried, is_name
from .doc import Doc, Sent
from .found import Found, Stmt, explicit
from .outlets import credit_tail, skip_outlets, source_near
from .phrases import Mention, coordinated, names_document, read_np, shaped, two_names
from .text import DASHES, Token
from .words import definite, good_start

MAX_CLAUSE = 150  # tokens: reported content longer than this has lost its sentence ends


def reported(doc: Doc, found: Found) -> None:
    """Statements credited by a cue no direct quote used: each by the shape of its clause."""
    for s in doc.sents:
        kind_frame(doc, found, s)
        for cue in doc.cues_outside(s):
            if (cue.i, cue.j) in found.used_cues:
                continue
            inside = found.inside_statement(doc.tokens[cue.i].start)
            if cue.kind == "prep" and cue.frame == "speaker" and anaphora_before(doc, s, cue) == cue.i - 1:
                anaphora_statement(doc, found, s, cue)  # "Това става ясно от доклад на X"
            elif cue.kind == "prep":
                prep_statement(doc, found, s, cue, inside)
            elif (a := anaphora_before(doc, s, cue)) is not None and cue.frame in ("speech", "stance") and (
                    a == cue.i - 1 or that_after(doc, cue, s) is None):
                # ("Затова министърът заяви, че ...": the words follow, not the sentences before)
                anaphora_statement(doc, found, s, cue)
            else:
                verb_statement(doc, found, s, cue, inside)


def verb_statement(doc: Doc, found: Found, s: Sent, cue: Cue, inside: bool) -> None:
    toks = doc.tokens
    if cue.frame == "label":
        return
    if inside and cue.frame == "stance" and any(
            st.cue is not None and st.cue.kind == "prep" and st.mention is not None and st.mention.kind in ("pronoun", "role")
            for st in found.containing(toks[cue.i].start, toks[cue.i].end)):
        # "По думите му преговарящите са съгласни, че ...": his words, their agreement a part of them
        # (while "Според проучване на X 77% от републиканците смятат, че" is the respondents' view)
        return
    that = that_after(doc, cue, s)
    if that is not None:
        mention = subject_of(doc, cue, s)
        if mention is not None and mention.kind == "medium" and cue.frame == "speech":
            found.credits.append(mention.name or mention.text)  # "БТА съобщи, че ..."
        if inside and not explicit(mention):
            return
        if cue.frame == "stance" and mention is not None and mention.kind == "other" and shaped(doc, mention) is None:
            return
        if cue.frame == "stance" and _credited_after(doc, s, cue):
            return  # "Германците са притеснени, че ..., допълва източникът": the source's words, their worry in them
        if mention is not None and mention.kind == "medium" and _relayed(doc, found, s, cue, that, mention):
            return  # "БиБиСи пояснява, че източници ... са заявили, че ...": theirs, the medium carried it
        end, chain, colon = clause_end(doc, found, that + 1, s, cue)
        if mention is not None and toks[that].end < mention.start < end:
            # "Макар и да заяви, че ..., Мария Петрова не каза": the words end where their subject's clause begins
            end = toks[doc.tok_index(mention.start) - 1].start
        source = chain[0] if chain else source_near(doc, cue, s.ti, that, found.credits)
        cited = _cited_by(doc, cue, mention, that) if mention is not None and mention.kind == "medium" else None
        if cited is not None and mention is not None:  # "Вестник „Индипендънт“ цитира източник в Брюксел, че ...": the source's words
            source, mention = mention.name or mention.text, cited
        elif source is None:
            source = _citing_medium(doc, s, cue)  # "РИА Новости цитира думи на X, която заяви, че"
        plural = toks[cue.core].low.endswith(doc.rules.plural_verb_endings) or any(
            t.low in doc.rules.plural_copulas for t in toks[cue.i : cue.j])
        if mention is None and plural and (toks[s.ti].low == doc.rules.source_preposition or (
                toks[s.ti].low in doc.rules.place_preps and s.ti + 1 < cue.i and toks[s.ti + 1].is_upper)):
            # "От Брюксел обаче казват, че", "В Москва са категорични, че": the place's, or body's, voice
            mention = read_np(doc, s.ti + 1, cue.i)
        if mention is None and plural and chain:
            # "Обвиняват X, че ..., пише вестник Y": no one is the subject; the paper says it
            mention = Mention("medium", toks[cue.i].start, toks[cue.i].start, chain[0], name=chain[0])
        nobody = mention is None and impersonal(doc, cue) and not any(
            toks[n].low in doc.rules.preps and toks[n + 1].low in doc.rules.pronouns for n in range(s.ti, cue.i - 1))
        # (not "В него се подчертава, че": a document named before says it)
        goes_on = False
        if nobody and source is None:
            if cue.frame != "speech" or not _goes_on(doc, found, s, cue, that):
                return  # "Смята се, че ...": the narrator's hedge, no one's statement
            goes_on = True  # "... казват директивите. | Посочва се също, че": the same document goes on
        found.add(Stmt("indirect", toks[that].end, end, toks[cue.i].start, cue, mention, source,
                       follows_previous=mention is None and (not nobody or goes_on), via=chain))
        if colon is not None:
            colon_speech(doc, found, colon, s, cue, mention)
        return
    colon = colon_after(doc, cue, s)
    if colon is not None:
        after = mention_after(doc, cue, s.tj) if cue.i > s.ti and toks[cue.i - 1].text in "," + DASHES else None
        if after is not None and after.end <= colon and shaped(doc, after) is not None:
            # "Колкото по-бързо ..., толкова ..., смята експертът: ...": his words on both sides
            inverted_statement(doc, found, s, cue, inside)
            mention = after
        else:
            mention = subject_of(doc, cue, s)
        if not (inside and not explicit(mention)):
            colon_speech(doc, found, colon, s, cue, mention)
        return
    inverted_statement(doc, found, s, cue, inside)


def _credited_after(doc: Doc, s: Sent, cue: Cue) -> bool:
    """Whether a verb after a comma later in the sentence credits it to someone named after the
    verb ("..., допълва източникът"): the whole sentence, a view it ascribes included, is that one's.
    A medium only carried words said ("..., предаде АФП"), but a view it reads into someone
    ("X се надява, че ..., смята изданието") is its own."""
    toks = doc.tokens
    for c in doc.cues_outside(s):
        if c.i > cue.j and c.kind == "verb" and toks[c.i - 1].text in "," + DASHES and (
                c.frame == "speech" or (c.frame == "stance" and c.lemma != cue.lemma)):
            # a lone capitalised word may be an outlet the rules do not list ("съобщи Ройтрес")
            m = mention_after(doc, c, s.tj)
            return m is not None and (m.kind in ("role", "group") or (m.kind == "name" and " " in (m.name or "").strip())
                                      or (m.kind == "medium" and c.frame == "stance"))
    return False


def _goes_on(doc: Doc, found: Found, s: Sent, cue: Cue, that: int) -> bool:
    """Whether an impersonal verb of speech says "also" ("Посочва се също, че", "Отбелязва се
    още, че") right after a statement in the sentence before, in the same paragraph: the one
    quoted there goes on (not "Съобщава се, че": the narrator's hearsay)."""
    n = doc.sent_of(s.start)
    if n == 0 or doc.sents[n - 1].para != s.para or not found.in_sentence(n - 1):
        return False
    return any(t.low in doc.rules.additive for t in doc.tokens[cue.j : that])


def _relayed(doc: Doc, found: Found, s: Sent, cue: Cue, that: int, medium: Mention) -> bool:
    """A medium reporting that someone said something ("БиБиСи пояснява, че източници, близки до
    Мей, са заявили, че ..."): the words are the inner speaker's, the medium their source. Adds
    that statement and returns True, or returns False when the content is no report of speech."""
    toks = doc.tokens
    inner = next((c for c in s.cues if that < c.i < that + 16 and c.kind == "verb" and c.frame == "speech"), None)
    if inner is None:
        return False
    that2 = that_after(doc, inner, s)
    who = read_np(doc, that + 1, inner.i)
    if that2 is None or who is None or shaped(doc, who) is None or who.kind not in ("name", "role", "group"):
        return False
    w = doc.tok_index(who.end)
    if any(t.text in ",;" for t in toks[w : inner.i]) and toks[inner.i - 1].text != ",":
        return False  # the phrase is not the inner verb's subject
    if w < inner.i - 2 and toks[w].text == "," and not toks[w + 1].is_upper and not any(t.text == "," for t in toks[w + 1 : inner.i - 1]):
        end = toks[inner.i - 2].end  # "източници, близки до Мей,": the phrase set off with them is theirs
        who = replace(who, end=end, text=doc.text[who.start : end])
    end, chain, _ = clause_end(doc, found, that2 + 1, s)
    found.use(inner)
    found.add(Stmt("indirect", toks[that2].end, end, toks[inner.i].start, inner, who, medium.name or medium.text,
                   via=(medium.name or medium.text, *chain)))
    return True


def that_after(doc: Doc, cue: Cue, s: Sent) -> int | None:
    """The "че" that opens what a verb reports: "заяви (открито) (пред БНТ), че ..."."""
    toks = doc.tokens
    k, _ = skip_outlets(doc, cue.j, s.tj)
    rules = doc.rules
    for n in range(k, min(s.tj, k + 12)):  # "каза на висшите представители на финансовия сектор, че"
        if toks[n].low in rules.that:
            b = n - 2 if toks[n - 1].text == "," and n - 2 >= k else n - 1
            if b > k and (toks[b - 1].low, toks[b].low) in rules.causal_this:
                return None  # "препоръчва мерки във връзка с това, че ...": why, not what
            return None if n > 0 and toks[b].low in rules.not_that_before else n
        if (toks[n].low in rules.verbs or toks[n].text in ":" or toks[n].text in rules.openers
                or toks[n].low in rules.not_that_between
                or (toks[n].low in rules.others_claims and not (n + 1 < s.tj and toks[n + 1].low in rules.own))):
            return None
    return None


def clause_end(doc: Doc, found: Found, k: int, s: Sent, verb: Cue | None = None) -> tuple[int, tuple[str, ...], int | None]:
    """Where reported content that starts at token k ends: the sentence end, a colon that
    opens quoted speech, a comma before the next reporting clause (", предаде АФП",
    ", а Х смята, че"), or the same speaker's next verb (`verb`: the one reporting the content).
    Returns (offset, media credited there, colon offset)."""
    toks = doc.tokens
    for n in range(k, min(s.tj, k + MAX_CLAUSE)):
        t = toks[n]
        if t.low in doc.rules.coordinators and n > k and toks[n - 1].is_word:
            c = bisect.bisect_left(s.cue_starts, n + 1)
            nxt = s.cues[c] if c < len(s.cues) and s.cues[c].i == n + 1 else None
            if nxt is not None and _next_statement(doc, s, verb, nxt):
                return toks[n - 1].end, _credit_at_end(doc, n, s), None  # "заяви, че A и допълни, че B"
        if t.text == ":" and n + 1 < s.tj and not _clock(toks, n):
            note = _editor_note(doc, k, n)
            if note is not None:  # "... (бел.ред.: става дума за ...)": the editor's aside ends the words
                return note, (), None
            return t.start, (), t.start
        if t.text != ",":
            continue
        if (n + 2 < s.tj and toks[n + 1].low in doc.rules.conjunctions and toks[n + 1].low not in doc.rules.adverbs
                and skip_adverbials(doc, n + 2, s.tj) > n + 2):
            return t.start, (), None  # "..., а днес излезе интервю": the narrator goes on
        c = bisect.bisect_right(s.cue_starts, n)
        nxt = s.cues[c] if c < len(s.cues) and s.cues[c].i - n <= 6 else None
        if nxt is None or any(toks[m].low in doc.rules.that for m in range(n + 1, nxt.i)):
            continue
        if doc.in_span(t.start):
            continue
        tail = credit_tail(doc, n, s.tj)
        chain = tail[1] if tail and tail[0] == n else ()
        if chain:
            found.credits.extend(chain)
            found.use(nxt)
            return t.start, chain, None
        between = [w for w in toks[n + 1 : nxt.i] if w.is_word and w.low not in doc.rules.conjunctions and w.low not in doc.rules.adverbs]
        if not between and toks[nxt.core].low.endswith(doc.rules.gerund_endings):
            return t.start, (), None  # ", посочвайки, че ...": a statement of its own
        if (not between and all(w.low in doc.rules.coordinators for w in toks[n + 1 : nxt.i] if w.is_word)
                and _next_statement(doc, s, verb, nxt)):
            # "..., и добави, че", "Кметът, който твърди, че ..., смята, че": a statement of its own
            return t.start, _credit_at_end(doc, n, s), None
        if nxt.kind == "verb" and that_after(doc, nxt, s) is None and mention_after(doc, nxt, s.tj) is not None and nxt.frame != "label":
            found.use(nxt)  # ", каза X" closing the same statement
            return t.start, (), None
        if between or nxt.kind == "prep":
            return t.start, (), None
    return s.end, (), None


def _next_statement(doc: Doc, s: Sent, verb: Cue | None, nxt: Cue) -> bool:
    """Whether the verb `nxt` within reported content opens the same speaker's next statement
    ("заяви, че A, но добави, че B"): a verb with its own "че", in the reporting verb's number
    (not "каза, че депутатите са недоволни и смятат, че": the content's subject's view)."""
    if nxt.kind != "verb" or nxt.frame == "label" or that_after(doc, nxt, s) is None:
        return False
    plural = doc.rules.plural_verb_endings
    return verb is None or doc.tokens[verb.core].low.endswith(plural) == doc.tokens[nxt.core].low.endswith(plural)


def _credit_at_end(doc: Doc, n: int, s: Sent) -> tuple[str, ...]:
    """The media a credit closing the sentence after tokens[n] names (", предаде БТА"): the
    first of two statements split there is theirs too."""
    tail = credit_tail(doc, n, s.tj)
    return tail[1] if tail is not None else ()


def _clock(toks: Sequence[Token], colon: int) -> bool:
    """Whether a colon is a clock's ("в 22:00 часа"): digits written close on both sides."""
    return (0 < colon < len(toks) - 1 and toks[colon - 1].text.isdigit() and toks[colon + 1].text.isdigit()
            and toks[colon - 1].end == toks[colon].start and toks[colon].end == toks[colon + 1].start)


def _editor_note(doc: Doc, lo: int, colon: int) -> int | None:
    """Where an editor's note that a colon closes opens ("(бел.ред.:"): the offset of its bracket."""
    paren = next((n for n in range(colon - 1, max(lo, colon - 6) - 1, -1) if doc.tokens[n].text == "("), None)
    if paren is None:
        return None
    written = doc.text[doc.tokens[paren].end : doc.tokens[colon].start].strip().lower()
    return doc.tokens[paren].start if written in doc.rules.editor_notes else None


def colon_after(doc: Doc, cue: Cue, s: Sent) -> int | None:
    toks = doc.tokens
    for n in range(cue.j, s.tj):
        if toks[n].text == ":" and not _clock(toks, n):
            nxt = toks[n + 1] if n + 1 < len(toks) else None
            if nxt is None or nxt.text in doc.rules.openers or nxt.start > doc.para_bounds(toks[n].start)[1]:
                return None
            return toks[n].start
        if toks[n].text in doc.rules.openers or toks[n].low in doc.rules.verbs:
            return None
    return None


def colon_speech(doc: Doc, found: Found, colon: int, s: Sent, cue: Cue, mention: Mention | None) -> None:
    """"X обясни: words words." - unmarked speech after a colon runs to the end of its
    paragraph or to the next sentence that credits someone by name. A closing mark at its
    end (its opening one lost) makes it a direct quote."""
    ps, pe = doc.para_bounds(colon)
    end = pe
    closer = next((c for c in doc.marks.orphan_closers if colon < c < pe), None)
    if closer is not None and not doc.quote_opens_between(colon, closer):
        found.add(Stmt("direct", colon + 1, closer, doc.tokens[cue.i].start, cue, mention, follows_previous=mention is None))
        return
    for t in doc.sents[doc.sent_of(colon) + 1 : doc.sent_of(colon) + 40]:
        if t.start >= pe:
            break
        if any(explicit(subject_of(doc, c, t)) and c.kind == "verb" for c in doc.cues_outside(t) if c.i - t.ti <= 8):
            end = t.start
            break
    found.add(Stmt("indirect", colon + 1, end, doc.tokens[cue.i].start, cue, mention, follows_previous=mention is None))


def inverted_statement(doc: Doc, found: Found, s: Sent, cue: Cue, inside: bool) -> None:
    """"Words, каза Х." - the content before a comma, the speaker after the verb."""
    toks = doc.tokens
    k = cue.i - 1
    closed = k - 1 > s.ti and toks[k].text in doc.rules.closers and toks[k - 1].text in "," + DASHES
    if closed:
        k -= 1  # "X са „носители на ...,“ казва Y": the comma inside the closing mark
    if k < s.ti:
        return
    if toks[k].text not in "," + DASHES:
        # "... спорят за бюджета пише британският Daily Express.": a medium closing the sentence
        # credits it, its comma lost (not a participle of a credit: "съставен от ... и цитиран от")
        if not (k > s.ti + 2 and toks[k].is_word and cue.frame == "speech" and cue.i == cue.core
                and not toks[cue.i].low.endswith(doc.rules.participle_endings) and toks[cue.i].low not in doc.rules.by_first["credit"]):
            return
        mention = mention_after(doc, cue, s.tj)  # (read only here and below: most verbs have no comma before them)
        if (mention is None or mention.kind != "medium" or doc.rules.agency(mention.name or "") is None
                or any(t.is_word for t in toks[doc.tok_index(mention.end) : s.tj])):
            return
        k += 1
    else:
        mention = mention_after(doc, cue, s.tj)
    if mention is None or (inside and not explicit(mention)) or (
            shaped(doc, mention) is None and toks[cue.core].low.endswith(doc.rules.gerund_endings)):
        return  # ", добавяйки гласа си към ...": the object of the sentence subject's gerund, no one who speaks
    after = doc.tok_index(mention.end)
    if after < s.tj and (toks[after].low in doc.rules.subjunctive or toks[after].low in doc.rules.that):
        return  # "..., призова правителството да ...": the one addressed, not the speaker
    relay = None
    if mention.kind == "medium":
        cited = _cited(doc, found, s, after)
        if cited is not None:  # "..., предаде БТА, цитирайки Франс прес": АФП said it, БТА carried it
            relay, mention = mention.name or mention.text, cited
    lo = s.ti
    before = [st for st in found.in_sentence(doc.sent_of(s.start)) if st.end <= toks[k].start and st.kind != "partial"]
    if before and mention.kind == "medium":
        for st in before:  # "Това предупреди X, докато лидери изразиха ..., пише „Гардиън“": all of it
            st.source = st.source or mention.name
        found.credits.append(mention.name or mention.text)
        found.use(cue)
        return
    for st in before:
        lo = max(lo, doc.tok_index(st.end))
    if sum(1 for t in toks[lo:k] if t.is_word) < 3:
        return
    if doc.quote_covers(toks[lo].start + 1, toks[k].start - 1):
        return  # the whole clause is a quote: a direct quote's business
    rel = next((n for n in range(lo + 1, min(k, lo + 6)) if toks[n].text == ","), None)
    if rel is not None and rel + 1 < k and toks[rel + 1].low in doc.rules.relatives and (
            next((n for n in range(rel + 1, k + 1) if toks[n].text == ","), None) == k) and (
            (m := read_np(doc, lo, rel)) is not None and doc.tok_index(m.end) == rel and shaped(doc, m) is not None):
        return  # "България, която е председател ..., предупреди X": the verb's own subject, no words of anyone's
    if mention.kind == "medium":
        found.credits.append(mention.name or mention.text)
    if relay is not None:
        found.credits.append(relay)
    source = relay or source_near(doc, cue, cue.j, s.tj, found.credits)
    opening = next((sp for sp in doc.spans if sp.open == toks[lo].start and sp.close >= 0 and sp.outer_end < toks[k].start), None)
    if opening is not None and len(doc.text[opening.start : opening.end].split()) > 2:
        # "„Нищо няма да се промени“ след излизането ..., заяви Х": the quoted words are his
        if carried(doc, opening, mention):
            found.add(Stmt("direct", opening.start, opening.end, toks[cue.i].start, cue, None, source or mention.name or mention.text,
                           follows_previous=True))
        else:
            found.add(Stmt("direct", opening.start, opening.end, toks[cue.i].start, cue, mention, source))
        return
    if closed and toks[lo].text in doc.rules.openers:
        # '"Важно е ...," подчерта X' where the marks before it were left unpaired: a quote all the same
        found.add(Stmt("direct", toks[lo].end, toks[k].start, toks[cue.i].start, cue, mention, source))
        return
    found.add(Stmt("indirect", toks[lo].start, toks[k].start, toks[cue.i].start, cue, mention, source))


def _cited_by(doc: Doc, cue: Cue, medium: Mention, that: int) -> Mention | None:
    """Whom a medium cites with a verb of citing: "цитира източник в Брюксел, че", "цитира думи на X"."""
    if cue.lemma not in doc.rules.citing_verbs:
        return None
    toks = doc.tokens
    k = cue.j
    while k < that and (toks[k].low in doc.rules.words_of or toks[k].low in doc.rules.genitive):
        k += 1  # "цитира думи на ..."
    m = read_np(doc, k, that) if k < that else None
    return m if m is not None and m.kind != "medium" and shaped(doc, m) is not None else None


def _citing_medium(doc: Doc, s: Sent, cue: Cue) -> str | None:
    """The medium that cites, earlier in the sentence, the one whose verb this is."""
    for c in doc.cues_outside(s):
        if c.i < cue.i and c.lemma in doc.rules.citing_verbs:
            m = subject_of(doc, c, s)
            if m is not None and m.kind == "medium":
                return m.name or m.text
    return None


def _cited(doc: Doc, found: Found, s: Sent, k: int) -> Mention | None:
    """Who a relaying medium cites right after its credit (", цитирайки председателя X"), its own
    cue marked used, so that the citing is no statement of its own."""
    toks = doc.tokens
    k += k < s.tj and toks[k].text == ","
    phrase = next((p for p in doc.rules.citing if doc.phrase_at(k, p, s.tj)), None)
    if phrase is None:
        return None
    j = k + len(phrase)
    cited = document_speaker(doc, j, s.tj) or read_np(doc, j, s.tj)  # "на съобщение на пресслужбата": its issuer
    if cited is None or shaped(doc, cited) is None:
        return None
    for c in s.cues:
        if k <= c.i < j:
            found.use(c)
    return cited


def anaphora_before(doc: Doc, s: Sent, cue: Cue) -> int | None:
    """"Това заяви Х": the index of "Това" when it stands right before the cue."""
    for k in range(max(s.ti, cue.i - 2), cue.i):
        if is_anaphora(doc, k) and (doc.tokens[k].is_upper or k == s.ti) and (  # (". това заяви Х": its capital lost)
                k == cue.i - 1 or doc.tokens[k].low not in doc.rules.adjacent_anaphora):
            return k
    return None


def kind_frame(doc: Doc, found: Found, s: Sent) -> None:
    """"Обединеното кралство трябва да ... | Такъв съвет даде Международният валутен фонд, предаде
    „Индипендънт“": the sentence before is the subject's, a credit after it its source."""
    toks, rules = doc.tokens, doc.rules
    if s.ti >= s.tj:
        return
    k = s.ti + 1 if toks[s.ti].low in rules.preps else s.ti  # "С такава прогноза излезе X"
    n = doc.sent_of(s.start)
    if not (k + 3 < s.tj and toks[k].low in rules.kind_anaphora and n > 0 and doc.sents[n - 1].para == s.para):
        return
    if toks[k + 1].low not in rules.kind_nouns or not (toks[k + 2].is_word and not toks[k + 2].is_upper):
        return  # "Такава трагедия преживя X": nothing said
    m = read_np(doc, k + 3, s.tj)
    if m is None or m.kind not in ("name", "role", "group", "other") or shaped(doc, m) is None:
        return
    end = doc.tok_index(m.end)
    tail = credit_tail(doc, end, s.tj)
    chain = tail[1] if tail is not None and tail[0] == end else ()
    after = [c for c in doc.cues_outside(s) if c.i > end]
    if not chain and end < s.tj - 1:
        # ", пише британското издание The Times, предава ...": the first medium credited after it
        medium = mention_after(doc, after[0], s.tj) if after and after[0].i == end + 1 and toks[end].text == "," else None
        if medium is None or medium.kind != "medium":
            return  # more follows the subject: no frame of the sentence before
        chain = (medium.name or medium.text,)
    if found.in_sentence(n - 1):
        return
    for c in after:  # ", предаде „Индипендънт“": the credits of this frame, up to a clause of its own
        if toks[c.i - 1].text != "," or (credited := mention_after(doc, c, s.tj)) is None or credited.kind != "medium":
            break
        found.use(c)
    found.credits.extend(chain)
    prev = doc.sents[n - 1]
    found.add(Stmt("indirect", prev.start, prev.end, toks[k + 2].start, None, m, chain[0] if chain else None, via=chain))


def anaphora_statement(doc: Doc, found: Found, s: Sent, cue: Cue) -> None:
    k = anaphora_before(doc, s, cue)
    assert k is not None  # reported() calls this only where there is one
    this = doc.tokens[k].start
    ps, _ = doc.para_bounds(this)
    here = doc.para_sents(this)
    start = max(ps, here[0].start) if here else ps  # (after a dateline: "София. ...")
    for t in here:
        if t.end <= this and t is not s and (_reports(doc, t) or found.inside_statement(t.start)):
            start = t.end
    if this > s.start:  # "думи Това каза Х": a full stop lost before "Това"
        start = max(start, s.start)
    mention = mention_after(doc, cue, s.tj)
    source = source_near(doc, cue, cue.j, s.tj, found.credits)
    if names_document(mention, doc.rules, complement=True) and mention is not None and (
            issuer := document_speaker(doc, doc.tok_index(mention.start), s.tj)) is not None:
        mention = issuer  # "Това става ясно от прогнози на шотландското правителство": the government's
    if cue.kind == "prep" and (mention is None or shaped(doc, mention) is None or names_document(mention, doc.rules)):
        return  # "Това става ясно от снимките", "... от правителствен документ": no one named
    issued = None
    if mention is None or shaped(doc, mention) is None:
        # "Това сочат огласени днес данни на Института ...": the institute's; else "Това заяви пред
        # в. „Билд“ нейният адвокат"
        issued = next((m for k in range(cue.j, min(s.tj, cue.j + 4)) if doc.tokens[k].low in doc.rules.issued_data
                       and (m := document_speaker(doc, k, s.tj)) is not None), None)
        mention = issued or _subject_later(doc, cue, s.tj)
    if cue.frame == "stance" and issued is None and (mention is None or shaped(doc, mention) is None or impersonal(doc, cue) or (
            mention.kind == "other" and not names_document(mention, doc.rules))):
        return  # "Това предполага бърза кампания", "Затова се предполага": what it implies, no one's view
    # "Това заяви днес след среща в Берлин": the subject is unsaid, unless the clause names
    # someone it could not read ("... избраната за вицепрезидент Камала Харис") or the verb is passive
    dropped = mention is None and doc.tokens[cue.i].low not in doc.rules.reflexive and not _names_someone(doc, cue.j, s.tj)
    if doc.text[start:this].strip() and not doc.quote_covers(start, this - 2):
        found.add(Stmt("indirect", start, this, doc.tokens[cue.i].start, cue, None if dropped else mention, source,
                       dropped=dropped))


def _reports(doc: Doc, s: Sent) -> bool:
    """Whether a sentence reports words of its own: a speech verb or preposition, or a view with
    its че-clause ("Трудни избори очакват Лондон" expects nothing anyone said)."""
    return any(c.frame != "stance" or that_after(doc, c, s) is not None for c in doc.cues_outside(s))


def _names_someone(doc: Doc, k: int, hi: int) -> bool:
    """Whether a capitalised word other than a place stands in tokens[k:hi] before a comma."""
    for t in doc.tokens[k:hi]:
        if t.text in ",;:":
            return False
        if t.is_word and t.is_upper and t.low not in doc.rules.places:
            return True
    return False


def _subject_later(doc: Doc, cue: Cue, hi: int) -> Mention | None:
    """The subject of "Това заяви ..." further on in its clause, past words that are none: the
    first name, role or group not governed by a preposition ("от" aside: a body's voice)."""
    toks, rules = doc.tokens, doc.rules
    k = cue.j
    while k < min(hi, cue.j + 16):
        if toks[k].text in ",;:" or toks[k].low in rules.that:
            return None  # the clause ends: ", предаде ДПА" credits, it does not speak
        medium = doc.media.medium_at(toks, k, hi)
        if medium is not None:
            k = medium[1]  # "пред в. „Билд ам зонтаг“": the outlet, not who
            continue
        if toks[k].low in rules.preps and toks[k].low != rules.source_preposition:
            governed = read_np(doc, k + 1, hi) if k + 1 < hi else None  # "след среща | с британския премиер"
            k = doc.tok_index(governed.end) if governed is not None else k + 1
            continue
        voice = toks[k - 1].low == rules.source_preposition
        m = read_np(doc, k, hi) if toks[k].is_word and (voice or good_start(toks[k], rules)) else None
        if m is not None and shaped(doc, m) is not None and (
                m.kind in ("name", "role", "group") or toks[k - 1].low == rules.source_preposition):
            return m  # ... or a body's voice: "Това съобщиха от пресцентъра на министерството"
        k += 1
    return None


def prep_statement(doc: Doc, found: Found, s: Sent, cue: Cue, inside: bool) -> None:
    """"Според Х, ...", "..., според Х.", "По думите му ..." """
    toks = doc.tokens
    if cue.frame != "speaker":
        return
    asked = cue.i - 1 if toks[cue.i - 1].text != "," else cue.i - 2  # the interrogative, before any comma
    if asked - 1 >= s.ti and toks[asked].low in doc.rules.interrogatives and toks[asked - 1].low not in doc.rules.interrogative_not_after:
        return  # "на въпроса кой, според тях, е спечелил": a question asked, no claim credited
    mention = read_np(doc, cue.j, s.tj)
    if mention is None or (inside and not explicit(mention)):
        return
    mention = coordinated(doc, mention, s.tj)  # "Според Брюксел и Дъблин": both
    here = [st for st in found.in_sentence(doc.sent_of(s.start)) if st.kind != "partial"]
    if mention.kind == "medium" and here:
        for st in here:  # "…", е заявил Х според портала: the medium is the source
            st.source = st.source or mention.name
        return
    if mention.kind == "medium" and _holder_after(doc, s, cue):
        return  # "Според Блумбърг в правителството смятали, че ...": theirs, the medium only carried it
    after = doc.tok_index(mention.end)
    if (names_document(mention, doc.rules, complement=True) and (cue.i == s.ti or toks[cue.i - 1].low in doc.rules.conjunctions)
            and (issuer := document_speaker(doc, doc.tok_index(mention.start), s.tj)) is not None):
        mention, after = issuer, doc.tok_index(issuer.end)  # "Според директивите на ЕС27, ...": the issuer's, after it
    if after + 1 < s.tj and toks[after].low in doc.rules.joint and mention.kind in ("name", "group", "other"):
        other = read_np(doc, after + 1, s.tj)
        close = doc.tok_index(other.end) if other is not None else s.tj
        if other is not None and close < s.tj and toks[close].text in "," + DASHES and shaped(doc, other) is not None:
            # "Според докладите на прокурора X и комисиите в Конгреса, ...": both, whatever their kinds
            mention = Mention("group", mention.start, other.end, f"{mention.name or mention.text} {toks[after].text} {other.text}", gender="pl")
            after = close
    if after < s.tj and toks[after].text != ",":
        run = after  # the capitalised words that end the phrase: "Тръмп Уолф", "в САЩ Байдън"
        while run - 1 >= cue.j and toks[run - 1].is_upper:
            run -= 1
        split = two_names(doc, run if mention.kind != "name" else cue.j, after) if after - run >= 2 else None
        if split is not None:  # "Според Тръмп Уолф ще ...": Тръмп credits, Уолф is the subject
            first = read_np(doc, cue.j, split)
            mention = coordinated(doc, first, split) if first is not None else mention
            after = split
    while (mention.kind in ("role", "group", "other") and after < s.tj and after - 1 > cue.j
           and (toks[after].low in doc.rules.auxiliaries or toks[after].low in doc.rules.adverbs_copulas)
           and not is_anaphora(doc, after)  # ("Според източник от кабинета | това не означава": "това" is the subject)
           and toks[after - 1].is_word and not toks[after - 1].is_upper):
        # "Според експерти от института | цените ще растат": the clause needs its subject back
        shorter = read_np(doc, cue.j, after - 1)
        if shorter is None:
            break
        mention, after = shorter, doc.tok_index(shorter.end)
    if shaped(doc, mention) is None:
        return  # "Според най-лошия сценарий ...": no one's words
    skipped, outlet = skip_outlets(doc, after, s.tj)  # "Според X по БНТ ...": the medium it was said on
    if outlet is not None:
        after = skipped
    else:  # "Според него обаче ...", but "в момента ...", "това означава ..." are the statement's own
        while (after < s.tj and toks[after].low in doc.rules.adverbs and toks[after].low not in doc.rules.preps
               and toks[after].low not in doc.rules.not_speakers and not doc.time_near(after)):
            after += 1
    at_start = cue.i == s.ti or toks[cue.i - 1].low in doc.rules.conjunctions or (toks[cue.i - 1].text == "," and sum(1 for t in toks[s.ti:cue.i] if t.is_word) < 2)
    if at_start or toks[cue.i - 1].low in doc.rules.conjunctions:
        end, chain, _ = clause_end(doc, found, after, s)
        start = toks[after].start if after < s.tj else s.end
        source = outlet or (chain[0] if chain else None)
        found.add(Stmt("indirect", start, end, toks[cue.i].start, cue, mention, source, via=chain))
    elif not explicit(mention) and mention.kind != "pronoun":
        return
    elif toks[cue.i - 1].low in doc.rules.relatives and after < s.tj:
        # "..., което според тях | се поддържа от синдикатите": their view is the relative clause's rest
        end, chain, _ = clause_end(doc, found, after, s)
        comma = next((n for n in range(after + 1, doc.tok_index(end)) if toks[n].text == "," and not doc.in_span(toks[n].start)), None)
        nxt = toks[comma + 1] if comma is not None and comma + 1 < s.tj else None
        if (comma is not None and nxt is not None and nxt.low not in doc.rules.conjunctions and nxt.low not in doc.rules.relatives
                and not nxt.is_upper and not definite(nxt, doc.rules)):
            # (", които са им близки", ", студентите и безработните": part of it)
            end = toks[comma].start  # "..., която според анализаторите е планирана, | заработи": the main clause goes on
        found.add(Stmt("indirect", toks[after].start, end, toks[cue.i].start, cue, mention, outlet or (chain[0] if chain else None), via=chain))
    elif toks[cue.i - 1].text == "," and after >= s.tj - 1:
        found.add(Stmt("indirect", s.start, toks[cue.i - 1].start, toks[cue.i].start, cue, mention))
    elif toks[cue.i - 1].text == "," and (tail := credit_tail(doc, after, s.tj)) is not None and tail[0] == after:
        # "..., става ясно от думите на X, пише Ройтерс": his words, the paper carried them
        found.credits.extend(tail[1])
        found.add(Stmt("indirect", s.start, toks[cue.i - 1].start, toks[cue.i].start, cue, mention, tail[1][0], via=tail[1]))
    else:
        found.add(Stmt("indirect", s.start, s.end, toks[cue.i].start, cue, mention))


def _outlet_credit(doc: Doc, st: Stmt) -> bool:
    """Whether a statement is credited by an outlet's verb closing its sentence to a name after it
    (", пише Evening Standard"): a medium no list names, which carried the words."""
    cue, toks = st.cue, doc.tokens
    return (cue is not None and st.mention is not None and cue.kind == "verb" and cue.verb.lower() in doc.rules.outlet_verbs
            and cue.i > 0 and toks[cue.i - 1].text == "," and st.mention.start >= toks[cue.i].end)


def _holder_after(doc: Doc, s: Sent, cue: Cue) -> bool:
    """Whether a later clause of the sentence has a holder of its own, neither a medium nor a
    pronoun, who says or thinks its че-clause: then the medium before it is the source only."""
    for later in doc.cues_outside(s):
        if later.i <= cue.i or later.kind != "verb" or later.frame not in ("speech", "stance"):
            continue
        if that_after(doc, later, s) is None:
            continue
        holder = subject_of(doc, later, s)
        if (holder is not None and holder.kind not in ("medium", "pronoun") and holder.start > doc.tokens[cue.j - 1].end
                and not any(t.text == "," for t in doc.tokens[cue.j : doc.tok_index(holder.start)])):
            return True  # (not "Според Ройтерс X ще се свие, а канцлерът смята, че ...": two claims)
    return False


def partials(doc: Doc, found: Found) -> None:
    """Quoted words inside a narrator's sentence or a reported statement."""
    label_end = -1  # where the last label closed: a quote joined to it by a conjunction ("или") is one too
    for sp in doc.spans:
        around = found.containing(sp.start, sp.end - 1)
        if any(d.kind == "direct" for d in around) or is_name(doc, sp):
            continue
        opener = doc.tok_index(sp.outer_start)
        toks = doc.tokens
        if _labelled(doc, opener) or (
                opener > 1 and toks[opener - 1].low in doc.rules.conjunctions and toks[opener - 2].end == label_end):
            label_end = sp.outer_end
            continue  # "51 гласа „въздържал се“", "дискусия на тема „…“", "посветен на „…“": a label, a title
        if all(w in doc.rules.label_terms for w in doc.text[sp.start : sp.end].lower().split()):
            continue  # "„твърд“ Брекзит", "за „развода“": a term the paper quotes, nobody's words
        hosts = [st for st in around if st.kind == "indirect"]
        host = max(hosts, key=lambda st: st.start, default=None)
        if host is not None and host.mention is not None and (host.mention.kind == "medium" or _outlet_credit(doc, host)):
            s = doc.sent_at(sp.outer_start)
            inner = [c for c in doc.cues_outside(s, labels=True) if c.kind == "verb" and host.start <= doc.tokens[c.i].start < sp.start]
            if inner:
                found.add(Stmt("partial", sp.start, sp.end, doc.tokens[inner[-1].i].start, inner[-1], subject_of(doc, inner[-1], s), host.mention.name))
                continue
        if host is not None:
            found.add(Stmt("partial", sp.start, sp.end, host.anchor, host.cue, host.mention, host.source, follows_previous=host.follows_previous))
            continue
        s = doc.sent_at(sp.outer_start)
        cues = [c for c in doc.cues_outside(s, labels=True) if c.kind != "prep" or c.frame == "speaker"]
        if not cues:
            continue
        before = [c for c in cues if doc.tokens[c.i].start < sp.outer_start]
        cue = before[-1] if before else cues[0]
        mention = subject_of(doc, cue, s)
        if not before and shaped(doc, mention) is None:  # "„…“ ..., със съжаление каза Сорос": who follows the verb
            mention = mention_after(doc, cue, s.tj) or mention
        if cue.kind == "prep":
            mention = read_np(doc, cue.j, s.tj)
        tail = credit_tail(doc, doc.tok_index(sp.end), s.tj)  # "..., предаде „Ню Йорк таймс“"
        source = tail[1][0] if tail else source_near(doc, cue, s.ti, s.tj, found.credits)
        found.add(Stmt("partial", sp.start, sp.end, doc.tokens[cue.i].start, cue, mention, source,
                       follows_previous=mention is None, via=tail[1] if tail else ()))


def _labelled(doc: Doc, opener: int) -> bool:
    """Whether the quote opening at token `opener` is a label or a title: right after a label noun
    ("51 гласа „въздържал се“"), or after its complement ("на тема „…“", "идеята за въвеждане на „…“")."""
    toks, rules = doc.tokens, doc.rules
    if opener > 0 and (toks[opener - 1].low in rules.label_nouns or (
            toks[opener - 1].low in rules.label_verbs and opener + 1 < len(toks) and not toks[opener + 1].is_upper)):
        return True
    if opener < 2 or toks[opener - 1].low not in rules.preps:
        return False
    for k in range(opener - 2, max(-1, opener - 5), -1):
        t = toks[k]
        if t.low in rules.label_nouns:
            return True
        if not t.is_word or t.is_upper or t.low in rules.verbs or t.low in rules.adverbs_copulas or t.low in rules.that:
            return False
    return False


def headlines(doc: Doc, found: Found) -> None:
    """A headline "Name: words" credits the words to the name, with no verb."""
    body = doc.text[doc.lay.paragraphs[len(doc.lay.headlines)][0] :] if len(doc.lay.paragraphs) > len(doc.lay.headlines) else ""
    for hs, he in doc.lay.headlines:
        colon = doc.text.find(":", hs, he)
        if colon < 0 or colon - hs > 60 or he - colon < 12:
            continue
        a, b = doc.tok_index(hs), doc.tok_index(colon)
        m = read_np(doc, a, b)
        if m is not None and m.kind == "medium" and m.end == doc.tokens[b - 1].end:
            for st in found.stmts:  # "London Evening Standard: Джонсън заплаши, че ...": the paper carried it
                if colon < st.start < he and st.source is None:
                    st.source = m.name or m.text
            continue
        if m is None or m.end != doc.tokens[b - 1].end or m.kind not in ("name", "role"):
            continue
        if m.kind == "name" and doc.tokens[b - 1].text not in body:
            continue  # "Срещата Путин-Ким: ..." names an event, not someone the article quotes
        start = colon + 1
        while start < he and (doc.text[start].isspace() or doc.text[start] in doc.rules.openers):
            start += 1
        if m.kind == "name" and m.text.lower() in doc.rules.places and doc.text[start : start + 1].islower():
            continue  # "Пакистан: застреляха губернатора ...": where, then the paper's report; nobody's words
        end = he
        while end > start and doc.text[end - 1] in doc.rules.closers:
            end -= 1
        found.add(Stmt("indirect", start, end, hs, None, m))
