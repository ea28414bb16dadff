"""The extraction pipeline: text -> layout -> statements -> speakers and sources -> Quotes.

Pure functions of (text, rules): no I/O, no global state, so they run the same in a process
pool or a cluster map as here.
"""
from __future__ import annotations

import hashlib

from .models import Article, Extraction, Quote
from .quotes import Finder, Stmt
from .rules import RuleSet, load_rules
from .sources import article_agency
from .speakers import Mention, Person, Registry, read_np
from .text import content_hash, layout, normalize


def article_id(sha: str, path: str | None) -> str:
    if path is None:
        return sha[:12]
    return hashlib.blake2b(f"{path}\n{sha}".encode(), digest_size=6).hexdigest()


def extract_text(text: str, *, rules: RuleSet | None = None) -> list[Quote]:
    """Every attributed statement in one article's text."""
    return list(extract_article(text, rules=rules).quotes)


def extract_article(raw: str, *, path: str | None = None, rules: RuleSet | None = None) -> Extraction:
    rules = rules or load_rules()
    text = normalize(raw)
    lay = layout(text, rules)
    finder = Finder(text, lay, rules)
    stmts = _dedupe(finder.find())
    quotes = _resolve(stmts, finder, rules)
    sha = content_hash(text)
    agency = article_agency(text, lay, finder.credits, rules)
    article = Article(article_id(sha, path), text, sha, path, lay.title, lay.date, agency)
    return Extraction(article, tuple(q.with_article(article) for q in quotes))


def _dedupe(stmts: list[Stmt]) -> list[Stmt]:
    """One record per statement: the same span found twice, or found by a preposition and by a
    verb ("по думите му ..., предупреди Х"), is kept once, the verb's reading first."""
    out: list[Stmt] = []
    seen: set[tuple[str, int, int]] = set()
    for st in sorted(stmts, key=lambda s: (s.cue is None or s.cue.kind == "prep", s.start)):
        key = (st.kind, st.start, st.end)
        if key in seen:
            continue
        if st.kind == "indirect" and any(o.kind == "indirect" and _overlap(o, st) >= 0.6 for o in out):
            continue
        seen.add(key)
        out.append(st)
    return sorted(out, key=lambda s: (s.start, s.kind))


def _overlap(a: Stmt, b: Stmt) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / max(1, min(a.end - a.start, b.end - b.start))


def _registry(finder: Finder, rules: RuleSet) -> Registry:
    """Every person the article names in full (two words or more, or after a role), in order."""
    reg = Registry(rules)
    toks = finder.tokens
    for s in finder.sents:
        k = s.ti
        while k < s.tj:
            m = read_np(toks, k, s.tj, finder.text, rules, finder.sources)
            if m is not None and m.kind == "name" and m.name and (len(m.name.split()) >= 2 or m.role is not None):
                reg.add(m.name, m.start, m.role)
                k = finder.tok_index(m.end)
            k += 1
    return reg


def _resolve(stmts: list[Stmt], finder: Finder, rules: RuleSet) -> list[Quote]:
    reg = _registry(finder, rules)
    text = finder.text
    last: tuple[str | None, str | None, Person | None] = (None, None, None)  # speaker, role, person
    resolved: dict[int, tuple[str | None, str | None, Person | None]] = {}
    for idx in sorted(range(len(stmts)), key=lambda i: stmts[i].anchor):
        st = stmts[idx]
        who = _who(st.mention, st.anchor, reg, last, rules) if st.mention else (last if st.follows_previous else (None, None, None))
        resolved[idx] = who
        if who[0]:
            last = who
    out = []
    for idx, st in enumerate(stmts):
        speaker, role, _ = resolved[idx]
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
        ))
    return out


def _who(m: Mention, at: int, reg: Registry, last, rules: RuleSet):
    """(speaker, role, person) for one mention."""
    role = m.role.lemma if m.role else None
    if m.kind == "name" and m.name:
        person = reg.find(m.name) or reg.add(m.name, at, m.role)
        return person.name, role or (person.roles[0].lemma if person.roles else None), person
    if m.kind == "pronoun":
        if m.gender == "pl":
            return last if last[2] is None and last[0] else (m.text, None, None)
        person = last[2] if last[2] is not None and last[2].gender in (None, m.gender) else reg.recent(at, m.gender)
        if person is None:
            return None, None, None
        return person.name, person.roles[0].lemma if person.roles else None, person
    if m.kind == "role" and m.role is not None:
        person = reg.by_role(m.role, at)
        if person is None and len(m.text.split()) <= 2:
            person = last[2] if last[2] is not None and last[2].gender in (None, m.gender, "any") else reg.recent(at, m.gender)
        if person is not None:
            return person.name, role, person
        return m.text, role, None
    if m.kind == "medium":
        return m.name or m.text, None, None
    return m.text, role, None
