"""The records quotetrack produces: immutable, with offsets back into the article text."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Literal

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

    def to_dict(self) -> dict[str, Any]:
        d = {name: getattr(self, name) for name in _QUOTE_FIELDS}
        d["via"] = list(self.via)
        return d

    def with_article(self, article: "Article") -> "Quote":
        # by hand, not dataclasses.replace: that reads the fields anew on every call, and an
        # archive makes millions of these
        d = {name: getattr(self, name) for name in _OWN_FIELDS}
        return Quote(**d, article_id=article.id, path=article.path, title=article.title, date=article.date,
                     agency=article.agency)

    def __reduce__(self):
        # the fields as one tuple: a slotted dataclass's own pickling looks its fields up again
        # for every object, and a run sends each extraction to the parent and through a spool.
        # Rebuilt by position: every field must stay an __init__ argument, in order.
        return (Quote, _quote_state(self))


_QUOTE_FIELDS = tuple(f.name for f in dataclasses.fields(Quote))
_OWN_FIELDS = tuple(f for f in _QUOTE_FIELDS if f not in ("article_id", "path", "title", "date", "agency"))
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

    def to_dict(self) -> dict[str, Any]:
        return dict(zip(_ARTICLE_FIELDS, _article_state(self)))

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


# An extraction as plain records: what a worker sends back when the parent only stores and
# prints it (dicts pickle and load faster than dataclasses, and need no converting after).
Rows = tuple[dict[str, Any], list[dict[str, Any]]]
