"""Read the TOML rule files, validate them, and compile them once into a frozen RuleSet.

The engine never spells a Bulgarian word: every list it uses comes from here.
"""
from __future__ import annotations

import functools
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .errors import RulesError

RULE_FILES = (
    "quotes.toml", "verbs.toml", "cues.toml", "roles.toml", "agencies.toml", "pronouns.toml",
    "boilerplate.toml", "abbreviations.toml", "names.toml", "aliases.toml", "translit.toml",
    "vague.toml", "speakers.toml", "places.toml", "given_names.toml",
)
FRAMES = ("speech", "stance", "label")
GENDERS = ("m", "f", "any", "pl")


def shipped_rules_dir() -> Path:
    """The rules that ship with the package (in the wheel) or sit beside it (in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if (candidate / "verbs.toml").is_file():
            return candidate
    raise RulesError(str(here / "rules"), "the shipped rule files are missing; reinstall quotetrack")


def words(phrase: str) -> tuple[str, ...]:
    """A phrase as the lower-case word tuple the matcher compares against."""
    return tuple(phrase.lower().replace(",", " ,").split())


@dataclass(frozen=True, slots=True)
class Role:
    lemma: str
    gender: str
    same_as: tuple[str, ...] = ()
    group: bool = False
    relational: bool = False  # held for or beside someone else: "говорителят", "съпругът"
    head: bool = False  # heads a body: any head of the same body is who "шефът на X" means
    broad: bool = False  # borne beside any office: "политикът" may be the premier named before
    for_medium: bool = False  # reports for the medium in its complement: "репортер на „Фокус“"


@dataclass(frozen=True, slots=True)
class Agency:
    name: str
    country: str
    kind: str
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str
    frame: str


@dataclass(frozen=True, slots=True)
class Translit:
    """How names become loose Latin keys (see rules/translit.toml)."""

    cyrillic: dict[str, str]
    word_endings: tuple[tuple[str, str], ...]
    latin: dict[str, str]
    rewrites: tuple[tuple[Any, str], ...]  # (compiled pattern, replacement)
    vowels: str = "aeiou"
    min_letters: int = 4


@dataclass(frozen=True)
class RuleSet:
    """Everything the extractor knows about the language, ready to use."""

    directory: str
    pairs: frozenset[tuple[str, str]]
    openers: frozenset[str]
    closers: frozenset[str]
    verbs: dict[str, Verb]
    stance_adjectives: frozenset[str]
    copulas: frozenset[str]
    prepositions: tuple[tuple[tuple[str, ...], str], ...]
    anaphora: tuple[tuple[str, ...], ...]
    outlet_phrases: tuple[tuple[str, ...], ...]
    credit_phrases: tuple[tuple[str, ...], ...]
    passive_credit: tuple[tuple[str, ...], ...]
    roles: dict[tuple[str, ...], Role]
    titles: frozenset[str]
    agencies: dict[tuple[str, ...], Agency]
    pronouns: dict[str, str]
    possessives: dict[str, str]  # "неин" -> f: "неин говорител" is hers
    end_markers: tuple[str, ...]
    inline_end_markers: tuple[str, ...]
    caption_markers: tuple[str, ...]
    credit_line_markers: tuple[str, ...]
    footer_credit_phrases: tuple[str, ...]
    relay_marks: tuple[str, ...]
    editor_notes: tuple[str, ...]  # "(бел.ред.: ...)": the editor's words, no one's statement
    section_labels: frozenset[str]  # "27.01.2018 Свят Брекзит ще ...": a site's section after the date
    abbreviations: frozenset[str]
    may_end: frozenset[str]
    non_statement: frozenset[str]
    non_statement_phrases: tuple[str, ...]  # its entries of more than one token ("т.нар.", "така наречения")
    particles: frozenset[str]
    not_names: frozenset[str]
    events: frozenset[str] = frozenset()  # "Брекзит": capitalised, never a speaker nor part of a name
    patronymic_endings: tuple[str, ...] = ()  # "Владимирович": typed in a query, never in the articles' names
    case_endings: tuple[str, ...] = ()  # "Путина": a surname declined in a query
    title_roles: dict[str, Role] = field(default_factory=dict)  # "проф.": the title states the office
    months: tuple[str, ...] = ()
    year_suffixes: tuple[str, ...] = ()
    adverbs: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    reflexive: frozenset[str] = frozenset()
    reflexive_dative: frozenset[str] = frozenset()  # "да си припомни": the particle still governs the verb
    personal_reflexive: frozenset[str] = frozenset()  # lemmas whose "се" form has a person for subject
    label_terms: frozenset[str] = frozenset()  # "„твърд“ Брекзит": words quoted as a label, no one's words
    light_verbs: frozenset[str] = frozenset()  # lemmas whose noun joins the verb: "изрази увереност, че"
    light_only: frozenset[str] = frozenset()  # ... and report only so, or with "се": "обърна внимание, че"
    media_nouns: frozenset[str] = frozenset()
    named_media_nouns: frozenset[str] = frozenset()  # a medium only with a name after them
    place_nouns: frozenset[str] = frozenset()  # "в град Савана": the name after one is a place
    body_kinds: dict[str, str] = field(default_factory=dict)  # body noun -> its kind ("компанията" -> company)
    latin_named_kind: str | None = None  # the kind of body named bare in Latin letters ("Moderna")
    named_after_bodies: tuple[str, ...] = ()  # bodies whose quoted name keeps its noun ("Институт „Паул Ерлих“")
    back_adverbs: frozenset[str] = frozenset()  # "Оттам обявиха": the body named just before
    legal_forms: frozenset[str] = frozenset()  # "AG", "ООД": a name with one is a company's
    party_members: frozenset[str] = frozenset()  # "консерваторите": the party named just before, if any
    occasions: frozenset[str] = frozenset()  # "на предизборна проява": when, not whose
    media_stems: frozenset[str] = frozenset()  # media nouns without an abbreviation's dot
    media_refers: dict[str, frozenset[str]] = field(default_factory=dict)  # "изданието": the kinds it points back at
    acronyms: dict[str, str] = field(default_factory=dict)  # "ЕС" -> "Европейският съюз": the body a common acronym means
    media_reach: int = 0
    female_endings: tuple[str, ...] = ()
    generations: frozenset[str] = frozenset()  # "-младши": another person than the same name without it
    # gender the text states: a relative pronoun after a name, a participle credited to it
    stated_gender: dict[str, str] = field(default_factory=dict)  # relative pronoun -> m | f
    participle_gender: tuple[tuple[str, str], ...] = ()  # (ending, m | f), longest first
    male_endings: tuple[str, ...] = ()
    preps: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    manner_preps: frozenset[str] = frozenset()  # "със съжаление каза X": a manner, not who
    field_preps: frozenset[str] = frozenset()  # "Комисията по вътрешни дела": a body's field names it
    source_preposition: str = ""
    audience_preposition: str = ""  # "пред": a quoted name after it is the outlet spoken to
    clitics: frozenset[str] = frozenset()  # "му", "я": an object before the verb, never its subject
    that: frozenset[str] = frozenset()
    conjunctions: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()  # ", и добави, че": a second statement begins
    first_person: frozenset[str] = frozenset()  # "нас", "моят": a quote in them is a person's words
    outlet_verbs: frozenset[str] = frozenset()  # "пише", "предаде": what a medium closing a sentence does
    joint: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()  # a clause opening with one is no main clause
    object_relatives: frozenset[str] = frozenset()  # "когото": the speaker is the clause's subject before it
    finite_endings: tuple[str, ...] = ()
    citing: tuple[tuple[str, ...], ...] = ()  # "цитирайки": the one cited follows
    citing_verbs: frozenset[str] = frozenset()  # "цитира X, че": X said it
    words_of: frozenset[str] = frozenset()  # "цитира думи на X"
    plural_verb_endings: tuple[str, ...] = ()
    plural_copulas: frozenset[str] = frozenset()
    place_preps: frozenset[str] = frozenset()
    range_end: frozenset[str] = frozenset()
    neuter_endings: tuple[str, ...] = ()
    agreement: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (article ending, noun endings; () = a consonant)
    vowels: str = ""
    auxiliaries: frozenset[str] = frozenset()
    subjunctive: frozenset[str] = frozenset()
    subjunctive_reports_after: frozenset[str] = frozenset()
    active_participle_endings: tuple[str, ...] = ()  # "депутати, подкрепящи Брекзит,": which of them
    interrogatives: frozenset[str] = frozenset()  # "на въпроса кой, според тях, е спечелил": a question, no one's claim
    interrogative_not_after: frozenset[str] = frozenset()  # "Ето защо според X": "therefore", no question
    participle_endings: tuple[str, ...] = ()
    not_that_before: frozenset[str] = frozenset()
    causal_this: frozenset[tuple[str, ...]] = frozenset()  # "във връзка с това, че": a reason, no report
    examples: frozenset[str] = frozenset()  # ", като A и B": examples of the group before, not the subject
    shared_subject: frozenset[str] = frozenset()  # "Като припомня, че ..., X заключава": X's clause
    not_that_between: frozenset[str] = frozenset()  # "дали", "да": a "че" after them reports no earlier verb
    indefinite_groups: frozenset[str] = frozenset()  # "Някои допускат": a speaker alone
    adjective_endings: tuple[str, ...] = ()  # "Национална", "Върховен": a body name's first word
    nationality_endings: tuple[str, ...] = ()  # "британският премиер": whose
    not_nationality: frozenset[str] = frozenset()  # "европейският": no country's
    latin_connectors: frozenset[str] = frozenset()  # "of", "and": inside a Latin body's name
    terms: dict[str, str] = field(default_factory=dict)  # "бившият" -> "former": when an office was held
    genitive: frozenset[str] = frozenset()  # "на": a place after it is whose, not where
    label_nouns: frozenset[str] = frozenset()  # "гласа „против“": quoted words after one are a label
    label_verbs: frozenset[str] = frozenset()  # "Публикувайки „оценка на риска“": a title, when in lower case
    others_claims: frozenset[str] = frozenset()  # "критиките, че": the "че" is their content, unless "си" follows
    own: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = frozenset()
    adjacent_anaphora: frozenset[str] = frozenset()  # "Затова": an anaphora only right before its verb
    kind_anaphora: frozenset[str] = frozenset()  # "Такъв съвет даде X": the sentence before is X's
    kind_nouns: frozenset[str] = frozenset()  # ... "съвет": of something said
    definite_suffixes: tuple[str, ...] = ()
    short_articles: tuple[str, ...] = ()  # "-а", "-я" of "експерта": a masculine role's short article
    object_endings: tuple[str, ...] = ()  # "Европейския": an adjective's object form
    documents: frozenset[str] = frozenset()
    issued_data: frozenset[str] = frozenset()  # "данни на НСИ": whose only with "на" and the issuer after it
    authored_by: tuple[tuple[str, ...], ...] = ()  # "проведено от": who made the document follows
    additive: frozenset[str] = frozenset()  # "също", "още": "Посочва се също, че" goes on from the statement before
    own_documents: frozenset[str] = frozenset()  # "изявлението": the kind a speaker issues of their own
    gerund_endings: tuple[str, ...] = ()
    marks: frozenset[str] = frozenset()  # every quote mark, opener or closer
    role_starts: frozenset[str] = frozenset()  # first words of role and group forms
    # unions the matcher asks about on every token, made once
    adverbs_copulas: frozenset[str] = frozenset()
    phrase_breaks: frozenset[str] = frozenset()  # "че", conjunctions: a speaker's phrase ends there
    phrase_starts: frozenset[str] = frozenset()  # first words of outlet, credit and preposition phrases
    person_aliases: dict[str, str] = field(default_factory=dict)  # lower alias -> canonical name
    translit: Translit | None = None
    look_alike: dict[str, str] = field(default_factory=dict)  # Latin "p" -> Cyrillic "р" inside a Cyrillic word
    places: frozenset[str] = frozenset()  # lower case: countries, regions, cities (rules/places.toml)
    given_names: dict[str, str] = field(default_factory=dict)  # lower case -> m | f | any
    # what a speaker's phrase may be (rules/speakers.toml)
    bodies: frozenset[str] = frozenset()  # nouns heading a body's phrase: "правителството"
    person_nouns: frozenset[str] = frozenset()  # people by what they are: "мъжът", "кандидатът"
    person_endings: tuple[str, ...] = ()  # agent suffixes: "коментаторът", "наблюдатели"
    plural_endings: tuple[str, ...] = ()  # "прокурорите": a role's plural form names a group
    partitive_gender: dict[str, str] = field(default_factory=dict)  # "една" (от пътничките): one woman
    partitives: frozenset[str] = frozenset()  # "един от", "някои от": the head follows "от"
    fractions: frozenset[str] = frozenset()  # "една четвърт от": the share between partitive and "от"
    time_nouns: frozenset[str] = frozenset()
    manner_adverbs: frozenset[str] = frozenset()  # adverbs that stand around a verb, beyond cues' list
    adverb_endings: tuple[str, ...] = ()
    not_speakers: frozenset[str] = frozenset()
    adverbial_starts: frozenset[str] = frozenset()  # a word an adverbial may open with (a time's modifier aside)
    adverbial_preps: frozenset[str] = frozenset()  # "след", "преди": open an occasion, never a role's complement
    adverbials_by_pair: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # by first two words
    name_words: dict[str, bool] = field(default_factory=dict)  # is_name_token's answers, filled as asked
    vague_phrases: tuple[str, ...] = ()  # lower case, for the audit
    vague_nouns: frozenset[str] = frozenset()
    polarity: frozenset[str] = frozenset()
    max_role_len: int = 1
    max_agency_len: int = 1
    agency_starts: frozenset[str] = frozenset()  # first words of every agency alias
    cue_words: frozenset[str] = frozenset()  # a word that can open a cue: a verb form, a phrase start, a stance adjective
    preps_by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)  # longest first
    prep_lemmas: dict[tuple[str, ...], str] = field(default_factory=dict)  # "по думите" (му) -> "по думите на"
    # phrase lists by their first word, in list order: a token looks up only the phrases it can open
    by_first: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(default_factory=dict)
    # patterns compiled from the lists above, so that a scan over every character runs in C
    mark_re: Any = None  # any quote mark
    sentence_re: Any = None  # where a sentence may end: a stop, or a space before a capitalised opener

    @functools.cached_property
    def indexed_words(self) -> frozenset[str]:
        """The words an article's index of positions holds (doc.Doc.at): those a list asks
        every article for (cue openers, times, media nouns, roles, titles, documents, people)."""
        return (self.cue_words | self.time_nouns | self.media_nouns | self.role_starts | self.titles | self.documents
                | self.plural_people | self.partitives)

    @functools.cached_property
    def plural_people(self) -> frozenset[str]:
        """People named by a plural noun ("колеги", "работниците"): whom a later "те" may mean."""
        return frozenset(w for w in self.person_nouns if w.endswith(self.plural_endings))

    @functools.cached_property
    def foreign_by_tail(self) -> dict[str, tuple[str, ...]]:
        """Each foreign medium's forms (lower case, name and aliases) by their last word: which
        ones a Bulgarian outlet's name may be the short form of ("телеграф": "дейли телеграф")."""
        out: dict[str, list[str]] = {}
        for key, agency in self.agencies.items():
            if agency.country != "BG" and len(key) > 1:
                out.setdefault(key[-1], []).append(" ".join(key))
        return {tail: tuple(forms) for tail, forms in out.items()}

    def agency(self, form: str) -> Agency | None:
        """The agency or medium a written form names ("AFP", "Франс прес" -> АФП), or None."""
        return self.agencies.get(_agency_key(form, self.marks))



def _read(directory: Path, shipped: Path, name: str) -> tuple[str, dict[str, Any]]:
    path = directory / name
    if not path.is_file():
        path = shipped / name
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise RulesError(str(path), "rule file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(str(path), f"not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise RulesError(str(path), "not UTF-8 text") from None
    except OSError as exc:
        raise RulesError(str(path), f"cannot read: {exc.strerror}") from None
    if not isinstance(data.get("meta"), dict) or not isinstance(data["meta"].get("source"), str):
        raise RulesError(str(path), "[meta] source is missing: say where the lists came from")
    return str(path), data


def _strings(path: str, where: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RulesError(path, f"{where}: expected a list of non-empty strings")
    return value


def _table(path: str, where: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RulesError(path, f"{where}: expected a table")
    return value


def _gendered_forms(path: str, data: dict[str, Any], kind: str) -> dict[str, str]:
    """Each form of the [[kind]] entries of pronouns.toml -> its entry's gender."""
    forms: dict[str, str] = {}
    for entry in _entries(path, data, kind):
        if entry.get("gender") not in GENDERS:
            raise RulesError(path, f"{kind} {entry!r:.60}: gender must be one of {', '.join(GENDERS)}")
        for form in _strings(path, f"{kind} forms", entry.get("forms")):
            forms[form.lower()] = entry["gender"]
    return forms


def _entries(path: str, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise RulesError(path, f"[[{key}]]: expected an array of tables")
    return entries


def _unique(path: str, seen: dict[Any, str], key: Any, owner: str) -> None:
    if key in seen:
        shown = " ".join(key) if isinstance(key, tuple) else key
        raise RulesError(path, f"{owner}: {shown!r} is already listed under {seen[key]!r}")
    seen[key] = owner


def _compile_quotes(path: str, data: dict[str, Any]) -> frozenset[tuple[str, str]]:
    pairs = set()
    for i, entry in enumerate(_entries(path, data, "pair"), 1):
        o, c = entry.get("open"), entry.get("close")
        if not (isinstance(o, str) and isinstance(c, str) and len(o) == 1 and len(c) == 1):
            raise RulesError(path, f"pair {i}: needs one-character 'open' and 'close'")
        if (o, c) in pairs:
            raise RulesError(path, f"pair {i}: {o}…{c} is listed twice")
        pairs.add((o, c))
    if not pairs:
        raise RulesError(path, "no [[pair]] entries")
    return frozenset(pairs)


def _compile_verbs(path: str, data: dict[str, Any]) -> dict[str, Verb]:
    verbs: dict[str, Verb] = {}
    seen: dict[Any, str] = {}
    for entry in _entries(path, data, "verb"):
        lemma, frame = entry.get("lemma"), entry.get("frame")
        if not isinstance(lemma, str) or not lemma:
            raise RulesError(path, f"verb entry {entry!r:.60}: missing 'lemma'")
        if frame not in FRAMES:
            raise RulesError(path, f"verb {lemma!r}: frame must be one of {', '.join(FRAMES)}")
        for form in _strings(path, f"verb {lemma!r} forms", entry.get("forms")):
            _unique(path, seen, form.lower(), lemma)
            verbs[form.lower()] = Verb(lemma, frame)
    return verbs


def _compile_roles(path: str, data: dict[str, Any]) -> tuple[dict[tuple[str, ...], Role], frozenset[str], dict[str, Role]]:
    roles: dict[tuple[str, ...], Role] = {}
    seen: dict[Any, str] = {}
    lemmas = set()
    for key, group in (("role", False), ("group", True)):
        for entry in _entries(path, data, key):
            lemma = entry.get("lemma")
            if not isinstance(lemma, str) or not lemma:
                raise RulesError(path, f"{key} entry {entry!r:.60}: missing 'lemma'")
            gender = entry.get("gender", "pl" if group else "any")
            if gender not in GENDERS:
                raise RulesError(path, f"{key} {lemma!r}: gender must be one of {', '.join(GENDERS)}")
            same_as = tuple(_strings(path, f"{key} {lemma!r} same_as", entry.get("same_as", [])) or ())
            role = Role(lemma, gender, same_as, group, bool(entry.get("relational", False)),
                        bool(entry.get("head", False)), bool(entry.get("broad", False)), bool(entry.get("for_medium", False)))
            lemmas.add(lemma)
            for form in _strings(path, f"{key} {lemma!r} forms", entry.get("forms")):
                _unique(path, seen, words(form), lemma)
                roles[words(form)] = role
    for role in roles.values():
        for other in role.same_as:
            if other not in lemmas:
                raise RulesError(path, f"role {role.lemma!r}: same_as names unknown role {other!r}")
    titles: set[str] = set()
    title_roles: dict[str, Role] = {}
    by_lemma = {role.lemma: role for role in roles.values()}
    for entry in _entries(path, data, "title"):
        stated = entry.get("role")
        if stated is not None and stated not in by_lemma:
            raise RulesError(path, f"title {entry.get('forms')!r:.60}: role names unknown role {stated!r}")
        for form in _strings(path, "title forms", entry.get("forms")):
            _unique(path, seen, words(form), "title")
            titles.add(form.lower())
            if stated is not None:
                title_roles[form.lower()] = by_lemma[stated]
    return roles, frozenset(titles), title_roles


def _compile_agencies(path: str, data: dict[str, Any], marks: frozenset[str]) -> dict[tuple[str, ...], Agency]:
    agencies: dict[tuple[str, ...], Agency] = {}
    seen: dict[Any, str] = {}
    for entry in _entries(path, data, "agency"):
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise RulesError(path, f"agency entry {entry!r:.60}: missing 'name'")
        country, kind = entry.get("country"), entry.get("kind")
        if not isinstance(country, str) or not isinstance(kind, str):
            raise RulesError(path, f"agency {name!r}: needs 'country' and 'kind'")
        agency = Agency(name, country.upper(), kind, bool(entry.get("ambiguous", False)))
        for form in [name, *_strings(path, f"agency {name!r} aliases", entry.get("aliases", []) or [name])]:
            key = _agency_key(form, marks)
            if key in agencies and agencies[key].name == name:
                continue
            _unique(path, seen, key, name)
            agencies[key] = agency
    return agencies


def _agency_key(form: str, marks: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Agencies are matched on their words, whatever quote marks surround parts of them."""
    for mark in marks | {"'"}:
        form = form.replace(mark, " ")
    return words(form)


def _compile_aliases(path: str, data: dict[str, Any]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for entry in _entries(path, data, "person"):
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RulesError(path, f"person entry {entry!r:.60}: missing 'name'")
        for alias in [name, *_strings(path, f"person {name!r} aliases", entry.get("aliases", []) or [name])]:
            if aliases.get(alias.lower(), name) != name:
                raise RulesError(path, f"person {name!r}: alias {alias!r} is already listed under {aliases[alias.lower()]!r}")
            aliases[alias.lower()] = name
    return aliases


def load_aliases(path: str | os.PathLike[str]) -> dict[str, str]:
    """A user's aliases file (the format of rules/aliases.toml): lower-case form -> person."""
    p = Path(path)
    if not p.is_file():
        raise RulesError(str(p), "aliases file not found")
    return _compile_aliases(*_read(p.parent, p.parent, p.name))


def _compile_translit(path: str, data: dict[str, Any]) -> Translit:
    def letters(table: Any, where: str) -> dict[str, str]:
        if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()
                                                  if not isinstance(v, dict)):
            raise RulesError(path, f"[{where}]: expected letter = \"latin\" pairs")
        return {k.lower(): v.lower() for k, v in table.items() if isinstance(v, str)}

    cyr = data.get("cyrillic", {})
    rewrites = []
    for pair in data.get("variants", {}).get("rewrite", []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
            raise RulesError(path, f"variants.rewrite {pair!r:.60}: expected [pattern, replacement]")
        try:
            rewrites.append((regex.compile(pair[0]), pair[1]))
        except regex.error as exc:
            raise RulesError(path, f"variants.rewrite {pair[0]!r}: {exc}") from None
    skeleton = data.get("skeleton", {})
    return Translit(
        cyrillic=letters(cyr, "cyrillic"),
        word_endings=tuple(letters(cyr.get("word_endings", {}), "cyrillic.word_endings").items()),
        latin=letters(data.get("latin", {}), "latin"),
        rewrites=tuple(rewrites),
        vowels=str(skeleton.get("vowels", "aeiou")),
        min_letters=int(skeleton.get("min_letters", 4)),
    )


def load_rules(directory: str | os.PathLike[str] | None = None) -> RuleSet:
    """Load and compile the rules in `directory` (files it lacks come from the shipped rules)."""
    return _load(str(Path(directory).resolve()) if directory else None)


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            out.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(ps) for first, ps in out.items()}


@functools.lru_cache(maxsize=8)
def _load(directory: str | None) -> RuleSet:
    try:
        return _compile(directory)
    except (AttributeError, TypeError, KeyError, ValueError) as exc:
        raise RulesError(directory or str(shipped_rules_dir()), f"a rule file has an unexpected structure ({exc})") from None


def _compile(directory: str | None) -> RuleSet:
    shipped = shipped_rules_dir()
    base = Path(directory) if directory else shipped
    if not base.is_dir():
        raise RulesError(str(base), "rules directory not found")
    files = {name: _read(base, shipped, name) for name in RULE_FILES}

    qpath, qdata = files["quotes.toml"]
    pairs = _compile_quotes(qpath, qdata)
    label_terms = frozenset(w.lower() for w in _strings(qpath, "labels.terms", qdata.get("labels", {}).get("terms", [])))
    vpath, vdata = files["verbs.toml"]
    verbs = _compile_verbs(vpath, vdata)
    personal_reflexive = frozenset(_strings(vpath, "reflexive.personal", vdata.get("reflexive", {}).get("personal", [])))
    rpath, rdata = files["roles.toml"]
    roles, titles, title_roles = _compile_roles(rpath, rdata)
    apath, adata = files["agencies.toml"]
    agencies = _compile_agencies(apath, adata, frozenset(m for pair in pairs for m in pair))

    cpath, cues = files["cues.toml"]
    stance = cues.get("stance_adjectives", {})
    preps = []
    prep_lemmas: dict[tuple[str, ...], str] = {}
    for entry in _entries(cpath, cues, "preposition"):
        if entry.get("credits") not in ("speaker", "source") or not isinstance(entry.get("phrase"), str):
            raise RulesError(cpath, f"preposition {entry!r:.60}: needs 'phrase' and credits = speaker|source")
        preps.append((words(entry["phrase"]), entry["credits"]))
        if isinstance(entry.get("lemma"), str):
            prep_lemmas[words(entry["phrase"])] = entry["lemma"]
    preps.sort(key=lambda p: -len(p[0]))  # longest phrase first: "по думите на" before "по думите"
    outlet = cues.get("outlet_phrases", {})
    grammar = cues.get("grammar", {})

    ppath, pdata = files["pronouns.toml"]
    pronouns = _gendered_forms(ppath, pdata, "pronoun")
    possessives = _gendered_forms(ppath, pdata, "possessive")

    bpath, bfile = files["boilerplate.toml"]
    bp = {**bfile.get("markers", {}), "dates": bfile.get("dates", {})}
    abpath, ab = files["abbreviations.toml"]
    abbreviations = {w.lower() for w in _strings(abpath, "abbreviations.words", ab.get("abbreviations", {}).get("words"))}
    may_end = {w.lower() for w in _strings(abpath, "sentence.may_end", ab.get("sentence", {}).get("may_end", []))}
    if not may_end <= abbreviations:
        raise RulesError(abpath, f"sentence.may_end: {sorted(may_end - abbreviations)} not in abbreviations.words")
    npath, nd = files["names.toml"]
    person_aliases = _compile_aliases(*files["aliases.toml"])
    translit = _compile_translit(*files["translit.toml"])
    tpath, tdata = files["translit.toml"]
    look_alike = tdata.get("look_alike", {})
    if not isinstance(look_alike, dict) or not all(isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1
                                                   for k, v in look_alike.items()):
        raise RulesError(tpath, "[look_alike]: expected latin = \"cyrillic\" pairs of single letters")
    vpath, vd = files["vague.toml"]
    spath, sd = files["speakers.toml"]
    plpath, pld = files["places.toml"]
    gpath, gd = files["given_names.toml"]
    given_names = {w.lower(): gender for key, gender in (("male", "m"), ("female", "f"), ("either", "any"))
                   for w in _strings(gpath, f"given_names.{key}", gd.get("given_names", {}).get(key))}
    place_nouns = frozenset(w.lower() for w in _strings(plpath, "places.nouns", pld.get("places", {}).get("nouns", [])))
    places = frozenset(w.lower() for key in ("countries", "regions", "cities")
                       for w in _strings(plpath, f"places.{key}", pld.get("places", {}).get(key)))
    adverbials = tuple(sorted((words(w) for w in _strings(spath, "adverbials.phrases", sd.get("adverbials", {}).get("phrases"))),
                              key=len, reverse=True))
    vague = vd.get("vague", {})

    adverbs = frozenset(w.lower() for w in _strings(cpath, "adverbs.words", cues.get("adverbs", {}).get("words")))
    copulas = frozenset(w.lower() for w in _strings(cpath, "stance_adjectives.copulas", stance.get("copulas")))
    that = frozenset(w.lower() for w in _strings(cpath, "grammar.that", grammar.get("that")))
    conjunctions = frozenset(w.lower() for w in _strings(cpath, "grammar.conjunctions", grammar.get("conjunctions")))
    outlet_phrases = tuple(sorted((words(w) for w in _strings(cpath, "outlet_phrases.before_medium", outlet.get("before_medium"))), key=len, reverse=True))
    credit_phrases = tuple(words(w) for w in _strings(cpath, "outlet_phrases.credit_phrases", outlet.get("credit_phrases")))
    citing = tuple(words(w) for w in _strings(cpath, "outlet_phrases.citing", outlet.get("citing", [])))
    non_statement = [w.lower() for w in _strings(npath, "non_statement.before", nd.get("non_statement", {}).get("before"))]
    anaphora = tuple(words(w) for w in _strings(cpath, "anaphora.openers", cues.get("anaphora", {}).get("openers")))
    passive_credit = tuple(words(w) for w in _strings(cpath, "outlet_phrases.passive_credit", outlet.get("passive_credit")))
    openers = _strings(cpath, "grammar.sentence_openers", grammar.get("sentence_openers"))
    marks = frozenset(o for o, _ in pairs) | frozenset(c for _, c in pairs)
    return RuleSet(
        directory=str(base),
        pairs=pairs,
        openers=frozenset(o for o, _ in pairs),
        closers=frozenset(c for _, c in pairs),
        verbs=verbs,
        stance_adjectives=frozenset(w.lower() for w in _strings(cpath, "stance_adjectives.forms", stance.get("forms"))),
        copulas=copulas,
        prepositions=tuple(preps),
        anaphora=anaphora,
        outlet_phrases=outlet_phrases,
        credit_phrases=credit_phrases,
        passive_credit=passive_credit,
        roles=roles,
        titles=titles,
        title_roles=title_roles,
        agencies=agencies,
        pronouns=pronouns,
        possessives=possessives,
        end_markers=tuple(_strings(bpath, "end_markers", bp.get("end_markers"))),
        inline_end_markers=tuple(_strings(bpath, "inline_end_markers", bp.get("inline_end_markers", []))),
        caption_markers=tuple(w.lower() for w in _strings(bpath, "caption_markers", bp.get("caption_markers", []))),
        credit_line_markers=tuple(_strings(bpath, "credit_line_markers", bp.get("credit_line_markers", []))),
        footer_credit_phrases=tuple(w.lower() for w in _strings(bpath, "footer_credit_phrases", bp.get("footer_credit_phrases", []))),
        relay_marks=tuple(_strings(bpath, "relay_marks", bp.get("relay_marks", []))),
        editor_notes=tuple(w.lower() for w in _strings(bpath, "editor_notes", bp.get("editor_notes", []))),
        section_labels=frozenset(_strings(bpath, "section_labels", bp.get("section_labels", []))),
        abbreviations=frozenset(abbreviations),
        may_end=frozenset(may_end),
        non_statement=frozenset(non_statement),
        non_statement_phrases=tuple(w for w in non_statement if " " in w or "." in w.rstrip(".")),
        particles=frozenset(w.lower() for w in _strings(npath, "names.particles", nd.get("names", {}).get("particles"))),
        not_names=frozenset(w.lower() for w in _strings(npath, "names.not_names", nd.get("names", {}).get("not_names"))),
        events=frozenset(w.lower() for w in _strings(npath, "names.events", nd.get("names", {}).get("events", []))),
        patronymic_endings=tuple(_strings(npath, "names.patronymic_endings", nd.get("names", {}).get("patronymic_endings", []))),
        case_endings=tuple(_strings(npath, "names.case_endings", nd.get("names", {}).get("case_endings", []))),
        months=tuple(m.lower() for m in _strings(bpath, "dates.months", bp.get("dates", {}).get("months"))),
        adverbs=adverbs,
        negations=frozenset(w.lower() for w in _strings(cpath, "adverbs.negations", cues.get("adverbs", {}).get("negations"))),
        personal_reflexive=personal_reflexive,
        label_terms=label_terms,
        light_verbs=frozenset(_strings(vpath, "light.lemmas", vdata.get("light", {}).get("lemmas", []))),
        light_only=frozenset(_strings(vpath, "light.needs_noun", vdata.get("light", {}).get("needs_noun", []))),
        reflexive=frozenset(w.lower() for w in _strings(cpath, "adverbs.reflexive", cues.get("adverbs", {}).get("reflexive"))),
        reflexive_dative=frozenset(w.lower() for w in _strings(cpath, "adverbs.reflexive_dative", cues.get("adverbs", {}).get("reflexive_dative", []))),
        media_nouns=frozenset(w.lower() for w in _strings(npath, "media.nouns", nd.get("media", {}).get("nouns"))),
        named_media_nouns=frozenset(w.lower() for w in _strings(npath, "media.named_only", nd.get("media", {}).get("named_only", []))),
        media_stems=frozenset(w.lower().rstrip(".") for w in _strings(npath, "media.nouns", nd.get("media", {}).get("nouns"))),
        media_refers={noun.lower(): frozenset(_strings(npath, f"media.refers.{noun}", kinds))
                      for noun, kinds in nd.get("media", {}).get("refers", {}).items()},
        media_reach=int(nd.get("media", {}).get("reach", 0)),
        acronyms={a: _strings(npath, f"acronyms.{a}", [name])[0]
                  for a, name in _table(npath, "acronyms", nd.get("acronyms", {})).items()},
        generations=frozenset(w.lower() for w in _strings(npath, "names.generations", nd.get("names", {}).get("generations", []))),
        female_endings=tuple(w.lower() for w in _strings(npath, "gender.female_endings", nd.get("gender", {}).get("female_endings"))),
        preps=frozenset(w.lower() for w in _strings(cpath, "grammar.prepositions", grammar.get("prepositions"))),
        manner_preps=frozenset(w.lower() for w in _strings(cpath, "grammar.manner_prepositions", grammar.get("manner_prepositions", []))),
        field_preps=frozenset(w.lower() for w in _strings(cpath, "grammar.field_prepositions", grammar.get("field_prepositions", []))),
        topic_preps=frozenset(w.lower() for w in _strings(cpath, "grammar.topic_prepositions", grammar.get("topic_prepositions", []))),
        source_preposition=str(grammar.get("source_preposition", "")),
        audience_preposition=str(grammar.get("audience_preposition", "")),
        clitics=frozenset(w.lower() for w in _strings(cpath, "grammar.clitics", grammar.get("clitics", []))),
        that=that,
        conjunctions=conjunctions,
        outlet_verbs=frozenset(w.lower() for w in _strings(cpath, "grammar.outlet_verbs", grammar.get("outlet_verbs", []))),
        first_person=frozenset(w.lower() for w in _strings(cpath, "grammar.first_person", grammar.get("first_person", []))),
        coordinators=frozenset(w.lower() for w in _strings(cpath, "grammar.coordinators", grammar.get("coordinators", []))),
        joint=frozenset(w.lower() for w in _strings(cpath, "grammar.joint", grammar.get("joint", []))),
        relatives=frozenset(w.lower() for w in _strings(cpath, "grammar.relatives", grammar.get("relatives", []))),
        object_relatives=frozenset(w.lower() for w in _strings(cpath, "grammar.object_relatives", grammar.get("object_relatives", []))),
        subordinators=frozenset(w.lower() for w in _strings(cpath, "grammar.subordinators", grammar.get("subordinators", []))),
        finite_endings=tuple(_strings(cpath, "grammar.finite_endings", grammar.get("finite_endings", []))),
        citing=citing,
        citing_verbs=frozenset(_strings(cpath, "outlet_phrases.citing_verbs", outlet.get("citing_verbs", []))),
        words_of=frozenset(w.lower() for w in _strings(cpath, "outlet_phrases.words_of", outlet.get("words_of", []))),
        plural_copulas=frozenset(w.lower() for w in _strings(cpath, "grammar.plural_copulas", grammar.get("plural_copulas", []))),
        range_end=frozenset(w.lower() for w in _strings(cpath, "grammar.range_end", grammar.get("range_end", []))),
        place_preps=frozenset(w.lower() for w in _strings(cpath, "grammar.place_prepositions", grammar.get("place_prepositions", []))),
        plural_verb_endings=tuple(_strings(cpath, "grammar.plural_verb_endings", grammar.get("plural_verb_endings", []))),
        vowels=str(grammar.get("vowels", "")),
        agreement=tuple((str(a), () if b == "consonant" else tuple(str(b).split()))
                        for a, b in grammar.get("agreement", [])),
        neuter_endings=tuple(_strings(cpath, "grammar.neuter_endings", grammar.get("neuter_endings", []))),
        auxiliaries=frozenset(w.lower() for w in _strings(cpath, "grammar.auxiliaries", grammar.get("auxiliaries", []))),
        subjunctive=frozenset(w.lower() for w in _strings(cpath, "grammar.subjunctive", grammar.get("subjunctive", []))),
        interrogatives=frozenset(w.lower() for w in _strings(cpath, "grammar.interrogatives", grammar.get("interrogatives", []))),
        interrogative_not_after=frozenset(w.lower() for w in _strings(
            cpath, "grammar.interrogative_not_after", grammar.get("interrogative_not_after", []))),
        active_participle_endings=tuple(_strings(cpath, "grammar.active_participle_endings", grammar.get("active_participle_endings", []))),
        subjunctive_reports_after=frozenset(w.lower() for w in _strings(
            cpath, "grammar.subjunctive_reports_after", grammar.get("subjunctive_reports_after", []))),
        participle_endings=tuple(_strings(cpath, "grammar.participle_endings", grammar.get("participle_endings"))),
        not_that_before=frozenset(w.lower() for w in _strings(cpath, "grammar.not_that_before", grammar.get("not_that_before"))),
        causal_this=frozenset(words(w) for w in _strings(cpath, "grammar.causal_this", grammar.get("causal_this", []))),
        examples=frozenset(w.lower() for w in _strings(cpath, "grammar.examples", grammar.get("examples", []))),
        shared_subject=frozenset(w.lower() for w in _strings(cpath, "grammar.shared_subject", grammar.get("shared_subject", []))),
        not_that_between=frozenset(w.lower() for w in _strings(cpath, "grammar.not_that_between", grammar.get("not_that_between", []))),
        genitive=frozenset(w.lower() for w in _strings(cpath, "grammar.genitive", grammar.get("genitive", []))),
        label_verbs=frozenset(w.lower() for w in _strings(cpath, "grammar.label_verbs", grammar.get("label_verbs", []))),
        label_nouns=frozenset(w.lower() for w in _strings(cpath, "grammar.label_nouns", grammar.get("label_nouns", []))),
        others_claims=frozenset(w.lower() for w in _strings(cpath, "grammar.others_claims", grammar.get("others_claims", []))),
        own=frozenset(w.lower() for w in _strings(cpath, "grammar.own", grammar.get("own", []))),
        sentence_openers=frozenset(openers),
        kind_nouns=frozenset(w.lower() for w in _strings(cpath, "anaphora.kind_nouns", cues.get("anaphora", {}).get("kind_nouns", []))),
        kind_anaphora=frozenset(w.lower() for w in _strings(cpath, "anaphora.kind_openers", cues.get("anaphora", {}).get("kind_openers", []))),
        adjacent_anaphora=frozenset(w.lower() for w in _strings(cpath, "anaphora.adjacent_only", cues.get("anaphora", {}).get("adjacent_only", []))),
        object_endings=tuple(_strings(npath, "names.object_endings", nd.get("names", {}).get("object_endings", []))),
        short_articles=tuple(_strings(npath, "names.short_articles", nd.get("names", {}).get("short_articles", []))),
        definite_suffixes=tuple(_strings(npath, "names.definite_suffixes", nd.get("names", {}).get("definite_suffixes"))),
        adjective_endings=tuple(_strings(npath, "names.adjective_endings", nd.get("names", {}).get("adjective_endings", []))),
        not_nationality=frozenset(_strings(npath, "names.not_nationality", nd.get("names", {}).get("not_nationality", []))),
        latin_connectors=frozenset(w.lower() for w in _strings(npath, "names.latin_connectors", nd.get("names", {}).get("latin_connectors", []))),
        terms={w.lower(): term for term, ws in _table(npath, "names.terms", nd.get("names", {}).get("terms", {})).items()
               for w in _strings(npath, f"names.terms.{term}", ws)},
        nationality_endings=tuple(_strings(npath, "names.nationality_endings", nd.get("names", {}).get("nationality_endings", []))),
        documents=frozenset(w.lower() for w in _strings(cpath, "documents.nouns", cues.get("documents", {}).get("nouns"))),
        issued_data=frozenset(w.lower() for w in _strings(cpath, "documents.data", cues.get("documents", {}).get("data", []))),
        authored_by=tuple(words(w) for w in _strings(cpath, "documents.authored_by", cues.get("documents", {}).get("authored_by", []))),
        additive=frozenset(w.lower() for w in _strings(cpath, "grammar.additive", grammar.get("additive", []))),
        own_documents=frozenset(w.lower() for w in _strings(cpath, "documents.own", cues.get("documents", {}).get("own", []))),
        gerund_endings=tuple(_strings(cpath, "grammar.gerund_endings", grammar.get("gerund_endings"))),
        male_endings=tuple(w.lower() for w in _strings(npath, "gender.male_endings", nd.get("gender", {}).get("male_endings", []))),
        stated_gender={w.lower(): g for key, g in (("relative_female", "f"), ("relative_male", "m"))
                       for w in _strings(npath, f"gender.{key}", nd.get("gender", {}).get(key, []))},
        participle_gender=tuple(sorted(((w.lower(), g) for key, g in (("participle_female", "f"), ("participle_male", "m"))
                                        for w in _strings(npath, f"gender.{key}", nd.get("gender", {}).get(key, []))),
                                       key=lambda p: -len(p[0]))),
        phrase_starts=frozenset(p[0] for p in (
            *(words(w) for w in outlet.get("before_medium", [])), *(words(w) for w in outlet.get("credit_phrases", [])),
            *(p for p, _ in preps)) if p),
        marks=marks,
        role_starts=frozenset(k[0] for k in roles),
        adverbs_copulas=adverbs | copulas,
        phrase_breaks=that | conjunctions,
        year_suffixes=tuple(w.lower() for w in _strings(bpath, "dates.year_suffixes", bp.get("dates", {}).get("year_suffixes", []))),
        person_aliases=person_aliases,
        places=places,
        place_nouns=place_nouns,
        body_kinds={w.lower(): kind for kind, ws in sd.get("bodies", {}).get("kinds", {}).items()
                    if isinstance(ws, list) for w in _strings(spath, f"bodies.kinds.{kind}", ws)},
        latin_named_kind=sd.get("bodies", {}).get("kinds", {}).get("latin_named"),
        party_members=frozenset(w.lower() for w in _strings(spath, "bodies.party_members.words", sd.get("bodies", {}).get("party_members", {}).get("words", []))),
        back_adverbs=frozenset(w.lower() for w in _strings(spath, "bodies.back.words", sd.get("bodies", {}).get("back", {}).get("words", []))),
        legal_forms=frozenset(w.lower() for w in _strings(spath, "bodies.legal_forms.words", sd.get("bodies", {}).get("legal_forms", {}).get("words", []))),
        named_after_bodies=tuple(w.lower() for w in _strings(spath, "bodies.named_after.nouns", sd.get("bodies", {}).get("named_after", {}).get("nouns", []))),
        given_names=given_names,
        bodies=frozenset(w.lower() for w in _strings(spath, "bodies.nouns", sd.get("bodies", {}).get("nouns"))),
        person_nouns=frozenset(w.lower() for w in _strings(spath, "people.nouns", sd.get("people", {}).get("nouns")))
        | frozenset(w.lower() for w in sd.get("people", {}).get("indefinite_groups", [])),
        person_endings=tuple(_strings(spath, "people.person_endings", sd.get("people", {}).get("person_endings"))),
        indefinite_groups=frozenset(w.lower() for w in _strings(spath, "people.indefinite_groups", sd.get("people", {}).get("indefinite_groups", []))),
        partitives=frozenset(w.lower() for w in _strings(spath, "people.partitives", sd.get("people", {}).get("partitives")))
        | frozenset(w.lower() for w in sd.get("people", {}).get("indefinite_groups", [])),
        fractions=frozenset(w.lower() for w in _strings(spath, "people.fractions", sd.get("people", {}).get("fractions", []))),
        plural_endings=tuple(_strings(spath, "people.plural_endings", sd.get("people", {}).get("plural_endings", []))),
        partitive_gender={str(k).lower(): str(v) for k, v in sd.get("people", {}).get("partitive_gender", {}).items()},
        time_nouns=frozenset(w.lower() for w in _strings(spath, "adverbials.time_nouns", sd.get("adverbials", {}).get("time_nouns"))),
        occasions=frozenset(w.lower() for w in _strings(spath, "adverbials.occasions", sd.get("adverbials", {}).get("occasions", []))),
        manner_adverbs=frozenset(w.lower() for w in _strings(spath, "adverbials.adverbs", sd.get("adverbials", {}).get("adverbs"))),
        adverb_endings=tuple(_strings(spath, "adverbials.adverb_endings", sd.get("adverbials", {}).get("adverb_endings"))),
        adverbial_preps=frozenset(w.lower() for w in _strings(spath, "adverbials.prepositions", sd.get("adverbials", {}).get("prepositions", []))),
        not_speakers=frozenset(w.lower() for w in _strings(spath, "not_speakers.words", sd.get("not_speakers", {}).get("words"))),
        adverbials_by_pair={pair: tuple(p for p in adverbials if p[:2] == pair) for pair in {p[:2] for p in adverbials}},
        adverbial_starts=frozenset(p[0] for p in adverbials) | adverbs | frozenset(
            w.lower() for w in _strings(spath, "adverbials.adverbs", sd.get("adverbials", {}).get("adverbs"))),
        translit=translit,
        look_alike=dict(look_alike),
        vague_phrases=tuple(w.lower() for w in _strings(vpath, "vague.phrases", vague.get("phrases", []))),
        vague_nouns=frozenset(w.lower() for w in _strings(vpath, "vague.nouns", vague.get("nouns", []))),
        polarity=frozenset(w.lower() for w in _strings(vpath, "polarity.words", vd.get("polarity", {}).get("words", []))),
        max_role_len=max((len(k) for k in roles), default=1),
        max_agency_len=max((len(k) for k in agencies), default=1),
        agency_starts=frozenset(k[0] for k in agencies if k) | frozenset(k[0].split(".")[0] for k in agencies if k),
        cue_words=frozenset(verbs) | frozenset(p[0] for p, _ in preps if p)
        | frozenset(w.lower() for w in _strings(cpath, "stance_adjectives.forms", stance.get("forms"))),
        prep_lemmas=prep_lemmas,
        preps_by_first={first: tuple(pc for pc in preps if pc[0] and pc[0][0] == first) for first in {p[0] for p, _ in preps if p}},
        by_first={name: _by_first(phrases) for name, phrases in (
            ("outlet", outlet_phrases), ("credit", credit_phrases), ("media", outlet_phrases + credit_phrases),
            ("anaphora", anaphora), ("adverbial", adverbials), ("passive", passive_credit), ("citing", citing))},
        mark_re=re.compile("[" + re.escape("".join(sorted(marks))) + "]"),
        # re, not regex: this runs over every article's text, and re is twice as fast here; the
        # lower-case letter before the space is checked where a match is read
        sentence_re=re.compile(r"[.!?…]| (?=(?:" + "|".join(map(re.escape, sorted(
            openers, key=len, reverse=True))) + r")(?!\w))"),
    )
