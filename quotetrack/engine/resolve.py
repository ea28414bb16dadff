"""Who said it: each statement's mention resolved against the people the article names
(a name to its fullest form, a role or a pronoun to the fitting person named before)."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from ..models import QuoteFields
from ..rules import Role, RuleSet
from .clauses import opening_subject
from .doc import Doc
from .entities import WINDOW, Person, Registry, Seen, compatible, holds, kept_noun, qualifier, registry_of
from .found import Stmt
from .outlets import media_chain
from .phrases import Mention, listing, names_document, read_np, shaped
from .text import DASHES, same_stem
from .words import definite, role_at


def _via(st: Stmt, doc: Doc, speaker: str | None) -> tuple[str, ...]:
    """The media between the speaker and the reader, nearest the speaker first."""
    chain = media_chain(doc, st.cue) if st.cue is not None and st.cue.kind == "verb" else []
    chain += [m for m in st.via if m not in chain]
    if st.source and st.source not in chain:
        chain.insert(0, st.source)
    return tuple(m for m in chain if m != speaker)


def resolve(stmts: list[Stmt], doc: Doc, media: Sequence[str] = ()) -> list[QuoteFields]:
    """Each statement's Quote fields, its mention resolved to a speaker against the article's
    people (`media`: the outlets the article credits, which are nobody a pronoun may mean). The
    caller adds the article's own fields and makes the Quote, once: the article's agency is
    known only when every statement's credits are."""
    if not stmts:
        return []  # nothing to resolve: no need to read who the article names
    rules = doc.rules
    reg = registry_of(doc, media)
    text = doc.text
    last: Who = Who()
    last_source: str | None = None
    resolved: dict[int, Who] = {}
    for idx in sorted(range(len(stmts)), key=lambda i: stmts[i].anchor):
        st = stmts[idx]
        if st.mention and shaped(doc, st.mention) is None:
            who = Who()  # a phrase no reader would call a speaker names no one
        elif st.mention:
            who = _who(st.mention, min(st.start, st.mention.start, st.mention.before or st.start), reg, last, rules)
        elif st.dropped and st.cue is not None:  # "Това заяви днес ...": whom a pronoun there would mean
            who = _recent(st.anchor, _participle_gender(doc.tokens[st.cue.core].low, rules), reg, last) or Who()
        elif (st.follows_previous and _paragraph(doc, st.start) - _paragraph(doc, max(last.at, 0)) <= 1
              and not _new_item(doc, last.at, st.start)):
            who = last  # a quote with no clause of its own goes on from the statement before
            if st.source is None:
                st.source = last_source  # ... and so does its credit
        else:
            who = Who()  # nothing credits it: recorded with no speaker (the audit's "unattributed")
        resolved[idx] = who
        if who.person is not None:
            who.person.spoke = True
            reg.note(who.person, st.mention.start if st.mention else st.anchor)
            if st.mention is not None and st.mention.kind == "name" and st.cue is not None:
                who.person.state_gender(_participle_gender(doc.tokens[st.cue.core].low, rules))
        if who.speaker and (st.mention is None or st.mention.kind != "medium"):
            last = Who(who.speaker, who.role, who.person, st.mention.start if st.mention else st.anchor, who.gender)
            last_source = st.source
    out = []
    spelled = dict(_spelled_out(doc))
    for idx, st in enumerate(stmts):
        speaker, role = resolved[idx].speaker, resolved[idx].role
        if (speaker and 2 <= len(speaker) <= 6 and speaker.isupper() and speaker.isalpha() and speaker not in spelled
                and rules.agency(speaker) is None):
            spelled[speaker] = _written_out(doc, speaker) or speaker  # "ЕП" of "Европейския парламент" named elsewhere
        speaker = spelled.get(speaker, speaker) if speaker else speaker
        cue = st.cue
        via = _via(st, doc, speaker)
        # no medium named in the clause itself: the nearest one its chain names ("Това заяви X,
        # който ..., пред bTV")
        source = st.source or (via[0] if via else None)
        out.append(QuoteFields(
            kind=st.kind,  # type: ignore[typeddict-item]
            text=text[st.start : st.end],
            start=st.start,
            end=st.end,
            speaker=speaker,
            speaker_mention=st.mention.text if st.mention else None,
            role=role,
            # a preposition's cue reads as its lemma ("По думите му" -> "по думите на"), a verb as written
            verb=(cue.lemma if cue.kind == "prep" and cue.lemma else cue.verb) if cue else None,
            verb_lemma=(cue.lemma or cue.verb.lower()) if cue else None,
            source=source if source != speaker else None,
            via=via,
        ))
    return out


ACRONYM_IN_BRACKETS = regex.compile(r"\((\p{Lu}{2,6})\)")


def _written_out(doc: Doc, acronym: str) -> str | None:
    """The name an acronym stands for where the article writes it out without the brackets
    ("проектодокумент на Европейския парламент" ... "текстът на ЕП"): words whose initials spell
    it, the first capitalised, the small words between them aside; None unless every such name is
    one name (its forms: "Европейския парламент", "Европейският парламент")."""
    rules, text, toks = doc.rules, doc.text, doc.tokens
    letters = acronym.lower()
    found: list[str] = []
    for i, w in enumerate(toks):
        if w.text[0] != acronym[0] or not w.is_word or w.text.isupper() or w.low in rules.not_names:
            continue  # (not "Днес президентът съобщи" for "ДПС")
        n, j, last = 1, i + 1, i
        while n < len(letters) and j < len(toks) and toks[j].is_word and j - i <= len(letters) + 2:
            low = toks[j].low
            if low not in rules.preps and low not in rules.conjunctions:
                if low[0] != letters[n] or low in rules.verbs:
                    break
                n, last = n + 1, j
            j += 1
        if n == len(letters):
            found.append(text[w.start : toks[last].end])
    listed = rules.acronyms.get(acronym)
    if listed is not None:
        want = _stems(listed, rules)
        return listed if any(_stems(name, rules) == want for name in found) else None  # (one form across articles)
    if len(acronym) < 3 or any(name.split()[0].lower().endswith(rules.object_endings) for name in found):
        return None  # two letters spell too many names; an object form is no name to list a speaker by
    return found[0] if len({_stems(name, rules) for name in found}) == 1 else None


def _stems(name: str, rules: RuleSet) -> tuple[str, ...]:
    """A name's words by their first four letters, small words aside: its forms compare equal."""
    return tuple(w[:4].lower() for w in name.split() if w.lower() not in rules.preps and w.lower() not in rules.conjunctions)


def _spelled_out(doc: Doc) -> dict[str, str]:
    """The name each acronym stands for where the article spells it out: "Световната здравна
    организация (СЗО)" makes "СЗО" that name (its letters the initials of the name's words, the
    small words between them aside). A medium keeps its acronym: it is its name ("АФП"). Read
    once per article."""
    if doc.spelled is None:
        doc.spelled = _read_spelled_out(doc)
    return doc.spelled


def _read_spelled_out(doc: Doc) -> dict[str, str]:
    out: dict[str, str] = {}
    rules, text = doc.rules, doc.text
    for m in ACRONYM_IN_BRACKETS.finditer(text):
        acronym = m.group(1)
        if acronym in out or rules.agency(acronym) is not None:
            continue
        words = text[max(0, m.start() - 150) : m.start()].split()
        letters = acronym.lower()
        n, first = len(letters), len(words)
        while first > 0 and n > 0:
            w = words[first - 1].strip(",\"'" + "".join(rules.marks)).lower()
            if w and w[0] == letters[n - 1]:
                n -= 1
            elif w not in rules.preps and w not in rules.conjunctions:
                break
            first -= 1
        if n == 0 and words[first][:1].isupper() and not words[first].lower().endswith(rules.object_endings):
            out[acronym] = " ".join(words[first:]).strip(",")
    return out


# (not frozen: see phrases.Mention)
@dataclass(slots=True)
class Who:
    speaker: str | None = None
    role: str | None = None
    person: Person | None = None
    at: int = -1  # where this speaker was last named
    gender: str | None = None


def _of(person: Person, role: str | None = None) -> Who:
    return Who(person.name, role or (person.roles[0].lemma if person.roles else None), person, gender=person.gender)


def _who(m: Mention, before: int, reg: Registry, last: Who, rules: RuleSet) -> Who:
    """The speaker a mention names. A pronoun or a bare role ("каза той", "добави министърът")
    is the most recent fitting person: the last speaker, or someone named since."""
    role = m.role.lemma if m.role else None
    if names_document(m, rules):
        issued = reg.issuer(before)  # "се казва в доклада": the body that issued it
        if _own_statement(m, before, issued[0] if issued else -1, last, reg, rules):
            return last  # "Компанията твърди, че ... | ..., се казва още в изявлението": its own
        if issued is not None and not names_document(issued[1], rules):
            return _who(issued[1], before, reg, last, rules)
    if (m.kind == "other" and len(words := m.text.split()) >= 2 and words[-1].lower() in rules.bodies
            and (at := next((n for n, w in enumerate(words[:-1]) if w.lower() in rules.possessives
                             or (n and w.lower() in rules.clitics and w.lower() in rules.pronouns)), None)) is not None
            and (owner := _owner(words[at], m.start, reg, last, rules))):
        # "неговият екип", "предизборния му щаб": the team, the staff of the man named
        return Who(f"{' '.join(words[:at] + words[at + 1:])} {min(rules.genitive)} {owner}")
    if m.kind in ("role", "group") and m.role is not None and m.role.relational:
        who = _who_plain(m, before, reg, last, rules)
        if who.person is None and (whose := _possessor(m, before, reg, last)):
            # "Неин говорител заяви": a spokesman of hers, not she (unless the article names him)
            held = m.text.split(maxsplit=1)[1] if m.text.split()[0].lower() in rules.possessives else m.text
            return Who(f"{held} {min(rules.genitive)} {whose}", role, gender="pl" if m.kind == "group" else m.role.gender)
        return who
    return _who_plain(m, before, reg, last, rules)


def _who_plain(m: Mention, before: int, reg: Registry, last: Who, rules: RuleSet) -> Who:
    """_who for any mention but a document's: a name, a medium, a body, a role, a pronoun."""
    role = m.role.lemma if m.role else None
    if m.kind == "pronoun" and " " in m.text.strip():  # "някои от тях": a share of whom the pronoun means
        share, pronoun = m.text.rsplit(" ", 1)
        whole = _who_plain(replace(m, start=m.end - len(pronoun), text=pronoun), before, reg, last, rules)
        return Who(f"{share} {whole.speaker}", gender="pl") if whole.speaker else whole
    if m.text.strip().lower() in rules.back_adverbs and reg.doc is not None:
        return Who(_body_before(reg.doc, m.start))  # "Оттам обявиха": the body just named, else no one
    if m.text.strip().lower() in rules.party_members and reg.doc is not None and (party := _party_before(reg.doc, m.start)):
        return Who(party)  # "Според консерваторите" after "Европейската народна партия": that party
    if m.kind in ("group", "other") and (members := _listed_after(m, reg)):
        return Who(members, gender="pl")  # "ръководителите на три ведомства: министърът X, Y и Z": they
    if m.kind == "name" and m.name and m.text != m.name and (base := kept_noun(m.text.split()[0], rules)) is not None:
        return Who(f"{base.capitalize()} {m.name}")  # "от университета Утрехт": the university, not the city
    if m.kind == "name" and m.name:
        lone = " " not in m.name.strip() and last.person is not None and m.name.lower() in last.person.words
        # "допълни още Смит" right after Иън Дънкан Смит spoke is he, not another Смит named first
        person = (last.person if lone else None) or reg.find(m.name) or reg.add(m.name, m.start, m.role, of=m.of)
        if m.role is not None and m.role not in person.roles:
            person.roles.append(m.role)
        return _of(person, role)
    if m.kind == "medium":
        return Who(m.name or m.text)
    if (m.kind == "other" and len(words := m.text.lower().split()) <= 2 and words[-1] in rules.bodies and _definite(m, rules)
            and words[0] not in rules.partitives):  # not "Повечето страни"
        named = reg.body_named(words[-1], before)  # "Компанията твърди": the company named before
        if named is None and reg.doc is not None and len(words) == 1:
            # "Европейската комисия (ЕК) одобри ..." opening a paragraph ... "Според Комисията": the
            # body its acronym's brackets name, when one name ends in the same noun
            ends = {name for name in _spelled_out(reg.doc).values() if same_stem(name.split()[-1].lower(), words[-1])}
            named = ends.pop() if len(ends) == 1 else None
        if named is not None:
            return Who(named)
    if m.kind == "other" and _definite(m, rules) and (named := _described_body(m, before, reg, rules)) is not None:
        return Who(named)  # "Европейският производител на самолети" after "Еърбъс" is Еърбъс
    if m.kind == "other" and (named := _body_name(m.text, rules)) is not None:
        return Who(named)  # "Авиопревозвачът „Еърбъс“" is Еърбъс, as "Компанията" later is
    if _same_unnamed(m, last, rules):
        return last  # "Това заяви говорител на Мей ... каза говорителят": the one just quoted
    if reg.doc is not None and _listed_holders(m, last, reg.doc):
        return last  # "... ръководителите на три ведомства: министърът X, Y и Z | Министрите пишат": they
    if (m.kind == "role" and m.role is not None and " " not in m.text.strip() and _definite(m, rules)
            and (intro := _introduced(m, m.role, reg)) is not None):
        return Who(intro, role)  # "... изрази говорител на външното министерство | Говорителят твърди"
    if m.kind == "role" and m.role is not None:
        seen = reg.role_seen(m.role, before, m.of, qualifier(m.text, rules, m.role.broad))
        if seen is not None and seen.at > before and _salient(last, m.role, before, reg):
            seen = None  # "Тони Блеър казва ... | Бившият британски премиер": he, not one named with it further on
        if seen is not None and not _nearer(last, seen, before, m.role):
            return _of(seen.person, role)
        if not _definite(m, rules) and (ahead := reg.named_next(m.end, qualifier(m.text, rules))) is not None:
            return _of(ahead, role)  # "високопоставен американски дипломат" named in the next sentence
        if _definite(m, rules) and m.of and last.person is not None and _just_quoted(m, before, last, reg):
            return _of(last.person, role)  # "Джо Байдън обвини ... | ..., подчерта кандидатът на демократите"
        if not _definite(m, rules) or m.of:
            return Who(m.text, role)  # "говорител на ЕК", "ръководителят на СЗО": someone not named before
    if m.kind in ("pronoun", "role") and m.gender != "pl":
        return _recent(before, m.gender, reg, last, m.role if m.kind == "role" else None,
                       qualifier(m.text, rules, m.role is not None and m.role.broad) if m.kind == "role" else ()) or Who(
            m.text if m.kind == "role" else None, role)
    if m.kind == "pronoun" and reg.doc is not None and (own := _clause_group(m, reg.doc)) is not None:
        return Who(own, gender="pl")  # "Лейбъристите подкрепят ..., което според тях ...": they
    if m.kind == "pronoun":
        group = reg.recent_group(before)
        if last.person is None and last.speaker and last.gender in (None, "pl") and (group is None or last.at > before - 400):
            return last
        return Who(group)  # "те" with no group before it: no one to name
    if m.kind in ("group", "other") and reg.doc is not None and (intro := _group_introduced(m, reg.doc)) is not None:
        return Who(intro, role, gender="pl")  # "Министрите" after "британски министри пристигнаха": those
    first = m.text.split()[0].lower()
    gender = rules.partitive_gender.get(first) or ("pl" if m.kind == "group" else None)
    return Who(m.text, role, gender=gender)  # "тя" never goes on with a group, but with "една от тях"


def _party_before(doc: Doc, at: int) -> str | None:
    """A party named by its capitalised name in this sentence or the one before ("Европейската
    народна партия"): the name as written, else None."""
    toks, rules = doc.tokens, doc.rules
    lo = doc.sents[max(0, doc.sent_of(at) - 1)].ti
    for k in range(doc.tok_index(at) - 1, lo, -1):
        if rules.body_kinds.get(toks[k].low) != "party":
            continue
        a = _adjectives_before(doc, k, lo, most=2)  # "Европейската народна | партия"
        if toks[a].is_upper and a < k:
            return doc.text[toks[a].start : toks[k].end]
    return None


def _adjectives_before(doc: Doc, k: int, lo: int, most: int = 8) -> int:
    """Where a body's name or description that ends in its noun at tokens[k] opens: back over the
    adjectives and capitalised words before it, to the first capitalised one at the latest."""
    toks, rules = doc.tokens, doc.rules
    a = k
    while (a - 1 >= lo and k - a < most and toks[a - 1].is_word and not toks[a].is_upper and toks[a - 1].low not in rules.preps
           and (toks[a - 1].is_upper or toks[a - 1].low.endswith(rules.adjective_endings))):
        a -= 1
    return a


def _listed_after(m: Mention, reg: Registry) -> str | None:
    """The people a group's phrase lists after a colon, to its sentence's end ("ръководителите на
    три британски ведомства: министърът ... Грег Кларк, финансовия министър Филип Хамънд и ...
    Дейвид Дейвис"): their names, two at least, else None."""
    doc = reg.doc
    if doc is None or doc.text[m.end : m.end + 2].strip()[:1] != ":":
        return None
    end = doc.sent_at(m.start).end
    names: list[str] = []
    for seen in reg.mentions:
        if m.end < seen.at < end and seen.person.name not in names and len(seen.person.words) > 1:
            names.append(seen.person.name)
    if len(names) < 2:
        return None
    return listing(names, doc.rules)


def _body_before(doc: Doc, at: int) -> str | None:
    """The body named last in the sentence before an offset, or the one before that ("...
    без да се консултира със здравното министерство. | Оттам ..."): its phrase as written."""
    toks, rules = doc.tokens, doc.rules
    here = doc.sent_at(at)
    lo = next((s.ti for s in doc.sents[max(0, doc.sent_of(at) - 2) :] if s.para >= here.para - 1 and not s.head), here.ti)
    for k in range(doc.tok_index(at) - 1, lo - 1, -1):  # (this paragraph and the one before, no headline)
        if toks[k].low not in rules.bodies:
            continue
        a = _adjectives_before(doc, k, lo)  # "здравното | министерство", "Външно | министерство"
        m = read_np(doc, a, doc.sent_at(toks[k].start).tj)
        return m.text if m is not None and m.kind in ("other", "name") else toks[k].text
    return None


def _possessor(m: Mention, before: int, reg: Registry, last: Who) -> str | None:
    """Whose a relational role is when a possessive stands right before it ("неин говорител",
    "Негови близки помощници"): the person the possessive means, by its gender."""
    doc = reg.doc
    if doc is None:
        return None
    k = doc.tok_index(m.start)
    while k > 0 and doc.tokens[k - 1].is_word and not doc.tokens[k - 1].is_upper and doc.tokens[k - 1].low.endswith(
            doc.rules.adjective_endings) and doc.tokens[k - 1].low not in doc.rules.possessives:
        k -= 1  # "негови | близки | помощници"
    if k == 0 or doc.tokens[k - 1].low not in doc.rules.possessives:
        return None
    return _owner(doc.tokens[k - 1].text, doc.tokens[k - 1].start, reg, last, doc.rules)


def _owner(word: str, at: int, reg: Registry, last: Who, rules: RuleSet) -> str | None:
    """Whom a possessive ("неговия", "неин") or a possessive clitic ("му", "ѝ") at an offset means,
    by its gender: a person named before, else None."""
    low = word.lower()
    gender = rules.possessives.get(low) or rules.pronouns.get(low)
    owner = _recent(at, gender, reg, last) if gender is not None else None
    return owner.speaker if owner is not None and owner.person is not None else None


def _own_statement(m: Mention, before: int, issued_at: int, last: Who, reg: Registry, rules: RuleSet) -> bool:
    """Whether a bare "изявлението" / "в писмото" is the last speaker's own: a statement's kind of
    document (definite: it points back), with no issuer named since that speaker spoke, nor that
    same document before, in the same or the previous paragraph."""
    words = m.text.lower().split()
    if not last.speaker or last.at < issued_at or len(words) > 2 or words[-1] not in rules.own_documents:
        return False
    doc = reg.doc
    if doc is None:
        return True
    if issued_at >= 0 and same_stem(doc.tokens[doc.tok_index(issued_at)].low, words[-1]):
        return False  # "в официално съобщение на управлението | ... | се уточнява в съобщението": that one
    return _paragraph(doc, before) - _paragraph(doc, last.at) <= 1


def _recent(before: int, gender: str | None, reg: Registry, last: Who, role: Role | None = None,
            qual: tuple[str, ...] = ()) -> Who | None:
    """The person a pronoun or a bare role means: someone named since the last speaker, else
    the last speaker. A bare role ("министърът") never means someone known to hold another."""
    # an office keeps its masculine form for a woman: "поясни политикът" after Могерини is she
    fits = (gender in (None, "any") or last.gender in (None, gender) or (role is not None and gender == "m")) and (
        role is None or (last.person is not None and (role.broad or (not last.person.roles and not role.relational)
                                                      or holds(last.person, role))))
    fits = fits and (last.person is None or compatible(last.person, qual))
    named = reg.recent(before, gender, role, qual)
    if (named is not None and last.speaker and fits and last.role is not None and last.at >= 0
            and reg.same_sentence(named[0], last.at) and not reg.subject_at(named[0])):
        return last  # "каза говорителят след среща на ... Иван Илиев. „…“, добави той": the speaker, not who he met
    if named is not None and (not last.speaker or not fits or named[0] > last.at):
        return _of(named[1])
    return last if last.speaker and fits else None


def _salient(last: Who, role: Role, before: int, reg: Registry) -> bool:
    """Whether the person just quoted, named in full with no office that rules the role out, in
    this paragraph or the one before, is who a role means rather than someone named later."""
    person = last.person
    if person is None or not person.named or last.at < 0 or (person.roles and not holds(person, role)):
        return False
    doc = reg.doc
    return doc is None or _paragraph(doc, before) - _paragraph(doc, last.at) <= 1


def _just_quoted(m: Mention, before: int, last: Who, reg: Registry) -> bool:
    """Whether a definite role with a complement in lower case ("кандидатът на демократите",
    "бившия съветник по националната сигурност") is the person quoted just before; one with a
    name in it ("говорителят на Кремъл") is someone new."""
    if m.role is None or not _salient(last, m.role, before, reg):
        return False
    if any(w[:1].isupper() or w[:1] in reg.rules.marks for w in m.text.split()[1:]):
        return False
    if m.role.relational and m.of and m.of.split()[0] in reg.rules.genitive:
        return False  # "говорителят на премиера" speaks for the one quoted, and is not him
    return not (m.gender == "f" and last.person is not None and last.person.gender == "m")


def _nearer(last: Who, seen: Seen, before: int, role: Role) -> bool:
    """Whether the last speaker, not the role's holder named long before, is who "министърът"
    means now: the holder was last named far back, the speaker since, with no other role."""
    return (before - seen.at > WINDOW // 2 and last.person is not None and last.at > seen.at
            and (not last.person.roles or holds(last.person, role)))


def _body_name(text: str, rules: RuleSet) -> str | None:
    """The name in marks of "компанията „Еърбъс“": a body's noun, then its name quoted whole."""
    opener = next((n for n, ch in enumerate(text) if ch in rules.openers), None)
    if opener is None or opener == 0 or text[-1] not in rules.closers:
        return None
    noun = text[:opener].split()
    name = text[opener + 1 : -1].strip()
    if not noun or noun[-1].lower() not in rules.bodies or not name or any(ch in rules.marks for ch in name):
        return None
    base = kept_noun(noun[-1], rules)
    if base is not None:  # "института „Паул Ерлих“" is the institute, not the man it is named after
        return f"{base.capitalize()} {text[opener]}{name}{text[-1]}"
    return name


def _new_item(doc: Doc, before: int, at: int) -> bool:
    """Whether a paragraph between two offsets opens a new item of a press review with a place
    and a full stop ("Лондон. Мей се готви ..."): what came before is another story's."""
    if before < 0:
        return False
    ps, _ = doc.para_bounds(at)
    if ps <= before:
        return False
    k = doc.tok_index(ps)
    toks = doc.tokens
    return (k + 1 < len(toks) and toks[k].is_upper and toks[k].low in doc.rules.places
            and toks[k + 1].text == "." and toks[k].start == ps)


def _paragraph(doc: Doc, offset: int) -> int:
    return bisect.bisect_right(doc.para_starts, offset)


def _listed_holders(m: Mention, last: Who, doc: Doc) -> bool:
    """Whether a bare definite plural of a role ("Министрите") means the people the last statement
    was credited to by name in a list ("X, Y и Z"), the role named where they were listed."""
    rules = doc.rules
    if m.kind != "group" or m.role is None or len(m.text.split()) > 2 or not _definite(m, rules):
        return False
    if last.person is not None or not last.speaker or f" {min(rules.joint)} " not in last.speaker:
        return False
    lemma, first = m.role.lemma, last.speaker.split(",")[0].split()[-1]  # "министър", "Кларк"
    return any(first in doc.text[s.start : s.end] and any(
        (role := rules.roles.get((t.low,))) is not None and role.lemma == lemma for t in doc.tokens[s.ti : s.tj])
        for s in doc.sents[: doc.sent_of(m.start)])  # (the sentence that listed them, a form of the role in it)


def _same_unnamed(m: Mention, last: Who, rules: RuleSet) -> bool:
    """Whether a bare definite noun ("говорителят", "източникът") means the unnamed speaker just
    quoted by a phrase with the same noun ("говорител на Мей", "европейски източник")."""
    words = m.text.split()
    if m.kind not in ("role", "group", "other") or len(words) != 1 or not _definite(m, rules):
        return False
    if not last.speaker or last.person is not None:
        return False
    said = last.speaker.lower().split()
    if len(said) < 2:
        return False  # a bare lemma is no phrase that named someone
    for w in said:
        if w in rules.preps or w in rules.documents or w in rules.bodies:
            return False  # "говорител на | Мей", not "писмото | депутатите"
        if same_stem(w, words[0].lower()):
            return True
    return False


def _introduced(m: Mention, role: Role, reg: Registry) -> str | None:
    """The phrase that brought in the unnamed holder of a role a bare "говорителят" means: "говорител
    на китайското външно министерство" a sentence or two before, with no name after it."""
    doc = reg.doc
    if doc is None:
        return None
    toks, rules = doc.tokens, doc.rules
    k = doc.tok_index(m.start)
    stop = max(0, doc.sent_of(m.start) - 2)
    lo = doc.sents[stop].ti
    for n in range(k - 1, lo - 1, -1):
        t = toks[n]
        if t.is_upper or definite(t, rules) or t.low not in rules.role_starts:
            continue
        found = role_at(toks, n, k, rules)
        if found is None or found[0].lemma != role.lemma:
            continue
        if n >= 2 and toks[n - 1].text in "," + DASHES and toks[n - 2].is_upper:
            return None  # "Иван Петров, експерт по енергетика": named, the registry knows him
        phrase = read_np(doc, n, doc.sent_at(t.start).tj)
        if phrase is not None and phrase.kind == "role" and phrase.of and phrase.role == found[0]:
            return phrase.text
        return None  # the nearest one was named, or no phrase of its own
    return None


def _clause_group(m: Mention, doc: Doc) -> str | None:
    """The people a plural pronoun inside a sentence's later clause means when the sentence opened
    with them as its subject ("Лейбъристите подкрепят митнически съюз, което според тях ...")."""
    toks, rules = doc.tokens, doc.rules
    s = doc.sent_at(m.start)
    k = doc.tok_index(m.start)
    if k <= s.ti + 2 or toks[k - 2].low not in rules.relatives or not any(t.text == "," for t in toks[s.ti : k]):
        return None  # only "..., което според тях": elsewhere the sentences before, or an object nearer, say who
    opening = opening_subject(doc, s.ti, k)
    if (opening is None or opening.kind not in ("group", "other") or doc.tok_index(opening.start) != s.ti
            or not opening.text.lower().endswith(rules.plural_endings) or shaped(doc, opening) is None):
        return None
    end = doc.tok_index(opening.end)
    return opening.text if end < k and toks[end].low not in rules.joint else None


def _group_introduced(m: Mention, doc: Doc) -> str | None:
    """The phrase that brought in the group a definite plural points back to: "Министрите" after
    "британски министри са на посещение", "главните прокурори" after "10 републикански щатски
    главни прокурори внесоха становище". The nearest earlier indefinite plural of the same noun
    whose adjectives include the mention's own ("федералните прокурори" are other prosecutors)."""
    toks, rules = doc.tokens, doc.rules
    words = m.text.lower().split()
    if not 1 <= len(words) <= 3 or not words[0].endswith(rules.definite_suffixes) or not words[-1].endswith(rules.plural_endings):
        return None
    head, modifiers = words[-1], words[:-1]
    # the words that open with the noun's first four letters (what same_stem asks first), found by
    # the regex engine rather than by asking every token of the article before the mention
    opening = re.compile(r"(?<!\w)" + re.escape(head[:4]), re.IGNORECASE)  # (the re module caches it)
    seen = [w.start() for w in opening.finditer(doc.text, 0, m.start)]
    for off in reversed(seen):
        k = doc.tok_index(off)
        t = toks[k]
        if (t.start != off or definite(t, rules) or not t.low.endswith(rules.plural_endings)
                or not same_stem(t.low, head) or doc.in_span(t.start)):
            continue
        s = doc.sent_at(t.start)
        a = k
        while a - 1 >= s.ti and k - a < 4 and toks[a - 1].is_word and (not toks[a - 1].is_upper or a - 1 == s.ti) and (
                toks[a - 1].low.endswith(rules.adjective_endings) and toks[a - 1].low not in rules.verbs
                and toks[a - 1].low not in rules.preps and not definite(toks[a - 1], rules)):
            a -= 1  # "британски | министри", "републикански щатски главни | прокурори"
        have = [w.low for w in toks[a:k]]
        if a == k or not all(any(same_stem(w, x) for x in have) for w in modifiers):
            continue  # a bare plural ("министри от ЕС") or other adjectives: not the group meant
        if a - 1 >= s.ti and toks[a - 1].low in rules.partitives and not definite(toks[a - 1], rules):
            a -= 1  # "Седем общински ...": how many of them (not "10": a name never opens with a number)
        e = k + 1
        if e + 1 < s.tj and toks[e].low in rules.preps and toks[e].low not in rules.adverbial_preps:
            e += 1  # its complement, to the verb: "официални представители на | четирите щата | не успели"
            while (e < s.tj and e - k < 6 and toks[e].is_word and toks[e].low not in rules.verbs and toks[e].low not in rules.preps
                   and toks[e].low not in rules.conjunctions and not toks[e].low.endswith(rules.plural_verb_endings + rules.finite_endings)):
                e += 1
            e = e if e - k > 2 else k + 1
        if e + 1 < s.tj and toks[e].text == "," and toks[e + 1].low.endswith(rules.active_participle_endings):
            # "Високопоставени британски депутати, | подкрепящи Брекзит,": which of them, to its comma
            c = next((n for n in range(e + 2, min(s.tj, e + 8)) if not toks[n].is_word), None)
            e = c if c is not None and toks[c].text == "," else e
        intro = doc.text[toks[a].start : toks[e - 1].end]
        return intro if len(intro.split()) > len(words) else None  # (no more said of them than the mention says)
    return None


def _described_body(m: Mention, before: int, reg: Registry, rules: RuleSet) -> str | None:
    """The company or party a description means: adjectives, a noun of a body's kind, perhaps a
    complement in lower case ("Европейският производител на самолети"), after one was named."""
    words = m.text.split()
    at = next((n for n in range(1, min(4, len(words))) if words[n].lower() in rules.body_kinds), None)
    if at is None or any(w[:1].isupper() for w in words[1:]) or (at + 1 < len(words) and words[at + 1].lower() not in rules.preps):
        return None
    return reg.body_named(words[at].lower(), before)


def _participle_gender(verb: str, rules: RuleSet) -> str | None:
    """"заявила" says its subject is a woman, "заявил" a man."""
    return next((g for ending, g in rules.participle_gender if verb.endswith(ending)), None)


def _definite(m: Mention, rules: RuleSet) -> bool:
    """"министърът" points back at someone; "говорител на ЕК" introduces someone new. A
    masculine role in its short definite form ("на експерта") points back too."""
    words = m.text.split()
    if (m.role is not None and len(words) == 1 and not m.role.lemma.endswith(tuple(rules.vowels))
            and words[0].lower() in {m.role.lemma + a for a in rules.short_articles}):
        return True
    if m.role is None and len(words) == 1 and words[0][-1:].lower() in rules.short_articles and words[0][:-1].lower() in rules.bodies:
        return True  # "от фонда": the fund named before
    return any(w.lower().endswith(rules.definite_suffixes) for w in words[:2])
