"""When two statements or two articles say the same thing: word keys, similarity, word-level
edit operations, and near-duplicate candidates that scale (MinHash + LSH) instead of comparing
every pair.

Statement words are compared as lemmas (simplemma), so "ще подам оставка" and "ще подаде
оставка" meet; the words shown to people and the edit operations stay as written.
"""
from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
NUM_PERM = 64


@functools.lru_cache(maxsize=50_000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(text.lower()))


def words(text: str) -> list[str]:
    """The words of a text, lower case, without punctuation or quote marks. (A statement's are
    cached: the same one is compared many times, and wire copies repeat it; a whole article's
    are not kept.)"""
    return list(_words(text)) if len(text) < 2000 else WORD_RE.findall(text.lower())


def _hash(data: bytes) -> int:
    """A shingle's 32-bit hash for MinHash: crc32 in C, several times faster than datasketch's
    default sha1 in Python, and as good for telling shingles apart."""
    return zlib.crc32(data)


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="bg")


def lemmas(ws: Iterable[str]) -> list[str]:
    return [lemma(w) for w in ws]


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """0-100: how alike two word sequences are (edit distance over the joined words)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(" ".join(a), " ".join(b))


@dataclass(frozen=True, slots=True)
class Op:
    """One word-level edit from a to b: insert, delete or replace, with word offsets."""

    op: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_words: tuple[str, ...]
    b_words: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"op": self.op, "a": [self.a_start, self.a_end], "b": [self.b_start, self.b_end],
                "a_words": list(self.a_words), "b_words": list(self.b_words)}


def ops(a: Sequence[str], b: Sequence[str]) -> list[Op]:
    """The word edits that turn a into b (rapidfuzz's Levenshtein opcodes over words)."""
    from rapidfuzz.distance import Levenshtein

    out = []
    for o in Levenshtein.opcodes(list(a), list(b)):  # by name: unpacked, an opcode's fields are all `int | str`
        if o.tag != "equal":
            i1, i2, j1, j2 = o.src_start, o.src_end, o.dest_start, o.dest_end
            out.append(Op(o.tag, i1, i2, j1, j2, tuple(a[i1:i2]), tuple(b[j1:j2])))
    return out


def shingles(ws: Sequence[str], n: int) -> set[bytes]:
    if len(ws) < n:
        return {" ".join(ws).encode()} if ws else set()
    return {" ".join(ws[i : i + n]).encode() for i in range(len(ws) - n + 1)}


def statement_shingles(ls: Sequence[str]) -> set[bytes]:
    """Single lemmas and pairs: short statements keep enough in common after one changed word."""
    return shingles(ls, 1) | shingles(ls, 2)


class Near:
    """A MinHash LSH index (datasketch) over shingle sets: which indexed sets are likely to
    have Jaccard similarity >= threshold with a given one. About linear in the number of sets,
    not quadratic; candidates only, so the bands are tuned to miss few pairs (false negatives
    weigh 0.9) and the caller checks each candidate."""

    def __init__(self, sets: Sequence[set[bytes]], threshold: float) -> None:
        from datasketch import MinHash, MinHashLSH

        self._MinHash = MinHash
        self.keys = [i for i, s in enumerate(sets) if s]
        self.hashes = MinHash.bulk([sets[i] for i in self.keys], num_perm=NUM_PERM, hashfunc=_hash) if self.keys else []
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(0.1, 0.9))
        with self.lsh.insertion_session() as session:
            for i, h in zip(self.keys, self.hashes):
                session.insert(i, h, check_duplication=False)

    def pairs(self) -> set[tuple[int, int]]:
        """Pairs (i < j) of indexed sets likely near each other."""
        out = set()
        for i, h in zip(self.keys, self.hashes):
            for j in self.lsh.query(h):
                if j != i:
                    out.add((min(i, j), max(i, j)))
        return out


def signatures(sets: Sequence[set[bytes]]) -> list[Any]:
    """The MinHash signature of each (non-empty) set, lean: its hash values only, so that the
    signatures of a whole archive's articles fit where their shingle sets would not."""
    from datasketch import LeanMinHash, MinHash

    return [LeanMinHash(h) for h in MinHash.bulk(sets, num_perm=NUM_PERM, hashfunc=_hash)] if sets else []


def containment(a: Any, a_size: int, b: Any, b_size: int) -> float:
    """|a & b| / |b| as two signatures estimate it (from their Jaccard similarity and the sets'
    sizes): which candidates are worth an exact count."""
    j = a.jaccard(b)
    return min(1.0, j * (a_size + b_size) / (1 + j) / max(1, b_size))


class Within:
    """Which indexed sets likely contain most of a given set (containment |q & x| / |q| at or
    over the threshold): a paragraph copied out of a long wire, which Jaccard similarity would
    miss. datasketch's LSH Ensemble over signatures (`signatures`), each given with its key and
    its set's size; candidates only, the caller checks them."""

    def __init__(self, entries: Sequence[tuple[Any, Any, int]], threshold: float) -> None:
        from datasketch import MinHashLSHEnsemble

        self.index = MinHashLSHEnsemble(threshold=threshold, num_perm=NUM_PERM, num_part=8)
        if entries:
            self.index.index(list(entries))
        self.empty = not entries

    def query(self, signature: Any, size: int) -> list[Any]:
        return [] if self.empty else list(self.index.query(signature, size))


def near_pairs(sets: Sequence[set[bytes]], threshold: float) -> set[tuple[int, int]]:
    """Pairs (i < j) of sets likely to have Jaccard similarity >= threshold (see Near)."""
    if sum(1 for s in sets if s) < 2:
        return set()
    return Near(sets, threshold).pairs()


def groups(texts: Sequence[Sequence[str]], same: float, threshold: float = 0.4) -> list[list[int]]:
    """Indexes of texts (lemma lists) that say the same thing, grouped: candidate pairs from
    MinHash LSH, joined when their similarity is at least `same`. Identical texts share one key,
    so a line repeated a thousand times costs one. Empty texts are left out."""
    by_key: dict[tuple[str, ...], list[int]] = {}
    for i, t in enumerate(texts):
        if t:
            by_key.setdefault(tuple(t), []).append(i)
    keys = list(by_key)
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in near_pairs([statement_shingles(k) for k in keys], threshold):
        if similarity(keys[i], keys[j]) >= same:
            parent[find(i)] = find(j)
    out: dict[int, list[int]] = {}
    for n, key in enumerate(keys):
        out.setdefault(find(n), []).extend(by_key[key])
    return [sorted(g) for g in out.values()]
