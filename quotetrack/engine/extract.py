"""The extraction pipeline: text -> layout -> Doc -> statements -> speakers and sources -> Quotes.

Pure functions of (text, rules): no I/O, no global state, so they run the same in a process
pool or a cluster map as here.
"""
from __future__ import annotations

import hashlib

from ..models import Article, Extraction, Quote
from ..rules import RuleSet, load_rules
from .credits import article_agency, bulgarian_wire
from .directs import directs, orphans
from .doc import Doc
from .found import Found, Stmt
from .reported import headlines, partials, reported
from .resolve import resolve
from .text import content_hash, layout, normalize

# The finders, in the order they run: each leaves the cues it used to the ones after it.
FINDERS = (directs, orphans, reported, partials, headlines)


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
    doc = Doc.read(text, lay, rules)
    found = find(doc)
    fields = resolve(_dedupe(found.stmts), doc, found.credits)
    sha = content_hash(text)
    # the media the body credits: in the clauses that credit a statement, and a Bulgarian wire
    # along its chain ("в интервю за „Билд“, цитирано от БТА": the wire relayed it here)
    credited = [*found.credits, *(m for f in fields for m in f["via"] if bulgarian_wire(m, rules))]
    agency = article_agency(text, lay, credited, rules)
    article = Article(article_id(sha, path), text, sha, path, lay.title, date or lay.date, agency)
    return Extraction(article, tuple(Quote(**f, article_id=article.id, path=path, title=article.title, date=article.date,
                                           agency=agency) for f in fields))


def find(doc: Doc) -> Found:
    """Every statement the article holds, before speakers are resolved."""
    found = Found(doc)
    for finder in FINDERS:
        finder(doc, found)
    found.stmts.sort(key=lambda s: (s.start, s.kind))
    return found


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


