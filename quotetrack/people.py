"""People across the store: every form a speaker is named by, in every article, resolved to one
speaker; and a query ("путин", "ПУТИН", "Vladimir Putin", "Zelenskyy") resolved to the speakers
it names.

Within one article the extractor already names each speaker by the fullest form the article
uses (Путин -> Владимир Путин). Here the articles meet: names are compared as loose Latin keys
(rules/translit.toml), so script, case and common spelling variants agree, and names are never
lemmatised (a lemmatiser merges Борисова into Борисов). Resolution happens when the store is
read, not when it is written, so a new aliases file fixes every stored article at once.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from .errors import RulesError
from .rules import RuleSet

PERSON, NAME, MEDIUM, OTHER = "person", "name", "medium", "other"


@dataclass(frozen=True, slots=True)
class Name:
    """A speaker's name as written, with a loose Latin key per word."""

    text: str
    keys: tuple[str, ...]
    initials: tuple[bool, ...]  # "В." in "В. Путин"
    kind: str  # person (capitalised words) | medium | other

    @property
    def surname(self) -> str:
        return self.keys[-1] if self.keys else ""

    @property
    def given(self) -> tuple[tuple[str, bool], ...]:
        return tuple(zip(self.keys[:-1], self.initials[:-1]))

    @property
    def full(self) -> bool:
        """A first name and a surname, not only initials: "Владимир Путин", not "Путин" or "В. Путин"."""
        return any(not initial for _, initial in self.given)

    @property
    def key(self) -> str:
        return " ".join(self.keys)


class Names:
    """Turns written names into comparable keys; built once from the rules and the aliases."""

    def __init__(self, rules: RuleSet, aliases: dict[str, str] | None = None) -> None:
        t = rules.translit
        if t is None:
            raise ValueError("rules without translit")
        self.rules = rules
        self._table = str.maketrans({**t.cyrillic, **t.latin, **{k.upper(): v for k, v in t.cyrillic.items()}})
        self._endings = [(regex.compile(regex.escape(a) + r"\b"), b) for a, b in t.word_endings]
        self._rewrites = t.rewrites
        self._vowels = str.maketrans("", "", t.vowels)
        self._min_letters = t.min_letters
        self._aliases: dict[str, str] = {}  # key of a form -> canonical name
        for table in (rules.person_aliases, aliases or {}):
            mine: dict[str, str] = {}
            for form, canonical in table.items():
                key = self.key_of(form)
                if mine.get(key, canonical) != canonical:
                    raise RulesError("aliases", f"{form!r} is spelled like an alias of {mine[key]!r} and of {canonical!r}")
                mine[key] = canonical
            self._aliases.update(mine)  # the user's file overrides the shipped one
        self._cache: dict[str, Name] = {}

    def latin(self, word: str) -> str:
        """One word's loose Latin key: "Зеленский" and "Zelenskyy" both give "zelenski"; the
        parts of a hyphenated name stay together ("Иванова-Петрова" -> "ivanova-petrova")."""
        if "-" in word:
            return "-".join(k for k in (self._latin(p) for p in word.split("-")) if k)
        return self._latin(word)

    def _latin(self, word: str) -> str:
        w = word.lower()
        for pattern, repl in self._endings:
            w = pattern.sub(repl, w)
        w = unicodedata.normalize("NFKD", w.translate(self._table))
        w = "".join(c for c in w if "a" <= c <= "z" or c.isdigit())
        for pattern, repl in self._rewrites:
            w = pattern.sub(repl, w)
        return w

    def key_of(self, text: str) -> str:
        return " ".join(k for k in (self.latin(w) for w in _words(text)) if k)

    def skeleton(self, key: str) -> str:
        """A key without vowels, for names Bulgarian spells with other vowels (Тръмп, Trump)."""
        return key.translate(self._vowels)

    def distinctive(self, key: str) -> bool:
        """Long enough that its skeleton is unlikely to be another name's."""
        return len(key) >= self._min_letters

    def parse(self, text: str, *, query: bool = False) -> Name:
        """A written name, with the user's and the rules' aliases applied. A query is read as
        a person's name whatever its case ("путин")."""
        cached = self._cache.get(text) if not query else None
        if cached is not None:
            return cached
        canonical = self._aliases.get(self.key_of(text))
        written = canonical or text
        ws = [w for w in _words(written) if self.latin(w)]
        keys = tuple(self.latin(w) for w in ws)
        initials = tuple(_initial(w) for w in ws)
        agency = self.rules.agency(written)
        if agency is not None:
            name = Name(agency.name, (self.key_of(agency.name),), (False,), MEDIUM)
        else:
            name = Name(written.strip(), keys, initials, PERSON if ws and (query or self.name_like(written)) else OTHER)
        if not query:
            self._cache[text] = name
        return name

    def name_like(self, text: str) -> bool:
        """Written like a person's or a body's name: capitalised words, particles between them."""
        ws = text.split()
        if not 1 <= len(ws) <= 5:
            return False
        r = self.rules
        for i, w in enumerate(ws):
            low = w.lower().strip(".,")
            if low in r.particles and 0 < i < len(ws) - 1:
                continue
            if _initial(w) and w[:1].isupper():
                continue  # an initial: "В. Путин", "Вл. Путин"
            if not w[:1].isupper() or low in r.not_names or low in r.pronouns or (low,) in r.roles:
                return False
            if len(low) > 5 and low.endswith(r.definite_suffixes):
                return False  # "Ислямистите", "Министърът": a group or a role, not a name
        return True


def _words(text: str) -> list[str]:
    return [w.strip("-") for w in text.split() if w.strip("-")]


def _initial(word: str) -> bool:
    """"В", "В.", "Вл.", "Дж.": a first name cut short."""
    core = word.rstrip(".")
    return 0 < len(core) <= (1 if core == word else 3) and core.isalpha()


def _fits(a: Sequence[tuple[str, bool]], b: Sequence[tuple[str, bool]]) -> bool:
    """Every given name of `a` is one of `b`'s (an initial fits a name it starts)."""
    return all(any(ka == kb or (ia and kb.startswith(ka)) or (ib and ka.startswith(kb)) for kb, ib in b) for ka, ia in a)


def _compatible(a: Name, b: Name) -> bool:
    return a.surname == b.surname and (_fits(a.given, b.given) or _fits(b.given, a.given))


def _same_surname(q: str, n: str) -> bool:
    """A surname, or one part of a hyphenated one ("Петрова" of "Иванова-Петрова")."""
    return q == n or ("-" in n and "-" not in q and q in n.split("-"))


def _other_gender(a: str, b: str) -> bool:
    """"ivanov" and "ivanova": one surname's two genders, two people."""
    return a != b and "-" not in a + b and abs(len(a) - len(b)) <= 2 and (a.startswith(b) or b.startswith(a))


@dataclass
class Speaker:
    """One person (or medium, or body) and everything the store holds of what they said."""

    name: str
    kind: str
    names: list[Name] = field(default_factory=list)  # the written forms that resolved here
    forms: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    articles: set[str] = field(default_factory=set)
    agencies: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    count: int = 0

    def add(self, record: dict[str, Any], mention_is_name: bool) -> None:
        get = record.get
        self.count += 1
        self.forms[record["speaker"]] += 1
        mention, role, kind, agency, source, date = (get("speaker_mention"), get("role"), get("kind"), get("agency"),
                                                     get("source"), get("date"))
        if mention_is_name and mention:
            self.mentions[mention] += 1
        if role:
            self.roles[role] += 1
        if kind:
            self.kinds[kind] += 1
        if agency:
            self.agencies[agency] += 1
        if source:
            self.sources[source] += 1
        self.articles.add(get("article_id") or "")
        if date:
            if self.first_date is None or date < self.first_date:
                self.first_date = date
            if self.last_date is None or date > self.last_date:
                self.last_date = date

    @property
    def aliases(self) -> list[str]:
        """Every form the speaker was named by, the names first, then the phrases that named
        them ("руският президент Владимир Путин"); most used first, the canonical name left out."""
        forms = [f for f, _ in self.forms.most_common()]
        return [f for f in dict.fromkeys(forms + [m for m, _ in self.mentions.most_common()]) if f != self.name]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "count": self.count,
            "direct": self.kinds["direct"],
            "partial": self.kinds["partial"],
            "indirect": self.kinds["indirect"],
            "articles": len(self.articles),
            "roles": [r for r, _ in self.roles.most_common()],
            "aliases": self.aliases,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "agencies": [a for a, _ in self.agencies.most_common()],
            "sources": [s for s, _ in self.sources.most_common()],
        }


@dataclass(frozen=True, slots=True)
class Found:
    """The speakers a query names, and how they were found: exact (any case or script), variant
    (the same letters but for vowels), or fuzzy (a typo, with its similarity score)."""

    speakers: tuple[Speaker, ...]
    how: str = "exact"
    score: float | None = None


class People:
    """Every speaker in a set of statement records, one entry per person across articles."""

    def __init__(self, records: Sequence[dict[str, Any]], names: Names) -> None:
        self.names = names
        self.speakers: list[Speaker] = []
        self._of: list[Speaker | None] = [None] * len(records)
        self._by_key: dict[tuple[str, str], Speaker] = {}  # (kind, key) -> medium/other/bare name
        self._by_surname: dict[str, list[Speaker]] = {}
        self._by_part: dict[str, list[Speaker]] = {}  # a part of a hyphenated surname
        self._by_given: dict[tuple[str, str], list[Speaker]] = {}  # (surname, a given name)
        self._cands: dict[str, dict[int, Speaker]] = {}
        self._named: dict[str, bool] = {}  # does a mention hold a name ("руският президент Путин")
        self._build(records)

    def of(self, index: int) -> Speaker | None:
        """The speaker of records[index]."""
        return self._of[index]

    # -- building -------------------------------------------------------------------------

    def _build(self, records: Sequence[dict[str, Any]]) -> None:
        forms = Counter(r["speaker"] for r in records if isinstance(r.get("speaker"), str) and r["speaker"].strip())
        parsed = {form: self.names.parse(form) for form in forms}
        # full names first, fullest and most quoted first, so that each later form meets the
        # person it names already built
        person_of: dict[str, Speaker] = {}
        weight: Counter[int] = Counter()  # statements under a full name: who a bare surname most likely is
        for form in sorted((f for f, n in parsed.items() if n.kind == PERSON and n.full),
                           key=lambda f: (-sum(not i for i in parsed[f].initials), -forms[f], f)):
            person_of[form] = p = self._person_for(parsed[form])
            weight[id(p)] += forms[form]
        partial: list[int] = []
        for i, r in enumerate(records):
            form = r.get("speaker")
            name = parsed.get(form) if isinstance(form, str) else None
            if name is None:
                continue
            if form in person_of:
                self._assign(i, r, person_of[form])
            elif name.kind == PERSON:
                partial.append(i)
            else:
                self._assign(i, r, self._keyed(name))
        # a surname alone (or with initials): the person of that surname the same article
        # names, else the one whose role fits, else the one most quoted by full name; when
        # two are equally likely, neither: it stays a speaker of its own
        in_article: dict[str, list[Speaker]] = {}
        for i, r in enumerate(records):
            sp = self._of[i]
            if sp is not None and sp.kind == PERSON:
                people = in_article.setdefault(r.get("article_id") or "", [])
                if sp not in people:
                    people.append(sp)
        likely: dict[tuple[str, str | None], Speaker | None] = {}
        for i in partial:
            r = records[i]
            name = parsed[r["speaker"]]
            cands = self._candidates(name)
            here = [p for p in in_article.get(r.get("article_id") or "", ()) if id(p) in cands]
            if here:
                pick = self._most_likely(here, weight)
            else:
                role = r.get("role") if isinstance(r.get("role"), str) else None
                key = (r["speaker"], role)
                if key not in likely:
                    fitting = [p for p in cands.values() if role and role in p.roles]
                    likely[key] = self._most_likely(fitting or list(cands.values()), weight)
                pick = likely[key]
                if pick is None and not cands:
                    same = [p for p in in_article.get(r.get("article_id") or "", ()) if self._same_in_article(name, p.names[0])]
                    pick = self._most_likely(same, weight)
            self._assign(i, r, pick or self._keyed(name))

    def _candidates(self, name: Name) -> dict[int, Speaker]:
        """The people a surname alone (or with initials) may be, by id; computed once per form."""
        found = self._cands.get(name.text)
        if found is None:
            found = self._cands[name.text] = {
                id(p): p for p in self._by_surname.get(name.surname, []) + self._by_part.get(name.surname, [])
                if _fits(name.given, p.names[0].given)}
        return found

    @staticmethod
    def _most_likely(people: list[Speaker], weight: Counter[int]) -> Speaker | None:
        """The one quoted most by full name; None when two are equally likely."""
        if not people:
            return None
        best = max(weight[id(p)] for p in people)
        top = [p for p in people if weight[id(p)] == best]
        return top[0] if len(top) == 1 else None

    def _same_in_article(self, bare: Name, full: Name) -> bool:
        """A bare name that is not a surname the store knows, beside a full name in the same
        article: a family name written first ("Ким" of Ким Чен Ун), or the surname spelled
        another way (Линдърц, Лиендерц) but not the other gender's form (Иванова, Иванов)."""
        if bare.given:
            return False
        if bare.surname in full.keys:
            return True
        a, b = bare.surname, full.surname
        return (self.names.distinctive(a) and not a.startswith(b) and not b.startswith(a)
                and self.names.skeleton(a) == self.names.skeleton(b))

    def _person_for(self, name: Name) -> Speaker:
        # only people who share the surname and a spelled-out given name can be this one
        given = [k for k, initial in name.given if not initial]
        seen: set[int] = set()
        for k in given:
            for p in self._by_given.get((name.surname, k), ()):
                if id(p) not in seen and _compatible(name, p.names[0]):
                    if name not in p.names:
                        p.names.append(name)
                    return p
                seen.add(id(p))
        p = Speaker(name.text, PERSON, [name])
        self.speakers.append(p)
        for k in given:
            self._by_given.setdefault((name.surname, k), []).append(p)
        self._by_surname.setdefault(name.surname, []).append(p)
        for part in name.surname.split("-") if "-" in name.surname else ():
            self._by_part.setdefault(part, []).append(p)
        return p

    def _keyed(self, name: Name) -> Speaker:
        kind = NAME if name.kind == PERSON else name.kind
        key = (kind, name.key or name.text.lower())
        sp = self._by_key.get(key)
        if sp is None:
            sp = self._by_key[key] = Speaker(name.text, kind, [name])
            self.speakers.append(sp)
        elif name not in sp.names:
            sp.names.append(name)
        return sp

    def _assign(self, i: int, record: dict[str, Any], speaker: Speaker) -> None:
        self._of[i] = speaker
        mention = record.get("speaker_mention") or ""
        named = self._named.get(mention)
        if named is None:
            named = self._named[mention] = any(self.names.name_like(w) for w in mention.split())
        speaker.add(record, named)

    # -- querying -------------------------------------------------------------------------

    def ranked(self) -> list[Speaker]:
        """Most statements first; ties by name."""
        return sorted(self.speakers, key=lambda s: (-s.count, s.name))

    def find(self, query: str, *, cutoff: float = 80.0) -> Found:
        """The speakers a query names: any case, surname alone, full name, either script;
        failing that, the same letters but for vowels; failing that, the closest spelling."""
        typed = self._as_written(query)
        q = self.names.parse(typed, query=True)
        if not q.keys:
            return Found(())
        tiers = [("exact", lambda k: k)]
        if self.names.distinctive(q.surname):
            tiers.append(("variant", self.names.skeleton))
        for how, key in tiers:
            hits = [s for s in self.ranked() if any(_names(q, n, key) for n in s.names)]
            if hits:
                return Found(tuple(hits), how)
        declined = self._undeclined(typed)
        if declined is not None:
            return declined
        return self._closest(q, cutoff)

    def _as_written(self, query: str) -> str:
        """A query as articles write names: "на Путин" without its preposition, "Путин В." with
        the initial first, "Владимир Владимирович Путин" without the patronymic."""
        rules = self.names.rules
        ws = query.split()
        while len(ws) > 1 and ws[0].lower() in rules.preps:
            ws = ws[1:]
        k = len(ws)
        while k > 1 and _initial(ws[k - 1]):
            k -= 1
        if 0 < k < len(ws):
            ws = ws[k:] + ws[:k]
        if len(ws) > 2 and rules.patronymic_endings:
            ws = [ws[0], *(w for w in ws[1:-1] if not w.lower().endswith(rules.patronymic_endings)), ws[-1]]
        return " ".join(ws)

    def _undeclined(self, typed: str) -> Found | None:
        """The speakers a declined surname names ("Путина" -> Путин), when no one is named
        exactly like it: a surname's female form is another person, and matched first."""
        ws = typed.split()
        ending = next((e for e in self.names.rules.case_endings if ws and ws[-1].lower().endswith(e) and len(ws[-1]) > len(e) + 2), None)
        if ending is None:
            return None
        q = self.names.parse(" ".join([*ws[:-1], ws[-1][: -len(ending)]]), query=True)
        hits = [s for s in self.ranked() if any(n.kind == PERSON and _same_surname(q.surname, n.surname)
                                                 and _fits(q.given, n.given) for n in s.names)]
        return Found(tuple(hits), "variant") if hits else None

    def _closest(self, q: Name, cutoff: float) -> Found:
        """Every speaker whose name is spelled closest to the query (rapidfuzz), above the
        cutoff: a one-word query against surnames, a longer one against whole names."""
        from rapidfuzz import fuzz

        if sum(len(k) for k in q.keys) < 4:
            return Found(())  # too short to tell a typo from another name
        best: dict[int, tuple[float, Speaker]] = {}
        for sp in self.speakers:
            for n in sp.names:
                if _other_gender(q.surname, n.surname):
                    continue
                score = fuzz.ratio(q.surname, n.surname) if len(q.keys) == 1 else fuzz.ratio(q.key, n.key)
                if score >= cutoff and score > best.get(id(sp), (0.0, sp))[0]:
                    best[id(sp)] = (score, sp)
        if not best:
            return Found(())
        top = max(score for score, _ in best.values())
        hits = sorted((sp for score, sp in best.values() if score == top), key=lambda sp: (-sp.count, sp.name))
        return Found(tuple(hits), "fuzzy", round(top, 1))


def _names(q: Name, n: Name, key) -> bool:
    """Does query `q` name the speaker written `n`? The surname must agree; every given name
    the query has must be one of the speaker's."""
    if q.kind != PERSON or n.kind != PERSON:
        return " ".join(key(k) for k in q.keys) == " ".join(key(k) for k in n.keys)
    if not _same_surname(key(q.surname), key(n.surname)) or _other_gender(q.surname, n.surname):
        return False
    return _fits([(key(k), i) for k, i in q.given], [(key(k), i) for k, i in n.given])


def build(records: Sequence[dict[str, Any]], rules: RuleSet, aliases: dict[str, str] | None = None) -> People:
    return People(records, Names(rules, aliases))

