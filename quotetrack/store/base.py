"""What the commands ask of a store, whichever database holds it. A backend answers in its own
way (TinyDB files, SQL); nothing above this package asks which one it talks to."""
from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, Protocol

from ..models import ArticleRecord, Extraction, Rows, Slim

# Who the statements' speakers are across the store: from the slim projection of every current
# statement, the speakers ranked (each a row as `speakers` prints it, with "names": the forms
# that resolved to it) and, per statement, the rank of its speaker (-1: none). Made by the
# caller (quotetrack.index) from the rules, so that the store never resolves people itself.
Resolver = Callable[[list[Slim]], tuple[list[dict[str, Any]], array]]


class Store(Protocol):
    """Articles, versioned by location and content hash, and their statements. What `add`
    takes is typed (models.Rows); what the reads give back is JSON as stored, statements of
    StatementRecord's shape (`current` checks it with records.sound_quote), as plain dicts."""

    name: str  # how messages name the store: its path, or its URL without a password
    # True: a long run hands `add` one batch at a time as it goes (a server holds no lock across
    # them); False: the whole run in one `add`, as each call is one write of the store
    streams: bool

    def newest(self) -> dict[str, tuple[str, str]]:
        """For each stored file (absolute path): the sha256 and id of its newest version."""
        ...

    def add(self, items: Iterable[Extraction | Rows], *, after: Callable[[Store], None] | None = None,
            ) -> tuple[int, int]:
        """Store each article unless its newest stored version has the same text; a changed
        text at a known location becomes the next version. `items` may be a stream. `after`
        runs once what was added is committed (the caller rebuilds its index there; a TinyDB
        store still holds its lock, a server's index rebuild takes the store's own). Returns
        (stored, unchanged)."""
        ...

    def articles(self) -> list[ArticleRecord]:
        """Every stored version of every article, without its text."""
        ...

    def iter_quotes(self) -> Iterator[dict[str, Any]]:
        """Every stored statement, of every version."""
        ...

    def current(self) -> Iterator[dict[str, Any]]:
        """The statements of each article's newest version, of the shape quotetrack writes."""
        ...

    def statements_of(self, article_ids: Collection[str]) -> Iterator[dict[str, Any]]:
        """The statements of these stored article versions, an article's together, in text order."""
        ...

    def texts(self, articles: Iterable[ArticleRecord]) -> dict[str, str]:
        """The text of each of these stored articles, by id."""
        ...

    def reindex(self, resolve: Resolver, fingerprint: str) -> None:
        """Rebuild the speaker index from the store as it is now; `fingerprint` names the rules
        `resolve` was made with, so that an index built with other rules is never read."""
        ...

    def read_index(self, fingerprint: str) -> list[dict[str, Any]] | None:
        """The indexed speakers, most statements first, if the index matches the store as it
        is now and these rules; else None (the caller resolves from the records)."""
        ...

    def indexed_statements(self, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        """The statements of these indexed speakers, each with its `person`, newest first."""
        ...

    def close(self) -> None:
        ...
