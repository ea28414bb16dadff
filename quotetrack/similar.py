"""When two statements or two articles say the same thing: word keys, similarity, word-level
edit operations, and near-duplicate candidates that scale (MinHash + LSH) instead of comparing
every pair.

Statement words are compared as lemmas (simplemma), so "ще подам оставка" and "ще подаде
оставка" meet; the words shown to people and the edit operations stay as written.
"""
from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
NUM_PERM = 64


@functools.lru_cache(maxsize=50_000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(text.lower()))


def words(text: str, *, keep: bool = True) -> list[str]:
    """The words of a text, lower case, without punctuation or quote marks. A statement's are
    cached (the same one is compared many times, and wire copies repeat it); an article's
    (`keep=False`) are not: a cache of fifty thousand short articles held most of a gigabyte."""
    return list(_words(text)) if keep and len(text) < 2000 else WORD_RE.findall(text.lower())


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

    BATCH = 2000  # sets hashed at once: only their signatures are kept

    def __init__(self, sets: Iterable[set[bytes]], threshold: float) -> None:
        from datasketch import MinHashLSH

        self.keys: list[int] = []
        self.hashes: list[Any] = []
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, weights=(0.1, 0.9))
        batch: list[tuple[int, set[bytes]]] = []
        for i, s in enumerate(sets):
            if s:
                batch.append((i, s))
            if len(batch) >= self.BATCH:
                self._add(batch)
                batch = []
        self._add(batch)

    def _add(self, batch: list[tuple[int, set[bytes]]]) -> None:
        hashes = signatures([s for _, s in batch])
        with self.lsh.insertion_session() as session:
            for (i, _), h in zip(batch, hashes):
                session.insert(i, h, check_duplication=False)
        self.keys += [i for i, _ in batch]
        self.hashes += hashes

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Pairs (i < j) of indexed sets likely near each other, each once, as found: a group
        of a thousand near-copies has half a million pairs, which are never all held."""
        for i, h in zip(self.keys, self.hashes):
            for j in self.lsh.query(h):
                if j > i:  # band collisions are symmetric: (j, i) comes from j's own query
                    yield i, j


def signatures(sets: Sequence[set[bytes]]) -> list[Any]:
    """The MinHash signature of each (non-empty) set, lean: its hash values only."""
    from datasketch import LeanMinHash, MinHash

    return [LeanMinHash(h) for h in MinHash.bulk(sets, num_perm=NUM_PERM, hashfunc=_hash)] if sets else []


class Contained:
    """Which indexed sets likely contain most of a given set (|q & x| / |q| at or over a
    threshold): a paragraph copied out of a long wire, which Jaccard similarity would miss.

    Each set is kept as the hashes of a sample of its shingles: those whose hash is 0 modulo
    SAMPLE. The choice depends on the shingle alone, so a shingle two sets share is sampled in
    both, and the share of q's sample found in x estimates how much of q is x's (the winnowing
    of plagiarism detectors). Kept as two sorted numpy arrays (hash, owner): an archive of
    100,000 articles in tens of megabytes, where an LSH Ensemble of their MinHashes took a
    gigabyte. Candidates only; the caller counts the likeliest exactly."""

    SAMPLE = 8

    def __init__(self) -> None:
        self._parts: list[tuple[Any, Any]] = []  # (hashes, owners), a few thousand sets each
        self._batch: list[tuple[Any, int]] = []
        self.hashes: Any = None
        self.owners: Any = None

    def sample(self, s: set[bytes]) -> Any:
        import numpy as np

        hs = np.fromiter((_hash(g) for g in s), dtype=np.uint32, count=len(s))
        return np.unique(hs[hs % self.SAMPLE == 0])

    def add(self, owner: int, s: set[bytes]) -> None:
        self._batch.append((self.sample(s), owner))
        if len(self._batch) >= 4096:
            self._pack()

    def _pack(self) -> None:
        import numpy as np

        if self._batch:  # a few thousand small arrays made one: their overhead would outweigh them
            self._parts.append((np.concatenate([h for h, _ in self._batch]),
                                np.concatenate([np.full(len(h), o, dtype=np.int32) for h, o in self._batch])))
            self._batch = []

    def freeze(self) -> None:
        import numpy as np

        self._pack()
        hashes = np.concatenate([h for h, _ in self._parts]) if self._parts else np.zeros(0, dtype=np.uint32)
        owners = np.concatenate([o for _, o in self._parts]) if self._parts else np.zeros(0, dtype=np.int32)
        self._parts = []
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.owners = hashes[order], owners[order]

    def query(self, s: set[bytes], threshold: float) -> list[tuple[int, float]]:
        """(owner, estimated share of s) for the owners likely to hold at least `threshold` of
        s, likeliest first."""
        import numpy as np

        mine = self.sample(s)
        if not len(mine) or self.hashes is None or not len(self.hashes):
            return []
        lo, hi = np.searchsorted(self.hashes, mine, "left"), np.searchsorted(self.hashes, mine, "right")
        found = [self.owners[a:b] for a, b in zip(lo, hi) if b > a]
        if not found:
            return []
        owners, counts = np.unique(np.concatenate(found), return_counts=True)
        share = counts / len(mine)
        keep = share >= threshold
        return sorted(zip(owners[keep].tolist(), share[keep].tolist()), key=lambda oc: (-oc[1], oc[0]))


def near_pairs(sets: Iterable[set[bytes]], threshold: float) -> Iterator[tuple[int, int]]:
    """Pairs (i < j) of sets likely to have Jaccard similarity >= threshold (see Near)."""
    return Near(sets, threshold).pairs()


def groups(texts: Sequence[Sequence[str]], same: float, threshold: float = 0.4) -> list[list[int]]:
    """Indexes of texts (lemma lists) that say the same thing, grouped: candidate pairs from
    MinHash LSH, joined when their similarity is at least `same`. Identical texts share one key,
    so a line repeated a thousand times costs one. Empty texts are left out."""
    by_key: dict[tuple[str, ...], list[int]] = {}
    for i, t in enumerate(texts):
        if t:
            by_key.setdefault(tuple(t), []).append(i)
    return keyed_groups(by_key, same, threshold)


def keyed_groups(by_key: dict[tuple[str, ...], list[int]], same: float, threshold: float = 0.4) -> list[list[int]]:
    """`groups` of texts already gathered by their lemmas: the indexes of each distinct text."""
    keys = list(by_key)
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in near_pairs((statement_shingles(k) for k in keys), threshold):
        if find(i) != find(j) and similarity(keys[i], keys[j]) >= same:  # joined already: nothing to learn
            parent[find(i)] = find(j)
    out: dict[int, list[int]] = {}
    for n, key in enumerate(keys):
        out.setdefault(find(n), []).extend(by_key[key])
    return [sorted(g) for g in out.values()]
