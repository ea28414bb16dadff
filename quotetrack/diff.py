"""The same statements in two articles, or in two versions of one: which are unchanged, which
were reworded, which credited to someone else, which dropped or added.

Alignment: every statement of A is scored against every statement of B on its lemmas (edit
distance, rapidfuzz), with small bonuses for the same speaker and the same place in the article;
pairs are then taken best first, one to one, and only above a floor, so unrelated statements are
never forced together. A statement of B that is a run of an A statement already paired (a quote
split in two) joins that statement as a second pair, marked "split"; the other way round,
"merged". Pure functions over records; the command line reads files or the store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import similar
from .people import People

STATUSES = ("unchanged", "reworded", "reattributed", "only_a", "only_b")
FLOOR = 60.0  # lemma similarity under which two statements are not the same statement
PART = 90.0  # a statement this much inside another is a part of it (a split or merged quote)


@dataclass(frozen=True, slots=True)
class Pair:
    status: tuple[str, ...]  # one of STATUSES, or ("reworded", "reattributed") when both
    a: dict[str, Any] | None
    b: dict[str, Any] | None
    similarity: float | None = None
    ops: tuple[similar.Op, ...] = ()
    note: str | None = None  # "split" or "merged"
    changes: tuple[str, ...] = ()  # in plain words: "speaker: Иван Петров -> Георги Колев"

    def to_dict(self) -> dict[str, Any]:
        return {"status": list(self.status), "a": self.a, "b": self.b, "similarity": self.similarity,
                "ops": [op.to_dict() for op in self.ops], "note": self.note, "changes": list(self.changes)}


@dataclass(slots=True)
class Diff:
    pairs: list[Pair] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, int]:
        return {s: sum(1 for p in self.pairs if s in p.status) for s in STATUSES}

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary, "pairs": [p.to_dict() for p in self.pairs]}


@dataclass(frozen=True, slots=True)
class _Side:
    records: Sequence[dict[str, Any]]
    lemmas: list[list[str]]
    words: list[list[str]]
    where: list[float]  # place in the article, 0..1


def _side(records: Sequence[dict[str, Any]]) -> _Side:
    words = [similar.words(r.get("text") or "") for r in records]
    n = max(1, len(records) - 1)
    return _Side(records, [similar.lemmas(w) for w in words], words, [i / n for i in range(len(records))])


def credit(r: dict[str, Any]) -> str | None:
    """Who a statement's words are credited through: its source, else the article's agency."""
    via = r.get("via") or ()
    return r.get("source") or (via[0] if via else None) or r.get("agency")


def diff(a: Sequence[dict[str, Any]], b: Sequence[dict[str, Any]], people: People, offset_b: int | None = None) -> Diff:
    """Align the statements of A (records) with those of B. `people` is built over a + b
    (in that order), so that names meet across the two; `offset_b` is where b starts in it."""
    offset_b = len(a) if offset_b is None else offset_b
    A, B = _side(a), _side(b)
    person_a = [people.of(i) for i in range(len(a))]
    person_b = [people.of(offset_b + j) for j in range(len(b))]
    scored = []
    for i in range(len(a)):
        for j in range(len(b)):
            sim = similar.similarity(A.lemmas[i], B.lemmas[j])
            if sim < FLOOR:
                continue
            same = person_a[i] is not None and person_a[i] is person_b[j]
            scored.append((sim + 5.0 * same + 3.0 * (1 - abs(A.where[i] - B.where[j])), sim, i, j))
    scored.sort(key=lambda s: (-s[0], s[2], s[3]))
    pair_of_a: dict[int, int] = {}
    pair_of_b: dict[int, int] = {}
    for _, _, i, j in scored:
        if i not in pair_of_a and j not in pair_of_b:
            pair_of_a[i], pair_of_b[j] = j, i
    pairs: list[tuple[int | None, int | None, str | None]] = [(i, j, None) for i, j in pair_of_a.items()]
    # a quote split in two: the part left over in B lies inside an A statement; and back
    for j, i in _leftover_parts(B.lemmas, A.lemmas, pair_of_b):
        pairs.append((i, j, "split"))
    for i, j in _leftover_parts(A.lemmas, B.lemmas, pair_of_a):
        pairs.append((i, j, "merged"))
    pairs += [(i, None, None) for i in range(len(a)) if i not in pair_of_a]
    pairs += [(None, j, None) for j in range(len(b)) if j not in pair_of_b]

    def place(p: tuple[int | None, int | None, str | None]) -> tuple[float, int]:
        """In B's order; a statement only A has stands before the next one B kept."""
        i, j, _ = p
        if j is not None:
            return (float(j), i if i is not None else -1)
        assert i is not None  # every pair has a side
        later = [pair_of_a[k] for k in range(i + 1, len(a)) if k in pair_of_a]
        return ((min(later) - 0.5) if later else float(len(b)), i)

    return Diff([_pair(A, B, i, j, note, person_a, person_b) for i, j, note in sorted(pairs, key=place)])


def _leftover_parts(mine: list[list[str]], theirs: list[list[str]], paired: dict[int, int]) -> list[tuple[int, int]]:
    """(index, index in the other side) of each unpaired statement lying inside one there;
    `paired` is updated."""
    found = []
    for k in range(len(mine)):
        if k not in paired:
            other = _inside(mine[k], theirs)
            if other is not None:
                paired[k] = other
                found.append((k, other))
    return found


def _inside(part: list[str], wholes: list[list[str]]) -> int | None:
    from rapidfuzz import fuzz

    if len(part) < 4:
        return None
    best = max(range(len(wholes)), key=lambda k: fuzz.partial_ratio(" ".join(part), " ".join(wholes[k])), default=None)
    if best is None or len(wholes[best]) <= len(part):
        return None
    return best if fuzz.partial_ratio(" ".join(part), " ".join(wholes[best])) >= PART else None


def _pair(A: _Side, B: _Side, i: int | None, j: int | None, note: str | None, person_a, person_b) -> Pair:
    if j is None:
        assert i is not None  # every pair has a side
        return Pair(("only_a",), _show(A.records[i], person_a[i]), None)
    if i is None:
        return Pair(("only_b",), None, _show(B.records[j], person_b[j]))
    ra, rb = A.records[i], B.records[j]
    status, changes = [], []
    ops = tuple(similar.ops(A.words[i], B.words[j]))
    if ops:
        status.append("reworded")
    pa, pb = person_a[i], person_b[j]
    if (pa is None) != (pb is None) or (pa is not None and pa is not pb):
        status.append("reattributed")
        changes.append(f"speaker: {pa.name if pa else 'no one'} -> {pb.name if pb else 'no one'}")
    ca, cb = credit(ra), credit(rb)
    if (ca or "").casefold() != (cb or "").casefold():
        if "reattributed" not in status:
            status.append("reattributed")
        changes.append(f"credit: {ca or 'none'} -> {cb or 'none'}")
    sim = round(similar.similarity(A.words[i], B.words[j]), 1)
    return Pair(tuple(status) or ("unchanged",), _show(ra, pa), _show(rb, pb), sim, ops if "reworded" in status else (),
                note, tuple(changes))


def _show(r: dict[str, Any], person) -> dict[str, Any]:
    return {"article_id": r.get("article_id"), "path": r.get("path"), "kind": r.get("kind"), "start": r.get("start"),
            "end": r.get("end"), "text": r.get("text"), "speaker": r.get("speaker"),
            "person": person.name if person is not None else None, "verb": r.get("verb"), "source": r.get("source"),
            "via": list(r.get("via") or ()), "agency": r.get("agency"), "date": r.get("date"), "title": r.get("title")}


@dataclass(frozen=True, slots=True)
class History:
    """The stored versions of one article, each diffed with the one before."""

    path: str
    versions: list[dict[str, Any]]
    steps: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "versions": self.versions, "diffs": self.steps}


def history(articles: Sequence[Any], statements_of: Callable[[list[str]], Iterable[Any]], path: str,
            people: Callable[[list[dict[str, Any]]], People]) -> History:
    """The versions of the article stored at `path` (among `articles`, each with its statements
    from `statements_of`, the store's: only those versions' are read); `people` resolves the
    speakers of two versions' statements together (people.build with the rules and the
    user's aliases)."""
    from .query import stored_versions
    from .store.records import sound_quote

    mine = stored_versions(articles, path)
    by_article: dict[str, list[dict[str, Any]]] = {a["id"]: [] for a in mine}
    for q in statements_of(list(by_article)):
        if sound_quote(q) and q["article_id"] in by_article:
            by_article[q["article_id"]].append(q)
    steps = []
    for old, new in zip(mine, mine[1:]):
        ra = sorted(by_article[old["id"]], key=lambda r: r["start"])
        rb = sorted(by_article[new["id"]], key=lambda r: r["start"])
        steps.append({"from": old.get("version", 1), "to": new.get("version", 1), **diff(ra, rb, people(ra + rb)).to_dict()})
    listing = [{"version": a.get("version", 1), "id": a["id"], "extracted_at": a.get("extracted_at"), "sha256": a.get("sha256"),
                "title": a.get("title"), "statements": len(by_article[a["id"]])} for a in mine]
    return History(mine[-1].get("path") or path, listing, steps)


def speaker_versions(records: Sequence[dict[str, Any]], people: People, query: str) -> tuple[list[str], int, list[list[dict[str, Any]]]] | None:
    """One person's statements as different articles carried them: (the names the query
    matched, how many statements they made, the groups of one statement's versions); None when
    the query names no speaker."""
    found = people.find(query)
    if not found.speakers:
        return None
    wanted = {id(s) for s in found.speakers}
    indexes = [i for i in range(len(records)) if people.of(i) is not None and id(people.of(i)) in wanted]
    return [s.name for s in found.speakers], len(indexes), versions(records, indexes)


def versions(records: Sequence[dict[str, Any]], indexes: Sequence[int], same: float = 80.0) -> list[list[dict[str, Any]]]:
    """One speaker's statements (records[i] for i in indexes) grouped into the same statement
    as different articles carried it; each group earliest first, every later version with its
    word changes against the earliest. Only groups carried by two articles or more."""
    texts = [similar.lemmas(similar.words(records[i].get("text") or "")) for i in indexes]
    out = []
    for group in similar.groups([t if len(t) >= 3 else [] for t in texts], same):
        members = sorted((indexes[g] for g in group), key=lambda i: (records[i].get("date") or "", not records[i].get("agency"),
                                                                      records[i].get("path") or "", records[i].get("start") or 0))
        if len({records[i].get("article_id") for i in members}) < 2:
            continue
        base = similar.words(records[members[0]].get("text") or "")
        rows = []
        for n, i in enumerate(members):
            w = similar.words(records[i].get("text") or "")
            row = _show(records[i], None)
            row["ops"] = [op.to_dict() for op in similar.ops(base, w)] if n else []
            row["similarity"] = round(similar.similarity(base, w), 1)
            rows.append(row)
        out.append(rows)
    out.sort(key=lambda rows: (-len(rows), rows[0].get("date") or ""))
    return out
