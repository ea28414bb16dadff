"""The records quotetrack produces: immutable, with offsets back into the article text."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
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
    verb: str | None = None  # the reporting word as written ("заяви", "по думите на")
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


_QUOTE_FIELDS = tuple(f.name for f in dataclasses.fields(Quote))
_OWN_FIELDS = tuple(f for f in _QUOTE_FIELDS if f not in ("article_id", "path", "title", "date", "agency"))


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
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extracting one article yields: the article and its statements."""

    article: Article
    quotes: tuple[Quote, ...]
