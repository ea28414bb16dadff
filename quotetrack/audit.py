"""Auditing attribution across the store: what is credited to whom, to no one, or to someone
else elsewhere. Pure functions over stored records, so an editor's cron job, a test and a
notebook get the same findings.

Finding types (part of the interface): unattributed, unresolved_pronoun, vague_source,
conflicting_attribution, uncredited_copy, altered_quote. Statements meet across articles by
their lemmas (similar.py): MinHash LSH proposes candidate pairs, an edit-distance check confirms
them, so the cost grows with the number of statements, not with its square.

Every finding carries its evidence (how each side is attributed, how alike the statements and
the text around them are) and a confidence; its severity is never higher than the confidence
allows (attribution.py). Two copies of one wire text whose speakers the extractor read
differently are the extractor disagreeing with itself, not a finding: the summary counts them.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import re

from . import attribution, similar
from .attribution import NAME, STRENGTH, how, normal
from .people import MEDIUM, People, Speaker
from .rules import RuleSet

SEVERITIES = ("low", "medium", "high")
TYPES = ("uncredited_copy", "conflicting_attribution", "altered_quote", "unattributed", "unresolved_pronoun",
         "vague_source")
MIN_WORDS = 5  # shorter fragments ("свещената борба") are too common to tie two articles together
SAME = 80.0  # lemma similarity (0-100) at which two statements are the same statement
COPY = 0.6  # share of an article's word trigrams (or statements) found in another: a copy
MIN_COPY = 40  # word trigrams: an article shorter than this is too short to call a copy
COPY_CHECKS = 8  # candidate sources of one article counted exactly, the likeliest by their samples
COPY_SLACK = 0.2  # how far a sample's estimate of the share may fall below the real one
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
    confidence: float = 1.0  # 0-1: how sure the finding is real, from its evidence
    evidence: dict[str, Any] = field(default_factory=dict)  # what the confidence was read from

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"type": self.type, "severity": self.severity, "confidence": self.confidence,
                             "path": self.path, "article_id": self.article_id, "explanation": self.explanation,
                             "evidence": self.evidence, "statements": list(self.statements)}
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


def _statement(r: dict[str, Any], people: People | None = None, i: int | None = None,
               rules: RuleSet | None = None) -> dict[str, Any]:
    person = people.of(i) if people is not None and i is not None else None
    st = {"article_id": r.get("article_id"), "path": r.get("path"), "kind": r.get("kind"),
          "start": r.get("start"), "end": r.get("end"), "text": r.get("text"), "speaker": r.get("speaker"),
          "person": person.name if person else None, "source": r.get("source"), "via": list(r.get("via") or ()),
          "agency": r.get("agency"), "date": r.get("date")}
    if rules is not None:
        st["attribution"] = how(r, rules, medium=person is not None and person.kind == MEDIUM)
    return st


def _how(records, people: People, rules: RuleSet, i: int) -> str:
    sp = people.of(i)
    return how(records[i], rules, medium=sp is not None and sp.kind == MEDIUM)


def _where(r: dict[str, Any]) -> str:
    return r.get("path") or r.get("article_id") or "?"


class Texts:
    """Article texts as the audit reads them: from the articles themselves when they carry
    them, else from `fetch` (the store's texts of some article ids), a few hundred kept at a
    time. A store of 100,000 articles never holds all its texts at once."""

    KEEP = 512  # texts kept for the look-ups that jump between articles (conflicts, copies)
    BATCH = 500  # texts fetched at once when every article is read in turn

    def __init__(self, by_id: dict[str, dict[str, Any]], fetch: Callable[[Sequence[str]], dict[str, str]] | None) -> None:
        self.by_id, self.fetch = by_id, fetch
        self.kept: OrderedDict[str, str] = OrderedDict()

    def __call__(self, aid: str) -> str:
        own = (self.by_id.get(aid) or {}).get("text")
        if own is not None or self.fetch is None:
            return own or ""
        if aid in self.kept:
            self.kept.move_to_end(aid)
            return self.kept[aid]
        text = self.fetch([aid]).get(aid, "")
        self.kept[aid] = text
        if len(self.kept) > self.KEEP:
            self.kept.popitem(last=False)
        return text

    def each(self, aids: Sequence[str]) -> Iterator[tuple[str, str]]:
        """(id, text) for each article, fetched in batches."""
        for n in range(0, len(aids), self.BATCH):
            chunk = aids[n:n + self.BATCH]
            own: dict[str, str | None] = {a: (self.by_id.get(a) or {}).get("text") for a in chunk}
            missing = [a for a, t in own.items() if t is None]
            fetched = self.fetch(missing) if missing and self.fetch is not None else {}
            for a in chunk:
                yield a, own[a] or fetched.get(a, "")


def audit(articles: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]], people: People, rules: RuleSet,
          scope: set[str] | None = None, min_confidence: float = 0.0, *,
          texts: Callable[[Sequence[str]], dict[str, str]] | None = None) -> Report:
    """Findings for the articles in `scope` (ids; None: all), compared against every article
    given, those below `min_confidence` left out. `records` are the statements of those
    articles, `people` built from them. Articles carry their text, or `texts` fetches the
    texts of some article ids (the store's), so that they are read a few at a time."""
    in_scope = (lambda aid: True) if scope is None else (lambda aid: aid in scope)
    by_id = {a["id"]: a for a in articles}
    text_of = Texts(by_id, texts)
    tally: Counter[str] = Counter()  # what the audit set aside as the extractor's, for rule writers
    findings: list[Finding] = []
    findings += _unattributed(text_of, records, people, rules, in_scope, tally)
    findings += _vague(by_id, text_of, records, people, rules, in_scope)
    clusters = _clusters(records, rules)
    findings += _conflicts(text_of, clusters, records, people, rules, in_scope, tally)
    findings += _altered(clusters, records, people, rules, in_scope)
    findings += _copies(by_id, text_of, records, clusters, people, rules, in_scope)
    findings = [f for f in findings if f.confidence >= min_confidence]
    findings.sort(key=lambda f: (-rank(f.severity), -f.confidence, TYPES.index(f.type), f.path or "",
                                 f.statements[0].get("start") or 0))
    chains = _chains(records, in_scope, people)
    summary = _summary(by_id, records, findings, in_scope)
    summary["set_aside"] = {"extractor_disagreements": tally["disagreements"], "credited_nearby": tally["credited_nearby"]}
    return Report(findings, summary, chains)


def _is_vague(r: dict[str, Any], sp, rules: RuleSet) -> bool:
    """Credited to a group that names no one: "анализатори", "източници от министерството"."""
    head = (r.get("speaker") or "").lower().split()[:2]
    return sp is not None and sp.kind not in ("person", "name", MEDIUM) and any(w in rules.vague_nouns for w in head)


# -- one statement at a time -------------------------------------------------------------------

def _unattributed(text_of: Texts, records, people, rules: RuleSet, in_scope, tally: Counter[str]) -> list[Finding]:
    """Direct quotes credited to no one: only where nothing near them credits them (a reporting
    verb in their sentence or the one before or after, a colon introducing them); "каза тя" with
    no one to mean is a finding of its own, and a low one."""
    out: list[Finding] = []
    for i, r in enumerate(records):
        if r.get("kind") != "direct" or r.get("speaker") or not in_scope(r.get("article_id")):
            continue
        if attribution.unresolved_pronoun(r, rules):
            out.append(Finding("unresolved_pronoun", "low", r.get("path"), r["article_id"], (_statement(r, people, i, rules),),
                               f"A quote credited to \"{r['speaker_mention']}\", with no one named before it to mean.",
                               confidence=0.5, evidence={"attribution": ["pronoun"]}))
            continue
        text = text_of(r["article_id"])
        cue = attribution.credited_nearby(text, r["start"], r["end"], rules) if text else None
        if cue is not None:
            tally["credited_nearby"] += 1  # the extractor missed a credit the text gives
            continue
        marked = attribution.marked(text, r["start"], r["end"], rules)
        confidence = 0.8 if marked else 0.4  # a run of words up to a stray mark may be no quote at all
        out.append(Finding("unattributed", attribution.severity(confidence, "medium"), r.get("path"), r["article_id"],
                           (_statement(r, people, i, rules),),
                           "A direct quote that the article credits to no one: no reporting verb in its sentence "
                           "or the ones around it, no colon introducing it.",
                           confidence=confidence, evidence={"attribution": ["none"], "marked": marked,
                                                            "checked": "its sentence, the one before and the one after"}))
    return out


def _vague(by_id, text_of: Texts, records, people, rules: RuleSet, in_scope) -> list[Finding]:
    """Statements credited to a vague group ("твърдят анализатори"), and sentences that credit
    words to an unnamed source ("според запознати", "говори се") with nobody named."""
    out: list[Finding] = []
    named: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)  # article -> (start, end, named?)
    flagged_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)  # article -> spans flagged
    for i, r in sorted(enumerate(records), key=lambda ir: (ir[1]["article_id"], ir[1]["start"], -ir[1]["end"])):
        sp = people.of(i)
        vague = _is_vague(r, sp, rules)
        named[r["article_id"]].append((r["start"], r["end"], sp is not None and not vague))
        if not vague or not in_scope(r["article_id"]):
            continue
        done = flagged_spans[r["article_id"]]
        if not any(s0 <= r["start"] and r["end"] <= e0 for s0, e0 in done):  # a partial inside a flagged statement is flagged
            done.append((r["start"], r["end"]))
            out.append(Finding("vague_source", "low", r.get("path"), r["article_id"], (_statement(r, people, i, rules),),
                               f"Credited only to \"{r['speaker']}\", a source the article does not name.",
                               confidence=0.7, evidence={"attribution": [_how(records, people, rules, i)]}))
    if not rules.vague_phrases:
        return out
    # the stdlib engine: several times faster than `regex` on a plain alternation like this
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(rules.vague_phrases, key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
    flagged = {(f.article_id, f.statements[0]["start"]) for f in out}
    for aid, text in text_of.each([aid for aid in by_id if in_scope(aid)]):
        a = by_id[aid]
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
                f"Words credited to \"{m.group()}\": no named source.", confidence=0.6, evidence={"phrase": m.group()}))
    return out


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return start, min(end, len(text))


# -- the same statement in different articles ----------------------------------------------------

def _clusters(records, rules: RuleSet) -> list[list[int]]:
    """Groups of record indexes that are the same statement in two or more articles. Each
    distinct text is read once: a wire statement forty articles carry is one key, not forty."""
    by_key: dict[tuple[str, ...], list[int]] = {}
    key_of: dict[str, tuple[str, ...]] = {}
    for i, r in enumerate(records):
        text = r.get("text") or ""
        key = key_of.get(text)
        if key is None:
            ws = similar.words(normal(text, rules))
            key = key_of[text] = tuple(similar.lemmas(ws)) if len(ws) >= MIN_WORDS else ()
        if key:
            by_key.setdefault(key, []).append(i)
    del key_of
    return [g for g in similar.keyed_groups(by_key, SAME) if len({records[i].get("article_id") for i in g}) > 1]


def _conflicts(text_of: Texts, clusters, records, people: People, rules: RuleSet, in_scope, tally: Counter[str]) -> list[Finding]:
    """The same statement credited to different people in different articles: one finding per
    set of articles and speakers, listing every statement they share. Two copies of one text
    around the statement are one credit read two ways (the extractor's, counted in the
    summary); only a clause naming the speaker on every side makes a finding more than low."""
    found: dict[tuple[frozenset[str], frozenset[str]], list[tuple[list[int], float, float]]] = defaultdict(list)
    out: list[Finding] = []
    for group in clusters:
        if not any(in_scope(records[i].get("article_id")) for i in group):
            continue
        lem = {i: similar.lemmas(similar.words(normal(records[i]["text"], rules))) for i in group}
        by_person: dict[int, list[int]] = defaultdict(list)
        for i in group:
            sp = people.of(i)
            if sp is not None and sp.kind != MEDIUM and not _is_vague(records[i], sp, rules):
                by_person[id(sp)].append(i)
        # short words many people say are a common phrase; a long sentence is nobody's but one
        common = max(len(t) for t in lem.values()) < LONG and len(by_person) > MAX_SPEAKERS
        if len(by_person) > 1 and not common:
            shown = [_typical(members, lem, records, in_scope) for members in by_person.values()]
            involved: set[int] = set()
            likeness = 0.0
            for n, i in enumerate(shown):
                for j in shown[n + 1 :]:
                    ai, aj = records[i]["article_id"], records[j]["article_id"]
                    if ai == aj or _same_who(people.of(i), people.of(j), rules):
                        continue
                    alike = attribution.copy_likeness(text_of(ai), records[i], text_of(aj), records[j], rules)
                    if alike >= attribution.SAME_COPY:
                        tally["disagreements"] += 1  # one wire text, its speaker read two ways
                        continue
                    involved |= {i, j}
                    likeness = max(likeness, alike)
            members = [i for i in shown if i in involved]
            if members and any(in_scope(records[i].get("article_id")) for i in members):
                key = (frozenset(records[i]["article_id"] for i in members), frozenset(_speaker(people, i).name for i in members))
                sim = min(similar.similarity(lem[i], lem[j]) for i in members for j in members if i < j)
                found[key].append((members, sim, likeness))
        out += _wire_conflict(group, records, people, rules, in_scope)
    for shared in found.values():
        members = shared[0][0]
        anchor = next(i for i in members if in_scope(records[i].get("article_id")))
        sides = [_how(records, people, rules, i) for i in members]
        sim, likeness = min(x[1] for x in shared), max(x[2] for x in shared)
        confidence = min(STRENGTH[k] for k in sides) * (0.6 + 0.4 * sim / 100) * (1.0 if likeness < 60 else 0.85)
        if any(k != NAME for k in sides):
            confidence = min(confidence, 0.5)  # a role, a pronoun or an inherited speaker on one side
        names = [_speaker(people, i).name for i in members]
        lookalike = _look_alike(names)
        if lookalike:
            confidence = min(confidence, 0.5)  # "Фарадж" / "Фараж": more likely one man spelled two ways
        confidence = round(confidence, 2)
        said = "; ".join(f"to {_speaker(people, i).name} in {_where(records[i])}" for i in members)
        many = f"{len(shared)} statements are" if len(shared) > 1 else "The same statement is"
        statements = tuple(_statement(records[i], people, i, rules) for ms, _, _ in shared for i in ms)
        out.append(Finding(
            "conflicting_attribution", attribution.severity(confidence), records[anchor].get("path"),
            records[anchor]["article_id"], statements,
            f"{many} credited {said}" + (
                f" ({lookalike[0]} and {lookalike[1]} look alike: one name misspelled, or two people?)." if lookalike else ".")
            + ("" if all(k == NAME for k in sides) else f" Credited by: {', '.join(sides)}."),
            round(sim, 1), confidence=confidence,
            evidence={"attribution": sides, "statement_similarity": round(sim, 1), "context_similarity": round(likeness, 1),
                      "statements": len(shared)}))
    return out


def _speaker(people: People, i: int) -> Speaker:
    """The speaker of records[i], asked only where the records were grouped by their speaker."""
    return cast(Speaker, people.of(i))


def _same_who(a: Speaker | None, b: Speaker | None, rules: RuleSet) -> bool:
    """Two forms of one person or group: the same lemmas ("пожелали / пожелалите анонимност
    източници"), one narrowed by its complement ("Семейството" / "Семейството на Биби"), one
    with a body's noun or a place beside the name ("Обновление" / "Партия „Обновление“",
    "Ангела Меркел" / "Ангела Меркел България", a caption word glued on)."""
    if a is None or b is None:
        return False
    wa, wb = similar.words(a.name), similar.words(b.name)
    if not wa or not wb:
        return False
    if similar.lemmas(wa) == similar.lemmas(wb):
        return True
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    n = len(short)
    at = next((k for k in range(len(long_) - n + 1) if long_[k : k + n] == short), None)
    if at is None:
        return False
    extra = long_[:at] + long_[at + n :]
    if at == 0 and (n >= 2 or long_[n] in rules.preps):
        return True
    return all(w in rules.bodies or w in rules.preps or w in rules.places for w in extra)


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
                (_statement(records[i], people, i, rules), _statement(records[j], people, j, rules)),
                f"The same statement is credited to {a} in {_where(records[i])} and to {b} in {_where(records[j])}.",
                confidence=0.7, evidence={"credits": [list(records[i].get("via") or ()), list(records[j].get("via") or ())]}))
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
    done: set[tuple[str, str, int]] = set()
    for group in sorted(clusters, key=lambda g: -max(STRENGTH[_how(records, people, rules, i)] for i in g)):
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
            bw = similar.words(normal(records[base]["text"], rules))
            reported: set[tuple[str, ...]] = {tuple(bw)}
            for i in members[1:]:
                if records[i].get("article_id") == records[base].get("article_id") or not in_scope(records[i].get("article_id")):
                    continue
                w = similar.words(normal(records[i]["text"], rules))  # "по- гладка" is "по-гладка"
                if tuple(w) in reported or _excerpt(bw, w, rules) or _excerpt(w, bw, rules):
                    continue
                reported.add(tuple(w))
                ops = [op for op in similar.ops(bw, w) if not _abbreviated(op, rules)]  # "г." / "година", "бел. ред."
                if not ops or "".join(bw) == "".join(w):
                    continue  # "г." for "година", "напарламента" for "на парламента": no change of words
                touched = sum(max(op.a_end - op.a_start, op.b_end - op.b_start) for op in ops)
                negation = any(x in rules.polarity for op in ops for x in op.a_words + op.b_words)
                name = _speaker(people, i).name
                sides = [_how(records, people, rules, base), _how(records, people, rules, i)]
                # both sides already name one person: a pronoun that did so is as good as a role
                confidence = min(max(STRENGTH[k], STRENGTH["role"]) if k != "none" else 0.0 for k in sides)
                if all(_inflected(op) for op in ops):
                    confidence = min(confidence, 0.5)  # "което" / "която": the same word, another ending
                confidence = round(confidence, 2)
                pair = (records[base]["article_id"], records[i]["article_id"], id(people.of(i)))
                if pair in done:
                    continue  # one finding per pair of articles and speaker
                done.add(pair)
                out.append(Finding(
                    "altered_quote", attribution.severity(confidence, "high" if touched >= 3 or negation else "medium"),
                    records[i].get("path"), records[i]["article_id"],
                    (_statement(records[base], people, base, rules), _statement(records[i], people, i, rules)),
                    f"{name}'s quote in {_where(records[i])} differs from {_where(records[base])}: {_describe(ops)}.",
                    round(similar.similarity(bw, w), 1), tuple(ops), confidence=confidence,
                    evidence={"attribution": sides, "words_changed": touched, "negation": negation}))
    return out


def _abbreviated(op: similar.Op, rules: RuleSet) -> bool:
    """One word written whole on one side and abbreviated on the other ("г." / "година"), or
    only abbreviations added or dropped (an editor's "бел. ред.")."""
    if op.op in ("insert", "delete"):
        ws = op.a_words + op.b_words
        return all(w + "." in rules.abbreviations for w in ws) or ".".join(ws) + "." in rules.abbreviations or (
            ". ".join(ws) + "." in rules.abbreviations)
    if op.op != "replace" or len(op.a_words) != 1 or len(op.b_words) != 1:
        return False
    a, b = op.a_words[0], op.b_words[0]
    short, full = (a, b) if len(a) < len(b) else (b, a)
    return short + "." in rules.abbreviations and full.startswith(short)


def _inflected(op: similar.Op) -> bool:
    """One word for another with the same lemma: an ending changed, not the words."""
    return (op.op == "replace" and len(op.a_words) == len(op.b_words)
            and similar.lemmas(op.a_words) == similar.lemmas(op.b_words))


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
    src, names = Media(rules, toks), set()
    for k, t in enumerate(toks):
        if t.is_upper:
            found = src.agency_at(toks, k, len(toks))
            if found:
                names.add(found[0].casefold())
        elif t.low in rules.media_nouns and k + 1 < len(toks) and toks[k + 1].is_upper:
            medium = src.medium_at(toks, k, min(len(toks), k + 8))  # "вестник London Evening Standard"
            if medium:
                names.add(medium[0].casefold())
    return names


def _trigrams(text: str) -> set[bytes]:
    """An article's word trigrams (its words read afresh, not cached: articles are read once)."""
    return similar.shingles(similar.words(text, keep=False), 3)


def _copies(by_id, text_of: Texts, records, clusters, people: People, rules: RuleSet, in_scope) -> list[Finding]:
    """Articles that largely repeat a credited article while crediting nothing themselves: no
    agency, no medium credited for any statement, no agency named anywhere in the text. The
    source must not be dated after the copy. Only such suspects are looked up, and only among
    credited articles, so the cost stays near linear."""
    credits_of: dict[str, set[str]] = defaultdict(set)
    for i, r in enumerate(records):
        credits_of[r["article_id"]].update(m.casefold() for m in (r.get("via") or ()) if m)
        sp = people.of(i)
        if sp is not None and sp.kind == MEDIUM:
            credits_of[r["article_id"]].add(sp.name.casefold())  # "..., пише вестник X": X is credited
    credited = [a for a in by_id if by_id[a].get("agency")]
    suspects = [a for a in by_id if not by_id[a].get("agency") and in_scope(a) and not credits_of[a]]
    if not credited or not suspects:
        return []
    # each credited article's word trigrams, read a batch of texts at a time and kept as a
    # sample (the sets of a whole archive would not fit); the likeliest sources are counted exactly
    index = similar.Contained()
    for n, (_, text) in enumerate(text_of.each(credited)):
        index.add(n, _trigrams(text))
    index.freeze()
    candidates: dict[tuple[str, str], float] = {}
    long_enough: set[str] = set()
    for y, text in text_of.each(suspects):
        mine = _trigrams(text)
        if len(mine) < MIN_COPY:
            continue  # a line or two proves nothing
        long_enough.add(y)
        when = by_id[y].get("date")
        # a source dated after the copy copied nothing to it: left out before the likeliest are taken
        likely = [credited[n] for n, _ in index.query(mine, COPY - COPY_SLACK)
                  if not (when and by_id[credited[n]].get("date") and by_id[credited[n]]["date"] > when)]
        for x in likely[:COPY_CHECKS]:
            share = len(_trigrams(text_of(x)) & mine) / len(mine)  # how much of y is x's
            if share >= COPY:
                candidates[(x, y)] = share
    # or most of y's statements are x's: clusters tie them (a line quoted everywhere ties nothing)
    shared: Counter[tuple[str, str]] = Counter()
    suspect_set = long_enough
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
            named[y] = _credits_named(text_of(y), rules)
        if named[y]:
            continue  # it credits someone in its text ("по информация на БТА")
        done.add(y)
        # a near-whole copy is one; two thirds may be two rewrites of one press release
        confidence = 0.9 if share >= 0.9 else 0.5
        out.append(Finding(
            "uncredited_copy", attribution.severity(confidence), copy.get("path"), y,
            tuple({"article_id": a["id"], "path": a.get("path"), "kind": "article", "start": 0, "end": len(text_of(a["id"])),
                   "text": a.get("title"), "speaker": None, "person": None, "source": None, "via": [],
                   "agency": a.get("agency"), "date": a.get("date")} for a in (copy, src)),
            f"{share:.0%} of {copy.get('path') or y} is found in {src.get('path') or x}, which is credited to "
            f"{src['agency']}, but {copy.get('path') or y} credits no one.", round(share * 100, 1),
            confidence=confidence, evidence={"shared": round(share, 3)}))
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
        if not in_scope(aid) or not r.get("speaker") or (people is not None and ((sp := people.of(i)) is None or sp.kind == MEDIUM)):
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
    for agency, outlet in where.values():  # articles with no statement are counted too
        by_agency[agency], by_outlet[outlet]
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
