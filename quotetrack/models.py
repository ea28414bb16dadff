"""The records quotetrack produces: immutable, with offsets back into the article text."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Literal, NotRequired, TypedDict

Kind = Literal["direct", "partial", "indirect"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement. `article_text[start:end] == text` always holds."""

    kind: Kind
    text: str
    start: int
    end: int
    speaker: str | None = None  # canonical name: the fullest form the article uses
    speaker_mention: str | None = None  # the words that name the speaker where it is credited
    role: str | None = None  # "президент" for "руският президент"
    verb: str | None = None  # the reporting word as written ("заяви"); a preposition cue as its lemma ("по думите на")
    verb_lemma: str | None = None
    source: str | None = None  # medium or document the statement is credited to
    via: tuple[str, ...] = ()  # every medium credited on the way, nearest the speaker first
    article_id: str | None = None
    path: str | None = None
    title: str | None = None
    date: str | None = None
    agency: str | None = None  # the article's own credit

    def to_dict(self) -> StatementRecord:
        d = {name: getattr(self, name) for name in _QUOTE_FIELDS}
        d["via"] = list(self.via)
        return d  # type: ignore[return-value]

    def __reduce__(self):
        # the fields as one tuple: a slotted dataclass's own pickling looks its fields up again
        # for every object, and a run sends each extraction to the parent and through a spool.
        # Rebuilt by position: every field must stay an __init__ argument, in order.
        return (Quote, _quote_state(self))


_QUOTE_FIELDS = tuple(f.name for f in dataclasses.fields(Quote))
_quote_state = attrgetter(*_QUOTE_FIELDS)


@dataclass(frozen=True, slots=True)
class Article:
    """An article as stored: its normalised text and what was read off it."""

    id: str
    text: str
    sha256: str
    path: str | None = None
    title: str | None = None
    date: str | None = None
    agency: str | None = None

    def to_dict(self) -> ArticleRecord:
        return dict(zip(_ARTICLE_FIELDS, _article_state(self)))  # type: ignore[return-value]

    def __reduce__(self):
        return (Article, _article_state(self))


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
_article_state = attrgetter(*_ARTICLE_FIELDS)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extracting one article yields: the article and its statements."""

    article: Article
    quotes: tuple[Quote, ...]

    def __reduce__(self):
        return (Extraction, (self.article, self.quotes))

    def rows(self) -> Rows:
        """The article and its statements as the store and the output take them."""
        return self.article.to_dict(), [q.to_dict() for q in self.quotes]


class _StatementFields(TypedDict):
    """What a statement says of itself, written once for the engine's QuoteFields and the
    StatementRecord."""

    kind: Kind
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_mention: str | None
    role: str | None
    verb: str | None
    verb_lemma: str | None
    source: str | None


class QuoteFields(_StatementFields):
    """A statement's own Quote fields, as the engine's `resolve` gives them; extraction adds its
    article's and makes the Quote."""

    via: tuple[str, ...]


class ArticleRecord(TypedDict):
    """An article as `Article.to_dict()` gives it, and as every store keeps it (the text aside:
    each backend keeps texts where reading a store's records does not parse them)."""

    id: str
    sha256: str
    path: str | None
    title: str | None
    date: str | None
    agency: str | None
    text: NotRequired[str]  # gone from stored records: `Store.texts` gives it
    location: NotRequired[str | None]  # stored: the absolute path, one file however it was typed
    version: NotRequired[int]  # stored: 1 for the first text stored at a location, then 2, 3...
    extracted_at: NotRequired[str]  # stored: when this version was stored (UTC, ISO 8601)


class StatementRecord(_StatementFields):
    """A statement as `Quote.to_dict()` gives it: the record the store keeps, `--format json`
    prints and the index, the audit and the diff read. Stored, it carries its article's
    location too. `text` is always `article_text[start:end]`."""

    via: list[str]
    article_id: str | None
    path: str | None
    title: str | None
    date: str | None
    agency: str | None
    location: NotRequired[str | None]


# An extraction as plain records: what a worker sends back when the parent only stores and
# prints it (dicts pickle and load faster than dataclasses, and need no converting after).
Rows = tuple[ArticleRecord, list[StatementRecord]]

# A statement's fields in the order every output gives them
QUOTE_FIELDS = ("article_id", "path", "title", "date", "agency", "kind", "text", "speaker",
                "speaker_mention", "role", "verb", "verb_lemma", "source", "via", "start", "end")

# A statement as stored (its article's location added) and as the commands read it back, with
# the person it resolved to once a query asked
RECORD_FIELDS = QUOTE_FIELDS + ("location", "person")
_AT_RECORD = {k: i for i, k in enumerate(RECORD_FIELDS)}


class Fields(tuple):
    """A record held as a tuple and read like its dict (`r["text"]`, `r.get("via")`): a
    fraction of a dict's memory. Subclasses name their fields in AT (field -> position); a
    field they lack, or hold as None, reads as None (or `default`)."""

    __slots__ = ()
    AT: dict[str, int] = {}

    def get(self, key: str, default: Any = None) -> Any:
        i = self.AT.get(key)
        value = tuple.__getitem__(self, i) if i is not None else None
        return default if value is None else value

    def __getitem__(self, key: Any) -> Any:
        return tuple.__getitem__(self, self.AT[key] if isinstance(key, str) else key)


class Record(Fields):
    """A stored statement read back, read like its dict (`r["text"]`, `r.get("via")`, `{**r}`)
    but held as a tuple with its repeated strings shared: a store's statements in a third of
    the memory, so that a command over 100,000 articles stays under a gigabyte. `via` is a
    tuple; a field the record lacks reads as None."""

    __slots__ = ()
    AT = _AT_RECORD

    @classmethod
    def of(cls, doc: Any, keep: Any = None) -> Record:
        """From a stored dict; `keep` (a dict's setdefault) shares equal strings between records."""
        values = []
        for v in map(doc.get, RECORD_FIELDS):
            if v.__class__ is str and keep is not None:
                v = keep(v, v)
            elif v.__class__ is list:
                v = tuple(v) if v else ()
            values.append(v)
        return cls(values)

    def with_person(self, name: str | None) -> Record:
        return Record(tuple.__getitem__(self, slice(0, -1)) + (name,))

    def keys(self) -> tuple[str, ...]:
        return RECORD_FIELDS

    def items(self) -> Any:
        return zip(RECORD_FIELDS, self)

    def __contains__(self, key: object) -> bool:
        return key in _AT_RECORD

    def as_dict(self) -> dict[str, Any]:
        d = dict(zip(RECORD_FIELDS, self))
        d["via"] = list(d["via"] or ())
        return d


# What resolving people reads of a statement: the index keeps only these (see `Slim`).
PEOPLE_KEYS = ("speaker", "speaker_mention", "role", "kind", "agency", "source", "date", "article_id")
_AT = {k: i for i, k in enumerate(PEOPLE_KEYS)}


class Slim(Fields):
    """A statement's PEOPLE_KEYS, read like the record: a million statements in about 150 MB
    instead of a gigabyte."""

    __slots__ = ()
    AT = _AT
