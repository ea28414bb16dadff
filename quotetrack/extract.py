"""The extraction pipeline: text -> layout -> statements -> speakers and sources -> Quotes.

Pure functions of (text, rules): no I/O, no global state, so they run the same in a process
pool or a cluster map as here.
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass

from .models import Article, Extraction, Quote
from .quotes import Finder
from .statement import Stmt
from .rules import RuleSet, load_rules
from .sources import article_agency
from .speakers import Mention, Person, Registry, is_name_token, good_start, lone_name, read_np
from .text import content_hash, layout, normalize


def article_id(sha: str, path: str | None) -> str:
    if path is None:
        return sha[:12]
    return hashlib.blake2b(f"{path}\n{sha}".encode(), digest_size=6).hexdigest()


def extract_text(text: str, *, rules: RuleSet | None = None) -> list[Quote]:
    """Every attributed statement in one article's text."""
    return list(extract_article(text, rules=rules).quotes)


def extract_article(raw: str, *, path: str | None = None, date: str | None = None,
                    rules: RuleSet | None = None) -> Extraction:
    """One article's statements and its record; `date` overrides a dateline (an HTML page's own)."""
    rules = rules or load_rules()
    text = normalize(raw)
    lay = layout(text, rules)
    finder = Finder(text, lay, rules)
    stmts = _dedupe(finder.find())
    quotes = _resolve(stmts, finder, rules)
    sha = content_hash(text)
    agency = article_agency(text, lay, finder.credits, rules)
    article = Article(article_id(sha, path), text, sha, path, lay.title, date or lay.date, agency)
    return Extraction(article, tuple(q.with_article(article) for q in quotes))


def _dedupe(stmts: list[Stmt]) -> list[Stmt]:
    """One record per statement: the same span found twice, or found by a preposition and by a
    verb ("по думите му ..., предупреди Х"), is kept once, the verb's reading first."""
    out: list[Stmt] = []
    seen: set[tuple[str, int, int]] = set()
    kept: dict[int, list[Stmt]] = {}  # indirect statements kept, by the sentence of their credit
    for st in sorted(stmts, key=lambda s: (s.cue is None or s.cue.kind == "prep", s.start)):
        key = (st.kind, st.start, st.end)
        if key in seen:
            continue
        near = [o for n in (st.sentence - 1, st.sentence, st.sentence + 1) for o in kept.get(n, ())]
        if st.kind == "indirect" and any(_overlap(o, st) >= 0.6 for o in near):
            continue
        seen.add(key)
        out.append(st)
        if st.kind == "indirect":
            kept.setdefault(st.sentence, []).append(st)
    return sorted(out, key=lambda s: (s.start, s.kind))


def _overlap(a: Stmt, b: Stmt) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / max(1, min(a.end - a.start, b.end - b.start))


def _registry(finder: Finder, rules: RuleSet) -> Registry:
    """Every person the article names in full (two words or more, or after a role), in order."""
    reg = Registry(rules)
    toks = finder.tokens
    # a person is named by a capitalised word or after a role word; starting anywhere else
    # finds the same people at many times the cost
    starts, titles = rules.role_starts, rules.titles
    heads = [k for k, t in enumerate(toks) if t.is_word and (t.is_upper or t.low in starts or t.low in titles)]
    # a phrase that names someone opens with a name, an initial, a role, a title or a definite
    # adjective ("Руският президент ..."); any other capitalised word ("В", "Той") reads nothing
    suffixes = rules.definite_suffixes
    opens = [k for k in heads if (t := toks[k]).low in starts or t.low in titles or t.low + "." in titles
             or len(t.text) == 1 or t.low.endswith(suffixes) or is_name_token(t, rules)]
    for s in finder.sents:
        after_prep = {c.j for c in s.cues if c.kind == "prep"}
        n = bisect.bisect_left(opens, s.ti)
        k = s.ti
        while n < len(opens) and opens[n] < s.tj:
            if opens[n] < k:  # inside the phrase read last
                n += 1
                continue
            k = opens[n]
            n += 1
            if lone_name(toks, k, s.tj, rules):  # most capitalised words: no need to read a phrase
                k += 1
                continue
            m = read_np(toks, k, s.tj, finder.text, rules, finder.sources)
            if m is not None and m.kind == "name" and k in after_prep:
                split = finder.two_names(k, finder.tok_index(m.end))
                if split is not None:  # "Според Южна Корея Ким ...": two names, not one
                    m = read_np(toks, k, split, finder.text, rules, finder.sources)
            if m is not None and m.kind == "name" and m.name and (len(m.name.split()) >= 2 or m.role is not None):
                reg.add(_known_tail(m.name, finder.text), m.start, m.role)
                k = finder.tok_index(m.end)
            elif m is not None and m.kind == "group" and good_start(toks[k], rules):
                reg.groups.append((m.start, m.text))
                k = finder.tok_index(m.end)
            k += 1
    # a surname alone mentions the person named in full elsewhere (the one met first)
    by_word: dict[str, Person] = {}
    for person in sorted(reg.people, key=lambda p: p.first):
        if len(person.words) > 1:
            for w in person.words:
                by_word.setdefault(w, person)
    for k in heads:
        t = toks[k]
        if t.is_upper and t.low in by_word and t.low not in rules.not_names:
            reg.note(by_word[t.low], t.start)
    return reg


def _via(st: Stmt, finder: Finder, speaker: str | None) -> tuple[str, ...]:
    """The media between the speaker and the reader, nearest the speaker first."""
    chain = finder.media_chain(st.cue) if st.cue is not None and st.cue.kind == "verb" else []
    if st.source and st.source not in chain:
        chain.insert(0, st.source)
    return tuple(m for m in chain if m != speaker)


def _known_tail(name: str, text: str) -> str:
    """A run of three names written once, whose last two the article writes again, is a word
    run into a name ("… „Еразъм“ Ашли Фокс оцени"): the person is the last two."""
    ws = name.split()
    if len(ws) >= 3 and text.count(name) == 1:
        tail = " ".join(ws[-2:])
        if text.count(tail) > 1:
            return tail
    return name


def _resolve(stmts: list[Stmt], finder: Finder, rules: RuleSet) -> list[Quote]:
    reg = _registry(finder, rules)
    text = finder.text
    last: Who = Who()
    resolved: dict[int, Who] = {}
    for idx in sorted(range(len(stmts)), key=lambda i: stmts[i].anchor):
        st = stmts[idx]
        if st.mention:
            who = _who(st.mention, min(st.start, st.mention.start), reg, last, rules)
        else:
            who = last if st.follows_previous else Who()
        resolved[idx] = who
        if who.person is not None:
            who.person.spoke = True
            reg.note(who.person, st.mention.start if st.mention else st.anchor)
        if who.speaker and (st.mention is None or st.mention.kind != "medium"):
            last = Who(who.speaker, who.role, who.person, st.mention.start if st.mention else st.anchor, who.gender)
    out = []
    for idx, st in enumerate(stmts):
        speaker, role = resolved[idx].speaker, resolved[idx].role
        cue = st.cue
        out.append(Quote(
            kind=st.kind,  # type: ignore[arg-type]
            text=text[st.start : st.end],
            start=st.start,
            end=st.end,
            speaker=speaker,
            speaker_mention=st.mention.text if st.mention else None,
            role=role,
            verb=cue.verb if cue else None,
            verb_lemma=(cue.lemma or cue.verb.lower()) if cue else None,
            source=st.source if st.source != speaker else None,
            via=_via(st, finder, speaker),
        ))
    return out


@dataclass(frozen=True, slots=True)
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
    if m.kind == "name" and m.name:
        person = reg.find(m.name) or reg.add(m.name, m.start, m.role)
        if m.role is not None and m.role not in person.roles:
            person.roles.append(m.role)
        return _of(person, role)
    if m.kind == "medium":
        return Who(m.name or m.text)
    if m.kind == "role" and m.role is not None:
        person = reg.by_role(m.role, before)
        if person is not None:
            return _of(person, role)
        if not _definite(m, rules):
            return Who(m.text, role)
    if m.kind in ("pronoun", "role") and m.gender != "pl":
        return _recent(before, m.gender, reg, last) or Who(m.text if m.kind == "role" else None, role)
    if m.kind == "pronoun":
        group = reg.recent_group(before)
        if last.person is None and last.speaker and (group is None or last.at > before - 400):
            return last
        return Who(group or m.text)
    return Who(m.text, role)


def _recent(before: int, gender: str | None, reg: Registry, last: Who) -> Who | None:
    fits = gender in (None, "any") or last.gender in (None, gender)
    named = reg.recent(before, gender)
    if named is not None and (not last.speaker or not fits or named[0] > last.at):
        return _of(named[1])
    return last if last.speaker and fits else None


def _definite(m: Mention, rules: RuleSet) -> bool:
    """"министърът" points back at someone; "говорител на ЕК" introduces someone new."""
    return any(w.lower().endswith(rules.definite_suffixes) for w in m.text.split()[:2])
