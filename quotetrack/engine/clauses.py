"""Reading a reporting clause: who it credits (the phrase before or after the verb), and which
medium ("пред „Ханделсблат“", ", предаде АФП", "цитиран от Ройтерс"). Functions of a Doc:
they read the article and find nothing."""
from __future__ import annotations

from dataclasses import replace

from .adverbials import adverbial_end, adverbials_before, skip_adverbials
from .cues import Cue
from .doc import Doc, Sent
from .outlets import skip_outlets, skip_show_name
from .phrases import Mention, adjectives_before, joined, names_document, read_np, read_np_back, shaped
from .text import DASHES, quoted_at
from .words import definite, good_start, role_at


def clause_after(doc: Doc, close: int) -> tuple[Cue, Mention | None, int] | None:
    """A reporting clause right after the closing mark at `close`: ', каза Ким.',
    '– добави той', '. Това каза X.' Returns the cue, the speaker's mention and the clause end."""
    i = doc.tok_index(close + 1)
    toks = doc.tokens
    k = i
    anaphora = False
    joined = False  # a comma or dash joins the clause to the quote
    while k < len(toks) and toks[k].text in ",;" + DASHES + "".join(doc.rules.closers):
        joined = joined or toks[k].text in ",;" + DASHES
        k += 1
    if k < len(toks) and toks[k].text == "." and k + 1 < len(toks) and is_anaphora(doc, k + 1):
        k += 1
    if k < len(toks) and is_anaphora(doc, k):
        anaphora = True
    elif not joined and not (k < len(toks) and toks[k].low in doc.rules.verbs and not toks[k].is_upper):
        comma = next((n for n in range(k, min(len(toks), k + 5)) if toks[n].text in ",."), None)
        if comma is None or toks[comma].text != ",":
            return None
        k = comma + 1
    sent = doc.sents[doc.sent_of(toks[k].start)] if k < len(toks) else None
    if sent is None:
        return None
    limit = min(sent.tj, k + 30)
    for cue in sent.cues:
        if cue.i < k or cue.i >= limit or cue.frame == "label":
            continue
        gap = [t for t in toks[k : cue.i] if t.is_word]
        if len(gap) > (4 if not anaphora else 2):
            return None
        manner = gap and gap[0].low in doc.rules.manner_preps and len(gap) <= 3 and not any(t.is_upper for t in gap)
        if gap and not anaphora and not manner and not any(t.text == "," for t in toks[k : cue.i]) and cue.kind != "stance":
            if not is_np_end(doc, k, cue.i):
                return None
        mention = mention_after(doc, cue, limit) or mention_between(doc, k, cue)
        return cue, mention, sent.end
    return None


def is_anaphora(doc: Doc, k: int) -> bool:
    if k >= len(doc.tokens):
        return False
    return any(doc.phrase_at(k, p) for p in doc.rules.by_first["anaphora"].get(doc.tokens[k].low, ()))


def is_np_end(doc: Doc, a: int, b: int) -> bool:
    """"“, Путин заяви" - a name or pronoun standing right before the verb."""
    m = read_np_back(doc, a, b)
    return m is not None and m.kind in ("name", "pronoun", "role")


def mention_between(doc: Doc, a: int, cue: Cue) -> Mention | None:
    return read_np_back(doc, a, cue.i)


def mention_after(doc: Doc, cue: Cue, hi: int) -> Mention | None:
    """Who a verb credits after it: "каза (малко по-късно) (пред БНТ) министърът X"."""
    toks = doc.tokens
    j = cue.j + 1 if cue.j < hi and toks[cue.j].low in doc.rules.reflexive else cue.j  # "оплака се пътничка"
    if j < hi and toks[j].low in doc.rules.clitics:
        j += 1  # "допълни го Богдан Кирилов": an object, then who
    if j + 1 < hi and toks[j + 1].text == ".":  # "отбелязва в. „Гардиън“": "в." is a newspaper, not "в"
        medium = doc.media.medium_at(toks, j, hi)
        if medium is not None and medium[0].lower().rstrip(".") not in doc.rules.media_stems:  # a name, not "в." alone
            return Mention("medium", toks[j].start, toks[medium[1] - 1].end, doc.text[toks[j].start : toks[medium[1] - 1].end],
                           name=medium[0])
    k, _ = skip_outlets(doc, j, hi)
    if k > j and toks[k - 1].low in doc.rules.preps and adverbial_end(doc, k - 1, hi) > k:
        k -= 1  # "в" skipped as an adverb opens a place: "каза в София министърът"
    m = document_speaker(doc, k, hi)
    if m is not None:  # "се посочва в писмо, изпратено от X": not an adverbial to skip, but who
        return m
    after = skip_adverbials(doc, k, hi)
    if after > k:
        k, _ = skip_outlets(doc, after, hi)
    k = skip_show_name(doc, k, hi)
    m = document_speaker(doc, k, hi)
    if m is not None:
        return m
    if k < hi and toks[k].low in doc.rules.preps and not toks[k].is_upper:
        # "заяви на пресконференция говорител на ЕК": the speaker after a short phrase
        for n in range(k + 1, min(hi, k + 5)):
            m = read_np(doc, n, hi)
            if m is not None and m.kind == "name" and (m.name or "").lower() in doc.rules.places:
                continue  # "каза в София министърът": where, not who
            if m is not None and m.kind == "group" and n == k + 1:
                continue  # "каза пред журналисти Хадим Ризви": the audience, then who
            if m is not None and m.kind in ("name", "role", "group") and (m.kind == "name" or (toks[n].low,) in doc.rules.roles):
                return m
            if (m is not None and m.kind in ("other", "medium") and n == k + 1 and toks[k].low == doc.rules.source_preposition
                    and shaped(doc, m) is not None):
                return m  # "съобщиха от пресцентъра на Външно министерство", "уточняват от редакцията": a body's voice
            if not toks[n].is_word:
                break
    if k < hi and toks[k].low == doc.rules.source_preposition and k + 1 < hi and (toks[k + 1].is_upper or toks[k + 1].text in doc.rules.openers):
        k += 1
    prep = next((p for p, c in doc.rules.preps_by_first.get(toks[k].low, ()) if c == "speaker" and doc.phrase_at(k, p, hi)), None) if k < hi else None
    if prep and len(prep) > 1:
        k += len(prep)
    m = quoted_mention(doc, k, hi) or read_np(doc, k, hi)
    if k < hi and not toks[k].is_upper and (m is None or (m.kind == "other" and shaped(doc, m) is None)):
        m = _closing_subject(doc, k, hi) or m
    return _reporters_medium(doc, m, k, hi) or _apposed_body(doc, m, hi) or m


def _closing_subject(doc: Doc, k: int, hi: int) -> Mention | None:
    """A named subject that closes the clause after a longer adverbial than the listed ones:
    "..., казва при получаването на новия си паспорт | 33-годишната учителка Мария Иванова." The
    name is no preposition's object ("след разговор с | колегата си Иван Петров")."""
    toks, rules = doc.tokens, doc.rules
    for n in range(k + 1, min(hi, k + 9)):
        t, prev = toks[n], toks[n - 1]
        if not prev.is_word or prev.low in rules.verbs or prev.low in rules.that or prev.low in rules.conjunctions:
            return None  # the clause went on: no adverbial any more
        if prev.low in rules.preps or prev.low in rules.clitics or prev.low in rules.possessives:
            continue
        if not (t.is_upper or t.text.isdigit() or t.low in rules.role_starts):
            continue
        b = adjectives_before(toks, k + 1, n, rules)
        if toks[b - 1].low in rules.preps:
            continue  # "след среща с британския | премиер": whom he met
        m = read_np(doc, n, hi)
        if m is not None and ((m.kind == "name" and m.name and (len(m.name.split()) >= 2 or m.role is not None))
                              or (m.kind in ("role", "group") and good_start(t, rules))):  # "заявиха в писмото | депутатите"
            end = doc.tok_index(m.end)
            return m if end >= hi or toks[end].text in ",.;!?" + DASHES else None
    return None


def _apposed_body(doc: Doc, m: Mention | None, hi: int) -> Mention | None:
    """The body named after a dash that says who a description is ("операторът на проекта -
    компанията Nord Stream 2 AG"), None if none is."""
    if m is None or m.kind not in ("other", "role", "group") or m.name:
        return None
    toks, rules = doc.tokens, doc.rules
    d = doc.tok_index(m.end)
    if not (d + 2 < hi and toks[d].text in DASHES and toks[d + 1].low in rules.bodies):
        return None
    named = read_np(doc, d + 2, hi)
    if named is None or named.kind not in ("name", "other") or not toks[d + 2].is_upper and toks[d + 2].text not in rules.openers:
        return None
    end = doc.tok_index(named.end)
    return named if end >= hi or toks[end].text in ",.;" + DASHES else None


def _reporters_medium(doc: Doc, m: Mention | None, k: int, hi: int) -> Mention | None:
    """"предаде репортер на Агенция „Фокус“": the medium a reporter's credit names."""
    if m is None or m.role is None or not m.role.for_medium:
        return None
    toks = doc.tokens
    for n in range(k + 1, min(hi, k + 4)):
        if toks[n].low in doc.rules.preps:
            medium = doc.media.medium_at(toks, n + 1, hi)
            if medium is not None:
                a, b = toks[n + 1].start, toks[medium[1] - 1].end
                return Mention("medium", a, b, doc.text[a:b], name=medium[0])
            return None
    return None


def quoted_mention(doc: Doc, k: int, hi: int) -> Mention | None:
    """A body named in quote marks ("от „Райънеър“") as a speaker's mention."""
    close = quoted_at(doc.tokens, k, hi, doc.rules.openers, doc.rules.closers)
    if close is None:
        return None
    a, b = doc.tokens[k + 1].start, doc.tokens[close - 1].end
    medium = doc.media.medium_at(doc.tokens, k, hi)
    if medium is not None and medium[1] >= close:  # "съобщи „Фокус“": a medium in marks
        return Mention("medium", a, b, doc.text[a:b], name=medium[0])
    return Mention("other", a, b, doc.text[a:b])


def document_speaker(doc: Doc, k: int, hi: int) -> Mention | None:
    """"се казва в съобщението на „Райънеър“": the body behind a document is the speaker."""
    toks, rules = doc.tokens, doc.rules
    j = k + 1 if k < hi and toks[k].low in rules.preps else k
    if j + 2 < hi and toks[j].low in rules.issued_data and toks[j + 1].low in rules.genitive:
        issuer = read_np(doc, j + 2, hi)  # "сочат данни на НСИ": the institute's, named right there
        body = issuer is not None and (issuer.kind == "name" or (
            issuer.kind == "other" and (issuer.text.split()[-1].lower() in rules.bodies
                                        or issuer.text.split()[0].lower() in rules.bodies)))  # not "данни на пациентите"
        return issuer if body and shaped(doc, issuer) is not None else None
    while j < min(hi, k + 4) and toks[j].is_word and not toks[j].is_upper and toks[j].low not in rules.documents:
        j += 1  # "в нов доклад на ...", "в официалното си изявление"
    if not (j + 1 < hi and toks[j].low in rules.documents):
        return None
    a = j + 1 + (toks[j + 1].text == ",")
    by = next((p for p in rules.authored_by if doc.phrase_at(a, p, hi)), None) if a < hi else None
    if by is None and a < hi and any(toks[a].low == p[0] for p in rules.authored_by):
        # "писмо, изпратено до бизнеса в петък от X": the participle's complements, then who
        f = next((n for n in range(a + 1, min(hi, a + 9)) if toks[n].low == rules.source_preposition
                  or not toks[n].is_word or toks[n].low in rules.verbs), None)
        if f is not None and toks[f].low == rules.source_preposition:
            by = (toks[a].low, toks[f].low)
            a = f - 1
    if by is not None:
        j = a + len(by) - 2  # "Проучването, проведено от X": X, as after "на"
    elif toks[j + 1].low not in rules.preps:
        return None
    issuer = quoted_mention(doc, j + 2, hi) or read_np(doc, j + 2, hi)
    if issuer is not None and issuer.kind == "medium":
        # "в статия в Би Би Си на Петър Иванов", "в материал за Би Би Си Петър Иванов": the paper
        # published it, its author wrote it
        n = doc.tok_index(issuer.end)
        n += n < hi and toks[n].low in rules.genitive
        author = read_np(doc, n, hi) if n < hi and toks[n].is_upper else None
        if author is not None and author.kind == "name" and len((author.name or "").split()) >= 2:
            return author
    if by is not None and issuer is not None and issuer.kind == "medium":
        return None  # "документ, публикуван от британските медии": they carried it, someone else wrote it
    return issuer if shaped(doc, issuer) is not None else None


def subject_of(doc: Doc, cue: Cue, s: Sent) -> Mention | None:
    """Who the verb's subject is: the phrase before it, or the sentence's opening phrase when
    an inserted clause stands between them ("X, който ..., заяви"). An impersonal "се" clause
    ("Смята се, че", "за които се твърди, че") has none but a document or medium it names."""
    m = _subject_of(doc, cue, s)
    if m is not None and m.kind != "medium" and impersonal(doc, cue) and not names_document(m, doc.rules):
        return None
    return m


def impersonal(doc: Doc, cue: Cue) -> bool:
    """A singular "се" form of a verb whose "се" form has no person for subject: "смята се"."""
    toks, rules = doc.tokens, doc.rules
    reflexive = toks[cue.i].low in rules.reflexive or (cue.j < len(toks) and toks[cue.j].low in rules.reflexive)
    return (reflexive and cue.kind == "verb" and cue.lemma not in rules.personal_reflexive
            and not toks[cue.core].low.endswith(rules.plural_verb_endings))


def _subject_of(doc: Doc, cue: Cue, s: Sent) -> Mention | None:
    toks = doc.tokens
    if cue.i - 1 == s.ti and toks[s.ti].low in doc.rules.shared_subject:
        # "Като припомня, че ..., британският вестник отбелязва": the main clause's subject
        for later in doc.cues_outside(s):
            if later.kind == "verb" and later.i > cue.i + 1 and toks[later.i - 1].text != ",":
                found = _subject_of(doc, later, s)
                if found is not None and shaped(doc, found) is not None:
                    return found
    if toks[cue.core].low.endswith(doc.rules.gerund_endings):
        # "..., отбелязва в. „Гардиън“, добавяйки, че": a gerund after a credit clause has its
        # subject (one after a verb that reports nothing keeps to the sentence's subject)
        main = [c for c in doc.cues_outside(s, labels=True) if c.kind == "verb" and c.i < cue.i
                and not toks[c.core].low.endswith(doc.rules.gerund_endings)]
        if main and main[-1].i > s.ti and toks[main[-1].i - 1].text in "," + DASHES:
            credited = mention_after(doc, main[-1], s.tj)
            if credited is not None and credited.kind in ("name", "role", "group", "medium", "pronoun"):
                return credited  # not "отхвърли опасенията, ...": the verb's object
        shared = main_subject(doc, s.ti, cue.i)
        if shared is not None:
            return shared
    k = cue.i
    while k - 1 > s.ti and toks[k - 1].low in doc.rules.clitics:
        k -= 1  # "и му заявиха", "които я определиха": an object, not who
    if k - 2 > s.ti and toks[k - 1].low in doc.rules.subjunctive and toks[k - 2].low in doc.rules.subjunctive_reports_after:
        k -= 2  # "който побърза да | обяви": the verb before the particle has the subject
    while True:  # "и миналата седмица повтори", "но в същото време предупреди"
        if k - 2 >= s.ti and toks[k - 2].low in doc.rules.adverbial_starts and doc.rules.adverbials_by_pair.get(
                (toks[k - 2].low, toks[k - 1].low)):
            k -= 2  # "освен това", "от друга страна" ... "изтъкват"
        while k - 1 >= s.ti and toks[k - 1].low in doc.rules.adverbs_copulas and toks[k - 1].low not in doc.rules.conjunctions:
            k -= 1
        a = adverbials_before(doc, s.ti, k)
        if a == k:
            break
        k = a
    if k < cue.i and k + 1 < cue.i and toks[k].low in doc.rules.place_preps and toks[k + 1].is_upper and k > s.ti:
        many = read_np_back(doc, s.ti, k)
        if many is not None and (many.kind in ("group", "other") or (many.kind == "name" and many.text.lower() in doc.rules.bodies)) and (
                many.text.endswith(doc.rules.plural_endings) and shaped(doc, many) is not None):
            # "Повечето страни в Източна Европа смятат": the place says which of them, not where they spoke
            place = adverbial_end(doc, k, cue.i)
            if place > k:
                kind = "other" if many.kind == "name" else many.kind  # ("Профсъюзи" opening the sentence: a body, no one's name)
                return replace(many, kind=kind, name=None if kind == "other" else many.name, end=toks[place - 1].end,
                               text=doc.text[many.start : toks[place - 1].end])
    if k - 2 > s.ti and toks[k - 2].text == "," and (toks[k - 1].low in doc.rules.object_relatives or (
            cue.frame == "label" and toks[k - 1].low in doc.rules.relatives and not _object_after(doc, cue, s))):
        # "X остана верен на обещанието си към Y, когото обвинява, че"; "... вируса, който нарече
        # „лек грип“": a thing is named by the clause's subject, not by itself
        return main_subject(doc, s.ti, k - 2)
    if k - 2 >= s.ti and toks[k - 1].low in doc.rules.relatives and toks[k - 2].text == ",":
        return _relative_head(doc, s, k - 2)
    if k - 4 >= s.ti and toks[k - 1].low in doc.rules.relatives and toks[k - 2].low in doc.rules.preps and toks[k - 3].text == ",":
        # "... изявление, в което се казва": the document speaks; "доклад на ЕС за бизнеса, в който се
        # подчертава": its issuer, named after it
        noun = next((n for n in range(k - 4, max(s.ti, k - 10) - 1, -1) if toks[n].low in doc.rules.documents), None)
        between = toks[noun + 1 : k - 3] if noun is not None else ()
        if noun is not None and all(t.is_word and t.low not in doc.rules.verbs and t.low not in doc.rules.relatives for t in between):
            t = toks[noun]  # the document itself, which the registry knows the issuer of
            return read_np(doc, noun, k - 3) if not between else Mention("other", t.start, t.end, t.text)
    if k - 1 >= s.ti and toks[k - 1].low in doc.rules.conjunctions:
        # a second verb of the same subject: "X призна, че ..., но предупреди"
        earlier = [c for c in doc.cues_outside(s, labels=True) if c.j <= k - 1 and c.kind == "verb"]  # not one inside a quote
        if earlier:
            e = earlier[-1]
            rel = _relative_comma(doc, s.ti, e.i - 1)
            closed = rel is not None and not doc.in_span(toks[rel].start) and not any(
                t.text == "," for t in toks[rel + 1 : e.i - 1])  # "X, който е републиканец, | опровергава ... и казва"
            inverted = e.i > s.ti and toks[e.i - 1].text in "," + DASHES and not closed
            return (mention_after(doc, e, s.tj) if inverted else None) or subject_of(doc, e, s)
        if doc.in_span(toks[s.ti].start):
            return None  # „... Q1“ и добавя: the sentence began inside the quote: the speaker goes on
        k -= 1
        while k - 1 >= s.ti and toks[k - 1].text == ",":
            k -= 1
        if k == s.ti:
            return _previous_subject(doc, s)  # "... пристигна в София. | И призовава": the same subject
        rel = _relative_comma(doc, s.ti, k)
        if rel is not None and not any(t.text in ",;" for t in toks[rel + 1 : k]):
            head = _relative_head(doc, s, rel)  # "... от изявени републиканци, които нападнаха ... и заявиха": they
            plural = toks[cue.core].low.endswith(doc.rules.plural_verb_endings)
            if (head is not None and head.kind in ("name", "role", "group") and shaped(doc, head) is not None
                    and (head.gender == "pl") == plural):  # not "се срещна с лидерите, които ... и заяви"
                return head
        lo = next((n + 1 for n in range(k - 1, s.ti, -1) if toks[n].text == ":" and not doc.in_span(toks[n].start)), s.ti)
        # ("Обратното дори: | премиерът X се огъна ... и обеща": the clause after the colon)
        return _not_lone_opener(doc, read_np(doc, lo, k)) or opening_subject(doc, lo, k)
    if k - 1 >= s.ti and toks[k - 1].text == ",":
        # "..., а Германия, която е ..., обещава": the relative clause's head, subject of the clause
        # a conjunction opened, not the sentence's first phrase
        rel = _relative_comma(doc, s.ti, k - 1)
        head = read_np_back(doc, s.ti, rel) if rel is not None else None
        if (head is not None and head.kind in ("name", "role", "group", "medium") and shaped(doc, head) is not None
                and (a := doc.tok_index(head.start)) > s.ti and toks[a - 1].low in doc.rules.conjunctions):
            return head
        # "X, ръководител на ..., заяви": the phrase before the inserted clause's comma; with no
        # speaker opening the sentence, the clause opens after a "че" before the verb ("Прави
        # впечатление, че | трите институции - ЕК, ЕП и Съветът, са категорични")
        opening = read_np(doc, s.ti, cue.i)
        if shaped(doc, opening) is None:
            opens = next((n + 1 for n in range(k - 2, s.ti, -1) if toks[n].low in doc.rules.that and not doc.in_span(toks[n].start)), None)
            opening = read_np(doc, opens, cue.i) if opens is not None else opening
        if opening is not None and shaped(doc, opening) is not None:
            apposed = _name_apposed(doc, opening, k - 1)
            return apposed or _with_apposition(doc, opening, k - 1)
        first = next((n for n in range(s.ti + 1, k) if toks[n].text == ","), None)  # "... доц. X, обясни": a stray comma
        before = read_np_back(doc, s.ti, first) if first is not None else None
        return before if shaped(doc, before) is not None else opening
    m = read_np_back(doc, s.ti, k)
    if m is not None and k < cue.i:
        m = joined(doc, s.ti, m, cue.core)  # "X от Тексас и Y | от Уисконсин | обявиха": both
    if m is not None and (a := doc.tok_index(m.start)) > s.ti and toks[a - 1].low in doc.rules.preps and (
            toks[a - 1].low != doc.rules.source_preposition):
        # "X, който по време на среща с | християнски епископи подчерта": a preposition's object,
        # inside an adverbial after the relative pronoun whose head is who speaks
        rel = _relative_comma(doc, max(s.ti, a - 12), a - 1)
        if rel is not None and all(t.is_word and t.low not in doc.rules.verbs for t in toks[rel + 2 : a]):
            head = read_np_back(doc, s.ti, rel)
            if head is not None and shaped(doc, head) is not None:
                return head
    if m is None and k <= s.ti + 3 and toks[s.ti].low in doc.rules.subordinators:
        # "Макар и да заяви ..., Мария Петрова не каза": a clause opening the sentence before its
        # main clause shares that clause's subject, after the comma
        comma = next((n for n in range(cue.j, s.tj) if toks[n].text == "," and not doc.in_span(toks[n].start)
                      and n + 1 < s.tj and good_start(toks[n + 1], doc.rules)), None)
        after = read_np(doc, comma + 1, s.tj) if comma is not None else None
        if after is not None and after.kind in ("name", "role", "group", "pronoun"):
            return after
    if m is None and (cue.i == s.ti or (cue.i == s.ti + 1 and toks[s.ti].low in doc.rules.conjunctions)):
        # "Единият от съдиите ... | Обяснява, че": a clause with no subject goes on with the one before
        return _previous_subject(doc, s)
    if shaped(doc, m) is not None or k <= s.ti:
        return m
    # the words before the verb are no speaker ("също в интервю за „Funke“ заяви"): the
    # sentence's opening phrase may be, else keep them ("Решението предполага": a thing's view)
    opening = _not_lone_opener(doc, read_np(doc, s.ti, cue.i))
    return opening if shaped(doc, opening) is not None else (m or opening)


def _relative_head(doc: Doc, s: Sent, comma: int) -> Mention | None:
    """Who the relative pronoun after tokens[comma] stands for ("Хезълтайн, който определя"): the
    nearest noun before the comma, a preposition's object too ("гнева на рибарите, които я
    определиха")."""
    toks = doc.tokens
    named = _apposed(doc, s.ti, comma)
    if named is not None:
        return named  # "Петър Марков, епидемиолог в London School ..., който казва": the person
    prep = next((n for n in range(comma - 1, max(s.ti, comma - 6), -1) if toks[n].low in doc.rules.preps), None)
    head = read_np_back(doc, s.ti, prep) if prep is not None and prep > s.ti else None
    if head is not None and head.kind == "group" and toks[comma + 1].low not in doc.rules.stated_gender:
        # "представители сред демократите, които смятат": people before their complement are who
        whole = read_np(doc, doc.tok_index(head.start), comma)
        return whole if whole is not None and whole.end == toks[comma - 1].end else head
    near = read_np(doc, prep + 1, comma) if prep is not None else None
    if near is not None and near.end == toks[comma - 1].end and (
            near.kind in ("name", "role", "group") or (near.kind == "other" and _people(doc, near))):
        return near  # "делът на фирмите, които заявяват": the firms
    back = read_np_back(doc, s.ti, comma)
    if back is not None and back.kind == "pronoun" and prep is not None:
        # "колеги на работата й, които я обвиниха": not the possessive, the phrase it hangs on
        head = read_np_back(doc, s.ti, prep)
        if head is not None and (head.kind in ("name", "role", "group") or _people(doc, head)):
            return head
    return back


def _relative_comma(doc: Doc, lo: int, hi: int) -> int | None:
    """The last comma in tokens(lo, hi) that a relative pronoun follows (", която", ", който"):
    where the relative clause opens, its head right before it."""
    toks = doc.tokens
    return next((n for n in range(hi - 1, lo, -1) if toks[n].text == "," and toks[n + 1].low in doc.rules.relatives), None)


def _with_apposition(doc: Doc, opening: Mention, comma: int) -> Mention:
    """"Патолози, провеждали аутопсии, твърдят": people and the words set off after them that
    say which ones (no relative clause, no one named), up to the comma before their verb."""
    toks, rules = doc.tokens, doc.rules
    after = doc.tok_index(opening.end)
    head = opening.text.split()[-1].lower()
    people = head in rules.person_nouns or head.endswith(rules.person_endings)
    if (not (opening.kind in ("group", "role") or (opening.kind == "other" and people)) or after >= comma or toks[after].text != "," or comma - after > 9
            or not toks[after + 1].is_word or toks[after + 1].is_upper or toks[after + 1].low in rules.relatives
            or toks[after + 1].low in rules.conjunctions or toks[after + 1].low in rules.preps
            or any(t.text in ",;" + DASHES or t.is_upper for t in toks[after + 1 : comma])):
        return opening
    end = toks[comma - 1].end
    wider = replace(opening, end=end, text=doc.text[opening.start : end])
    return wider if shaped(doc, wider) is not None else opening


def _previous_subject(doc: Doc, s: Sent) -> Mention | None:
    """The subject that opens the sentence before, in the same paragraph, if it names someone."""
    n = doc.sent_of(s.start)
    if n == 0 or doc.sents[n - 1].para != s.para:
        return None
    prev = doc.sents[n - 1]
    if sum(1 for t in doc.tokens[prev.ti : prev.tj] if t.is_word) < 4:
        return None  # "Лондон.": a dateline, no clause
    m = opening_subject(doc, prev.ti, prev.tj)
    if m is None or m.kind not in ("name", "role", "group") or (m.kind == "name" and (m.name or "").lower() in doc.rules.places):
        return None
    return m


def _name_apposed(doc: Doc, opening: Mention, comma: int) -> Mention | None:
    """"Съпругът на Мария Петрова, Георги Петров, заяви": the name set off by commas after a
    description of someone is who the description means."""
    toks = doc.tokens
    after = doc.tok_index(opening.end)
    if (opening.kind not in ("role", "other") or opening.gender == "pl" or after >= comma or toks[after].text != ","
            or after + 1 >= comma or not toks[after + 1].is_upper):
        return None  # not "Някои страни, включително Украйна,": one of many
    name = read_np(doc, after + 1, comma)
    if name is None or name.kind != "name" or name.role is not None or doc.tok_index(name.end) != comma:
        return None
    return name if len(name.text.split()) >= 2 else None


def _apposed(doc: Doc, lo: int, comma: int) -> Mention | None:
    """The name an apposition before tokens[comma] describes: "Петър Марков, епидемиолог и
    преподавател в X," (a bare role opening the words since the comma before, a name right
    before that comma)."""
    toks, rules = doc.tokens, doc.rules
    before = next((n for n in range(comma - 1, max(lo, comma - 16) - 1, -1) if toks[n].text == ","), None)
    if before is None or before + 1 >= comma or before <= lo:
        return None
    first = toks[before + 1]
    if first.is_upper or definite(first, rules) or not (
            first.low in rules.role_starts and role_at(toks, before + 1, comma, rules) is not None
            or first.low.endswith(rules.person_endings)):
        return None
    named = read_np_back(doc, lo, before)
    return named if named is not None and named.kind == "name" and doc.tok_index(named.end) == before else None


def _object_after(doc: Doc, cue: Cue, s: Sent) -> bool:
    """Whether a labelling verb names its own object before the label ("нарече плана „провал“"):
    then "който" before it is who labels."""
    for t in doc.tokens[cue.j : min(s.tj, cue.j + 4)]:
        if t.text in doc.rules.openers:
            return False
        if t.is_word and t.low not in doc.rules.adverbs and t.low not in doc.rules.manner_adverbs and t.low not in doc.rules.partitives and not (
                len(t.low) > 5 and t.low.endswith(doc.rules.adverb_endings)):
            return True  # "нарече | плана", not "нарече | просто един"
    return False


def main_subject(doc: Doc, lo: int, hi: int) -> Mention | None:
    """The subject of the main clause before tokens[hi] (a gerund's comma): "Изправена пред ...,
    | Мария Петрова се опита ..., посочвайки". Clauses are walked back from the gerund; one that
    hangs on another (че, който, ако ...) or opens with its verb ("отхвърли опасенията") has its
    subject further back; the first clause opening with a speaker's phrase has it."""
    toks, rules = doc.tokens, doc.rules
    cuts = [n for n in range(lo, hi) if toks[n].text in "," + DASHES and not doc.in_span(toks[n].start)]
    bounds = [lo, *(n + 1 for n in cuts)]
    ends = [*cuts, hi]
    for n in range(len(bounds) - 1, -1, -1):
        a, b = bounds[n], ends[n]
        if a >= b or toks[a].low in rules.subordinators or toks[a].low.endswith(rules.gerund_endings):
            continue
        if toks[a].low in rules.conjunctions and not toks[a].is_upper:
            a += 1  # ", но министърът отрече ...": a clause of its own, with its own subject
        if a > lo:
            m = read_np(doc, a, b) if a < b and good_start(toks[a], rules) else None
        else:
            m = opening_subject(doc, a, b)
        if m is None or shaped(doc, m) is None:
            continue
        after = doc.tok_index(m.end)
        if after >= b and m.kind == "name" and n > 0 and m.role is None:
            described = read_np_back(doc, bounds[n - 1], ends[n - 1])
            d = doc.tok_index(described.start) if described is not None else 0
            if (described is not None and (described.kind == "role" or (described.kind == "other" and _people(doc, described)))
                    and not (d > 0 and toks[d - 1].low in rules.preps) and _name_apposed(doc, described, b) is not None):
                return m  # "съпругът на Азия Биби, | Ашик Масих, | поиска ...": the name set off after its description
        if after >= b or toks[after].low in rules.conjunctions:
            continue  # "в Съединените щати, | Канада или Италия": one of a list, no clause's subject
        if m.kind == "role" and n > 0 and not definite(toks[a], rules):
            # "Иван Петров, говорител на проекта, отхвърли": the apposition names who was before it
            before = read_np(doc, bounds[n - 1], ends[n - 1])
            if before is not None and before.kind == "name" and doc.tok_index(before.end) == ends[n - 1]:
                return before
        return m
    return None


def _people(doc: Doc, m: Mention) -> bool:
    """Whether a phrase's head noun names people or a body ("фирмите", "колеги")."""
    head = doc.text[m.start : m.end].split()[-1].lower() if m.text else ""
    rules = doc.rules
    return head in rules.bodies or head in rules.person_nouns or head.endswith(rules.person_endings) or (head,) in rules.roles


def _not_lone_opener(doc: Doc, m: Mention | None) -> Mention | None:
    """None for one capitalised word opening a sentence and written nowhere else ("Представете
    си ..."): a capital there says nothing of a name."""
    if m is not None and m.kind == "name" and m.name is not None and " " not in m.text and doc.text.count(m.name) == 1:
        return None
    return m


def opening_subject(doc: Doc, lo: int, hi: int) -> Mention | None:
    """The first phrase near the sentence's start that names someone ("Дори премиерът Тереза
    Мей знае ... и повтори"): the subject a coordinated verb shares."""
    toks, rules = doc.tokens, doc.rules
    words = 0
    past = lo  # where the last preposition's object ends
    for j in range(lo, hi):
        words += toks[j].is_word
        if words > 6:
            break  # six words in, whatever the dots of "т.г." count
        if j < past:
            continue
        if j > lo and toks[j - 1].low in rules.preps and toks[j - 1].low != rules.source_preposition:
            governed = read_np(doc, j, hi) if toks[j].is_upper else None  # "С Петър Колев | той ...": no subject
            past = doc.tok_index(governed.end) if governed is not None and governed.kind == "name" else j + 1
            continue  # ("В интервю за агенцията ...": the object of a preposition is no subject)
        m = read_np(doc, j, hi)
        if m is not None and (m.kind in ("name", "role", "group", "medium") or shaped(doc, m) is not None) and (
                good_start(doc.tokens[j], doc.rules) or (j > lo and toks[j - 1].low == rules.source_preposition)):
            return _not_lone_opener(doc, m)  # ("от фонда излязоха с изявление": a body's voice)
    return None


def passive_at(doc: Doc, s: Sent, cue: Cue) -> int | None:
    toks = doc.tokens
    for k in range(s.ti, cue.i):
        if any(doc.phrase_at(k, p, cue.i) for p in doc.rules.by_first["passive"].get(toks[k].low, ())):
            return k
    return None
