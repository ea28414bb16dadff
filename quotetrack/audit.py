"""Auditing attribution across the store: what is credited to whom, to no one, or to someone
else elsewhere. Pure functions over stored records, so an editor's cron job, a test and a
notebook get the same findings.

Finding types (part of the interface): unattributed, vague_source, conflicting_attribution,
uncredited_copy, altered_quote. Statements meet across articles by their lemmas (similar.py):
MinHash LSH proposes candidate pairs, an edit-distance check confirms them, so the cost grows
with the number of statements, not with its square.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import re

from . import similar
from .people import MEDIUM, People
from .rules import RuleSet

SEVERITIES = ("low", "medium", "high")
TYPES = ("uncredited_copy", "conflicting_attribution", "altered_quote", "unattributed", "vague_source")
MIN_WORDS = 5  # shorter fragments ("свещената борба") are too common to tie two articles together
SAME = 80.0  # lemma similarity (0-100) at which two statements are the same statement
COPY = 0.6  # share of an article's word trigrams (or statements) found in another: a copy
MIN_COPY = 40  # word trigrams: an article shorter than this is too short to call a copy
LOOK_ALIKE = 75.0  # names this similar may be one name misspelled
MAX_SPEAKERS = 3  # more people saying the same short words is a common phrase, not a conflict
LONG = 12  # words: a statement this long is one person's, however many are credited with it


def rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Finding:
    type: str
    severity: str
    path: str | None
    article_id: str
    statements: tuple[dict[str, Any], ...]
    explanation: str
    similarity: float | None = None
    ops: tuple[similar.Op, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type, "severity": self.severity, "path": self.path,
                             "article_id": self.article_id, "explanation": self.explanation,
                             "statements": list(self.statements)}
        if self.similarity is not None:
            d["similarity"] = self.similarity
        if self.ops:
            d["ops"] = [op.to_dict() for op in self.ops]
        return d


@dataclass(slots=True)
class Report:
    findings: list[Finding]
    summary: dict[str, Any]
    chains: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"findings": [f.to_dict() for f in self.findings], "summary": self.summary, "chains": self.chains}

    def worst(self) -> str | None:
        return max((f.severity for f in self.findings), key=rank, default=None)


def _statement(r: dict[str, Any], people: People | None = None, i: int | None = None) -> dict[str, Any]:
    person = people.of(i) if people is not None and i is not None else None
    return {"article_id": r.get("article_id"), "path": r.get("path"), "kind": r.get("kind"),
            "start": r.get("start"), "end": r.get("end"), "text": r.get("text"), "speaker": r.get("speaker"),
            "person": person.name if person else None, "source": r.get("source"), "via": list(r.get("via") or ()),
            "agency": r.get("agency"), "date": r.get("date")}


def _where(r: dict[str, Any]) -> str:
    return r.get("path") or r.get("article_id") or "?"


def audit(articles: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]], people: People, rules: RuleSet,
          scope: set[str] | None = None) -> Report:
    """Findings for the articles in `scope` (ids; None: all), compared against every article
    given. `records` are the statements of those articles, `people` built from them."""
    in_scope = (lambda aid: True) if scope is None else (lambda aid: aid in scope)
    by_id = {a["id"]: a for a in articles}
    findings: list[Finding] = []
    findings += _unattributed(records, people, in_scope)
    findings += _vague(by_id, records, people, rules, in_scope)
    clusters = _clusters(records)
    findings += _conflicts(clusters, records, people, rules, in_scope)
    findings += _altered(clusters, records, people, rules, in_scope)
    findings += _copies(by_id, records, clusters, rules, in_scope)
    findings.sort(key=lambda f: (-rank(f.severity), TYPES.index(f.type), f.path or "", f.statements[0].get("start") or 0))
    chains = _chains(records, in_scope, people)
    return Report(findings, _summary(by_id, records, findings, in_scope), chains)


def _is_vague(r: dict[str, Any], sp, rules: RuleSet) -> bool:
    """Credited to a group that names no one: "анализатори", "източници от министерството"."""
    head = (r.get("speaker") or "").lower().split()[:2]
    return sp is not None and sp.kind not in ("person", "name", MEDIUM) and any(w in rules.vague_nouns for w in head)


# -- one statement at a time -------------------------------------------------------------------

def _unattributed(records, people, in_scope) -> list[Finding]:
    return [Finding("unattributed", "medium", r.get("path"), r["article_id"], (_statement(r, people, i),),
                    "A direct quote that the article credits to no one.")
            for i, r in enumerate(records)
            if r.get("kind") == "direct" and not r.get("speaker") and in_scope(r.get("article_id"))]


def _vague(by_id, records, people, rules: RuleSet, in_scope) -> list[Finding]:
    """Statements credited to a vague group ("твърдят анализатори"), and sentences that credit
    words to an unnamed source ("според запознати", "говори се") with nobody named."""
    out: list[Finding] = []
    named: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)  # article -> (start, end, named?)
    for i, r in enumerate(records):
        sp = people.of(i)
        vague = _is_vague(r, sp, rules)
        named[r["article_id"]].append((r["start"], r["end"], sp is not None and not vague))
        if vague and in_scope(r["article_id"]):
            out.append(Finding("vague_source", "low", r.get("path"), r["article_id"], (_statement(r, people, i),),
                               f"Credited only to \"{r['speaker']}\", a source the article does not name."))
    if not rules.vague_phrases:
        return out
    # the stdlib engine: several times faster than `regex` on a plain alternation like this
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(rules.vague_phrases, key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
    flagged = {(f.article_id, f.statements[0]["start"]) for f in out}
    for aid, a in by_id.items():
        if not in_scope(aid):
            continue
        text = a.get("text") or ""
        seen: set[int] = set()
        for m in pattern.finditer(text):
            s, e = _sentence(text, m.start())
            if s in seen:
                continue
            seen.add(s)
            spans = [(a0, b0, ok) for a0, b0, ok in named.get(aid, ()) if a0 < e and b0 > s]
            if any(ok for *_, ok in spans) or any((aid, a0) in flagged for a0, _, _ in spans):
                continue  # someone named says it, or it is flagged already
            out.append(Finding("vague_source", "low", a.get("path"), aid, (
                {"article_id": aid, "path": a.get("path"), "kind": "sentence", "start": s, "end": e, "text": text[s:e],
                 "speaker": None, "person": None, "source": None, "via": [], "agency": a.get("agency"), "date": a.get("date")},),
                f"Words credited to \"{m.group()}\": no named source."))
    return out


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, min(end, len(text))


# -- the same statement in different articles ----------------------------------------------------

def _clusters(records) -> list[list[int]]:
    """Groups of record indexes that are the same statement in two or more articles."""
    texts = []
    for r in records:
        ws = similar.words(r.get("text") or "")
        texts.append(similar.lemmas(ws) if len(ws) >= MIN_WORDS else [])
    return [g for g in similar.groups(texts, SAME) if len({records[i].get("article_id") for i in g}) > 1]


def _conflicts(clusters, records, people: People, rules: RuleSet, in_scope) -> list[Finding]:
    out: list[Finding] = []
    for group in clusters:
        if not any(in_scope(records[i].get("article_id")) for i in group):
            continue
        lem = {i: similar.lemmas(similar.words(records[i]["text"])) for i in group}
        by_person: dict[int, list[int]] = defaultdict(list)
        for i in group:
            sp = people.of(i)
            if sp is not None and sp.kind != MEDIUM and not _is_vague(records[i], sp, rules):
                by_person[id(sp)].append(i)
        # short words many people say are a common phrase; a long sentence is nobody's but one
        common = max(len(t) for t in lem.values()) < LONG and len(by_person) > MAX_SPEAKERS
        if len(by_person) > 1 and not common:
            shown = [_typical(members, lem, records, in_scope) for members in by_person.values()]
            if any(in_scope(records[i].get("article_id")) for i in shown):
                anchor = next(i for i in shown if in_scope(records[i].get("article_id")))
                names = [people.of(i).name for i in shown]
                alike = _look_alike(names)
                said = "; ".join(f"to {people.of(i).name} in {_where(records[i])}" for i in shown)
                out.append(Finding(
                    "conflicting_attribution", "high", records[anchor].get("path"), records[anchor]["article_id"],
                    tuple(_statement(records[i], people, i) for i in shown),
                    f"The same statement is credited {said}" + (
                        f" ({alike[0]} and {alike[1]} look alike: one name misspelled, or two people?)." if alike else "."),
                    round(min(similar.similarity(lem[i], lem[j]) for i in shown for j in shown if i < j), 1)))
        out += _wire_conflict(group, records, people, rules, in_scope)
    return out


def _typical(members: list[int], lem, records, in_scope) -> int:
    """The member most like the others (its own words, not an altered copy), in scope if any."""
    return max(members, key=lambda i: (in_scope(records[i].get("article_id")),
                                       sum(similar.similarity(lem[i], lem[j]) for j in members if j != i), -i))


def _wire_conflict(group, records, people: People, rules: RuleSet, in_scope) -> list[Finding]:
    """One speaker's words credited to two news agencies with nothing in common between the two
    chains ("предаде АФП" / "предаде Ройтерс"). The outlets a speaker talked to (bTV one day,
    Нова the next) are not credits that conflict."""
    chains: dict[int, list[str]] = {}
    for i in group:
        via = list(records[i].get("via") or ([records[i]["source"]] if records[i].get("source") else []))
        first = rules.agency(via[0]) if via else None
        if first is not None and first.kind == "agency":
            chains[i] = [m.casefold() for m in via]
    out = []
    seen: set[tuple[str, str]] = set()
    for i, ci in chains.items():
        for j, cj in chains.items():
            if i >= j or set(ci) & set(cj) or people.of(i) is not people.of(j) or (ci[0], cj[0]) in seen:
                continue
            if not (in_scope(records[i].get("article_id")) or in_scope(records[j].get("article_id"))):
                continue
            seen.add((ci[0], cj[0]))
            anchor = i if in_scope(records[i].get("article_id")) else j
            a, b = records[i].get("via")[0], records[j].get("via")[0]
            out.append(Finding(
                "conflicting_attribution", "medium", records[anchor].get("path"), records[anchor]["article_id"],
                (_statement(records[i], people, i), _statement(records[j], people, j)),
                f"The same statement is credited to {a} in {_where(records[i])} and to {b} in {_where(records[j])}."))
    return out


def _look_alike(names: list[str]) -> tuple[str, str] | None:
    from rapidfuzz import fuzz

    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if fuzz.ratio(a.lower(), b.lower()) >= LOOK_ALIKE:
                return a, b
    return None


def _altered(clusters, records, people: People, rules: RuleSet, in_scope) -> list[Finding]:
    """The same person's quoted words, different in different articles. A shorter excerpt of
    the same words is not an alteration; a dropped word inside them is."""
    out: list[Finding] = []
    for group in clusters:
        by_person: dict[int, list[int]] = defaultdict(list)
        for i in group:
            sp = people.of(i)
            if sp is not None and records[i].get("kind") in ("direct", "partial"):
                by_person[id(sp)].append(i)
        for members in by_person.values():
            # the earliest version is the base; on the same day, the one a wire credits
            members.sort(key=lambda i: (records[i].get("date") or "", not records[i].get("agency"), _where(records[i]),
                                        records[i].get("start", 0)))
            base = members[0]
            bw = similar.words(records[base]["text"])
            reported: set[tuple[str, ...]] = {tuple(bw)}
            for i in members[1:]:
                if records[i].get("article_id") == records[base].get("article_id") or not in_scope(records[i].get("article_id")):
                    continue
                w = similar.words(records[i]["text"])
                if tuple(w) in reported or _excerpt(bw, w, rules) or _excerpt(w, bw, rules):
                    continue
                reported.add(tuple(w))
                ops = similar.ops(bw, w)
                touched = sum(max(op.a_end - op.a_start, op.b_end - op.b_start) for op in ops)
                negation = any(x in rules.polarity for op in ops for x in op.a_words + op.b_words)
                name = people.of(i).name
                out.append(Finding(
                    "altered_quote", "high" if touched >= 3 or negation else "medium",
                    records[i].get("path"), records[i]["article_id"],
                    (_statement(records[base], people, base), _statement(records[i], people, i)),
                    f"{name}'s quote in {_where(records[i])} differs from {_where(records[base])}: {_describe(ops)}.",
                    round(similar.similarity(bw, w), 1), tuple(ops)))
    return out


def _excerpt(full: list[str], part: list[str], rules: RuleSet) -> bool:
    """`part` is a run of `full`'s words and leaves out no "не", "няма"... in the two words
    before it: a shorter quote of the same words, not a turned one."""
    n = len(part)
    for i in range(len(full) - n + 1):
        if full[i : i + n] == part:
            return not any(w in rules.polarity for w in full[max(0, i - 2) : i])
    return False


def _describe(ops: Sequence[similar.Op]) -> str:
    parts = []
    for op in ops[:3]:
        if op.op == "insert":
            parts.append(f"adds \"{' '.join(op.b_words)}\"")
        elif op.op == "delete":
            parts.append(f"drops \"{' '.join(op.a_words)}\"")
        else:
            parts.append(f"\"{' '.join(op.a_words)}\" becomes \"{' '.join(op.b_words)}\"")
    more = f" and {len(ops) - 3} more changes" if len(ops) > 3 else ""
    return ", ".join(parts) + more


def _credits_named(text: str, rules: RuleSet) -> set[str]:
    """Every agency or medium an article's text names, by canonical name."""
    from .engine.media import Media
    from .engine.text import tokenize

    toks = [t for t in tokenize(text) if t.is_word or t.text == "."]
    src, names = Media(rules), set()
    for k, t in enumerate(toks):
        if t.is_upper or t.low in rules.media_nouns:
            found = src.agency_at(toks, k, len(toks))
            if found:
                names.add(found[0].casefold())
    return names


def _copies(by_id, records, clusters, rules: RuleSet, in_scope) -> list[Finding]:
    """Articles that largely repeat a credited article while crediting nothing themselves: no
    agency, no medium credited for any statement, no agency named anywhere in the text. The
    source must not be dated after the copy. Only such suspects are looked up, and only among
    credited articles, so the cost stays near linear."""
    credits_of: dict[str, set[str]] = defaultdict(set)
    for r in records:
        credits_of[r["article_id"]].update(m.casefold() for m in (r.get("via") or ()) if m)
    credited = [a for a in by_id if by_id[a].get("agency")]
    suspects = [a for a in by_id if not by_id[a].get("agency") and in_scope(a) and not credits_of[a]]
    if not credited or not suspects:
        return []
    grams = {a: similar.shingles(similar.words(by_id[a].get("text") or ""), 3) for a in credited + suspects}
    suspects = [a for a in suspects if len(grams[a]) >= MIN_COPY]  # a line or two proves nothing
    candidates: dict[tuple[str, str], float] = {}
    index = similar.Within([grams[a] for a in credited], threshold=COPY)
    for y, near in zip(suspects, index.query([grams[a] for a in suspects])):
        for n in near:
            x = credited[n]
            share = len(grams[x] & grams[y]) / max(1, len(grams[y]))  # how much of y is x's
            if share >= COPY:
                candidates[(x, y)] = share
    # or most of y's statements are x's: clusters tie them (a line quoted everywhere ties nothing)
    shared: Counter[tuple[str, str]] = Counter()
    suspect_set = set(suspects)
    for group in clusters:
        arts = {records[i]["article_id"] for i in group}
        if len(arts) > 50:
            continue
        for y in arts & suspect_set:
            for x in arts - {y}:
                if by_id.get(x, {}).get("agency"):
                    shared[(x, y)] += 1
    counts = Counter(r["article_id"] for r in records if len(similar.words(r.get("text") or "")) >= MIN_WORDS)
    for (x, y), n in shared.items():
        share = n / max(1, counts[y])
        if n >= 2 and share >= COPY:
            candidates[(x, y)] = max(share, candidates.get((x, y), 0.0))
    out: list[Finding] = []
    done: set[str] = set()
    named: dict[str, set[str]] = {}
    for (x, y), share in sorted(candidates.items(), key=lambda kv: (-kv[1], by_id[kv[0][0]].get("date") or "", kv[0])):
        src, copy = by_id[x], by_id[y]
        if y in done or (src.get("date") and copy.get("date") and src["date"] > copy["date"]):
            continue  # one finding per copy; a "source" published later copied nothing to it
        if y not in named:
            named[y] = _credits_named(copy.get("text") or "", rules)
        if named[y]:
            continue  # it credits someone in its text ("по информация на БТА")
        done.add(y)
        out.append(Finding(
            "uncredited_copy", "high", copy.get("path"), y,
            tuple({"article_id": a["id"], "path": a.get("path"), "kind": "article", "start": 0, "end": len(a.get("text") or ""),
                   "text": a.get("title"), "speaker": None, "person": None, "source": None, "via": [],
                   "agency": a.get("agency"), "date": a.get("date")} for a in (copy, src)),
            f"{share:.0%} of {copy.get('path') or y} is found in {src.get('path') or x}, which is credited to "
            f"{src['agency']}, but {copy.get('path') or y} credits no one.", round(share * 100, 1)))
    return out


# -- chains and the summary ---------------------------------------------------------------------

def _chains(records, in_scope, people: People | None = None) -> list[dict[str, Any]]:
    """Speaker -> medium -> medium -> agency, where an article credits a medium that credits
    another; a medium credited in the same article for its own words extends the chain."""
    credits: dict[str, list[tuple[str, str]]] = defaultdict(list)  # article -> (speaker, its source)
    for r in records:
        if r.get("speaker") and (r.get("source") or r.get("via")):
            credits[r["article_id"]].append((r["speaker"].casefold(), (r.get("via") or [r["source"]])[0]))
    seen: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
    for i, r in enumerate(records):
        aid = r.get("article_id")
        if not in_scope(aid) or not r.get("speaker") or (people is not None and (people.of(i) is None or people.of(i).kind == MEDIUM)):
            continue  # a medium quoting a medium is a credit, not a chain from a speaker
        media = list(r.get("via") or ([r["source"]] if r.get("source") else []))
        if not media:
            continue
        while len(media) < 6:
            nxt = next((src for who, src in credits[aid] if media[-1].casefold() in who and src not in media), None)
            if nxt is None:
                break
            media.append(nxt)
        if r.get("agency") and r["agency"] not in media:
            media.append(r["agency"])
        if len(media) < 2:
            continue
        key = (aid, (r["speaker"], *media))
        entry = seen.setdefault(key, {"chain": [r["speaker"], *media], "path": r.get("path"), "article_id": aid, "statements": 0})
        entry["statements"] += 1
    return list(seen.values())


def _summary(by_id, records, findings: list[Finding], in_scope) -> dict[str, Any]:
    def blank() -> dict[str, Any]:
        return {"statements": 0, "named_speaker": 0, "named_source": 0, "findings": Counter()}

    by_agency: dict[str, dict[str, Any]] = defaultdict(blank)
    by_outlet: dict[str, dict[str, Any]] = defaultdict(blank)
    where = {aid: (a.get("agency") or "(none)", os.path.dirname(a.get("path") or "") or "(none)")
             for aid, a in by_id.items() if in_scope(aid)}
    for keys in where.values():  # articles with no statement are counted too
        by_agency[keys[0]], by_outlet[keys[1]]
    for r in records:
        keys = where.get(r.get("article_id"))
        if keys is None:
            continue
        for table, key in zip((by_agency, by_outlet), keys):
            row = table[key]
            row["statements"] += 1
            row["named_speaker"] += bool(r.get("speaker"))
            row["named_source"] += bool(r.get("source") or r.get("via"))
    for f in findings:
        keys = where.get(f.article_id)
        if keys:
            for table, key in zip((by_agency, by_outlet), keys):
                table[key]["findings"][f.type] += 1

    def finish(table: dict[str, dict[str, Any]]) -> dict[str, Any]:
        out = {}
        for key, row in sorted(table.items(), key=lambda kv: (-kv[1]["statements"], kv[0])):
            n = row["statements"] or 1
            out[key] = {"statements": row["statements"],
                        "named_speaker_share": round(row["named_speaker"] / n, 3),
                        "named_source_share": round(row["named_source"] / n, 3),
                        "findings": {t: row["findings"][t] for t in TYPES}}
        return out

    return {"statements": sum(1 for r in records if r.get("article_id") in where),
            "articles": len(where),
            "findings": {t: sum(1 for f in findings if f.type == t) for t in TYPES},
            "by_severity": {s: sum(1 for f in findings if f.severity == s) for s in reversed(SEVERITIES)},
            "by_agency": finish(by_agency), "by_outlet": finish(by_outlet)}
