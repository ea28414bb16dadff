"""When two statements or two articles say the same thing: word keys, similarity, word-level
edit operations, and near-duplicate candidates that scale (MinHash + LSH) instead of comparing
every pair.

Statement words are compared as lemmas (simplemma), so "ще подам оставка" and "ще подаде
оставка" meet; the words shown to people and the edit operations stay as written.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
NUM_PERM = 64


def words(text: str) -> list[str]:
    """The words of a text, lower case, without punctuation or quote marks."""
    return [m.group().lower() for m in WORD_RE.finditer(text)]


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


def contains(big: Sequence[str], small: Sequence[str]) -> bool:
    """`small` is a run of `big`'s words: a shorter excerpt, not an altered quote."""
    n = len(small)
    return n > 0 and any(list(big[i : i + n]) == list(small) for i in range(len(big) - n + 1))


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
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(list(a), list(b)):
        if tag != "equal":
            out.append(Op(tag, i1, i2, j1, j2, tuple(a[i1:i2]), tuple(b[j1:j2])))
    return out


def shingles(ws: Sequence[str], n: int) -> set[bytes]:
    if len(ws) < n:
        return {" ".join(ws).encode()} if ws else set()
    return {" ".join(ws[i : i + n]).encode() for i in range(len(ws) - n + 1)}


def statement_shingles(ls: Sequence[str]) -> set[bytes]:
    """Single lemmas and pairs: short statements keep enough in common after one changed word."""
    return shingles(ls, 1) | shingles(ls, 2)


def near_pairs(sets: Sequence[set[bytes]], threshold: float) -> set[tuple[int, int]]:
    """Pairs (i < j) whose shingle sets are likely to have Jaccard similarity >= threshold,
    found by MinHash LSH (datasketch): about linear in the number of sets, not quadratic.
    Candidates only: the caller checks each pair, so the bands are tuned to miss few pairs
    (false negatives weigh 0.9) at the price of more checks."""
    from datasketch import MinHash, MinHashLSH

    keep = [i for i, s in enumerate(sets) if s]
    if len(keep) < 2:
        return set()
    hashes = MinHash.bulk([sets[i] for i in keep], num_perm=NUM_PERM)
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(0.1, 0.9))
    with lsh.insertion_session() as session:
        for i, h in zip(keep, hashes):
            session.insert(i, h, check_duplication=False)
    pairs = set()
    for i, h in zip(keep, hashes):
        for j in lsh.query(h):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs
