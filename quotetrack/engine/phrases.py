"""Reading the phrase that names a speaker next to a cue: a name with its title, role and
particles ("руският президент Владимир Путин"), a role or group phrase, a pronoun, a medium.
Which person a phrase means is entities.py's business."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..rules import Role, RuleSet
from .adverbials import skip_adverbials
from .text import Token, quoted_at
from .words import agrees, definite, good_start, initial, is_name_token, name_end, particles, role_at, title_len

if TYPE_CHECKING:
    from .doc import Doc


# (not frozen, nor the engine's other small value classes: a frozen dataclass sets each field
# through object.__setattr__, and an article makes thousands; nothing changes one once made)
@dataclass(slots=True)
class Mention:
    kind: str  # name | role | pronoun | group | medium | other
    start: int
    end: int
    text: str
    name: str | None = None  # the proper-name part: "Андрей Руденко"
    role: Role | None = None
    gender: str | None = None
    of: str | None = None  # the role's complement, lower case: "на демократите" of "кандидатът на демократите"
    also: tuple[Role, ...] = ()  # more roles joined by "и": "вицепремиерът и министър на външните работи"
    # a possessive clitic never means its own clause's subject ("Ла Стампа предава думите й"):
    # resolved against who was named before this offset
    before: int | None = None


def _outlet_at(doc: Doc, k: int, hi: int) -> bool:
    """Whether an outlet phrase naming a medium opens at tokens[k] ("по БНТ", "пред вестник „Сега“")."""
    second = doc.tokens[k + 1].low if k + 1 < hi else None
    for phrase in doc.rules.by_first["outlet"].get(doc.tokens[k].low, ()):
        if ((len(phrase) == 1 or phrase[1] == second) and doc.phrase_at(k, phrase, hi)
                and doc.media.medium_at(doc.tokens, k + len(phrase), hi) is not None):
            return True
    return False


def _without_places(tokens: list[Token], a: int, k: int, rules: RuleSet) -> tuple[int, int]:
    """A place run into a name is no part of it: "в Букурещ Мирчо Иванов", "Лиляна Павлова
    България" (a caption's word). A name of two words stays whole ("Джак Лондон")."""
    for n in (2, 1):
        rest = k - a - n
        if n == 2 and rest >= 1 and tokens[a + 1].low in rules.places and tokens[a].low not in rules.given_names:
            a += n  # "в Североизточна Англия | Дейвис": a region, then the name
            break
        if (n == 1 and rest == 1 and tokens[a].low in rules.places and a > 0
                and (tokens[a - 1].low in rules.place_preps
                     or (a > 1 and tokens[a - 1].is_upper and tokens[a - 2].low in rules.place_preps))):
            a += 1  # "в (Североизточна) Англия | Дейвис заяви": the place of a phrase before, then the name
            break
        if (rest >= 2 or (rest == 1 and tokens[k - 1].text.isupper() and len(tokens[k - 1].text) > 1)) and (
                " ".join(t.low for t in tokens[a : a + n]) in rules.places):
            a += n  # ... or an acronym after it: "базираната в Женева | СЗО"; "в Североизточна Англия | Дейвис"
            break
    for n in (2, 1):
        if k - a - n >= 2 and " ".join(t.low for t in tokens[k - n : k]) in rules.places:
            k -= n
            break
    return a, k


def _closes_name(tokens: list[Token], lo: int, a: int, rules: RuleSet) -> bool:
    """Whether the words before tokens[a] end a body's name in capitals ("на Световната здравна
    организация | Тедрос Аданом Гебрейесус"): all the capitalised words after it are the person's."""
    n = a - 1
    while n > lo and tokens[n].is_word and not tokens[n].is_upper and tokens[n].low not in rules.preps:
        n -= 1
    if not (n < a - 1 and tokens[n].is_upper and n > lo):
        return False
    n -= 1
    while n > lo and tokens[n].is_word and tokens[n].low not in rules.preps:
        n -= 1  # "на иранския | Върховен съд": adjectives and capitals back to the preposition
    return tokens[n].low in rules.preps


def _outside_phrase(prev: Token, t: Token, nxt: Token | None, rules: RuleSet) -> bool:
    """Whether t, after prev, is no word of a noun phrase: a finite verb or an adverb by its ending
    ("на Брекзит | единодушно"), or a neuter word after a definite word it does not agree with
    ("на сделката | упорито"); an adjective before a neuter noun is one ("външно министерство")."""
    if t.is_upper:
        return False
    neuter_next = nxt is not None and nxt.is_word and not nxt.is_upper and (
        nxt.low.endswith(rules.neuter_endings) or nxt.low in rules.conjunctions)  # "национално и световно стопанство"
    return t.low.endswith(rules.finite_endings) or (
        len(t.low) > 5 and t.low.endswith(rules.adverb_endings) and not neuter_next) or (
        definite(prev, rules) and not prev.low.endswith(rules.neuter_endings) and t.low.endswith(rules.neuter_endings))


def _place_list(tokens: list[Token], k: int, hi: int, rules: RuleSet, any_name: bool = False) -> int:
    """Where a list of places that goes on from tokens[k] ends: ", Бристол, Кардиф и Шефийлд"
    after "кметовете на Бирмингам". Only a list closed by "и" and a place counts (not an
    apposition: "министърът на Франция, Жан Льо Дриан, заяви"); after many people, any name
    ("преговарящите на ЕС и Великобритания")."""
    j = k
    while j + 1 < hi and tokens[j].text == "," and is_name_token(tokens[j + 1], rules) and name_end(tokens, j + 1, hi, rules) - j <= 3:
        j = name_end(tokens, j + 1, hi, rules)
    if j + 1 < hi and tokens[j].low in rules.joint and is_name_token(tokens[j + 1], rules) and (
            j > k or any_name or tokens[j + 1].low in rules.places):
        return name_end(tokens, j + 1, hi, rules)
    return k


def _past_complement(prev: Token, t: Token, nxt: Token | None, rules: RuleSet) -> bool:
    """Whether t, a bare lower-case word after a complement's noun, is past the phrase: nothing
    but its own noun follows a name ("на Барак Обама | остана") or a definite word ("на мярката |
    превръщат"), while an adjective goes on with its noun ("на Европейския | съюз") and a noun
    in apposition with the name after it ("на компанията оператор Nord Stream 2 AG"). A definite
    word after a name or a definite noun opens the next phrase ("в Брюксел | реформата", "в
    парламента | реформата")."""
    if t.is_upper or not t.is_word or t.low in rules.preps or t.low in rules.conjunctions:
        return False
    if definite(t, rules):
        if t.low in rules.role_starts or t.low in rules.person_nouns or t.low.endswith(rules.person_endings):
            return False  # "главният преговарящ за ЕС | французинът Мишел Барние": in apposition
        return (prev.is_upper and not prev.text.isupper() and not definite(prev, rules)
                and not prev.low.endswith(rules.adjective_endings) and prev.low not in rules.not_names) or (
            prev.low.endswith(rules.short_articles) and (prev.low[:-1] in rules.bodies or (prev.low[:-1],) in rules.roles))
    if nxt is not None and nxt.is_upper and (not t.low.endswith(rules.plural_verb_endings) or t.low in rules.role_starts):
        return False  # (not "на мярката | превръщат Великобритания")
    if prev.is_upper and not definite(prev, rules):
        return not prev.low.endswith(rules.adjective_endings)  # "на Световна | банка"
    return definite(prev, rules) and not agrees(prev.low, t.low, rules)


def _sized_share(tokens: Sequence[Token], i: int, rules: RuleSet) -> bool:
    """Whether tokens[i] opens a share with its size: "една | четвърт от", "Голяма | част от"
    (a word, then a fraction or a partitive noun, then "от"; not "Сред | някои от")."""
    return (i + 2 < len(tokens) and tokens[i].is_word and tokens[i].low not in rules.preps
            and tokens[i].low not in rules.conjunctions and tokens[i + 2].low == rules.source_preposition
            and (tokens[i + 1].low in rules.fractions or tokens[i + 1].low in rules.partitives))


def _abstract_place(tokens: list[Token], k: int, hi: int, rules: RuleSet) -> bool:
    """"в основата на ...": "в" before a noun that is no place, body, office or medium, and no
    adjective of one, opens an adverbial of the clause ("Според евродепутатите | в основата на
    реформата трябва ..."), while "депутатите в парламента", "в Брюксел" say which of them."""
    if tokens[k].low not in rules.place_preps or k + 2 >= hi:
        return False
    w, nxt = tokens[k + 1], tokens[k + 2]
    if not w.is_word or w.is_upper or w.low in rules.bodies or w.low in rules.place_nouns or w.low in rules.media_nouns or (
            (w.low,) in rules.roles or w.low in rules.person_nouns):
        return False
    return not (w.low.endswith(rules.adjective_endings) and nxt.is_word and nxt.low not in rules.preps)


def names_document(m: Mention | None, rules: RuleSet, complement: bool = False) -> bool:
    """"доклада", "нов доклад": a phrase that names a document, not who issued it; with
    `complement`, also one that may go on to its issuer ("оценката на специалистите", "данните на НСИ")."""
    if m is None or m.kind != "other" or not m.text:
        return False
    words = m.text.lower().split()
    return words[-1] in rules.documents or (complement and (words[0] in rules.documents or words[0] in rules.issued_data))


def read_np(doc: Doc, i: int, hi: int) -> Mention | None:
    """Read the noun phrase that starts at tokens[i] (after a verb, or opening a clause). It may
    be no speaker at all ("Решението предполага"): `shaped` tells."""
    key = (i, hi)
    try:
        return doc.phrases[key]
    except KeyError:
        found = doc.phrases[key] = _read_np(doc, i, hi)
        return found


def _read_np(doc: Doc, i: int, hi: int) -> Mention | None:
    tokens, text, rules = doc.tokens, doc.text, doc.rules
    if i >= hi:
        return None
    tok = tokens[i]
    if tok.low in rules.possessives and i + 1 < hi and (held := read_np(doc, i + 1, hi)) is not None and (
            held.kind in ("role", "group") and held.role is not None and held.role.relational):
        return held  # "заяви неин говорител": the spokesman (whose, resolution reads from the possessive)
    if (tok.low in rules.possessives and i + 1 < hi and (held := read_np(doc, i + 1, hi)) is not None
            and held.kind == "other" and held.text.split()[-1].lower() in rules.bodies):
        return Mention("other", tok.start, held.end, text[tok.start : held.end])  # "неговия екип": his team
    if tok.low in rules.pronouns:
        return Mention("pronoun", tok.start, tok.end, tok.text, gender=rules.pronouns[tok.low])
    medium = doc.media.medium_at(tokens, i, hi)
    if medium is not None:
        name, j = medium
        names = [name]
        while j + 1 < hi and (tokens[j].text == "," or tokens[j].low in rules.joint):
            # "съобщиха Ройтерс и Блумбърг", "съобщиха CNN, NBC, АП и редица други медии": all of them
            other = doc.media.medium_at(tokens, j + 1, hi) if tokens[j + 1].low not in rules.verbs else None
            if other is None:
                break  # (", предава изданието X": a relay of its own, not one more in the list)
            last = tokens[j].low in rules.joint
            names.append(other[0])
            j = other[1]
            if last:
                break
        if len(names) > 1:
            name = listing(names, rules)
        return Mention("medium", tok.start, tokens[j - 1].end, text[tok.start : tokens[j - 1].end], name=name)
    if tok.text in rules.openers:
        return _quoted_name(doc, i, hi)
    k = i
    p = i + 1 if (i + 3 < hi and _sized_share(tokens, i, rules) and tok.low not in rules.given_names) else i  # "Голяма | част от"
    if tokens[p].low in rules.partitives and p + 2 < hi and tokens[p + 1].low == rules.source_preposition and tokens[p + 2].is_word:
        k = p + 2  # "Един от берачите", "някои от депутатите": read on from what follows
    elif (tok.low in rules.partitives and i + 3 < hi and tokens[i + 1].low in rules.fractions
          and tokens[i + 2].low == rules.source_preposition and tokens[i + 3].is_word):
        k = i + 3  # "една четвърт от жителите": a share of them, not all of them
    elif tok.text.isdigit() and i + 3 < hi and tokens[i + 1].text == "%" and tokens[i + 2].low in rules.preps:
        k = i + 3  # "77% от републиканците": a share of a group
    role: Role | None = None
    whose: Role | None = None  # an office named in the role's complement
    role_end = i
    role_heads = False  # the role is the phrase's head, not a word of its complement ("изказване на лидера")
    also: list[Role] = []
    name_span: tuple[int, int] | None = None
    after_prep = False
    base = k  # where the adjectives before a role may start: after an age ("36-годишният") or a share
    steps = 0
    while k < hi and steps < 14:
        steps += 1
        t = tokens[k]
        # a title is rare: asked only of a listed word, or one a dot follows ("проф.")
        tl = title_len(tokens, k, hi, rules) if t.low in rules.titles or (k + 1 < hi and tokens[k + 1].text == ".") else 0
        if tl:
            k += tl
            continue
        found = role_at(tokens, k, hi, rules) if t.low in rules.role_starts else None
        if (found is not None and k > base and definite(t, rules) and tokens[k - 1].is_word and not after_prep
                and not definite(tokens[k - 1], rules) and tokens[k - 1].low not in rules.preps
                and tokens[k - 1].low not in rules.conjunctions):
            break  # "На пристигналите полицаи | мъжът обяснил": the article opens a phrase of its own
        if found is not None and name_span is None:
            r, k2 = found
            if role is None:
                role, role_end, role_heads = r, k2, not after_prep
            elif tokens[k - 1].low in rules.conjunctions and r != role and r not in also:
                also.append(r)  # the second of two offices, not a role in the complement
            elif after_prep:
                whose = r  # "говорител на | министър-председателя": an office in the complement
            k = k2
            after_prep = False
            continue
        if k == i and t.is_upper and k + 1 < hi and t.low.endswith(rules.adjective_endings) and t.low not in rules.given_names:
            n = k + 1
            while n + 1 < hi and tokens[n].is_word and not tokens[n].is_upper and tokens[n].low.endswith(rules.adjective_endings) and (
                    tokens[n].low not in rules.role_starts):
                n += 1  # "Висши британски | банкери": more adjectives before the noun
            if (noun := tokens[n]).is_word and not noun.is_upper and (
                    noun.low in rules.role_starts or noun.low in rules.person_nouns or noun.low.endswith(rules.person_endings)):
                k += 1  # "Изявени републиканци", "Британски рибари": an adjective opening the sentence
                continue
        if (k == i and t.is_upper and t.low in rules.bodies and k + 2 < hi and tokens[k + 1].low in rules.topic_preps
                and tokens[k + 2].is_word and not tokens[k + 2].is_upper):
            k += 1  # "Института | за заразни болести": a body's noun opening its name, no one's name
            continue
        if (is_name_token(t, rules) and not (k == i and t.low in rules.body_kinds and k + 1 < hi and tokens[k + 1].text in rules.openers)
                # ("Авиопревозвача „Еърбъс“", "Партия „Обнова“" opening a sentence: a company's or a party's
                # noun before its quoted name, while "Институт „Роберт Кох“" keeps its noun)
                or initial(tokens, k, hi, rules) or (
                (n := particles(tokens, k, hi, rules)) and k + n < hi and is_name_token(tokens[k + n], rules))):
            if role is not None and role.relational and whose is not None and tokens[k - 1].is_word:
                k = name_end(tokens, k, hi, rules)  # "говорител на министър-председателя Тереза Мей":
                break  # the name is the premier's, the spokesman is unnamed
            before = k - 1
            while before > i and (tokens[before].text == "." or title_len(tokens, before, k, rules)):
                before -= 1  # "на отец | Фанзага", "на проф. | Иванов": the title goes with the name
            many = role is not None and role_heads and (role.group or tokens[role_end - 1].low.endswith(rules.plural_endings))
            if (many
                    or (role is None and tokens[i].low in rules.documents)) and (
                    tokens[before].low not in rules.preps and tokens[before].text not in rules.openers
                    and tokens[i].low not in rules.partitives
                    and (role is not None or any(tokens[n].low in rules.preps for n in range(i + 1, before)))):  # "една от пътничките Величка ..." is one
                break  # "Според прокурорите в сблъсъка | Ася прави ...": many people bear no one's name, nor
                # does a document past its complement ("Според прогнозите на медиите в САЩ | Байдън", while
                # "в становище БАН" names the issuer)
            a = k
            k = name_end(tokens, k, hi, rules)
            body = next((n for n in range(k, min(hi, k + 3)) if tokens[n].low in rules.bodies), None) if (
                k == a + 1 and t.low.endswith(rules.adjective_endings)) else None
            if body is not None and all(w.is_word and not w.is_upper and w.low not in rules.verbs and w.low not in rules.preps
                                        and w.low not in rules.phrase_breaks for w in tokens[k:body]):
                k = body + 1  # "Национална здравна комисия": a body's name, its noun in lower case,
                if after_prep or role is not None:
                    continue  # in a complement ("говорителят на иранския Върховен съд") the body is whose
                end = tokens[k - 1].end
                return Mention("other", tok.start, end, text[tok.start:end])  # a body, which no pronoun means
            if (after_prep or role is not None) and a > i and k < hi and tokens[a].text[0].isascii() and (
                    not tokens[k].text[0].isascii() and is_name_token(tokens[k], rules)):
                continue  # "банка ING | Вирадж Пател": a body's Latin name, then the person's own
            if a > i and tokens[a - 1].low in rules.place_nouns and not tokens[a - 1].is_upper:
                continue  # "в град Савана": a place, whatever the phrase
            if (role is not None and a > i and tokens[a - 1].low in rules.bodies and not tokens[a - 1].is_upper
                    and any(tokens[n].low in rules.legal_forms for n in range(a, k))):
                continue  # "представител на компанията Nord Stream 2 AG": the company's name, not his
            if after_prep and a > i:
                before = a - 1 if tokens[a - 1].text not in rules.marks else a - 2
                body = any(tokens[n].low in rules.latin_connectors for n in range(a, k))  # "School of Hygiene"
                if before >= i and tokens[before].low in rules.preps and (k - a < 3 or body):
                    while k < hi and tokens[k].text in rules.closers and before == a - 2:
                        k += 1  # "на „Газпром“": the quoted name with its closing mark
                    k = _place_list(tokens, k, hi, rules, many) if tokens[a].low in rules.places or many else k
                    if tokens[a].low in rules.places and k - a >= 2 and tokens[a + 1].low in rules.given_names:
                        k = a + 1  # "в Пловдив | Мария": a place, then someone's first name
                    continue  # the object of a preposition ("на Кремъл"), not the speaker's name
                if role is None and tokens[a].low in rules.places and before >= i and tokens[before].low in rules.preps:
                    k = a + 1  # "от Представителството на ЕК в България | Мишел Барние ще ...": a body's
                    break  # complement ends at its place; the person after it opens a clause of his own
                given = next((n for n in range(a + 1, k - 1) if tokens[n].low in rules.given_names), None)
                if given is not None:  # "на СЗО Тедрос Аданом Гебрейесус": the person opens with a first name
                    a = given
                elif k - a >= 3 and not _closes_name(tokens, i, a, rules) and tokens[a - 1].text != ")":
                    # "на Украйна Петро Порошенко", "в университета Уестминстър Адам Лазовски": a place,
                    # then the person in the last two words ("Ян де Врис"); not after a bracket, which
                    # closed the complement ("на ... (СЗО) Тедрос Аданом Гебрейесус" is one name)
                    b = k - 2
                    while b > a and tokens[b].low in rules.particles and not tokens[b].is_upper:
                        b -= 1
                    a = b
            name_span = _without_places(tokens, a, k, rules)
            break
        if after_prep and t.low in rules.events:
            k += 1  # "Поддръжниците на Брекзит", "министърът по Брекзит": the event is the complement's
            continue
        if after_prep and t.text == "(":
            close = next((n for n in range(k + 1, min(hi, k + 8)) if tokens[n].text == ")"), None)
            if close is not None:
                k = close + 1  # "председателят на Върховната рада (украинския парламент) Анна Гопко"
                continue
        if after_prep and t.text in rules.openers and k + 1 < hi and tokens[k + 1].is_upper and tokens[k - 1].low in rules.preps:
            # a quoted name in the complement: "ръководителят на „Газпром“ Алексей Милер",
            # "дипломатът на „Даунинг стрийт“" (the closing mark with it)
            close = quoted_at(tokens, k, hi, rules.openers, rules.closers)
            k = close + 1 if close is not None else k + 1
            continue
        if (role is None and k > i and k + 1 < hi and t.low in rules.preps and rules.terms.get(tokens[k - 1].low) == "elect"
                and tokens[k + 1].low in rules.role_starts):
            k += 1  # "избраната за | вицепрезидент Камала Харис": elected to the office, which follows
            continue
        if t.low in rules.preps and (role is not None or after_prep):
            pair = (t.low, tokens[k + 1].low) if k + 1 < hi else ()
            if (t.low in rules.adverbial_preps or (k + 1 < hi and tokens[k + 1].low in rules.time_nouns)
                    or (k + 1 < hi and not tokens[k + 1].is_upper and any(w.low in rules.occasions for w in tokens[k + 1 : min(hi, k + 3)]))
                    or _outlet_at(doc, k, hi) or any(doc.phrase_at(k, a, hi) for a in rules.adverbials_by_pair.get(pair, ()))
                    or _abstract_place(tokens, k, hi, rules)):
                break  # "коментатор по ... BBC", "говорител на ЕК на пресконференция": no part of who
            after_prep = True
            k += 1
            continue
        if (t.text.isdigit() and k == i and k + 2 < hi and tokens[k + 1].text in "-–" and tokens[k + 2].is_word
                and tokens[k + 1].start == t.end):
            k = base = k + 3  # an age or a count before the name: "53-годишният", "5-членната"
            continue
        if (k > i and t.low in rules.clitics and k + 1 < hi and (nxt_word := tokens[k + 1]).is_word and not nxt_word.is_upper
                and nxt_word.low not in rules.verbs and nxt_word.low not in rules.auxiliaries
                and agrees(tokens[k - 1].low, nxt_word.low, rules)):
            k += 1  # "предизборния | му | щаб": a possessive between the adjective and its noun
            continue
        if (t.is_word and (not t.is_upper or (k == i and (t.low.endswith(rules.definite_suffixes) or t.low in rules.partitives
                                                             or t.low in rules.person_nouns or t.low.endswith(rules.person_endings))))
                and role is None
                and k - base < 3 and t.low not in rules.verbs and t.low not in rules.phrase_breaks and t.low not in rules.preps
                and t.low not in rules.time_nouns
                and not (t.low in rules.documents and k + 1 < hi and tokens[k + 1].low in rules.role_starts)  # "в писмото | депутатите"
                and t.low not in rules.pronouns and t.low not in rules.not_speakers and t.low not in rules.auxiliaries
                and t.low not in rules.negations and not (k > i and tokens[k - 1].low in rules.bodies)
                and not (k > i and t.low in rules.adverbs)  # "Мнозина | обаче смятат"
                and not (k > i and _outside_phrase(tokens[k - 1], t, tokens[k + 1] if k + 1 < hi else None, rules))
                and not (k > i and definite(tokens[k - 1], rules) and definite(t, rules))):
            k += 1  # an adjective before the role or group noun: "руският", "южнокорейското";
            continue  # only the first word of a phrase takes the article ("изборите | общината"), and
            # nothing but a complement follows a body's noun ("Правителството | изглежда не")
        if (t.is_word and role is not None and after_prep and (not t.is_upper or not is_name_token(t, rules))
                and not (definite(tokens[k - 1], rules) and definite(t, rules) and not t.is_upper)
                and not _outside_phrase(tokens[k - 1], t, tokens[k + 1] if k + 1 < hi else None, rules)
                and not _past_complement(tokens[k - 1], t, tokens[k + 1] if k + 1 < hi else None, rules)
                and not (definite(t, rules) and not definite(tokens[i], rules) and tokens[k - 1].is_word
                         and tokens[k - 1].low not in rules.preps and tokens[k - 1].low not in rules.conjunctions)
                and t.low not in rules.auxiliaries and t.low not in rules.adverbs_copulas and t.low not in rules.verbs
                and not (t.low in rules.adverbial_starts and k + 1 < hi
                         and any(doc.phrase_at(k, a, hi) for a in rules.adverbials_by_pair.get((t.low, tokens[k + 1].low), ())))):
            k += 1  # the complement of a role: "на Европейската комисия", not "на финансите | цените";
            # after a bare plural a definite word opens the next phrase ("лидери във Виена | британският")
            continue
        if (after_prep and role is None and tokens[k - 1].low in rules.preps and t.is_word and (not t.is_upper or not is_name_token(t, rules))
                and definite(t, rules) and t.low not in rules.verbs and t.low not in rules.time_nouns):
            k += 1  # a body's complement goes on: "Агенцията по общите въпроси на | администрацията"
            if k + 1 < hi and tokens[k].low in rules.clitics and agrees(tokens[k - 1].low, tokens[k + 1].low, rules):
                k += 1  # "на предизборния | му | щаб": a possessive inside the phrase
            if (k < hi and tokens[k].is_word and not tokens[k].is_upper and not definite(tokens[k], rules)
                    and tokens[k].low not in rules.verbs and tokens[k].low not in rules.preps
                    and tokens[k].low not in rules.conjunctions and agrees(tokens[k - 1].low, tokens[k].low, rules)
                    and not _outside_phrase(tokens[k - 1], tokens[k], tokens[k + 1] if k + 1 < hi else None, rules)):
                k += 1  # ... with the noun its adjective goes with: "на Европейския | съюз"
            continue
        nxt = tokens[k + 1] if k + 1 < hi else None
        if (t.low in rules.preps and t.low not in rules.topic_preps and role is None
                and name_span is None and k > i
                and not after_prep and nxt is not None and nxt.is_upper and (tokens[k - 1].low.endswith(rules.person_endings)
                                                                              or tokens[k - 1].low in rules.person_nouns
                                                                              or tokens[k - 1].low in rules.bodies)):
            sub = read_np(doc, k + 1, hi) if not is_name_token(nxt, rules) else None
            k = doc.tok_index(sub.end) if sub is not None and sub.kind in ("other", "name") else k + 1
            after_prep = True  # "Поддръжниците на Доналд Тръмп", "правителството на Великобритания", "Мнозина в
            continue  # Консервативната партия": the name, or the body's phrase, is the complement's
        # a body's name goes on after "за" with an indefinite word ("Агенцията за гражданска защита"); a
        # topic is definite ("Световната банка | за икономиката на Азия")
        naming = ((t.low in rules.topic_preps or t.low in rules.field_preps) and tokens[k - 1].low in rules.bodies
                  and nxt is not None and not definite(nxt, rules))
        if (t.low in rules.preps and (t.low not in rules.topic_preps or naming) and role is None
                and name_span is None and k > i
                and not after_prep and nxt is not None
                and nxt.is_word and not nxt.is_upper and nxt.low not in rules.verbs and nxt.low not in rules.auxiliaries
                and nxt.low not in rules.adverbs_copulas and nxt.low not in rules.phrase_breaks and nxt.low not in rules.preps
                and not (t.low in rules.place_preps and nxt.low in rules.documents)):  # "компанията | в комюнике"
            k += 2  # "източници от министерството", "запознати с плана": one complement, no more
            while naming and k < hi and k - i < 10 and tokens[k].is_word and not tokens[k].is_upper and not definite(tokens[k], rules) and (
                    tokens[k].low not in rules.verbs and tokens[k].low not in rules.preps
                    and (tokens[k].low not in rules.phrase_breaks or (
                        tokens[k].low in rules.joint and k + 1 < hi and tokens[k + 1].is_word and not tokens[k + 1].is_upper
                        and tokens[k + 1].low not in rules.verbs and not definite(tokens[k + 1], rules)))
                    and not _outside_phrase(tokens[k - 1], tokens[k], tokens[k + 1] if k + 1 < hi else None, rules)):
                k += 1  # "за гражданска | защита", "за икономическо сътрудничество и | развитие"
            if (k < hi and definite(tokens[k - 1], rules) and tokens[k].is_word and not tokens[k].is_upper
                    and not definite(tokens[k], rules) and tokens[k].low not in rules.verbs and tokens[k].low not in rules.preps
                    and tokens[k].low not in rules.conjunctions and tokens[k].low.endswith(rules.neuter_endings) == tokens[k - 1].low.endswith(rules.neuter_endings)
                    and not _outside_phrase(tokens[k - 1], tokens[k], tokens[k + 1] if k + 1 < hi else None, rules)):
                k += 1  # ... with its noun after a definite adjective: "от социалното | министерство"
            after_prep = True
            continue
        if (t.low in rules.conjunctions and role is not None and name_span is None and k + 1 < hi
                and role_at(tokens, k + 1, hi, rules) is not None):
            k += 1  # "вицепремиерът и министър на външните работи Екатерина Захариева": two offices
            after_prep = False
            continue
        if (t.low in rules.conjunctions and role is not None and name_span is None and k + 2 < hi
                and not tokens[k + 1].is_upper and tokens[k + 1].low.endswith(rules.person_endings)
                and not definite(tokens[k + 1], rules)):
            k += 2  # "икономиста и преподавател в ... доц. X": a second calling, not listed as an office
            after_prep = False
            continue
        if t.low in rules.conjunctions and role is not None and after_prep and k + 1 < hi and tokens[k + 1].is_word and not tokens[k + 1].is_upper:
            k += 1  # "по икономическите и финансовите въпроси"
            continue
        break
    end_tok = name_span[1] if name_span else k
    while end_tok - 1 > i and (tokens[end_tok - 1].low in rules.preps or tokens[end_tok - 1].low in rules.conjunctions):
        end_tok -= 1  # a phrase never ends in a preposition or a conjunction ("Министерството на отбраната | на")
    if end_tok <= i:
        return None
    words = tokens[i:end_tok]
    if not any(w.is_word for w in words):
        return None
    if role is None and (name_span is None or name_span[1] == end_tok) and (
            words[-1].is_upper or words[-1].low in rules.bodies or (words[0].is_upper and words[0].low in rules.bodies)):
        close = quoted_at(tokens, end_tok, hi, rules.openers, rules.closers)
        if close is not None and tokens[end_tok + 1].is_upper:  # "летище „Пловдив“", "компанията „Газпром“"
            end_tok = close + 1
            name_span = (name_span[0], end_tok) if name_span else None
    start, end = tokens[i].start, tokens[end_tok - 1].end
    of_end = name_span[0] if name_span else end_tok
    of = " ".join(t.low for t in tokens[role_end:of_end] if t.is_word and t.low not in rules.titles
                  and t.low + "." not in rules.titles) or None if role is not None and not also else None  # not "д-р"
    if name_span and tokens[i].low in rules.bodies and any(t.low in rules.preps for t in tokens[i + 1 : name_span[0]]):
        # "Офисът на британския премиер X", "Комисията за напускане на ЕС": the body speaks, the
        # name is its complement's
        return Mention("other", start, end, text[start:end])
    if name_span:
        name = text[tokens[name_span[0]].start : tokens[name_span[1] - 1].end]
        return Mention("name", start, end, text[start:end], name=name, role=role,
                       gender=role.gender if role and role.gender in ("m", "f") else None, of=of, also=tuple(also))
    if role is not None:
        # a role's plural form ("главните прокурори") is several people, never the one named so
        plural = role.group or tokens[role_end - 1].low.endswith(rules.plural_endings)
        return Mention("group" if plural else "role", start, end, text[start:end], role=role,
                       gender="pl" if plural else (role.gender if role.gender in ("m", "f") else None), of=of)
    if len(words) == 1 and words[0].low in rules.indefinite_groups and (
            i + 1 >= hi or tokens[i + 1].low in rules.verbs or tokens[i + 1].low in rules.adverbs):
        return Mention("group", start, end, text[start:end], gender="pl")  # "Някои допускат, че ..."
    if len(words) == 1 and (words[0].low in rules.not_names or words[0].low in rules.events):
        return None  # a function word ("ще", "все") is nobody's name
    return Mention("other", start, end, text[start:end])


def _quoted_name(doc: Doc, i: int, hi: int) -> Mention | None:
    """A body's name of a few words in marks, standing as a subject: "„Даунинг стрийт“ заяви".
    It ends at its closing mark (the phrase read), while its text is the name alone."""
    tokens, rules = doc.tokens, doc.rules
    if not (i + 1 < hi and tokens[i + 1].is_word and tokens[i + 1].is_upper):
        return None
    close = quoted_at(tokens, i, hi, rules.openers, rules.closers)
    if close is None or close - i > 5 or any(t.low in rules.verbs or not t.is_word for t in tokens[i + 1 : close]):
        return None
    a, b = tokens[i + 1].start, tokens[close - 1].end
    end = close + 1
    if end + 1 < hi and tokens[end].low in rules.genitive and tokens[end + 1].is_upper:
        end = name_end(tokens, end + 1, hi, rules)  # "„Демократичната юнионистка партия“ на Северна Ирландия"
    return Mention("other", a, tokens[end - 1].end, doc.text[a:b])


def read_np_back(doc: Doc, lo: int, end: int) -> Mention | None:
    """The speaker's phrase that ends right before tokens[end] (a verb), read from its start;
    examples of a group ("Големи банки, като A и B | потвърдиха") stand for the group."""
    m = _read_np_back(doc, lo, end)
    toks = doc.tokens
    if (m is not None and m.kind == "name" and m.role is not None and m.name and len(m.name.split()) >= 3
            and m.text.endswith(m.name) and not m.name.split()[-2].lower().endswith(doc.rules.male_endings + doc.rules.female_endings)
            and any(t.low in doc.rules.preps for t in toks[max(lo, doc.tok_index(m.start) - 4) : doc.tok_index(m.start)])):
        # (a role's holder right after a preposition's phrase, and no patronymic: "Георги Иванов Петров" is one man)
        a = doc.tok_index(m.end - len(m.name))
        split = two_names(doc, a, doc.tok_index(m.end))
        if split is not None and (second := read_np(doc, split, end)) is not None and second.end == m.end:
            return second  # "След среща с колегата си Петер Сиярто | Джонсън заяви": the second name speaks
    n = doc.tok_index(m.start) if m is not None else lo
    while n - 1 > lo and end - n < 16 and (toks[n - 1].text == "," or toks[n - 1].low in doc.rules.joint
                                           or toks[n - 1].is_upper or toks[n - 1].text.isascii()):
        n -= 1  # back over the list of names: "като Алфа Банк, Бета Капитал и | Гама Инвест", "Bank of | America"
    if (n - 2 > lo and toks[n - 1].low in doc.rules.examples and toks[n - 2].text == "," and end < len(toks)
            and toks[end].low.endswith(doc.rules.plural_verb_endings)):  # (many speak: "..., като X заяви" is another clause)
        group = _read_np_back(doc, lo, n - 2)
        if group is not None and group.kind in ("group", "other") and shaped(doc, group) is not None:
            return group
    return m


def _read_np_back(doc: Doc, lo: int, end: int) -> Mention | None:
    tokens, rules = doc.tokens, doc.rules
    k = end
    if (k - 2 >= lo and tokens[k - 1].low in rules.adverbs and tokens[k - 2].low in rules.adverbial_starts
            and rules.adverbials_by_pair.get((tokens[k - 2].low, tokens[k - 1].low))):
        k -= 2  # "Депутатите в Брюксел | освен това изтъкват": a phrase of two words before the verb
    while k - 1 >= lo and (tokens[k - 1].low in rules.adverbs or tokens[k - 1].low in rules.auxiliaries):
        k -= 1
    if k - 1 > lo and tokens[k - 1].text == ")":
        opened = next((n for n in range(k - 2, max(lo, k - 8), -1) if tokens[n].text == "("), None)
        if opened is not None and opened > lo:
            k = opened  # "Иван Петров (ПП) заяви": the party in brackets is no part of the phrase
    if k - 1 < lo:
        return None
    last = tokens[k - 1]
    if last.low in rules.pronouns:
        if k - 3 >= lo and tokens[k - 2].low == rules.source_preposition and tokens[k - 3].low in rules.partitives:
            share = tokens[k - 3]  # "някои от тях": some of those the pronoun means, not all of them
            return Mention("pronoun", share.start, last.end, doc.text[share.start : last.end], gender=rules.pronouns[last.low])
        return Mention("pronoun", last.start, last.end, last.text, gender=rules.pronouns[last.low])
    if not last.is_word and last.text not in rules.marks:
        return None
    # walk back over the phrase: words, titles' dots, hyphens, quoted names
    a = k
    while a - 1 >= lo:
        t = tokens[a - 1]
        if t.is_word and t.low not in rules.phrase_breaks and t.low not in rules.verbs:
            a -= 1
            continue
        if t.text == "." and a - 2 >= lo and initial(tokens, a - 2, a + 1, rules):
            a -= 2  # "И. Радев": the initial, though "и" is also a conjunction
            continue
        if t.text == "." and a - 2 >= lo and tokens[a - 2].low + "." in rules.titles:
            a -= 1
            continue
        if t.text in rules.marks:
            a -= 1
            continue
        if t.text == "%" and a - 2 >= lo and tokens[a - 2].text.isdigit():
            a -= 2  # "77% от републиканците"
            continue
        break
    if a - 1 > lo and (tokens[a - 1].text == "," or tokens[a - 1].low in rules.joint) and is_name_token(tokens[a], rules):
        # "Кметовете на Бирмингам, Бристол, Кардиф и | Шефийлд настояват", "Кметът на София и | Пловдив
        # заяви": the list is the complement of the role that opens the clause, or that stands after
        # an adverbial ("По думите му | преговарящите на ЕС и Великобритания са съгласни")
        for st in range(lo, a - 1):
            if tokens[st].low in rules.relatives:
                break  # "Амон, който ... бе посланик в Париж и Лондон, допълни": a relative clause's, not the subject
            if st > lo and not (tokens[st].low in rules.role_starts and good_start(tokens[st], rules)):
                continue
            whole = read_np(doc, st, k)
            if whole is not None and tokens_end(tokens, whole, k) and whole.kind in ("group", "role"):
                return whole
    # the phrase may open with an adverbial ("В отговор президентът ..."): start at the role or
    # name; an adverbial may stand between it and the verb ("Дастис за пореден път увери")
    best = gapped = None
    for s in range(a, k):
        if s - 1 >= a and (tokens[s - 1].low in rules.agency_starts or (s - 2 >= a and tokens[s - 2].low in rules.agency_starts)) and any(
                (found := doc.media.agency_at(tokens, j, k)) and found[1] > s for j in (s - 2, s - 1) if j >= a):
            continue  # "за Би Би Си Макрон": no phrase starts inside a medium's name
        m = read_np(doc, s, k)
        if m is None:
            continue
        # the object of a preposition ("за автономия на | страната") is a subject only when no
        # later word opens one; "от" aside, a body's voice ("От летището съобщиха")
        good = not (s > a and tokens[s - 1].low in rules.preps and tokens[s - 1].low != rules.source_preposition) and (
            m.kind == "medium" or (m.kind in ("name", "role", "group", "pronoun") and (
                good_start(tokens[s], rules) or initial(tokens, s, k, rules) or (s + 1 < k and tokens[s + 1].text == "%"))) or (
                m.kind == "other" and (good_start(tokens[s], rules) or tokens[s].text in rules.openers
                                       or (s + 1 < k and tokens[s + 1].text == "%")) and shaped(doc, m) is not None))
        if tokens_end(tokens, m, k):
            # (after "и" a lower-case body is the second of two: "Няколко държави и | компании заявиха")
            v = end
            while v < len(tokens) and tokens[v].low in rules.adverbs:
                v += 1  # "A и B | вече обявиха"
            if (good or (m.kind in ("group", "other") and shaped(doc, m) is not None)) and (
                    m.kind in ("name", "medium", "group", "other", "role") and s - 2 >= lo and tokens[s - 1].low in rules.joint) and (
                    v < len(tokens) and (tokens[v].low.endswith(rules.plural_verb_endings) or (
                        tokens[v].low in rules.reflexive and v + 1 < len(tokens)
                        and tokens[v + 1].low.endswith(rules.plural_verb_endings)))):  # "A и B се опасяват"
                first = read_np_back(doc, lo, s - 1)  # "Великобритания и Франция заявиха": both of them
                if first is not None and (first.kind == m.kind or (
                        first.kind in ("name", "group", "role", "other") and m.kind in ("name", "group", "other")
                        and shaped(doc, first) is not None and shaped(doc, m) is not None)):
                    start = first.start
                    n = doc.tok_index(first.start)
                    while first.kind == "name" and n - 2 >= lo and tokens[n - 1].text == ",":
                        # "Картър, Панета и Гейтс написаха": every name of the list, not the last two
                        prev = read_np_back(doc, lo, n - 1)
                        if prev is None or prev.kind != "name" or not prev.name or not prev.text.endswith(prev.name):
                            break
                        start = prev.end - len(prev.name)  # the names, not the office before them
                        n = doc.tok_index(prev.start)
                    return _with_conjuncts(doc, lo, Mention("group", start, m.end, doc.text[start : m.end], gender="pl"))
            if good:
                j = adjectives_before(tokens, a, s, rules) if m.kind in ("group", "role") and tokens[s].low not in rules.partitives else s
                wider = read_np(doc, j, k) if j < s else None
                if wider is not None and tokens_end(tokens, wider, k) and wider.role == m.role:
                    m = wider  # "британски | дипломати": the adjective before the group is its
                if m.kind == "group" and (both := _paired_adjective(tokens, lo, doc.tok_index(m.start), rules)) < doc.tok_index(m.start):
                    start = tokens[both].start
                    return replace(m, start=start, text=doc.text[start : m.end])
                return m if m is wider else _named_before(doc, lo, s, m) or m
            best = best or m
        elif good and m.kind == "name" and _affiliation(doc, doc.tok_index(m.end), k):
            return joined(doc, lo, m, end)  # "Проф. Николай Витанов от Института по механика към БАН обясни"
        elif good and gapped is None and skip_adverbials(doc, doc.tok_index(m.end), k) == k:
            gapped = m
    return joined(doc, lo, gapped, end) if gapped is not None else best


def joined(doc: Doc, lo: int, m: Mention, verb: int) -> Mention:
    """`m`, or with the people joined to it by "и" before a plural verb: "Тед Круз от Тексас и |
    Рон Джонсън от Уисконсин обявиха" (each with where they are from) are both who."""
    tokens, rules = doc.tokens, doc.rules
    g = doc.tok_index(m.start)
    if (m.kind in ("name", "role") and g - 2 >= lo and tokens[g - 1].low in rules.joint and verb < len(tokens)
            and tokens[verb].low.endswith(rules.plural_verb_endings)):
        return _with_conjuncts(doc, lo, m)
    return m


def _with_conjuncts(doc: Doc, lo: int, m: Mention) -> Mention:
    """`m` with the people listed before it, each perhaps with where they are from ("Тед Круз от
    Тексас, Рон Джонсън от Уисконсин и | други деветима сенатори"): the names, joined, as one group."""
    tokens, rules = doc.tokens, doc.rules
    parts = [m.name or m.text]
    start = m.start
    n = doc.tok_index(m.start)
    last_joint = n - 1 >= 0 and tokens[n - 1].low in rules.joint  # ("A, B и C" vs "A, B, C и D" already joined)
    while n - 2 >= lo and (tokens[n - 1].text == "," or tokens[n - 1].low in rules.joint):
        j = n - 1
        first = next((b + 1 for b in range(j - 1, lo - 1, -1) if tokens[b].text == "," or tokens[b].low in rules.joint), lo)
        prev = read_np(doc, first, j) if first < j and good_start(tokens[first], rules) else None
        if (prev is None or prev.kind not in ("name", "role", "group", "medium") or (prev.kind == "role" and not prev.name)
                or (skip_adverbials(doc, doc.tok_index(prev.end), j) != j and not _affiliation(doc, doc.tok_index(prev.end), j))):
            break  # ("След срещата, X и Y обявиха": an adverbial before the comma, no one of them)
        parts.insert(0, prev.name or prev.text)
        start, n = prev.start, first
    if len(parts) == 1:
        return m
    # (a last part that is itself "C и D" joins with a comma: "A, B, C и D")
    return Mention("group", start, m.end, listing(parts, rules) if last_joint else ", ".join(parts), gender="pl")


def listing(names: Sequence[str], rules: RuleSet) -> str:
    """Names as a reader lists them: "A, B и C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {min(rules.joint)} " + names[-1]


def coordinated(doc: Doc, m: Mention, hi: int) -> Mention:
    """`m` with the phrases of its kind joined to it by commas and a last "и" ("Според Брюксел и
    Дъблин", "Според синдикатите и работодателите"): all of them, as one group; else `m`."""
    toks, rules = doc.tokens, doc.rules
    j, end = doc.tok_index(m.end), m.end
    while j + 1 < hi and toks[j].text == ",":
        nxt = read_np(doc, j + 1, hi)
        if nxt is None or nxt.kind != m.kind or not is_name_token(toks[j + 1], rules) or m.kind != "name":
            return m  # only a list of names goes on with commas; ", а ..." or a clause does not
        j, end = doc.tok_index(nxt.end), nxt.end
    if not (j + 1 < hi and toks[j].low in rules.joint):
        return m
    last = read_np(doc, j + 1, hi)
    if last is None or last.kind != m.kind or m.kind not in ("name", "group", "other") or shaped(doc, last) is None:
        return m
    if m.kind == "name" and m.text.lower() in rules.places:
        # "Според Брюксел и Дъблин | Мей трябва": a place goes with a place, the name after it is the clause's
        n = next((n for n in (2, 1) if j + 1 + n <= hi and " ".join(t.low for t in toks[j + 1 : j + 1 + n]) in rules.places), None)
        if n is None:
            return m
        last = Mention("name", toks[j + 1].start, toks[j + n].end, doc.text[toks[j + 1].start : toks[j + n].end])
    first = toks[doc.tok_index(m.start)]
    if m.kind != "name" and (toks[j + 1].is_upper or definite(toks[j + 1], rules) != definite(first, rules) or not (
            m.text.endswith(rules.plural_endings) and last.text.endswith(rules.plural_endings))):
        return m  # "синдикатите и работодателите", not "синдикатите и Министерството"
    end = last.end
    return Mention("group", m.start, end, doc.text[m.start : end], gender="pl")


def adjectives_before(tokens: list[Token], a: int, s: int, rules: RuleSet) -> int:
    """Where the adjectives right before tokens[s] start: lower-case words that are no verb,
    preposition or adverb, the definite article on the first of them only ("британските | избиратели",
    not "писмото | депутатите")."""
    j = s
    while j - 1 >= a and j - s > -2:
        w = tokens[j - 1]
        if (not w.is_word or w.is_upper or w.text[0].isdigit() or w.low in rules.preps or w.low in rules.verbs
                or w.low in rules.conjunctions or w.low in rules.adverbs or w.low in rules.not_speakers
                or w.low in rules.occasions or w.low in rules.time_nouns or w.low in rules.documents
                or definite(tokens[j], rules) or w.low.endswith(rules.finite_endings) or w.low.endswith(rules.plural_verb_endings)):
            break
        j -= 1
        if definite(w, rules):
            break
    return j


def _paired_adjective(tokens: list[Token], lo: int, j: int, rules: RuleSet) -> int:
    """Where a phrase opening with an adjective at tokens[j] starts when another adjective of
    its noun stands before it: "Научни и | медицински експерти"."""
    if j - 2 < lo or tokens[j - 1].low not in rules.joint:
        return j
    first, adj = tokens[j - 2], tokens[j]
    if (first.is_word and (not first.is_upper or j - 2 == lo) and first.low.endswith(rules.adjective_endings)
            and adj.low.endswith(rules.adjective_endings) and first.low[-1] == adj.low[-1] and not adj.is_upper
            and first.low not in rules.verbs and first.low not in rules.preps):
        return j - 2
    return j


def _named_before(doc: Doc, lo: int, s: int, m: Mention) -> Mention | None:
    """The name an indefinite role stands in apposition to, its closing comma lost: "Манфред
    Вебер, председател на групата заяви" is Вебер speaking."""
    toks = doc.tokens
    if m.kind != "role" or definite(toks[s], doc.rules) or s - 2 < lo or toks[s - 1].text != ",":
        return None
    before = read_np_back(doc, lo, s - 1)
    return before if before is not None and before.kind == "name" else None


def _affiliation(doc: Doc, b: int, k: int) -> bool:
    """Whether tokens[b:k] is where a named person comes from: "от" and a body, up to the verb."""
    toks, rules = doc.tokens, doc.rules
    run = toks[b + 1 : k]
    return (b < k <= b + 10 and toks[b].low == rules.source_preposition and b + 1 < k
            and any(t.is_upper or t.text in rules.openers for t in run)  # "от бизнес училището „Уоруик“"
            and all((t.is_word and t.low not in rules.verbs and t.low not in rules.that) or t.text in rules.marks for t in run))


def shaped(doc: Doc, m: Mention | None) -> Mention | None:
    """The mention if a reader would call it a speaker, else None. A name, role, group, medium
    or pronoun has that shape; any other phrase only when its head noun names a body, people or
    a document ("правителството", "британски банкери", "доклада"), never a time ("миналата
    седмица"), a number ("25 района") or a word no speaker is ("ги", "позиция")."""
    if m is None:
        return None
    if m.kind == "medium":
        return m  # a medium speaks, even one credited away from its clause ("Обвиняват ..., пише Y")
    rules, toks = doc.rules, doc.tokens
    a, b = doc.tok_index(m.start), doc.tok_index(m.end)
    words = [t for t in toks[a:b] if t.is_word]
    if not words or words[0].low in rules.not_speakers:
        return None
    if m.kind != "other" or (a > 0 and toks[a - 1].text in rules.openers) or _quoted_body(doc, a, b):
        return m  # a body named in quote marks ("„Райънеър“ съобщи", "компанията „Газпром“") is one
    if len(words) > 2 and (words[0].low in rules.partitives or (words[0].text.isdigit() and toks[a + 1].text == "%")) and (
            words[1].low == rules.source_preposition):
        words = words[2:]  # "един от берачите", "44% от анкетираните": the pickers, those polled are who
    elif len(words) > 3 and _sized_share(words, 0, rules):
        words = words[3:]  # "една четвърт от жителите", "Голяма част от компаниите"
    run = []
    for t in words:
        if t.low in rules.preps:
            break
        run.append(t)
    head = run[-1].low if run else ""
    if not run or head in rules.time_nouns or head in rules.not_speakers or run[0].text[0].isdigit():
        return None
    if (head in rules.bodies or head in rules.person_nouns or head in rules.documents or head in rules.media_nouns
            or (head,) in rules.roles or head.endswith(rules.person_endings) or sum(t.is_upper for t in run) >= 2):
        return m
    return None


def _quoted_body(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens[a:b] ends in a quoted name right after a noun: "компанията „Газпром“",
    "Летище „Пловдив“" (not "в интервю за „Funke“")."""
    toks, rules = doc.tokens, doc.rules
    if b - a < 3 or toks[b - 1].text not in rules.closers:
        return False
    opener = next((n for n in range(b - 2, a - 1, -1) if toks[n].text in rules.openers), None)
    return opener is not None and opener > a and (toks[opener - 1].is_upper or toks[opener - 1].low in rules.bodies)


def tokens_end(tokens: list[Token], m: Mention, k: int) -> bool:
    return m.end == tokens[k - 1].end


def two_names(doc: Doc, i: int, j: int) -> int | None:
    """Where a run of capitalised words tokens[i:j] is two names side by side with no comma
    between them: the run is written nowhere else in the article while both its parts are, or
    its last word is the surname of someone named in full before with another first name
    ("с колегата си Петер Сиярто | Джонсън заяви" after "Борис Джонсън"). Returns the index of
    the second name, or None."""
    toks, text = doc.tokens, doc.text
    if j - i < 2 or text.count(text[toks[i].start : toks[j - 1].end]) > 1:
        return None
    for p in range(i + 1, j):
        first, second = text[toks[i].start : toks[p - 1].end], text[toks[p].start : toks[j - 1].end]
        if text.count(first) > 1 and text.count(second) > 1:
            return p
    if j - i >= 3 and named_in_full_before(doc, toks[j - 1].text, toks[i].start, first_not=toks[j - 2].text):
        return j - 1
    return None


def named_in_full_before(doc: Doc, word: str, before: int, first_not: str | None = None) -> bool:
    """Whether a capitalised word was written before an offset right after another (someone's
    surname, the person named in full there); `first_not`: the word before it may not be this."""
    toks = doc.tokens
    at = doc.text.find(word)
    while 0 <= at < before:
        k = doc.tok_index(at)
        if (0 < k < len(toks) and toks[k].start == at and toks[k].text == word and toks[k - 1].is_upper
                and toks[k - 1].is_word and toks[k - 1].text != first_not):
            return True
        at = doc.text.find(word, at + 1)
    return False
