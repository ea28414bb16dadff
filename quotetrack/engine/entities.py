"""The people one article names, so that every mention of one (Путин, Владимир Путин,
руският президент, "каза той") resolves to one canonical speaker."""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

from rapidfuzz.distance import Levenshtein

from ..rules import Role, RuleSet
from .adverbials import skip_adverbials
from .clauses import document_speaker, is_anaphora, opening_subject
from .cues import Cue
from .doc import Doc, Sent
from .phrases import (
    Mention,
    adjectives_before,
    read_np,
    read_np_back,
    shaped,
    two_names,
)
from .text import DASHES, Token, quoted_at, same_stem
from .words import good_start, initial, is_name_token, lone_name, name_end

IS_UPPER = attrgetter("is_upper")


@dataclass
class Person:
    name: str  # the fullest form seen
    words: tuple[str, ...]
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None
    sure: bool = False  # the gender is stated (a role, "която", "заявила"), not guessed from the name
    first: int = 0  # offset of the first mention
    spoke: bool = False  # credited with a statement in this article
    place: bool = False  # the name ends in a place ("Брекзит Великобритания")
    of: dict[str, str] = field(default_factory=dict)  # role lemma -> its complement ("кандидат" -> "на републиканците")
    acts: bool = False  # named alone, but the subject of clauses: someone, though no role or full name says so
    quals: set[str] = field(default_factory=set)  # what its roles were named with: "брита" (британският), "~former"

    @property
    def named(self) -> bool:
        """Named in full by words none of which is a place ("Азия Биби", not "Брекзит Великобритания")."""
        return len(self.words) > 1 and not self.place

    def state_gender(self, gender: str | None) -> None:
        """What the text states about the person's gender outweighs a guess from the name."""
        if gender in ("m", "f") and not self.sure:
            self.gender, self.sure = gender, True


# (not frozen: see phrases.Mention)
@dataclass(slots=True)
class Seen:
    """One mention of a person: where, and its tokens (None when it was a statement's speaker,
    who is salient whatever the position), to tell whether it was its sentence's subject."""

    at: int
    person: Person
    span: tuple[int, int] | None = None


WINDOW = 2500  # characters: a pronoun looks this far back for the person it means


def _covers(small: tuple[str, ...], big: tuple[str, ...]) -> bool:
    """Every word of `small` is in `big`; an initial ("и.") stands for a word it starts."""
    return all(w in big or (w.endswith(".") and any(b.startswith(w[:-1]) and not b.endswith(".") for b in big))
               for w in small)


def _fuller(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """"Иван Радев" is fuller than "И. Радев" and "Радев"; "Иван Петров Радев" than "Иван Радев"."""
    spelled = lambda ws: sum(not w.endswith(".") for w in ws)  # noqa: E731
    return _covers(old, new) and (spelled(new), len(new)) > (spelled(old), len(old))


class Registry:
    """The people and bodies one article mentions, so that every mention resolves to one name."""

    def __init__(self, rules: RuleSet, doc: Doc | None = None) -> None:
        self.rules, self.doc = rules, doc
        self.people: list[Person] = []
        self.mentions: list[Seen] = []  # in text order
        self._ats: list[int] = []  # each mention's offset, for bisect
        self._by_word: dict[str, list[Person]] = {}  # the people whose name holds a word
        self.groups: list[tuple[int, str]] = []  # (offset, phrase): "анализатори", "Ислямистите"
        self._all_groups = False  # whether the groups named outside speakers' phrases are in
        # (offset, issuer) of each document named: "доклад на Световната банка"; a document with
        # no "на X" is its sentence's subject's, read only when a later mention asks (None once
        # that subject turned out to be no issuer)
        self.issuers: list[tuple[int, Mention | tuple[int, int] | None]] = []
        self.sent_starts = doc.sent_starts if doc is not None else [0]
        self._bodies: list[tuple[int, str, str]] | None = None  # (offset, noun, name): read when first asked

    def add(self, name: str, at: int, role: Role | None = None, *, span: tuple[int, int] | None = None,
            of: str | None = None, qual: tuple[str, ...] = ()) -> Person:
        canonical = self.rules.person_aliases.get(name.lower())
        if canonical:
            name = canonical
        parts = name.split()
        if parts and "-" in parts[-1] and parts[-1].split("-", 1)[1] in self.rules.role_starts:
            parts[-1] = parts[-1].split("-", 1)[0]  # "Петров-министър": a description glued on, not a double name
            name = " ".join(parts)
        if len(parts) == 2 and parts[0] == parts[1]:
            name = parts[0]  # "категоричен Макрон | Макрон още ...": a title run into the text, not a name
        ws = tuple(w.lower() for w in name.replace("-", " ").split())
        person = self._match(ws)
        if person is None:
            person = Person(name, ws, first=at, place=ws[-1] in self.rules.places)
            self.people.append(person)
            self._index(person)
        elif _fuller(ws, person.words):
            person.name, person.words = name, ws
            self._index(person)
        if role is not None and role not in person.roles:
            person.roles.append(role)
        if role is not None and of:
            person.of.setdefault(role.lemma, of)
        if role is not None and qual:
            person.quals.update(qual)
        if role is not None and role.gender == "m" and not person.sure and self._gender(person) == "f":
            person.gender = "f"  # an office keeps its masculine form for a woman: "премиерът Тереза Мей"
        elif role is not None and role.gender == "f":
            person.state_gender(role.gender)
        elif person.gender is None:
            # a masculine office is only a guess: "шефът на дипломацията на ЕС Федерика Могерини" is "тя"
            person.gender = self._gender(person) or (role.gender if role is not None and role.gender == "m" else None)
        self.note(person, at, span=span)
        return person

    def _gender(self, person: Person) -> str | None:
        """A guess from the name: its first name, else its surname's ending."""
        given = self.rules.given_names.get(person.words[0]) if len(person.words) > 1 else None
        if given in ("m", "f"):
            return given  # "Тереза Мей": the first name tells, whatever the surname ends in
        if person.words and person.words[-1].endswith(self.rules.female_endings):
            return "f"
        if person.words and person.words[-1].endswith(self.rules.male_endings):
            return "m"
        return None

    def _index(self, person: Person) -> None:
        for w in person.words:
            if not w.endswith("."):
                self._by_word.setdefault(w, []).append(person)

    def _match(self, ws: tuple[str, ...]) -> Person | None:
        # two names that cover each other share a spelled-out word: look only at those people
        full = [w for w in ws if not w.endswith(".")]
        pool = {id(p): p for w in full for p in self._by_word.get(w, ())}.values() if full else self.people
        if len(ws) == 1 and ws[0] in self.rules.places:  # "Ирландия" is not "Северна Ирландия"
            return next((p for p in pool if p.words == ws), None)
        gen = self.rules.generations
        found = [p for p in pool if (_covers(ws, p.words) or _covers(p.words, ws))
                 and gen.intersection(ws) == gen.intersection(p.words)]  # the son is not the father
        if not found and len(ws) == 1:
            return self._misspelt(ws[0])
        if not found:
            return None
        # one surname shared by two people ("Ким Чен Ун", "Ким Мьон Сик"): the one met first
        return min(found, key=lambda p: p.first)

    def _misspelt(self, word: str) -> Person | None:
        """The one person named in full whose surname a lone surname misspells by a letter
        ("Зпатеро" / "Запатеро", "Гросман" / "Гройсман"): long names only, the same opening and
        ending (so "Иванов" is never "Иванова", nor "Петров" "Петков")."""
        if len(word) < 7 or word in self.rules.places or word in self.rules.given_names:
            return None
        near = [p for p in self.people if len(p.words) > 1 and not p.place and len(p.words[-1]) >= 6
                and p.words[-1][0] == word[0] and p.words[-1][-1] == word[-1]
                and Levenshtein.distance(p.words[-1], word, score_cutoff=1) <= 1]
        return near[0] if len(near) == 1 else None

    def find(self, name: str) -> Person | None:
        """The person a name form refers to; a run of two names ("Тръмп Уолф") is its first."""
        ws = tuple(w.lower() for w in name.replace("-", " ").split())
        for n in range(len(ws), 0, -1):
            if n < len(ws) and all(w in self.rules.given_names for w in ws[:n]):
                break  # "Иван Петров" is not the "Иван Марков" named before: a first name alone names no one
            person = self._match(ws[:n])
            if person is not None and (n == len(ws) or len(person.words) > 1):
                return person
        return None

    def body_named(self, noun: str, before: int) -> str | None:
        """The body a bare definite noun means: the last one named after the same noun
        ("компанията „Еърбъс“" ... "Компанията твърди" is Еърбъс)."""
        if self._bodies is None:
            self._bodies = _named_bodies(self.doc) if self.doc is not None else []
        kin = self.rules.body_kinds.get(noun)
        for at, head, name in reversed(self._bodies):
            if at < before and (same_stem(head, noun) or (kin is not None and self.rules.body_kinds.get(head) == kin)):
                return name  # ... or one named after a noun of its kind ("превозвачът „Еърбъс“" ... "Компанията")
        if kin == self.rules.latin_named_kind and self.doc is not None:
            return _bare_company_before(self.doc, before)  # "Moderna съобщи ... Компанията твърди"
        return None

    def unnamed(self, text: str, at: int, role: Role) -> Person:
        """Someone the article names only by a role ("Съпругът на християнката"): a person a
        later pronoun may mean, though no name or role lookup ever finds them."""
        person = Person(text, (), [role], first=at)
        person.state_gender(role.gender)
        self.note(person, at)
        return person

    def note(self, person: Person, at: int, *, span: tuple[int, int] | None = None) -> None:
        n = bisect.bisect_right(self._ats, at)
        self._ats.insert(n, at)
        self.mentions.insert(n, Seen(at, person, span))

    def _governed(self, seen: Seen) -> bool:
        """Whether a mention is a preposition's object ("с Мишел Барние", "с колегата си Барние"),
        not a possessor's complement."""
        if seen.span is None or self.doc is None:
            return False
        toks, rules = self.doc.tokens, self.doc.rules
        a = seen.span[0]
        while a > 0 and toks[a - 1].is_upper and toks[a - 1].low not in rules.preps:
            a -= 1  # (a surname noted alone: its first name before it; "С Петър Колев" opens with the preposition)
        while a > 0 and (toks[a - 1].low in rules.clitics or toks[a - 1].low in rules.role_starts):
            a -= 1  # "с колегата си | Барние"
        # (not "на": "В речта на премиера X ... думите ѝ" are hers)
        return a > 0 and toks[a - 1].low in rules.preps and toks[a - 1].low not in rules.genitive

    def _subject(self, seen: Seen) -> bool:
        if seen.span is None or self.doc is None:
            return True
        a, b = seen.span
        return _subject(self.doc, self.doc.sent_at(self.doc.tokens[a].start), a, b)

    def by_role(self, role: Role, before: int, of: str | None = None) -> Person | None:
        """The person named with this role last before an offset, else first after it; a role of
        something else is someone else ("кандидатът на демократите" is not the Republicans')."""
        seen = self.role_seen(role, before, of)
        return seen.person if seen is not None else None

    def role_seen(self, role: Role, before: int, of: str | None = None, qual: tuple[str, ...] = ()) -> Seen | None:
        """by_role's answer with where that person was last mentioned before the offset."""
        lemmas = {role.lemma, *role.same_as}

        def named_with(seen: Seen) -> bool:  # named in full with this role (and this complement)
            p = seen.person
            if not p.words or not compatible(p, qual):
                return False
            if not _lemma_among(p, lemmas):
                # "ръководителят на СЗО" is "генералният директор на СЗО Тедрос ...": a head of the same body
                return role.head and of is not None and any(
                    r.head and r.lemma in p.of and _same_complement(of, p.of[r.lemma]) for r in p.roles)
            theirs = next((p.of[lemma] for lemma in lemmas if lemma in p.of), None)
            return of is None or theirs is None or _same_complement(of, theirs)

        n = bisect.bisect_right(self._ats, before)
        earlier = next((seen for seen in reversed(self.mentions[:n]) if named_with(seen)), None)
        if earlier is not None:
            return earlier
        return next((seen for seen in self.mentions[n:] if named_with(seen)), None)

    def named_next(self, end: int, qual: tuple[str, ...]) -> Person | None:
        """Whom an indefinite description means when the next sentence names its subject with the
        same nationality ("Това обяви високопоставен американски дипломат. | Американският
        заместник държавен секретар Сандра Оудкърк ... изтъкна"): news names the source after the lead."""
        nationality = {q for q in qual if not q.startswith("~")}
        if not nationality:
            return None
        sentence = self._sentence(end)
        for seen in self.mentions[bisect.bisect_right(self._ats, end):]:
            at = self._sentence(seen.at)
            if at > sentence + 1:
                break
            if at == sentence + 1 and seen.person.words and nationality <= seen.person.quals and self._subject(seen):
                return seen.person
        return None

    def same_sentence(self, a: int, b: int) -> bool:
        return self._sentence(a) == self._sentence(b)

    def subject_at(self, at: int) -> bool:
        """Whether the person mentioned at this offset is there its sentence's subject."""
        n = bisect.bisect_left(self._ats, at)
        return any(self._subject(seen) for seen in self.mentions[n:] if seen.at == at)

    def recent_group(self, before: int) -> str | None:
        if not self._all_groups and self.doc is not None:
            # the groups named outside a speaker's phrase are read only when a "те" asks
            self.groups, self._all_groups = _named_groups(self.doc, self.groups), True
        earlier = [g for at, g in self.groups if at < before]
        return earlier[-1] if earlier else None

    def recent(self, before: int, gender: str | None = None, role: Role | None = None,
               qual: tuple[str, ...] = ()) -> tuple[int, Person] | None:
        """The person a pronoun at `before` most likely means: in the nearest sentence that
        mentions someone who fits, its subject, else the last one mentioned. A gender only
        guessed from a name ("Никола" is mostly a man's name) yields when no one else fits."""
        # a feminine form is never a man's ("демократката" is no "Доналд"); an office keeps its
        # masculine form for a woman, so "премиерът" may yet be "Тереза"
        for strict in ((True,) if role is not None and role.gender == "f" else (True, False)):
            pick: Seen | None = None
            pick_subject = False
            for seen in reversed(self.mentions):
                if seen.at >= before:
                    continue
                if before - seen.at > WINDOW or (pick is not None and self._sentence(seen.at) != self._sentence(pick.at)):
                    break
                if role is not None and not role.broad and (seen.person.roles or role.relational) and not holds(seen.person, role):
                    continue  # "министърът" is not someone known to be something else
                if self._governed(seen) and self._sentence(seen.at) == self._sentence(before):
                    continue  # "Преди срещата си с X той заяви": X is whom he met, not he
                if not compatible(seen.person, qual):
                    continue  # "белгийският премиер" is not the British one
                if _fits(seen.person, gender, strict) and (pick is None or (not pick_subject and self._subject(seen))):
                    pick = seen
                    pick_subject = self._subject(seen)
            if pick is not None:
                return pick.at, pick.person
        return None

    def issuer(self, before: int) -> tuple[int, Mention] | None:
        """Who issued the document a bare "доклада" / "в документа" means: the issuer of the
        last document the article named with one ("нов доклад на Световната банка"), and where."""
        for n in range(len(self.issuers) - 1, -1, -1):
            at, found = self.issuers[n]
            if at > before:
                continue
            if isinstance(found, tuple) and self.doc is not None:  # deferred: "Еърбъс публикува изявление"
                subject = opening_subject(self.doc, *found)
                found = subject if subject is not None and subject.kind != "pronoun" else None
                self.issuers[n] = (at, found)
            if isinstance(found, Mention):
                return at, found  # (a document whose maker is unsaid leaves it to one named before)
        return None

    def _sentence(self, at: int) -> int:
        return bisect.bisect_right(self.sent_starts, at)


CURRENT = "~current"  # the term of an office held now: "premier" unqualified, "настоящият премиер"


def qualifier(text: str, rules: RuleSet, broad: bool = False) -> tuple[str, ...]:
    """What a role's phrase says of whose and when: the stem of its nationality word ("брита" of
    "британският премиер") and its term ("~former" of "бившият премиер"). A country's office with
    no term word is its holder now ("британският премиер" is not the one named "бившият британски
    премиер"); a description without a country, or one borne beside any office (`broad`), keeps
    any term ("дипломатът", "полският политик" may be a former premier)."""
    marks: list[str] = []
    for w in text.lower().split():
        if w in rules.preps:
            break  # "председателят на Европейския съвет": the complement's word is not whose
        if w in rules.terms:
            marks.append("~" + rules.terms[w])
        elif len(w) > 5 and w.endswith(rules.nationality_endings) and w[:5] not in rules.not_nationality:
            marks.append(w[:5])
    if marks and not broad and not any(m.startswith("~") for m in marks):
        marks.append(CURRENT)
    return tuple(marks)


def _role_qualifier(doc: Doc, k: int, m: Mention) -> tuple[str, ...]:
    """The nationality and term words of a named role, in its phrase or the word right before it
    (a phrase read from the role on: "на британския | премиер Тереза Мей")."""
    before = doc.tokens[k - 1].low if k > 0 and doc.tokens[k - 1].is_word else ""
    name_at = doc.text.find(m.name, m.start) if m.name else m.end
    return qualifier(f"{before} {doc.text[m.start : name_at]}" if before not in doc.rules.preps else doc.text[m.start : name_at],
                     doc.rules, m.role is not None and m.role.broad)


def compatible(person: Person, qual: tuple[str, ...]) -> bool:
    """Whether a role's nationality and term leave this person possible: each unknown on either
    side, or the same ("белгийският премиер" is not the British one, "настоящият президент" not
    the one elected to follow him)."""
    for q in qual:
        kind = q.startswith("~")
        theirs = {p for p in person.quals if p.startswith("~") == kind}
        if kind and not theirs and person.roles:
            theirs = {CURRENT}  # named with an office and no term: its holder now ("премиерът Тереза Мей")
        if theirs and q not in theirs:
            return False
    return True


def holds(person: Person, role: Role) -> bool:
    """Whether a person holds a role: the same lemma, one named the same (same_as), or the same
    head noun ("финансовият министър" is a "министър")."""
    head = role.lemma.split()[-1]
    return _lemma_among(person, {role.lemma, *role.same_as}) or any(r.lemma.split()[-1] == head for r in person.roles)


def _lemma_among(person: Person, lemmas: set[str]) -> bool:
    """Whether one of the person's roles is, or is named the same as, one of these lemmas."""
    return any(r.lemma in lemmas or lemmas & set(r.same_as) for r in person.roles)


def _same_complement(a: str, b: str) -> bool:
    """"на демократите" and "на Демократическата партия" agree; "на републиканците" does not:
    the complements' last words share their first five letters. An acronym agrees with the words
    it stands for: "на еп" and "на европейския парламент"."""
    wa, wb = a.split(), b.split()
    if wa[-1][:5] == wb[-1][:5]:
        return True
    short, long_ = (wa[-1], wb[1:]) if len(wa) == 2 and len(wa[-1]) <= 5 else (wb[-1], wa[1:]) if len(wb) == 2 and len(wb[-1]) <= 5 else ("", [])
    return len(long_) >= 2 and "".join(w[0] for w in long_ if len(w) > 2) == short


def _fits(person: Person, gender: str | None, strict: bool) -> bool:
    if not (person.roles or person.spoke or person.gender or person.named or person.acts):
        return False  # "Брекзит Великобритания": two capitalised words, no sign of a person
    if not person.roles and all(w.isupper() for w in person.name.split()):
        return False  # "СТО БВП": acronyms side by side, no one a pronoun means
    if gender in (None, "any", "pl") or person.gender in (None, "any", gender):
        return True
    return not strict and not person.sure


def registry_of(doc: Doc, media: Sequence[str] = ()) -> Registry:
    """Every person the article names in full (two words or more, or after a role), in order;
    a name the article credits as an outlet ("пише London Evening Standard") is none."""
    outlets = set(media)
    rules = doc.rules
    reg = Registry(rules, doc)
    toks = doc.tokens
    # a person is named by a capitalised word or after a role word; starting anywhere else
    # finds the same people at many times the cost
    starts, titles, agency_starts = rules.role_starts, rules.titles, rules.agency_starts
    # (the role and title words by the article's word index, the capitals by one pass: the tokens
    # are read once, not asked three questions each)
    # (the capitals by compress over a map of the flag: C loops, no Python code per token)
    heads = sorted(set(compress(range(len(toks)), map(IS_UPPER, toks))).union(
        *(doc.at[w] for w in starts.intersection(doc.at)), *(doc.at[w] for w in titles.intersection(doc.at))))
    # a phrase that names someone opens with a name, an initial, a role, a title or a definite
    # adjective ("Руският президент ..."); any other capitalised word ("В", "Той") reads nothing
    suffixes = rules.definite_suffixes
    opens = [k for k in heads if is_name_token(t := toks[k], rules) or t.low in starts or t.low in titles
             or t.low + "." in titles or (len(t.text) == 1 and initial(toks, k, len(toks), rules))
             or (t.low.endswith(suffixes) and _leads(toks, k, rules))]
    openers: list[tuple[int, int]] = []
    for s in doc.sents:
        after_prep = {c.j for c in s.cues if c.kind == "prep"}
        n = bisect.bisect_left(opens, s.ti)
        k = s.ti
        while n < len(opens) and opens[n] < s.tj:
            if opens[n] < k:  # inside the phrase read last
                n += 1
                continue
            k = opens[n]
            n += 1
            if k - 1 >= s.ti and (toks[k - 1].low in agency_starts or toks[k - 2].low in agency_starts):
                inside = next((found for j in (k - 2, k - 1) if j >= s.ti and toks[j].low in agency_starts
                               and (found := doc.media.agency_at(toks, j, s.tj)) and found[1] > k), None)
                if inside is not None:  # "Би Би Си": no person starts inside a medium's name
                    k = inside[1]
                    continue
            if lone_name(toks, k, s.tj, rules):  # most capitalised words: no need to read a phrase
                if k == s.ti:
                    openers.append((k, s.tj))  # a name alone opening its sentence: maybe its subject
                k += 1
                continue
            m = read_np(doc, k, s.tj)
            if m is not None and m.kind == "name" and k in after_prep:
                split = two_names(doc, k, doc.tok_index(m.end))
                if split is not None:  # "Според Южна Корея Ким ...": two names, not one
                    m = read_np(doc, k, split)
            if m is not None and m.kind == "name" and (_credited(doc, m.start) or m.name in outlets):
                k = doc.tok_index(m.end)  # "Превод и редакция: Юлиян Марков": who made the text, no one in it
            elif m is not None and m.kind == "name" and m.role is None and k > s.ti and (
                    toks[k - 1].low in rules.place_preps or (
                        toks[k - 1].low == rules.source_preposition and doc.tok_index(m.end) < s.tj
                        and toks[doc.tok_index(m.end)].low in rules.range_end)):
                k = doc.tok_index(m.end)  # "в Норт Шийлдс", "от Норт Шийлдс до Нюкасъл": places, no one a pronoun means
            elif m is not None and m.kind == "name" and m.name and (len(m.name.split()) >= 2 or m.role is not None):
                end = doc.tok_index(m.end)
                person = reg.add(_known_tail(m.name, doc.text), m.start, m.role, span=(k, end), of=m.of,
                                 qual=_role_qualifier(doc, k, m) if m.role else ())
                stated = [rules.title_roles.get(toks[w].low + "." if toks[w + 1].text == "." else toks[w].low)
                          for w in range(k, end - 1)] if rules.title_roles else []
                if k - 2 >= s.ti and toks[k - 1].text == "," and toks[k - 2].low in starts:  # "неговия син, | министър на финансите X": he is the son too
                    back = read_np_back(doc, s.ti, k - 1)
                    stated.append(back.role if back is not None and back.kind == "role" and not back.name else None)
                for role in (*m.also, *stated):  # "вицепремиерът и министър ...", "математикът проф. X"
                    if role is not None and role not in person.roles:
                        person.roles.append(role)
                if end + 1 < s.tj and toks[end].text == "," and toks[end + 1].low in rules.stated_gender:
                    person.state_gender(rules.stated_gender[toks[end + 1].low])  # "Стърджън, която ..."
                k = end
            elif m is not None and m.kind == "medium":
                k = doc.tok_index(m.end) - 1  # "Би Би Си": no person starts inside a medium's name
            elif m is not None and m.kind == "group" and good_start(toks[k], rules):
                reg.groups.append((m.start, m.text))
                end = doc.tok_index(m.end)
                # "Адвокатите на действащия президент Доналд Тръмп": someone named in the complement
                k = next((n for n in range(k + 1, end - 1) if toks[n].low in starts and is_name_token(toks[end - 1], rules)), end)
            elif m is not None and m.kind == "role" and m.role is not None and good_start(toks[k], rules):
                end = doc.tok_index(m.end)
                if (_subject(doc, s, k, end, inverted=False) and reg.by_role(m.role, m.start) is None
                        and not _apposed_to_name(doc, reg, s, k)):
                    qual = _role_qualifier(doc, k, m)
                    near = reg.recent(m.start, m.role.gender if m.role.gender in ("m", "f") else None, m.role, qual)
                    if (near is not None and near[1].named and not near[1].roles and not m.role.relational and not m.of
                            and near[1].words[0] in rules.given_names  # a person's name, not "Свят Уважавайки"
                            and doc.sent_of(near[0]) == doc.sent_of(m.start) - 1
                            and not doc.in_span(m.start)):  # (in a quote the speaker's words name someone else)
                        # "... признава Тони Блеър. Бившият британски премиер говори ...": he, described
                        near[1].roles.append(m.role)
                        near[1].quals.update(qual)
                        reg.note(near[1], m.start, span=(k, end))
                    else:
                        reg.unnamed(m.text, m.start, m.role)  # "Съпругът на ... призова. Той ..."
                k = end
            k += 1
    documents = rules.documents
    for k in sorted(k for w in documents.intersection(doc.at) for k in doc.at[w]):  # "доклад на Световната банка": its issuer
        t = toks[k]
        s = doc.sent_at(t.start)
        issuer = document_speaker(doc, k, s.tj) if k + 2 < len(toks) and (
            toks[k + 1].low in rules.preps or toks[k + 1].text == ",") else None
        if issuer is not None and issuer.kind != "pronoun":
            reg.issuers.append((t.start, issuer))
        elif issuer is None and k > s.ti + 1 and not toks[k].is_upper and (toks[k - 1].low not in rules.preps or _issued_with(doc, k)):
            # (not "..., се допълва в доклада": where the words are, not what the subject published)
            v = k - 1
            while v > s.ti and toks[v].is_word and not toks[v].is_upper and toks[v].low.endswith(rules.adjective_endings):
                v -= 1  # "публикува | официално | изявление": the verb is the word before the adjectives
            # "Еърбъс публикува изявление, в което ...", "Съветът на министрите прие директиви": its subject's
            reg.issuers.append((t.start, (s.ti, v if v > s.ti else k)))
    pronouns = rules.pronouns
    for s in doc.sents:
        first = toks[s.ti].low if s.ti < s.tj else ""
        if (first in pronouns or first in documents) and (owned := _owned_document(doc, s)) is not None:
            reg.issuers.append(owned)
    reg.issuers.sort(key=lambda e: e[0])
    # a surname alone mentions the person named in full elsewhere (the one met first)
    by_word: dict[str, Person] = {}
    for person in sorted(reg.people, key=lambda p: p.first):
        if len(person.words) > 1:
            for w in person.words:
                if w not in rules.given_names:  # "Иван" of "Иван Петров" is not "Иван Марков" named before
                    by_word.setdefault(w, person)
    for k in _lone_subjects(doc, openers, outlets, by_word):
        # "Мей акцентира ...", "Мей иска ...": a name the article writes only alone, yet twice a
        # clause's subject, is someone a later "тя" may mean
        person = reg.add(toks[k].text, toks[k].start, span=(k, k + 1))
        person.acts = True
        by_word.setdefault(toks[k].low, person)
    for k in heads:
        t = toks[k]
        if t.is_upper and t.low in by_word and t.low not in rules.not_names:
            reg.note(by_word[t.low], t.start, span=(k, k + 1))
    return reg


def _issued_with(doc: Doc, k: int) -> bool:
    """Whether the document at tokens[k] comes after a verb and "с" ("от фонда излязоха с |
    изявление", "излезе със | становище"): its subject issued it."""
    toks, rules = doc.tokens, doc.rules
    verb = toks[k - 2] if k >= 2 else None
    if any(t.low in rules.reflexive for t in toks[max(0, k - 4) : k - 1]):
        return False  # "медията се е сдобила с | документ": obtained it, did not issue it
    return (toks[k - 1].low in rules.manner_preps and verb is not None and verb.is_word and not verb.is_upper
            and verb.low not in rules.preps and verb.low not in rules.conjunctions and not verb.low.endswith(rules.adjective_endings))


def _named_groups(doc: Doc, groups: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`groups` with the people named by a plural noun in any sentence ("съда, който ползвали
    нейните колеги мюсюлмани. | По-късно те заявили"), or by a share of them opening one ("Много
    поддръжници на ... подкрепят"): whom a later "те" may mean. In offset order."""
    toks, rules = doc.tokens, doc.rules
    known = {at for at, _ in groups}
    past = 0
    for k in sorted(k for w in (rules.plural_people | rules.partitives).intersection(doc.at) for k in doc.at[w]):
        t = toks[k]
        sent = doc.sent_at(t.start)
        share = t.low in rules.partitives
        if t.start < past or (k == sent.ti) != share or (t.is_upper and not share):
            continue  # a share opening its sentence, a noun in lower case inside one
        if k > 1 and toks[k - 1].low == rules.source_preposition and (
                toks[k - 2].text == "%" or toks[k - 2].text.isdigit() or toks[k - 2].low in rules.partitives):
            continue  # "51,9% от британците": a share of them, which no later "те" means
        a = k if share else k - 1 if k > 0 and toks[k - 1].low in rules.possessives else adjectives_before(toks, sent.ti, k, rules)
        m = read_np(doc, a, sent.tj)  # "нейните колеги", "белите американци"
        if m is not None and m.kind in ("other", "group") and m.start not in known and shaped(doc, m) is not None:
            if share:  # "Много противници на ...": the share, not the group read inside it
                groups = [g for g in groups if not m.start < g[0] < m.end]
            groups.append((m.start, m.text))
            past = m.end
    return sorted(groups, key=lambda g: g[0])


def _apposed_to_name(doc: Doc, reg: Registry, s: Sent, k: int) -> bool:
    """Whether the role at tokens[k] is set off after a name ("Манфред Вебер, председател на
    групата заяви", "Кийт Нийл, заслужил професор по ..."): he, no one else for a pronoun to mean later."""
    k = adjectives_before(doc.tokens, s.ti, k, doc.rules)
    if k - 2 < s.ti or doc.tokens[k - 1].text != ",":
        return False
    named = read_np_back(doc, s.ti, k - 1)
    return named is not None and named.kind == "name" and reg.find(named.name or "") is not None


def _owned_document(doc: Doc, s: Sent) -> tuple[int, Mention] | None:
    """"Той е на комисията по вътрешни дела", "Докладът е изготвен от X": who made the document
    the paragraph spoke of, named after it; the issuer of its mentions from the paragraph's start."""
    toks, rules = doc.tokens, doc.rules
    k = s.ti
    if k + 3 >= s.tj or not (toks[k].low in rules.pronouns or toks[k].low in rules.documents) or toks[k + 1].low not in rules.copulas:
        return None
    j = k + 2
    by = next((p for p in rules.authored_by if doc.phrase_at(j, p, s.tj)), None)
    if by is not None:
        j += len(by)
    elif toks[j].low in rules.genitive:
        j += 1
    else:
        return None
    ps, _ = doc.para_bounds(toks[k].start)
    if not any(t.low in rules.documents for t in toks[doc.tok_index(ps) : k]):
        return None  # no document before it in the paragraph: "Той е на 45 години"
    issuer = read_np(doc, j, s.tj)
    if issuer is None or issuer.kind not in ("other", "name", "group") or shaped(doc, issuer) is None:
        return None
    return ps, issuer


def _lone_subjects(doc: Doc, openers: list[tuple[int, int]], outlets: set[str], known: dict[str, Person]) -> list[int]:
    """Where a one-word name first opens a sentence, for each such name that opens two or more
    sentences (followed by a lower-case word) and is no place, medium or known person's word.
    `openers`: the sentences' opening lone names, (index, sentence end)."""
    toks, rules = doc.tokens, doc.rules
    seen: dict[str, list[int]] = {}
    for k, end in openers:
        nxt = toks[k + 1] if k + 1 < end else None
        t = toks[k]  # not an acronym ("ЕС иска"): a body's
        if (nxt is not None and nxt.is_word and not nxt.is_upper and nxt.low not in rules.conjunctions
                and nxt.low not in rules.preps and nxt.low not in rules.role_starts and nxt.low not in rules.person_nouns
                and not nxt.low.endswith(rules.person_endings)  # "Британски рибари": an adjective, no one
                and not t.text.isupper() and t.low not in rules.places
                and t.low not in known and t.text not in outlets and doc.media.medium_at(toks, k, end) is None):
            seen.setdefault(t.low, []).append(k)
    return [ks[0] for ks in seen.values() if len(ks) >= 2]


def _leads(toks: list[Token], k: int, rules: RuleSet) -> bool:
    """Whether the definite word at toks[k] can open a phrase naming someone: a role, a title or
    a name follows within two words ("Канадският премиер", "Двамата правителствени
    представители"); a noun such as "Убийството на ..." names no one, and is not read."""
    if k + 1 < len(toks) and toks[k + 1].low in rules.preps and toks[k].low.endswith(rules.person_endings):
        return True  # "Поддръжникът на излизането ... Найджъл Фараж"
    for n in (k + 1, k + 2):
        if n < len(toks) and ((t := toks[n]).low in rules.role_starts or t.low in rules.titles
                              or t.low + "." in rules.titles or is_name_token(t, rules)):
            return True
    return False


def _credited(doc: Doc, at: int) -> bool:
    """Whether a name at `at` follows a credit line's marker ("Автор:", "Превод и редакция:"),
    wherever the scrape left it: a byline, not a person the article speaks of."""
    if doc.text.find(":", max(0, at - 3), at) < 0:
        return False  # no colon right before the name: asked of every name, so answered at once
    before = doc.text[max(0, at - 24) : at].rstrip()
    return before.endswith(":") and any(before.endswith(m.rstrip()) for m in doc.rules.credit_line_markers)


def _bare_company_before(doc: Doc, before: int) -> str | None:
    """The last name in Latin letters, no medium, standing as a sentence's subject within a few
    sentences before an offset: a company the article names bare ("Moderna обяви, че ...", or
    in quote marks: "„Еърбъс“ предупреди, че ...")."""
    toks, rules = doc.tokens, doc.rules
    n = doc.tok_index(before)
    for k in range(n - 1, max(-1, n - 200), -1):
        t = toks[k]
        if t.text in rules.openers and k == doc.sents[doc.sent_of(t.start)].ti and (
                close := quoted_at(toks, k, n, rules.openers, rules.closers)) is not None and (
                toks[k + 1].is_upper and close + 1 < n and toks[close + 1].low in rules.verbs):
            return doc.text[toks[k + 1].start : toks[close - 1].end]  # the quoted name opening its sentence, a verb after it
        if not (t.is_word and t.is_upper and t.text[0].isascii() and t.text.isalpha()):
            continue
        if k > 0 and toks[k - 1].is_upper and toks[k - 1].text[0].isascii():
            continue  # inside a longer Latin name read from its start
        end = k + 1
        while end < len(toks) and toks[end].is_upper and toks[end].text[0].isascii():
            end += 1
        if k > 0 and toks[k - 1].low in doc.rules.genitive and doc.sent_of(t.start) >= doc.sent_of(before) - 1:
            return doc.text[t.start : toks[end - 1].end]  # "Забраната на Facebook ... | Компанията твърди"
        if doc.media.agency_at(toks, k, len(toks)):
            continue  # a medium
        opens = doc.sents[doc.sent_of(t.start)].ti == k  # "Moderna увеличава ...": the sentence's subject
        if end < len(toks) and (toks[end].low in doc.rules.verbs or (opens and toks[end].is_word and not toks[end].is_upper)):
            return doc.text[t.start : toks[end - 1].end]
    return None


def kept_noun(word: str, rules: RuleSet) -> str | None:
    """The base form of a body's noun that stays with its name ("института" -> "институт"),
    None for any other word (the forms add up to three letters to the base)."""
    low = word.lower()
    return next((w for w in rules.named_after_bodies if low.startswith(w) and len(low) - len(w) <= 3), None) if low in rules.bodies else None


def _named_bodies(doc: Doc) -> list[tuple[int, str, str]]:
    """Every body the article names right after its noun: "компанията „Еърбъс“", "банката ING"."""
    toks, rules = doc.tokens, doc.rules
    out = []
    for k, t in enumerate(toks[:-1]):
        if t.low not in rules.bodies:
            continue
        if k + 2 < len(toks) and toks[k + 1].text in DASHES and toks[k + 2].text in rules.openers:
            k += 1  # "политическа партия - „Обновление“": the name in apposition
        close = quoted_at(toks, k + 1, len(toks), rules.openers, rules.closers)
        if close is not None:
            name = doc.text[toks[k + 2].start : toks[close - 1].end]
            base = kept_noun(t.low, rules)  # "Съвета „Общи въпроси“": the council, its noun kept
            out.append((t.start, t.low, f"{base.capitalize()} {toks[k + 1].text}{name}{toks[close].text}" if base else name))
        elif (is_name_token(toks[k + 1], rules) and toks[k + 1].low not in rules.places
              and toks[k + 1].low not in rules.given_names):  # "на организацията Тедрос ...": a person follows
            end = name_end(toks, k + 1, len(toks), rules)
            # (in marks with its capitalised noun, the noun is the name's: "“Фонда Масих”")
            lead = t if t.is_upper and k > 0 and toks[k - 1].text in rules.openers else toks[k + 1]
            out.append((t.start, t.low, doc.text[lead.start : toks[end - 1].end]))
        elif (toks[k + 1].low in rules.preps and (m := read_np(doc, k, doc.sents[doc.sent_of(t.start)].tj)) is not None
              and m.kind == "other"
              and m.start == t.start and (end := doc.tok_index(m.end)) > k + 2 and (
                  toks[k + 1].low in rules.field_preps or any(w.is_upper and w.low not in rules.places for w in toks[k + 2 : end])
                  or (t.is_upper and k > 0 and toks[k - 1].text not in ".!?\n"))):
            # "Комисията по вътрешни дела на Камарата на общините": the noun opens its name, so
            # that "комисията" later is that body (not "фирмите в световен план": no name at all)
            out.append((t.start, t.low, m.text))
        else:
            # "Световната здравна организация": the noun ends a name that opens capitalised, so that
            # "организацията" later is that body
            first = next((n for n in range(k - 1, max(-1, k - 4), -1) if toks[n].is_upper and toks[n].is_word
                          and n > 0 and toks[n - 1].text not in ".!?\n"), None)
            if first is not None and all(w.is_word and not w.is_upper and w.low not in rules.preps for w in toks[first + 1 : k]) and (
                    toks[first].low.endswith(rules.adjective_endings) and toks[first].low not in rules.not_names and not t.is_upper):
                out.append((t.start, t.low, doc.text[toks[first].start : t.end]))
    return out


def _subject(doc: Doc, s: Sent, a: int, b: int, inverted: bool = True) -> bool:
    """Whether the phrase tokens[a:b] is its sentence's subject: it opens the sentence (after an
    adverbial at most) or stands right before a reporting verb, or (`inverted`) right after one.
    A role named only after its verb ("..., заяви британският премиер") is left to resolve, not
    made someone of its own."""
    toks = doc.tokens
    if a > s.ti and toks[a - 1].low in doc.rules.preps:
        return False  # "Пред студентите той ...": the object of a preposition
    lo = s.ti
    if toks[lo].low in doc.rules.place_preps and lo + 1 < a and is_name_token(toks[lo + 1], doc.rules):
        lo = name_end(toks, lo + 1, a, doc.rules)  # "В Аризона | бившият астронавт Марк Кели победи"
        lo += lo < a and toks[lo].text == ","
    if a - lo <= 1 or (a - s.ti <= 8 and skip_adverbials(doc, s.ti, a) >= a - 1):
        return True
    if (a - 2 > s.ti and toks[a - 2].text == "," and toks[a - 1].low in doc.rules.coordinators
            and b < s.tj and toks[b].is_word and not toks[b].is_upper and toks[b].low not in doc.rules.preps):
        return True  # "A е на крачка от победата, но | Тръмп се готви ...": the second clause's subject
    if a - lo <= 3 and all(t.is_word and not t.is_upper and t.low not in doc.rules.preps and t.low not in doc.rules.verbs
                           for t in toks[lo:a]):
        return True  # "бившият астронавт | Марк Кели победи": the name after the description opening its clause
    # ... or right after one, inverted ("За това предупреди вицепремиерът X, който ..."), a verb
    # that cites someone aside ("цитира X": its object)
    return any(c.i == b or (c.i == b + 1 and doc.media.medium_at(toks, c.j, s.tj) is None)  # not ", предаде БТА"
               or (inverted and c.kind == "verb" and a - 2 <= c.j <= a and _inverted(doc, s, c)
                   and all(t.is_word and not t.is_upper for t in toks[c.j : a]))  # "ирландският | вицепремиер X"
               for c in s.cues if c.kind != "prep")


def _inverted(doc: Doc, s: Sent, c: Cue) -> bool:
    """Whether a reporting verb has its subject after it: it follows the words it reports ("...,
    заяви X") or a word pointing back at them ("За това предупреди X"), not a subject of its own
    ("Байдън обвини Тръмп": the object)."""
    toks = doc.tokens
    if c.lemma in doc.rules.citing_verbs or c.i <= s.ti:
        return c.i == s.ti
    return toks[c.i - 1].text in "," + DASHES or toks[c.i - 1].text in doc.rules.closers or (
        c.i - s.ti <= 3 and is_anaphora(doc, s.ti))


def _known_tail(name: str, text: str) -> str:
    """A run of three names written once, whose last two the article writes again, is a word
    run into a name ("… „Еразъм“ Ашли Фокс оцени"): the person is the last two."""
    ws = name.split()
    if len(ws) >= 3 and text.count(name) == 1:
        tail = " ".join(ws[-2:])
        if text.count(tail) > 1:
            return tail
    return name
